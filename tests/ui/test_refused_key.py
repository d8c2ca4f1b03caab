"""A panel that refuses the key: said plainly (no green "Online"), the catalog's failure shown
where its age is, and the first message about the catalog, not the balance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_a_refused_key_is_not_shown_as_online(
    qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any, wait_idle: Any
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", "not-the-key")
    messages: list[str] = []
    gui = make_gui(api_url=sandbox.url, start=False)
    gui.ctx.statusMessage.connect(messages.append)
    gui.start()
    wait_idle(gui)
    window = gui.window
    qtbot.waitUntil(lambda: gui.ctx.connection == "keyrefused", timeout=10_000)
    assert window.connection_label.text() == "● API key refused"
    updated = window.findChild(QLabel, "servicesUpdated").text()
    assert updated.startswith("Could not fetch the catalog") and "Not fetched yet" not in updated
    failures = [m for m in messages if "failed" in m]
    assert failures and failures[0].startswith("Catalog refresh failed")
    assert not any(m.startswith("Balance failed") for m in failures)  # the same cause, once
