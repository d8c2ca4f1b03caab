"""The task runner: results come back on the GUI thread, lanes don't wait for each other, and a
request hanging at quit neither keeps the app open nor aborts it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from typing import Any

from pytestqt.qtbot import QtBot

from smpanel_desktop.workers.task_runner import ORDERS_LANE, Generation, TaskRunner


def test_results_and_errors_come_back_in_order_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, object, bool]] = []
    gui_thread = threading.current_thread()

    def on_done(value: object) -> None:
        seen.append(("done", value, threading.current_thread() is gui_thread))

    def on_error(exc: BaseException) -> None:
        seen.append(("error", str(exc), threading.current_thread() is gui_thread))

    def fail() -> None:
        raise ValueError("panel said no")

    try:
        worker_threads: list[str] = []
        runner.submit(lambda: worker_threads.append(threading.current_thread().name) or 1, on_done)
        runner.submit(fail, on_done, on_error)
        runner.submit(lambda: 3, on_done)
        assert runner.busy
        qtbot.waitUntil(lambda: len(seen) == 3)
        assert seen == [("done", 1, True), ("error", "panel said no", True), ("done", 3, True)]
        assert worker_threads and worker_threads[0] != gui_thread.name
        assert not runner.busy
    finally:
        runner.shutdown()


def test_an_order_does_not_wait_behind_a_long_refresh(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    placed: list[str] = []
    try:
        runner.submit(lambda: release.wait(10))  # a refresh stuck on a slow panel
        runner.submit(lambda: "order 23501", placed.append, lane=ORDERS_LANE)
        qtbot.waitUntil(lambda: placed == ["order 23501"], timeout=5000)
        assert runner.busy  # the refresh is still running
    finally:
        release.set()
        runner.shutdown()


def test_a_read_already_stale_when_its_turn_comes_is_not_worked_for(qtbot: QtBot) -> None:
    """Three loads queued behind a slow one, each newer than the last: only the newest is read
    (the others' answers would be dropped), so what the user asked next does not wait for them."""
    runner = TaskRunner()
    release = threading.Event()
    generation = Generation()
    ran: list[int] = []
    shown: list[int] = []
    try:
        runner.submit(lambda: release.wait(10))  # a refresh holding the lane
        for n in range(3):
            generation.bump()
            runner.submit(lambda n=n: ran.append(n) or n, shown.append,
                          current=generation.guard())  # fmt: skip
        runner.submit(lambda: ran.append(99))  # no guard: always runs
        release.set()
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
        assert ran == [2, 99] and shown == [2]
    finally:
        release.set()
        runner.shutdown()


def test_quitting_while_a_request_hangs_exits_cleanly_and_promptly() -> None:
    script = textwrap.dedent(
        """
        import time
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from smpanel_desktop.workers.task_runner import TaskRunner

        app = QApplication([])
        runner = TaskRunner()
        runner.submit(lambda: time.sleep(60))  # a panel that never answers
        QTimer.singleShot(200, app.quit)
        app.exec()
        print("stopped" if runner.shutdown(timeout_ms=500) else "left running")
        """
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr  # Qt aborts (134) when a running QThread is destroyed
    assert "left running" in done.stdout
    assert time.monotonic() - started < 30  # not held open until the request gives up


def test_quitting_while_an_order_hangs_exits_at_once_and_keeps_the_order(
    sandbox: Any, tmp_path: Any
) -> None:
    """An ``add`` the panel never answers, cut off by quitting: the app exits at once, and the
    order is recorded as unknown (it may have been placed), never lost or left to resend."""
    sandbox.faults.add("latency", action="add", seconds=60)
    db = tmp_path / "orders.sqlite3"
    script = textwrap.dedent(
        f"""
        import time
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from smpanel_desktop.api.client import PanelClient
        from smpanel_desktop.api.inflight import InFlight
        from smpanel_desktop.core.placing import place_order
        from smpanel_desktop.store.store import Store
        from smpanel_desktop.workers.task_runner import ORDERS_LANE, Generation, TaskRunner

        app = QApplication([])
        store = Store({str(db)!r})
        panel = store.add_panel("sandbox", {sandbox.url!r}, "USD")
        inflight = InFlight()
        client = PanelClient({sandbox.url!r}, {sandbox.key!r}, inflight=inflight)
        service = next(s for s in client.services().services if s.type == "Default")
        runner = TaskRunner()
        runner.on_shutdown(inflight.abort)
        values = {{"link": "https://instagram.com/p/hung", "quantity": str(service.min)}}
        runner.submit(lambda: place_order(store, client, panel, service, values), lane=ORDERS_LANE)
        QTimer.singleShot(1500, app.quit)  # the add is in flight by then
        app.exec()
        started = time.monotonic()
        stopped = runner.shutdown(timeout_ms=10_000)
        print("stopped" if stopped else "left running", f"{{time.monotonic() - started:.2f}}")
        print(store.orders(panel.id)[0].state)
        store.close()
        """
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert words[0] == "stopped", done.stdout  # the lane ended: its connection was closed
    assert float(words[1]) < 2.0  # at once, not after the panel's 60 s
    assert words[2] == "unknown"  # sent and cut off: possibly placed, for the user to resolve
    assert time.monotonic() - started < 30
    assert sandbox.requests_for("add") == 1  # sent once, never again


def test_after_shutdown_nothing_more_is_started(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ran: list[int] = []
    runner.shutdown()
    assert runner.submit(lambda: ran.append(1)) == 0  # a late timer tick while quitting
    qtbot.wait(50)
    assert ran == [] and not runner.busy
