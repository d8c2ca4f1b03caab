"""Typed, immutable values the client returns.  Money is Decimal, counts are int."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .dialects import FINAL_ORDER_STATUSES, FINAL_REFILL_STATUSES

UNLIMITED = 2147483647
"""``max`` value panels use for "no upper limit"."""


def is_final_order_status(status: str | None) -> bool:
    """True for the final statuses of every engine (Completed, Partial, Canceled/Cancelled,
    Refunded, Failed, Error, Rejected ... in any case; dialects.py); unknown texts stay open."""
    return bool(status) and status.strip().lower() in FINAL_ORDER_STATUSES  # type: ignore[union-attr]


def is_final_refill_status(status: str | None) -> bool:
    return bool(status) and status.strip().lower() in FINAL_REFILL_STATUSES  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Service:
    id: int
    name: str
    type: str
    category: str
    rate: Decimal
    """Price per 1000 units in the panel's currency."""
    min: int
    max: int
    refill: bool = False
    cancel: bool = False
    dripfeed: bool = False
    description: str = ""

    @property
    def unlimited(self) -> bool:
        return self.max >= UNLIMITED


@dataclass(frozen=True, slots=True)
class OrderStatus:
    order: int
    status: str
    """As the panel spelt it (``In progress``, ``Cancelled``, or an unknown text)."""
    charge: Decimal | None = None
    start_count: int | None = None
    remains: int | None = None
    currency: str | None = None
    runs: int | None = None
    """A drip-feed parent's runs as the panel reports them (None for a plain order)."""
    children: tuple[int, ...] = ()
    """A drip-feed parent's child orders (one per run started so far), as the panel lists them."""

    @property
    def is_final(self) -> bool:
        return is_final_order_status(self.status)


@dataclass(frozen=True, slots=True)
class Balance:
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class RefillResult:
    order: int
    refill: int | None
    """The refill id, or None when ``error`` is set."""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class RefillStatus:
    refill: int
    status: str | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CancelResult:
    order: int
    accepted: bool
    """``cancel: 1``: the request was accepted, not that the order is cancelled."""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class StatusResult:
    """One entry of a multi-status answer: a status, or the panel's per-item error."""

    order: int
    status: OrderStatus | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Catalog:
    services: tuple[Service, ...]
    skipped: int = 0
    """Records that could not be parsed at all (no usable id) and were left out."""
