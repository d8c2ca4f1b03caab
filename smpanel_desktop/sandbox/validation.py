"""Checks of an ``add`` request against its service, with the reference's error texts.

``plan_order(spec, params)`` -> (link, total quantity, charge) or raises ``Reject(text)``.
Where docs/protocol.md is silent the sandbox decides (these texts are its own):

* drip-feed on a service without it: ``Drip-feed is disabled for this service``; ``runs`` must be
  an integer >= 2 and ``interval`` >= 1, given together; the per-run quantity is checked against
  min/max and the charge is for quantity × runs.
* Package and Custom Comments Package cost ``rate`` itself (quantity 1), like the
  ``core.orders.params`` cost preview.  Subscriptions are charged ``rate × max / 1000``.
* Subscriptions: ``Incorrect delay`` (delay not in 0,5,10,15,30,60,90), ``Min quantity more than
  max quantity``, min/max outside the service's range as for quantity, ``Incorrect expiry date``
  (not d/m/Y).
* A link is a URL (scheme optional, dotted host) or ``@username``; else ``Bad link``.
* Types are matched case-insensitively (``default`` is Default); unknown types (``Special``)
  take link + quantity and ignore extra fields.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from decimal import Decimal

from .catalog import ServiceSpec

DELAYS = {"0", "5", "10", "15", "30", "60", "90"}
INT_RE = re.compile(r"\s*\d{1,12}\s*\Z")
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


def lines(value: str) -> list[str]:
    return [ln.strip() for ln in value.replace("\r\n", "\n").split("\n") if ln.strip()]


def _int(value: str) -> int:
    if not INT_RE.match(value):
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
