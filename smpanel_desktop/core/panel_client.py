"""What the use cases need of a panel client (the batching of ids is api/batching.py), and the
panel's remembered single-form actions (api/forms.py) kept in the store per panel."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Protocol

from smpanel_desktop.api.models import (
    Balance,
    CancelResult,
    Catalog,
    OrderStatus,
    RefillResult,
    RefillStatus,
    Service,
    StatusResult,
)
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store


class Client(Protocol):
    single_form: set[str]
    """Actions the panel reads only in the single form (``order=``), learnt by the client."""

    def services(self, known: Mapping[int, Service] | None = None) -> Catalog: ...
    def add(self, service: int, params: Mapping[str, str | int]) -> int: ...
    def statuses(self, orders: Sequence[int]) -> list[StatusResult]: ...
    def status(self, order: int) -> OrderStatus: ...
    def refills(self, orders: Sequence[int]) -> list[RefillResult]: ...
    def refill_statuses(self, refills: Sequence[int]) -> list[RefillStatus]: ...
    def cancel(self, orders: Sequence[int]) -> list[CancelResult]: ...
    def balance(self) -> Balance: ...


Progress = Callable[[int, int], None]

SINGLE_FORM_SETTING = "single_form.panel{}"
"""Setting key (with the panel id): the actions that panel reads only in the single form,
comma-separated (``refill,refill_status``)."""


def remembered_forms(store: Store, panel: Panel) -> set[str]:
    value = store.get_setting(SINGLE_FORM_SETTING.format(panel.id)) or ""
    return {action for action in value.split(",") if action}


@contextlib.contextmanager
def panel_forms(store: Store, panel: Panel, *clients: Client) -> Iterator[None]:
    """For the duration of a use case: the clients know what the panel was found to read only
    in the single form, and what they learn meanwhile is kept for the panel (one write)."""
    known = remembered_forms(store, panel)
    for client in clients:
        client.single_form |= known
    try:
        yield
    finally:
        learnt = set().union(*(client.single_form for client in clients)) - known
        if learnt:
            value = ",".join(sorted(known | learnt))
            store.set_setting(SINGLE_FORM_SETTING.format(panel.id), value)
