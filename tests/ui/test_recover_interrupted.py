"""An order whose `add` was in flight when the app died is not lost: the next start shows it as
unknown, to resolve."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from smpanel_desktop import paths
from smpanel_desktop.store.models import SUBMITTING, UNKNOWN


def test_an_order_left_submitting_by_a_dead_run_becomes_unknown_on_the_next_start(
    make_gui: Any, wait_idle: Any, sandbox: Any, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    first = make_gui(api_url=sandbox.url)
    wait_idle(first)
    panel = first.ctx.panel
    row = first.store.begin_order(
        panel.id, 1, "Followers", "Default", {"link": "https://x.com/a", "quantity": "100"},
        link="https://x.com/a", quantity=100,
    )  # fmt: skip
    first.window.close()
    first.shutdown()
    with sqlite3.connect(paths.db_path(paths.data_dir())) as conn:  # the run died 10 min ago
        conn.execute("UPDATE orders SET created_at = ? WHERE id = ?", (time.time() - 600, row.id))

    second = make_gui(api_url=sandbox.url, start=False)
    messages: list[str] = []
    second.ctx.statusMessage.connect(messages.append)
    second.start()
    wait_idle(second)
    order = second.store.order(row.id)
    assert order is not None and order.state == UNKNOWN
    assert order.params["link"] == "https://x.com/a"
    assert any("may have been placed" in m for m in messages)
    orders = second.window.orders_tab.model  # the Orders tab lists it as Unknown
    qtbot.waitUntil(lambda: orders.row_of(row.id) is not None)
    shown = orders.order_at(orders.row_of(row.id))
    assert shown is not None and shown.state == UNKNOWN
    assert sandbox.order_count() == 0  # recovering never sends anything


def test_a_fresh_submitting_row_is_left_alone(
    make_gui: Any, wait_idle: Any, sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    gui = make_gui(api_url=sandbox.url)
    wait_idle(gui)
    row = gui.store.begin_order(gui.ctx.panel.id, 1, "Followers", "Default", {}, quantity=100)
    gui._recover_interrupted_orders()
    wait_idle(gui)
    order = gui.store.order(row.id)
    assert order is not None and order.state == SUBMITTING  # maybe another process is sending it
