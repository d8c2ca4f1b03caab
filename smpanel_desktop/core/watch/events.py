"""Events to announce: orders that reached a final status, finished refills, orders that got
stuck, a balance below the panel's threshold, used or starred services repriced or removed.

``collect_events`` looks only at what the store already holds (refresh writes it), returns
the events not announced before and records them as announced in the store, so none is
announced twice, across restarts too.  Events of a kind switched off are recorded without
being returned (switching it on later does not bring a flood of old news).  Events from
before the panel was first watched are not announced.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from smpanel_desktop.core.watch.catalog_diff import changes_in_use
from smpanel_desktop.core.watch.stuck import stuck_orders
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

FINISHED, REFILL, STUCK, BALANCE, SERVICE = "finished", "refill", "stuck", "balance", "service"
KINDS = (FINISHED, REFILL, STUCK, BALANCE, SERVICE)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    key: str
    """Unique per panel: what the store records as announced."""
    subject: int | None = None
    """The panel's order id (orders, refills, stuck) or the service id (service)."""
    status: str = ""
    """The final status (finished, refill) or the change (``rate``, ``removed``)."""
    name: str = ""
    old: Any = None
    new: Any = None


def _since_key(panel_id: int) -> str:
    return f"watch.since.{panel_id}"


def _notify_key(kind: str) -> str:
    return f"watch.notify.{kind}"


def threshold_key(panel_id: int) -> str:
    return f"watch.balance_threshold.{panel_id}"


def enabled_kinds(store: Store) -> set[str]:
    """The kinds of notification switched on (all by default)."""
    return {k for k in KINDS if store.get_setting(_notify_key(k)) != "0"}


def set_kind_enabled(store: Store, kind: str, on: bool) -> None:
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of notification: {kind}")
    store.set_setting(_notify_key(kind), None if on else "0")


def balance_threshold(store: Store, panel_id: int) -> Decimal | None:
    """The panel's low-balance threshold, or None (no warning)."""
    text = store.get_setting(threshold_key(panel_id))
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def set_balance_threshold(store: Store, panel_id: int, amount: Decimal | None) -> None:
    store.set_setting(threshold_key(panel_id), None if amount is None else format(amount, "f"))


def _candidates(
    store: Store, panel: Panel, since: float, now: float, balance: Decimal | None,
    starred: Iterable[int],
) -> list[Event]:  # fmt: skip
    out = [
        Event(FINISHED, f"order:{f.key}", f.order, f.status)
        for f in store.finished_orders(panel.id, since)
    ]
    out += [
        Event(REFILL, f"refill:{f.key}:{f.status.casefold()}", f.order, f.status)
        for f in store.finished_refills(panel.id, since)
    ]
    out += [
        Event(STUCK, f"stuck:{s.order.id}:{int(s.since)}", s.order.order, s.order.status or "")
        for s in stuck_orders(store, panel.id, now=now)
    ]
    threshold = balance_threshold(store, panel.id)
    key = f"balance:{panel.id}"
    if balance is not None and threshold is not None:
        if balance < threshold:
            out.append(Event(BALANCE, key, None, "", panel.name, threshold, balance))
        else:
            store.forget_announced(panel.id, key)
    out += [
        Event(SERVICE, f"change:{c.id}", c.service, c.change, c.name, c.old, c.new)
        for c in changes_in_use(store, panel.id, since, starred)
    ]
    return out


def collect_events(
    store: Store,
    panel: Panel,
    *,
    balance: Decimal | None = None,
    starred: Iterable[int] = (),
    now: float | None = None,
) -> list[Event]:
    """The new events of the panel (see the module text); they are recorded as announced."""
    now = time.time() if now is None else now
    since_text = store.get_setting(_since_key(panel.id))
    if since_text is None:
        store.set_setting(_since_key(panel.id), repr(now))
        since = now
    else:
        since = float(since_text)
    found = _candidates(store, panel, since, now, balance, starred)
    seen = store.announced(panel.id, (e.key for e in found))
    new = list({e.key: e for e in found if e.key not in seen}.values())
    if new:
        store.mark_announced(panel.id, (e.key for e in new), now)
    enabled = enabled_kinds(store)
    return [e for e in new if e.kind in enabled]


def finished_counts(events: Sequence[Event]) -> Counter[str]:
    """Finished orders by status, spellings merged: ``{"completed": 12, "partial": 1}``."""
    counts: Counter[str] = Counter()
    for e in events:
        if e.kind == FINISHED:
            status = e.status.strip().casefold()
            counts["canceled" if status == "cancelled" else status] += 1
    return counts
