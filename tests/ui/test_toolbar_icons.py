"""Icons on the actions (the theme's or the bundled SVGs) and the toolbar."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from smpanel_desktop.resources import resource_path
from smpanel_desktop.ui.widgets.icons import THEME_NAMES, bundled


def test_every_bundled_icon_renders() -> None:
    folder = resource_path("icons", "actions")
    names = {p.stem for p in folder.glob("*.svg")}
    assert names == set(THEME_NAMES)  # one SVG per icon the app asks for
    for name in names:
        assert not bundled(name).pixmap(20, 20).isNull(), name


def test_the_toolbar_has_the_daily_actions_with_icons(
    qtbot: QtBot, make_gui: Any, wait_idle: Any
) -> None:
    gui = make_gui(demo=True)
    wait_idle(gui)
    bar = gui.window.findChild(QToolBar, "mainToolbar")
    assert bar is not None and bar.isVisible()
    names = [a.objectName() for a in bar.actions()]
    assert names[:3] == ["refreshAction", "newOrderAction", "searchAction"]
    assert all(not a.icon().isNull() for a in bar.actions())
    refill = gui.window.orders_tab.order_actions.action("Refill")
    assert not refill.icon().isNull()
    bar.actions()[1].trigger()  # New order
    assert gui.window.tabs.currentWidget() is gui.window.new_order_tab
