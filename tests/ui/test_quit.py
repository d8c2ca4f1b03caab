"""Quitting the app while the panel hangs: every worker lane ends at once (its connection is
closed), so no running QThread is ever destroyed and nothing waits for the panel's timeout."""

from __future__ import annotations

import time
from typing import Any

from pytestqt.qtbot import QtBot


def test_quitting_the_app_while_a_catalog_fetch_hangs_stops_every_lane(
    qtbot: QtBot, sandbox: Any, make_gui: Any, monkeypatch: Any
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    sandbox.faults.add("latency", action="services", seconds=60)
    gui = make_gui(api_url=sandbox.url)
    qtbot.waitUntil(lambda: sandbox.requests_for("services") >= 1, timeout=10_000)
    gui.window.close()
    started = time.monotonic()
    assert gui.runner.shutdown(timeout_ms=5_000)  # every QThread ended: none left running
    assert time.monotonic() - started < 2.0
