"""The spend ledger: what the tracked orders cost, by day, week, month, panel or service and
currency, with profit where a resale price or a panel's default markup is known.

Totals come from the store's exact sums (store/money/spend.py): a placed order costs what the panel
charged, a Canceled or Refunded one nothing, a Partial one its lowered charge.  Profit of an
order = its resale price - its cost; without a resale price, cost x the panel's markup %.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from smpanel_desktop.store.money.spend import PERIODS, SpendGroup
from smpanel_desktop.store.store import Store


@dataclass(frozen=True, slots=True)
class LedgerRow:
    key: str
    """A day (2026-12-01), the Monday of a week, a month (2026-12), a panel or a service."""
    currency: str
    total: Decimal
    orders: int
    profit: Decimal | None = None
    """None when no order of the row has a resale price or a markup."""
    unpriced: int = 0
    """Orders whose charge is not known yet (never refreshed), counted as 0."""


def parse_since(text: str) -> float:
    """``YYYY-MM-DD`` -> that day's local midnight (epoch seconds); ``ValueError`` otherwise."""
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d")
    except ValueError:
        raise ValueError(f"Not a date (YYYY-MM-DD): {text!r}.") from None
    return time.mktime(day.timetuple())


def _profit(group: SpendGroup, markup: Decimal | None) -> Decimal | None:
    parts: list[Decimal] = []
    if group.resale_spent or group.resale:
        parts.append(group.resale - group.resale_spent)
    rest = group.spent - group.resale_spent
    if markup is not None and rest:
        parts.append(rest * markup / 100)
    return sum(parts, Decimal(0)) if parts else None


def combine(
    groups: Iterable[SpendGroup], markups: Mapping[int, Decimal | None], by: str
) -> list[LedgerRow]:
    """Merge the per-panel groups into rows per (key, currency): periods in time order, panels
    and services by total, largest first."""
    merged: dict[tuple[str, str], list[Any]] = {}  # total, orders, profit or None, unpriced
    for g in groups:
        sums = merged.get((g.key, g.currency))
        if sums is None:
            sums = merged[(g.key, g.currency)] = [Decimal(0), 0, None, 0]
        sums[0] += g.spent
        sums[1] += g.orders
        sums[3] += g.unpriced
        if (markup := markups.get(g.panel_id)) is not None or g.resale_spent or g.resale:
            profit = _profit(g, markup)
            if profit is not None:
                sums[2] = profit if sums[2] is None else sums[2] + profit
    rows = [LedgerRow(key, cur, *sums) for (key, cur), sums in merged.items()]
    if by in PERIODS:
        rows.sort(key=lambda r: (r.key, r.currency))
    else:
        rows.sort(key=lambda r: (r.currency, -r.total, r.key))
    return rows


def spend(store: Store, by: str = "month", since: float | None = None) -> list[LedgerRow]:
    """The ledger rows (``by`` one of ``GROUPINGS``)."""
    markups = {p: m for p, (m, _) in store.panel_money().items()}
    apart = [p for p, m in markups.items() if m is not None]  # profit needs their own sums
    return combine(store.spend_groups(by, since, apart=apart), markups, by)
