"""The refill window of a service, set by the user: "Refill window…" in the Services tab.

The name usually says it ("30 Days ♻️"); where it does not, or says it wrongly, the user sets
days, lifetime or no refill.  Read and written by tasks; Orders' marks follow (the write ends
with ``ordersChanged``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.watch.guarantee import Guarantee, parse_guarantee
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.ui.widgets.plurals import plurals

AUTO, DAYS, LIFETIME, NONE = "", "days", "lifetime", "none"


def window_text(g: Guarantee) -> str:
    if g.kind == "days":
        return plurals().days(g.days or 0)
    if g.kind == "lifetime":
        return QCoreApplication.translate("RefillWindow", "lifetime")
    if g.kind == "none":
        return QCoreApplication.translate("RefillWindow", "no refill")
    return QCoreApplication.translate("RefillWindow", "not stated (the panel decides)")


class RefillWindowDialog(QDialog):
    """Contract: ``RefillWindowDialog(ctx, service, current, parent)``; ``current``: the setting
    text (``30``, ``lifetime``, ``none``, ``""``)."""

    def __init__(
        self, ctx: AppContext, service: Service, current: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        named(self, "refillWindowDialog")
        self.ctx, self.service = ctx, service
        self.setWindowTitle(self.tr("Refill window"))
        self.kind = named(QComboBox(), "refillWindowKind")
        from_name = window_text(parse_guarantee(service.name))
        for label, key in (
            (self.tr("From the service name ({0})").format(from_name), AUTO),
            (self.tr("Days"), DAYS),
            (self.tr("Lifetime"), LIFETIME),
            (self.tr("No refill"), NONE),
        ):
            self.kind.addItem(label, key)
        self.days = named(QSpinBox(), "refillWindowDays")
        self.days.setRange(1, 3650)
        self.days.setValue(30)
        try:
            g = Guarantee.from_text(current)
        except ValueError:
            g = Guarantee("unstated")
        key = {"days": DAYS, "lifetime": LIFETIME, "none": NONE}.get(g.kind, AUTO)
        self.kind.setCurrentIndex(max(self.kind.findData(key), 0))
        if g.days:
            self.days.setValue(g.days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"{service.id} {service.name}"))
        form.addRow(self.tr("Window:"), self.kind)
        form.addRow(self.tr("Days:"), self.days)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.days.setEnabled(self.kind.currentData() == DAYS)

    def chosen(self) -> str:
        key = str(self.kind.currentData() or "")
        return str(self.days.value()) if key == DAYS else key

    def accept(self) -> None:
        panel = self.ctx.panel
        if panel is not None:
            store = self.ctx.store
            task = partial(store.set_refill_window, panel.id, self.service.id, self.chosen())
            self.ctx.run(task, lambda _r: self.ctx.ordersChanged.emit(), owner=self)
        super().accept()


class RefillWindowButton(QPushButton):
    """Contract: ``RefillWindowButton(ctx, selected, selection_changed)``: enabled while a
    service is selected; opens ``RefillWindowDialog`` with its current setting."""

    def __init__(
        self, ctx: AppContext, selected: Callable[[], Service | None],
        selection_changed: SignalInstance, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(self.tr("Refill window…"), parent)
        named(self, "servicesRefillWindow")
        self.setToolTip(self.tr("How long the selected service's refill guarantee lasts"))
        self.ctx, self.selected = ctx, selected
        self.dialog: RefillWindowDialog | None = None
        self.setEnabled(False)
        selection_changed.connect(lambda *_a: self.setEnabled(self.selected() is not None))
        self.clicked.connect(self.open_dialog)

    def open_dialog(self) -> None:
        service, panel = self.selected(), self.ctx.panel
        if service is None or panel is None:
            return
        task = partial(self.ctx.store.refill_windows, panel.id)
        self.ctx.run(
            task, lambda windows: self._show(service, windows.get(service.id, "")), owner=self
        )

    def _show(self, service: Service, current: str) -> None:
        self.dialog = RefillWindowDialog(self.ctx, service, current, self.window())
        self.dialog.open()
