"""The shared use cases against the real sandbox (loopback HTTP) and a real SQLite file."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import (
    ApiError,
    InsufficientFundsError,
    NetworkError,
    PanelError,
    UnknownOutcomeError,
)
from smpanel_desktop.api.models import Service
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.core import demo
from smpanel_desktop.core.catalog import CATALOG_MAX_AGE, find_service, load_catalog
from smpanel_desktop.core.orders.fields import InvalidOrderError
from smpanel_desktop.core.placing import place_order, recover_interrupted, resolve_unknown
from smpanel_desktop.core.refills_cancels import cancel_orders, refresh_refills, request_refills
from smpanel_desktop.core.refreshing import import_orders, refresh_orders
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store


def service_of(sandbox: Any, type_: str = "Default", **flags: Any) -> Service:
    return parse_service(sandbox.find_service(type_, **flags))


def default_order(svc: Service, quantity: int | None = None) -> dict[str, str]:
    return {"link": "https://instagram.com/p/abc", "quantity": str(quantity or svc.min)}


def test_place_order_commits_the_row_before_sending(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox, "Default", dripfeed=True)
    seen: list[tuple[str, int]] = []

    def recorded(row: Any) -> None:  # runs between the commit and the request
        reread = Store(store.path)  # another connection sees it: it is committed
        try:
            seen.append((reread.order(row.id).state, sandbox.order_count()))  # type: ignore[union-attr]
        finally:
            reread.close()

    values = {**default_order(svc), "runs": "3", "interval": "15"}
    order = place_order(store, client, panel, svc, values, on_recorded=recorded)
    assert seen == [("submitting", 0)]
    assert order.state == "placed" and order.order in sandbox.orders
    assert order.params == {**values, "quantity": str(svc.min)}
    assert order.quantity == svc.min * 3 and order.runs == 3
    assert sandbox.order_count() == 1


def test_invalid_values_write_and_send_nothing(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox)
    with pytest.raises(InvalidOrderError):
        place_order(store, client, panel, svc, {"link": "not a link", "quantity": "1"})
    assert store.orders(panel.id) == [] and sandbox.requests_for("add") == 0


def test_panel_refusal_is_recorded_as_rejected(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    sandbox.set_balance(Decimal("0"))
    svc = service_of(sandbox)
    with pytest.raises(InsufficientFundsError):
        place_order(store, client, panel, svc, default_order(svc, 1000))
    (row,) = store.orders(panel.id)
    assert row.state == "rejected" and row.last_error == "Not enough funds on balance"
    assert sandbox.order_count() == 0


def test_lost_answer_leaves_one_order_on_the_panel_and_one_unknown_row(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox)
    sandbox.faults.add("drop_after_accept", action="add")
    with pytest.raises(UnknownOutcomeError):
        place_order(store, client, panel, svc, default_order(svc))
    assert sandbox.order_count() == 1 and sandbox.requests_for("add") == 1
    (row,) = store.orders(panel.id)
    assert row.state == "unknown" and row.order is None
    assert row.params == default_order(svc)

    # The user looks at the panel: a wrong id is refused, the right one is attached.
    with pytest.raises(PanelError):
        resolve_unknown(store, client, panel, row.id, 999_999)
    assert store.order(row.id).state == "unknown"  # type: ignore[union-attr]
    (panel_id,) = sandbox.orders
    resolved = resolve_unknown(store, client, panel, row.id, panel_id)
    assert resolved.state == "placed" and resolved.order == panel_id
    assert resolved.status == "Pending" and resolved.charge is not None


def test_unknown_order_can_be_marked_not_placed(store: Store, panel: Panel) -> None:
    row = store.begin_order(panel.id, 1, "x", "Default", {"link": "a.com/b", "quantity": "5"})
    store.mark_unknown(row.id, "lost")
    assert resolve_unknown(store, None, panel, row.id, None).state == "not_placed"


def test_a_row_left_submitting_by_a_dead_process_becomes_unknown(
    store: Store, panel: Panel
) -> None:
    old = store.begin_order(panel.id, 1, "x", "Default", {"link": "a.com/b", "quantity": "5"})
    fresh = store.begin_order(panel.id, 1, "x", "Default", {"link": "a.com/c", "quantity": "5"})
    with sqlite3.connect(store.path) as conn:  # as if written ten minutes ago
        conn.execute("UPDATE orders SET created_at = created_at - 600 WHERE id = ?", (old.id,))
    assert recover_interrupted(store) == 1
    assert store.order(old.id).state == "unknown"  # type: ignore[union-attr]
    assert store.order(fresh.id).state == "submitting"  # may still be waiting for its answer


def test_unreachable_panel_means_not_sent(store: Store, panel: Panel, sandbox: Any) -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    svc = service_of(sandbox)
    dead = PanelClient(f"http://127.0.0.1:{port}/api/v2", "k", connect_timeout=2.0)
    with pytest.raises(NetworkError):
        place_order(store, dead, panel, svc, default_order(svc))
    (row,) = store.orders(panel.id)
    assert row.state == "rejected" and row.last_error.startswith("Not sent")  # type: ignore[union-attr]


def _place_many(client: PanelClient, svc: Service, n: int) -> list[int]:
    return [client.add(svc.id, default_order(svc)) for _ in range(n)]


def test_import_then_refresh_in_batches_of_100(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox)
    ids = _place_many(client, svc, 201)
    imported, skipped = import_orders(store, client, panel, [*ids, ids[0], 777_777])
    assert len(imported) == 201 and set(skipped) == {777_777}
    assert all(o.status == "Pending" for o in imported)
    again, skipped = import_orders(store, client, panel, ids[:2])
    assert again == [] and set(skipped) == set(ids[:2])

    sandbox.clear_log()
    sandbox.clock.advance(3600)  # every order final
    calls: list[tuple[int, int]] = []
    summary = refresh_orders(store, client, panel, progress=lambda *a: calls.append(a))
    assert (summary.checked, summary.changed, summary.errors, summary.requests) == (201, 201, 0, 3)
    assert summary.failure is None
    assert calls == [(0, 201), (100, 201), (200, 201), (201, 201)]
    assert sandbox.requests_for("status") == 3
    assert store.open_orders(panel.id) == []
    assert len(store.status_history(imported[0].id)) == 2
    assert refresh_orders(store, client, panel).requests == 0


def test_refresh_stops_on_a_failing_batch_and_keeps_the_others(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox)
    ids = _place_many(client, svc, 150)
    import_orders(store, client, panel, ids)
    sandbox.clock.advance(3600)
    calls = 0

    def statuses(batch: list[int]) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:  # the second batch meets a Cloudflare page
            sandbox.faults.add("html503", action="status")
        return client.statuses(batch)

    summary = refresh_orders(store, _Proxy(client, statuses=statuses), panel)
    assert (summary.checked, summary.changed, summary.requests) == (100, 100, 2)
    assert isinstance(summary.failure, ApiError)
    assert len(store.open_orders(panel.id)) == 50  # the first batch was recorded


def test_refresh_keeps_at_most_four_requests_in_flight(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    ids = sandbox.place_orders(901)  # 10 batches: more than could ever be in flight
    import_orders(store, client, panel, ids)
    sandbox.clock.advance(3600)
    sandbox.faults.add("latency", action="status", seconds=0.2)
    lock = threading.Lock()
    in_flight, peak, made = 0, 0, []

    class Counting(_Proxy):
        def statuses(self, batch: list[int]) -> Any:
            nonlocal in_flight, peak
            with lock:
                in_flight += 1
                peak = max(peak, in_flight)
            try:
                return self._inner.statuses(batch)
            finally:
                with lock:
                    in_flight -= 1

    def factory() -> Any:
        made.append(PanelClient(sandbox.url, sandbox.key, read_retries=0))
        return Counting(made[-1])

    calls: list[tuple[int, int]] = []
    summary = refresh_orders(
        store,
        client,
        panel,
        progress=lambda *a: calls.append(a),
        concurrency=8,
        client_factory=factory,
    )
    assert (summary.checked, summary.changed, summary.requests) == (901, 901, 10)
    assert peak == 4 and len(made) == 4  # asked for 8: a panel sees 4 at most, never more
    assert [done for done, _ in calls] == [0, *range(100, 901, 100), 901]  # in order
    assert store.open_orders(panel.id) == []


class _Proxy:
    """The real client with one method replaced (to arm a fault between two batches)."""

    def __init__(self, inner: PanelClient, **overrides: Any) -> None:
        self._inner = inner
        self.__dict__.update(overrides)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def test_refills_are_requested_recorded_and_polled(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox, "Default", refill=True)
    order = place_order(store, client, panel, svc, default_order(svc))
    sandbox.clock.advance(3600)
    refresh_orders(store, client, panel)
    results = request_refills(store, client, panel, [order.order, 424242])  # type: ignore[list-item]
    by_order = {r.order: r for r in results}
    assert by_order[order.order].refill is not None  # type: ignore[index]
    assert by_order[424242].error == "Incorrect order ID"
    (refill,) = store.refills(order.id)
    assert refill.refill == by_order[order.order].refill  # type: ignore[index]
    sandbox.clock.advance(3600)
    (status,) = refresh_refills(store, client, panel)
    assert status.status in ("Completed", "Rejected")
    assert store.open_refills(panel.id) == []


def test_cancel_is_sent_once_per_order(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox, "Default", cancel=True)
    order = place_order(store, client, panel, svc, default_order(svc))
    results = cancel_orders(store, client, panel, [order.order, order.order])  # type: ignore[list-item]
    assert [(r.order, r.accepted) for r in results] == [(order.order, True)]
    assert sandbox.requests_for("cancel") == 1
    refresh_orders(store, client, panel)
    assert store.order(order.id).status in ("Canceled", "Cancelled")  # type: ignore[union-attr]


def test_catalog_comes_from_the_cache_while_fresh(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    services, fetched_at, from_cache = load_catalog(store, client, panel)
    assert len(services) == 300 and not from_cache and fetched_at is not None
    again, _, from_cache = load_catalog(store, client, panel)
    assert from_cache and again == services
    assert sandbox.requests_for("services") == 1
    load_catalog(store, client, panel, refresh=True)
    load_catalog(store, client, panel, max_age=0)
    assert sandbox.requests_for("services") == 3
    assert find_service(store, client, panel, services[5].id) == services[5]
    assert find_service(store, client, panel, 10**9, max_age=3600) is None
    assert sandbox.requests_for("services") == 3


def test_a_stale_cache_still_serves_the_order_form_when_the_panel_is_unreadable(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    services, _, _ = load_catalog(store, client, panel)
    store.save_services(panel.id, services, time.time() - 2 * CATALOG_MAX_AGE)
    sandbox.faults.add("html503", action="services")
    assert find_service(store, client, panel, services[3].id) == services[3]
    with pytest.raises(ApiError):  # unknown to the stale cache: the error is the answer
        find_service(store, client, panel, 10**9)
    sandbox.faults.clear()
    assert find_service(store, client, panel, services[3].id) == services[3]
    assert store.services_fetched_at(panel.id) > time.time() - 60  # type: ignore[operator]


def test_demo_panel_is_remembered_and_serves_from_the_data_dir(
    store: Store, tmp_path: Path
) -> None:
    panel = demo.ensure_demo_panel(store)
    assert demo.is_demo(panel) and demo.ensure_demo_panel(store) == panel
    sandbox = demo.start_demo_sandbox(tmp_path / "demo")
    try:
        client = PanelClient(sandbox.url, demo.DEMO_KEY)
        svc = parse_service(sandbox.find_service("Default"))
        order = place_order(store, client, panel, svc, default_order(svc))
        client.close()
    finally:
        sandbox.stop()
    assert (tmp_path / "demo" / demo.DEMO_STATE_FILE).exists()
    again = demo.start_demo_sandbox(tmp_path / "demo")  # the old port file points nowhere
    try:
        assert order.order in again.orders  # type: ignore[union-attr]  # it remembers its orders
        shared = demo.start_demo_sandbox(tmp_path / "demo")  # a second process: the same demo
        assert isinstance(shared, demo.RunningDemo) and shared.url == again.url
        client = PanelClient(shared.url, shared.key)
        second = place_order(store, client, panel, svc, default_order(svc))
        client.close()
        shared.stop()  # not its to stop
        assert second.order in again.orders and again.order_count() == 2  # type: ignore[union-attr]
    finally:
        again.stop()


# --- what a refresh and an import report, and what they leave behind ------------------------


def test_a_refresh_counts_the_orders_the_panel_does_not_know(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    ids = sandbox.place_orders(3)
    import_orders(store, client, panel, ids)
    sandbox.clock.advance(3600)
    summary = refresh_orders(store, client, panel, [*ids, 424242, 525252])
    assert (summary.checked, summary.changed, summary.errors) == (5, 3, 2)
    assert store.open_orders(panel.id) == []


def test_an_import_refuses_ids_no_panel_uses_without_asking_and_gives_the_panels_reason(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    (good,) = sandbox.place_orders(1)
    imported, skipped = import_orders(store, client, panel, [0, -5, good, 424242])
    assert [o.order for o in imported] == [good]
    assert skipped == {
        0: "not a valid order id",
        -5: "not a valid order id",
        424242: "Incorrect order ID",
    }
    assert sandbox.requests_for("status") == 1  # only for the ids a panel could know


def test_order_id_1_of_a_panel_is_imported(tmp_path: Path) -> None:
    from smpanel_desktop.sandbox.server import SandboxPanel

    with SandboxPanel(services=50, seed=7, first_order_id=1) as sandbox:
        (first,) = sandbox.place_orders(1)
        assert first == 1
        with Store(tmp_path / "one.sqlite3") as store, PanelClient(sandbox.url, sandbox.key) as c:
            panel = store.add_panel("One", sandbox.url, "USD")
            imported, skipped = import_orders(store, c, panel, [1])
            assert ([o.order for o in imported], skipped) == ([1], {})


class _Watched(_Proxy):
    """A client of the pool: counts the requests in flight and whether it was closed."""

    lock = threading.Lock()

    def __init__(self, inner: PanelClient, log: dict[str, Any], fail: int | None = None) -> None:
        super().__init__(inner)
        self._log, self._fail = log, fail

    def statuses(self, batch: list[int]) -> Any:
        if self._fail is not None and self._fail in batch:
            raise NetworkError("the panel could not be reached")
        with self.lock:
            self._log["in_flight"] += 1
            self._log["peak"] = max(self._log["peak"], self._log["in_flight"])
        try:
            return self._inner.statuses(batch)
        finally:
            with self.lock:
                self._log["in_flight"] -= 1

    def close(self) -> None:
        self._log["closed"] += 1
        self._inner.close()


def _pool_world(sandbox: Any, fail: int | None = None) -> tuple[dict[str, Any], Any]:
    log: dict[str, Any] = {"in_flight": 0, "peak": 0, "closed": 0, "made": 0}

    def factory() -> Any:
        log["made"] += 1
        return _Watched(PanelClient(sandbox.url, sandbox.key, read_retries=0), log, fail)

    return log, factory


@pytest.mark.parametrize("concurrency", [1, 0])
def test_a_refresh_asked_for_one_request_at_a_time_sends_one_at_a_time(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any, concurrency: int
) -> None:
    ids = sandbox.place_orders(250)  # polled by panel id: tracked or not, the same requests
    sandbox.faults.add("latency", action="status", seconds=0.05)
    log, factory = _pool_world(sandbox)
    summary = refresh_orders(
        store, _Watched(client, log), panel, ids, concurrency=concurrency, client_factory=factory
    )
    assert (summary.checked, summary.requests, summary.failure) == (250, 3, None)
    assert log["peak"] == 1 and log["made"] == 0


def test_a_refresh_stopped_by_a_failure_sends_no_further_batch_and_leaves_nothing_open(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    ids = sandbox.place_orders(701)  # 8 batches
    sandbox.clear_log()
    sandbox.faults.add("latency", action="status", seconds=0.3)
    log, factory = _pool_world(sandbox, fail=ids[0])  # the first batch cannot be sent
    summary = refresh_orders(store, client, panel, ids, concurrency=4, client_factory=factory)
    assert isinstance(summary.failure, NetworkError) and summary.checked == 0
    # the three batches out when the first failed, perhaps one more: the rest is never sent
    assert summary.requests <= 5 and sandbox.requests_for("status") == summary.requests - 1
    assert log["in_flight"] == 0  # none of its requests is still out when it returns
    assert log["made"] == 4 and log["closed"] == 4  # every client of the pool closed


def test_a_pooled_refresh_closes_every_client_it_made(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    ids = sandbox.place_orders(301)
    sandbox.faults.add("latency", action="status", seconds=0.05)  # each thread gets a batch
    log, factory = _pool_world(sandbox)
    summary = refresh_orders(store, client, panel, ids, concurrency=4, client_factory=factory)
    assert (summary.checked, summary.failure) == (301, None)
    assert log["made"] == 4 and log["closed"] == 4


def test_a_submitting_row_is_left_alone_for_five_minutes(store: Store, panel: Panel) -> None:
    ages = {"4 min": 240, "6 min": 360}
    rows = {}
    for name, age in ages.items():
        row = store.begin_order(panel.id, 1, "x", "Default", {"link": "a.com/b", "quantity": "5"})
        with sqlite3.connect(store.path) as conn:
            conn.execute(
                "UPDATE orders SET created_at = created_at - ? WHERE id = ?", (age, row.id)
            )
        rows[name] = row.id
    assert recover_interrupted(store) == 1
    assert store.order(rows["4 min"]).state == "submitting"  # type: ignore[union-attr]
    assert store.order(rows["6 min"]).state == "unknown"  # type: ignore[union-attr]


def test_a_huge_error_while_sending_is_recorded_as_one_short_reason(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = service_of(sandbox, "Default", dripfeed=False)

    def add_then_fail(service: int, params: Any) -> int:
        client.add(service, params)
        raise RuntimeError("garbled answer: " + "x" * 100_000)

    with pytest.raises(RuntimeError):
        place_order(store, _Proxy(client, add=add_then_fail), panel, svc, default_order(svc))  # type: ignore[arg-type]
    (row,) = store.orders(panel.id)
    assert row.state == "unknown" and row.last_error is not None
    assert row.last_error.startswith("Interrupted while sending: RuntimeError('garbled answer: xx")
    assert len(row.last_error) <= 500
