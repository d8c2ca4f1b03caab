"""The New Order tab (placeholder until the order-workflow work lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from smpanel_desktop.ui.context import AppContext


class NewOrderTab(QWidget):
    """Contract: ``NewOrderTab(ctx)``; listens to ``ctx.orderServiceRequested`` (select a service)
    and ``ctx.reorderRequested`` (pre-fill from a TrackedOrder) itself."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("New Order is not built yet."))
