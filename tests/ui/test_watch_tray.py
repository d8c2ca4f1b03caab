"""Notifications against the real sandbox: grouped messages in the status bar when there is no
tray (offscreen), each event once, kinds switched off, the low-balance threshold, and keeping
the app in the tray on close (off by default, explained on the first close)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from order_helpers import good_values
from orders_fixtures import OrderEnv
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.models import Balance
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.core.refreshing import refresh_orders
from smpanel_desktop.core.watch import events as ev
from smpanel_desktop.ui.settings import UiSettings
from smpanel_desktop.ui.watch.tray import EXPLAINED, KEEP_IN_TRAY, TrayWatch


def _watch(qtbot: QtBot, env: OrderEnv, tmp_path: Path) -> tuple[TrayWatch, QMainWindow, list[str]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    status: list[str] = []
    env.ctx.statusMessage.connect(status.append)
    watch = TrayWatch(env.ctx, window, UiSettings(tmp_path / "ui.ini"))
    watch.notifier.collect()  # the first look: the baseline
    qtbot.waitUntil(lambda: env.store.get_setting(f"watch.since.{env.panel.id}") is not None)
    return watch, window, status


def test_grouped_notifications_in_the_status_bar_once(
    qtbot: QtBot, order_env: OrderEnv, tmp_path: Path
) -> None:
    env = order_env
    watch, _window, status = _watch(qtbot, env, tmp_path)
    assert not watch.available and watch.tray is None  # offscreen: no system tray
    service = env.service("Default", refill=True)
    for _ in range(5):
        place_order(env.store, env.client, env.panel, service, good_values(service))
    env.sandbox.clock.advance(3600)
    refresh_orders(env.store, env.client, env.panel)
    statuses = [o.status for o in env.store.orders(env.panel.id)]
    done, partial = statuses.count("Completed"), statuses.count("Partial")
    with qtbot.waitSignal(watch.notifier.notified, timeout=5000) as got:
        env.ctx.ordersChanged.emit()
    title, text = got.args
    assert title == "Orders finished"
    noun = "order" if done == 1 else "orders"  # the English plural form, as a user reads it
    assert text.startswith(f"{done} {noun} completed") if done else "Orders finished" in text
    assert (f"{partial} partial" in text) == bool(partial)
    assert status[-1] == f"{title}: {text}"

    shown = len(watch.notifier.shown)
    watch.notifier.collect()
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not watch.notifier._busy)
    assert len(watch.notifier.shown) == shown  # nothing announced twice


def test_balance_threshold_and_kinds_switched_off(
    qtbot: QtBot, order_env: OrderEnv, tmp_path: Path
) -> None:
    env = order_env
    watch, _window, _status = _watch(qtbot, env, tmp_path)
    assert not watch.set_threshold(env.panel.id, "lots")
    assert watch.set_threshold(env.panel.id, "5000")
    qtbot.waitUntil(lambda: ev.balance_threshold(env.store, env.panel.id) == Decimal("5000"))
    with qtbot.waitSignal(watch.notifier.notified, timeout=5000) as got:
        env.ctx.set_balance(Balance(Decimal("12.5"), "USD"))
    assert got.args[0] == "Low balance" and "12.5 USD" in got.args[1]

    watch.kind_actions[ev.FINISHED].setChecked(False)
    qtbot.waitUntil(lambda: ev.FINISHED not in ev.enabled_kinds(env.store))
    service = env.service("Default")
    place_order(env.store, env.client, env.panel, service, good_values(service))
    env.sandbox.clock.advance(3600)
    refresh_orders(env.store, env.client, env.panel)
    shown = len(watch.notifier.shown)
    watch.notifier.collect()
    qtbot.waitUntil(lambda: not watch.notifier._busy)
    qtbot.wait(100)
    assert len(watch.notifier.shown) == shown


def test_keep_in_tray_is_off_by_default_and_explained_on_first_close(
    qtbot: QtBot, make_gui: Any, wait_idle: Any
) -> None:
    gui = make_gui(demo=True)
    wait_idle(gui)
    window = gui.window
    watch = window.tray_watch
    assert isinstance(watch, TrayWatch)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert watch.menu in menus  # the Notifications menu, reachable without a tray
    assert not watch.keep_action.isChecked() and not watch.keep_action.isEnabled()
    watch.available = True  # as on a desktop with a tray
    window.close()
    box = watch.dialog
    assert isinstance(box, QMessageBox) and "tray" in box.text()
    assert window.isVisible()  # not closed before the answer
    box.button(QMessageBox.StandardButton.Yes).click()
    assert not window.isVisible() and watch.settings.flag(KEEP_IN_TRAY)
    assert watch.settings.flag(EXPLAINED) and watch.keep_action.isChecked()
    window.show()
    window.close()  # kept in the tray: no question any more
    assert not window.isVisible() and watch.dialog is None
    watch.keep_action.setChecked(False)
    assert not watch.settings.flag(KEEP_IN_TRAY)
    window.show()
    window.close()  # closes for real now
    assert not window.isVisible() and watch.dialog is None


def test_stuck_time_is_set_from_the_notifications_menu(
    qtbot: QtBot, order_env: OrderEnv, tmp_path: Path
) -> None:
    env = order_env
    watch, _window, _status = _watch(qtbot, env, tmp_path)
    watch.stuck_action.trigger()
    box = watch.dialog
    assert box is not None and box.intValue() == 6  # the default
    with qtbot.waitSignal(env.ctx.ordersChanged, timeout=5000):
        box.setIntValue(9)
        box.accept()
    assert env.store.get_setting("watch.stuck_hours") == "9"
