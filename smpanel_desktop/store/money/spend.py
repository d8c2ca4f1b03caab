"""Spend sums over the tracked orders, in SQL: per period, panel or service, currency, panel.

A placed order costs what the panel charged: a Canceled / Refunded (or Failed ...) order counts
0, a Partial one what the panel finally charged (panels lower the charge by the refund).  Orders
not placed, or of unknown outcome, count nothing.  Sums are exact: charges are summed as
integers of 10^-8 while every charge has at most 8 decimals and is below 10^7 (triggers of the
migration note it when one is not: then an exact Decimal aggregate sums instead, slower).

Speed (100,000 orders): one pass over ``orders`` alone, no join; panel names, the panel's
currency for orders without one, and resale prices (few rows) are merged in afterwards.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from smpanel_desktop.store.base import StoreBase
from smpanel_desktop.store.money import days
from smpanel_desktop.store.money.days import REFUNDED_STATUSES

OUTCOME_NAMES = ("completed", "partial", "canceled", "refunded")
PERIODS = ("day", "week", "month")
GROUPINGS = (*PERIODS, "panel", "service")
_SCALE = 8  # exact integer sums in 10^-8 units while every charge has at most 8 decimals
# ... and is below 10^7 (so charge * 10^8 stays exact as a double): see db.py's money_flags


_REFUNDED = days.status_in("o.status", REFUNDED_STATUSES)
_OUTCOMES = ", ".join(f"sum({days.status_in('o.status', v)})" for v in days.OUTCOME_STATUSES)
_LOCAL = "o.created_at, 'unixepoch', 'localtime'"
KEY_SQL = {
    "day": f"date({_LOCAL})",
    "week": f"date({_LOCAL}, '-6 days', 'weekday 1')",  # the Monday of the week
    "month": f"strftime('%Y-%m', {_LOCAL})",
    "panel": "''",  # the panel's name, put in afterwards
    "service": "o.service_id",  # "panel: id name" made afterwards (no text built per row)
}


@dataclass(frozen=True, slots=True)
class SpendGroup:
    """Placed orders of one key (period, panel or service), currency and panel."""

    key: str
    currency: str
    panel_id: int
    orders: int
    spent: Decimal
    unpriced: int = 0
    """Orders with no charge known yet (not refreshed): counted as 0."""
    resale: Decimal = Decimal(0)
    """Sum of the resale prices entered for orders of this group."""
    resale_spent: Decimal = Decimal(0)
    """What the orders with a resale price cost."""
    outcomes: tuple[int, int, int, int] = (0, 0, 0, 0)
    """How many ended completed, partial, canceled, refunded (``OUTCOME_NAMES``)."""


class _DecimalSum:
    """An exact SQL aggregate over decimal texts (the slow path, for unusual charges)."""

    def __init__(self) -> None:
        self.total = Decimal(0)

    def step(self, value: object) -> None:
        if value is not None:
            with contextlib.suppress(InvalidOperation):
                self.total += Decimal(str(value))

    def finalize(self) -> str:
        return str(self.total)


def added(a: SpendGroup, b: SpendGroup) -> SpendGroup:
    """The sums of two groups, under ``a``'s key, currency and panel."""
    return replace(
        a, orders=a.orders + b.orders, spent=a.spent + b.spent, unpriced=a.unpriced + b.unpriced,
        resale=a.resale + b.resale, resale_spent=a.resale_spent + b.resale_spent,
        outcomes=tuple(x + y for x, y in zip(a.outcomes, b.outcomes, strict=True)),  # type: ignore[arg-type]
    )  # fmt: skip


def _is_midnight(at: float) -> bool:
    """``at`` is the start of a local day (what ``--since DATE`` and the overview pass)."""
    t = time.localtime(at)
    return at == int(at) and (t.tm_hour, t.tm_min, t.tm_sec) == (0, 0, 0)


_NONE = (0, 0, 0, 0)


def _amount_of(exact: bool) -> Callable[[object], Decimal]:
    """SQL's sums as Decimal: exact texts, or integers of 10^-8."""
    zero = Decimal(0)
    if exact:
        return lambda value: zero if value is None else Decimal(str(value))
    return lambda value: zero if value is None else Decimal(int(value)).scaleb(-_SCALE)  # type: ignore[call-overload]


