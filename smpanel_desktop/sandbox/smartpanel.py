"""The sandbox's SmartPanel dialect (``SandboxPanel(dialect="smartpanel")``).

SmartPanel is the widely copied PHP panel script; its API lives at ``/api/v1``.  The shapes
below follow what its API controller answers (learnt from reading it, and from
docs/protocol.md); the texts are its English ones:

* errors mostly as ``{"error": text}``, some ``add`` checks through its other helper as
  ``{"status": "error", "message": text}`` ("Invalid Interval in minutes": drip-feed intervals
  are one of 0, 5, 10, 15, 30, 60, 90; "You have already an active order for this link on this
  service ID");
* successes wrapped: ``{"status": "success", "order": 23501}``, ``{"status": "success",
  "balance": "…", "currency": "USD"}``; an empty catalog ``{"status": "success", "data":
  "Empty Data"}``;
* catalog records with snake_case types (``default``, ``custom_comments``, ``comment_likes``
  ...) and ``desc``; ``refill``/``cancel`` flags as later versions of the script send;
* ``status``: the single answer also names its ``order``; in the multi answer an unknown id is a
  plain string ``"Incorrect order ID"``; a drip-feed parent answers ``{"status", "runs",
  "orders": [child ids]}`` (a child per run started so far);
* ``refill``, ``refill_status`` and ``cancel`` read only the single form (``order=``,
  ``refill=``): ``orders=`` / ``refills=`` are refused ("Order ID is required", "Refill ID is
  required", "Incorrect request");
* Package services still want ``quantity``; Subscriptions want ``link``;
* a wrong key: "API is Disable for this user or User Not Found! Contact the Support".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .actions import Actions, Answer, err
from .validation import Reject

INVALID_KEY = "API is Disable for this user or User Not Found! Contact the Support"
INVALID_ACTION = "This action is Invalid"
INTERVALS = {0, 5, 10, 15, 30, 60, 90}
DUPLICATE = "You have already an active order for this link on this service ID"
_OPEN = ("Pending", "In progress", "Processing")


def snake_type(name: str) -> str:
    """``Custom Comments`` -> ``custom_comments`` (SmartPanel's spelling)."""
    return re.sub(r"\s+", "_", name.strip()).lower()


def wire_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A catalog record as SmartPanel lists it: snake_case type, ``desc``."""
    out = {k: v for k, v in record.items() if k != "description"}
    out["type"] = snake_type(str(record.get("type", "default")))
    out["desc"] = record.get("description", "")
    return out


def _status_error(text: str) -> dict[str, str]:
    return {"status": "error", "message": text}


class SmartPanelActions(Actions):
    """The PerfectPanel actions of the sandbox, answered the SmartPanel way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.children: dict[int, list[tuple[float, int]]] = {}
        """Drip-feed parent -> [(when its run starts, child order id)]."""

    def run(self, action: str, p: Mapping[str, str]) -> Answer:
        if not action.isidentifier() or getattr(self, f"do_{action}", None) is None:
            return err(INVALID_ACTION)
        return super().run(action, p)

    def do_services(self, p: Mapping[str, str]) -> Answer:
        body = self.services_body()
        return {"status": "success", "data": "Empty Data"} if body == b"[]" else body

    def do_balance(self, p: Mapping[str, str]) -> Answer:
        return {"status": "success", **super().do_balance(p)}

    def do_add(self, p: Mapping[str, str]) -> Answer:
        sid = self._id(p.get("service", ""))
        spec = self.specs.get(sid) if sid is not None else None
        if spec is None:
            raise Reject("Service ID does not exists")
        kind = snake_type(spec.type)
        if kind in ("package", "custom_comments_package") and not p.get("quantity", "").strip():
            raise Reject("Quantity is required")
        if kind == "subscriptions" and not p.get("link", "").strip():
            raise Reject("Bad Link")
        runs, interval = p.get("runs", "").strip(), p.get("interval", "").strip()
        if (runs or interval) and not (interval.isdigit() and int(interval) in INTERVALS):
            return _status_error("Invalid Interval in minutes")
        link = p.get("link", "").strip()
        for order in self.state.orders().values():
            if order.service == spec.id and order.link == link and order.status in _OPEN:
                return _status_error(DUPLICATE)
        answer = super().do_add(p)
        order_id = int(answer["order"])
        if runs:
            self._make_children(order_id, p, int(runs), int(interval))
        return {"status": "success", "order": order_id}

    def _make_children(self, parent: int, p: Mapping[str, str], runs: int, interval: int) -> None:
        order = self.state.order(parent)
        if order is None:
            return
        quantity = int(p.get("quantity", "0") or 0)
        start = self.state.clock.now()
        kids = []
        for run in range(runs):
            child = self.state.create_order(
                order.service, order.service_type, order.link, quantity,
                {"parent": str(parent)}, order.charge * 0,
            )  # fmt: skip
            kids.append((start + run * interval * 60.0, child))
        self.children[parent] = kids

    def _status(self, oid: int | None) -> Answer:
        answer = super()._status(oid)
        if oid is None or "error" in answer:
            return answer
        kids = self.children.get(oid)
        if kids is not None:  # a drip-feed parent
            now = self.state.clock.now()
            started = [child for when, child in kids if when <= now]
            return {"status": answer["status"], "runs": str(len(kids)), "orders": started}
        return {"order": oid, **answer}

    def do_status(self, p: Mapping[str, str]) -> Answer:
        if p.get("order", "").strip():
            return self._status(self._id(p["order"]))
        if p.get("orders", "").strip():
            answers = {x: self._status(self._id(x)) for x in self._ids(p["orders"])}
            return {x: a.get("error", a) for x, a in answers.items()}  # errors: plain strings
        raise Reject("Order ID is required parameter. Please check your API Manual")

    def do_refill(self, p: Mapping[str, str]) -> Answer:
        if not p.get("order", "").strip():
            raise Reject("Order ID is required")
        return {"status": "success", "refill": self._refill_one(self._id(p["order"]))}

    def do_refill_status(self, p: Mapping[str, str]) -> Answer:
        if not p.get("refill", "").strip():
            raise Reject("Refill ID is required")
        status = self._refill_status(p["refill"])
        return status if isinstance(status, dict) else {"status": status}

    def do_cancel(self, p: Mapping[str, str]) -> Answer:
        if not p.get("order", "").strip():
            raise Reject("Incorrect request")
        result = self._cancel_one(self._id(p["order"]))
        return result if isinstance(result, dict) else {"status": "success", "cancel": result}
