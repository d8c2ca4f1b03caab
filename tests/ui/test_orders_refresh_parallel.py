"""The Orders tab's Refresh keeps several status requests in flight (at most four per panel)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from smpanel_desktop.secrets import ENV_KEY, KeyStore
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.orders.tab import OrdersTab
from smpanel_desktop.ui.session import PanelSession
from smpanel_desktop.workers.task_runner import TaskRunner

LATENCY = 0.5


def test_gui_refresh_polls_batches_in_parallel(
    qtbot: Any, sandbox: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    ids = sandbox.place_orders(400)  # four batches of 100
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
        qtbot.waitUntil(lambda: tab.model.total == 400 and not ctx._busy, timeout=10_000)
        sandbox.faults.add("latency", action="status", seconds=LATENCY)
        sandbox.clear_log()
        started = time.monotonic()
        with qtbot.waitSignal(tab.refreshFinished, timeout=20_000):
            assert tab.refresh()
        elapsed = time.monotonic() - started
        assert sandbox.requests_for("status") == 4
        assert "Checked 400 open orders" in tab.message.text()
        # One after the other the four answers alone take 4 x 0.5 s; in parallel about 0.5 s.
        assert elapsed < 3 * LATENCY, f"{elapsed:.2f} s: the batches were not sent in parallel"
    finally:
        runner.shutdown()
        if ctx.client is not None:
            ctx.client.close()
        store.close()
        assert not sandbox.errors
