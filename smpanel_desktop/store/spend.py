"""Spend sums over the tracked orders, in SQL: per period, panel or service, currency, panel.

A placed order costs what the panel charged: a Canceled / Refunded (or Failed ...) order counts
0, a Partial one what the panel finally charged (panels lower the charge by the refund).  Orders
not placed, or of unknown outcome, count nothing.  Sums are exact: charges are summed as
integers of 10^-8 while every charge has at most 8 decimals and is below 10^7 (checked first);
otherwise an exact Decimal aggregate runs instead (slower).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from smpanel_desktop.store.base import StoreBase

REFUNDED_STATUSES = ("canceled", "cancelled", "refunded", "failed", "fail", "error", "rejected")
"""Final statuses whose whole charge came back: they cost nothing."""
OUTCOMES = {"completed": "completed", "partial": "partial", "canceled": "canceled",
            "cancelled": "canceled"}  # fmt: skip
PERIODS = ("day", "week", "month")
GROUPINGS = (*PERIODS, "panel", "service")
_SCALE = 8  # exact integer sums in 10^-8 units while every charge has at most 8 decimals
_LIMIT = Decimal(10) ** 7  # ... and is below this (so charge * 10^8 stays exact as a double)
_STATUS = "lower(trim(coalesce(o.status, '')))"
_REFUNDED = f"{_STATUS} IN ({','.join(repr(s) for s in REFUNDED_STATUSES)})"
_LOCAL = "o.created_at, 'unixepoch', 'localtime'"
KEY_SQL = {
    "day": f"date({_LOCAL})",
    "week": f"date({_LOCAL}, '-6 days', 'weekday 1')",  # the Monday of the week
    "month": f"strftime('%Y-%m', {_LOCAL})",
    "panel": "p.name",
    "service": "p.name || ': ' || o.service_id || ' ' || o.service_name",
}


@dataclass(frozen=True, slots=True)
class SpendGroup:
    """Placed orders of one key (period, panel or service), currency and panel."""

    key: str
    currency: str
    panel_id: int
    orders: int
    spent: Decimal
    unpriced: int
    """Orders with no charge known yet (not refreshed): counted as 0."""
    resale: Decimal
    """Sum of the resale prices entered for orders of this group."""
    resale_spent: Decimal
    """What the orders with a resale price cost."""


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


class SpendStore(StoreBase):
    """Spend sums, order outcomes and open orders per panel."""

    # -- spend -------------------------------------------------------------------------------

    def _units_are_exact(self, conn: sqlite3.Connection) -> bool:
        bad = conn.execute(
            "SELECT 1 FROM (SELECT charge AS c FROM orders WHERE charge IS NOT NULL UNION ALL "
            "SELECT price FROM resale_prices) WHERE instr(upper(c), 'E') OR abs(c) >= ? OR "
            "(instr(c, '.') AND length(c) - instr(c, '.') > ?) LIMIT 1",
            (int(_LIMIT), _SCALE),
        ).fetchone()
        return bad is None

    def spend_groups(self, by: str, since: float | None = None) -> list[SpendGroup]:
        """Placed orders summed per ``by`` (``GROUPINGS``), currency and panel."""
        if by not in KEY_SQL:
            raise ValueError(f"Cannot group spending by {by!r}: use one of {', '.join(GROUPINGS)}.")
        conn = self._conn()
        exact = self._units_are_exact(conn)
        if exact:
            total = "sum(CAST(round({} * 100000000) AS INTEGER))".format
        else:
            conn.create_aggregate("dsum", 1, _DecimalSum)  # type: ignore[arg-type]
            total = "dsum({})".format
        spent = f"CASE WHEN {_REFUNDED} THEN 0 ELSE o.charge END"
        resale = f"CASE WHEN {_REFUNDED} THEN 0 ELSE r.price END"
        sql = (
            f"SELECT {KEY_SQL[by]} AS k, coalesce(o.currency, p.currency, '') AS cur, o.panel_id, "
            f"count(*), {total(spent)}, sum(o.charge IS NULL), {total(resale)}, "
            f"{total(f'CASE WHEN r.price IS NULL THEN NULL ELSE {spent} END')} "
            "FROM orders o JOIN panels p ON p.id = o.panel_id "
            "LEFT JOIN resale_prices r ON r.order_local_id = o.id "
            "WHERE o.state = 'placed' AND o.created_at >= ? GROUP BY k, cur, o.panel_id"
        )
        rows = conn.execute(sql, (since if since is not None else float("-inf"),)).fetchall()

        def amount(value: object) -> Decimal:
            if value is None:
                return Decimal(0)
            return Decimal(int(str(value))).scaleb(-_SCALE) if exact else Decimal(str(value))

        return [SpendGroup(str(k), c, p, n, amount(s), int(u or 0), amount(r), amount(rs))
                for k, c, p, n, s, u, r, rs in rows]  # fmt: skip

    def outcome_counts(self, by: str, since: float | None = None) -> dict[str, dict[str, int]]:
        """Per period (``PERIODS``): how many placed orders ended completed, partial, canceled,
        refunded (Refunded, Failed, Rejected ...), or are still open."""
        if by not in PERIODS:
            raise ValueError(f"Not a period: {by!r}.")
        rows = self._conn().execute(
            f"SELECT {KEY_SQL[by]} AS k, {_STATUS}, count(*) FROM orders o WHERE "
            "o.state = 'placed' AND o.created_at >= ? GROUP BY k, 2",
            (since if since is not None else float("-inf"),),
        )
        out: dict[str, dict[str, int]] = {}
        for key, status, count in rows:
            outcome = OUTCOMES.get(status) or ("refunded" if status in REFUNDED_STATUSES
                                               else "open")  # fmt: skip
            bucket = out.setdefault(key, {})
            bucket[outcome] = bucket.get(outcome, 0) + count
        return out

    def open_order_counts(self) -> dict[int, int]:
        """Placed orders per panel whose status is not final."""
        final = (*REFUNDED_STATUSES, "completed", "partial")
        rows = self._conn().execute(
            f"SELECT panel_id, count(*) FROM orders o WHERE state = 'placed' AND "
            f"{_STATUS} NOT IN ({','.join(repr(s) for s in final)}) GROUP BY panel_id"
        )
        return dict(rows.fetchall())
