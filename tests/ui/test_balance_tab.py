"""The Balance tab: amount and currency exactly as the panel gave them, refreshed on sight."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from smpanel_desktop.sandbox.server import SandboxPanel


def open_balance(qtbot: QtBot, gui: Any) -> QLabel:
    gui.window.tabs.setCurrentWidget(gui.window.balance_tab)
    value = gui.window.findChild(QLabel, "balanceValue")
    assert value is not None
    return value


def test_balance_shows_every_decimal_and_the_currency(
    qtbot: QtBot, make_gui: Any, monkeypatch: Any, wait_idle: Any
) -> None:
    with SandboxPanel(services=50, currency="TRY", balance=Decimal("12345.67891")) as panel:
        monkeypatch.setenv("SMPANEL_API_KEY", panel.key)
        gui = make_gui(api_url=panel.url)
        value = open_balance(qtbot, gui)
        qtbot.waitUntil(lambda: "TRY" in value.text(), timeout=20_000)
        wait_idle(gui)
        assert value.text() == "12,345.67891 TRY"
        assert gui.window.findChild(QLabel, "balanceUpdated").text().startswith("Updated ")


def test_balance_refreshes_when_opened_and_on_the_button(
    qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(api_url=sandbox.url)
    wait_idle(gui)
    start = sandbox.requests_for("balance")
    open_balance(qtbot, gui)
    qtbot.waitUntil(lambda: sandbox.requests_for("balance") == start + 1, timeout=10_000)
    wait_idle(gui)
    button = gui.window.findChild(QPushButton, "balanceRefresh")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sandbox.requests_for("balance") == start + 2, timeout=10_000)
    wait_idle(gui)


def test_balance_error_is_shown_inline(
    qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(api_url=sandbox.url)
    value = open_balance(qtbot, gui)
    qtbot.waitUntil(lambda: "USD" in value.text(), timeout=20_000)
    wait_idle(gui)
    sandbox.stop()
    qtbot.mouseClick(gui.window.findChild(QPushButton, "balanceRefresh"), Qt.MouseButton.LeftButton)
    error = gui.window.findChild(QLabel, "balanceError")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert error.text().startswith("Could not fetch the balance:")
    assert gui.ctx.connection == "offline"
    assert "USD" in value.text()  # the last known balance stays
