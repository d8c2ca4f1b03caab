"""What the Orders tab filters by: a status choice and a text, as plain values (``matching``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from smpanel_desktop.api.models import is_final_order_status, is_final_refill_status
from smpanel_desktop.core.search import fold
from smpanel_desktop.store.models import NOT_PLACED, PLACED, REJECTED, UNKNOWN, Refill, TrackedOrder
from smpanel_desktop.ui.watch.marks import FILTER_KEYS, WatchMarks
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

# (label shown, translated in "Orders"; key); key "" = all.
STATUS_CHOICES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Orders", "All orders"), ""),
    (QT_TRANSLATE_NOOP("Orders", "Open"), "open"),
    (QT_TRANSLATE_NOOP("Orders", "Pending"), "pending"),
    (QT_TRANSLATE_NOOP("Orders", "In progress"), "in progress"),
    (QT_TRANSLATE_NOOP("Orders", "Processing"), "processing"),
    (QT_TRANSLATE_NOOP("Orders", "Completed"), "completed"),
    (QT_TRANSLATE_NOOP("Orders", "Partial"), "partial"),
    (QT_TRANSLATE_NOOP("Orders", "Canceled"), "canceled"),
    (QT_TRANSLATE_NOOP("Orders", "Unknown outcome"), UNKNOWN),
    (QT_TRANSLATE_NOOP("Orders", "Rejected / not placed"), REJECTED),
    (QT_TRANSLATE_NOOP("Orders", "Can be refilled"), "watch:eligible"),  # ui/watch/marks.py
    (QT_TRANSLATE_NOOP("Orders", "Stuck"), "watch:stuck"),
)
_CANCELED = {"canceled", "cancelled"}
_LISTED = {key for _label, key in STATUS_CHOICES} | _CANCELED


def other_statuses(orders: Iterable[TrackedOrder]) -> list[str]:
    """Status texts of placed orders that STATUS_CHOICES does not list (panels invent their
    own: "Awaiting moderation", "Refunded"), one per spelling, sorted; offered as filters."""
    seen: dict[str, str] = {}
    for order in orders:
        status = (order.status or "").strip()
        key = status.lower()
        if order.state == PLACED and status and key not in _LISTED and key not in seen:
            seen[key] = status
    return sorted(seen.values(), key=str.casefold)


@dataclass(frozen=True, slots=True)
class OrderFilter:
    status: str = ""
    text: str = ""


def matches_status(order: TrackedOrder, key: str) -> bool:
    if key == UNKNOWN:
        return order.state == UNKNOWN
    if key == REJECTED:
        return order.state in (REJECTED, NOT_PLACED)
    if order.state != PLACED:
        return False
    if key == "open":
        return not is_final_order_status(order.status)
    status = (order.status or "").strip().lower()
    if key == "canceled":
        return status in _CANCELED
    return status == key


def matching(
    orders: Sequence[TrackedOrder],
    flt: OrderFilter,
    marks: WatchMarks,
    texts: Callable[[], Mapping[int, str]],
) -> Sequence[TrackedOrder]:
    """The orders ``flt`` lets through (by status, the watchers' ``marks`` or text), in their
    order; ``texts()``: what the text filter searches, by local id (asked only to search)."""
    rows = orders
    if flt.status in FILTER_KEYS:
        rows = [o for o in rows if marks.matches(o, flt.status)]
    elif flt.status:
        rows = [o for o in rows if matches_status(o, flt.status)]
    needle = fold(flt.text.strip())
    if needle:
        hay = texts()
        rows = [o for o in rows if needle in hay[o.id]]
    return rows


def open_work(orders: Iterable[TrackedOrder], refills: Iterable[Refill]) -> bool:
    """Anything worth polling: a placed order or an accepted refill not yet final."""
    return any(
        o.state == PLACED and o.order is not None and not is_final_order_status(o.status)
        for o in orders
    ) or any(r.refill is not None and not is_final_refill_status(r.status) for r in refills)
