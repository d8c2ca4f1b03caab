"""The money parts of the store and core/money/ on a real SQLite file: exact sums (the fast
integer path and the Decimal fallback agree), weeks start on Monday, links merge, exchange
rates are validated and dated, overview alerts, outcomes."""

from __future__ import annotations

import random
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from smpanel_desktop.api.models import OrderStatus, Service, StatusResult
from smpanel_desktop.core.money.compare import CompareIndex, Rates, equivalents, search
from smpanel_desktop.core.money.export import write_orders_csv
from smpanel_desktop.core.money.ledger import spend
from smpanel_desktop.core.money.overview import (
    CATALOG_CHANGED,
    FETCH_FAILED,
    LOW_BALANCE,
    STUCK_ORDERS,
    build_overview,
)
from smpanel_desktop.core.watch.stuck import stuck_counts, stuck_orders
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.money.ledger import ExchangeRate
from smpanel_desktop.store.store import Store
from smpanel_desktop.store.watch import CatalogChange


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "s.db")


def _order(store: Store, panel: Panel, charge: str, status: str, *, order: int,
           when: float | None = None, name: str = "Likes ✨ Türkçe") -> int:  # fmt: skip
    row = store.begin_order(panel.id, 5, name, "Default", {"link": "x"}, currency="USD")
    store.mark_placed(row.id, order)
    st = OrderStatus(order, status, Decimal(charge), 0, 0, "USD")
    store.apply_statuses(panel.id, [StatusResult(order, st)], time.time())
    if when is not None:
        with store._tx() as conn:
            conn.execute("UPDATE orders SET created_at = ? WHERE id = ?", (when, row.id))
    return row.id


def test_spend_is_exact_on_both_paths_and_refunds_count_nothing(store: Store) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    for i in range(10):
        _order(store, a, "0.1", "Completed", order=i + 1)
    _order(store, a, "0.05", "Partial", order=50)
    _order(store, a, "7.5", "Canceled", order=51)  # a panel that keeps the charge shown
    _order(store, a, "3", "Refunded", order=52)
    (row,) = spend(store, "panel")
    assert row.total == Decimal("1.05") and row.orders == 13  # floats would give 1.0499999...
    _order(store, a, "0.000000001", "Completed", order=60)  # 9 decimals: the exact fallback
    (row,) = spend(store, "panel")
    assert row.total == Decimal("1.050000001") and row.orders == 14


def test_weeks_start_on_monday_and_months_group(store: Store) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    days = ["2026-11-29 12:00", "2026-11-30 09:00", "2026-12-06 23:00", "2026-12-07 01:00"]
    for i, day in enumerate(days):
        when = time.mktime(datetime.strptime(day, "%Y-%m-%d %H:%M").timetuple())
        _order(store, a, "1", "Completed", order=i + 1, when=when)
    assert [(r.key, r.orders) for r in spend(store, "week")] == [
        ("2026-11-23", 1), ("2026-11-30", 2), ("2026-12-07", 1),
    ]  # fmt: skip
    assert [(r.key, r.orders) for r in spend(store, "month")] == [("2026-11", 2), ("2026-12", 2)]
    assert store.outcome_counts("month")["2026-11"] == {"completed": 2}


def test_links_merge_and_unlink_and_rates_are_dated(store: Store) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    b = store.add_panel("B", "http://127.0.0.1:2/api/v2", "USD")
    c = store.add_panel("C", "http://127.0.0.1:3/api/v2", "EUR")
    store.link_services((a.id, 1), (b.id, 2))
    store.link_services((c.id, 3), (b.id, 2))
    assert store.service_links() == [frozenset({(a.id, 1), (b.id, 2), (c.id, 3)})]
    with pytest.raises(ValueError, match="two different panels"):
        store.link_services((a.id, 1), (a.id, 9))
    store.unlink_service(b.id, 2)
    store.unlink_service(a.id, 1)
    assert store.service_links() == []  # a group of one links nothing
    for bad in ("0", "-1", "abc", "nan"):
        with pytest.raises(ValueError):
            store.set_exchange_rate("USD", "EUR", bad, "2026-12-01")
    store.set_exchange_rate("usd", "eur", "0,9", "2026-12-01")
    (rate,) = store.exchange_rates()
    assert (rate.from_currency, rate.to_currency, rate.rate, rate.set_on) == (
        "USD", "EUR", Decimal("0.9"), "2026-12-01")  # fmt: skip


