"""What the use cases need of a panel client, and the batching of ids they send."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from smpanel_desktop.api.models import (
    Balance,
    CancelResult,
    Catalog,
    OrderStatus,
    RefillResult,
    RefillStatus,
    StatusResult,
)

BATCH = 100
"""Ids per ``orders=`` / ``refills=`` request (the protocol's limit)."""


class Client(Protocol):
    def services(self) -> Catalog: ...
    def add(self, service: int, params: Mapping[str, str | int]) -> int: ...
    def statuses(self, orders: Sequence[int]) -> list[StatusResult]: ...
    def status(self, order: int) -> OrderStatus: ...
    def refills(self, orders: Sequence[int]) -> list[RefillResult]: ...
    def refill_statuses(self, refills: Sequence[int]) -> list[RefillStatus]: ...
    def cancel(self, orders: Sequence[int]) -> list[CancelResult]: ...
    def balance(self) -> Balance: ...


Progress = Callable[[int, int], None]


def chunks(ids: Sequence[int], size: int = BATCH) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def unique(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))
