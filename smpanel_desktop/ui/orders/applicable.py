"""Which of the selected orders an action of the Orders tab applies to."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QUrl

from smpanel_desktop.api.models import Service, is_final_order_status
from smpanel_desktop.store.models import PLACED, SUBMITTING, UNKNOWN, TrackedOrder


def _service_allows(order: TrackedOrder, services: Mapping[int, Service], flag: str) -> bool:
    service = services.get(order.service_id)
    return service is None or bool(getattr(service, flag))  # unknown: let the panel say


def refillable(orders: list[TrackedOrder], services: Mapping[int, Service]) -> list[TrackedOrder]:
    """Placed orders whose service allows a refill (or is not in the catalog)."""
    return [
        o
        for o in orders
        if o.state == PLACED and o.order is not None and _service_allows(o, services, "refill")
    ]


def cancellable(orders: list[TrackedOrder], services: Mapping[int, Service]) -> list[TrackedOrder]:
    """Placed, not yet final orders whose service allows cancelling (or is not in the catalog)."""
    return [
        o
        for o in orders
        if o.state == PLACED
        and o.order is not None
        and not is_final_order_status(o.status)
        and _service_allows(o, services, "cancel")
    ]


def single_unknown(orders: list[TrackedOrder]) -> TrackedOrder | None:
    """The one selected order when it is an unknown outcome (Resolve works on one at a time)."""
    return orders[0] if len(orders) == 1 and orders[0].state == UNKNOWN else None


def reorderable(order: TrackedOrder) -> bool:
    """A known service, and not an order that may still exist (resolve that one first)."""
    return order.service_id > 0 and order.state not in (UNKNOWN, SUBMITTING)


def link_url(link: str) -> QUrl | None:
    """The link as a web address to open, or None when it is not one."""
    if not link or link.startswith("@") or any(ch.isspace() for ch in link):
        return None
    url = QUrl.fromUserInput(link)
    return url if url.isValid() and url.scheme() in ("http", "https") and url.host() else None
