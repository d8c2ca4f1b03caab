"""The key dialog against a real Secret Service (gnome-keyring): saved, read back masked,
deleted — and nowhere in the data or config folders.

Run under ``tests/keyring_session.sh`` (``make test`` does); the normal run deselects it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.core
import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from smpanel_desktop.secrets import KEYRING_SERVICE
from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog

pytestmark = pytest.mark.keyring_integration


@pytest.fixture(autouse=True)
def real_backend() -> Iterator[None]:
    """The backend the app would find (leaving out the tests' in-memory one)."""
    previous = keyring.get_keyring()
    keyring.core.init_backend(limit=lambda b: type(b).__module__.startswith("keyring."))
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_key_dialog_round_trip_through_the_secret_service(
    qtbot: QtBot, sandbox: Any, make_gui: Any, wait_idle: Any, tmp_path: Path
) -> None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("no D-Bus session: run under tests/keyring_session.sh")
    gui = make_gui(api_url=sandbox.url, start=False)
    assert "SecretService" in gui.keys.backend_name()
    panel = gui._first_panel()
    gui.start()
    qtbot.waitUntil(lambda: gui.ctx.panel is not None)  # opened on the worker
    dialog = gui.window.set_key()
    assert isinstance(dialog, KeyDialog)
    secret = f"{sandbox.key}-{uuid.uuid4().hex}"  # unique, and longer than 12: shown as ••••xxxx
    try:
        dialog.key.setText(secret)
        assert dialog.save(check=False)  # a made-up key: stored without asking the panel
        current = dialog.findChild(QLabel, "keyCurrent")
        qtbot.waitUntil(lambda: current.text() == "••••" + secret[-4:])  # saved on the worker
        assert keyring.get_password(KEYRING_SERVICE, panel.name) == secret
        wait_idle(gui)
        for path in tmp_path.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
        dialog.delete()
        qtbot.waitUntil(lambda: current.text() == "No key stored")
        assert keyring.get_password(KEYRING_SERVICE, panel.name) is None
    finally:
        if keyring.get_password(KEYRING_SERVICE, panel.name) is not None:
            keyring.delete_password(KEYRING_SERVICE, panel.name)
    wait_idle(gui)
