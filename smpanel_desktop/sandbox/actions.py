"""The API v2 actions of the sandbox panel: request params in, JSON-able answer out.

Checks follow ../shared/api-v2.md and answer with its error texts.  Where the reference is
silent the sandbox says (these texts are the sandbox's own):

* drip-feed on a service without it: ``Drip-feed is disabled for this service``; ``runs`` must be
  an integer >= 2 and ``interval`` >= 1, given together; the per-run quantity is checked against
  min/max and the charge is for quantity × runs.
* Package and Custom Comments Package cost ``rate`` itself (quantity 1), like the
  ``core.order_types`` cost preview.  Subscriptions are charged ``rate × max / 1000``.
* Subscriptions: ``Incorrect delay`` (delay not in 0,5,10,15,30,60,90), ``Min quantity more than
  max quantity``, min/max outside the service's range as for quantity, ``Incorrect expiry date``
  (not d/m/Y).
* cancel of a final order: ``The order cannot be canceled``; of a service without cancel:
  ``Cancel is disabled for this service``.
* more than 100 ids in one multi request: ``Incorrect request``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .catalog import ServiceSpec
from .state import PanelState

Answer = Any
DELAYS = {"0", "5", "10", "15", "30", "60", "90"}
REFILL_COOLDOWN = 24 * 3600.0
_INT = re.compile(r"\s*\d{1,12}\s*\Z")
_LINK = re.compile(
    r"(?:(?:https?://)?(?:[\w-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:[/?#]\S*)?|@[\w.]{1,64})\Z"
)
# type (lower case) -> (required fields besides link, lines field that makes the quantity)
_TYPES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "default": (("quantity",), None),
    "package": ((), None),
    "custom comments": (("comments",), "comments"),
    "custom comments package": (("comments",), None),
    "mentions": (("quantity", "usernames"), None),
    "mentions with hashtags": (("quantity", "usernames", "hashtags"), None),
    "mentions custom list": (("usernames",), "usernames"),
    "mentions hashtag": (("quantity", "hashtag"), None),
    "mentions user followers": (("quantity", "username"), None),
    "mentions media likers": (("quantity", "media"), None),
    "comment likes": (("quantity", "username"), None),
    "comment replies": (("username", "comments"), "comments"),
    "poll": (("quantity", "answer_number"), None),
    "invites from groups": (("quantity", "groups"), None),
    "seo": (("quantity", "keywords"), None),
    "web traffic": (("quantity",), None),
}
_PACKAGES = {"package", "custom comments package"}


class Reject(Exception):
    """An ``{"error": text}`` answer."""


def err(text: str) -> dict[str, str]:
    return {"error": text}


def lines(value: str) -> list[str]:
    return [ln.strip() for ln in value.replace("\r\n", "\n").split("\n") if ln.strip()]


def _int(value: str) -> int:
    if not _INT.match(value):
        raise Reject("Incorrect request")
    return int(value)


def _check_range(quantity: int, spec: ServiceSpec) -> None:
    if quantity < spec.min:
        raise Reject(f"Quantity less than minimal {spec.min}")
    if quantity > spec.max:
        raise Reject(f"Quantity more than maximum {spec.max}")


def check_link(link: str) -> str:
    link = link.strip()
    if not link or len(link) > 2000 or not _LINK.match(link):
        raise Reject("Bad link")
    return link


def plan_order(spec: ServiceSpec, p: Mapping[str, str]) -> tuple[str, int, Decimal]:
    """Validate an ``add`` for ``spec``: returns (link, total quantity, charge) or raises Reject."""
    stype = spec.type.strip().lower()
    if stype == "subscriptions":
        return _plan_subscription(spec, p)
    required, counted = _TYPES.get(stype, (("quantity",), None))
    if any(not p.get(name, "").strip() for name in ("link", *required)):
        raise Reject("Incorrect request")
    link = check_link(p["link"])
    if counted is not None:
        quantity = len(lines(p[counted]))
        _check_range(quantity, spec)
    elif stype in _PACKAGES:
        quantity = 1
    else:
        quantity = _int(p["quantity"])
        _check_range(quantity, spec)
    runs = 1
    if p.get("runs", "").strip() or p.get("interval", "").strip():
        if not spec.dripfeed or stype != "default":
            raise Reject("Drip-feed is disabled for this service")
        runs, interval = _int(p.get("runs", "")), _int(p.get("interval", ""))
        if runs < 2 or interval < 1:
            raise Reject("Incorrect request")
    if stype == "web traffic":
        for name, top in (("device", 5), ("type_of_traffic", 3)):
            if p.get(name, "").strip() and not 1 <= _int(p[name]) <= top:
                raise Reject("Incorrect request")
    if stype == "poll" and _int(p["answer_number"]) < 1:
        raise Reject("Incorrect request")
    total = quantity * runs
    charge = spec.rate if stype in _PACKAGES else spec.rate * total / 1000
    return link, total, charge


def _plan_subscription(spec: ServiceSpec, p: Mapping[str, str]) -> tuple[str, int, Decimal]:
    if any(not p.get(k, "").strip() for k in ("username", "min", "max", "delay")):
        raise Reject("Incorrect request")
    low, high = _int(p["min"]), _int(p["max"])
    if low > high:
        raise Reject("Min quantity more than max quantity")
    _check_range(low, spec)
    _check_range(high, spec)
    if p["delay"].strip() not in DELAYS:
        raise Reject("Incorrect delay")
    for name in ("posts", "old_posts"):
        if p.get(name, "").strip():
            _int(p[name])
    if p.get("expiry", "").strip():
        try:
            _dt.datetime.strptime(p["expiry"].strip(), "%d/%m/%Y")
        except ValueError:
            raise Reject("Incorrect expiry date") from None
    return p["username"].strip(), high, spec.rate * high / 1000


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
        return int(value) if _INT.match(value) else None

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
