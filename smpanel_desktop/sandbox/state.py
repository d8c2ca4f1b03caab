"""The sandbox panel's state: orders, refills and the balance, on the sandbox clock.

Statuses come from ``lifecycle``; everything here is guarded by one lock.  With a
``state_file`` the state is rewritten atomically after each change (``statefile``) and read back
on start, so demo orders survive an app restart.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from . import lifecycle, statefile
from .clock import SimClock
from .lifecycle import Order, OrderRecord, Refill


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
        self._orders: dict[int, OrderRecord] = {}
        self._refills: dict[int, tuple[int, float]] = {}  # id -> (order, created)
        self._next_order = first_order_id
        self._next_refill = 1
        self._settle: list[tuple[float, int]] = []  # (when Partial, order id): refund pending
        self.state_file = Path(state_file) if state_file else None
        self._deferred = 0
        self._dirty = False
        if self.state_file is not None:
            self._restore(statefile.read(self.state_file, seed, clock.time_scale))

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
        self, service: int, stype: str, link: str, quantity: int, params: dict[str, str],
        charge: Decimal,
    ) -> int:  # fmt: skip
        """Charge and record a new order (the caller checked the balance under ``lock``)."""
        with self.lock:
            oid = self._next_order
            self._next_order += 1
            plan = lifecycle.order_plan(self.seed, oid, quantity)
            rec = OrderRecord(oid, service, stype, link, quantity, dict(params), charge,
                              self.clock.now(), plan)  # fmt: skip
            self._add(rec)
            self._balance -= charge
            self.save()
            return oid

    def _add(self, rec: OrderRecord) -> None:
        self._orders[rec.id] = rec
        if rec.plan.delivered < rec.quantity and not rec.canceled and not rec.refunded:
            heapq.heappush(self._settle, (lifecycle.final_time(rec), rec.id))

    def order_count(self) -> int:
        with self.lock:
            return len(self._orders)

    def order(self, order_id: int) -> Order | None:
        with self.lock:
            self.settle()
            rec = self._orders.get(order_id)
            return None if rec is None else lifecycle.view(rec, self.clock.now())

    def orders(self) -> dict[int, Order]:
        with self.lock:
            self.settle()
            now = self.clock.now()
            return {oid: lifecycle.view(rec, now) for oid, rec in self._orders.items()}

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
                rec.refunded = rec.charge - lifecycle.partial_charge(rec)
                self._balance += rec.refunded
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
            done = lifecycle.delivered(rec, now) if view.status == "In progress" else 0
            rec.refunded = rec.charge - lifecycle.share(rec.charge, done, rec.quantity)
            rec.canceled, rec.canceled_at = True, now
            self._balance += rec.refunded
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
            elapsed = self.clock.now() - created
            status = lifecycle.refill_status(self.seed, refill_id, elapsed)
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
            statefile.write(
                self.state_file, self.clock.now(), self._balance, self._next_order,
                self._next_refill, self._orders.values(), self._refills,
            )  # fmt: skip

    def _restore(self, saved: statefile.Saved | None) -> None:
        if saved is None:
            return
        self.clock.advance(saved.clock_now - self.clock.now())
        self._balance = saved.balance
        self._next_order, self._next_refill = saved.next_order, saved.next_refill
        for rec in saved.orders:
            self._add(rec)
        self._refills.update(saved.refills)
