"""Reconcile an order whose outcome is unknown: attach the panel's order id, or mark not placed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_int, format_time


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # panel and user texts are never HTML
    return label


class ResolveDialog(QDialog):
    """``verdict()`` after accept: the panel order id found, or None for "not placed"."""

    def __init__(self, order: TrackedOrder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolveDialog")
        self.setWindowTitle(self.tr("Resolve order #{id}").format(id=order.id))
        self.order = order
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The panel's answer to this order was lost, so it may or may not have been placed "
                "(and charged). Look in the panel's own order list for an order with this link, "
                "service and quantity, created at this time, then say what you found."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        facts = QFormLayout()
        facts.addRow(self.tr("Service:"), _plain(f"{order.service_id} — {order.service_name}"))
        facts.addRow(self.tr("Link:"), _plain(order.link or "—"))
        facts.addRow(
            self.tr("Quantity:"),
            QLabel("" if order.quantity is None else format_int(order.quantity)),
        )
        facts.addRow(self.tr("Sent at:"), QLabel(format_time(order.created_at)))
        if order.last_error:
            error = _plain(order.last_error)
            error.setWordWrap(True)
            facts.addRow(self.tr("What happened:"), error)
        layout.addLayout(facts)
        self.found = QRadioButton(self.tr("I found it on the panel; its order id is:"))
        self.found.setObjectName("resolveFound")
        self.order_id = QLineEdit()
        self.order_id.setObjectName("resolveOrderId")
        self.order_id.setPlaceholderText(self.tr("the panel's order id"))
        self.not_placed = QRadioButton(self.tr("It is not on the panel: it was not placed"))
        self.not_placed.setObjectName("resolveNotPlaced")
        group = QButtonGroup(self)
        group.addButton(self.found)
        group.addButton(self.not_placed)
        self.found.setChecked(True)
        layout.addWidget(self.found)
        layout.addWidget(self.order_id)
        layout.addWidget(self.not_placed)
        self.problem = QLabel()
        self.problem.setObjectName("resolveProblem")
        style.tint(self.problem, style.ERROR)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Resolve"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for signal in (self.found.toggled, self.order_id.textChanged):
            signal.connect(self._update)
        self._update()

    def verdict(self) -> int | None:
        if self.not_placed.isChecked():
            return None
        return int(self.order_id.text().strip())

    def _update(self) -> None:
        text = self.order_id.text().strip()
        found = self.found.isChecked()
        self.order_id.setEnabled(found)
        valid = text.isascii() and text.isdigit() and int(text) > 0
        wrong = found and bool(text) and not valid
        self.problem.setText(
            self.tr("Enter the order id (digits) you found on the panel.") if wrong else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found or valid)

    def accept(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()
