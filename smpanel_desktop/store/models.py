"""Rows of the local store, as immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# Local states of an order (what we know about our own request, not the panel's status).
SUBMITTING = "submitting"  # row written, `add` about to be sent or in flight
PLACED = "placed"  # the panel answered with an order id
UNKNOWN = "unknown"  # sent, answer lost: may have been placed and charged; the user reconciles
REJECTED = "rejected"  # the panel answered with an error: nothing was placed
NOT_PLACED = "not_placed"  # an unknown order the user confirmed was never placed
ORDER_STATES = (SUBMITTING, PLACED, UNKNOWN, REJECTED, NOT_PLACED)


@dataclass(frozen=True, slots=True)
class Panel:
    id: int
    name: str
    endpoint: str
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class TrackedOrder:
    id: int
    """Local row id."""
    panel_id: int
    order: int | None
    """The panel's order id; None until placed (or when unknown / rejected)."""
    service_id: int
    service_name: str
    service_type: str
    params: dict[str, Any] = field(hash=False, compare=True)
    """Every field submitted with `add` (besides key, action and service)."""
    link: str = ""
    quantity: int | None = None
    runs: int | None = None
    charge: Decimal | None = None
    currency: str | None = None
    status: str | None = None
    """The panel's status text as given (None before the first check)."""
    state: str = PLACED
    start_count: int | None = None
    remains: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    last_checked_at: float | None = None
    last_error: str | None = None


# Most orders were placed with just their link and quantity: ``params`` is then
# ``{"link": link, "quantity": "N"}``, the order's own link and quantity over again, and a dict
# of its own costs ~200 bytes (20 MB for 100,000 orders).  The store's reads (rows.py) keep one
# of these markers instead, and ``params`` builds the equal dict when it is read: the same keys
# in the same order, the link the very ``link`` string, the quantity as text or as a number as
# it was recorded.  Any other ``params`` is kept as it was read.
PARAMS_QUANTITY_TEXT: Any = object()
"""``params`` is ``{"link": link, "quantity": str(quantity)}``."""
PARAMS_QUANTITY_NUMBER: Any = object()
"""``params`` is ``{"link": link, "quantity": quantity}``."""

_params_slot = TrackedOrder.__dict__["params"]


def _params(order: TrackedOrder) -> dict[str, Any]:
    value = _params_slot.__get__(order, TrackedOrder)
    if value is PARAMS_QUANTITY_TEXT:
        return {"link": order.link, "quantity": str(order.quantity)}
    if value is PARAMS_QUANTITY_NUMBER:
        return {"link": order.link, "quantity": order.quantity}
    return value  # type: ignore[no-any-return]


TrackedOrder.params = property(_params, _params_slot.__set__)  # type: ignore[assignment,misc]


@dataclass(frozen=True, slots=True)
class Refill:
    id: int
    """Local row id."""
    order_local_id: int
    refill: int | None
    """The panel's refill id."""
    status: str | None
    created_at: float
    updated_at: float
    last_error: str | None = None
    last_checked_at: float | None = None


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One row of an order's status history (``old_status`` is None for the first status)."""

    order_local_id: int
    old_status: str | None
    new_status: str | None
    changed_at: float
