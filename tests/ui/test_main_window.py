"""The main window against the real sandbox: start-up with and without a cache, offline start,
searching, filtering, sorting, refresh, ordering from the table, and what it remembers."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.models import Service
from smpanel_desktop.ui.services.index import COL_ID, COL_RATE


def find(gui: Any, cls: type, name: str) -> Any:
    widget = gui.window.findChild(cls, name)
    assert widget is not None, name
    return widget


def count_text(gui: Any) -> str:
    return str(find(gui, QLabel, "servicesCount").text())


def services_calls(sandbox: Any) -> int:
    return int(sandbox.requests_for("services"))


@pytest.fixture
def online(qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any) -> Any:
    """The app on the sandbox (key from SMPANEL_API_KEY), its 300 services shown, all idle."""
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(api_url=sandbox.url)
    qtbot.waitUntil(lambda: count_text(gui) == "300 of 300 services", timeout=20_000)
    wait_idle(gui)
    return gui


def test_start_without_cache_fetches_the_catalog(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, online: Any
) -> None:
    gui = online
    assert "127.0.0.1" in gui.window.windowTitle()
    assert "DEMO" not in gui.window.windowTitle()
    assert gui.window.connection_label.text().startswith("● Online")
    assert "Last refresh:" in gui.window.refresh_label.text()
    assert "never" not in gui.window.refresh_label.text()
    table = find(gui, QTableView, "servicesTable")
    assert table.model().rowCount() == 300
    # the catalog was cached for the next start
    services, fetched = gui.store.load_services(gui.ctx.panel.id)
    assert len(services) == 300 and fetched is not None


def seed_cache(gui: Any, count: int = 5) -> list[Service]:
    """Put a small catalog in the store for the current panel, as a previous run would."""
    from decimal import Decimal

    services = [
        Service(i, f"Cached service {i}", "Default", "Cached", Decimal("1.5"), 10, 100)
        for i in range(1, count + 1)
    ]
    gui.store.save_services(gui.ctx.panel.id, services, time.time() - 3600)
    return services


def test_offline_start_shows_the_cache_and_says_offline(
    qtbot: QtBot, make_gui: Any, monkeypatch: Any, wait_idle: Any, closed_url: str
) -> None:
    url = closed_url
    monkeypatch.setenv("SMPANEL_API_KEY", "k" * 32)
    first = make_gui(api_url=url, start=False)
    first.session.open(first._first_panel())  # creates the panel row
    wait_idle(first)
    seed_cache(first)
    first.window.close()
    first.shutdown()

    gui = make_gui(api_url=url)
    qtbot.waitUntil(lambda: count_text(gui) == "5 of 5 services", timeout=5_000)
    qtbot.waitUntil(lambda: gui.ctx.connection == "offline", timeout=30_000)
    label = gui.window.connection_label.text()
    assert "Offline" in label and "cached" in label
    assert gui.window.connection_label.toolTip()  # the reason, for who wants it
    assert "Refresh" in find(gui, QPushButton, "servicesRefresh").text()
    assert find(gui, QTableView, "servicesTable").model().rowCount() == 5


def test_search_category_type_flags_and_sort_through_the_widgets(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, online: Any
) -> None:
    gui = online
    table = find(gui, QTableView, "servicesTable")
    model = table.model()
    everything = gui.ctx.services

    search = find(gui, QLineEdit, "servicesSearch")
    qtbot.keyClicks(search, "INSTA")
    expected = [s for s in everything if "insta" in f"{s.id} {s.name} {s.category}".lower()]
    assert 0 < len(expected) < 300
    assert count_text(gui) == f"{len(expected)} of 300 services"
    assert {model.service_at(r).id for r in range(model.rowCount())} == {s.id for s in expected}

    search.clear()
    category = find(gui, QComboBox, "servicesCategory")
    name = category.itemText(1)
    category.setCurrentIndex(1)
    in_category = [s for s in everything if s.category == name]
    assert count_text(gui) == f"{len(in_category)} of 300 services"
    category.setCurrentIndex(0)

    kind = find(gui, QComboBox, "servicesType")
    kind.setCurrentIndex(kind.findText("Package"))
    assert model.rowCount() == sum(1 for s in everything if s.type == "Package") > 0
    kind.setCurrentIndex(0)

    refill = gui.window.findChild(QCheckBox, "servicesRefillOnly")
    refill.setChecked(True)
    assert model.rowCount() == sum(1 for s in everything if s.refill)
    refill.setChecked(False)

    table.sortByColumn(COL_RATE, Qt.SortOrder.DescendingOrder)
    rates = [model.service_at(r).rate for r in range(model.rowCount())]
    assert rates == sorted(rates, reverse=True)
    table.sortByColumn(COL_ID, Qt.SortOrder.AscendingOrder)
    ids = [model.service_at(r).id for r in range(model.rowCount())]
    assert ids == sorted(ids)
    wait_idle(gui)


def test_refresh_button_fetches_again_and_updates_the_time(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, online: Any
) -> None:
    gui = online
    before, stamp = services_calls(sandbox), gui.ctx.catalog_fetched_at
    button = find(gui, QPushButton, "servicesRefresh")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled()  # no second refresh while one runs
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=20_000)
    assert services_calls(sandbox) == before + 1
    assert gui.ctx.catalog_fetched_at > stamp
    assert find(gui, QLabel, "servicesUpdated").text().startswith("Updated ")


def test_refresh_error_shows_the_panels_text(
    qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", "wrong-key-123456")
    gui = make_gui(api_url=sandbox.url)
    wait_idle(gui)
    assert "Invalid API key" in gui.window.status_line.full_text
    assert gui.window.isVisible()


def test_double_click_orders_the_service(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, online: Any
) -> None:
    gui = online
    table = find(gui, QTableView, "servicesTable")
    wanted = table.model().service_at(3)
    with qtbot.waitSignal(gui.ctx.orderServiceRequested) as signal:
        table.doubleClicked.emit(table.model().index(3, 1))
    assert signal.args == [wanted]
    assert gui.window.tabs.currentWidget() is gui.window.new_order_tab

    gui.window.tabs.setCurrentIndex(0)
    gui.window.services_tab.select_service(wanted.id)
    order = find(gui, QPushButton, "servicesOrder")
    assert order.isEnabled()
    with qtbot.waitSignal(gui.ctx.orderServiceRequested) as signal:
        qtbot.mouseClick(order, Qt.MouseButton.LeftButton)
    assert signal.args == [wanted]


def test_window_remembers_tab_geometry_and_column_widths(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, online: Any
) -> None:
    gui = online
    gui.window.tabs.setCurrentIndex(2)
    gui.window.services_tab.table.setColumnWidth(1, 333)
    gui.window.orders_tab.table.setColumnWidth(3, 222)
    gui.window.resize(800, 600)  # fits the offscreen screen (800x800): restoring clamps to it
    gui.window.close()
    gui.shutdown()

    again = make_gui(api_url=sandbox.url)
    wait_idle(again)
    assert again.window.tabs.currentIndex() == 2
    assert again.window.services_tab.table.columnWidth(1) == 333
    assert again.window.orders_tab.table.columnWidth(3) == 222
    assert (again.window.width(), again.window.height()) == (800, 600)


def test_back_online_after_an_offline_spell(
    qtbot: QtBot, sandbox: Any, wait_idle: Any, online: Any
) -> None:
    from smpanel_desktop.sandbox.server import SandboxPanel

    gui = online
    port = sandbox.port
    sandbox.stop()
    qtbot.mouseClick(find(gui, QPushButton, "servicesRefresh"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.ctx.connection == "offline", timeout=20_000)
    wait_idle(gui)
    assert gui.window.retry_timer.isActive()
    assert count_text(gui) == "300 of 300 services"  # the catalog stays

    with SandboxPanel(port=port, key=sandbox.key, services=120, seed=9) as again:
        gui.window.retry()  # what the timer does every minute
        qtbot.waitUntil(lambda: gui.ctx.connection == "online", timeout=20_000)
        # the catalog refresh that failed is made up for
        qtbot.waitUntil(lambda: count_text(gui) == "120 of 120 services", timeout=20_000)
        wait_idle(gui)
        assert not gui.window.retry_timer.isActive()
        assert again.requests_for("services") == 1
