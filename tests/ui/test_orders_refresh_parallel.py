"""The Orders tab's Refresh keeps several status requests in flight (at most four per panel)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from smpanel_desktop.secrets import ENV_KEY, KeyStore
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.orders.tab import OrdersTab
from smpanel_desktop.ui.session import PanelSession
from smpanel_desktop.workers.task_runner import TaskRunner

LATENCY = 0.5


def test_gui_refresh_polls_batches_in_parallel(
    qtbot: QtBot, sandbox: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    ids = sandbox.place_orders(800)  # eight batches of 100: twice what may be in flight
    store = Store(tmp_path / "orders.sqlite3")
    panel = store.add_panel("sandbox", sandbox.url, "USD")
    for order in ids:
        store.import_order(panel.id, order)
    monkeypatch.setenv(ENV_KEY, sandbox.key)
    runner = TaskRunner()
    ctx = AppContext(store, runner)
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.interval.setValue(0)
    try:
        PanelSession(ctx, KeyStore(memory_only=True), tmp_path).open(panel)  # the GUI's path
        qtbot.waitUntil(lambda: ctx.client_factory is not None)  # the key is read on the worker
        qtbot.waitUntil(lambda: tab.model.total == 800 and not ctx._busy, timeout=10_000)
        peak = _count_in_flight(ctx)
        sandbox.faults.add("latency", action="status", seconds=LATENCY)
        sandbox.clear_log()
        started = time.monotonic()
        with qtbot.waitSignal(tab.refreshFinished, timeout=20_000):
            assert tab.refresh()
        elapsed = time.monotonic() - started
        assert sandbox.requests_for("status") == 8
        assert "Checked 800 open orders" in tab.message.text()
        assert peak == [4]  # in parallel, but never more than four at once to one panel
        # One after the other the eight answers alone take 8 x 0.5 s; four at a time about 1 s.
        assert elapsed < 5 * LATENCY, f"{elapsed:.2f} s: the batches were not sent in parallel"
    finally:
        runner.shutdown()
        if ctx.client is not None:
            ctx.client.close()
        store.close()
        assert not sandbox.errors


def _count_in_flight(ctx: AppContext) -> list[int]:
    """Wrap the session's client factory: the most ``statuses`` calls running at once."""
    made = ctx.client_factory
    assert made is not None
    lock = threading.Lock()
    state = {"now": 0}
    peak = [0]

    class Counting:
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def statuses(self, batch: Any) -> Any:
            with lock:
                state["now"] += 1
                peak[0] = max(peak[0], state["now"])
            try:
                return self._inner.statuses(batch)
            finally:
                with lock:
                    state["now"] -= 1

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

    ctx.client_factory = lambda: Counting(made())
    return peak
