"""Crash safety: ``smpanel`` killed with SIGKILL at random moments of its two heaviest writes,
and while an ``add`` is out (the request sent, its answer not yet read).

* ``refresh`` of 10,000 tracked orders (100 status requests, 4 in flight, one transaction per
  batch); the sandbox clock moves between runs so every run has statuses to write;
* ``services --refresh`` of a 20,000-service catalog over an older cached one.

After every kill: ``PRAGMA integrity_check`` is ``ok``; the 10,000 orders are all there, once
each, still ``placed``, with no status change recorded twice; the cached catalog is exactly the
old one or exactly the new one; the killed ``add`` is ``submitting`` with all its parameters,
turns ``unknown`` at the next start and is resolved by the user, never resent.  Kill moments
are drawn (fixed seed) within the time an uninterrupted run takes.  ``SMPANEL_KILLS`` raises
the number of kills (default 20 each).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from reliability_support import CLI, cli_env, integrity, run_killed, timed_run

from smpanel_desktop.api.parse import parse_catalog
from smpanel_desktop.paths import db_path
from smpanel_desktop.sandbox.catalog import generate_catalog
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.store import Store

pytestmark = pytest.mark.reliability

KILLS = int(os.environ.get("SMPANEL_KILLS", "20"))
SEED = 20261127
ORDERS = 10_000
SERVICES = 20_000


def run_time(args: list[str], env: dict[str, str]) -> float:
    """How long an uninterrupted run takes (the quicker of two: the first may compile .pyc)."""
    times = []
    for _ in range(2):
        duration, proc = timed_run(args, env)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        times.append(duration)
    return min(times)


def draw_moments(rng: random.Random, duration: float, count: int) -> list[float]:
    """Kill moments spread over the whole run, start-up included (later runs may be quicker
    than the measured one: some end before their moment)."""
    return [rng.uniform(0.02, 0.95) * duration for _ in range(count)]


# --- 10,000-order refresh ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def orders_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path, set[int]]]:
    """A sandbox with 10,000 orders (its clock moved only by the test) and a data folder
    tracking all of them."""
    folder = tmp_path_factory.mktemp("crash-orders")
    with SandboxPanel(services=300, seed=7, balance=Decimal(10**9), time_scale=0) as sandbox:
        ids = sandbox.place_orders(ORDERS)
        store = Store(db_path(folder))
        try:
            panel = store.add_panel("P", sandbox.url, "USD")
            for order in ids:
                store.import_order(panel.id, order)
        finally:
            store.close()
        yield sandbox, folder, set(ids)


def check_orders(folder: Path, expected: set[int]) -> None:
    path = db_path(folder)
    assert integrity(path) == "ok"
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute('SELECT "order", state FROM orders').fetchall()
        assert len(rows) == len(expected), "an order was lost or doubled"
        assert {order for order, _ in rows} == expected
        assert {state for _, state in rows} == {"placed"}
        doubled = conn.execute(
            "SELECT COUNT(*) FROM status_history a JOIN status_history b"
            " ON a.order_local_id = b.order_local_id AND a.id < b.id"
            " AND a.new_status = b.new_status AND a.old_status IS b.old_status"
        ).fetchone()[0]
        assert doubled == 0, "a status change was recorded twice"
    finally:
        conn.close()


def test_refresh_of_10000_orders_survives_sigkill(
    orders_world: tuple[Any, Path, set[int]], tmp_path: Path, figures: Any
) -> None:
    sandbox, folder, expected = orders_world
    env = cli_env(sandbox.key)
    args = ["--data-dir", str(folder), "--panel", "P", "refresh"]
    _, proc = timed_run(args, env)
    assert proc.returncode == 0, proc.stderr
    assert f"Checked {ORDERS} open order(s) in 100 requests" in proc.stdout
    duration = run_time(args, env)
    rng = random.Random(SEED)
    killed = finished = 0
    for moment in draw_moments(rng, duration, KILLS):
        sandbox.clock.advance(15)  # statuses move on: every run has changes to write
        code = run_killed(args, env, moment, tmp_path / "stderr.txt")
        if code is None:
            killed += 1
        else:
            assert code == 0, (tmp_path / "stderr.txt").read_text()
            finished += 1
        check_orders(folder, expected)
    assert killed >= KILLS // 2
    # After all that, one clean run leaves the store exactly as the panel sees its orders.
    _, proc = timed_run(args, env)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    check_orders(folder, expected)
    with Store(db_path(folder)) as store:
        panel = store.panel("P")
        assert panel is not None
        mine = {o.order: o.status for o in store.orders(panel.id)}
    assert mine == {oid: order.status for oid, order in sandbox.orders.items()}
    figures("crash: 10,000-order refresh", "uninterrupted run (s)", f"{duration:.2f}")
    figures(
        "crash: 10,000-order refresh", "SIGKILLs / runs that ended first", f"{killed} / {finished}"
    )
    figures(
        "crash: 10,000-order refresh",
        "integrity_check ok, orders lost, doubled",
        f"{KILLS}/{KILLS}, 0, 0",
    )


# --- 20,000-service catalog refresh ------------------------------------------------------------


def test_catalog_refresh_of_20000_services_is_old_or_new_after_sigkill(
    tmp_path: Path, figures: Any
) -> None:
    old_wire, _ = generate_catalog(SERVICES, 12, "USD")
    old = list(parse_catalog(old_wire).services)
    folder = tmp_path / "data"
    with SandboxPanel(services=SERVICES, seed=11) as sandbox:
        new = list(parse_catalog(sandbox.catalog).services)
        assert old != new and len(old) == len(new) == SERVICES
        with Store(db_path(folder)) as store:
            panel_id = store.add_panel("C", sandbox.url, "USD").id
            store.save_services(panel_id, old, 1.0)
        env = cli_env(sandbox.key)
        args = ["--data-dir", str(folder), "--panel", "C", "--json", "services", "--refresh"]
        duration = run_time(args, env)
        rng = random.Random(SEED + 1)
        seen = {"old": 0, "new": 0}
        killed = 0
        with Store(db_path(folder)) as store:
            store.save_services(panel_id, old, 1.0)
        for moment in draw_moments(rng, duration, KILLS):
            code = run_killed(args, env, moment, tmp_path / "stderr.txt")
            killed += code is None
            assert code in (None, 0), (tmp_path / "stderr.txt").read_text()
            assert integrity(db_path(folder)) == "ok"
            with Store(db_path(folder)) as store:
                services, fetched_at = store.load_services(panel_id)
            if fetched_at == 1.0:
                assert services == old, "the old cache was changed"
                seen["old"] += 1
            else:
                assert services == new, "the cache holds a mix of old and new"
                seen["new"] += 1
                with Store(db_path(folder)) as store:  # the next round starts from the old one
                    store.save_services(panel_id, old, 1.0)
    assert killed >= KILLS // 2
    section = "crash: 20,000-service catalog refresh"
    figures(section, "uninterrupted run (s)", f"{duration:.2f}")
    figures(section, "SIGKILLs / runs that ended first", f"{killed} / {KILLS - killed}")
    figures(
        section, "cache after each run: old / new / mixed", f"{seen['old']} / {seen['new']} / 0"
    )


# --- SIGKILL while `add` is out ---------------------------------------------------------------


def _add_rows(folder: Path) -> list[tuple[int, int | None, str, str]]:
    conn = sqlite3.connect(db_path(folder))
    try:
        return conn.execute('SELECT id, "order", state, params FROM orders ORDER BY id').fetchall()
    finally:
        conn.close()


def _later_start(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The next start happens ``seconds`` later (the store's and the recovery's clock)."""
    import time as real_time

    from smpanel_desktop.core import placing

    class Later:
        @staticmethod
        def time() -> float:
            return real_time.time() + seconds

    monkeypatch.setattr(placing, "time", Later)


