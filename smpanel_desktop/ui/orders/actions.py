"""What the user can do with selected orders: refill, cancel, reorder, resolve, copy, open,
export the visible rows, import by id.  Panel work goes through the tab's worker tasks.

Dialogs are opened with ``open()`` (no nested event loop) and kept in ``self.dialog`` so tests
and automation can drive them.
"""

from __future__ import annotations

import csv
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMenu, QMessageBox, QToolButton

from smpanel_desktop.api.errors import UnknownOutcomeError
from smpanel_desktop.api.models import is_final_order_status
from smpanel_desktop.store.models import PLACED, SUBMITTING, UNKNOWN, Panel, TrackedOrder
from smpanel_desktop.ui.orders import tasks as orders_tasks
from smpanel_desktop.ui.orders.import_dialog import ImportOrdersDialog
from smpanel_desktop.ui.orders.model import COL_REFILL, progress
from smpanel_desktop.ui.orders.resolve_dialog import ResolveDialog
from smpanel_desktop.ui.orders.statuses import status_text
from smpanel_desktop.ui.orders.tasks import ActionResult
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from smpanel_desktop.ui.orders.tab import OrdersTab

MAX_OPEN_LINKS = 10
CSV_FIELDS = (
    "local_id",
    "order",
    "created",
    "service_id",
    "service",
    "link",
    "quantity",
    "charge",
    "currency",
    "start_count",
    "remains",
    "progress",
    "status",
    "state",
    "refill",
    "last_checked",
)


def _iso(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts)) if ts else ""


def _lost_answer(what: str, exc: BaseException) -> str:
    return QCoreApplication.translate(
        "OrdersActions",
        "The answer to the {what} request was lost ({error}): the panel may or may not have "
        "accepted it. Check the order on the panel before asking again.",
    ).format(what=QCoreApplication.translate("OrdersActions", what), error=exc)


_REQUEST_NAMES = (QT_TRANSLATE_NOOP("OrdersActions", "refill"),
                  QT_TRANSLATE_NOOP("OrdersActions", "cancel"))  # fmt: skip


class ActionTexts(QObject):
    """Texts with plural forms for the module's functions (only a QObject's ``tr`` gets them)."""

    def imported(self, count: int) -> str:
        return self.tr("Imported %Ln order(s).", "", count)


