"""First start, the welcome dialog, adding panels and keys, and a machine without a keyring.

Every test runs with the in-memory keyring from tests/conftest.py (``memory_keyring``)."""

from __future__ import annotations

from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from smpanel_desktop.secrets import KEYRING_SERVICE
from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog
from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog
from smpanel_desktop.ui.dialogs.welcome_dialog import WelcomeDialog


def click(qtbot: QtBot, widget: Any, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible(cls: type, gui: Any) -> Any:
    """The open dialog of type ``cls`` that belongs to this app's window, or None."""
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, cls) and w.isVisible() and w.parentWidget() is gui.window
    ]
    return found[0] if found else None


def test_first_start_lands_on_the_demo_with_the_welcome_dialog(
    qtbot: QtBot, make_gui: Any, wait_idle: Any
) -> None:
    gui = make_gui()
    welcome = gui.welcome
    assert isinstance(welcome, WelcomeDialog) and welcome.isVisible()
    assert welcome.demo_button.isDefault()
    assert gui.window.windowTitle() == "SMPanel Desktop — Demo panel"  # not "Demo — DEMO"
    assert gui.ctx.demo
    qtbot.waitUntil(lambda: len(gui.ctx.services) == 3000, timeout=30_000)
    click(qtbot, welcome, "welcomeDemo")
    assert not welcome.isVisible()
    wait_idle(gui)
    assert gui.window.connection_label.text().startswith("● DEMO")
    assert gui.window.panel_label.text() == "Panel: Demo panel"
    assert gui.session.sandbox is not None
    url = gui.session.sandbox.url
    gui.window.close()
    gui.shutdown()
    assert gui.session.sandbox is None  # stopped cleanly
    with pytest.raises(OSError):
        import urllib.request

        urllib.request.urlopen(url, timeout=2)


def test_welcome_adds_a_real_panel_after_testing_the_connection(
    qtbot: QtBot, sandbox: Any, make_gui: Any, memory_keyring: Any, wait_idle: Any
) -> None:
    gui = make_gui()
    welcome = gui.welcome
    click(qtbot, welcome, "welcomeAdd")
    endpoint = welcome.findChild(QLineEdit, "panelEndpoint")
    assert endpoint.text() == "https://smpanel.net/api/v2"
    key = welcome.findChild(QLineEdit, "panelKey")
    assert key.echoMode() == QLineEdit.EchoMode.Password
    endpoint.setText(sandbox.url)
    welcome.findChild(QLineEdit, "panelName").setText("My panel")

    click(qtbot, welcome, "panelTest")  # no key yet: said at once, nothing sent
    result = welcome.findChild(QLabel, "panelTestResult")
    assert result.text() == "Enter the API key."
    qtbot.keyClicks(key, "wrong-key-1234")
    click(qtbot, welcome, "panelTest")
    qtbot.waitUntil(lambda: result.text().startswith("Connection failed"), timeout=10_000)
    assert "Invalid API key" in result.text()
    key.setText(sandbox.key)
    click(qtbot, welcome, "panelTest")
    qtbot.waitUntil(lambda: result.text().startswith("Connected"), timeout=10_000)
    assert "1,000.00 USD" in result.text()

    click(qtbot, welcome, "welcomeSave")
    qtbot.waitUntil(lambda: gui.ctx.panel is not None and gui.ctx.panel.name == "My panel")
    assert memory_keyring.entries[(KEYRING_SERVICE, "My panel")] == sandbox.key
    assert not gui.ctx.demo
    assert "DEMO" not in gui.window.windowTitle()
    qtbot.waitUntil(lambda: len(gui.ctx.services) == 300, timeout=20_000)
    wait_idle(gui)


def test_welcome_refuses_plain_http_to_another_host(qtbot: QtBot, make_gui: Any) -> None:
    gui = make_gui()
    welcome = gui.welcome
    click(qtbot, welcome, "welcomeAdd")
    welcome.findChild(QLineEdit, "panelEndpoint").setText("http://panel.example.com/api/v2")
    welcome.findChild(QLineEdit, "panelKey").setText("abcdefghijklmnop")
    click(qtbot, welcome, "welcomeSave")
    error = welcome.findChild(QLabel, "welcomeError")
    assert "https://" in error.text()
    assert welcome.isVisible()
    assert [p.name for p in gui.store.panels()] == ["Demo"]


