"""Spend per local day, kept up to date by triggers: the ledger by day, week, month or panel and
the overview read a few thousand ``spend_days`` rows instead of every tracked order.

Each row sums the placed orders of one (local day, UTC offset, currency, panel): how many, what
they cost in integers of 10^-8 (a Canceled / Refunded ... order 0, as in spend.py), how many
have no charge yet, and how many ended completed, partial, canceled, refunded.  A trigger on
``orders`` takes an order's old contribution out and puts its new one in whenever its state,
status, charge, currency, creation time or panel changes; an unchanged order costs nothing.

The day is the writer's local day (SQLite's ``localtime``, the same C library as Python's
``time``), so every row keeps the UTC offset it was computed with.  A reader whose time zone
gives another offset for that day (the user moved, or a process ran with another ``TZ``)
rebuilds the table from the orders first: one pass, the cost of the old way, once.
"""

from __future__ import annotations

import functools
import sqlite3
import time
from collections.abc import Collection, Iterable

REFUNDED_STATUSES = ("canceled", "cancelled", "refunded", "failed", "fail", "error", "rejected")
"""Final statuses whose whole charge came back: they cost nothing."""
_COLUMNS = (
    "day, tz, currency, panel_id, orders, spent, unpriced, completed, partial, canceled, refunded"
)
_SUMS = ("orders", "spent", "unpriced", "completed", "partial", "canceled", "refunded")
OUTCOME_STATUSES = (("completed",), ("partial",), ("canceled", "cancelled"), REFUNDED_STATUSES[2:])
"""The statuses of each outcome counted (spend.py's ``OUTCOME_NAMES``)."""


def status_in(column: str, values: tuple[str, ...]) -> str:
    """SQL: the status ``column`` is one of ``values`` (COLLATE NOCASE: 3x cheaper per row than
    lower(); the parser strips the panel's status text).  Never NULL.  Written as ``=`` tests
    joined by OR, not ``IN (...)``: inside a trigger SQLite builds an ``IN`` list's lookup
    table again at every firing (10,000 status updates took 1.6 s in ``spend_days_update``'s
    ten lists, 0.13 s as OR chains)."""
    tests = " OR ".join(f"coalesce({column}, '') = {v!r} COLLATE NOCASE" for v in values)
    return f"({tests})"


def _contribution(r: str, sign: str) -> str:
    """The SELECT list of one order's row ``r`` (``NEW``, ``OLD`` or a table alias)."""
    local = f"{r}.created_at, 'unixepoch', 'localtime'"
    units = f"coalesce(CAST(round({r}.charge * 100000000) AS INTEGER), 0)"
    values = [
        f"date({local})",
        f"CAST(strftime('%s', {local}) AS INTEGER) - CAST({r}.created_at AS INTEGER)",
        f"coalesce({r}.currency, '')",
        f"{r}.panel_id",
        f"{sign}1",
        f"{sign}(CASE WHEN {status_in(f'{r}.status', REFUNDED_STATUSES)} THEN 0 ELSE {units} END)",
        f"{sign}({r}.charge IS NULL)",
        *(f"{sign}({status_in(f'{r}.status', v)})" for v in OUTCOME_STATUSES),
    ]
    names = _COLUMNS.split(", ")
    return ", ".join(f"{v} AS {n}" for v, n in zip(values, names, strict=True))


_UPSERT = "ON CONFLICT DO UPDATE SET " + ", ".join(f"{c} = {c} + excluded.{c}" for c in _SUMS)


def _add(r: str, sign: str) -> str:
    return (
        f"INSERT INTO spend_days ({_COLUMNS}) SELECT {_contribution(r, sign)} "
        f"WHERE {r}.state = 'placed' {_UPSERT};"
    )


_WATCHED = ("state", "status", "charge", "currency", "created_at", "panel_id")
_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _WATCHED)

TRIGGERS = (
    f"CREATE TRIGGER spend_days_insert AFTER INSERT ON orders WHEN NEW.state = 'placed' "
    f"BEGIN {_add('NEW', '')} END",
    f"CREATE TRIGGER spend_days_delete AFTER DELETE ON orders WHEN OLD.state = 'placed' "
    f"BEGIN {_add('OLD', '-')} END",
    f"CREATE TRIGGER spend_days_update AFTER UPDATE OF {', '.join(_WATCHED)} ON orders "
    f"WHEN (OLD.state = 'placed' OR NEW.state = 'placed') AND ({_CHANGED}) "
    f"BEGIN {_add('OLD', '-')} {_add('NEW', '')} END",
)
REBUILD_TRIGGERS = (
    *(f"DROP TRIGGER IF EXISTS spend_days_{event}" for event in ("insert", "delete", "update")),
    *TRIGGERS,
)
"""The schema step (schema.py's ``_SPEND_TRIGGERS``) that gives a database made by the first
version of ``MIGRATION`` (``IN`` lists in its triggers) today's triggers; the sums stay."""

