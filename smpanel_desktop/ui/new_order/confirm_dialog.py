"""The last look before money is spent: service, link, quantity, runs and cost.

Opened with ``open()`` (window-modal, no nested event loop), so the caller continues on
``accepted`` / ``rejected`` and tests drive it with ``accept()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from smpanel_desktop.ui.widgets import style


@dataclass(frozen=True, slots=True)
class OrderSummary:
    service: str
    link: str
    quantity: str
    runs: str
    cost: str
    warning: str = ""
    extra: tuple[tuple[str, str], ...] = ()
    """(label, value) of every other field the type takes (comments, answer number, …)."""


class OrderConfirmDialog(QDialog):
    def __init__(self, summary: OrderSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderConfirmDialog")
        self.setWindowTitle(self.tr("Place this order?"))
        self.summary = summary
        layout = QVBoxLayout(self)
        form = QFormLayout()
        for label, title, value in (
            ("Service", self.tr("Service:"), summary.service),
            ("Link", self.tr("Link:"), summary.link or "—"),
            ("Quantity", self.tr("Quantity:"), summary.quantity or "—"),
            ("Runs", self.tr("Runs:"), summary.runs or "—"),
            ("Cost", self.tr("Cost:"), summary.cost or self.tr("unknown")),
        ):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)  # a panel's service name is never HTML
            text.setObjectName(f"confirm{label}")
            form.addRow(title, text)
        for index, (title, value) in enumerate(summary.extra):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setObjectName(f"confirmExtra{index}")
            form.addRow(self.tr("{field}:").format(field=title), text)
        layout.addLayout(form)
        if summary.warning:
            warning = QLabel(summary.warning)
            warning.setWordWrap(True)
            warning.setTextFormat(Qt.TextFormat.PlainText)
            style.tint(warning, style.ERROR, bold=True)
            layout.addWidget(warning)
        note = QLabel(self.tr("The panel charges your balance when it accepts the order."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Place order"))
        ok.setObjectName("confirmPlace")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