def _svc(sid: int, name: str, rate: str) -> Service:
    return Service(sid, name, "Default", "Cat", Decimal(rate), 10, 1000)


def test_equivalents_order_on_the_cheaper_panel() -> None:
    a = Panel(1, "A", "u", "USD")
    b = Panel(2, "B", "u", "USD")
    e = Panel(3, "E", "u", "EUR")
    index = CompareIndex({a: [_svc(1, "Likes", "2")], b: [_svc(7, "Other", "1.5")],
                          e: [_svc(9, "Likes EU", "1")]})  # fmt: skip
    links = [frozenset({(1, 1), (2, 7), (3, 9)})]
    assert [o.panel.name for o in equivalents(index, (1, 1), None, links)] == ["B", "A"]
    with_rate = Rates([_rate("EUR", "USD", "2")])
    assert [o.panel.name for o in equivalents(index, (1, 1), with_rate, links)] == ["B", "A", "E"]
    found = search(index, "likes", Rates(), links)  # EUR ranked apart: no rate
    assert [(o.panel.name, o.linked) for o in found] == [("B", True), ("A", False), ("E", False)]
    found = search(index, "likes", with_rate, links)  # 1 EUR = 2 USD: E costs 2, as A
    assert [o.panel.name for o in found] == ["B", "A", "E"]


def test_the_cheapest_shown_are_the_first_of_the_whole_ranking() -> None:
    """The results table shows the first 200: they must be the first 200 of the full ranking,
    whatever the currencies, rates and links (the search picks them without ranking all)."""
    rng = random.Random(7)
    panels = [Panel(k + 1, f"P{k}", "u", ("USD", "USD", "EUR", "TRY", None)[k]) for k in range(5)]
    words = ("likes", "followers", "views", "refill", "instagram", "tiktok")
    catalogs = {p: [_svc(i, " ".join(rng.sample(words, 3)), str(rng.randint(1, 400) / 100))
                    for i in range(1, 301)] for p in panels}  # fmt: skip
    index = CompareIndex(catalogs)
    links = [frozenset({(1, 5), (3, 9), (4, 2)}), frozenset({(2, 1), (5, 300)})]
    for rates in (Rates(), Rates([_rate("EUR", "USD", "1.1")]),
                  Rates([_rate("EUR", "USD", "1.1"), _rate("USD", "TRY", "35")])):  # fmt: skip
        for text in ("likes", "instagram views", "refill tiktok followers", "nothing"):
            whole = search(index, text, rates, links)
            for limit in (1, 7, 200):
                assert search(index, text, rates, links, limit) == whole[:limit], (text, limit)
    merged = search(index, "likes", Rates([_rate("EUR", "USD", "1.1")]), links)
    assert {o.rank_currency for o in merged[:300]} >= {"USD"} and any(o.linked for o in merged)


def _rate(src: str, dst: str, value: str) -> ExchangeRate:
    return ExchangeRate(src, dst, Decimal(value), "2026-12-01")


def test_overview_alerts_and_orders_csv_with_bom(store: Store, tmp_path: Path) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    b = store.add_panel("B", "http://127.0.0.1:2/api/v2", "USD")
    for i in range(3):
        _order(store, a, "10", "Completed", order=i + 1)  # 30 in 30 days: 1 a day
    store.record_balance(a.id, Decimal("2.5"), "USD", time.time())  # < 3 days of spending
    store.record_balance(b.id, Decimal("100"), "USD", time.time())
    store.set_low_balance(b.id, "150")
    view = build_overview(store, "day", errors={b.id: "Connection refused"})
    kinds = {s.panel.name: sorted(al.kind for al in s.alerts) for s in view.panels}
    assert kinds == {"A": [LOW_BALANCE], "B": [FETCH_FAILED, LOW_BALANCE]}
    assert [s.open_orders for s in view.panels] == [0, 0]
    assert view.panels[0].spend == {"USD": Decimal(30)}
    path = tmp_path / "orders.csv"
    assert write_orders_csv(path, store.orders(), store.panels()) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Likes ✨ Türkçe".encode() in raw


