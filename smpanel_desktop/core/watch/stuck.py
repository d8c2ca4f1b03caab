"""Stuck orders: open orders whose remains (and status) have not moved for a set time.

When remains last moved is kept by the store (a trigger on every status write, see
store/watch.py); an order never seen moving counts from when it was placed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from smpanel_desktop.api.models import is_final_order_status
from smpanel_desktop.store.models import PLACED, TrackedOrder
from smpanel_desktop.store.store import Store

STUCK_AFTER = 6 * 3600.0
"""Default: seconds without movement before an open order counts as stuck."""
STUCK_SETTING = "watch.stuck_hours"
"""Store setting: hours without movement (a number; default 6)."""


@dataclass(frozen=True, slots=True)
class Stuck:
    order: TrackedOrder
    since: float
    """When its remains or status last moved (or when it was placed)."""


def stuck_after(store: Store) -> float:
    """The set time in seconds (setting ``watch.stuck_hours``, default 6 h)."""
    text = store.get_setting(STUCK_SETTING)
    try:
        hours = float(text) if text else STUCK_AFTER / 3600
    except ValueError:
        hours = STUCK_AFTER / 3600
    return max(hours, 0.1) * 3600


def is_open(order: TrackedOrder) -> bool:
    return (
        order.state == PLACED
        and order.order is not None
        and not is_final_order_status(order.status)
    )


def stuck_orders(
    store: Store,
    panel_id: int,
    *,
    now: float | None = None,
    after: float | None = None,
    orders: Sequence[TrackedOrder] | None = None,
) -> list[Stuck]:
    """The panel's open orders that have not moved for ``after`` seconds, newest first;
    ``orders``: the panel's orders already read, newest first (else its open ones are read)."""
    now = time.time() if now is None else now
    limit = stuck_after(store) if after is None else after
    moved = store.progress_times(panel_id)
    out = []
    candidates = store.open_orders(panel_id) if orders is None else filter(is_open, orders)
    for order in candidates:
        since = moved.get(order.id, order.created_at)
        if now - since >= limit:
            out.append(Stuck(order, since))
    return out


def stuck_counts(store: Store, *, now: float | None = None) -> dict[int, int]:
    """Per panel: how many orders ``stuck_orders`` lists (one query for every panel)."""
    now = time.time() if now is None else now
    rows = store.unmoved_open_orders(now - stuck_after(store))
    counts: dict[int, int] = {}
    for panel_id, status, n in rows:
        if not is_final_order_status(status):
            counts[panel_id] = counts.get(panel_id, 0) + n
    return counts