def test_key_dialog_masks_replaces_and_deletes_the_key(
    qtbot: QtBot, sandbox: Any, make_gui: Any, memory_keyring: Any, wait_idle: Any
) -> None:
    gui = make_gui(api_url=sandbox.url, start=False)
    panel = gui._first_panel()
    memory_keyring.entries[(KEYRING_SERVICE, panel.name)] = "old-key-ending-WXYZ"
    gui.start()
    wait_idle(gui)
    dialog = gui.window.set_key()
    assert isinstance(dialog, KeyDialog) and dialog.isVisible()
    current = dialog.findChild(QLabel, "keyCurrent")
    qtbot.waitUntil(lambda: current.text() == "••••WXYZ")  # read from the keyring on the worker
    assert "old-key" not in " ".join(w.text() for w in dialog.findChildren(QLabel))

    qtbot.keyClicks(dialog.findChild(QLineEdit, "keyInput"), sandbox.key)
    click(qtbot, dialog, "keySave")  # checked with the panel first, then saved
    qtbot.waitUntil(lambda: dialog.message.text() == "Key saved.", timeout=10_000)
    assert memory_keyring.entries[(KEYRING_SERVICE, panel.name)] == sandbox.key
    qtbot.waitUntil(lambda: gui.ctx.connection == "online", timeout=10_000)  # reopened with it
    qtbot.waitUntil(lambda: current.text() == "••••")  # short keys: all masked

    click(qtbot, dialog, "keyDelete")
    qtbot.waitUntil(lambda: current.text() == "No key stored")
    assert (KEYRING_SERVICE, panel.name) not in memory_keyring.entries
    wait_idle(gui)


def test_no_key_opens_the_key_dialog_but_the_environment_key_does_not(
    qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any
) -> None:
    gui = make_gui(api_url=sandbox.url)
    qtbot.waitUntil(lambda: visible(KeyDialog, gui) is not None, timeout=5_000)
    visible(KeyDialog, gui).close()
    gui.window.close()
    gui.shutdown()

    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    again = make_gui(api_url=sandbox.url)
    qtbot.waitUntil(lambda: len(again.ctx.services) == 300, timeout=20_000)
    wait_idle(again)
    assert visible(KeyDialog, again) is None


def test_without_a_keyring_the_key_can_be_kept_in_memory_only(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any
) -> None:
    keyring.set_keyring(fail.Keyring())  # a desktop without a Secret Service
    gui = make_gui(api_url=sandbox.url)
    qtbot.waitUntil(lambda: visible(KeyringUnavailableDialog, gui) is not None, timeout=5_000)
    dialog = visible(KeyringUnavailableDialog, gui)
    help_text = dialog.findChild(QLabel, "keyringHelp").text()
    assert "gnome-keyring" in help_text and "memory only" in help_text
    click(qtbot, dialog, "keyringMemoryOnly")
    assert gui.keys.memory_only
    key_dialog = visible(KeyDialog, gui)  # offered next, to enter the key for this run
    assert key_dialog is not None
    storage = key_dialog.findChild(QLabel, "keyStorage")
    qtbot.waitUntil(lambda: "Memory only" in storage.text())
    qtbot.keyClicks(key_dialog.findChild(QLineEdit, "keyInput"), sandbox.key)
    click(qtbot, key_dialog, "keySave")
    qtbot.waitUntil(lambda: len(gui.ctx.services) == 300, timeout=20_000)
    wait_idle(gui)
    assert gui.keys.get(gui.ctx.panel.name) == sandbox.key


def test_a_key_the_panel_refuses_is_not_saved(
    qtbot: QtBot, sandbox: Any, make_gui: Any, memory_keyring: Any, wait_idle: Any
) -> None:
    gui = make_gui(api_url=sandbox.url, start=False)
    panel = gui._first_panel()
    memory_keyring.entries[(KEYRING_SERVICE, panel.name)] = sandbox.key
    gui.start()
    wait_idle(gui)
    dialog = gui.window.set_key()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "keyInput"), "wrong-key")
    click(qtbot, dialog, "keySave")
    message = dialog.findChild(QLabel, "keyMessage")
    qtbot.waitUntil(lambda: "refused" in message.text(), timeout=10_000)
    assert "not saved" in message.text() and "Key saved" not in message.text()
    assert memory_keyring.entries[(KEYRING_SERVICE, panel.name)] == sandbox.key  # the old one
    anyway = dialog.findChild(QPushButton, "keySaveAnyway")
    assert anyway.isVisible()
    click(qtbot, dialog, "keySaveAnyway")
    qtbot.waitUntil(lambda: dialog.message.text() == "Key saved.", timeout=10_000)
    assert memory_keyring.entries[(KEYRING_SERVICE, panel.name)] == "wrong-key"
    wait_idle(gui)
