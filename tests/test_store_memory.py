"""What 100,000 tracked orders and a 50,000-service catalog cost once read: parameters that are
just the order's link and quantity are not kept twice, service names are the catalog's own
strings, and a catalog fetched unchanged is not encoded and written again."""

from __future__ import annotations

import sqlite3
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.models import Service
from smpanel_desktop.store import services_cache
from smpanel_desktop.store.store import Store

NAMES = [f"Instagram Followers [ Brazil 🇧🇷 ] [ Max {n}K ] | HQ ♻️ | Day 50K 🚀" for n in range(300)]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "smpanel.sqlite3")
    yield s  # type: ignore[misc]
    s.close()


def catalog() -> list[Service]:
    return [Service(i + 1, name, "Default", "IG", Decimal("1.5"), 10, 1000)
            for i, name in enumerate(NAMES)]  # fmt: skip


def track(store: Store, panel_id: int, count: int) -> None:
    """``count`` placed orders as the app records them, written in one go."""
    rows = []
    for n in range(count):
        link, quantity = f"https://instagram.com/p/B{n:09d}x", 100 + n % 7
        params = f'{{"link":"{link}","quantity":"{quantity}"}}'
        rows.append((panel_id, 10_000 + n, n % 300 + 1, NAMES[n % 300], "Default", params, link,
                     quantity, "0.15", "USD", "Pending", "placed", 1.0 + n, 1.0 + n))  # fmt: skip
    conn = sqlite3.connect(store.path)
    with conn:
        conn.executemany(
            'INSERT INTO orders (panel_id, "order", service_id, service_name, service_type, '
            "params, link, quantity, charge, currency, status, state, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()


def test_orders_read_with_the_catalog_cost_no_dict_and_no_name_of_their_own(
    tmp_path: Path,
) -> None:
    """An order object, its link, ids and time: ~410 bytes.  A dict of parameters each
    (~200 bytes) would show; a copy of its service's name is not the catalog's string."""
    path = tmp_path / "smpanel.sqlite3"
    with Store(path) as first:
        panel = first.add_panel("p", "https://p.example/api/v2")
        first.save_services(panel.id, catalog(), 1.0)
        track(first, panel.id, 3000)
    store = Store(path)
    services, _ = store.load_services(panel.id)  # decoded from the cache, as at start-up
    assert len(store.orders(panel.id)) == 3000  # the first read builds its factory
    tracemalloc.start()
    try:
        orders = store.orders(panel.id)
        used = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(orders) == 3000
    assert used / len(orders) < 480
    by_id = {s.id: s for s in services}
    assert all(o.service_name is by_id[o.service_id].name for o in orders)
    store.close()


def test_a_catalog_read_after_the_orders_shares_their_service_names(tmp_path: Path) -> None:
    path = tmp_path / "smpanel.sqlite3"
    with Store(path) as store:
        panel = store.add_panel("p", "https://p.example/api/v2")
        store.save_services(panel.id, catalog(), 1.0)
        track(store, panel.id, 600)
    with Store(path) as store:  # orders first, then the catalog decoded from the file
        orders = store.orders(panel.id)
        services = {s.id: s for s in store.load_services(panel.id)[0]}
    assert all(o.service_name is services[o.service_id].name for o in orders)


@pytest.mark.parametrize(
    "params",
    [
        {"link": "https://x/1", "quantity": "300"},
        {"link": "https://x/1", "quantity": 300},
        {"link": "https://x/1", "quantity": "0300"},  # not the quantity's own text
        {"link": "https://x/1", "quantity": 300.0},
        {"link": "https://x/1", "quantity": True},
        {"quantity": "300", "link": "https://x/1"},  # another order of the keys
        {"link": "https://x/2", "quantity": "300"},  # another link than the order's
        {"link": "https://x/1", "quantity": "300", "runs": "3", "interval": "10"},
        {"link": "https://x/1"},
        {"link": "https://x/1", "quantity": None},
        {},
    ],
)
def test_every_kind_of_parameters_reads_back_as_recorded(store: Store, params: Any) -> None:
    panel = store.add_panel("p", "https://p.example/api/v2")
    row = store.begin_order(panel.id, 42, "Followers", "Default", params, link="https://x/1",
                            quantity=300)  # fmt: skip
    for read in (store.orders(panel.id)[0], store.order(row.id)):
        assert read is not None
        assert read.params == params
        assert list(read.params) == list(params)
        assert [type(v) for v in read.params.values()] == [type(v) for v in params.values()]
        assert read == row and repr(read) == repr(row)
        if read.params.get("link") == read.link:
            assert read.params["link"] is read.link


def test_a_catalog_fetched_unchanged_only_moves_its_fetch_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "smpanel.sqlite3"
    with Store(path) as store, Store(path) as other:
        panel = store.add_panel("p", "https://p.example/api/v2")
        store.save_services(panel.id, catalog(), 1.0)
        shown, _ = store.load_services(panel.id)
        with monkeypatch.context() as m:
            m.setattr(services_cache, "_columns", lambda s: pytest.fail("encoded again"))
            store.save_services(panel.id, list(shown), 2.0)  # the very services: unchanged
        assert store.services_fetched_at(panel.id) == 2.0
        with Store(path) as fresh:
            assert fresh.load_services(panel.id) == (catalog(), 2.0)
        other.save_services(panel.id, catalog()[:5], 3.0)  # another store wrote meanwhile
        store.save_services(panel.id, list(shown), 4.0)  # so written in full
        with Store(path) as fresh:
            assert fresh.load_services(panel.id) == (catalog(), 4.0)
        store.save_services(panel.id, list(shown)[::-1], 5.0)  # the same services, reordered
        with Store(path) as fresh:
            assert fresh.load_services(panel.id) == (catalog()[::-1], 5.0)
