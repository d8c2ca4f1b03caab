"""Measuring helpers shared by the benchmarks: timers, statistics, the GUI heartbeat, test data.

Data comes from the sandbox's catalog generator (never from a real panel's catalog).  Tracked
orders for the big-store figures are written in one transaction straight into the store's file
(the store's own API commits each order durably: 100,000 fsyncs would take minutes); the rows
look like the ones the app writes (service, link, params, status, state ``placed``).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARKER = "SMPANEL_FIRST_SHOWN"
CATALOG_SEED = 11
OPEN_STATUSES = ("Pending", "In progress", "Processing")
FINAL_STATUSES = ("Completed", "Partial", "Canceled")

# A bare PySide6 window that prints the marker at its first paint, like the app does with
# SMPANEL_EXIT_AFTER_SHOW=1 (smpanel_desktop.ui.widgets.first_paint.arm_exit_after_show).  With
# ``BARE_EXIT=rss`` it prints its peak RSS (KiB, ``VmHWM``: ``ru_maxrss`` would start from the
# parent's size at fork time) instead and quits.
HELLO = f'''
import os, sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if os.environ.get("BARE_EXIT") == "rss":
                with open("/proc/self/status") as status:
                    peak = next(l.split()[1] for l in status if l.startswith("VmHWM:"))
                print("RSS_KIB", peak, flush=True)
            else:
                print("{MARKER}", f"{{time.time():.6f}} {{time.process_time():.6f}}", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Hello")
window.setCentralWidget(QLabel("Hello, world"))
window.resize(1280, 800)
window.show()
probe = FirstPaint(window)
window.installEventFilter(probe)
sys.exit(app.exec())
'''


# -- timing and statistics ------------------------------------------------------------------


def ms(seconds: float) -> float:
    return seconds * 1000.0


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return ms(time.perf_counter() - start)


def cpu_timed(fn: Callable[[], object]) -> float:
    """Milliseconds of this process's CPU time one call of ``fn`` takes: on a shared machine
    steadier than wall time (waiting for a core is not counted), for work that is all CPU."""
    start = time.process_time()
    fn()
    return ms(time.process_time() - start)


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def line(label: str, value: str, target: float | None = None, worst: float | None = None) -> None:
    verdict = ""
    if target is not None and worst is not None:
        verdict = f"  (target {target:.0f} ms: {'ok' if worst <= target else 'MISSED'})"
    print(f"  {label:<38} {value}{verdict}")


# -- the GUI thread's heartbeat ---------------------------------------------------------------


class Heartbeat:
    """A 5 ms GUI-thread timer; ``gaps`` are the times between two ticks (ms)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._tick()

    @property
    def longest(self) -> float:
        return max(self.gaps, default=0.0)


def timed_refresh(tab: Any) -> tuple[float, Heartbeat]:
    """Refresh an Orders tab and run the event loop until it has finished, the heartbeat ticking
    meanwhile: (wall seconds, the stopped heartbeat)."""
    beat = Heartbeat()
    beat.start()
    start = time.perf_counter()
    tab.refresh()
    wait_for(tab.refreshFinished)
    wall = time.perf_counter() - start
    beat.stop()
    return wall, beat


def services_tab(store: Any, panel: Any) -> tuple[Any, Any, Any]:
    """A shown 1280×760 Services tab over ``panel`` of ``store``: (tab, its AppContext, the
    TaskRunner to shut down after ``tab.close()``)."""
    from PySide6.QtWidgets import QApplication

    from smpanel_desktop.ui.context import AppContext
    from smpanel_desktop.ui.services.tab import ServicesTab
    from smpanel_desktop.workers.task_runner import TaskRunner

    runner = TaskRunner()
    ctx = AppContext(store, runner)
    ctx.panel = panel
    tab = ServicesTab(ctx)
    tab.resize(1280, 760)
    tab.show()
    QApplication.processEvents()
    return tab, ctx, runner


