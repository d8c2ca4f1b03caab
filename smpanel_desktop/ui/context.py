"""What every tab shares: the store, the worker, the current panel and what is known about it.

Tabs read state from here and listen to its signals; they never talk to each other directly.
All network work goes through ``run`` (the background worker); the GUI thread never waits on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from smpanel_desktop.api.models import Balance, Service
from smpanel_desktop.workers.task_runner import TaskRunner

if TYPE_CHECKING:
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.store.models import Panel
    from smpanel_desktop.store.store import Store


class AppContext(QObject):
    panelChanged = Signal(object)  # Panel | None: a different panel is now current
    catalogChanged = Signal()  # self.services was replaced (cache load or refresh)
    ordersChanged = Signal()  # tracked orders in the store changed (placed, refreshed, resolved)
    balanceChanged = Signal(object)  # Balance
    connectionChanged = Signal(str)  # "online" | "offline" | "connecting" | "demo"
    statusMessage = Signal(str)  # a short message for the status bar
    orderServiceRequested = Signal(object)  # Service: open New Order with it selected
    reorderRequested = Signal(object)  # TrackedOrder: open New Order pre-filled from it

    def __init__(self, store: Store, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.panel: Panel | None = None
        self.client: PanelClient | None = None
        self.demo = False
        self.services: list[Service] = []
        self.services_by_id: dict[int, Service] = {}
        self.catalog_fetched_at: float | None = None
        self.balance: Balance | None = None

    @property
    def currency(self) -> str:
        """The current panel's currency (from its balance), or an empty string."""
        if self.balance is not None:
            return self.balance.currency
        if self.panel is not None and self.panel.currency:
            return self.panel.currency
        return ""

    def set_services(self, services: list[Service], fetched_at: float | None) -> None:
        self.services = services
        self.services_by_id = {s.id: s for s in services}
        self.catalog_fetched_at = fetched_at
        self.catalogChanged.emit()

    def set_balance(self, balance: Balance) -> None:
        self.balance = balance
        self.balanceChanged.emit(balance)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        """Run ``fn`` on the worker thread; the callbacks come back on the GUI thread."""
        return self.runner.submit(fn, on_done, on_error)
