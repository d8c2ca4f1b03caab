"""The sandbox panel's state: a controllable clock, orders, refills and the balance.

Statuses are computed from the clock, deterministically per order id (and the seed):

* an order is ``Pending`` for its first 20-40 simulated seconds, then ``In progress``
  (``start_count`` set, ``remains`` falling linearly) for 1-15 minutes, then ``Completed`` —
  or, for about one order in six, ``Partial``: the undelivered part is refunded and the charge
  lowered.  ``clock.advance(3600)`` makes every order final.
* a refill is ``Pending`` 10-60 s, ``In progress`` up to 10 minutes more, then ``Completed``
  or (one in five) ``Rejected``.

Everything is guarded by one lock; ``state_file`` (if given) is rewritten atomically after each
change so demo orders survive a restart.
"""

from __future__ import annotations

import contextlib
import heapq
import json
import os
import random
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ALL_FINAL_WITHIN = 3600.0
"""Simulated seconds after which every order and refill has reached a final status."""


class SimClock:
    """Simulated epoch seconds: real time times ``time_scale`` plus what ``advance`` added."""

    def __init__(self, time_scale: float = 1.0, start: float | None = None) -> None:
        self.time_scale = float(time_scale)
        self._lock = threading.Lock()
        self._base = time.time() if start is None else float(start)
        self._mono = time.monotonic()
        self._offset = 0.0

    def now(self) -> float:
        with self._lock:
            return self._base + (time.monotonic() - self._mono) * self.time_scale + self._offset

    def advance(self, seconds: float) -> float:
        """Move simulated time forward (never back); returns the new ``now()``."""
        with self._lock:
            self._offset += max(0.0, float(seconds))
        return self.now()


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


@dataclass(slots=True)
class _OrderRecord:
    id: int
    service: int
    service_type: str
    link: str
    quantity: int
    params: dict[str, str]
    charge: Decimal
    created: float
    canceled: bool = False
    canceled_at: float | None = None
    refunded: Decimal = Decimal(0)
    plan: _Plan = field(default_factory=lambda: _Plan(0.0, 1.0, 0, 0))


@dataclass(frozen=True, slots=True)
class _Plan:
    """How an order will go, drawn from (seed, order id): the same order always goes the same."""

    pending: float
    run: float
    start_count: int
    delivered: int


