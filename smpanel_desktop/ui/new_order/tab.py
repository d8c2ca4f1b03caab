"""The New Order tab: pick a service, fill the form its type declares, confirm, place it once.

Validation and the cost preview follow every keystroke.  Submit opens a confirmation; on accept
``place_order`` runs on the worker with immutable values only.  The submit button stays disabled
from the first click until the outcome is known, so a double click can never make two orders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from smpanel_desktop.api.errors import PanelError, UnknownOutcomeError
from smpanel_desktop.api.models import Service
from smpanel_desktop.core.orders.fields import FieldProblem
from smpanel_desktop.core.orders.params import build_params, estimate_cost, total_quantity
from smpanel_desktop.core.orders.validation import validate
from smpanel_desktop.store.favourites import Preset
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.favourites import Favourites
from smpanel_desktop.ui.new_order.confirm_dialog import OrderConfirmDialog
from smpanel_desktop.ui.new_order.form import OrderForm
from smpanel_desktop.ui.new_order.outcome import describe_failure, place_order_task
from smpanel_desktop.ui.new_order.quick_bar import QuickBar
from smpanel_desktop.ui.new_order.service_details import ServiceDetails
from smpanel_desktop.ui.new_order.service_picker import ServicePicker
from smpanel_desktop.ui.new_order.summary import OrderTexts
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_money
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.workers.task_runner import ORDERS_LANE


def _text_label(name: str, role: str | None, *, bold: bool = False) -> QLabel:
    """A wrapped plain-text label (panel texts are never HTML), coloured by ``role``."""
    label = named(QLabel(), name)
    style.tint(label, role, bold=bold)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if not bold:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class NewOrderTab(QWidget):
    """Contract: ``NewOrderTab(ctx)``; listens to ``ctx.orderServiceRequested`` (select a service)
    and ``ctx.reorderRequested`` (pre-fill from a TrackedOrder) itself."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        favourites: Favourites | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.favourites = favourites or Favourites(ctx, self)
        self.quick = QuickBar(self.favourites, lambda: self.form.values())  # star, presets…
        self.confirm_dialog: OrderConfirmDialog | None = None
        self.last_order: TrackedOrder | None = None
        self._in_flight = False
        self._touched: set[str] = set()
        self._show_all = False

        self.picker = ServicePicker()
        self.details = ServiceDetails()
        self.form = OrderForm()
        self.cost = named(QLabel(), "orderCost")
        self.cost.setStyleSheet("font-weight: bold;")
        self.balance_warning = _text_label("orderBalanceWarning", style.WARNING, bold=True)
        self.hint = _text_label("orderHint", style.ERROR)
        self.error = _text_label("orderError", style.ERROR)
        self.result = _text_label("orderResult", None)
        self.submit_button = named(QPushButton(OrderTexts().submit_text(False)), "orderSubmit")
        self.submit_button.setDefault(True)
        self._build_layout()

        self.picker.serviceChosen.connect(self._on_service)
        self.picker.serviceChosen.connect(self.quick.set_service)
        self.quick.presetChosen.connect(self.apply_preset)
        self.form.changed.connect(self._refresh_state)
        self.submit_button.clicked.connect(self.submit)
        ctx.catalogChanged.connect(self._on_catalog)
        ctx.balanceChanged.connect(lambda _b: self._refresh_state())
        ctx.panelChanged.connect(lambda _p: self._on_catalog())
        ctx.orderServiceRequested.connect(self.select_service)
        ctx.reorderRequested.connect(self.prefill)
        self._on_catalog()

    def _build_layout(self) -> None:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.details)
        column.addWidget(self.form)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Service:")))
        top.addWidget(self.picker, 1)
        top.addWidget(self.quick)
        bottom = QHBoxLayout()
        texts = QVBoxLayout()
        for label in (self.cost, self.balance_warning, self.hint, self.error, self.result):
            texts.addWidget(label)
        bottom.addLayout(texts, 1)
        bottom.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    # -- choosing -------------------------------------------------------------------------------

    @property
    def service(self) -> Service | None:
        return self.form.service

    def _on_catalog(self) -> None:
        self.picker.set_services(self.ctx.services)

    def select_service(self, service: Service) -> None:
        self.picker.select_service(service)

    def _on_service(self, service: Service | None) -> None:
        self._touched.clear()
        self._show_all = False
        self.error.clear()
        if not self._in_flight:  # "Order placed: id …" belongs to the service it was placed for
            self.result.clear()
        self.details.show_service(service, self.ctx.currency)
        self.form.set_service(service)

    def prefill(self, order: TrackedOrder) -> None:
        """Reorder: the same service (from the catalog when it is still there) and parameters."""
        service = self.ctx.services_by_id.get(order.service_id) or Service(
            order.service_id, order.service_name, order.service_type, "", Decimal(0), 0, 0
        )  # (id, name, type, category, rate, min, max): no longer in the catalog
        self._fill(service, order.params)
        self.result.setText(OrderTexts().prefilled(order.order, order.id))

    def _fill(self, service: Service, values: Mapping[str, Any]) -> None:
        self.select_service(service)
        self.form.set_values(values)
        self._touched.update(k for k, v in self.form.values().items() if v)
        self._refresh_state()

    def apply_preset(self, preset: Preset) -> None:
        """Fill the form from ``preset``; when it is complete, ask to place it at once."""
        service = self.ctx.services_by_id.get(preset.service_id)
        if service is None:
            text = self.tr("The service of preset “%1” is not in the catalog.")
            self.error.setText(text.replace("%1", preset.name))
            return
        self._fill(service, preset.values)
        if not self._problems(service, self.form.values()):
            self.submit()

    # -- live state -----------------------------------------------------------------------------

    def _problems(self, service: Service, values: dict[str, str]) -> list[FieldProblem]:
        return self.form.problems() + validate(service, values)

    def _refresh_state(self) -> None:
        service = self.service
        if service is None:
            self.cost.setText(self.tr("Cost: choose a service"))
            self.balance_warning.clear()
            self.hint.clear()
            self._update_submit()
            return
        values = self.form.values()
        self._touched.update(name for name, value in values.items() if value.strip())
        shown = set(self.form.field_names()) if self._show_all else self._touched | {"extras"}
        leftovers = self.form.show_problems(self._problems(service, values), shown)
        self.hint.setText("\n".join(leftovers) if self._show_all else "")
        self._show_cost(service, values)
        self._update_submit()

    def _show_cost(self, service: Service, values: dict[str, str]) -> None:
        currency = self.ctx.currency
        cost = estimate_cost(service, values)
        total = total_quantity(service, values)
        if service.id not in self.ctx.services_by_id:
            cost = None
            text = self.tr("Cost: unknown — this service is not in the current catalog")
        else:
            text = OrderTexts().cost_hint(service, values, currency)
        if cost is None:
            self.cost.setText(text)
            self.balance_warning.clear()
            return
        detail = OrderTexts().cost_detail(total, values, self.form.dripfeed_on())
        amount = format_money(cost, currency, trim=True)
        self.cost.setText(self.tr("Cost: {amount}").format(amount=amount) + detail)
        balance = self.ctx.balance
        if balance is not None and cost > balance.amount:
            self.balance_warning.setText(OrderTexts().over_balance(balance))
        else:
            self.balance_warning.clear()

    def _update_submit(self) -> None:
        self.submit_button.setEnabled(self.service is not None and not self._in_flight)
        sending = self._in_flight and self.confirm_dialog is None  # not while confirming
        self.submit_button.setText(OrderTexts().submit_text(sending))

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    # -- submitting -----------------------------------------------------------------------------

    def submit(self) -> None:
        """Validate, then ask for confirmation (``confirm_dialog``), then send once."""
        service = self.service
        if self._in_flight or service is None:
            return
        values = self.form.values()
        problems = self._problems(service, values)
        if problems:  # say so, and drop an earlier "Order placed" that would read as this one's
            self._show_all = True
            self.result.clear()
            self._refresh_state()
            self.error.setText(self.tr("Correct the marked fields: nothing was sent."))
            self.form.focus_field(problems[0].field)
            return
        ctx = self.ctx
        if ctx.client is None or ctx.panel is None:
            self.error.setText(self.tr("Not connected to a panel: nothing can be sent."))
            return
        # What is confirmed is what is sent: this service, these values, this panel and client.
        task = place_order_task(ctx.store, ctx.client, ctx.panel, service, values, ctx.currency)
        panel = ctx.panel
        params = build_params(service, values)
        cost = estimate_cost(service, values)
        self.error.clear()
        self.result.clear()
        summary = OrderTexts().summary(service, params, cost, ctx.currency, ctx.balance)
        dialog = OrderConfirmDialog(summary, self)
        self.confirm_dialog = dialog
        self._set_in_flight(True)  # the button says "Placing…" only once it is sent
        dialog.finished.connect(lambda code: self._on_confirmed(dialog, code, task, panel))
        dialog.open()

    def _on_confirmed(
        self,
        dialog: OrderConfirmDialog,
        code: int,
        task: Callable[[], TrackedOrder],
        panel: Panel,
    ) -> None:
        if self.confirm_dialog is not dialog:
            return  # a second finished() of the same dialog: already handled
        self.confirm_dialog = None
        dialog.deleteLater()
        if code != OrderConfirmDialog.DialogCode.Accepted:
            self._set_in_flight(False)
            return
        if self.ctx.panel != panel:
            self.error.setText(
                self.tr("The panel was switched before you confirmed: nothing was sent.")
            )
            self._set_in_flight(False)
            return
        self.result.setText(self.tr("Placing the order…"))
        self._update_submit()
        self.ctx.run(task, self._on_placed, self._on_failed, lane=ORDERS_LANE)

    def _set_in_flight(self, on: bool) -> None:
        self._in_flight = on
        self._update_submit()

    def _on_placed(self, order: TrackedOrder) -> None:
        self._set_in_flight(False)
        self.last_order = order
        self.result.setText(OrderTexts().placed(order.order))
        self.form.clear()
        self._touched.clear()
        self._show_all = False
        self._refresh_state()
        self.ctx.ordersChanged.emit()
        self.ctx.refresh_balance()  # the panel charged it: the warning needs the new balance

    def _on_failed(self, exc: BaseException) -> None:
        self._set_in_flight(False)
        self.result.clear()
        self.error.setText(describe_failure(exc))
        if isinstance(exc, UnknownOutcomeError):
            self.form.clear()  # the parameters are kept in the unknown row, not re-sendable here
            self._touched.clear()
        if isinstance(exc, PanelError | UnknownOutcomeError):
            self.ctx.ordersChanged.emit()
        self._refresh_state()