def test_overview_alerts_stuck_orders_and_changed_services_in_use(store: Store) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    now = time.time()
    stuck = _order(store, a, "1", "In progress", order=1, when=now - 10 * 3600)
    _order(store, a, "1", "In progress", order=2, when=now - 600)  # placed 10 minutes ago
    _order(store, a, "1", "Completed", order=3, when=now - 10 * 3600)  # finished: not stuck
    spaced = _order(store, a, "1", "In progress", order=4, when=now - 10 * 3600)
    with store._tx() as conn:  # a final status spelled loosely; then: nothing moved for 10 h
        conn.execute("UPDATE orders SET status = ' COMPLETED\n' WHERE id = ?", (spaced,))
        conn.execute("UPDATE order_progress SET moved_at = ? WHERE order_local_id IN (?, ?)",
                     (now - 10 * 3600, stuck, spaced))  # fmt: skip
    changes = [CatalogChange(5, "Likes", "rate", "1.0", "1.4"),  # ordered from: alerted
               CatalogChange(6, "Views", "removed", None, None),  # never used: not alerted
               CatalogChange(5, "Likes", "min", 10, 100)]  # fmt: skip
    store.record_catalog_changes(a.id, now - 3600, changes)
    (summary,) = build_overview(store, "day", now=now).panels
    alerts = {al.kind: al.count for al in summary.alerts}
    assert alerts == {STUCK_ORDERS: 1, CATALOG_CHANGED: 1}
    assert [s.order.id for s in stuck_orders(store, a.id, now=now)] == [stuck]  # the same rule
    store.record_catalog_changes(a.id, now - 8 * 86400, [CatalogChange(5, "Likes", "rate", 1, 2)])
    assert {al.kind for al in build_overview(store, "day", now=now + 86400 * 7).panels[0].alerts
            } == {STUCK_ORDERS}  # a week later: old news  # fmt: skip


def test_stuck_orders_are_read_through_the_open_order_index(store: Store) -> None:
    """The Overview counts stuck orders on every reload: it reads the open orders through
    their partial index, not every order ever placed (a query whose text drifted from the
    index's would still be right, and silently scan the whole history)."""
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    stuck = _order(store, a, "1", "In progress", order=1, when=time.time() - 10 * 3600)
    with store._tx() as conn:
        conn.execute("UPDATE order_progress SET moved_at = created_at FROM orders "
                     "WHERE order_local_id = orders.id AND orders.id = ?", (stuck,))  # fmt: skip
    seen: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(seen.append)
    try:
        assert stuck_counts(store) == {a.id: 1}
    finally:
        conn.set_trace_callback(None)
    (sql,) = [q for q in seen if "order_progress" in q]
    plan = " ".join(str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "USING INDEX orders_open" in plan, plan


def test_service_rows_keep_resale_with_their_orders_and_weeks_regroup(store: Store) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    first = _order(store, a, "2", "Completed", order=1)
    _order(store, a, "3", "Completed", order=2)
    store.set_resale_price(first, "5")
    (row,) = spend(store, "service")
    assert (row.key, row.total, row.orders, row.profit) == ("A: 5 Likes ✨ Türkçe", 5, 2, 3)
    view = build_overview(store, "week")
    (group,) = view.spend
    monday = datetime.strptime(group.key, "%Y-%m-%d")
    assert monday.weekday() == 0 and group.spent == 5 and group.outcomes == (2, 0, 0, 0)
    assert view.outcomes == {group.key: {"completed": 2}}


def test_the_cli_offers_every_grouping_of_the_store() -> None:
    from smpanel_desktop.cli.main import SPEND_GROUPINGS
    from smpanel_desktop.store.money import spend as store_spend

    assert SPEND_GROUPINGS == store_spend.GROUPINGS


def test_the_comparison_finds_turkish_capitals_by_the_letters_a_user_types() -> None:
    a = Panel(1, "A", "u", "TRY")
    index = CompareIndex({a: [_svc(1, "TAKİPÇİ PAKETİ", "2"), _svc(2, "Beğeni", "1")]})
    for typed in ("takipçi", "paketi", "TAKİPÇİ"):
        found = search(index, typed, Rates(), [])
        assert [o.service.id for o in found] == [1], typed
