"""Submitting from New Order: never twice, panel errors kept beside the form, a lost answer
recorded as unknown and explained, reorder and the Services tab's "Order…" pre-selection."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from order_helpers import LINK, fill, place
from orders_fixtures import OrderEnv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.models import UNLIMITED
from smpanel_desktop.store.models import PLACED, REJECTED, UNKNOWN
from smpanel_desktop.ui.new_order.tab import NewOrderTab


def ready_tab(qtbot: QtBot, env: OrderEnv, **flags: Any) -> NewOrderTab:
    tab = NewOrderTab(env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    service = env.service("Default", **flags)
    tab.select_service(service)
    fill(tab, {"link": LINK, "quantity": str(service.min)})
    return tab


def test_double_click_places_one_order(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    env.sandbox.faults.add("latency", action="add", seconds=0.3)
    tab = ready_tab(qtbot, env)
    submit = tab.findChild(QPushButton, "orderSubmit")
    assert submit is tab.submit_button
    qtbot.mouseDClick(submit, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    dialog = tab.confirm_dialog
    assert dialog is not None and not submit.isEnabled()
    dialog.accept()
    dialog.accept()  # a second accept of the same dialog must not send again
    tab.submit()  # nor a programmatic submit while the first is in flight
    assert tab.confirm_dialog is None and not submit.isEnabled()
    qtbot.waitUntil(lambda: not tab.in_flight, timeout=10_000)
    assert submit.isEnabled()
    assert env.sandbox.order_count() == 1
    assert env.sandbox.requests_for("add") == 1
    assert env.store.count_orders() == 1


def test_cancelled_confirmation_sends_nothing(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = ready_tab(qtbot, env)
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_dialog is not None
    confirm_cost = tab.confirm_dialog.findChild(QLabel, "confirmCost")
    assert confirm_cost is not None and env.ctx.currency in confirm_cost.text()
    tab.confirm_dialog.reject()
    assert tab.submit_button.isEnabled() and tab.confirm_dialog is None
    assert env.sandbox.requests_for("add") == 0 and env.store.count_orders() == 0


def test_panel_error_is_shown_and_fields_are_kept(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    env.sandbox.set_balance(Decimal("0"))
    tab = ready_tab(qtbot, env)
    before = tab.form.values()
    place(qtbot, tab)
    assert "Not enough funds on balance" in tab.error.text()
    assert tab.form.values() == before
    assert env.sandbox.order_count() == 0
    (row,) = env.store.orders(env.panel.id)
    assert row.state == REJECTED
    assert tab.submit_button.isEnabled()


def test_lost_answer_is_unknown_explained_and_resolvable(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    env.sandbox.faults.add("drop_after_accept", action="add")
    tab = ready_tab(qtbot, env)
    changed: list[bool] = []
    env.ctx.ordersChanged.connect(lambda: changed.append(True))
    place(qtbot, tab)
    text = tab.error.text()
    assert (
        "MAY have been placed" in text
        and "MAY have been charged" in text
        and "Resolve" in text
        and "unknown" in text
    )
    assert env.sandbox.order_count() == 1  # the panel took it exactly once
    assert env.sandbox.requests_for("add") == 1
    (row,) = env.store.orders(env.panel.id)
    assert row.state == UNKNOWN and row.params["link"] == LINK
    assert changed


def test_reorder_prefills_from_a_tracked_order(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = ready_tab(qtbot, env, dripfeed=True)
    assert tab.form.dripfeed is not None
    tab.form.dripfeed.setChecked(True)
    fill(tab, {"runs": "2", "interval": "30"})
    place(qtbot, tab)
    placed = tab.last_order
    assert placed is not None and placed.state == PLACED
    assert tab.form.values().get("link", "") == ""  # cleared after success

    other = NewOrderTab(env.ctx)
    qtbot.addWidget(other)
    env.ctx.reorderRequested.emit(placed)
    assert other.service is not None and other.service.id == placed.service_id
    assert other.form.values() == {
        "link": LINK,
        "quantity": placed.params["quantity"],
        "runs": "2",
        "interval": "30",
    }
    assert other.form.dripfeed is not None and other.form.dripfeed.isChecked()


def test_service_requested_from_services_tab(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = NewOrderTab(env.ctx)
    qtbot.addWidget(tab)
    service = env.service("Poll")
    env.ctx.orderServiceRequested.emit(service)
    assert tab.service == service
    assert tab.picker.objectName() == "orderService"
    assert str(service.id) in tab.picker.currentText()
    assert "Unlimited" not in tab.details.text("limits")
    unlimited = replace(service, id=service.id + 100_000, max=UNLIMITED)
    env.ctx.orderServiceRequested.emit(unlimited)  # not in the catalog (yet): still selectable
    assert tab.service == unlimited
    assert tab.details.text("limits").endswith("/ Unlimited")


def test_switching_panel_before_confirming_sends_nothing(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = ready_tab(qtbot, env)
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    dialog = tab.confirm_dialog
    assert dialog is not None
    other = env.store.add_panel("other", "https://other.example/api/v2", "EUR")
    env.ctx.set_panel(other, None, demo=False)
    dialog.accept()
    assert "switched" in tab.error.text() and not tab.in_flight
    assert env.sandbox.requests_for("add") == 0
    assert env.store.count_orders() == 0


def test_reorder_of_a_service_gone_from_the_catalog(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = ready_tab(qtbot, env)
    place(qtbot, tab)
    placed = tab.last_order
    assert placed is not None
    env.ctx.set_services([s for s in env.ctx.services if s.id != placed.service_id], None)
    env.ctx.reorderRequested.emit(placed)
    assert tab.service is not None and tab.service.id == placed.service_id
    assert tab.form.values()["link"] == LINK
    assert "not in the current catalog" in tab.cost.text()  # no made-up price
