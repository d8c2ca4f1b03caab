"""New Order against the real sandbox: every service type is filled, validated, placed once,
shown in Orders and followed through the sandbox's lifecycle."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from order_helpers import LINK, fill, good_values, place, set_field, visible_fields
from orders_fixtures import OrderEnv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel
from pytestqt.qtbot import QtBot

from smpanel_desktop.core.orders.fields import FIELDS_BY_TYPE, fields_for
from smpanel_desktop.store.models import PLACED
from smpanel_desktop.ui.new_order.tab import NewOrderTab
from smpanel_desktop.ui.orders.tab import OrdersTab

ALL_TYPES = [*FIELDS_BY_TYPE, "Special"]  # "Special": a type the table does not know


def make_tab(qtbot: QtBot, env: OrderEnv) -> NewOrderTab:
    tab = NewOrderTab(env.ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 800)
    tab.show()
    return tab


def advance_and_refresh(qtbot: QtBot, env: OrderEnv, orders: OrdersTab, seconds: float) -> None:
    env.sandbox.clock.advance(seconds)
    assert orders.refresh()
    qtbot.waitUntil(lambda: not orders.refreshing, timeout=10_000)


@pytest.mark.parametrize("service_type", ALL_TYPES)
def test_every_type_fill_validate_place_and_track(
    qtbot: QtBot, order_env: OrderEnv, service_type: str
) -> None:
    env = order_env
    service = env.service(service_type)
    tab = make_tab(qtbot, env)
    tab.select_service(service)

    # Only this type's fields are on screen (drip-feed fields appear with the switch).
    expected = {f.name for f in fields_for(service) if not f.dripfeed}
    assert visible_fields(tab) == expected
    assert tab.form.extras is not None  # every type: extra NAME=VALUE fields, sent as given
    assert tab.details.text("type") == service.type

    # Validation as the user types, before anything is sent.
    values = good_values(service)
    first = next(iter(values))
    bad = {"link": "not a link", "username": "two words", "min": "abc"}.get(first, "")
    set_field(tab, first, bad or "x")
    set_field(tab, first, bad)
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_dialog is None  # nothing to confirm while the form is wrong
    message = tab.findChild(QLabel, f"error_{first}")
    assert message is not None and message.isVisibleTo(tab) and message.text()
    assert env.sandbox.order_count() == 0

    fill(tab, values)
    tab.form.extras.setPlainText("note=first line\\nsecond line")
    note = tab.form.extras_note
    assert note is not None and note.isVisibleTo(tab) and "does not know note" in note.text()
    assert not any(tab.form.message_for(name) for name in tab.form.field_names())
    assert tab.cost.text().startswith("Cost: ") and env.ctx.currency in tab.cost.text()

    place(qtbot, tab)
    assert tab.error.text() == ""
    placed = tab.last_order
    assert placed is not None and placed.state == PLACED
    assert str(placed.order) in tab.result.text()
    assert env.sandbox.order_count() == 1
    on_panel = env.sandbox.orders[placed.order]
    assert on_panel.service == service.id
    assert on_panel.params["note"] == "first line\nsecond line"

    orders = OrdersTab(env.ctx)
    qtbot.addWidget(orders)
    qtbot.waitUntil(lambda: orders.model.total == 1)
    assert orders.model.order_at(0).order == placed.order

    advance_and_refresh(qtbot, env, orders, 1)
    assert orders.model.order_at(0).status == "Pending"
    advance_and_refresh(qtbot, env, orders, 2000)
    assert orders.model.order_at(0).status in ("Completed", "Partial")
    history = [c.new_status for c in env.store.status_history(placed.id)]
    assert history[0] == "Pending" and history[-1] in ("Completed", "Partial")


def test_dripfeed_switch_shows_runs_and_multiplies_the_cost(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    env = order_env
    tab = make_tab(qtbot, env)
    plain = env.service("Default", dripfeed=False)
    tab.select_service(plain)
    assert tab.form.dripfeed is None  # no switch where drip-feed is not allowed
    assert "runs" not in visible_fields(tab)

    service = env.service("Default", dripfeed=True)
    tab.select_service(service)
    assert tab.form.dripfeed is not None and tab.form.dripfeed.isVisibleTo(tab)
    assert "runs" not in visible_fields(tab)
    fill(tab, {"link": LINK, "quantity": str(service.min)})
    single = tab.cost.text()
    tab.form.dripfeed.setChecked(True)
    assert {"runs", "interval"} <= visible_fields(tab)
    fill(tab, {"runs": "3"})
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)  # interval still missing
    assert tab.confirm_dialog is None
    assert tab.form.message_for("interval") == "Drip-feed needs both runs and interval"
    fill(tab, {"interval": "15"})
    assert tab.form.message_for("interval") == ""
    total = service.min * 3
    assert f"{total:,}" in tab.cost.text() and tab.cost.text() != single
    place(qtbot, tab)
    placed = tab.last_order
    assert placed is not None
    assert placed.params["runs"] == "3" and placed.params["interval"] == "15"
    assert env.sandbox.orders[placed.order].params.get("runs") == "3"


def test_comments_count_is_the_quantity(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = make_tab(qtbot, env)
    service = env.service("Custom Comments")
    tab.select_service(service)
    set_field(tab, "comments", "first\n\nsecond\n  \nthird\n")
    count = tab.findChild(QLabel, "count_comments")
    assert count is not None and count.text().startswith("3 comments")


def test_subscriptions_min_above_max_and_expiry_format(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = make_tab(qtbot, env)
    service = env.service("Subscriptions")
    tab.select_service(service)
    delay = tab.findChild(QComboBox, "field_delay")
    expiry = tab.findChild(QDateEdit, "field_expiry")
    assert delay is not None and expiry is not None
    fill(tab, good_values(service))
    set_field(tab, "max", str(service.min))
    set_field(tab, "min", str(service.min + 1))
    assert "less than min" in tab.form.message_for("max")
    values = good_values(service)
    fill(tab, values)
    assert tab.form.values()["expiry"] == values["expiry"]  # d/m/Y as the API wants it
    offered = [delay.itemText(i) for i in range(delay.count())]
    assert offered == ["0", "5", "10", "15", "30", "60", "90"]


def test_quantity_out_of_range_and_cost_above_balance(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    tab = make_tab(qtbot, env)
    service = env.service("Default", dripfeed=False)
    tab.select_service(service)
    fill(tab, {"link": LINK, "quantity": str(service.min - 1)})
    assert f"At least {service.min}" in tab.form.message_for("quantity")
    assert tab.balance_warning.text() == ""
    assert env.ctx.balance is not None
    expensive = int(env.ctx.balance.amount * 1000 / service.rate) + service.min
    if expensive <= service.max:
        fill(tab, {"quantity": str(expensive)})
        assert "more than your last known balance" in tab.balance_warning.text()


def test_a_long_service_name_shows_its_id_and_start_in_the_picker(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    """Real names run to 150+ characters: the picker shows "3825 — Facebook | ..." from the
    start, not the tail of the label with the id scrolled out of sight."""
    tab = make_tab(qtbot, order_env)
    base = order_env.service("Default")
    long = dataclasses.replace(
        base,
        id=3825,
        name="Facebook | Facebook Partner Monetization Package | Facebook 600K Minute | "
        "Monetization | Complete Time: 24 Hours | Video length requirement 120 minutes 🚀",
        category="Facebook | Facebook Partner Monetization Package",
    )
    picker = tab.findChild(QComboBox, "orderService")
    picker.select_service(long)
    assert picker.currentText().startswith("3825 — Facebook")
    line = picker.lineEdit()
    assert line.cursorPosition() == 0  # scrolled to the start: the id is what is visible
    picker.select_service(base)  # and again for a service chosen after it
    assert line.cursorPosition() == 0


def test_cost_shows_no_padding_zeros_but_every_significant_decimal(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    env = order_env
    base = env.service("Default")
    padded = dataclasses.replace(base, id=999_001, rate=Decimal("120.00000000"), min=1)
    exact = dataclasses.replace(base, id=999_002, rate=Decimal("0.0831"), min=1)
    env.ctx.set_services([*env.ctx.services, padded, exact], None)
    tab = make_tab(qtbot, env)
    tab.select_service(padded)
    fill(tab, {"link": LINK, "quantity": "100"})
    assert tab.cost.text().startswith("Cost: 12.00 USD")  # not 12.0000000000 USD
    tab.select_service(exact)
    fill(tab, {"link": LINK, "quantity": "7"})
    assert tab.cost.text().startswith("Cost: 0.0005817 USD")  # nothing rounded away
