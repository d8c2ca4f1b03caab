"""What the use cases need of a panel client (the batching of ids is api/batching.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
