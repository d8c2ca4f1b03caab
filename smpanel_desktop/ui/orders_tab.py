"""The Orders tab (placeholder until the order-workflow work lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from smpanel_desktop.ui.context import AppContext


class OrdersTab(QWidget):
    """Contract: ``OrdersTab(ctx)``; reloads from ``ctx.store`` on ``ctx.ordersChanged``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Orders are not built yet."))
