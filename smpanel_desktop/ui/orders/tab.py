"""The Orders tab: every tracked order, filtered and sorted as Python lists, refreshed off-thread.

Loading and refreshing run on the worker thread (``orders_tasks``); the GUI thread only swaps
the finished lists into a thin model.  The widgets are built in ``orders_layout``; refreshing
(button, auto-refresh timer, progress) is ``orders_refresh``; the order actions are
``orders_actions``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QWidget

from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.orders import layout as orders_layout
from smpanel_desktop.ui.orders.actions import OrdersActions
from smpanel_desktop.ui.orders.filter import STATUS_CHOICES, OrderFilter, other_statuses
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.orders.refresh import OrdersRefreshing
from smpanel_desktop.ui.orders.tasks import ActionResult, OrdersSnapshot, load
from smpanel_desktop.ui.widgets.formatting import format_int, format_time
from smpanel_desktop.workers.task_runner import ORDERS_LANE


class OrdersTab(OrdersRefreshing, QWidget):
    """Contract: ``OrdersTab(ctx)``; reloads from ``ctx.store`` on ``ctx.ordersChanged``."""

    refreshFinished = Signal(object)  # ActionResult of a finished refresh (GUI thread)
    loaded = Signal()  # the model holds a new snapshot

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = OrdersModel(self)
        self._load_generation = 0
        self._own_change = False

        self.status_filter = orders_layout.status_filter_box()
        self.search = orders_layout.search_field()
        self.count = orders_layout.count_label()
        self.interval = orders_layout.interval_box()
        self.refresh_button = orders_layout.refresh_button()
        self.progress = orders_layout.progress_bar()
        self.table = orders_layout.orders_table(self.model)
        self.message = orders_layout.message_label()
        self.order_actions = OrdersActions(self)
        orders_layout.arrange(self)

        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        ctx.ordersChanged.connect(self._on_orders_changed)
        ctx.panelChanged.connect(self._on_panel_changed)
        self._init_refresh()
        self.reload()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the current panel's orders on the worker; the newest request wins."""
        self._load_generation += 1
        panel = self.ctx.panel
        if panel is None:
            self._apply_snapshot(OrdersSnapshot(-1))
            return
        generation = self._load_generation
        self.ctx.run(
            partial(load, self.ctx.store, panel.id),
            lambda snap: self._on_loaded(generation, snap),
            self._on_load_error,
        )

    def _on_loaded(self, generation: int, snapshot: OrdersSnapshot) -> None:
        if generation == self._load_generation:
            self._apply_snapshot(snapshot)

    def _on_load_error(self, exc: BaseException) -> None:
        self.message.setText(
            self.tr("Could not read the tracked orders: {error}").format(error=exc)
        )

    def _apply_snapshot(self, snapshot: OrdersSnapshot) -> None:
        panel = self.ctx.panel
        if panel is not None and snapshot.panel_id not in (panel.id, -1):
            return  # loaded for a panel that is no longer current
        self._load_generation += 1  # anything still queued is older than this
        kept = {o.id for o in self.selected_orders()}  # a reload must not drop the selection
        self.model.set_orders(snapshot.orders, snapshot.refills, self.ctx.currency)
        self.table.select_rows(self.model.rows_of(kept) if kept else [])
        self._offer_statuses(other_statuses(snapshot.orders))
        self._update_count()
        self.order_actions.update_enabled()
        self.loaded.emit()

    def _on_panel_changed(self, _panel: object) -> None:
        self.last_refresh = None
        self.message.clear()
        self.reload()

    def _on_orders_changed(self) -> None:
        if not self._own_change:
            self.reload()

    def notify_changed(self) -> None:
        """Tell the other tabs (without reloading ourselves: the snapshot is already here)."""
        self._own_change = True
        try:
            self.ctx.ordersChanged.emit()
        finally:
            self._own_change = False

    def _offer_statuses(self, statuses: list[str]) -> None:
        """List the panel's own status texts after the fixed choices, keeping the current one."""
        combo = self.status_filter
        current = combo.currentData()
        if current and current not in {key for _label, key in STATUS_CHOICES}:
            label = combo.currentText()
            if label.lower() == current and label not in statuses:
                statuses = sorted([*statuses, label], key=str.casefold)  # chosen: keep it
        present = [combo.itemText(i) for i in range(len(STATUS_CHOICES), combo.count())]
        if present == statuses:
            return
        with QSignalBlocker(combo):
            while combo.count() > len(STATUS_CHOICES):
                combo.removeItem(combo.count() - 1)
            for status in statuses:
                combo.addItem(status, status.lower())
            index = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(index, 0))
        if combo.currentData() != current:
            self._apply_filter()

    def _apply_filter(self) -> None:
        key = self.status_filter.currentData() or ""
        self.model.set_filter(OrderFilter(str(key), self.search.text()))
        self._update_count()
        self.order_actions.update_enabled()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = self.tr("%Ln order(s)", "", total)
        if shown != total:
            text = self.tr("{shown} of {total} orders").format(
                shown=format_int(shown), total=format_int(total)
            )
        if self.last_refresh is not None:
            text += " · " + self.tr("refreshed {time}").format(time=format_time(self.last_refresh))
        self.count.setText(text)

    # -- actions (used by OrdersActions) ------------------------------------------------------

    def run_action(
        self, task: Callable[[], ActionResult], describe: Callable[[ActionResult], str]
    ) -> None:
        """Run a worker task that ends with a reload; show what ``describe`` says of it.

        Actions go on the orders lane with placing: they never wait behind a long refresh, and
        every write (add, refill, cancel) goes out from one thread, one at a time."""

        def done(result: ActionResult) -> None:
            self._apply_snapshot(result.snapshot)
            self.message.setText(describe(result))
            self.notify_changed()

        def failed(exc: BaseException) -> None:
            self.message.setText(self.tr("Failed: {error}").format(error=exc))
            self.reload()

        self.ctx.run(task, done, failed, lane=ORDERS_LANE)

    def selected_orders(self) -> list[TrackedOrder]:
        """The selected rows' orders, read from the selection's ranges (``selectedRows()``
        would call back into Python per cell: 0.4 s for 5,000 selected rows)."""
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for i in range(selection.size()):
            span = selection.at(i)
            rows.update(range(span.top(), span.bottom() + 1))
        return [o for o in (self.model.order_at(r) for r in sorted(rows)) if o is not None]
