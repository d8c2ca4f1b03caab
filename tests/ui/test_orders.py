"""The Orders tab against the real sandbox: refresh, refill, cancel, resolve, import, export,
filters and sorting, auto-refresh, and the item model checked by qtmodeltester."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pytest
from order_helpers import LINK, good_values
from orders_fixtures import OrderEnv
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.errors import UnknownOutcomeError
from smpanel_desktop.api.models import OrderStatus, StatusResult
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.store.models import NOT_PLACED, PLACED, UNKNOWN, TrackedOrder
from smpanel_desktop.ui.orders.columns import (
    COL_CREATED,
    COL_LOCAL,
    COL_ORDER,
    COL_QUANTITY,
    COL_REFILL,
    COL_STATUS,
)
from smpanel_desktop.ui.orders.tab import OrdersTab
from smpanel_desktop.ui.widgets.formatting import format_time


def make_tab(qtbot: QtBot, env: OrderEnv) -> OrdersTab:
    tab = OrdersTab(env.ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.total == env.store.count_orders(env.panel.id))
    return tab


def place(env: OrderEnv, service_type: str = "Default", **flags: Any) -> TrackedOrder:
    service = env.service(service_type, **flags)
    return place_order(env.store, env.client, env.panel, service, good_values(service))


def refresh(qtbot: QtBot, tab: OrdersTab) -> None:
    assert tab.refresh()
    qtbot.waitUntil(lambda: not tab.refreshing, timeout=10_000)


def select(tab: OrdersTab, local_id: int) -> None:
    row = tab.model.row_of(local_id)
    assert row is not None
    tab.table.clearSelection()
    tab.table.selectRow(row)


def cell(tab: OrdersTab, local_id: int, column: int) -> str:
    row = tab.model.row_of(local_id)
    assert row is not None
    return str(tab.model.index(row, column).data())


def test_model_passes_qtmodeltester(qtmodeltester: Any, order_env: OrderEnv, qtbot: QtBot) -> None:
    env = order_env
    for t in ("Default", "Poll", "Package"):
        place(env, t)
    tab = make_tab(qtbot, env)
    qtmodeltester.check(tab.model)
    tab.model.sort(COL_QUANTITY, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tab.model)


def test_status_advances_and_final_orders_stop_being_polled(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    env = order_env
    first = place(env)
    tab = make_tab(qtbot, env)
    assert tab.findChild(QTableView, "ordersTable") is tab.table
    assert cell(tab, first.id, COL_STATUS) == "Not checked yet"
    refresh(qtbot, tab)
    assert cell(tab, first.id, COL_STATUS) == "Pending"
    env.sandbox.clock.advance(2000)
    refresh(qtbot, tab)
    assert cell(tab, first.id, COL_STATUS) in ("Completed", "Partial")
    final = tab.model.index(tab.model.row_of(first.id) or 0, COL_STATUS)
    assert final.data(Qt.ItemDataRole.ForegroundRole).color().name() in ("#116b32", "#ad3a0a")
    env.sandbox.clear_log()
    refresh(qtbot, tab)  # nothing open: nothing asked
    assert env.sandbox.requests_for("status") == 0
    assert "Checked 0 open orders" in tab.message.text()
    tab.timer.timeout.emit()  # the auto-refresh has nothing to poll: no refresh at all
    assert not tab.refreshing


def test_refill_flow_tracks_the_refill_id_and_status(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    order = place(env, "Default", refill=True)
    env.sandbox.clock.advance(2000)
    tab = make_tab(qtbot, env)
    refresh(qtbot, tab)
    select(tab, order.id)
    refill = tab.order_actions.action("Refill")
    assert refill.isEnabled()
    refill.trigger()
    qtbot.waitUntil(lambda: "Refill requested" in tab.message.text(), timeout=10_000)
    (tracked,) = env.store.refills(order.id)
    assert tracked.refill is not None
    assert cell(tab, order.id, COL_REFILL) == f"{tracked.refill}: requested"
    env.sandbox.clock.advance(2000)
    refresh(qtbot, tab)
    assert cell(tab, order.id, COL_REFILL) in (
        f"{tracked.refill}: Completed",
        f"{tracked.refill}: Rejected",
    )


def test_refill_not_offered_where_the_service_has_none(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    service = next(s for s in env.ctx.services if s.type == "Default" and not s.refill)
    order = place_order(env.store, env.client, env.panel, service, good_values(service))
    tab = make_tab(qtbot, env)
    select(tab, order.id)
    assert not tab.order_actions.action("Refill").isEnabled()


def test_cancel_flow_asks_then_cancels(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    order = place(env, "Default", cancel=True)
    tab = make_tab(qtbot, env)
    select(tab, order.id)
    tab.order_actions.action("Cancel").trigger()
    box = tab.order_actions.dialog
    assert isinstance(box, QMessageBox)
    assert env.sandbox.requests_for("cancel") == 0  # nothing before the user says yes
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Cancel requested" in tab.message.text(), timeout=10_000)
    refresh(qtbot, tab)
    assert cell(tab, order.id, COL_STATUS) == "Canceled"
    select(tab, order.id)
    assert not tab.order_actions.action("Cancel").isEnabled()  # final: nothing left to cancel


def test_cancel_does_not_wait_behind_a_slow_refresh(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    order = place(env, "Default", cancel=True)
    tab = make_tab(qtbot, env)
    env.sandbox.faults.add("latency", action="status", count=1, seconds=4)  # a slow panel
    assert tab.refresh()
    select(tab, order.id)
    tab.order_actions.action("Cancel").trigger()
    box = tab.order_actions.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Cancel requested" in tab.message.text(), timeout=3_000)
    assert tab.refreshing  # the cancel went out while the refresh was still waiting
    qtbot.waitUntil(lambda: not tab.refreshing, timeout=10_000)


def lost_answer(env: OrderEnv, fault: str) -> TrackedOrder:
    """Place an order whose answer the sandbox loses (``fault`` on ``add``): it is unknown."""
    env.sandbox.faults.add(fault, action="add", count=1)
    service = env.service("Default")
    with pytest.raises(UnknownOutcomeError):
        place_order(env.store, env.client, env.panel, service, good_values(service))
    (unknown,) = env.store.orders(env.panel.id, state=UNKNOWN)
    return unknown


def test_unknown_order_resolves_to_the_id_found(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    unknown = lost_answer(env, "drop_after_accept")
    (panel_id,) = env.sandbox.orders  # exactly one order on the panel
    tab = make_tab(qtbot, env)
    assert cell(tab, unknown.id, COL_STATUS) == "Unknown"
    status_index = tab.model.index(tab.model.row_of(unknown.id) or 0, COL_STATUS)
    assert "Resolve" in status_index.data(Qt.ItemDataRole.ToolTipRole)
    assert status_index.data(Qt.ItemDataRole.FontRole).bold()
    select(tab, unknown.id)
    assert tab.order_actions.action("Resolve").isEnabled()
    assert not tab.order_actions.action("Reorder").isEnabled()  # it may exist: resolve it first
    tab.order_actions.action("Resolve").trigger()
    dialog = tab.order_actions.dialog
    dialog.order_id.setText("abc")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.order_id.setText(str(panel_id))
    dialog.accept()
    qtbot.waitUntil(lambda: env.store.order(unknown.id).state == PLACED, timeout=10_000)
    qtbot.waitUntil(lambda: cell(tab, unknown.id, COL_ORDER) == str(panel_id))
    assert cell(tab, unknown.id, COL_STATUS) == "Pending"
    assert env.sandbox.order_count() == 1


def test_unknown_order_marked_not_placed(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    unknown = lost_answer(env, "http500")
    tab = make_tab(qtbot, env)
    select(tab, unknown.id)
    tab.order_actions.action("Resolve").trigger()
    dialog = tab.order_actions.dialog
    dialog.not_placed.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: env.store.order(unknown.id).state == NOT_PLACED, timeout=10_000)
    qtbot.waitUntil(lambda: cell(tab, unknown.id, COL_STATUS) == "Not placed")


def test_import_by_pasting_ids(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    service = env.service("Default")
    elsewhere = env.client.add(service.id, {"link": LINK, "quantity": str(service.min)})
    tab = make_tab(qtbot, env)
    assert tab.model.total == 0
    tab.order_actions.action("Import").trigger()
    dialog = tab.order_actions.dialog
    dialog.text.setPlainText(f"{elsewhere}, 999999999\nnot-an-id")
    assert "2 order ids" in dialog.summary.text() and "not-an-id" in dialog.summary.text()
    dialog.accept()
    qtbot.waitUntil(lambda: tab.model.total == 1, timeout=10_000)
    assert "Imported 1 order" in tab.message.text() and "999999999" in tab.message.text()
    (row,) = env.store.orders(env.panel.id)
    assert row.order == elsewhere and row.status == "Pending"


def test_filter_sort_and_export_visible_rows(
    qtbot: QtBot, order_env: OrderEnv, tmp_path: Path
) -> None:
    env = order_env
    orders = [place(env, "Default"), place(env, "Poll"), place(env, "Default", cancel=True)]
    env.client.cancel([orders[2].order])  # type: ignore[list-item]
    tab = make_tab(qtbot, env)
    refresh(qtbot, tab)
    status = tab.findChild(QComboBox, "ordersStatusFilter")
    assert status is tab.status_filter
    status.setCurrentIndex(status.findText("Canceled"))
    assert [tab.model.order_at(r).id for r in range(tab.model.rowCount())] == [orders[2].id]
    assert tab.count.text().startswith("1 of 3 orders")
    status.setCurrentIndex(status.findText("Open"))
    assert tab.model.rowCount() == 2
    status.setCurrentIndex(0)
    tab.search.setText(str(orders[1].order))
    assert tab.model.rowCount() == 1 and tab.model.order_at(0).id == orders[1].id
    tab.search.clear()
    tab.table.sortByColumn(COL_ORDER, Qt.SortOrder.AscendingOrder)
    assert [tab.model.order_at(r).order for r in range(3)] == sorted(o.order for o in orders)
    tab.table.sortByColumn(COL_ORDER, Qt.SortOrder.DescendingOrder)
    assert tab.model.order_at(0).order == max(o.order for o in orders)  # type: ignore[type-var]

    status.setCurrentIndex(status.findText("Open"))
    path = tmp_path / "orders.csv"
    assert tab.order_actions.export_csv(path) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["order"] for r in rows} == {str(orders[0].order), str(orders[1].order)}
    assert all(r["currency"] == "USD" and r["charge"] for r in rows)


def test_auto_refresh_polls_and_skips_ticks_in_flight(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    place(env)
    tab = make_tab(qtbot, env)
    assert tab.interval.value() == 60 and tab.timer.isActive()
    assert tab.timer.interval() == 60_000
    env.sandbox.faults.add("latency", action="status", seconds=0.3)
    env.sandbox.clear_log()
    tab.timer.timeout.emit()
    assert tab.refreshing
    tab.timer.timeout.emit()  # a tick while one is in flight is skipped
    tab.timer.timeout.emit()
    qtbot.waitUntil(lambda: not tab.refreshing, timeout=10_000)
    assert env.sandbox.requests_for("status") == 1
    tab.interval.setValue(1)
    assert tab.timer.interval() == 1000
    qtbot.waitUntil(lambda: env.store.get_setting("orders_refresh_seconds") == "1")
    before = tab.last_refresh
    qtbot.waitUntil(lambda: tab.last_refresh != before, timeout=5_000)
    tab.interval.setValue(0)
    assert not tab.timer.isActive()


def test_large_refresh_reports_progress_in_batches(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    service = env.service("Default")
    ids = [env.client.add(service.id, {"link": LINK, "quantity": str(service.min)})]
    for i in range(249):  # tracked orders the panel does not know answer with a per-item error
        env.store.import_order(env.panel.id, 10_000_000 + i)
    env.store.import_order(env.panel.id, ids[0])
    tab = make_tab(qtbot, env)
    seen: list[tuple[int, int]] = []
    tab.refresher.progressed.connect(lambda done, total: seen.append((done, total)))
    env.sandbox.clear_log()
    refresh(qtbot, tab)
    assert seen == [(0, 250), (100, 250), (200, 250), (250, 250)]
    assert env.sandbox.requests_for("status") == 3
    assert not tab.progress.isVisible()
    assert "249 with errors" in tab.message.text()
    button = tab.findChild(QPushButton, "ordersRefresh")
    assert button is tab.refresh_button and button.isEnabled()


class _Browser(QObject):
    """Stands in for the system browser: records what ``QDesktopServices.openUrl`` opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_copy_ids_and_links_and_open_in_browser(qtbot: QtBot, order_env: OrderEnv) -> None:
    env = order_env
    first, second = place(env, "Default"), place(env, "Poll")
    tab = make_tab(qtbot, env)
    tab.table.selectAll()
    tab.order_actions.action("CopyId").trigger()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert sorted(copied) == sorted([str(first.order), str(second.order)])
    select(tab, second.id)
    tab.order_actions.action("CopyLink").trigger()
    assert QGuiApplication.clipboard().text() == LINK
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        tab.order_actions.action("OpenLink").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == [LINK]


