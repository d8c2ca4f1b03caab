"""The Orders tab: every tracked order, filtered and sorted as Python lists, refreshed off-thread.

Loading and refreshing run on the worker thread (``tasks.py``); the GUI thread only swaps the
finished lists into a thin model.  The tab builds its widgets (``layout.py``) and composes two
parts that receive what they need and report by signals: ``OrdersRefresher`` (refresh.py: the
Refresh button, the auto-refresh timer, progress) and ``OrdersActions`` (actions.py).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.orders import layout
from smpanel_desktop.ui.orders.actions import OrdersActions
from smpanel_desktop.ui.orders.filter import STATUS_CHOICES, OrderFilter, other_statuses
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.orders.refresh import OrdersRefresher
from smpanel_desktop.ui.orders.tasks import ActionResult, OrdersSnapshot, load
from smpanel_desktop.ui.watch.orders_bar import OrdersWatchBar
from smpanel_desktop.ui.widgets.formatting import format_int, format_time
from smpanel_desktop.workers.task_runner import Generation


class OrdersTab(QWidget):
    """Contract: ``OrdersTab(ctx)``; reloads from ``ctx.store`` on ``ctx.ordersChanged``."""

    refreshFinished = Signal(object)  # ActionResult of a finished refresh (GUI thread)
    loaded = Signal()  # the model holds a new snapshot

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = OrdersModel(self)
        self._loads = Generation()  # the newest load wins
        self._own_change = False

        self.status_filter = layout.status_filter_box()
        self.search = layout.search_field()
        self.count = layout.count_label()
        self.interval = layout.interval_box()
        self.refresh_button = layout.refresh_button()
        self.progress = layout.progress_bar()
        self.table = layout.orders_table(self.model)
        self.message = layout.message_label()
        self.refresher = OrdersRefresher(
            ctx, self.interval, self.refresh_button, self.progress, self.model.has_open_work, self
        )
        self.order_actions = OrdersActions(ctx, self.table, self.model, self)
        # refill all eligible, stuck orders (ui/watch/)
        self.watch_bar = OrdersWatchBar(ctx, self.model, self.status_filter, self)
        self._arrange()

        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.refresher.message.connect(self.message.setText)
        self.refresher.finished.connect(self._on_refreshed)
        self.order_actions.message.connect(self.message.setText)
        self.order_actions.finished.connect(self._on_action_done)
        self.order_actions.failed.connect(self._on_action_failed)
        self.watch_bar.message.connect(self.message.setText)
        self.watch_bar.finished.connect(self._on_action_done)
        self.watch_bar.failed.connect(self._on_action_failed)
        self.loaded.connect(self.watch_bar.recompute)
        ctx.ordersChanged.connect(self._on_orders_changed)
        ctx.panelChanged.connect(self._on_panel_changed)
        self.reload()

    def _arrange(self) -> None:
        """The controls on top, the table, the action buttons, the message line."""
        bar = QHBoxLayout()
        status = QLabel(self.tr("S&tatus:"))
        status.setBuddy(self.status_filter)
        bar.addWidget(status)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        bar.addSpacing(12)
        auto = QLabel(self.tr("&Auto-refresh:"))
        auto.setBuddy(self.interval)
        bar.addWidget(auto)
        bar.addWidget(self.interval)
        bar.addWidget(self.progress)
        bar.addWidget(self.refresh_button)
        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(self.watch_bar)
        column.addWidget(self.table, 1)
        column.addLayout(self.order_actions.button_row())
        column.addWidget(self.message)

    # -- the refresher's state, as the tab's -------------------------------------------------

    @property
    def timer(self) -> QTimer:
        return self.refresher.timer

    @property
    def refreshing(self) -> bool:
        return self.refresher.refreshing

    @property
    def last_refresh(self) -> float | None:
        return self.refresher.last_refresh

    def refresh(self, quiet: bool = False) -> bool:
        """Poll the open orders through the worker; False when one is already in flight."""
        return self.refresher.refresh(quiet)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the current panel's orders on the worker; the newest request wins."""
        self._loads.bump()
        panel = self.ctx.panel
        if panel is None:
            self._apply_snapshot(OrdersSnapshot(-1))
            return
        self.ctx.run(
            partial(load, self.ctx.store, panel.id),
            self._apply_snapshot,
            self._on_load_error,
            owner=self,
            current=self._loads.guard(),
        )

    def _on_load_error(self, exc: BaseException) -> None:
        self.message.setText(
            self.tr("Could not read the tracked orders: {error}").format(error=exc)
        )

    def _apply_snapshot(self, snapshot: OrdersSnapshot) -> None:
        panel = self.ctx.panel
        if panel is not None and snapshot.panel_id not in (panel.id, -1):
            return  # loaded for a panel that is no longer current
        orders = snapshot.orders
        if snapshot.partial:  # a refresh's rewritten rows, in place of theirs
            merged = snapshot.merged(self.model.all_orders())
            if merged is None:  # rows not loaded yet: load them all
                self.reload()
                return
            orders = merged  # a load queued meanwhile (rows added) is newer: it still comes
        else:
            self._loads.bump()  # anything still queued is older than this
        kept = {o.id for o in self.selected_orders()}  # a reload must not drop the selection
        self.model.set_orders(
            orders, snapshot.refills, self.ctx.currency, snapshot.dripfeeds,
            in_place=snapshot.partial,
        )  # fmt: skip
        self.table.select_rows(self.model.rows_of(kept) if kept else [])
        self._offer_statuses(other_statuses(orders))
        self._update_count()
        self.order_actions.update_enabled()
        self.loaded.emit()

    def _on_refreshed(self, result: ActionResult, text: str) -> None:
        self._apply_snapshot(result.snapshot)
        if text:
            self.message.setText(text)
        self.notify_changed()
        self.refreshFinished.emit(result)

    def _on_action_done(self, result: ActionResult, text: str) -> None:
        self._apply_snapshot(result.snapshot)
        self.message.setText(text)
        self.notify_changed()

    def _on_action_failed(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    def _on_panel_changed(self, _panel: object) -> None:
        self.refresher.last_refresh = None
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

    def selected_orders(self) -> list[TrackedOrder]:
        """The selected rows' orders."""
        return self.order_actions.selected_orders()
