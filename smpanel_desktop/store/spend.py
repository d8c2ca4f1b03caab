"""Spend sums over the tracked orders, in SQL: per period, panel or service, currency, panel.

A placed order costs what the panel charged: a Canceled / Refunded (or Failed ...) order counts
0, a Partial one what the panel finally charged (panels lower the charge by the refund).  Orders
not placed, or of unknown outcome, count nothing.  Sums are exact: charges are summed as
integers of 10^-8 while every charge has at most 8 decimals and is below 10^7 (checked first);
otherwise an exact Decimal aggregate runs instead (slower).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from smpanel_desktop.store.base import StoreBase

REFUNDED_STATUSES = ("canceled", "cancelled", "refunded", "failed", "fail", "error", "rejected")
"""Final statuses whose whole charge came back: they cost nothing."""
OUTCOMES = {"completed": "completed", "partial": "partial", "canceled": "canceled",
            "cancelled": "canceled"}  # fmt: skip
PERIODS = ("day", "week", "month")
GROUPINGS = (*PERIODS, "panel", "service")
_SCALE = 8  # exact integer sums in 10^-8 units while every charge has at most 8 decimals
_LIMIT = Decimal(10) ** 7  # ... and is below this (so charge * 10^8 stays exact as a double)
# COLLATE NOCASE: 3x cheaper per row than lower(); the parser strips the panel's status text
_REFUNDED = f"o.status COLLATE NOCASE IN ({','.join(repr(s) for s in REFUNDED_STATUSES)})"
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


def _units(value: object) -> Decimal:
    return Decimal(0) if value is None else Decimal(int(str(value))).scaleb(-_SCALE)


def _dec(value: object) -> Decimal:
    return Decimal(0) if value is None else Decimal(str(value))


class SpendStore(StoreBase):
    """Spend sums, order outcomes and open orders per panel."""

    # -- spend -------------------------------------------------------------------------------

    def spend_groups(self, by: str, since: float | None = None) -> list[SpendGroup]:
        """Placed orders summed per ``by`` (``GROUPINGS``), currency and panel.

        One pass sums integers of 10^-8 and notes, per group, the most decimals and the largest
        amount it met; a group beyond 8 decimals or 10^7 is summed again exactly (Decimal)."""
        if by not in KEY_SQL:
            raise ValueError(f"Cannot group spending by {by!r}: use one of {', '.join(GROUPINGS)}.")
        fast = self._spend_query(by, since, exact=False)
        if all(d <= _SCALE and big < _LIMIT for *_, d, big in fast):
            return [SpendGroup(str(k), c, p, n, _units(s), int(u or 0), _units(r), _units(rs))
                    for k, c, p, n, s, u, r, rs, _, _ in fast]  # fmt: skip
        rows = self._spend_query(by, since, exact=True)
        return [SpendGroup(str(k), c, p, n, _dec(s), int(u or 0), _dec(r), _dec(rs))
                for k, c, p, n, s, u, r, rs, _, _ in rows]  # fmt: skip

    def _spend_query(self, by: str, since: float | None, *, exact: bool) -> list[Any]:
        conn = self._conn()
        if exact:
            conn.create_aggregate("dsum", 1, _DecimalSum)  # type: ignore[arg-type]
            total = "dsum({})".format
        else:
            total = "sum(CAST(round({} * 100000000) AS INTEGER))".format
        spent = f"CASE WHEN {_REFUNDED} THEN 0 ELSE o.charge END"
        resale = f"CASE WHEN {_REFUNDED} THEN 0 ELSE r.price END"
        # decimals of a text like 12.345 (digits, without a point): an exponent counts as 99
        decimals = ("max(CASE WHEN instr({0}, 'E') + instr({0}, 'e') THEN 99 "
                    "ELSE length({0}) - instr({0}, '.') END)").format  # fmt: skip
        sql = (
            f"SELECT {KEY_SQL[by]} AS k, coalesce(o.currency, p.currency, '') AS cur, o.panel_id, "
            f"count(*), {total(spent)}, sum(o.charge IS NULL), {total(resale)}, "
            f"{total(f'CASE WHEN r.price IS NULL THEN NULL ELSE {spent} END')}, "
            f"max(coalesce({decimals('o.charge')}, 0), coalesce({decimals('r.price')}, 0)), "
            "max(coalesce(max(abs(o.charge)), 0), coalesce(max(abs(r.price)), 0)) "
            "FROM orders o JOIN panels p ON p.id = o.panel_id "
            "LEFT JOIN resale_prices r ON r.order_local_id = o.id "
            "WHERE o.state = 'placed' AND o.created_at >= ? GROUP BY k, cur, o.panel_id"
        )
        return conn.execute(sql, (since if since is not None else float("-inf"),)).fetchall()

    def outcome_counts(self, by: str, since: float | None = None) -> dict[str, dict[str, int]]:
        """Per period (``PERIODS``): how many placed orders ended completed, partial, canceled,
        refunded (Refunded, Failed, Rejected ...), or are still open."""
        if by not in PERIODS:
            raise ValueError(f"Not a period: {by!r}.")
        rows = self._conn().execute(
            f"SELECT {KEY_SQL[by]} AS k, lower(trim(coalesce(o.status, ''))), count(*) "
            "FROM orders o WHERE o.state = 'placed' AND o.created_at >= ? "
            "GROUP BY k, o.status COLLATE NOCASE",
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
            "SELECT panel_id, count(*) FROM orders o WHERE state = 'placed' AND (o.status IS NULL "
            f"OR o.status COLLATE NOCASE NOT IN ({','.join(repr(s) for s in final)})) "
            "GROUP BY panel_id"
        )
        return dict(rows.fetchall())