def wait_for(signal: Any, timeout_ms: int = 120_000) -> None:
    """Run the Qt event loop until ``signal`` fires (or the timeout)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        QApplication.processEvents()
        time.sleep(0.002)


# -- processes --------------------------------------------------------------------------------


def start_time(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds from process start to the first paint, as the marker reports it."""
    started = time.time()
    proc = subprocess.Popen(list(cmd), env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        for out in proc.stdout:
            if out.startswith(MARKER):
                _, shown, cpu = out.split()
                proc.wait(timeout=30)
                return float(shown) - started, float(cpu)
        raise RuntimeError(
            f"{cmd[-1]} exited (code {proc.wait()}) without printing {MARKER}: "
            "is first_paint.arm_exit_after_show(window) called after the main window's show()?"
        )
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def run_time(cmd: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds from process start to its exit (its output discarded); it must succeed."""
    started = time.perf_counter()
    subprocess.run(list(cmd), env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def scratch_env(scratch: Path, **extra: str) -> dict[str, str]:
    """The environment of an app/CLI run with private data, config and log folders."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(
        SMPANEL_DATA_DIR=str(scratch / "data"),
        SMPANEL_CONFIG_DIR=str(scratch / "config"),
        SMPANEL_LOG_DIR=str(scratch / "logs"),
    )
    env.update(extra)
    return env


class PanelProcess:
    """The sandbox panel in its own process (``panel_proc.py``), as a real panel would be: its
    work does not share the measured process's interpreter.  ``ids`` are the orders placed on it
    at start; ``requests(action)`` asks it how many requests of ``action`` it has served."""

    def __init__(self, services: int, latency: float = 0.0, orders: int = 0) -> None:
        cmd = [sys.executable, str(Path(__file__).with_name("panel_proc.py")),
               "--services", str(services), "--seed", str(CATALOG_SEED),
               "--latency", str(latency), "--orders", str(orders)]  # fmt: skip
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        assert self.proc.stdout is not None
        hello = json.loads(self.proc.stdout.readline())
        self.url: str = hello["url"]
        self.key: str = hello["key"]
        self.ids: list[int] = hello["ids"]

    def _ask(self, command: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def requests(self, action: str) -> int:
        return int(self._ask(f"count {action}"))

    def clear_log(self) -> None:
        self._ask("clear")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> PanelProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- data ---------------------------------------------------------------------------------


def catalog(count: int) -> tuple[list[dict[str, Any]], bytes]:
    """The sandbox's generated catalog: the records and the ``services`` answer's bytes."""
    from smpanel_desktop.sandbox.catalog import generate_catalog

    wire, _specs = generate_catalog(count, seed=CATALOG_SEED)
    return wire, json.dumps(wire).encode()


def services(count: int) -> list[Any]:
    from smpanel_desktop.api.parse import parse_catalog

    return list(parse_catalog(catalog(count)[0]).services)


def insert_orders(
    db_path: Path, panel_id: int, ids: Sequence[int], catalog_services: Sequence[Any],
    open_share: float = 1.0,
) -> None:  # fmt: skip
    """Track the panel orders ``ids`` (``open_share`` of them still open), in one transaction."""
    rng = random.Random(5)
    now = time.time()
    rows = []
    for n, order in enumerate(ids):
        svc = catalog_services[n % len(catalog_services)]
        link = f"https://instagram.com/p/B{order:09d}x"
        quantity = max(svc.min, 100)
        params = json.dumps({"link": link, "quantity": str(quantity)}, separators=(",", ":"))
        is_open = rng.random() < open_share
        status = rng.choice(OPEN_STATUSES if is_open else FINAL_STATUSES)
        created = now - (len(ids) - n) * 30.0
        rows.append((panel_id, order, svc.id, svc.name, svc.type, params, link, quantity,
                     str(Decimal(quantity) * svc.rate / 1000), "USD", status, "placed",
                     0, quantity // 2, created, created, created))  # fmt: skip
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany(
            'INSERT INTO orders (panel_id, "order", service_id, service_name, service_type, '
            "params, link, quantity, charge, currency, status, state, start_count, remains, "
            "created_at, updated_at, last_checked_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()


def make_data_dir(
    data_dir: Path, url: str, catalog_services: Sequence[Any], order_ids: Sequence[int],
    open_share: float = 1.0,
) -> None:  # fmt: skip
    """An app data folder: the panel at ``url`` (current), its cached catalog, tracked orders."""
    from smpanel_desktop import paths
    from smpanel_desktop.api.endpoint import validate_endpoint
    from smpanel_desktop.store.panels import CURRENT_PANEL
    from smpanel_desktop.store.store import Store

    db = Path(paths.db_path(data_dir))
    with Store(db) as store:
        panel = store.add_panel("bench", validate_endpoint(url), "USD")
        store.set_setting(CURRENT_PANEL, panel.name)
        store.save_services(panel.id, catalog_services, time.time())
    insert_orders(db, panel.id, order_ids, catalog_services, open_share)


# -- results ------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table: our figure beside the reference measured in the same run.

    ``max_ratio`` / ``limit`` are the targets (ours / reference, and ours itself); ``exact``
    asks for an exact value (a request count).  No target: reported only."""

    row: int
    figure: str
    ours: float
    unit: str
    reference: float | None = None
    ref_name: str = ""
    max_ratio: float | None = None
    limit: float | None = None
    exact: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.reference is None or not self.reference:
            return None
        return self.ours / self.reference

    @property
    def ok(self) -> bool | None:
        checks = []
        if self.max_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.max_ratio)
        if self.limit is not None:
            checks.append(self.ours < self.limit)
        if self.exact is not None:
            checks.append(self.ours == self.exact)
        return all(checks) if checks else None

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        if self.limit is not None:
            parts.append(f"< {self.limit:g} {self.unit}")
        if self.exact is not None:
            parts.append(f"= {self.exact:g}")
        return " and ".join(parts) or "—"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ratio=self.ratio, ok=self.ok, target=self.target)
        return data


def floor_model(table: Any, rows: int) -> Any:
    """A C++ ``QStandardItemModel`` with the first ``rows`` rows of ``table``'s model as text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    model = table.model()
    rows = min(rows, model.rowCount())
    items = QStandardItemModel(rows, model.columnCount())
    for r in range(rows):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            item = QStandardItem(str(model.data(index) or ""))
            align = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
            if align is not None:
                item.setTextAlignment(Qt.AlignmentFlag(int(align)))
            items.setItem(r, c, item)
    return items
