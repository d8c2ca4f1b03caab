"""Orders tab, watchers' part, against the real sandbox: eligible orders get an icon and a
filter, "Refill all eligible (N)" asks once per order, stuck orders are tinted and filterable."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from order_helpers import good_values
from orders_fixtures import OrderEnv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from smpanel_desktop.core.placing import place_order
from smpanel_desktop.core.refreshing import refresh_orders
from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.orders.columns import COL_LINK, COL_STATUS
from smpanel_desktop.ui.orders.tab import OrdersTab
from smpanel_desktop.ui.watch.marks import ELIGIBLE, STUCK

HOUR = 3600.0


def _tab(qtbot: QtBot, env: OrderEnv) -> OrdersTab:
    tab = OrdersTab(env.ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.total == env.store.count_orders(env.panel.id))
    return tab


def _place(env: OrderEnv, refill: bool) -> TrackedOrder:
    service = env.service("Default", refill=refill, dripfeed=False)
    return place_order(env.store, env.client, env.panel, service, good_values(service))


def _decoration(tab: OrdersTab, local_id: int, column: int = COL_STATUS) -> Any:
    row = tab.model.row_of(local_id)
    assert row is not None
    return tab.model.data(tab.model.index(row, column), Qt.ItemDataRole.DecorationRole)


def _completed_an_hour_later(env: OrderEnv, orders: list[TrackedOrder]) -> set[int]:
    """An hour on the panel's clock, a refresh: the local ids of ``orders`` now Completed."""
    env.sandbox.clock.advance(HOUR)
    refresh_orders(env.store, env.client, env.panel)
    done = {o.id for o in orders if env.store.order(o.id).status == "Completed"}  # type: ignore[union-attr]
    assert done
    return done


def test_refill_all_eligible_asks_once_per_order(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    with_refill = [_place(env, True) for _ in range(6)]
    without = [_place(env, False) for _ in range(2)]
    done = _completed_an_hour_later(env, with_refill)
    tab = _tab(qtbot, env)
    bar = tab.watch_bar
    qtbot.waitUntil(lambda: tab.model.watch.eligible == done)
    assert (
        bar.refill_all.text() == f"Refill all eligible ({len(done)})" and bar.refill_all.isEnabled()
    )
    some = next(iter(done))
    assert _decoration(tab, some) is not None
    assert all(_decoration(tab, o.id) is None for o in without)

    combo = tab.status_filter
    combo.setCurrentIndex(combo.findData(ELIGIBLE))
    assert {o.id for o in tab.model.visible_orders()} == done

    env.sandbox.clear_log()
    bar.refill_all.click()
    box = bar.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: tab.model.watch.eligible == frozenset(), timeout=10_000)
    assert env.sandbox.requests_for("refill") == 1
    assert len(env.store.panel_refills(env.panel.id)) == len(done)
    assert bar.refill_all.text() == "Refill all eligible (0)" and not bar.refill_all.isEnabled()
    assert tab.model.rowCount() == 0  # the filter follows the marks
    assert "accepted" in tab.message.text()


def test_stuck_orders_are_tinted_and_filterable(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    quiet = _place(env, False)
    assert quiet.order is not None
    env.store.apply_statuses(
        env.panel.id, env.client.statuses([quiet.order]), time.time() - 7 * HOUR
    )
    fresh = _place(env, False)
    tab = _tab(qtbot, env)
    bar = tab.watch_bar
    qtbot.waitUntil(lambda: quiet.id in tab.model.watch.stuck)
    assert fresh.id not in tab.model.watch.stuck
    assert bar.stuck.isVisible() and bar.stuck.text() == "Stuck (1)"
    row = tab.model.row_of(quiet.id)
    assert row is not None
    tint = tab.model.data(tab.model.index(row, COL_LINK), Qt.ItemDataRole.BackgroundRole)
    assert tint is not None
    tip = tab.model.data(tab.model.index(row, COL_STATUS), Qt.ItemDataRole.ToolTipRole)
    assert "Stuck" in tip
    bar.stuck.click()
    assert tab.status_filter.currentData() == STUCK
    assert [o.id for o in tab.model.visible_orders()] == [quiet.id]


def test_a_changed_catalog_marks_again_an_equal_one_keeps_the_marks(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    """A catalog refresh that changes nothing leaves the marks as they are (no computation for
    a Refresh to wait behind); one whose service lost its refill takes the marks away."""
    env = order_env
    placed = [_place(env, True) for _ in range(3)]
    done = _completed_an_hour_later(env, placed)
    tab = _tab(qtbot, env)
    qtbot.waitUntil(lambda: tab.model.watch.eligible == done and not env.ctx.runner.busy)
    marks = tab.model.watch
    env.ctx.set_services(list(env.ctx.services), time.time())  # the same catalog again
    qtbot.waitUntil(lambda: not env.ctx.runner.busy)
    assert tab.model.watch is marks
    service_id = placed[0].service_id
    changed = [replace(s, refill=False) if s.id == service_id else s for s in env.ctx.services]
    env.ctx.set_services(changed, time.time())
    qtbot.waitUntil(lambda: tab.model.watch.eligible == frozenset())
    assert tab.watch_bar.refill_all.text() == "Refill all eligible (0)"
