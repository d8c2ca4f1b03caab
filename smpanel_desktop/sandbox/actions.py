"""The API v2 actions of the sandbox panel: request params in, JSON-able answer out.

Error texts follow docs/protocol.md (``add`` checks live in ``validation``).  Where the
reference is silent the sandbox says (these texts are its own):

* cancel of a final order: ``The order cannot be canceled``; of a service without cancel:
  ``Cancel is disabled for this service``.
* refill again within 24 simulated hours: the reference's "The order was completed or refill
  was requested less than 24 hours ago".
* more than 100 ids in one multi request: ``Incorrect request``.
* Quirks on purpose: every 4th order id comes back as a string from ``add``; ``status`` gives
  ``start_count``/``remains`` as numbers for every 3rd order id and as strings otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .catalog import ServiceSpec
from .state import PanelState
from .validation import INT_RE, Reject, plan_order

Answer = Any
REFILL_COOLDOWN = 24 * 3600.0


def err(text: str) -> dict[str, str]:
    return {"error": text}


def money(value: Decimal) -> str:
    """``Decimal("1000")`` -> ``"1000.00"``, ``Decimal("0.000135")`` -> ``"0.000135"``."""
    text = format(value.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


class Actions:
    """Dispatches an action with its params (key already checked) to an answer."""

    def __init__(self, specs: Mapping[int, ServiceSpec], state: PanelState, currency: str,
                 services_body: Callable[[], bytes]) -> None:  # fmt: skip
        self.specs = specs
        self.state = state
        self.currency = currency
        self.services_body = services_body

    def run(self, action: str, p: Mapping[str, str]) -> Answer:
        handler = getattr(self, f"do_{action}", None) if action.isidentifier() else None
        if handler is None:
            return err("Incorrect action")
        try:
            return handler(p)
        except Reject as exc:
            return err(str(exc))

    @staticmethod
    def _ids(value: str) -> list[str]:
        ids = [x.strip() for x in value.split(",") if x.strip()]
        if not ids or len(ids) > 100:
            raise Reject("Incorrect request")
        return ids

    @staticmethod
    def _id(value: str) -> int | None:
        return int(value) if INT_RE.match(value) else None

    def do_services(self, p: Mapping[str, str]) -> bytes:
        return self.services_body()

    def do_balance(self, p: Mapping[str, str]) -> Answer:
        return {"balance": money(self.state.balance), "currency": self.currency}

    def do_add(self, p: Mapping[str, str]) -> Answer:
        sid = self._id(p.get("service", ""))
        if not p.get("service", "").strip():
            raise Reject("Incorrect request")
        spec = self.specs.get(sid) if sid is not None else None
        if spec is None:
            raise Reject("Incorrect service ID")
        link, quantity, charge = plan_order(spec, p)
        with self.state.lock:
            if charge > self.state.balance:
                raise Reject("Not enough funds on balance")
            params = {k: v for k, v in p.items() if k not in ("key", "action")}
            oid = self.state.create_order(spec.id, spec.type, link, quantity, params, charge)
        return {"order": str(oid) if oid % 4 == 0 else oid}

    def _status(self, oid: int | None) -> Answer:
        order = self.state.order(oid) if oid is not None else None
        if order is None:
            return err("Incorrect order ID")
        as_int = order.id % 3 == 0  # some panels send the counts as numbers
        return {
            "charge": money(order.charge),
            "start_count": order.start_count if as_int else str(order.start_count),
            "status": order.status,
            "remains": order.remains if as_int else str(order.remains),
            "currency": self.currency,
        }

    def do_status(self, p: Mapping[str, str]) -> Answer:
        if p.get("orders", "").strip():
            return {x: self._status(self._id(x)) for x in self._ids(p["orders"])}
        if not p.get("order", "").strip():
            raise Reject("Incorrect request")
        return self._status(self._id(p["order"]))

    def _refill_one(self, oid: int | None) -> int:
        order = self.state.order(oid) if oid is not None else None
        if order is None:
            raise Reject("Incorrect order ID")
        spec = self.specs.get(order.service)
        if spec is None or not spec.refill_works:
            raise Reject("Refill is disabled for this service")
        if order.status != "Completed":
            raise Reject("The order is not completed")
        with self.state.lock:
            last = self.state.last_refill_time(order.id)
            if last is not None and self.state.clock.now() - last < REFILL_COOLDOWN:
                raise Reject(
                    "The order was completed or refill was requested less than 24 hours ago"
                )
            return self.state.create_refill(order.id)

    def do_refill(self, p: Mapping[str, str]) -> Answer:
        if p.get("orders", "").strip():
            out: list[dict[str, Any]] = []
            for x in self._ids(p["orders"]):
                oid = self._id(x)
                try:
                    out.append(
                        {"order": oid if oid is not None else x, "refill": self._refill_one(oid)}
                    )
                except Reject as exc:
                    out.append({"order": oid if oid is not None else x, "refill": err(str(exc))})
            return out
        if not p.get("order", "").strip():
            raise Reject("Incorrect request")
        return {"refill": str(self._refill_one(self._id(p["order"])))}

    def _refill_status(self, x: str) -> Answer:
        rid = self._id(x)
        refill = self.state.refill(rid) if rid is not None else None
        return err("Refill not found") if refill is None else refill.status

    def do_refill_status(self, p: Mapping[str, str]) -> Answer:
        if p.get("refills", "").strip():
            return [
                {
                    "refill": int(x) if self._id(x) is not None else x,
                    "status": self._refill_status(x),
                }
                for x in self._ids(p["refills"])
            ]
        if not p.get("refill", "").strip():
            raise Reject("Incorrect request")
        status = self._refill_status(p["refill"])
        return status if isinstance(status, dict) else {"status": status}

    def _cancel_one(self, oid: int | None) -> Answer:
        order = self.state.order(oid) if oid is not None else None
        if order is None:
            return err("Incorrect order ID")
        spec = self.specs.get(order.service)
        if spec is None or not spec.cancel:
            return err("Cancel is disabled for this service")
        problem = self.state.cancel(order.id)
        return err(problem) if problem else 1

    def do_cancel(self, p: Mapping[str, str]) -> Answer:
        if p.get("orders", "").strip():
            out = []
            for x in self._ids(p["orders"]):
                oid = self._id(x)
                out.append(
                    {"order": oid if oid is not None else x, "cancel": self._cancel_one(oid)}
                )
            return out
        if not p.get("order", "").strip():
            raise Reject("Incorrect request")
        result = self._cancel_one(self._id(p["order"]))
        return result if isinstance(result, dict) else {"cancel": result}
