"""New Order and Orders against both dialects of the sandbox (PerfectPanel, SmartPanel): the
snake_case types get their form, extra fields go out with a note, refusals are refusals, and a
refill of several orders works on a panel that reads only ``order=``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from order_helpers import LINK, fill, good_values, place, visible_fields
from orders_fixtures import OrderEnv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from smpanel_desktop.core.orders.fields import fields_for
from smpanel_desktop.core.panel_client import remembered_forms
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.models import PLACED, REJECTED
from smpanel_desktop.ui.new_order.tab import NewOrderTab
from smpanel_desktop.ui.orders.columns import COL_STATUS
from smpanel_desktop.ui.orders.tab import OrdersTab


@pytest.fixture(params=["perfectpanel", "smartpanel"])
def sandbox(request: pytest.FixtureRequest) -> Iterator[SandboxPanel]:
    """This module's ``order_env`` runs on each dialect in turn."""
    with SandboxPanel(services=300, seed=7, dialect=request.param) as panel:
        yield panel


def new_order(qtbot: QtBot, env: OrderEnv) -> NewOrderTab:
    tab = NewOrderTab(env.ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 800)
    tab.show()
    return tab


@pytest.mark.parametrize("service_type", ["Custom Comments", "Comment Likes", "Default"])
def test_the_form_of_each_type_whatever_its_spelling(
    qtbot: QtBot, order_env: OrderEnv, service_type: str
) -> None:
    env = order_env
    service = env.service(service_type)
    assert service.type == service_type  # "custom_comments" on SmartPanel's wire
    tab = new_order(qtbot, env)
    tab.select_service(service)
    assert visible_fields(tab) == {f.name for f in fields_for(service) if not f.dripfeed}
    fill(tab, good_values(service))
    place(qtbot, tab)
    placed = tab.last_order
    assert placed is not None and placed.state == PLACED, tab.error.text()
    assert env.sandbox.orders[placed.order or 0].service == service.id


def test_an_extra_field_is_sent_with_a_note(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    package = env.service("Package")
    tab = new_order(qtbot, env)
    tab.select_service(package)
    fill(tab, {"link": LINK})
    assert tab.form.extras is not None and tab.form.extras_note is not None
    tab.form.extras.setPlainText("quantity=1")
    assert tab.form.extras_note.isVisibleTo(tab)
    assert "Package does not know quantity" in tab.form.extras_note.text()
    place(qtbot, tab)
    placed = tab.last_order
    assert placed is not None and placed.state == PLACED, tab.error.text()
    assert env.sandbox.orders[placed.order or 0].params["quantity"] == "1"


def test_a_refusal_is_shown_as_said_and_not_unknown(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    service = env.service("Default", dripfeed=True)
    tab = new_order(qtbot, env)
    tab.select_service(service)
    values = {"link": LINK, "quantity": str(service.min)}
    fill(tab, values)
    place(qtbot, tab)
    assert tab.last_order is not None and tab.last_order.state == PLACED
    fill(tab, values)  # the same link again while the first is active
    place(qtbot, tab)
    if env.sandbox.dialect == "smartpanel":  # {"status": "error", "message": ...}
        assert "already an active order for this link" in tab.error.text()
        assert [o.state for o in env.store.orders(env.panel.id)] == [REJECTED, PLACED]
    else:
        assert [o.state for o in env.store.orders(env.panel.id)] == [PLACED, PLACED]
    assert tab.submit_button.isEnabled()


def test_refill_of_several_orders_in_the_form_the_panel_reads(
    qtbot: QtBot, order_env: OrderEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = order_env
    service = env.service("Default", refill=True)
    placed = [
        place_order(env.store, env.client, env.panel, service,
                    {"link": f"https://x.com/p/{i}", "quantity": str(service.min)})
        for i in range(8)
    ]  # fmt: skip
    env.sandbox.clock.advance(3600)
    done = [o for o in placed if env.sandbox.orders[o.order or 0].status == "Completed"][:2]
    tab = OrdersTab(env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.total == len(placed))
    assert tab.refresh()
    qtbot.waitUntil(lambda: not tab.refreshing, timeout=10_000)
    tab.table.clearSelection()
    for order in done:
        row = tab.model.row_of(order.id)
        assert row is not None
        tab.table.selectionModel().select(
            tab.model.index(row, 0),
            tab.table.selectionModel().SelectionFlag.Select
            | tab.table.selectionModel().SelectionFlag.Rows,
        )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.order_actions.action("Refill").trigger()
    qtbot.waitUntil(lambda: all(env.store.refills(o.id) for o in done), timeout=10_000)
    assert all(r.refill is not None for o in done for r in env.store.refills(o.id))
    smart = env.sandbox.dialect == "smartpanel"
    assert remembered_forms(env.store, env.panel) == ({"refill"} if smart else set())


def test_a_drip_feed_parent_shows_its_runs_and_child_orders(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    env = order_env
    if env.sandbox.dialect != "smartpanel":
        pytest.skip("the SmartPanel dialect reports drip-feed children")
    drip = env.service("Default", dripfeed=True)
    values = {"link": LINK, "quantity": str(drip.min), "runs": "3", "interval": "5"}
    parent = place_order(env.store, env.client, env.panel, drip, values)
    tab = OrdersTab(env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.total == 1)
    assert tab.refresh()
    qtbot.waitUntil(lambda: not tab.refreshing and tab.model.total == 2, timeout=10_000)
    (child,) = [o for o in tab.model.all_orders() if o.id != parent.id]
    status = COL_STATUS
    row = tab.model.row_of(parent.id)
    assert row is not None
    tip = tab.model.index(row, status).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Drip-feed: 3 runs; child orders: {child.order}"
    child_row = tab.model.row_of(child.id)
    assert child_row is not None
    child_tip = tab.model.index(child_row, status).data(Qt.ItemDataRole.ToolTipRole)
    assert child_tip == f"A run of drip-feed order {parent.order}"
