"""Fixtures for the desktop app's tests: the whole GUI wired to a real sandbox panel."""

from __future__ import annotations

import argparse
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from orders_fixtures import OrderEnv
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.app import DesktopApp
from smpanel_desktop.secrets import KeyStore
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.workers.task_runner import TaskRunner

GuiFactory = Callable[..., DesktopApp]


@pytest.fixture(autouse=True, scope="session")
def english_translations(qapp: Any) -> None:
    """The English translations, as the app installs them: plural forms ("1 order", "3 orders")
    also for widgets a test builds without the app."""
    from smpanel_desktop.ui import language

    language.apply("en")


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    """Numbers format the same on every machine (1,234.50) unless a test picks a locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def closed_url() -> str:
    """An endpoint on 127.0.0.1 where nothing listens: connection refused, at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v2"


def wait_opened(qtbot: QtBot, gui: DesktopApp, timeout: int = 10_000) -> None:
    """Wait until the first panel is open: the store and the keyring are read on the worker."""
    qtbot.waitUntil(lambda: gui.window.tabs_built and gui.ctx.panel is not None, timeout=timeout)


@pytest.fixture
def make_gui(qtbot: QtBot) -> Iterator[GuiFactory]:
    """Build (and afterwards shut down) the app: ``make_gui(api_url=..., demo=..., start=True)``."""
    made: list[DesktopApp] = []

    def build(
        *,
        api_url: str | None = None,
        demo: bool = False,
        start: bool = True,
        keys: KeyStore | None = None,
    ) -> DesktopApp:
        args = argparse.Namespace(api_url=api_url, data_dir=None, demo=demo)
        gui = DesktopApp(args, keys=keys)
        made.append(gui)
        qtbot.addWidget(gui.window)
        if start:
            gui.start()
            qtbot.waitExposed(gui.window)
            wait_opened(qtbot, gui)
        return gui

    yield build
    for gui in made:
        for widget in QApplication.topLevelWidgets():  # dialogs left open by the test
            if widget.parentWidget() is gui.window:
                widget.close()
        gui.window.close()
        gui.shutdown()


@pytest.fixture
def wait_idle(qtbot: QtBot) -> Callable[..., None]:
    """``wait_idle(gui)``: wait until every background task (cache load, refreshes) came back."""

    def wait(gui: DesktopApp, timeout: int = 20_000) -> None:
        qtbot.waitUntil(lambda: not gui.runner.busy, timeout=timeout)

    return wait


@pytest.fixture(name="order_env")
def order_env_fixture(qtbot: QtBot, sandbox: Any, tmp_path: Path) -> Iterator[OrderEnv]:
    store = Store(tmp_path / "orders.sqlite3")
    runner = TaskRunner()
    ctx = AppContext(store, runner)
    panel = store.add_panel("sandbox", sandbox.url, "USD")
    client = PanelClient(sandbox.url, sandbox.key, timeout=5.0, read_retries=0)
    ctx.set_panel(panel, client, demo=False)
    ctx.set_services(list(client.services().services), time.time())
    ctx.set_balance(client.balance())
    try:
        yield OrderEnv(ctx, sandbox, store, client, panel)
    finally:
        runner.shutdown()
        client.close()
        store.close()
        assert not sandbox.errors