class SpendStore(StoreBase):
    """Spend sums, order outcomes and open orders per panel."""

    def spend_groups(
        self, by: str, since: float | None = None, *, outcomes: bool = False,
        apart: Collection[int] | None = None,
    ) -> list[SpendGroup]:  # fmt: skip
        """Placed orders summed per ``by`` (``GROUPINGS``), currency and panel; with
        ``outcomes`` also counted per outcome (completed, partial, canceled, refunded).
        ``apart``: only these panels need their own groups (the ledger: panels with a markup);
        the others may come summed under panel 0 (fewer groups: faster)."""
        if by not in KEY_SQL:
            raise ValueError(f"Cannot group spending by {by!r}: use one of {', '.join(GROUPINGS)}.")
        start = since
        # money_flags: set by the triggers of store/db.py's _MONEY when an amount needs Decimal
        exact = self._conn().execute("SELECT count(*) FROM money_flags").fetchone()[0] > 0
        daily = not exact and by in days.KEYS and (start is None or _is_midnight(start))
        main, resale = self._queries(by, start, exact=exact, outcomes=outcomes, main=not daily)
        if daily:  # the per-day sums the triggers keep (days.py): no pass over the orders
            conn = self._conn()
            if days.stale(conn):  # a day counted in another time zone: recount once
                with self._tx() as tx:
                    days.recount(tx)
            first = None if start is None else time.strftime("%Y-%m-%d", time.localtime(start))
            together = None if by == "panel" else apart
            main = days.grouped(conn, by, first, outcomes=outcomes, apart=together)
        panels = {p: (n, c or "") for p, n, c in self._conn().execute(
            "SELECT id, name, currency FROM panels")}  # fmt: skip
        merged: dict[tuple[str, str, int], SpendGroup] = {}

        zero, named = Decimal(0), by in ("panel", "service")

        def place(key: str, currency: str, panel_id: int, *values: Any) -> None:
            name, fallback = panels.get(panel_id, (str(panel_id), ""))
            if named:
                key = name if by == "panel" else f"{name}: {key}"
            at = (key, currency or fallback, panel_id)
            group = SpendGroup(*at, *values)
            old = merged.get(at)
            merged[at] = group if old is None else added(old, group)

        amount = _amount_of(exact)
        for k, cur, p, n, spent, unpriced, *more in main:
            if by == "service":
                k = f"{k} {more.pop()}"
            counts = (more[0] or 0, more[1] or 0, more[2] or 0, more[3] or 0) if more else _NONE
            place(str(k), cur, p, n, amount(spent), unpriced or 0, zero, zero, counts)
        for k, cur, p, price, cost, *name in resale:
            if by == "service":
                k = f"{k} {name[0]}"
            place(str(k), cur, p, 0, zero, 0, amount(price), amount(cost))
        return list(merged.values())

    def _queries(
        self, by: str, start: float | None, *, exact: bool, outcomes: bool, main: bool = True
    ) -> tuple[list[Any], list[Any]]:
        conn = self._conn()
        if exact:
            conn.create_aggregate("dsum", 1, _DecimalSum)  # type: ignore[arg-type]
            total = "dsum({})".format
        else:
            total = "sum(CAST(round({} * 100000000) AS INTEGER))".format
        spent = f"CASE WHEN {_REFUNDED} THEN 0 ELSE o.charge END"
        counted = f", {_OUTCOMES}" if outcomes else ""
        key = KEY_SQL[by]
        (priced,) = conn.execute("SELECT EXISTS (SELECT 1 FROM resale_prices)").fetchone()
        if not (main or priced):
            return [], []
        when, args = ("", ()) if start is None else (self._since_sql(conn, start), (start,))
        if by == "service":  # the service's name, once per group
            counted += ", max(o.service_name)"
        rows = [] if not main else conn.execute(
            f"SELECT {key} AS k, coalesce(o.currency, '') AS cur, o.panel_id, count(*), "
            f"{total(spent)}, sum(o.charge IS NULL){counted} "
            f"FROM orders o WHERE o.state = 'placed' {when} GROUP BY k, cur, o.panel_id",
            args,
        ).fetchall()  # fmt: skip
        resale = (
            []
            if not priced
            else conn.execute(
                f"SELECT {key} AS k, coalesce(o.currency, '') AS cur, o.panel_id, "
                f"{total(f'CASE WHEN {_REFUNDED} THEN 0 ELSE r.price END')}, {total(spent)}"
                f"{', max(o.service_name)' if by == 'service' else ''} "
                "FROM resale_prices r JOIN orders o ON o.id = r.order_local_id "
                f"WHERE o.state = 'placed' {when} GROUP BY k, cur, o.panel_id",
                args,
            ).fetchall()
        )
        return rows, resale

    @staticmethod
    def _since_sql(conn: Any, start: float) -> str:
        """The created_at index pays for a few recent orders; for most of them, its lookup per
        row made the sums 2x slower than a scan of the table ("+" keeps SQLite off the index).
        The two counts read the index only (~1 ms per 100,000 orders)."""
        (recent,) = conn.execute("SELECT count(*) FROM orders WHERE created_at >= ?", (start,))
        (total,) = conn.execute("SELECT count(*) FROM orders")
        scan = recent[0] * 5 > total[0]
        return "AND +o.created_at >= ?" if scan else "AND o.created_at >= ?"

    def outcome_counts(self, by: str, since: float | None = None) -> dict[str, dict[str, int]]:
        """Per period (``PERIODS``): how many placed orders ended completed, partial, canceled,
        refunded (Refunded, Failed, Rejected ...), or are still open (only counts above 0)."""
        if by not in PERIODS:
            raise ValueError(f"Not a period: {by!r}.")
        return outcomes_of(self.spend_groups(by, since, outcomes=True))

    def open_order_counts(self) -> dict[int, int]:
        """Placed orders per panel whose status is not final (from the per-day sums: every
        final status is one of the four outcomes they count)."""
        return days.open_per_panel(self._conn())


def outcomes_of(groups: list[SpendGroup]) -> dict[str, dict[str, int]]:
    """Outcome counts per key (``open`` = neither of ``OUTCOME_NAMES`` yet)."""
    out: dict[str, dict[str, int]] = {}
    for g in groups:
        bucket = out.setdefault(g.key, {})
        for name, count in (*zip(OUTCOME_NAMES, g.outcomes, strict=True),
                            ("open", g.orders - sum(g.outcomes))):  # fmt: skip
            if count:
                bucket[name] = bucket.get(name, 0) + count
    return out
