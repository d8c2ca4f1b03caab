"""The ledger's per-day sums (store/money/days.py), kept by triggers: after every change an order
can go through (placed, refreshed, refunded, its charge lowered, its panel removed) the ledger
by day, week, month and panel shows what a pass over the orders gives, and a change of time zone
moves orders to their new local day."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from smpanel_desktop.api.models import OrderStatus, StatusResult
from smpanel_desktop.core.money.ledger import LedgerRow, parse_since, spend
from smpanel_desktop.core.money.overview import build_overview
from smpanel_desktop.store import db, schema
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.money import days
from smpanel_desktop.store.store import Store

BY = ("day", "week", "month", "panel")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "s.db")
    yield s
    s.close()


def _status(store: Store, panel: Panel, order: int, status: str, charge: str | None) -> None:
    amount = None if charge is None else Decimal(charge)
    st = OrderStatus(order, status, amount, 0, 0, panel.currency)
    store.apply_statuses(panel.id, [StatusResult(order, st)], time.time())


def _place(store: Store, panel: Panel, order: int, when: float, charge: str | None,
           status: str = "Pending", currency: str | None = "USD") -> int:  # fmt: skip
    row = store.begin_order(panel.id, 7, "Followers", "Default", {"link": "x"}, currency=currency)
    store.mark_placed(row.id, order)
    with store._tx() as conn:
        conn.execute("UPDATE orders SET created_at = ? WHERE id = ?", (when, row.id))
    if charge is not None:
        _status(store, panel, order, status, charge)
    return row.id


def _ledgers(store: Store, since: float | None = None) -> dict[str, list[LedgerRow]]:
    return {by: spend(store, by, since) for by in BY}


def _by_a_pass_over_the_orders(store: Store, since: float | None = None) -> dict[str, object]:
    """The same ledgers the old way: SQL over every order (the exact path, which the kept
    sums never serve)."""
    with store._tx() as conn:
        conn.execute("INSERT INTO money_flags VALUES ('test: read every order')")
    try:
        return _ledgers(store, since)  # type: ignore[return-value]
    finally:
        with store._tx() as conn:
            conn.execute("DELETE FROM money_flags WHERE name = 'test: read every order'")


def _same(store: Store, since: float | None = None) -> dict[str, list[LedgerRow]]:
    ours = _ledgers(store, since)
    assert ours == _by_a_pass_over_the_orders(store, since)
    return ours


def test_the_ledger_follows_every_change_an_order_goes_through(store: Store) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    b = store.add_panel("B", "http://127.0.0.1:2/api/v2", "TRY")
    start = parse_since("2026-10-30")
    for i in range(12):  # days weeks apart, one at midnight, two panels, one without a charge
        when = start + (i % 4) * 86400 * 11 + (i * 3571) % 86400
        on_b = i % 3 == 0
        _place(store, b if on_b else a, i + 1, when, None if i == 5 else f"{i}.25",
               currency="TRY" if on_b else "USD")  # fmt: skip
    _place(store, b, 99, start, "1.5", currency=None)  # no currency: the panel's (TRY)
    ledgers = _same(store)
    assert sum(r.orders for r in ledgers["panel"]) == 13
    assert sum(r.unpriced for r in ledgers["panel"]) == 1

    _status(store, a, 2, "Completed", "1.25")  # refreshed
    _status(store, a, 3, "Partial", "0.75")  # a partial's charge lowered by the refund
    _status(store, b, 4, "Canceled", "3.25")  # refunded: costs nothing
    _status(store, a, 6, "In progress", "6")  # the charge of an order that had none
    totals = {(r.key, r.currency): r.total for r in _same(store)["panel"]}
    assert totals == {("A", "USD"): Decimal("49.25"), ("B", "TRY"): Decimal("17.25")}
    assert sum(r.unpriced for r in _same(store)["month"]) == 0
    store.set_markup(a.id, "30")  # profit: 30% over what panel A's orders cost
    profit = {(r.key, r.currency): r.profit for r in _same(store)["panel"]}
    assert profit == {("A", "USD"): Decimal("14.775"), ("B", "TRY"): None}
    assert sum((r.profit or 0 for r in _same(store)["day"]), Decimal(0)) == Decimal("14.775")
    assert _same(store, parse_since("2026-11-10"))["day"][0].key >= "2026-11-10"

    with store._tx() as conn:  # an order taken out of tracking leaves nothing behind
        conn.execute('DELETE FROM orders WHERE "order" = 9')
    store.remove_panel("B", force=True)
    totals = {(r.key, r.currency): r.total for r in _same(store)["panel"]}
    assert totals == {("A", "USD"): Decimal("41.00")}


def test_the_overview_reads_the_same_sums(store: Store) -> None:
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    now = time.time()
    for i in range(6):
        _place(store, a, i + 1, now - i * 86400 * 3, "2", "Completed")
    _status(store, a, 2, "Refunded", "2")
    overview = build_overview(store, "week", now=now)
    assert sum(g.orders for g in overview.spend) == 6
    assert sum((g.spent for g in overview.spend), Decimal(0)) == Decimal(10)
    assert sum(o.get("refunded", 0) for o in overview.outcomes.values()) == 1
    assert overview.panels[0].spend == {"USD": Decimal(10)}


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()
    assert os.environ.get("TZ") != "Asia/Kolkata"


def test_a_new_time_zone_moves_orders_to_their_local_day(store: Store, zone) -> None:  # type: ignore[no-untyped-def]
    zone("UTC")
    a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
    evening = parse_since("2026-11-20") + 20 * 3600  # 20:00 UTC = 01:30 next day in India
    _place(store, a, 1, evening, "4", "Completed")
    _place(store, a, 2, evening - 12 * 3600, "1", "Completed")
    assert [(r.key, r.total) for r in spend(store, "day")] == [("2026-11-20", Decimal(5))]
    zone("Asia/Kolkata")
    assert [(r.key, r.total) for r in _same(store)["day"]] == [
        ("2026-11-20", Decimal(1)), ("2026-11-21", Decimal(4)),
    ]  # fmt: skip
    _place(store, a, 3, evening + 60, "2", "Completed")  # counted in the new zone at once
    assert [(r.key, r.total) for r in _same(store)["day"]][-1] == ("2026-11-21", Decimal(6))


def _as_in_lists(trigger: str) -> str:
    """A trigger as the first version of the spend step wrote it: each status test an IN list."""

    def in_list(m: re.Match[str]) -> str:
        column = re.match(r"coalesce\((\w+\.status), ''\)", m.group(1))
        assert column is not None
        values = ",".join(repr(v) for v in re.findall(r"= '([^']*)'", m.group(1)))
        return f"coalesce({column.group(1)}, '') COLLATE NOCASE IN ({values})"

    test = r"coalesce\(\w+\.status, ''\) = '[^']*' COLLATE NOCASE"
    return re.sub(rf"\(({test}(?: OR {test})*)\)", in_list, trigger)


def test_a_store_of_the_last_version_gets_todays_triggers_and_keeps_its_sums(
    tmp_path: Path,
) -> None:
    """Its triggers tested statuses with IN lists (rebuilt by SQLite at every firing: 1.6 s
    of CPU per 10,000 status updates); after the upgrade they are today's and still right."""
    path = tmp_path / "old.db"
    conn = db.connect(path, migrations=schema.MIGRATIONS[:7])
    with conn:
        for trigger in days.TRIGGERS:
            conn.execute(f"DROP TRIGGER {trigger.split()[2]}")
            old = _as_in_lists(trigger)
            assert " IN (" in old and old != trigger
            conn.execute(old)
    conn.close()
    store = Store(path)
    try:
        a = store.add_panel("A", "http://127.0.0.1:1/api/v2", "USD")
        _place(store, a, 1, time.time() - 86400, "2.5")
        found = store._conn().execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'spend_days_%'"
        )
        assert {sql for (sql,) in found} == set(days.TRIGGERS)
        _status(store, a, 1, "Canceled", "2.5")  # refunded: costs nothing any more
        assert _same(store)["panel"][0].total == 0
    finally:
        store.close()
