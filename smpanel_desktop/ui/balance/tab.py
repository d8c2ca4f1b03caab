"""The Balance tab: the panel's balance, exact and in its currency, refreshed on sight."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smpanel_desktop.api.models import Balance
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_money, format_time
from smpanel_desktop.ui.widgets.named import named


class BalanceTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panel_name = named(QLabel(), "balancePanel")
        self.value = named(QLabel("—"), "balanceValue")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setAccessibleName(self.tr("Balance"))
        self.updated = named(QLabel(), "balanceUpdated")
        self.error = named(QLabel(), "balanceError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # the panel's words, never HTML
        style.tint(self.error, style.ERROR)
        self.error.hide()
        self.refresh_button = named(QPushButton(self.tr("Refresh")), "balanceRefresh")
        self.refresh_button.setToolTip(self.tr("Ask the panel for the balance now"))

        row = QHBoxLayout()
        row.addWidget(self.updated)
        row.addSpacing(12)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.panel_name)
        layout.addWidget(self.value)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.refresh_button.clicked.connect(ctx.refresh_balance)
        ctx.balanceChanged.connect(self._show)
        ctx.balanceBusy.connect(self._busy)
        ctx.balanceFailed.connect(self._failed)
        ctx.panelChanged.connect(self._panel_changed)
        self._panel_changed(ctx.panel)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.ctx.refresh_balance()  # "refreshed when the tab opens"

    @Slot(object)
    def _panel_changed(self, panel: object) -> None:
        name = getattr(panel, "name", "")
        self.panel_name.setText(
            self.tr("Balance on {panel}").format(panel=name) if name else self.tr("No panel")
        )
        self.value.setText("—")
        self.updated.setText(self.tr("Not fetched yet"))
        self.error.hide()
        if self.ctx.balance is not None:
            self._show(self.ctx.balance)

    @Slot(object)
    def _show(self, balance: Balance) -> None:
        self.value.setText(format_money(balance.amount, balance.currency))
        self.updated.setText(
            self.tr("Updated {time}").format(time=format_time(self.ctx.balance_fetched_at))
        )
        self.error.hide()

    @Slot(bool)
    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        self.refresh_button.setText(self.tr("Refreshing…") if busy else self.tr("&Refresh"))

    @Slot(str)
    def _failed(self, text: str) -> None:
        self.error.setText(self.tr("Could not fetch the balance: {error}").format(error=text))
        self.error.show()
