"""A refresh updates the Orders table in place: what it shows afterwards is what a full reload
of the store shows (the same rows, in the same order, with the same texts) for filtered and
sorted views, and a table whose rows stay put keeps its place."""

from __future__ import annotations

from typing import Any

import pytest
from orders_fixtures import OrderEnv
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.models import is_final_order_status
from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.orders.columns import (
    COL_CHECKED,
    COL_ORDER,
    COL_REMAINS,
    COL_STATUS,
    COLUMNS,
)
from smpanel_desktop.ui.orders.tab import OrdersTab

ORDERS = 40

Shown = list[tuple[int, list[Any]]]


def tracked_tab(qtbot: QtBot, env: OrderEnv, count: int = ORDERS) -> OrdersTab:
    for order in env.sandbox.place_orders(count, quantity=1000):
        env.store.import_order(env.panel.id, order)
    tab = OrdersTab(env.ctx)
    qtbot.addWidget(tab)
    tab.interval.setValue(0)
    tab.resize(1200, 400)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.total == count)
    return tab


def refresh(qtbot: QtBot, tab: OrdersTab) -> Any:
    with qtbot.waitSignal(tab.refreshFinished, timeout=10_000) as done:
        assert tab.refresh()
    return done.args[0]


def shown(tab: OrdersTab) -> Shown:
    """Every visible row: its order's local id and every cell's text and status colour."""
    model = tab.model
    rows = []
    for row in range(model.rowCount()):
        order = model.order_at(row)
        assert order is not None
        texts: list[Any] = [model.index(row, c).data() for c in range(len(COLUMNS))]
        brush = model.index(row, COL_STATUS).data(Qt.ItemDataRole.ForegroundRole)
        texts.append(None if brush is None else brush.color().name())
        rows.append((order.id, texts))
    return rows


def reloaded(qtbot: QtBot, tab: OrdersTab) -> Shown:
    """What the same view shows after every row is read again from the store."""
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    return shown(tab)


def choose_status(tab: OrdersTab, label: str) -> None:
    index = tab.status_filter.findText(label)
    assert index >= 0, label
    tab.status_filter.setCurrentIndex(index)


VIEWS = [  # status filter, sort column and order, search text
    ("Pending", COL_REMAINS, Qt.SortOrder.DescendingOrder, ""),
    ("In progress", COL_ORDER, Qt.SortOrder.AscendingOrder, ""),
    ("Open", COL_STATUS, Qt.SortOrder.AscendingOrder, ""),
    ("All orders", COL_STATUS, Qt.SortOrder.DescendingOrder, ""),
    ("All orders", COL_REMAINS, Qt.SortOrder.AscendingOrder, "/p/1"),
    ("All orders", COL_CHECKED, Qt.SortOrder.AscendingOrder, ""),
    ("All orders", None, None, ""),
]


@pytest.mark.parametrize(("status", "column", "order", "text"), VIEWS)
def test_a_refresh_shows_what_a_reload_shows(
    qtbot: QtBot, order_env: OrderEnv, status: str, column: int | None, order: Any, text: str
) -> None:
    env = order_env
    tab = tracked_tab(qtbot, env)
    refresh(qtbot, tab)  # every order Pending
    choose_status(tab, status)
    tab.search.setText(text)
    if column is not None:
        tab.table.sortByColumn(column, order)
    before = {o.id: o for o in tab.model.all_orders()}
    # 20-40 s: Pending ends (the Pending view loses rows, In progress gains them); then
    # remains fall, and after 1-15 minutes orders end Completed or Partial
    for advance in (30.0, 120.0, 400.0):
        env.sandbox.clock.advance(advance)
        polled = {o.id for o in tab.model.all_orders() if not is_final_order_status(o.status)}
        result = refresh(qtbot, tab)
        assert result.snapshot.partial  # only the rows the refresh rewrote came back
        assert {o.id for o in result.snapshot.orders} == polled
        after_refresh = shown(tab)
        assert after_refresh == reloaded(qtbot, tab), f"{advance} s"
    statuses = {o.status for o in tab.model.all_orders()}
    assert {"In progress", "Completed"} <= statuses  # the rows did change meanwhile
    assert any(tab.model.all_orders()[i] != before[o.id] for i, o in enumerate(before.values()))


def test_rows_that_stay_keep_the_selection_and_the_scroll_position(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    env = order_env
    tab = tracked_tab(qtbot, env, 120)
    refresh(qtbot, tab)
    bar = tab.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    middle = tab.table.rowAt(tab.table.viewport().height() // 2)
    tab.table.selectRow(middle)
    chosen = tab.model.order_at(middle)
    assert chosen is not None and bar.value() > 0
    scrolled, resets = bar.value(), []
    tab.model.modelReset.connect(lambda: resets.append(1))
    env.sandbox.clock.advance(120.0)  # statuses and remains change; no row moves
    refresh(qtbot, tab)
    assert resets == []  # repainted in place, not reset
    assert bar.value() == scrolled
    assert [o.id for o in tab.selected_orders()] == [chosen.id]
    fresh = tab.model.order_at(middle)
    assert fresh is not None and fresh.id == chosen.id and fresh.status == "In progress"
    assert tab.model.index(middle, COL_STATUS).data() == "In progress"


def test_rows_changed_elsewhere_are_read_again(qtbot: QtBot, order_env: OrderEnv) -> None:
    """Another process (the CLI) tracked an order, or finished one the table shows as open:
    the refresh cannot just patch the rows it polled, so it reads every row."""
    env = order_env
    tab = tracked_tab(qtbot, env, 5)
    refresh(qtbot, tab)
    (elsewhere,) = env.sandbox.place_orders(1, quantity=1000)
    added = env.store.import_order(env.panel.id, elsewhere)  # no signal to the tab
    refresh(qtbot, tab)
    qtbot.waitUntil(lambda: tab.model.total == 6)
    assert _row(tab, added.id).status == "Pending"

    first: TrackedOrder = tab.model.all_orders()[0]
    assert first.order is not None
    env.sandbox.clock.advance(3600.0)  # all final on the panel
    env.store.apply_statuses(env.panel.id, env.client.statuses([first.order]), 0.0)  # "CLI"
    refresh(qtbot, tab)
    qtbot.waitUntil(lambda: _row(tab, first.id).status in ("Completed", "Partial"))
    assert tab.model.rowCount() == 6


def _row(tab: OrdersTab, local_id: int) -> TrackedOrder:
    return next(o for o in tab.model.all_orders() if o.id == local_id)
