"""``app.main``: the real entry point, and switching between stored panels."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from smpanel_desktop import app
from smpanel_desktop.ui.dialogs.panels_dialog import PanelsDialog
from smpanel_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def restore_log_handlers() -> Iterator[None]:
    """``main`` sends the log to this test's folder: detach that file when the test ends."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    logging.captureWarnings(False)


def test_main_with_demo_runs_and_exits_cleanly(qtbot: QtBot, capsys: Any) -> None:
    seen: dict[str, Any] = {}

    def look_then_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next((w for w in windows if w.isVisible()), None)
        if window is None or not window.ctx.services:
            QTimer.singleShot(50, look_then_quit)
            return
        seen["title"] = window.windowTitle()
        seen["count"] = window.services_tab.count.text()
        seen["sandbox"] = window.session.sandbox
        seen["icon sizes"] = window.windowIcon().availableSizes()
        window.close()

    QTimer.singleShot(0, look_then_quit)
    assert app.main(["--demo"]) == 0
    assert seen["title"] == "SMPanel Desktop — Demo panel"  # said once, not "Demo — DEMO"
    assert seen["count"] == "3,000 of 3,000 services"
    assert seen["sandbox"]._server is None  # the demo sandbox was stopped on the way out
    assert len(seen["icon sizes"]) >= 4  # the app's icon (set after the first paint)


def test_main_refuses_an_insecure_url_before_anything_is_sent(capsys: Any) -> None:
    assert app.main(["--api-url", "http://panel.example.com/api/v2"]) == 2
    assert "https://" in capsys.readouterr().err


def test_main_help_and_bad_options(capsys: Any) -> None:
    assert app.main(["--help"]) == 0
    assert "--api-url" in capsys.readouterr().out
    assert app.main(["--no-such-option"]) == 2


def test_switch_and_manage_panels(
    qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(demo=True)
    qtbot.waitUntil(lambda: len(gui.ctx.services) == 3000, timeout=30_000)
    wait_idle(gui)
    dialog = gui.window.manage_panels()
    assert isinstance(dialog, PanelsDialog)
    dialog.form.endpoint.setText(sandbox.url)
    dialog.form.name.setText("Second")
    dialog.form.key.setText(sandbox.key)
    dialog.findChild(QPushButton, "panelsAdd").click()
    qtbot.waitUntil(lambda: "Added" in dialog.message.text())  # stored on the worker
    assert [p.name for p in gui.store.panels()] == ["Demo", "Second"]
    assert dialog.form.findChild(QLineEdit, "panelKey").text() == ""  # not left on screen

    second = gui.store.panel("Second")
    gui.window.switch_to(second.id)
    qtbot.waitUntil(lambda: len(gui.ctx.services) == 300, timeout=20_000)
    wait_idle(gui)
    assert gui.window.windowTitle().endswith("Second")
    assert gui.store.get_setting("current_panel") == "Second"
    gui.window._fill_switch_menu()
    names = [a.text() for a in gui.window.switch_menu.actions()]
    assert names == ["Demo", "Second"]  # the demo once: no "Try the demo panel" beside "Demo"
    checked = [a.text() for a in gui.window.switch_menu.actions() if a.isChecked()]
    assert checked == ["Second"]

    dialog = gui.window.manage_panels()
    dialog.list.setCurrentRow(1)  # Second, the open one
    dialog.remove_selected(confirmed=True)
    qtbot.waitUntil(lambda: "Removed" in dialog.message.text())
    assert [p.name for p in gui.store.panels()] == ["Demo"]
    qtbot.waitUntil(lambda: gui.ctx.demo, timeout=5_000)
    assert gui.window.windowTitle() == "SMPanel Desktop — Demo panel"
    wait_idle(gui)
