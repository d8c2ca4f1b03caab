"""Long run: the desktop app against the sandbox for 30 simulated minutes of auto-refresh with
1,000 open orders, time compressed: the Orders tab's timer fires every few milliseconds and each
tick stands for ``INTERVAL`` simulated seconds on the sandbox clock (moved by the test).

Every 8th refresh the panel refuses (the refresh stops, says so, the next tick goes on), every
8th + 4 it answers a 5xx and drops a connection (the GUI's 2 read retries get through).
Orders progress as on a real panel (Pending, In progress, then Completed/Partial within ~16
simulated minutes), so the first half refreshes 1,000 orders a tick and rewrites the table; the
second half is the app idling on final orders.  Memory stays flat (RSS after warm-up vs at the
end), and no thread or file descriptor is left behind by the refreshes (each one runs up to four
requests on a thread pool with a client per thread).
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from reliability_support import open_fds, rss_kb

from smpanel_desktop.paths import db_path
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.store import Store

pytestmark = pytest.mark.reliability

ORDERS = 1_000
INTERVAL = 15  # simulated seconds per auto-refresh tick
SIMULATED = 30 * 60
WARM_UP = 3  # refreshes before the first measurement (caches, pools, first allocations)
RSS_SLACK_KB = 12 * 1024


def native_threads() -> int:
    return len(list(Path("/proc/self/task").iterdir()))


def test_thirty_simulated_minutes_of_auto_refresh_stay_flat(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, make_app: Any, qtbot: QtBot, figures: Any
) -> None:
    with SandboxPanel(services=300, seed=7, balance=Decimal(10**9), time_scale=0) as sandbox:
        monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
        ids = sandbox.place_orders(ORDERS)
        with Store(db_path(data_dir)) as store:
            panel = store.add_panel("Sandbox", sandbox.url, "USD")
            for order in ids:
                store.import_order(panel.id, order)
        gui = make_app(sandbox.url)
        tab = gui.window.orders_tab
        qtbot.waitUntil(lambda: tab.model.total == ORDERS and not gui.runner.busy, timeout=30_000)

        ticks = {"refreshes": 0, "idle": 0, "stopped": 0}
        open_counts: list[int] = []
        samples: dict[str, tuple[int, int, int, int]] = {}

        def measure(name: str) -> None:
            samples[name] = (rss_kb(), open_fds(), threading.active_count(), native_threads())

        bursts: list[Any] = []  # the faults of the burst the next refresh meets
        after_burst: list[tuple[int, bool]] = []  # (faults met, the refresh got through)

        def refreshed(result: Any) -> None:
            ticks["refreshes"] += 1
            failed = result.value is None or result.value.failure is not None
            if result.value is not None and result.value.failure is not None:
                ticks["stopped"] += 1
            if bursts:
                after_burst.append((sum(f.hits for f in bursts), not failed))
                bursts.clear()
            # the panel misbehaves now and then: a refusal (the refresh stops and says so),
            # or a 5xx and a dropped connection (the refresh gets through on its retries)
            if ticks["refreshes"] % 8 == 0:
                sandbox.faults.add("error", action="status", count=1, text="Try again later")
            elif ticks["refreshes"] % 8 == 4:
                # as many failures as the GUI's read retries (2): one request may meet them all
                bursts.append(sandbox.faults.add("html503", action="status", count=1))
                bursts.append(sandbox.faults.add("drop", action="status", count=1))
            open_now = len(gui.store.open_orders(panel.id))
            open_counts.append(open_now)
            sandbox.clock.advance(INTERVAL)
            if ticks["refreshes"] == WARM_UP:
                measure("start")

        def tick() -> None:  # a tick with nothing open is simulated time passing, too
            if not tab.refreshing and not tab.model.has_open_work():
                ticks["idle"] += 1
                sandbox.clock.advance(INTERVAL)

        tab.refreshFinished.connect(refreshed)
        tab.timer.timeout.connect(tick)
        tab.interval.setValue(INTERVAL)  # what a user sets; the timer is then compressed
        tab.timer.setInterval(5)
        started = time.monotonic()
        total = SIMULATED // INTERVAL + WARM_UP
        qtbot.waitUntil(lambda: ticks["refreshes"] + ticks["idle"] >= total, timeout=110_000)
        tab.timer.stop()
        qtbot.waitUntil(lambda: not tab.refreshing and not gui.runner.busy, timeout=20_000)
        elapsed = time.monotonic() - started
        measure("end")
        # the store ends exactly where the panel is
        mine = {o.order: o.status for o in gui.store.orders(panel.id)}
        assert mine == {oid: o.status for oid, o in sandbox.orders.items()}
        assert tab.model.total == ORDERS and gui.window.isVisible()
        # one per thread that read the store: the GUI thread's and each lane's (the refresh's
        # request threads never keep one)
        assert gui.store.open_connections <= len(gui.runner.lanes) + 1
        assert sandbox.errors == []

    rss0, fds0, py0, nat0 = samples["start"]
    rss1, fds1, py1, nat1 = samples["end"]
    assert open_counts[0] == ORDERS
    assert ticks["stopped"] >= 5  # the refusals were met, shown, and the next tick went on
    # every burst (a 5xx, a dropped connection) was met and got through on the retries
    assert len(after_burst) >= 5 and after_burst == [(2, True)] * len(after_burst), after_burst
    assert fds1 <= fds0 + 2, (fds0, fds1)
    assert py1 <= py0 and nat1 <= nat0, (py0, py1, nat0, nat1)
    assert rss1 - rss0 <= RSS_SLACK_KB, (rss0, rss1)
    section = "long run: 30 simulated minutes, 1,000 orders"
    figures(section, "refreshes / idle ticks", f"{ticks['refreshes']} / {ticks['idle']}")
    figures(section, "refreshes stopped by a panel error (then resumed)", ticks["stopped"])
    figures(
        section,
        "open orders at refresh 1, 40, 60",
        [open_counts[i] for i in (0, 39, 59) if i < len(open_counts)],
    )
    figures(section, "real time (s)", f"{elapsed:.1f}")
    figures(section, "RSS start -> end (MiB)", f"{rss0 / 1024:.1f} -> {rss1 / 1024:.1f}")
    figures(section, "fds start -> end", f"{fds0} -> {fds1}")
    figures(section, "Python threads start -> end", f"{py0} -> {py1}")
    figures(section, "native threads start -> end", f"{nat0} -> {nat1}")