def test_selection_survives_a_refresh(qtbot: QtBot, order_env: OrderEnv) -> None:
    """Rows the user selected stay selected when a refresh (or the 60 s auto-refresh) reloads
    the table, so Refill / Cancel remain one click away."""
    env = order_env
    orders = [place(env, "Default", cancel=True) for _ in range(4)]
    tab = make_tab(qtbot, env)
    chosen = {orders[1].id, orders[2].id}
    tab.table.clearSelection()
    for local_id in chosen:
        row = tab.model.row_of(local_id)
        assert row is not None
        tab.table.selectionModel().select(
            tab.model.index(row, 0),
            tab.table.selectionModel().SelectionFlag.Select
            | tab.table.selectionModel().SelectionFlag.Rows,
        )
    assert {o.id for o in tab.selected_orders()} == chosen
    refresh(qtbot, tab)
    assert {o.id for o in tab.selected_orders()} == chosen
    assert tab.order_actions.action("Cancel").isEnabled()
    tab.order_actions.action("Cancel").trigger()
    box = tab.order_actions.dialog
    assert isinstance(box, QMessageBox)
    assert "2 orders?" in box.text()  # a plural, not "order(s)"
    box.button(QMessageBox.StandardButton.No).click()


def test_long_order_ids_and_dates_are_not_clipped(qtbot: QtBot, order_env: OrderEnv) -> None:
    """Big panels hand out 10-digit order ids and orders from yesterday show their date: both
    must be readable whole in a 1280 px window, not elided to "90000…"."""
    env = order_env
    imported = env.store.import_order(env.panel.id, 9_000_000_621)
    tab = make_tab(qtbot, env)
    header = tab.table.horizontalHeader()
    metrics = tab.table.fontMetrics()
    padding = 8  # the cell's margins and focus frame
    order_text = cell(tab, imported.id, COL_ORDER)
    assert order_text == "9000000621"
    assert header.sectionSize(COL_ORDER) >= metrics.horizontalAdvance(order_text) + padding
    older = format_time(time.time() - 3 * 86_400)
    assert header.sectionSize(COL_CREATED) >= metrics.horizontalAdvance(older) + padding
    assert header.sectionSize(COL_REFILL) >= metrics.horizontalAdvance("12345: requested") + padding
    assert header.sectionSize(COL_LOCAL) >= metrics.horizontalAdvance("123456") + padding
    widths = sum(header.sectionSize(c) for c in range(header.count() - 1))
    assert widths + 100 <= 1250  # still every column in a 1280 px window (last one stretches)


