"""The local store on a real SQLite file: migrations, panels, cache, order lifecycle, refills."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from smpanel_desktop.api.models import OrderStatus, RefillStatus, Service, StatusResult
from smpanel_desktop.bulk import fast_factory
from smpanel_desktop.store import db, rows, schema
from smpanel_desktop.store.models import (
    NOT_PLACED,
    PLACED,
    REJECTED,
    SUBMITTING,
    UNKNOWN,
    TrackedOrder,
)
from smpanel_desktop.store.panels import CURRENT_PANEL
from smpanel_desktop.store.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "smpanel.sqlite3")
    yield s  # type: ignore[misc]
    s.close()


def svc(i: int, rate: str = "0.90", name: str | None = None) -> Service:
    return Service(
        i, name or f"Followers {i} [Max 50K] ♻️", "Default", "Instagram & co", Decimal(rate),
        50, 2147483647, refill=i % 2 == 0, cancel=True, dripfeed=i % 3 == 0, description="d",
    )  # fmt: skip


def place(store: Store, panel_id: int, order: int) -> TrackedOrder:
    params = {"link": "https://x/a", "quantity": 100}
    o = store.begin_order(
        panel_id,
        1,
        "Followers",
        "Default",
        params,
        link="https://x/a",
        quantity=100,
        currency="USD",
    )
    return store.mark_placed(o.id, order, Decimal("0.27819"))


def status(order: int, text: str, **kw: object) -> StatusResult:
    return StatusResult(order, OrderStatus(order, text, **kw))  # type: ignore[arg-type]


# -- file and migrations ---------------------------------------------------------------------


def test_connect_uses_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_TIMEOUT_MS
    assert db.schema_version(conn) == db.SCHEMA_VERSION
    conn.close()


def test_a_version_1_database_upgrades_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = db.connect(path, migrations=schema.MIGRATIONS[:1])
    assert db.schema_version(old) == 1
    old.execute("INSERT INTO panels (name, endpoint, created_at) VALUES ('p', 'https://e', 1)")
    old.close()

    with Store(path) as store:
        assert store.panel("p") is not None
        conn = sqlite3.connect(path)
        assert db.schema_version(conn) == db.SCHEMA_VERSION
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        conn.close()
    assert "orders_panel_created" in indexes


def test_a_failed_migration_step_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    broken = (*schema.MIGRATIONS, ("CREATE TABLE extra (a)", "THIS IS NOT SQL"))
    with pytest.raises(sqlite3.OperationalError):
        db.connect(path, migrations=broken)
    conn = db.connect(path)
    assert db.schema_version(conn) == db.SCHEMA_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='extra'").fetchone() is None
    conn.close()


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = db.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(db.SchemaTooNewError, match="newer"):
        Store(path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_file_is_private(store: Store) -> None:
    assert store.path.stat().st_mode & 0o777 == 0o600


def test_closed_store_refuses_work(tmp_path: Path) -> None:
    s = Store(tmp_path / "c.db")
    s.close()
    with pytest.raises(RuntimeError, match="closed"):
        s.panels()


# -- panels and settings ---------------------------------------------------------------------


def test_panels_are_unique_by_name_ignoring_case(store: Store) -> None:
    p = store.add_panel("  My  Panel ", "https://smpanel.net/api/v2", "USD")
    assert p.name == "My Panel"
    with pytest.raises(ValueError, match='A panel named "my panel" already exists'):
        store.add_panel("my panel", "https://other/api/v2")
    with pytest.raises(ValueError, match="empty"):
        store.add_panel("  ", "https://other/api/v2")
    assert store.panels() == [p]
    assert store.panel("MY PANEL") == p
    assert store.panel_by_id(p.id) == p
    assert store.panel("nope") is None


def test_rename_moves_the_current_panel_setting(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    store.add_panel("b", "https://b/api/v2")
    store.set_setting(CURRENT_PANEL, "a")
    renamed = store.update_panel(p.id, name="c", currency="TRY")
    assert (renamed.name, renamed.currency, renamed.endpoint) == ("c", "TRY", "https://a/api/v2")
    assert store.get_setting(CURRENT_PANEL) == "c"
    with pytest.raises(ValueError, match="already exists"):
        store.update_panel(p.id, name="B")
    with pytest.raises(ValueError, match="No panel"):
        store.update_panel(999, name="z")


def test_a_panel_with_orders_is_removed_only_with_force(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    store.save_services(p.id, [svc(1)], 1.0)
    place(store, p.id, 5)
    store.set_setting(CURRENT_PANEL, "a")
    with pytest.raises(ValueError, match="1 tracked order"):
        store.remove_panel("a")
    assert store.count_orders(p.id) == 1
    store.remove_panel("a", force=True)
    assert store.panels() == []
    assert store.count_orders() == 0
    assert store.load_services(p.id) == ([], None)
    assert store.get_setting(CURRENT_PANEL) is None


def test_settings_round_trip(store: Store) -> None:
    assert store.get_setting("x", "dflt") == "dflt"
    store.set_setting("x", "1")
    store.set_setting("x", "2")
    assert store.get_setting("x") == "2"
    store.set_setting("x", None)
    assert store.get_setting("x") is None


# -- services cache --------------------------------------------------------------------------


def test_services_cache_keeps_every_value_exact(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    services = [svc(1, "0.076"), svc(2, "120.00000000"), svc(3, "1.38", name="tktk &amp; 🚀")]
    store.save_services(p.id, services, 1700000000.5)
    loaded, fetched_at = store.load_services(p.id)
    assert loaded == services
    assert str(loaded[1].rate) == "120.00000000"
    assert loaded[0].unlimited
    assert fetched_at == 1700000000.5 == store.services_fetched_at(p.id)
    store.save_services(p.id, [svc(9)], 2.0)
    assert store.load_services(p.id) == ([svc(9)], 2.0)


def test_readers_see_the_old_or_the_new_catalog_never_a_mix(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    old = [svc(i, "1") for i in range(2000)]
    new = [svc(i, "2") for i in range(2500)]
    store.save_services(p.id, old, 1.0)
    seen: list[tuple[int, set[Decimal]]] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            services, _ = store.load_services(p.id)
            seen.append((len(services), {s.rate for s in services}))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for i in range(10):
            store.save_services(p.id, new if i % 2 == 0 else old, float(i))
    finally:
        stop.set()
        thread.join()
    assert seen
    assert all(s in ((2000, {Decimal(1)}), (2500, {Decimal(2)})) for s in seen)


# -- orders ----------------------------------------------------------------------------------


def test_begin_order_is_committed_before_the_request(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    o = store.begin_order(p.id, 7, "Likes", "Custom Comments", {"link": "L", "comments": "a\nb"},
                          link="L", quantity=2, currency="USD")  # fmt: skip
    other = sqlite3.connect(store.path)  # another process would see exactly this
    row = other.execute("SELECT state, params FROM orders WHERE id = ?", (o.id,)).fetchone()
    other.close()
    assert row == (SUBMITTING, '{"link":"L","comments":"a\\nb"}')
    assert o.state == SUBMITTING and o.order is None and o.params["comments"] == "a\nb"


def test_order_lifecycle_placed(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    o = place(store, p.id, 2**40)
    assert (o.state, o.order, o.charge) == (PLACED, 2**40, Decimal("0.27819"))
    assert store.order_by_panel_id(p.id, 2**40) == o
    with pytest.raises(ValueError, match="placed, not submitting"):
        store.mark_rejected(o.id, "Bad link")


def test_rejected_order_keeps_the_panel_text(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    o = store.begin_order(p.id, 1, "F", "Default", {}, link="x")
    r = store.mark_rejected(o.id, "Not enough funds on balance")
    assert (r.state, r.last_error) == (REJECTED, "Not enough funds on balance")
    assert store.open_orders(p.id) == []


def test_unknown_order_is_resolved_by_the_user(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    place(store, p.id, 100)
    a = store.mark_unknown(store.begin_order(p.id, 1, "F", "Default", {"q": 1}).id, "timed out")
    b = store.mark_unknown(store.begin_order(p.id, 1, "F", "Default", {"q": 2}).id, "dropped")
    assert [o.id for o in store.orders(state=UNKNOWN)] == [b.id, a.id]
    with pytest.raises(ValueError, match="Panel order 100 is already tracked"):
        store.resolve_unknown(a.id, 100)
    assert store.resolve_unknown(a.id, 101).state == PLACED
    assert store.resolve_unknown(b.id, None).state == NOT_PLACED
    with pytest.raises(ValueError, match="not placed, not unknown"):
        store.resolve_unknown(b.id, 102)
    assert {o.order for o in store.open_orders(p.id)} == {100, 101}


def test_interrupted_submissions_become_unknown(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    o = store.begin_order(p.id, 1, "F", "Default", {})
    assert store.recover_interrupted(time.time() + 1) == 1
    recovered = store.order(o.id)
    assert recovered is not None and recovered.state == UNKNOWN
    assert "may have been placed" in (recovered.last_error or "")


def test_import_refuses_an_order_already_tracked(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    q = store.add_panel("b", "https://b/api/v2")
    o = store.import_order(p.id, 555)
    assert (o.state, o.order, o.service_id, o.params) == (PLACED, 555, 0, {})
    with pytest.raises(ValueError, match="already tracked"):
        store.import_order(p.id, 555)
    assert store.import_order(q.id, 555).panel_id == q.id  # same id on another panel is fine
    with pytest.raises(ValueError, match="not a valid order id"):
        store.import_order(p.id, 0)


def test_apply_statuses_records_changes_history_and_errors(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    a, b, c = (place(store, p.id, n) for n in (1, 2, 3))
    changes = store.apply_statuses(
        p.id,
        [status(1, "In progress", start_count=10, remains=90), status(2, "Completed"),
         StatusResult(3, None, "Incorrect order ID"), status(999, "Pending")],
        100.0,
    )  # fmt: skip
    assert changes == [(a.id, None, "In progress"), (b.id, None, "Completed")]
    assert store.apply_statuses(p.id, [status(1, "In progress")], 101.0) == []
    assert store.apply_statuses(p.id, [status(1, "Partial", remains=5)], 102.0) == [
        (a.id, "In progress", "Partial")
    ]
    a2, c2 = store.order(a.id), store.order(c.id)
    assert a2 is not None and c2 is not None
    assert (a2.status, a2.start_count, a2.remains, a2.last_checked_at) == ("Partial", 10, 5, 102.0)
    assert a2.charge == Decimal("0.27819")
    assert (c2.last_error, c2.status, c2.last_checked_at) == ("Incorrect order ID", None, 100.0)
    assert [(h.old_status, h.new_status) for h in store.status_history(a.id)] == [
        (None, "In progress"), ("In progress", "Partial")
    ]  # fmt: skip
    assert [o.order for o in store.open_orders(p.id)] == [3]


def test_an_answer_that_changes_nothing_moves_only_the_time_checked(store: Store) -> None:
    """The same status and numbers again (or none): the row keeps its values and when they
    last changed, is checked now, and a per-item error from before is cleared; a new currency
    alone is still written."""
    p = store.add_panel("a", "https://a/api/v2")
    a, b, c = (place(store, p.id, n) for n in (1, 2, 3))
    values: dict[str, object] = {"charge": Decimal("0.5"), "start_count": 10, "remains": 90}
    first = [status(n, "In progress", currency="USD", **values) for n in (1, 2, 3)]
    store.apply_statuses(p.id, first, 100.0)
    store.apply_statuses(p.id, [StatusResult(3, None, "Incorrect order ID")], 101.0)
    before = {o.id: o for o in store.orders(p.id)}
    again = [status(1, "In progress", remains=90), status(2, "In progress", currency="EUR"),
             status(3, "In progress", currency="USD", **values)]  # fmt: skip
    assert store.apply_statuses(p.id, again, 200.0) == []
    after = {o.id: o for o in store.orders(p.id)}
    assert after[a.id] == replace(before[a.id], last_checked_at=200.0)
    assert after[b.id] == replace(before[b.id], currency="EUR", last_checked_at=200.0)
    assert after[c.id] == replace(before[c.id], last_error=None, last_checked_at=200.0)
    assert before[c.id].last_error == "Incorrect order ID"
    assert all(len(store.status_history(o.id)) == 1 for o in (a, b, c))
    assert store.progress_times(p.id) == {a.id: 100.0, b.id: 100.0, c.id: 100.0}
    moved = store.apply_statuses(p.id, [status(1, "In progress", remains=80)], 300.0)
    assert moved == [] and store.order(a.id) == replace(
        after[a.id], remains=80, updated_at=300.0, last_checked_at=300.0
    )


def test_apply_statuses_is_all_or_nothing(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    place(store, p.id, 1)
    place(store, p.id, 2)
    bad = StatusResult(2, OrderStatus(2, "Pending", start_count=object()))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.Error):
        store.apply_statuses(p.id, [status(1, "Completed"), bad], 5.0)
    assert [o.status for o in store.orders()] == [None, None]
    assert store.status_history(1) == []


def test_orders_filters_and_newest_first(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    q = store.add_panel("b", "https://b/api/v2")
    o1, o2, o3 = place(store, p.id, 11), place(store, p.id, 12), place(store, q.id, 13)
    store.apply_statuses(p.id, [status(11, "Cancelled"), status(12, "Canceled")], 1.0)
    assert [o.id for o in store.orders()] == [o3.id, o2.id, o1.id]
    assert [o.id for o in store.orders(p.id)] == [o2.id, o1.id]
    assert len(store.orders(status="canceled")) == 2
    assert store.orders(search="13") == [o3]
    assert [o.id for o in store.orders(search="x/A")] == [o3.id, o2.id, o1.id]  # link, any case
    assert store.orders(search="100%") == []  # % is literal
    assert store.count_orders() == 3 and store.count_orders(q.id) == 1
    assert store.orders(p.id, state=PLACED, status="Pending") == []


def test_worker_thread_and_gui_thread_share_the_store(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for n in range(50):
                place(store, p.id, 1000 + n)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker)]
    threads[0].start()
    while threads[0].is_alive():
        store.orders(p.id)  # the GUI thread reads while the worker writes
    threads[0].join()
    assert errors == []
    assert store.count_orders(p.id) == 50


# -- refills ---------------------------------------------------------------------------------


def test_refills_are_tracked_until_final(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    q = store.add_panel("b", "https://b/api/v2")
    o = place(store, p.id, 1)
    other = place(store, q.id, 1)
    r = store.add_refill(o.id, 77)
    store.add_refill(other.id, 77)  # the same refill id on another panel
    failed = store.refill_failed(o.id, "Refill is disabled for this service")
    assert (failed.refill, failed.last_error) == (None, "Refill is disabled for this service")
    assert [x.refill for x in store.open_refills(p.id)] == [77]
    changes = store.apply_refill_statuses([RefillStatus(77, "Completed")], 9.0, panel_id=p.id)
    assert changes == [(r.id, None, "Completed")]
    assert store.open_refills(p.id) == []
    assert len(store.open_refills(q.id)) == 1
    store.apply_refill_statuses([RefillStatus(77, None, "Refill not found")], 10.0, panel_id=q.id)
    assert store.open_refills(q.id)[0].last_error == "Refill not found"
    assert [x.id for x in store.refills(o.id)] == [failed.id, r.id]
    pending = store.begin_order(p.id, 1, "F", "Default", {})
    with pytest.raises(ValueError, match="submitting, not placed"):
        store.add_refill(pending.id, 5)


def test_fast_factory_builds_equal_values() -> None:
    make = fast_factory(TrackedOrder)
    args = (1, 2, 3, 4, "n", "t", {"a": 1}, "l", 5, 2, Decimal("1.5"), "USD", "Pending",
            PLACED, 1, 2, 3.0, 4.0, 5.0, "e")  # fmt: skip
    built, normal = make(*args), TrackedOrder(*args)  # type: ignore[arg-type]
    assert built == normal and repr(built) == repr(normal)
    with pytest.raises(AttributeError):
        built.status = "x"  # type: ignore[misc]


def test_performance_figures(store: Store) -> None:
    """Bounds 10x the targets: they catch a pathological regression (a commit per row, a
    missing index), not noise on a busy 2-core box.  Run with -s for the figures."""
    p = store.add_panel("a", "https://a/api/v2")
    services = [svc(i, f"{i % 300}.{i % 97:02d}") for i in range(20_000)]
    t0 = time.perf_counter()
    store.save_services(p.id, services, 1.0)
    t1 = time.perf_counter()
    loaded, _ = store.load_services(p.id)
    t2 = time.perf_counter()
    assert loaded == services
    conn = store._conn()
    conn.execute("BEGIN")
    conn.executemany(
        'INSERT INTO orders (panel_id, "order", service_id, service_name, service_type, params, '
        "link, quantity, charge, currency, state, created_at, updated_at) "
        "VALUES (?, ?, 1, 'Followers', 'Default', ?, ?, 100, '0.27', 'USD', 'placed', ?, ?)",
        [(p.id, n, f'{{"link":"https://x/{n}","quantity":100}}', f"https://x/{n}", n, n)
         for n in range(1, 5001)],
    )  # fmt: skip
    conn.execute("COMMIT")
    t3 = time.perf_counter()
    orders = store.orders(p.id)
    t4 = time.perf_counter()
    results = [status(n % 5000 + 1, "In progress", remains=n) for n in range(10_000)]
    t5 = time.perf_counter()
    store.apply_statuses(p.id, results, 2.0)
    t6 = time.perf_counter()
    assert len(orders) == 5000 and orders[0].params["link"] == "https://x/5000"
    figures = {"save20k": t1 - t0, "load20k": t2 - t1, "orders5k": t4 - t3, "apply10k": t6 - t5}
    print({k: f"{v * 1000:.0f} ms" for k, v in figures.items()})
    assert figures["save20k"] < 2.0 and figures["load20k"] < 1.0
    assert figures["orders5k"] < 1.0 and figures["apply10k"] < 5.0


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="Linux /proc")
def test_connections_of_finished_threads_are_closed(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    for _ in range(30):  # e.g. a fresh thread pool per refresh
        t = threading.Thread(target=store.orders, args=(p.id,))
        t.start()
        t.join()
    assert store.open_connections <= 2
    # SQLite may park a closed connection's descriptor for reuse (POSIX locks): bounded, not 30
    assert sum(1 for f in open_files() if f == str(store.path)) <= 4


def open_files() -> list[str]:
    names = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor, already closed
            names.append(os.readlink(f"/proc/self/fd/{fd}"))
    return names


def test_updated_at_moves_only_when_something_changed(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    o = place(store, p.id, 1)
    store.apply_statuses(p.id, [status(1, "Pending", remains=100)], o.updated_at + 10)
    store.apply_statuses(p.id, [status(1, "Pending", remains=100)], o.updated_at + 20)
    same = store.order(o.id)
    assert same is not None
    assert (same.updated_at, same.last_checked_at) == (o.updated_at + 10, o.updated_at + 20)
    store.apply_statuses(p.id, [status(1, "Pending", remains=50)], o.updated_at + 30)
    moved = store.order(o.id)
    assert moved is not None and moved.updated_at == o.updated_at + 30


# -- rules pinned while checking the mutation survivors (docs/mutation.md) -------------------


def test_a_store_in_a_folder_that_does_not_exist_yet_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "data" / "smpanel.sqlite3"  # e.g. a first start, --data-dir
    with Store(path) as s:
        assert s.add_panel("a", "https://a/api/v2").id == 1
    assert path.is_file()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_opening_an_existing_database_keeps_the_permissions_its_owner_gave_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.sqlite3"
    Store(path).close()
    os.chmod(path, 0o640)  # the user chose to let their group read it
    with Store(path) as s:
        s.add_panel("a", "https://a/api/v2")
    assert path.stat().st_mode & 0o777 == 0o640


def test_after_close_the_database_file_alone_holds_every_order(tmp_path: Path) -> None:
    """A copy of the file taken once the app has closed (a backup, a move to another machine)
    has every order: closing checkpoints the write-ahead log into the file."""
    path = tmp_path / "smpanel.sqlite3"
    s = Store(path)
    p = s.add_panel("a", "https://a/api/v2")
    placed = place(s, p.id, 42)
    s.close()
    backup = tmp_path / "backup.sqlite3"
    backup.write_bytes(path.read_bytes())  # the main file only, not smpanel.sqlite3-wal
    with Store(backup) as copy:
        assert copy.order_by_panel_id(p.id, 42) == placed


def test_order_writes_are_never_committed_without_the_fsync(store: Store) -> None:
    """Only the catalog cache is written with synchronous=NORMAL; an order row committed before
    its request is sent must survive a power cut (else it could be placed again)."""
    p = store.add_panel("a", "https://a/api/v2")
    conn = store._conn()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        o = place(store, p.id, 1)
        store.apply_statuses(p.id, [status(1, "Pending")], 1.0)
        store.add_refill(o.id, 3)
    finally:
        conn.set_trace_callback(None)
    assert any("BEGIN IMMEDIATE" in s for s in statements)
    assert not [s for s in statements if "synchronous" in s.lower()]
    store.save_services(p.id, [svc(1)], 1.0)  # the cache alone lowers it, then restores it
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_a_write_waits_for_another_writer_instead_of_failing(store: Store) -> None:
    """Another process (a second window, the CLI) holding the write lock for a moment does not
    make an order fail with "database is locked"."""
    p = store.add_panel("a", "https://a/api/v2")
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        o = place(store, p.id, 7)  # blocked until the other writer commits, 0.3 s from now
    finally:
        release.join()
        other.close()
    assert store.order(o.id) == o


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="Linux /proc")
def test_a_database_refused_as_too_new_is_not_left_open(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = db.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(db.SchemaTooNewError) as refused:
        Store(path)
    assert refused.value is not None  # the error (and its traceback) is still held, as a dialog
    assert str(path) not in open_files()


def test_a_batch_with_an_untracked_id_and_an_error_still_records_the_rest(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    a, b = place(store, p.id, 1), place(store, p.id, 2)
    changes = store.apply_statuses(
        p.id,
        [status(999, "Pending"), StatusResult(1, None, "Incorrect order ID"),
         status(2, "Completed", charge=Decimal("0.25"))],
        10.0,
    )  # fmt: skip
    assert changes == [(b.id, None, "Completed")]
    a2, b2 = store.order(a.id), store.order(b.id)
    assert a2 is not None and b2 is not None
    assert (a2.status, a2.last_error, a2.last_checked_at) == (None, "Incorrect order ID", 10.0)
    assert (b2.status, b2.charge, b2.last_error) == ("Completed", Decimal("0.25"), None)
    store.apply_statuses(p.id, [StatusResult(2, None)], 11.0)  # no text from the panel
    b3 = store.order(b.id)
    assert b3 is not None and (b3.status, b3.last_error) == ("Completed", "No status in the answer")


def test_two_damaged_rows_that_read_as_one_json_value_hide_no_order(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    ids = [place(store, p.id, n).id for n in (1, 2, 3, 4)]
    raw = sqlite3.connect(store.path)
    # read newest first: '"cut' then 'off"', joined into one string by the batch parse
    raw.execute("UPDATE orders SET params = ? WHERE id = ?", ('"cut', ids[2]))
    raw.execute("UPDATE orders SET params = ? WHERE id = ?", ('off"', ids[1]))
    raw.commit()
    raw.close()
    rows = {o.id: o for o in store.orders(p.id)}
    assert sorted(rows) == ids
    assert [rows[i].params for i in ids] == [{"link": "https://x/a", "quantity": 100}, {}, {},
                                             {"link": "https://x/a", "quantity": 100}]  # fmt: skip


def test_orders_read_in_chunks_keep_equal_values_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rows, "CHUNK", 2)  # five rows: three chunks
    p = store.add_panel("a", "https://a/api/v2")
    placed = [place(store, p.id, n) for n in (1, 2, 3, 4, 5)]
    store.apply_statuses(p.id, [status(n, "In progress") for n in (1, 2, 3, 4, 5)], 7.0)
    loaded = store.orders(p.id)
    assert loaded == [store.order(o.id) for o in reversed(placed)]  # every row, newest first
    first, last = loaded[0], loaded[-1]
    for name in ("service_name", "service_type", "charge", "currency", "status", "state"):
        assert getattr(first, name) is getattr(last, name), name
    assert first.params["link"] is first.link
    assert first.last_checked_at == first.updated_at == 7.0


def test_a_refill_status_change_is_reported_whichever_way_it_goes(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    r = store.add_refill(place(store, p.id, 1).id, 5)
    seen = []
    for n, text in enumerate(["Pending", "Pending", "In progress", "Rejected"]):
        seen.append(store.apply_refill_statuses([RefillStatus(5, text)], n, panel_id=p.id))
    assert seen == [[(r.id, None, "Pending")], [], [(r.id, "Pending", "In progress")],
                    [(r.id, "In progress", "Rejected")]]  # fmt: skip
    (after,) = store.refills(r.order_local_id)
    assert (after.status, after.updated_at, after.last_checked_at) == ("Rejected", 3, 3)


def test_a_refill_id_the_panel_gave_twice_gets_its_error_on_both_rows(store: Store) -> None:
    """A second refill request for an order can be answered with the refill already running;
    both rows show what the panel then says about it."""
    p = store.add_panel("a", "https://a/api/v2")
    o = place(store, p.id, 1)
    first, again = store.add_refill(o.id, 77), store.add_refill(o.id, 77)
    store.apply_refill_statuses([RefillStatus(77, None, "Refill not found")], 5.0, panel_id=p.id)
    assert {r.id: r.last_error for r in store.refills(o.id)} == {
        first.id: "Refill not found",
        again.id: "Refill not found",
    }
    changes = store.apply_refill_statuses([RefillStatus(77, "Completed")], 6.0, panel_id=p.id)
    assert sorted(changes) == [(first.id, None, "Completed"), (again.id, None, "Completed")]


def test_the_orders_a_refresh_polls_are_the_placed_ones_not_yet_final(store: Store) -> None:
    p = store.add_panel("a", "https://a/api/v2")
    for n in (1, 2, 3, 4):
        place(store, p.id, n)
    store.apply_statuses(
        p.id, [status(1, "In progress"), status(2, " completed "), status(3, "Canceled")], 1.0
    )
    store.mark_unknown(store.begin_order(p.id, 1, "F", "Default", {}).id, "lost")
    assert store.open_order_ids(p.id) == [4, 1]  # newest first
    assert [o.order for o in store.open_orders(p.id)] == [4, 1]


def test_every_field_of_a_tracked_order_reads_back_as_recorded(store: Store) -> None:
    """What the Orders tab and the CLI show of an order is what was recorded, field by field
    (the rows are read by position: a column taken for its neighbour would show the service
    type as its name, the runs as the quantity, the last check as its creation)."""
    panel = store.add_panel("p", "https://p.example/api/v2", "USD")
    row = store.begin_order(panel.id, 42, "Followers ✨", "Custom Comments",
                            {"link": "https://x/1", "comments": "a\nb"}, link="https://x/1",
                            quantity=300, runs=3, currency="EUR")  # fmt: skip
    store.mark_placed(row.id, 9001)
    status = OrderStatus(9001, "In progress", Decimal("1.2500"), 17, 250, "EUR")
    store.apply_statuses(panel.id, [StatusResult(9001, status)], 1_700_000_300.0)
    with store._tx() as conn:
        conn.execute("UPDATE orders SET created_at = 1700000100.5, updated_at = 1700000200.25, "
                     "last_error = 'slow' WHERE id = ?", (row.id,))  # fmt: skip
    for read in (store.orders(panel.id)[0], store.order(row.id)):
        assert read is not None
        assert (read.id, read.panel_id, read.order, read.service_id) == (row.id, panel.id, 9001, 42)
        assert (read.service_name, read.service_type) == ("Followers ✨", "Custom Comments")
        assert read.params == {"link": "https://x/1", "comments": "a\nb"}
        assert (read.link, read.quantity, read.runs) == ("https://x/1", 300, 3)
        assert (read.charge, read.currency, read.status) == (Decimal("1.2500"), "EUR",
                                                             "In progress")  # fmt: skip
        assert (read.state, read.start_count, read.remains) == ("placed", 17, 250)
        assert (read.created_at, read.updated_at, read.last_checked_at) == (
            1700000100.5, 1700000200.25, 1_700_000_300.0)  # fmt: skip
        assert read.last_error == "slow"