MIGRATION = (
    """CREATE TABLE spend_days (
        day TEXT NOT NULL,
        tz INTEGER NOT NULL,
        currency TEXT NOT NULL,
        panel_id INTEGER NOT NULL,
        orders INTEGER NOT NULL, spent INTEGER NOT NULL, unpriced INTEGER NOT NULL,
        completed INTEGER NOT NULL, partial INTEGER NOT NULL, canceled INTEGER NOT NULL,
        refunded INTEGER NOT NULL,
        PRIMARY KEY (day, tz, currency, panel_id)
    ) WITHOUT ROWID""",
    *TRIGGERS,
    f"INSERT INTO spend_days ({_COLUMNS}) SELECT day, tz, currency, panel_id, "
    + ", ".join(f"sum({c})" for c in _SUMS)
    + f" FROM (SELECT {_contribution('o', '')} FROM orders o WHERE o.state = 'placed') "
    "GROUP BY day, tz, currency, panel_id",
)
"""The schema step (schema.py's ``_SPEND_DAYS``): the table, its triggers, today's orders in it."""

KEYS = {
    "day": "day",
    "week": "date(day, '-6 days', 'weekday 1')",  # the Monday of the week, as spend.py
    "month": "substr(day, 1, 7)",
    "panel": "''",
}


def _offsets(day: str) -> set[int]:
    """The UTC offsets this process's time zone has during ``day`` (two on a DST change)."""
    return _offsets_in(day, time.tzname, time.timezone, time.altzone)


@functools.lru_cache(maxsize=4096)
def _offsets_in(day: str, *zone: object) -> set[int]:
    y, m, d = (int(p) for p in day.split("-"))
    start = time.mktime((y, m, d, 0, 0, 0, 0, 0, -1))
    end = time.mktime((y, m, d, 23, 59, 59, 0, 0, -1))
    return {time.localtime(start).tm_gmtoff, time.localtime(end).tm_gmtoff}


def _stale(pairs: Iterable[tuple[str, int]]) -> bool:
    cache: dict[str, set[int]] = {}
    for day, tz in pairs:
        if day not in cache:
            try:
                cache[day] = _offsets(day)
            except (ValueError, OverflowError):
                return True
        if tz not in cache[day]:
            return True
    return False


def stale(conn: sqlite3.Connection) -> bool:
    """A day of ``spend_days`` was counted with a UTC offset this process's time zone never has
    on that day (the user moved, or a process ran with another ``TZ``): ``recount`` it."""
    return _stale(conn.execute("SELECT DISTINCT day, tz FROM spend_days"))


def recount(conn: sqlite3.Connection) -> None:
    """Count ``spend_days`` again from the orders, in this process's time zone (inside the
    caller's write transaction)."""
    conn.execute("DELETE FROM spend_days")
    conn.execute(MIGRATION[-1])


def grouped(
    conn: sqlite3.Connection, by: str, since_day: str | None, *, outcomes: bool,
    apart: Collection[int] | None = None,
) -> list[tuple[object, ...]]:  # fmt: skip
    """Rows shaped like spend.py's main query: key, currency, panel, orders, spent (10^-8),
    unpriced[, completed, partial, canceled, refunded].  ``apart``: the panels kept apart (None:
    all); the others are summed under panel 0, in their currency or else their panel's."""
    more = ", sum(completed), sum(partial), sum(canceled), sum(refunded)" if outcomes else ""
    when, args = ("", ()) if since_day is None else ("WHERE day >= ?", (since_day,))
    if apart is None:
        cur, panel, join = "s.currency", "s.panel_id", ""
    else:
        cur = "CASE WHEN s.currency != '' THEN s.currency ELSE coalesce(p.currency, '') END"
        panel = f"CASE WHEN s.panel_id IN ({','.join(str(int(i)) for i in apart)}) THEN " \
            "s.panel_id ELSE 0 END"  # fmt: skip
        join = "LEFT JOIN panels p ON p.id = s.panel_id"
    return conn.execute(
        f"SELECT {KEYS[by]} AS k, {cur} AS cur, {panel} AS pid, sum(orders) AS n, sum(spent), "
        f"sum(unpriced){more} FROM spend_days s {join} {when} GROUP BY k, cur, pid "
        "HAVING n != 0",
        args,
    ).fetchall()


def open_per_panel(conn: sqlite3.Connection) -> dict[int, int]:
    """Placed orders per panel not yet completed, partial, canceled or refunded (or failed)."""
    rows = conn.execute(
        "SELECT panel_id, sum(orders) - sum(completed + partial + canceled + refunded) AS n "
        "FROM spend_days GROUP BY panel_id HAVING n > 0"
    )
    return dict(rows.fetchall())