def _order_plan(seed: int, order_id: int, quantity: int) -> _Plan:
    rng = random.Random(f"order:{seed}:{order_id}")
    pending = rng.uniform(20, 40)
    partial = rng.random() < 0.16 and quantity > 1
    run = rng.uniform(60, 900)
    start_count = rng.randint(0, 25000)
    delivered = rng.randint(quantity // 3, quantity - 1) if partial else quantity
    return _Plan(pending, run, start_count, delivered)


def _refill_plan(seed: int, refill_id: int) -> tuple[float, float, str]:
    rng = random.Random(f"refill:{seed}:{refill_id}")
    pending = rng.uniform(10, 60)
    return (
        pending,
        pending + rng.uniform(30, 600),
        "Rejected" if rng.random() < 0.2 else "Completed",
    )


class PanelState:
    """Orders, refills and balance; all methods are thread-safe."""

    def __init__(
        self,
        clock: SimClock,
        *,
        seed: int = 1,
        balance: Decimal = Decimal("1000"),
        first_order_id: int = 23501,
        state_file: str | os.PathLike[str] | None = None,
    ) -> None:
        self.clock = clock
        self.seed = seed
        self.lock = threading.RLock()
        self._balance = Decimal(balance)
        self._orders: dict[int, _OrderRecord] = {}
        self._refills: dict[int, tuple[int, float]] = {}  # id -> (order, created)
        self._next_order = first_order_id
        self._next_refill = 1
        self._settle: list[tuple[float, int]] = []  # (when Partial, order id): refund pending
        self.state_file = Path(state_file) if state_file else None
        self._deferred = 0
        self._dirty = False
        if self.state_file and self.state_file.exists():
            self._load()

    # -- balance --------------------------------------------------------------------------
    @property
    def balance(self) -> Decimal:
        with self.lock:
            self.settle()
            return self._balance

    def set_balance(self, amount: Decimal) -> None:
        with self.lock:
            self._balance = Decimal(amount)
            self.save()

    # -- orders ---------------------------------------------------------------------------
    def create_order(
        self,
        service: int,
        stype: str,
        link: str,
        quantity: int,
        params: dict[str, str],
        charge: Decimal,
    ) -> int:
        """Charge and record a new order (the caller checked the balance under ``lock``)."""
        with self.lock:
            oid = self._next_order
            self._next_order += 1
            rec = _OrderRecord(
                oid, service, stype, link, quantity, dict(params), charge, self.clock.now()
            )
            rec.plan = _order_plan(self.seed, oid, quantity)
            self._orders[oid] = rec
            self._balance -= charge
            if rec.plan.delivered < quantity:
                heapq.heappush(self._settle, (self._final_time(rec), oid))
            self.save()
            return oid

    def order_count(self) -> int:
        with self.lock:
            return len(self._orders)

    def order(self, order_id: int) -> Order | None:
        with self.lock:
            self.settle()
            rec = self._orders.get(order_id)
            return None if rec is None else self._view(rec, self.clock.now())

    def orders(self) -> dict[int, Order]:
        with self.lock:
            self.settle()
            now = self.clock.now()
            return {oid: self._view(rec, now) for oid, rec in self._orders.items()}

    def service_of(self, order_id: int) -> int | None:
        with self.lock:
            rec = self._orders.get(order_id)
            return None if rec is None else rec.service

    @staticmethod
    def _final_time(rec: _OrderRecord) -> float:
        return rec.created + rec.plan.pending + rec.plan.run

    def _view(self, rec: _OrderRecord, now: float) -> Order:
        plan = rec.plan
        elapsed = now - rec.created
        qty = rec.quantity
        charge = rec.charge - rec.refunded
        if rec.canceled:
            status, start, remains = "Canceled", plan.start_count, qty
            if rec.refunded < rec.charge:  # canceled while running: what was delivered stays
                status = "Partial"
                remains = qty - self._delivered(rec, rec.canceled_at or now)
        elif elapsed < plan.pending:
            status, start, remains = "Pending", 0, qty
        elif elapsed < plan.pending + plan.run:
            status, start, remains = (
                "In progress",
                plan.start_count,
                qty - self._delivered(rec, now),
            )
        else:
            start = plan.start_count
            remains = qty - plan.delivered
            status = "Partial" if remains else "Completed"
            if remains and rec.refunded == 0:
                charge = self._partial_charge(rec)
        return Order(rec.id, rec.service, rec.service_type, rec.link, qty, dict(rec.params),
                     charge, status, start, remains, rec.created)  # fmt: skip

    @staticmethod
    def _delivered(rec: _OrderRecord, now: float) -> int:
        plan = rec.plan
        frac = (now - rec.created - plan.pending) / plan.run
        frac = min(1.0, max(0.0, frac))
        return min(int(plan.delivered * frac), plan.delivered)

    @staticmethod
    def _partial_charge(rec: _OrderRecord) -> Decimal:
        return rec.charge * rec.plan.delivered / rec.quantity

    def settle(self) -> None:
        """Refund the undelivered part of orders that turned Partial by now."""
        with self.lock:
            now = self.clock.now()
            changed = False
            while self._settle and self._settle[0][0] <= now:
                _, oid = heapq.heappop(self._settle)
                rec = self._orders[oid]
                if rec.canceled or rec.refunded:
                    continue
                refund = rec.charge - self._partial_charge(rec)
                rec.refunded = refund
                self._balance += refund
                changed = True
            if changed:
                self.save()

    def cancel(self, order_id: int) -> str | None:
        """Cancel an open order; returns an error text or None.  Pending: full refund;
        In progress: the undelivered part is refunded and the order ends Partial."""
        with self.lock:
            view = self.order(order_id)
            rec = self._orders.get(order_id)
            if view is None or rec is None:
                return "Incorrect order ID"
            if view.status not in ("Pending", "In progress"):
                return "The order cannot be canceled"
            now = self.clock.now()
            delivered = self._delivered(rec, now) if view.status == "In progress" else 0
            refund = rec.charge * (rec.quantity - delivered) / rec.quantity
            rec.canceled, rec.canceled_at = True, now
            rec.refunded = refund
            self._balance += refund
            self.save()
            return None

    # -- refills --------------------------------------------------------------------------
    def create_refill(self, order_id: int) -> int:
        with self.lock:
            rid = self._next_refill
            self._next_refill += 1
            self._refills[rid] = (order_id, self.clock.now())
            self.save()
            return rid

    def last_refill_time(self, order_id: int) -> float | None:
        with self.lock:
            times = [t for o, t in self._refills.values() if o == order_id]
            return max(times) if times else None

    def refill(self, refill_id: int) -> Refill | None:
        with self.lock:
            item = self._refills.get(refill_id)
            if item is None:
                return None
            order_id, created = item
            pending, done, final = _refill_plan(self.seed, refill_id)
            elapsed = self.clock.now() - created
            status = "Pending" if elapsed < pending else "In progress" if elapsed < done else final
            return Refill(refill_id, order_id, status, created)

    def refills(self) -> dict[int, Refill]:
        with self.lock:
            return {rid: r for rid in self._refills if (r := self.refill(rid)) is not None}

    # -- persistence ----------------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Hold the lock and write the state file once at the end, not after each change."""
        with self.lock:
            self._deferred += 1
            try:
                yield
            finally:
                self._deferred -= 1
                if not self._deferred and self._dirty:
                    self.save()

    def save(self) -> None:
        if self.state_file is None:
            return
        with self.lock:
            if self._deferred:
                self._dirty = True
                return
            self._dirty = False
            data = {
                "version": 1,
                "balance": str(self._balance),
                "clock_now": self.clock.now(),
                "saved_at": time.time(),
                "next_order": self._next_order,
                "next_refill": self._next_refill,
                "orders": [
                    {
                        "id": r.id,
                        "service": r.service,
                        "type": r.service_type,
                        "link": r.link,
                        "quantity": r.quantity,
                        "params": r.params,
                        "charge": str(r.charge),
                        "created": r.created,
                        "canceled": r.canceled,
                        "canceled_at": r.canceled_at,
                        "refunded": str(r.refunded),
                    }
                    for r in self._orders.values()
                ],
                "refills": [[rid, o, t] for rid, (o, t) in self._refills.items()],
            }
            path = self.state_file
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise

    def _load(self) -> None:
        assert self.state_file is not None
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # an unreadable state file: start afresh (it is rewritten on the next change)
        scale = self.clock.time_scale
        resumed = float(data["clock_now"]) + max(0.0, time.time() - float(data["saved_at"])) * scale
        self.clock.advance(max(0.0, resumed - self.clock.now()))
        self._balance = Decimal(data["balance"])
        self._next_order = int(data["next_order"])
        self._next_refill = int(data["next_refill"])
        for o in data["orders"]:
            rec = _OrderRecord(int(o["id"]), int(o["service"]), o["type"], o["link"],
                               int(o["quantity"]), dict(o["params"]), Decimal(o["charge"]),
                               float(o["created"]), bool(o["canceled"]), o["canceled_at"],
                               Decimal(o["refunded"]))  # fmt: skip
            rec.plan = _order_plan(self.seed, rec.id, rec.quantity)
            self._orders[rec.id] = rec
            if rec.plan.delivered < rec.quantity and not rec.canceled and not rec.refunded:
                heapq.heappush(self._settle, (self._final_time(rec), rec.id))
        for rid, order_id, created in data["refills"]:
            self._refills[int(rid)] = (int(order_id), float(created))


__all__ = ["ALL_FINAL_WITHIN", "Order", "PanelState", "Refill", "SimClock"]
