"""How orders and refills progress on the sandbox clock, deterministically per id and seed.

* An order is ``Pending`` for its first 20-40 simulated seconds, then ``In progress``
  (``start_count`` set, ``remains`` falling linearly) for 1-15 minutes, then ``Completed`` —
  or, for about one order in six, ``Partial``: the undelivered part is refunded and the charge
  lowered.  Canceled while Pending: ``Canceled``, charge 0; canceled while In progress: what was
  delivered stays charged and the order ends ``Partial``.
* A refill is ``Pending`` 10-60 s, ``In progress`` up to 10 minutes more, then ``Completed`` or
  (one in five) ``Rejected``.

``ALL_FINAL_WITHIN`` simulated seconds after creation everything is final:
``panel.clock.advance(3600)`` finishes every order and refill.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ALL_FINAL_WITHIN = 3600.0
CENT_THOUSANDTHS = Decimal("0.00001")


@dataclass(frozen=True, slots=True)
class Order:
    """One order as the panel sees it now (a snapshot; ``status`` is computed from the clock)."""

    id: int
    service: int
    service_type: str
    link: str
    quantity: int
    """Units in total (quantity × runs for drip-feed)."""
    params: dict[str, str]
    charge: Decimal
    status: str
    start_count: int
    remains: int
    created: float


@dataclass(frozen=True, slots=True)
class Refill:
    id: int
    order: int
    status: str
    created: float


@dataclass(frozen=True, slots=True)
class Plan:
    """How an order will go, drawn from (seed, order id): the same order always goes the same."""

    pending: float
    run: float
    start_count: int
    delivered: int


@dataclass(slots=True)
class OrderRecord:
    """What the panel stores about an order (mutable: cancel and refunds change it)."""

    id: int
    service: int
    service_type: str
    link: str
    quantity: int
    params: dict[str, str]
    charge: Decimal
    created: float
    plan: Plan
    canceled: bool = False
    canceled_at: float | None = None
    refunded: Decimal = Decimal(0)


def order_plan(seed: int, order_id: int, quantity: int) -> Plan:
    rng = random.Random(f"order:{seed}:{order_id}")
    pending = rng.uniform(20, 40)
    partial = rng.random() < 0.16 and quantity > 1
    run = rng.uniform(60, 900)
    start_count = rng.randint(0, 25000)
    delivered = rng.randint(quantity // 3, quantity - 1) if partial else quantity
    return Plan(pending, run, start_count, delivered)


def final_time(rec: OrderRecord) -> float:
    return rec.created + rec.plan.pending + rec.plan.run


def delivered(rec: OrderRecord, now: float) -> int:
    plan = rec.plan
    frac = min(1.0, max(0.0, (now - rec.created - plan.pending) / plan.run))
    return min(int(plan.delivered * frac), plan.delivered)


def share(charge: Decimal, part: int, whole: int) -> Decimal:
    """``charge * part / whole`` to 5 decimals, as panels show money (never more than charge)."""
    return min(charge, (charge * part / whole).quantize(CENT_THOUSANDTHS, ROUND_HALF_UP))


def partial_charge(rec: OrderRecord) -> Decimal:
    """What a Partial order finally costs: the delivered share of its charge."""
    return share(rec.charge, rec.plan.delivered, rec.quantity)


def view(rec: OrderRecord, now: float) -> Order:
    plan = rec.plan
    elapsed = now - rec.created
    qty = rec.quantity
    charge = rec.charge - rec.refunded
    if rec.canceled:
        status, start, remains = "Canceled", plan.start_count, qty
        if rec.refunded < rec.charge:  # canceled while running: what was delivered stays
            status = "Partial"
            remains = qty - delivered(rec, rec.canceled_at or now)
    elif elapsed < plan.pending:
        status, start, remains = "Pending", 0, qty
    elif elapsed < plan.pending + plan.run:
        status, start, remains = "In progress", plan.start_count, qty - delivered(rec, now)
    else:
        start = plan.start_count
        remains = qty - plan.delivered
        status = "Partial" if remains else "Completed"
        if remains and rec.refunded == 0:  # not settled yet: show the final charge anyway
            charge = partial_charge(rec)
    return Order(rec.id, rec.service, rec.service_type, rec.link, qty, dict(rec.params),
                 charge, status, start, remains, rec.created)  # fmt: skip


def refill_status(seed: int, refill_id: int, elapsed: float) -> str:
    rng = random.Random(f"refill:{seed}:{refill_id}")
    pending = rng.uniform(10, 60)
    done = pending + rng.uniform(30, 600)
    final = "Rejected" if rng.random() < 0.2 else "Completed"
    return "Pending" if elapsed < pending else "In progress" if elapsed < done else final