def test_sigkill_during_add_leaves_the_order_recorded_and_unknown_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, figures: Any
) -> None:
    from smpanel_desktop.cli.main import main

    folder = tmp_path / "data"
    with SandboxPanel(services=300, seed=7) as sandbox:
        service = sandbox.find_service("Default", dripfeed=False)
        env = cli_env(sandbox.key)
        link = "https://instagram.com/p/killed"
        args = ["--data-dir", str(folder), "--api-url", sandbox.url, "add",
                "--service", str(service["service"]), "--link", link,
                "--quantity", str(service["min"])]  # fmt: skip
        assert timed_run([*args[:4], "services"], env)[1].returncode == 0  # catalog cached
        sandbox.faults.add("latency", action="add", seconds=3.0)  # the answer takes 3 s
        proc = subprocess.Popen(CLI + args, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while sandbox.requests_for("add") == 0:  # the request is out, not answered
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.005)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
            assert proc.stderr is not None
            proc.stderr.close()
        ((local, order, state, params),) = _add_rows(folder)
        assert (order, state) == (None, "submitting")  # written before sending, never lost
        assert json.loads(params) == {"link": link, "quantity": str(service["min"])}
        time.sleep(3.2)  # the panel took it: it is there, charged, whatever we know
        assert sandbox.order_count() == 1 and integrity(db_path(folder)) == "ok"

        monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
        base = ["--data-dir", str(folder), "--api-url", sandbox.url]
        assert main([*base, "orders"]) == 0  # a start within 5 minutes: it may still be waiting
        assert _add_rows(folder)[0][2] == "submitting"
        _later_start(monkeypatch, 301)
        assert main([*base, "orders"]) == 0  # the next start
        (row,) = _add_rows(folder)
        assert row[2] == "unknown"
        panel_order = next(iter(sandbox.orders))
        assert main([*base, "resolve", str(local), "--order", str(panel_order)]) == 0
        assert _add_rows(folder)[0][1:3] == (panel_order, "placed")
        assert sandbox.requests_for("add") == 1  # never resent
    figures("crash: SIGKILL during add", "row after the kill / at the next start",
            "submitting / unknown")  # fmt: skip
