"""Favourites, presets and the way to Mass order, in the real window against the sandbox: a
star in Services and New Order (the same star), the Favourites filter, both kept per panel
in the store; a preset saved from the filled form and placed from in two clicks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from smpanel_desktop.ui.mass_order.entry import MassOrderWindow


def find(gui: Any, cls: type, name: str) -> Any:
    widget = gui.window.findChild(cls, name)
    assert widget is not None, name
    return widget


@pytest.fixture
def online(qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any) -> Any:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(api_url=sandbox.url)
    count = lambda: find(gui, QLabel, "servicesCount").text()  # noqa: E731
    qtbot.waitUntil(lambda: count() == "300 of 300 services", timeout=20_000)
    wait_idle(gui)
    return gui


def test_star_filter_and_the_same_star_in_new_order_kept_per_panel(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, online: Any
) -> None:
    gui = online
    tab = gui.window.services_tab
    star = find(gui, QPushButton, "servicesFavourite")
    assert not star.isEnabled()
    chosen = [tab.model.service_at(row) for row in (2, 7)]
    for service in chosen:
        tab.select_service(service.id)
        assert star.isEnabled() and not star.isChecked()
        qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
        assert star.isChecked() and "★" in star.text()
    icons = [tab.model.index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in range(9)]
    assert [i is not None for i in icons] == [r in (2, 7) for r in range(9)]  # the star
    only = find(gui, QCheckBox, "servicesFavouritesOnly")
    only.setChecked(True)
    assert tab.model.rowCount() == 2
    assert {tab.model.service_at(r).id for r in range(2)} == {s.id for s in chosen}
    assert find(gui, QLabel, "servicesCount").text() == "2 of 300 services"
    # New Order shows the same star, and unstarring there updates the filtered list
    gui.ctx.orderServiceRequested.emit(chosen[0])
    new_star = find(gui, QToolButton, "newOrderFavourite")
    assert new_star.isChecked() and new_star.text() == "★"
    qtbot.mouseClick(new_star, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    wait_idle(gui)
    assert gui.ctx.store.favourites(gui.ctx.panel.id) == {chosen[1].id}


def test_a_preset_is_saved_from_the_form_and_placed_from_in_two_clicks(
    qtbot: QtBot, sandbox: Any, wait_idle: Any, online: Any
) -> None:
    gui = online
    tab = gui.window.new_order_tab
    service = next(s for s in gui.ctx.services if s.type == "Default" and not s.dripfeed)
    tab.select_service(service)
    tab.form.set_values({"link": "https://instagram.com/p/preset", "quantity": str(service.min)})
    tab.quick.fill_menu()
    save = next(a for a in tab.quick.menu.actions() if a.text() == "Save as preset…")
    save.trigger()
    dialog = tab.quick.name_dialog
    assert dialog is not None
    dialog.setTextValue("Weekly likes")
    dialog.accept()
    qtbot.waitUntil(lambda: [p.name for p in gui.ctx.store.presets(gui.ctx.panel.id)] == [
        "Weekly likes"], timeout=5_000)  # fmt: skip
    qtbot.waitUntil(lambda: bool(tab.favourites.presets), timeout=5_000)
    tab.form.clear()
    tab.select_service(gui.ctx.services[0])
    # click 1: the Presets button opens its menu; click 2: the preset -> the confirmation
    presets = find(gui, QToolButton, "newOrderPresets")
    assert presets.menu() is tab.quick.menu
    tab.quick.fill_menu()
    (action,) = [a for a in tab.quick.menu.actions() if a.text() == "Weekly likes"]
    action.trigger()
    dialog = tab.confirm_dialog
    assert dialog is not None and tab.service == service
    assert tab.form.values()["link"] == "https://instagram.com/p/preset"
    dialog.accept()
    qtbot.waitUntil(lambda: not tab.in_flight, timeout=10_000)
    (order,) = sandbox.orders.values()
    assert order.link == "https://instagram.com/p/preset" and order.quantity == service.min


def test_mass_order_opens_from_new_order_the_menu_and_the_toolbar(
    qtbot: QtBot, online: Any
) -> None:
    gui = online
    entry = gui.window.mass_order
    find(gui, QPushButton, "newOrderMassOrder").click()
    window = entry.window
    assert isinstance(window, MassOrderWindow) and window.isVisible()
    window.close()
    toolbar = find(gui, QToolBar, "mainToolbar")
    assert entry.action in toolbar.actions()
    menu_titles = [a.text() for a in gui.window.menuBar().actions()]
    assert menu_titles.index("&Orders") < menu_titles.index("&Help")
    entry.action.trigger()
    assert entry.window is window and window.isVisible()
    assert window.findChild(QPushButton, "massOrderSubmit") is not None
    window.close()