def test_status_filter_offers_statuses_the_panel_invented(
    qtbot: QtBot, order_env: OrderEnv
) -> None:
    """Panels answer with texts outside the reference ("Awaiting moderation", "Refunded"): the
    status filter lists each one the tracked orders carry, and choosing it shows those orders."""
    env = order_env
    odd, usual = place(env), place(env)
    assert odd.order is not None and usual.order is not None
    env.store.apply_statuses(
        env.panel.id,
        [
            StatusResult(odd.order, OrderStatus(odd.order, "Awaiting moderation")),
            StatusResult(usual.order, OrderStatus(usual.order, "Cancelled")),
        ],
        time.time(),
    )
    tab = make_tab(qtbot, env)
    combo = tab.findChild(QComboBox, "ordersStatusFilter")
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Awaiting moderation" in labels
    assert "Cancelled" not in labels  # a known spelling: already under "Canceled"
    combo.setCurrentIndex(labels.index("Awaiting moderation"))
    assert tab.model.rowCount() == 1
    assert cell(tab, odd.id, COL_STATUS) == "Awaiting moderation"
    tab.reload()  # a reload keeps the choice
    qtbot.waitUntil(lambda: tab.model.total == 2)
    assert combo.currentText() == "Awaiting moderation"
    assert tab.model.rowCount() == 1
