"""The watchers' bar above the Orders table: "Refill all eligible (N)" and "Stuck (N)".

After every load of the tab's rows (and every catalog change) the marks are computed on the
worker (``compute_marks``: store reads only) and handed to the tab's model, which shows an
icon on the status of eligible and stuck orders, tints stuck rows and filters by them.  A
catalog equal to the one the newest marks were computed with, for the same rows, less than
``SAME_MARKS_SECONDS`` ago (a catalog refresh that changed nothing) is not computed again.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMessageBox, QPushButton, QWidget

from smpanel_desktop.api.errors import ApiError
from smpanel_desktop.api.models import RefillResult
from smpanel_desktop.core.watch.refills import refill_eligible
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.orders.tasks import ActionResult, load
from smpanel_desktop.ui.watch.marks import STUCK, WatchMarks, compute_marks
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.workers.task_runner import ORDERS_LANE, Generation

SAME_MARKS_SECONDS = 60.0
"""Marks this young, from the same catalog and rows, are not computed again for a catalog."""


def refill_task(store: Store, client: Any, panel: Panel, orders: Sequence[TrackedOrder]) -> Any:
    """Worker side: request the refills (never retried), then reload the rows."""
    mine = [o for o in orders if o.panel_id == panel.id]  # never another panel's ids
    try:
        value: Any = refill_eligible(store, client, panel, mine)
    except ApiError as exc:  # what was answered is recorded; the rest is in the message
        return ActionResult(load(store, panel.id), None, exc)
    return ActionResult(load(store, panel.id), value)


class OrdersWatchBar(QWidget):
    """Contract: ``OrdersWatchBar(ctx, model, status_filter, parent)``; the tab calls
    ``recompute()`` after each load and listens to ``message``, ``finished`` and ``failed`` as
    it does to OrdersActions'; ``marksReady`` after each new set of marks."""

    marksReady = Signal(object)  # WatchMarks
    message = Signal(str)  # a line for the user
    finished = Signal(object, str)  # ActionResult of "Refill all eligible", what happened
    failed = Signal(str)  # the task itself failed

    def __init__(
        self, ctx: AppContext, model: OrdersModel, status_filter: QComboBox, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.ctx, self.model, self.status_filter = ctx, model, status_filter
        self.dialog: QMessageBox | None = None
        self._marks = Generation()  # the newest computation wins
        self.refill_all = named(QPushButton(), "ordersRefillAllEligible")
        self.refill_all.setToolTip(
            self.tr(
                "Ask for a refill of every Completed order whose service has refill, inside its "
                "guarantee, with no refill pending and none asked in the last 24 hours"
            )
        )
        self.refill_all.clicked.connect(self.ask_refill_all)
        self.stuck = named(QPushButton(), "ordersShowStuck")
        self.stuck.setToolTip(self.tr("Show the open orders whose remains have not moved"))
        self.stuck.setFlat(True)
        self.stuck.clicked.connect(self.show_stuck)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stuck)
        row.addStretch(1)
        row.addWidget(self.refill_all)
        self._show(WatchMarks())
        self._basis: tuple[int, list[Any], list[TrackedOrder], float] | None = None
        """What the newest marks are computed from: panel id, services, rows, when."""
        ctx.catalogChanged.connect(self._on_catalog)

    @property
    def marks(self) -> WatchMarks:
        return self.model.watch

    def _on_catalog(self) -> None:
        """A new catalog: the marks again, unless it equals the one the newest marks were
        computed with, for the same rows, a moment ago (a catalog refresh that changed nothing:
        a Refresh clicked meanwhile would wait behind the computation)."""
        basis, panel = self._basis, self.ctx.panel
        if (
            basis is not None
            and panel is not None
            and basis[0] == panel.id
            and time.time() - basis[3] < SAME_MARKS_SECONDS
            and basis[1] == self.ctx.services
            and basis[2] == self.model.all_orders()
        ):
            return
        self.recompute()

    def recompute(self) -> None:
        """Compute the marks on the worker; the newest request wins."""
        panel = self.ctx.panel
        self._marks.bump()
        self._basis = None
        if panel is None:
            self._show(WatchMarks())
            return
        orders = self.model.all_orders()  # the rows just loaded: not read again
        services = self.ctx.services
        task = partial(compute_marks, self.ctx.store, panel, services, orders)
        self._basis = (panel.id, services, orders, time.time())
        # on the panel lane: beside a refresh, on a lane of its own, its Python loops over
        # 10,000 orders held the GUI thread back (the bench's heartbeat: 23-65 ms instead of
        # 26 ms); an older computation still queued is skipped (its guard is stale)
        self.ctx.run(task, self._done, self._failed, owner=self, current=self._marks.guard())

    def _done(self, marks: WatchMarks) -> None:
        panel = self.ctx.panel
        if panel is None or marks.panel_id != panel.id:
            return
        self.model.set_watch(marks)
        self._show(marks)
        self.marksReady.emit(marks)

    def _failed(self, exc: BaseException) -> None:
        self._basis = None
        text = self.tr("Could not check refills and stuck orders: {0}")
        self.message.emit(text.format(exc))

    def _show(self, marks: WatchMarks) -> None:
        n = len(marks.eligible)
        self.refill_all.setText(self.tr("Refill all eligible (%n)", "", n))
        self.refill_all.setEnabled(n > 0 and self.ctx.client is not None)
        stuck = len(marks.stuck)
        self.stuck.setText(self.tr("Stuck (%n)", "", stuck))
        self.stuck.setVisible(stuck > 0)
        style.tint(self.stuck, style.ATTENTION, bold=True)

    def show_stuck(self) -> None:
        combo = self.status_filter
        combo.setCurrentIndex(max(combo.findData(STUCK), 0))

    def eligible_orders(self) -> list[TrackedOrder]:
        wanted, panel = self.marks.eligible, self.ctx.panel
        if panel is None or self.marks.panel_id != panel.id:
            return []
        return [o for o in self.model.all_orders() if o.id in wanted and o.panel_id == panel.id]

    def ask_refill_all(self) -> None:
        orders = self.eligible_orders()
        panel, client = self.ctx.panel, self.ctx.client
        if not orders or panel is None or client is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Refill all eligible"),
            self.tr("Ask the panel to refill %n order(s)? Each is asked once.", "", len(orders)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        named(box, "ordersRefillAllQuestion")
        yes = box.button(QMessageBox.StandardButton.Yes)

        def answered(button: Any) -> None:
            self.dialog = None
            if button is yes:
                self.refill(orders, panel, client)

        box.buttonClicked.connect(answered)
        self.dialog = box
        box.open()

    def refill(self, orders: list[TrackedOrder], panel: Panel, client: Any) -> None:
        self.refill_all.setEnabled(False)  # one request per order: never twice
        self.message.emit(self.tr("Requesting refill of %n order(s)…", "", len(orders)))
        task = partial(refill_task, self.ctx.store, client, panel, orders)

        def done(result: ActionResult) -> None:
            self.finished.emit(result, self._describe(result))

        def error(exc: BaseException) -> None:
            self.failed.emit(self.tr("Failed: {0}").format(exc))

        # the orders lane, with placing and the other writes: one at a time, never behind a
        # long refresh
        self.ctx.run(task, done, error, lane=ORDERS_LANE, owner=self)

    def _describe(self, result: ActionResult) -> str:
        value: list[RefillResult] = result.value or []
        accepted = sum(1 for r in value if r.refill is not None)
        text = self.tr("Refills: %n accepted", "", accepted)
        refused = len(value) - accepted
        if refused:
            text += self.tr(", %n refused", "", refused)
        if result.error is not None:
            text += " · " + self.tr("Stopped: {0}").format(result.error)
        return text
