"""The Orders tab: every tracked order, filtered and sorted as Python lists, refreshed off-thread.

Loading and refreshing run on the worker thread (``orders_tasks``); the GUI thread only swaps
the finished lists into a thin model.  Open orders are polled by a GUI-thread ``QTimer`` that
skips a tick while a refresh is in flight; final orders are never polled (``refresh_orders``
asks only for open ones).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.formatting import format_time
from smpanel_desktop.ui.orders_actions import OrdersActions
from smpanel_desktop.ui.orders_filter import STATUS_CHOICES, OrderFilter, other_statuses
from smpanel_desktop.ui.orders_model import (
    COL_CREATED,
    COL_LINK,
    COL_ORDER,
    COL_REFILL,
    COL_SERVICE,
    OrdersModel,
)
from smpanel_desktop.ui.orders_tasks import ActionResult, OrdersSnapshot, load, refresh
from smpanel_desktop.ui.orders_view import OrdersView
from smpanel_desktop.workers.task_runner import ORDERS_LANE

REFRESH_SETTING = "orders_refresh_seconds"
DEFAULT_REFRESH_SECONDS = 60
PROGRESS_THRESHOLD = 200  # orders: show a progress bar for refreshes at least this big
COLUMN_WIDTHS = (44, 64, 100, 200, 160, 66, 96, 84, 70, 66, 100, 90, 100)
# The widest text a column must show whole (10-digit order ids, an older order's date, a
# refill): measured in the table's font, the extra width taken from Service and Link.
FIT_SAMPLES = {
    COL_ORDER: "99999999999",
    COL_CREATED: "2026-12-31 23:59",
    COL_REFILL: "99999: requested",
}
CELL_PADDING = 14


class _ProgressRelay(QObject):
    """Carries ``progress(done, total)`` from the worker thread to the GUI thread (queued)."""

    progressed = Signal(int, int)


class OrdersTab(QWidget):
    """Contract: ``OrdersTab(ctx)``; reloads from ``ctx.store`` on ``ctx.ordersChanged``."""

    refreshFinished = Signal(object)  # ActionResult of a finished refresh (GUI thread)
    loaded = Signal()  # the model holds a new snapshot

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = OrdersModel(self)
        self._refreshing = False
        self._load_generation = 0
        self._own_change = False
        self.last_refresh: float | None = None
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("ordersStatusFilter")
        for label, key in STATUS_CHOICES:
            self.status_filter.addItem(label, key)
        self.search = QLineEdit()
        self.search.setObjectName("ordersSearch")
        self.search.setPlaceholderText("Filter by order id, service, link…")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("ordersCount")
        self.interval = QSpinBox()
        self.interval.setObjectName("ordersAutoRefresh")
        self.interval.setRange(0, 3600)
        self.interval.setSuffix(" s")
        self.interval.setSpecialValueText("off")
        self.interval.setToolTip("Refresh open orders automatically every N seconds (0 = off)")
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setObjectName("ordersRefresh")
        self.progress = QProgressBar()
        self.progress.setObjectName("ordersProgress")
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.table = OrdersView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # unsorted until a header click: newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(column_widths(self.table.fontMetrics())):
            header.resizeSection(column, width)  # every column fits in 1280 px
        self.message = QLabel()
        self.message.setObjectName("ordersMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # panel texts are never HTML
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.order_actions = OrdersActions(self)
        self._build_layout()

        self.timer = QTimer(self)
        self.timer.setObjectName("ordersAutoRefreshTimer")
        self.timer.timeout.connect(self._on_tick)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.interval.valueChanged.connect(self._on_interval)
        ctx.ordersChanged.connect(self._on_orders_changed)
        ctx.panelChanged.connect(self._on_panel_changed)
        self.interval.setValue(self._saved_interval())
        self._on_interval(self.interval.value())
        self.reload()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Status:"))
        bar.addWidget(self.status_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Auto-refresh:"))
        bar.addWidget(self.interval)
        bar.addWidget(self.progress)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.order_actions.button_row())
        layout.addWidget(self.message)

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
        self.message.setText(f"Could not read the tracked orders: {exc}")

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
        text = f"{shown:,} of {total:,} orders"
        if self.last_refresh is not None:
            text += f" · refreshed {format_time(self.last_refresh)}"
        self.count.setText(text)

    # -- refreshing ---------------------------------------------------------------------------

    @property
    def refreshing(self) -> bool:
        return self._refreshing

    def _saved_interval(self) -> int:
        raw = self.ctx.store.get_setting(REFRESH_SETTING)
        try:
            return max(0, min(3600, int(raw))) if raw is not None else DEFAULT_REFRESH_SECONDS
        except ValueError:
            return DEFAULT_REFRESH_SECONDS

    def _on_interval(self, seconds: int) -> None:
        if seconds > 0:
            self.timer.start(seconds * 1000)
        else:
            self.timer.stop()
        if seconds != self._saved_interval():  # written by the worker: the GUI never waits
            self.ctx.run(partial(self.ctx.store.set_setting, REFRESH_SETTING, str(seconds)))

    def _on_tick(self) -> None:
        if self._refreshing or self.ctx.client is None:
            return  # skip this tick: one refresh at a time
        if self.model.has_open_work():
            self.refresh(quiet=True)

    def refresh(self, quiet: bool = False) -> bool:
        """Poll the open orders through the worker; False when one is already in flight."""
        ctx = self.ctx
        if self._refreshing:
            return False
        if ctx.client is None or ctx.panel is None:
            self.message.setText("Not connected to a panel: cannot refresh.")
            return False
        self._refreshing = True
        self.refresh_button.setEnabled(False)
        self.refresh_button.setText("Refreshing…")
        if not quiet:
            self.message.setText("Refreshing open orders…")
        task = partial(
            refresh, ctx.store, ctx.client, ctx.panel, self._relay.progressed.emit,
            ctx.client_factory,
        )  # fmt: skip
        ctx.run(task, self._on_refreshed, self._on_refresh_failed)
        return True

    def _on_progress(self, done: int, total: int) -> None:
        if total >= PROGRESS_THRESHOLD and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done:,} / {total:,}")
            self.progress.show()
        else:
            self.progress.hide()

    def _end_refresh(self) -> None:
        self._refreshing = False
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        self.refresh_button.setText("Refresh")

    def _on_refreshed(self, result: ActionResult) -> None:
        self._end_refresh()
        self.last_refresh = time.time()
        self._apply_snapshot(result.snapshot)
        summary = result.value
        if result.error is not None:
            self.message.setText(f"Refresh failed: {result.error}")
        elif summary is not None and summary.failure is not None:
            self.message.setText(
                f"Refresh stopped after {summary.checked:,} orders: {summary.failure}"
            )
        elif summary is not None:
            self.message.setText(
                f"Checked {summary.checked:,} open orders: {summary.changed:,} changed"
                + (f", {summary.errors:,} with errors" if summary.errors else "")
                + "."
            )
        self.notify_changed()
        self.refreshFinished.emit(result)

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self._end_refresh()
        self.message.setText(f"Refresh failed: {exc}")

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
            self.message.setText(f"Failed: {exc}")
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


def column_widths(metrics: QFontMetrics) -> list[int]:
    """COLUMN_WIDTHS with the FIT_SAMPLES columns wide enough; the same total width."""
    widths = list(COLUMN_WIDTHS)
    for column, sample in FIT_SAMPLES.items():
        widths[column] = max(widths[column], metrics.horizontalAdvance(sample) + CELL_PADDING)
    extra = sum(widths) - sum(COLUMN_WIDTHS)
    from_service = min(extra // 2, widths[COL_SERVICE] - 120)
    widths[COL_SERVICE] -= from_service
    widths[COL_LINK] = max(100, widths[COL_LINK] - (extra - from_service))
    return widths
