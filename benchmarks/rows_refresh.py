"""Row 4: refreshing 10,000 open tracked orders through the GUI, against a slow panel.

The panel is the sandbox in its own process, answering every request after 50 ms; the 10,000
orders are really placed on it and tracked in the store.  The real GUI path runs: the panel is
opened by ``PanelSession`` (the client the GUI builds), the Orders tab's Refresh hands the work
to the worker thread (``orders_tasks.refresh`` -> ``tracking.refresh_orders``), and the tab shows
the reloaded rows.  Measured: the requests the panel saw, the wall time from the click to the
rows shown (against the ideal 100 x 50 ms / 4 in flight), the store's write time (every
``apply_statuses`` call, timed where it runs) and the longest gap of a 5 ms GUI-thread timer.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import PanelProcess, Row, make_data_dir, services, timed_refresh, wait_until

ORDERS = 10_000
LATENCY = 0.05
IN_FLIGHT = 4
BATCH = 100


def timing(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent.append((time.perf_counter() - start) * 1000)

    return wrapper


def refresh_rows(tmp: Path) -> list[Row]:
    from smpanel_desktop import paths
    from smpanel_desktop.secrets import ENV_KEY, KeyStore
    from smpanel_desktop.store.store import Store
    from smpanel_desktop.ui.context import AppContext
    from smpanel_desktop.ui.orders.tab import OrdersTab
    from smpanel_desktop.ui.session import PanelSession
    from smpanel_desktop.workers.task_runner import TaskRunner

    data_dir = tmp / "refresh"
    with PanelProcess(services=3000, latency=LATENCY, orders=ORDERS) as panel_proc:
        make_data_dir(data_dir, panel_proc.url, services(3000), panel_proc.ids)
        os.environ[ENV_KEY] = panel_proc.key
        store = Store(paths.db_path(data_dir))
        runner = TaskRunner()
        ctx = AppContext(store, runner)
        session = PanelSession(ctx, KeyStore(memory_only=True), data_dir)
        tab = OrdersTab(ctx)
        tab.interval.setValue(0)  # no auto-refresh during the measurement
        tab.resize(1280, 720)
        tab.show()
        panel = store.panels()[0]
        session.open(panel)  # the GUI's client; the catalog and balance refreshes start
        wait_until(lambda: tab.model.total == ORDERS and not ctx._busy)
        writes: list[float] = []
        store.apply_statuses = timing(store.apply_statuses, writes)  # type: ignore[method-assign]
        panel_proc.clear_log()
        wall, beat = timed_refresh(tab)
        requests = panel_proc.requests("status")
        summary = tab.message.text()
        tab.close()
        runner.shutdown()
        if ctx.client is not None:
            ctx.client.close()
        store.close()
        del os.environ[ENV_KEY]
    ideal = BATCH * LATENCY / IN_FLIGHT * 1000
    print(f"  refresh: {summary}")
    return [
        Row(4, "refresh 10k open orders: requests", requests, "req", exact=ORDERS / BATCH),
        Row(4, "  wall time, click to rows shown", wall * 1000, "ms", ideal,
            "100×50 ms÷4", max_ratio=1.25, note="ratio to the ideal"),
        Row(4, "  store write time (100 batches)", sum(writes), "ms"),
        Row(4, "  GUI heartbeat, longest stall", beat.longest, "ms", 5.0, "5 ms timer",
            limit=50.0),
    ]  # fmt: skip
