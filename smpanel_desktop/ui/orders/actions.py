"""What the user can do with selected orders: refill, cancel, reorder, resolve, copy, open,
export the visible rows, import by id.

``OrdersActions`` receives the context, the table and its model, and the widget its dialogs
belong to; panel work runs as worker tasks on the orders lane (``tasks.py``), and what happened
goes back to the tab by signals: ``message`` for a line to show, ``finished`` with the reloaded
rows and what to say of them, ``failed`` when the rows must be read again.  Dialogs are opened
with ``open()`` (no nested event loop) and kept in ``self.dialog`` so tests and automation can
drive them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMenu, QMessageBox, QToolButton, QWidget

from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.orders import applicable, describe
from smpanel_desktop.ui.orders import tasks as orders_tasks
from smpanel_desktop.ui.orders.export import write_csv
from smpanel_desktop.ui.orders.import_dialog import ImportOrdersDialog
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.orders.resolve_dialog import ResolveDialog
from smpanel_desktop.ui.orders.tasks import ActionResult
from smpanel_desktop.ui.orders.view import OrdersView
from smpanel_desktop.workers.task_runner import ORDERS_LANE

MAX_OPEN_LINKS = 10


class OrdersActions(QObject):
    message = Signal(str)  # a line for the user
    finished = Signal(object, str)  # ActionResult (its snapshot: the rows now), what happened
    failed = Signal(str)  # the task itself failed: say so and read the rows again

    def __init__(
        self, ctx: AppContext, table: OrdersView, model: OrdersModel, dialogs_parent: QWidget
    ) -> None:
        super().__init__(dialogs_parent)
        self.ctx = ctx
        self.table = table
        self.model = model
        self.parent_widget = dialogs_parent
        self.dialog: Any = None
        self._actions: dict[str, QAction] = {}
        for key, text, slot, tip in (
            ("Refill", self.tr("Re&fill"), self.refill,
             self.tr("Ask the panel to refill the selected orders")),
            ("Cancel", self.tr("Ca&ncel"), self.cancel,
             self.tr("Ask the panel to cancel the selected orders")),
            ("Reorder", self.tr("Reor&der"), self.reorder,
             self.tr("Open New Order pre-filled from this order")),
            ("Resolve", self.tr("Reso&lve…"), self.resolve,
             self.tr("Say whether an unknown order was placed")),
            ("CopyId", self.tr("Copy &id"), self.copy_ids, self.tr("Copy the panel order ids")),
            ("CopyLink", self.tr("Copy lin&k"), self.copy_links, self.tr("Copy the links")),
            ("OpenLink", self.tr("O&pen link"), self.open_links,
             self.tr("Open the links in the browser")),
            ("Export", self.tr("E&xport CSV…"), self.export_dialog,
             self.tr("Save the visible rows as CSV")),
            ("Import", self.tr("I&mport…"), self.import_dialog,
             self.tr("Track orders placed elsewhere by id")),
        ):  # fmt: skip
            action = QAction(text, self)
            action.setObjectName(f"orders{key}")
            action.setToolTip(tip)
            action.triggered.connect(slot)
            self._actions[key] = action
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        table.selectionModel().selectionChanged.connect(self.update_enabled)
        table.doubleClicked.connect(lambda _i: self.resolve() if self._unknown() else None)

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def selected_orders(self) -> list[TrackedOrder]:
        """The selected rows' orders, read from the selection's ranges (``selectedRows()``
        would call back into Python per cell: 0.4 s for 5,000 selected rows)."""
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for i in range(selection.size()):
            span = selection.at(i)
            rows.update(range(span.top(), span.bottom() + 1))
        return [o for o in (self.model.order_at(r) for r in sorted(rows)) if o is not None]

    def _run(self, task: Callable[[], ActionResult], say: Callable[[ActionResult], str]) -> None:
        """Run a worker task that ends with a reload of the rows; ``say`` describes it.

        Actions go on the orders lane with placing: they never wait behind a long refresh, and
        every write (add, refill, cancel) goes out from one thread, one at a time."""

        def done(result: ActionResult) -> None:
            self.finished.emit(result, say(result))

        def error(exc: BaseException) -> None:
            self.failed.emit(self.tr("Failed: {error}").format(error=exc))

        self.ctx.run(task, done, error, lane=ORDERS_LANE, owner=self)

    def button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for key, action in self._actions.items():
            if key == "CopyId":
                row.addStretch(1)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(f"{action.objectName()}Button")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
        return row

    def _menu(self, pos: Any) -> None:
        menu = QMenu(self.table)
        for key in ("Refill", "Cancel", "Reorder", "Resolve", "CopyId", "CopyLink", "OpenLink"):
            menu.addAction(self._actions[key])
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- which selected orders an action applies to (applicable.py) -------------------------

    def refillable(self, selected: list[TrackedOrder] | None = None) -> list[TrackedOrder]:
        chosen = self.selected_orders() if selected is None else selected
        return applicable.refillable(chosen, self.ctx.services_by_id)

    def cancellable(self, selected: list[TrackedOrder] | None = None) -> list[TrackedOrder]:
        chosen = self.selected_orders() if selected is None else selected
        return applicable.cancellable(chosen, self.ctx.services_by_id)

    def _unknown(self, selected: list[TrackedOrder] | None = None) -> TrackedOrder | None:
        return applicable.single_unknown(self.selected_orders() if selected is None else selected)

    def update_enabled(self) -> None:
        selected = self.selected_orders()
        connected = self.ctx.client is not None
        self._actions["Refill"].setEnabled(connected and bool(self.refillable(selected)))
        self._actions["Cancel"].setEnabled(connected and bool(self.cancellable(selected)))
        self._actions["Reorder"].setEnabled(
            len(selected) == 1 and applicable.reorderable(selected[0])
        )
        self._actions["Resolve"].setEnabled(connected and self._unknown(selected) is not None)
        self._actions["CopyId"].setEnabled(any(o.order is not None for o in selected))
        self._actions["CopyLink"].setEnabled(any(o.link for o in selected))
        self._actions["OpenLink"].setEnabled(any(applicable.link_url(o.link) for o in selected))
        self._actions["Import"].setEnabled(connected)

    # -- panel actions ----------------------------------------------------------------------------

    def _target(self) -> tuple[Any, Any, Panel] | None:
        """(store, client, panel) as they are now, bound into the task when the user acts,
        so a panel switch meanwhile cannot redirect it."""
        client, panel = self.ctx.client, self.ctx.panel
        if client is None or panel is None:
            self.message.emit(self.tr("Not connected to a panel."))
            return None
        return self.ctx.store, client, panel

    def refill(self) -> None:
        orders = self.refillable()
        target = self._target() if orders else None
        if target is None:
            return
        ids = [o.order for o in orders if o.order is not None]
        task = partial(orders_tasks.refill, *target, ids)
        self.message.emit(self.tr("Requesting a refill of %n order(s)…", "", len(ids)))
        self._run(task, describe.describe_refill)

    def cancel(self) -> None:
        orders = self.cancellable()
        target = self._target() if orders else None
        if target is None:
            return
        ids = [o.order for o in orders if o.order is not None]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel orders"),
            self.tr("Ask the panel to cancel %n order(s)?", "", len(ids))
            + f" ({', '.join(map(str, ids[:10]))}"
            + ("…" if len(ids) > 10 else "")
            + ")",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent_widget,
        )
        box.setObjectName("ordersCancelQuestion")
        yes = box.button(QMessageBox.StandardButton.Yes)
        task = partial(orders_tasks.cancel, *target, ids)

        def answered(button: Any) -> None:
            self.dialog = None
            if button is yes:
                self.message.emit(self.tr("Requesting a cancel of %n order(s)…", "", len(ids)))
                self._run(task, describe.describe_cancel)

        box.buttonClicked.connect(answered)
        self.dialog = box
        box.open()

    def resolve(self) -> None:
        order = self._unknown()
        target = self._target() if order is not None else None
        if order is None or target is None:
            return
        dialog = ResolveDialog(order, self.parent_widget)

        def finished(code: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if code != ResolveDialog.DialogCode.Accepted:
                return
            verdict = dialog.verdict()
            task = partial(orders_tasks.resolve, *target, order.id, verdict)
            self._run(task, partial(describe.describe_resolve, order, verdict))

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def import_dialog(self) -> None:
        if self._target() is None:
            return
        dialog = ImportOrdersDialog(self.parent_widget)

        def finished(code: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if code == ImportOrdersDialog.DialogCode.Accepted and dialog.ids():
                self.import_ids(dialog.ids())

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def import_ids(self, ids: list[int]) -> None:
        target = self._target()
        if target is None:
            return
        task = partial(orders_tasks.import_ids, *target, list(ids))
        self.message.emit(self.tr("Importing %Ln order(s)…", "", len(ids)))
        self._run(task, describe.describe_import)

    # -- local actions ----------------------------------------------------------------------------

    def reorder(self) -> None:
        selected = self.selected_orders()
        if len(selected) == 1 and applicable.reorderable(selected[0]):
            self.ctx.reorderRequested.emit(selected[0])

    def copy_ids(self) -> None:
        ids = [str(o.order) for o in self.selected_orders() if o.order is not None]
        if ids:
            QGuiApplication.clipboard().setText("\n".join(ids))
            self.message.emit(self.tr("Copied %n order id(s).", "", len(ids)))

    def copy_links(self) -> None:
        links = [o.link for o in self.selected_orders() if o.link]
        if links:
            QGuiApplication.clipboard().setText("\n".join(links))
            self.message.emit(self.tr("Copied %n link(s).", "", len(links)))

    def open_links(self) -> None:
        urls = [u for u in (applicable.link_url(o.link) for o in self.selected_orders()) if u]
        for url in urls[:MAX_OPEN_LINKS]:
            QDesktopServices.openUrl(url)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export orders"), "orders.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> int:
        """Write the visible rows (as filtered and sorted) to ``path``; returns the row count."""
        try:
            count = write_csv(path, self.model)
        except OSError as exc:
            self.message.emit(
                self.tr("Could not write {path}: {error}").format(
                    path=path, error=exc.strerror or exc
                )
            )
            return 0
        self.message.emit(self.tr("Exported %Ln order(s) to {path}.", "", count).format(path=path))
        return count
