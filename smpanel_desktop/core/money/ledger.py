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
    merged: dict[tuple[str, str], list[SpendGroup]] = {}
    for g in groups:
        merged.setdefault((g.key, g.currency), []).append(g)
    rows = []
    for (key, currency), parts in merged.items():
        profits = [p for g in parts if (p := _profit(g, markups.get(g.panel_id))) is not None]
        rows.append(
            LedgerRow(
                key,
                currency,
                sum((g.spent for g in parts), Decimal(0)),
                sum(g.orders for g in parts),
                sum(profits, Decimal(0)) if profits else None,
                sum(g.unpriced for g in parts),
            )
        )
    if by in PERIODS:
        rows.sort(key=lambda r: (r.key, r.currency))
    else:
        rows.sort(key=lambda r: (r.currency, -r.total, r.key))
    return rows


def spend(store: Store, by: str = "month", since: float | None = None) -> list[LedgerRow]:
    """The ledger rows (``by`` one of ``GROUPINGS``)."""
    markups = {p: m for p, (m, _) in store.panel_money().items()}
    return combine(store.spend_groups(by, since), markups, by)
