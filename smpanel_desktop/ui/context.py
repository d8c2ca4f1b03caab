"""What every tab shares: the store, the worker, the current panel and what is known about it.

Tabs read state from here and listen to its signals; they never talk to each other directly.
All network work goes through ``run`` (the background worker); the GUI thread never waits on it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from smpanel_desktop.api.errors import ApiError, InvalidKeyError, PanelError, RateLimitedError
from smpanel_desktop.workers.task_runner import DEFAULT_LANE, ErrorCallback, Generation, TaskRunner

if TYPE_CHECKING:
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.api.inflight import InFlight
    from smpanel_desktop.api.models import Balance, Service
    from smpanel_desktop.store.models import Panel
    from smpanel_desktop.store.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class AppContext(QObject):
    panelChanged = Signal(object)  # Panel | None: a different panel is now current
    catalogChanged = Signal()  # self.services was replaced (cache load or refresh)
    ordersChanged = Signal()  # tracked orders in the store changed (placed, refreshed, resolved)
    balanceChanged = Signal(object)  # Balance
    connectionChanged = Signal(str)  # "online" | "offline" | "connecting" | "demo"
    statusMessage = Signal(str)  # a short message for the status bar
    orderServiceRequested = Signal(object)  # Service: open New Order with it selected
    reorderRequested = Signal(object)  # TrackedOrder: open New Order pre-filled from it
    catalogBusy = Signal(bool)  # a catalog refresh started (True) / ended (False)
    catalogFailed = Signal(str)  # the last catalog refresh failed: the message to show
    balanceBusy = Signal(bool)
    balanceFailed = Signal(str)

    def __init__(
        self, store: Store | Callable[[], Store], runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        """``store``: the store, or a function that opens it when ``store`` is first used (the
        app opens its database after the window's first paint)."""
        super().__init__(parent)
        self._store: Store | None = None if callable(store) else store
        self._open_store: Callable[[], Store] | None = store if callable(store) else None
        self.runner = runner
        self.panel: Panel | None = None
        self.client: PanelClient | None = None
        self.client_factory: Callable[[], PanelClient] | None = None
        """Makes more clients like ``client`` (one per thread: refreshes keep a few requests in
        flight); None when the panel has no client."""
        self.demo = False
        self.services: list[Service] = []
        self.services_by_id: dict[int, Service] = {}
        self.catalog_fetched_at: float | None = None
        self.balance: Balance | None = None
        self.balance_fetched_at: float | None = None
        self.connection = "offline"
        self.last_error: str | None = None
        self.generation = Generation()  # bumped on every panel switch: late answers are dropped
        self._busy: set[str] = set()  # refreshes in flight: "catalog", "balance"
        self._signals = {
            "catalog": (self.catalogBusy, self.catalogFailed),
            "balance": (self.balanceBusy, self.balanceFailed),
        }
        self._inflight: InFlight | None = None
        runner.on_shutdown(self.abort_requests)

    @property
    def inflight(self) -> InFlight:
        """Where every client of the app notes its open connections (made when first used:
        urllib3 is not needed for the first paint)."""
        if self._inflight is None:
            from smpanel_desktop.api.inflight import InFlight

            self._inflight = InFlight()
        return self._inflight

    def abort_requests(self) -> None:
        """Close every connection in flight and refuse new ones (the app is quitting)."""
        if self._inflight is not None:
            self._inflight.abort()

    @property
    def store(self) -> Store:
        """The local database (opened here on first use when given as a function)."""
        if self._store is None:
            assert self._open_store is not None
            self._store = self._open_store()
        return self._store

    @property
    def store_is_open(self) -> bool:
        return self._store is not None

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

    # -- panel switching and refreshes ------------------------------------------------------

    def set_panel(
        self,
        panel: Panel | None,
        client: PanelClient | None,
        *,
        demo: bool,
        client_factory: Callable[[], PanelClient] | None = None,
    ) -> None:
        """Make ``panel`` current with its ``client`` (None: no key yet); forget the old data.
        ``client_factory`` makes more clients like it (for requests in parallel).

        The old client is closed on the worker thread, after anything it is still running.
        """
        old = self.client
        self.generation.bump()
        self.panel, self.client, self.demo = panel, client, demo
        self.client_factory = client_factory if client is not None else None
        self.services, self.services_by_id, self.catalog_fetched_at = [], {}, None
        self.balance = None
        self.balance_fetched_at = None
        self.last_error = None
        for kind in self._busy:  # the old panel's refreshes no longer count
            self._signals[kind][0].emit(False)
        self._busy.clear()
        if old is not None and old is not client:
            self.run(old.close)
        self.panelChanged.emit(panel)
        self.catalogChanged.emit()
        self.set_connection("connecting" if client is not None else "offline")

    def set_connection(self, state: str) -> None:
        """``online`` | ``offline`` | ``connecting`` | ``demo`` (online on the demo panel) |
        ``keyrefused`` (the panel answers, but not to this key)."""
        if state == "online" and self.demo:
            state = "demo"
        self.connection = state
        self.connectionChanged.emit(state)

    def _failed(self, exc: BaseException, what: str) -> str:
        """Turn a worker error into the text users see; network trouble means offline."""
        text = str(exc) if isinstance(exc, ApiError) else f"{type(exc).__name__}: {exc}"
        if not isinstance(exc, ApiError):
            log.error("%s failed", what, exc_info=exc)
        repeated = text == self.last_error  # e.g. the balance after the catalog: the first stays
        self.last_error = text
        # The panel answered (its own error, or "slow down"): reachable.  Anything else: offline.
        # A refused key is neither: nothing works until it is replaced.
        reachable = isinstance(exc, PanelError | RateLimitedError)
        state = "keyrefused" if isinstance(exc, InvalidKeyError) else None
        self.set_connection(state or ("online" if reachable else "offline"))
        if not repeated:
            self.statusMessage.emit(self.tr("{what} failed: {error}").format(what=what, error=text))
        return text

    def load_cached_catalog(self) -> None:
        """Show the panel's cached catalog (read on the worker thread) as soon as it is read."""
        panel = self.panel
        if panel is None:
            return

        def done(result: tuple[list[Service], float | None]) -> None:
            if result[0] and not self.services:
                self.set_services(result[0], result[1])

        def failed(exc: BaseException) -> None:  # the refresh that follows still fills the tab
            log.warning("cached catalog of %s unreadable: %s", panel.name, exc)

        read = partial(self.store.load_services, panel.id)
        self.run(read, done, failed, current=self.generation.guard())

    def refresh_catalog(self) -> None:
        """Fetch the catalog from the panel in the background, cache it and show it."""
        from smpanel_desktop.core.catalog import refresh_catalog

        panel, client = self.panel, self.client
        if panel is None or client is None:
            return

        def show(services: list[Service]) -> None:
            self.set_services(services, time.time())
            self.statusMessage.emit(self.tr("Catalog refreshed: %Ln service(s)", "", len(services)))

        fetch = partial(refresh_catalog, self.store, client, panel)
        self._refresh("catalog", self.tr("Catalog refresh"), fetch, show)

    def refresh_balance(self) -> None:
        """Fetch the balance in the background; ``balanceChanged`` or ``balanceFailed`` follow."""
        panel, client = self.panel, self.client
        if panel is None or client is None:
            return

        def fetch() -> Balance:
            from smpanel_desktop.core.money.balances import fetch_balance

            return fetch_balance(self.store, client, panel)  # recorded in the balance history

        def show(balance: Balance) -> None:
            self.balance_fetched_at = time.time()
            self.set_balance(balance)

        self._refresh("balance", self.tr("Balance"), fetch, show)

    def _refresh(
        self, kind: str, what: str, fetch: Callable[[], Any], show: Callable[[Any], None]
    ) -> None:
        """Run one refresh of ``kind`` at a time; its busy/failed signals tell the tabs."""
        if kind in self._busy:
            return
        busy, failed = self._signals[kind]
        self._busy.add(kind)
        busy.emit(True)

        def finish() -> None:
            self._busy.discard(kind)
            busy.emit(False)

        def done(value: Any) -> None:
            finish()
            self.last_error = None
            self.set_connection("online")
            show(value)

        def error(exc: BaseException) -> None:
            finish()
            failed.emit(self._failed(exc, what))

        # answers for a panel no longer shown are dropped (set_panel reset its busy state)
        self.run(fetch, done, error, current=self.generation.guard())

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
        *,
        lane: str = DEFAULT_LANE,
        owner: QObject | None = None,
        current: Callable[[], bool] | None = None,
    ) -> int:
        """Run ``fn`` on a worker thread; the callbacks come back on the GUI thread, unless
        ``owner`` was destroyed or ``current()`` says the answer is stale by then.

        Tasks of one ``lane`` run in order; ``ORDERS_LANE`` keeps placing an order from waiting
        behind a long refresh."""
        return self.runner.submit(fn, on_done, on_error, lane=lane, owner=owner, current=current)
