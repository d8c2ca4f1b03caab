"""Start-up order: the window paints first, then the tabs are built and the panel opens.

What the first paint waits for is only what the window's frame needs; the tabs, the HTTP
client (requests), the keyring and the sandbox load on the next event-loop turn.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

HEAVY = (
    "requests",
    "sqlite3",
    "urllib3",
    "keyring",
    "smpanel_desktop.sandbox.server",
    "smpanel_desktop.api.client",
    "smpanel_desktop.ui.services.tab",
    "smpanel_desktop.ui.new_order.tab",
    "smpanel_desktop.ui.orders.tab",
    "smpanel_desktop.ui.balance.tab",
    "smpanel_desktop.crash_dialog",
    "smpanel_desktop.ui.view_menu",  # filled after the first paint
    # nor what the window's frame does not need: signal builds its enums when imported, and
    # dataclasses and queue's pure-Python classes are not used (a few ms of the bundle's start)
    "signal",
    "dataclasses",
    "queue",
)


def test_the_app_module_loads_without_the_heavy_modules() -> None:
    code = (
        "import sys, smpanel_desktop.app\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == []


def test_the_panel_opens_after_the_first_paint(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(api_url=sandbox.url, start=False)
    window = gui.window
    gui.start(after_paint=True)
    # shown at once, with the tab titles; no database, tab or panel opened yet
    assert window.isVisible() and not window.tabs_built
    assert gui.ctx.panel is None and not gui.ctx.store_is_open
    assert window.connection_label.text() == "● Connecting…"
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == [
        "Services",
        "New Order",
        "Orders",
        "Balance",
        "Overview",
    ]

    qtbot.waitUntil(lambda: gui.ctx.panel is not None, timeout=5_000)
    assert window.tabs_built
    assert window.windowTitle().endswith("127.0.0.1:" + str(sandbox.port))
    for cls, name in [
        (QTableView, "servicesTable"),
        (QLabel, "servicesCount"),
        (QComboBox, "orderService"),
        (QPushButton, "orderSubmit"),
        (QTableView, "ordersTable"),
        (QLabel, "balanceValue"),
    ]:
        assert window.findChild(cls, name) is not None, name
    assert tabs.currentWidget() is window.services_tab
    count = window.services_tab.count
    qtbot.waitUntil(lambda: count.text() == "300 of 300 services", timeout=20_000)
    wait_idle(gui)


def test_closing_before_the_first_paint_opens_nothing(
    qtbot: QtBot, make_gui: Any, wait_idle: Any
) -> None:
    gui = make_gui(start=False)  # a first start: it would open the demo and the welcome dialog
    gui.start(after_paint=True)
    after: list[bool] = []
    gui.window.after_first_paint(lambda: after.append(True))  # runs after start()'s own step
    gui.window.close()
    qtbot.waitUntil(lambda: bool(after), timeout=5_000)
    assert gui.ctx.panel is None and gui.session.sandbox is None and gui.welcome is None
    assert not gui.window.tabs_built and not gui.ctx.store_is_open
    wait_idle(gui)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_after_the_start_closes_the_window_and_saves_its_layout(tmp_path: Any) -> None:
    """Ctrl+C in a terminal or SIGTERM from the session closes the window as its close button
    would (the handlers are set after the first paint): exit 0, the window's layout saved."""
    import os
    import signal
    import time

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name, folder in (("DATA", "data"), ("CONFIG", "config"), ("LOG", "logs")):
        env[f"SMPANEL_{name}_DIR"] = str(tmp_path / folder)
    log = tmp_path / "logs" / "smpanel-desktop.log"
    app = subprocess.Popen([sys.executable, "-m", "smpanel_desktop", "--demo"], env=env)
    try:
        deadline = time.monotonic() + 60
        while "balance: ok" not in (log.read_text() if log.exists() else ""):
            assert app.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
    saved = (tmp_path / "config" / "smpanel-desktop.ini").read_text(errors="replace")
    assert "[window]" in saved and "geometry=" in saved