class OrdersActions(QObject):
    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = tab.ctx
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
        table = tab.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        table.selectionModel().selectionChanged.connect(self.update_enabled)
        table.doubleClicked.connect(lambda _i: self.resolve() if self._unknown() else None)

    def action(self, key: str) -> QAction:
        return self._actions[key]

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
        menu = QMenu(self.tab.table)
        for key in ("Refill", "Cancel", "Reorder", "Resolve", "CopyId", "CopyLink", "OpenLink"):
            menu.addAction(self._actions[key])
        menu.popup(self.tab.table.viewport().mapToGlobal(pos))

    # -- eligibility ------------------------------------------------------------------------------

    def _service_allows(self, order: TrackedOrder, flag: str) -> bool:
        service = self.ctx.services_by_id.get(order.service_id)
        return service is None or bool(getattr(service, flag))  # unknown: let the panel say

    def refillable(self, selected: list[TrackedOrder] | None = None) -> list[TrackedOrder]:
        return [
            o
            for o in (self.tab.selected_orders() if selected is None else selected)
            if o.state == PLACED and o.order is not None and self._service_allows(o, "refill")
        ]

    def cancellable(self, selected: list[TrackedOrder] | None = None) -> list[TrackedOrder]:
        return [
            o
            for o in (self.tab.selected_orders() if selected is None else selected)
            if o.state == PLACED
            and o.order is not None
            and not is_final_order_status(o.status)
            and self._service_allows(o, "cancel")
        ]

    def _unknown(self, selected: list[TrackedOrder] | None = None) -> TrackedOrder | None:
        selected = self.tab.selected_orders() if selected is None else selected
        return selected[0] if len(selected) == 1 and selected[0].state == UNKNOWN else None

    def update_enabled(self) -> None:
        selected = self.tab.selected_orders()
        connected = self.ctx.client is not None
        self._actions["Refill"].setEnabled(connected and bool(self.refillable(selected)))
        self._actions["Cancel"].setEnabled(connected and bool(self.cancellable(selected)))
        self._actions["Reorder"].setEnabled(len(selected) == 1 and _reorderable(selected[0]))
        self._actions["Resolve"].setEnabled(connected and self._unknown(selected) is not None)
        self._actions["CopyId"].setEnabled(any(o.order is not None for o in selected))
        self._actions["CopyLink"].setEnabled(any(o.link for o in selected))
        self._actions["OpenLink"].setEnabled(any(_link_url(o.link) for o in selected))
        self._actions["Import"].setEnabled(connected)

    # -- panel actions ----------------------------------------------------------------------------

    def _target(self) -> tuple[Any, Any, Panel] | None:
        """(store, client, panel) as they are now, bound into the task when the user acts,
        so a panel switch meanwhile cannot redirect it."""
        client, panel = self.ctx.client, self.ctx.panel
        if client is None or panel is None:
            self.tab.message.setText(self.tr("Not connected to a panel."))
            return None
        return self.ctx.store, client, panel

    def refill(self) -> None:
        orders = self.refillable()
        target = self._target() if orders else None
        if target is None:
            return
        ids = [o.order for o in orders if o.order is not None]
        task = partial(orders_tasks.refill, *target, ids)
        self.tab.message.setText(self.tr("Requesting a refill of %n order(s)…", "", len(ids)))
        self.tab.run_action(task, _describe_refill)

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
            self.tab,
        )
        box.setObjectName("ordersCancelQuestion")
        yes = box.button(QMessageBox.StandardButton.Yes)
        task = partial(orders_tasks.cancel, *target, ids)

        def answered(button: Any) -> None:
            self.dialog = None
            if button is yes:
                self.tab.message.setText(
                    self.tr("Requesting a cancel of %n order(s)…", "", len(ids))
                )
                self.tab.run_action(task, _describe_cancel)

        box.buttonClicked.connect(answered)
        self.dialog = box
        box.open()

    def resolve(self) -> None:
        order = self._unknown()
        target = self._target() if order is not None else None
        if order is None or target is None:
            return
        dialog = ResolveDialog(order, self.tab)

        def finished(code: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if code != ResolveDialog.DialogCode.Accepted:
                return
            verdict = dialog.verdict()
            task = partial(orders_tasks.resolve, *target, order.id, verdict)
            self.tab.run_action(task, partial(_describe_resolve, order, verdict))

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def import_dialog(self) -> None:
        if self._target() is None:
            return
        dialog = ImportOrdersDialog(self.tab)

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
        self.tab.message.setText(self.tr("Importing %n order(s)…", "", len(ids)))
        self.tab.run_action(task, _describe_import)

    # -- local actions ----------------------------------------------------------------------------

    def reorder(self) -> None:
        selected = self.tab.selected_orders()
        if len(selected) == 1 and _reorderable(selected[0]):
            self.ctx.reorderRequested.emit(selected[0])

    def copy_ids(self) -> None:
        ids = [str(o.order) for o in self.tab.selected_orders() if o.order is not None]
        if ids:
            QGuiApplication.clipboard().setText("\n".join(ids))
            self.tab.message.setText(self.tr("Copied %n order id(s).", "", len(ids)))

    def copy_links(self) -> None:
        links = [o.link for o in self.tab.selected_orders() if o.link]
        if links:
            QGuiApplication.clipboard().setText("\n".join(links))
            self.tab.message.setText(self.tr("Copied %n link(s).", "", len(links)))

    def open_links(self) -> None:
        urls = [u for u in (_link_url(o.link) for o in self.tab.selected_orders()) if u]
        for url in urls[:MAX_OPEN_LINKS]:
            QDesktopServices.openUrl(url)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.tab, self.tr("Export orders"), "orders.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> int:
        """Write the visible rows (as filtered and sorted) to ``path``; returns the row count."""
        model = self.tab.model
        orders = model.visible_orders()
        try:
            with open(path, "w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(CSV_FIELDS)
                for o in orders:
                    pct = progress(o)
                    writer.writerow(
                        (
                            o.id,
                            "" if o.order is None else o.order,
                            _iso(o.created_at),
                            o.service_id or "",
                            o.service_name,
                            o.link,
                            "" if o.quantity is None else o.quantity,
                            "" if o.charge is None else format(o.charge, "f"),
                            o.currency or "",
                            "" if o.start_count is None else o.start_count,
                            "" if o.remains is None else o.remains,
                            "" if pct is None else pct,
                            status_text(o),
                            o.state,
                            model.cell_text(o, COL_REFILL),
                            _iso(o.last_checked_at),
                        )
                    )
        except OSError as exc:
            self.tab.message.setText(
                self.tr("Could not write {path}: {error}").format(
                    path=path, error=exc.strerror or exc
                )
            )
            return 0
        self.tab.message.setText(
            self.tr("Exported %n order(s) to {path}.", "", len(orders)).format(path=path)
        )
        return len(orders)


def _reorderable(order: TrackedOrder) -> bool:
    """A known service, and not an order that may still exist (resolve that one first)."""
    return order.service_id > 0 and order.state not in (UNKNOWN, SUBMITTING)


def _link_url(link: str) -> QUrl | None:
    if not link or link.startswith("@") or any(ch.isspace() for ch in link):
        return None
    url = QUrl.fromUserInput(link)
    return url if url.isValid() and url.scheme() in ("http", "https") and url.host() else None


def _describe_refill(result: ActionResult) -> str:
    if isinstance(result.error, UnknownOutcomeError):
        return _lost_answer("refill", result.error)
    if result.error is not None:
        return QCoreApplication.translate("OrdersActions", "Refill failed: {error}").format(
            error=result.error
        )
    results = result.value or []
    refill = QCoreApplication.translate("OrdersActions", "{order} → refill {refill}")
    ok = [refill.format(order=r.order, refill=r.refill) for r in results if r.refill is not None]
    bad = [f"{r.order}: {r.error}" for r in results if r.refill is None]
    parts = []
    if ok:
        parts.append(
            QCoreApplication.translate("OrdersActions", "Refill requested: ") + ", ".join(ok)
        )
    if bad:
        parts.append(QCoreApplication.translate("OrdersActions", "Refused: ") + "; ".join(bad))
    nothing = QCoreApplication.translate("OrdersActions", "The panel answered nothing.")
    return ". ".join(parts) + "." if parts else nothing


def _describe_cancel(result: ActionResult) -> str:
    if isinstance(result.error, UnknownOutcomeError):
        return _lost_answer("cancel", result.error)
    if result.error is not None:
        return QCoreApplication.translate("OrdersActions", "Cancel failed: {error}").format(
            error=result.error
        )
    results = result.value or []
    ok = [str(r.order) for r in results if r.accepted]
    bad = [f"{r.order}: {r.error}" for r in results if not r.accepted]
    parts = []
    if ok:
        parts.append(
            QCoreApplication.translate(
                "OrdersActions", "Cancel requested for {orders} (the next refresh shows the result)"
            ).format(orders=", ".join(ok))
        )
    if bad:
        parts.append(QCoreApplication.translate("OrdersActions", "Refused: ") + "; ".join(bad))
    nothing = QCoreApplication.translate("OrdersActions", "The panel answered nothing.")
    return ". ".join(parts) + "." if parts else nothing


def _describe_import(result: ActionResult) -> str:
    if result.error is not None:
        return QCoreApplication.translate("OrdersActions", "Import stopped: {error}").format(
            error=result.error
        )
    imported, skipped = result.value
    text = ActionTexts().imported(len(imported))
    if skipped:
        items = [f"{k}: {v}" for k, v in list(skipped.items())[:5]]
        more = "…" if len(skipped) > 5 else ""
        text += " " + QCoreApplication.translate("OrdersActions", "Not imported: {items}").format(
            items="; ".join(items) + more
        )
    return text


def _describe_resolve(order: TrackedOrder, verdict: int | None, result: ActionResult) -> str:
    if result.error is not None:
        return QCoreApplication.translate(
            "OrdersActions", "Order #{id} stays unknown: {error}"
        ).format(id=order.id, error=result.error)
    if verdict is None:
        return QCoreApplication.translate(
            "OrdersActions", "Order #{id} marked as not placed."
        ).format(id=order.id)
    return QCoreApplication.translate(
        "OrdersActions", "Order #{id} is panel order {order} and is tracked again."
    ).format(id=order.id, order=verdict)
