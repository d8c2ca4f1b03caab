"""What the Orders tab filters by: a status choice and a text, as plain values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smpanel_desktop.api.models import is_final_order_status
from smpanel_desktop.store.models import NOT_PLACED, PLACED, REJECTED, UNKNOWN, TrackedOrder

# (label shown, key); key "" = all.
STATUS_CHOICES: tuple[tuple[str, str], ...] = (
    ("All orders", ""),
    ("Open", "open"),
    ("Pending", "pending"),
    ("In progress", "in progress"),
    ("Processing", "processing"),
    ("Completed", "completed"),
    ("Partial", "partial"),
    ("Canceled", "canceled"),
    ("Unknown outcome", UNKNOWN),
    ("Rejected / not placed", REJECTED),
    ("Can be refilled", "watch:eligible"),  # ui/watch/marks.py
    ("Stuck", "watch:stuck"),
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
