"""The dialects of API v2: what other engines than PerfectPanel answer, normalised in one place.

Every parser in parse.py reads PerfectPanel's shapes.  The answers of other engines are first
brought to those shapes here, so no parser knows about engines.  Each shape names the engine it
was seen on; docs/protocol.md lists them all.

* ``error_text(payload)``: the panel's error text for every error shape known, else None.
* ``unwrap(action, payload)``: a success wrapped by an engine, unwrapped to PerfectPanel's shape.
* ``type_key`` / ``service_type``: type names in any spelling (``custom_comments``,
  ``Custom-Comments``, ``default``) brought to the protocol's names.
* ``FINAL_ORDER_STATUSES`` / ``FINAL_REFILL_STATUSES``: final statuses of every engine.
* ``is_invalid_key_text`` / ``is_funds_text``: what a panel's error text means.
* ``refuses_multi_form(text)``: a definite refusal of the ``orders=``/``refills=`` form.
* ``is_browser_check(body)``: a front door's browser check page (Cloudflare) instead of data.

Nothing here imports the rest of the client: errors.py and parse.py build on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# --- errors -------------------------------------------------------------------------------------

_ORDER_FIELDS = frozenset({"charge", "start_count", "remains", "runs", "orders"})


def _message(value: object) -> object:
    """``{"code": 3, "message": "..."}`` -> its message; anything else as it is."""
    if isinstance(value, Mapping):
        return value.get("message") or value.get("text") or value.get("error") or value.get("code")
    return value


def error_text(payload: object) -> object | None:
    """The raw error text (or value) of an error answer, or None when it is no error answer.

    Shapes (the first that matches wins):

    * PerfectPanel and most clones, SmartPanel's ``echo_json_string``: ``{"error": "text"}``.
    * Engines of the ``{"data": ..., "error": {"code": 3, "message": "text"}}`` family (a null
      ``error`` there means success).
    * SmartPanel's ``ms()`` helper (used for some ``add`` checks, e.g. "Invalid Interval in
      minutes"): ``{"status": "error", "message": "text"}``.
    * Laravel-style engines: ``{"success": false, "message": "text"}``.

    An order whose status happens to be "Error" (``{"status": "Error", "charge": ...}``) is no
    error answer: a status answer carries order fields, an error answer does not.
    """
    if not isinstance(payload, Mapping):
        return None
    error = payload.get("error")
    if error:  # "", null, false and 0 are "no error" (engines send {"error": null} on success)
        found = _message(error)
        return found if found else "The panel reported an error without a text"
    if not _ORDER_FIELDS.isdisjoint(payload.keys()):
        return None
    status = payload.get("status")
    failed = isinstance(status, str) and status.strip().lower() in ("error", "fail", "failed")
    if failed and ("message" in payload or "msg" in payload):
        return _message(payload.get("message", payload.get("msg"))) or status
    success = payload.get("success")
    if success is False or (isinstance(success, str) and success.lower() == "false"):
        return _message(payload.get("message")) or "The panel reported an error without a text"
    return None


# --- successes ----------------------------------------------------------------------------------

# Actions whose answer carries an order's or a refill's own ``status``: there "success" is no
# wrapper and is left alone.
_STATUS_ACTIONS = frozenset({"status", "refill_status"})
_WRAPPER_KEYS = frozenset({"status", "success", "data", "error", "message", "code"})
EMPTY_DATA = "empty data"


def unwrap(action: str, payload: object) -> object:
    """A success answer in PerfectPanel's shape.

    * SmartPanel wraps successes: ``{"status": "success", "order": 23501}``, ``{"status":
      "success", "balance": "9.5", "currency": "USD"}``: the ``status`` key is dropped.
    * SmartPanel's empty catalog: ``{"status": "success", "data": "Empty Data"}`` -> ``[]``.
    * ``{"data": [...]}`` / ``{"status": "success", "data": {...}}`` / ``{"success": true,
      "data": ...}`` / ``{"data": ..., "error": null}`` (several open-source engines): the data.
    """
    if not isinstance(payload, Mapping):
        return payload
    keys = payload.keys()
    if "data" in payload and keys <= _WRAPPER_KEYS:
        data = payload["data"]
        if isinstance(data, str) and data.strip().lower() == EMPTY_DATA:
            return [] if action in ("services", "refill", "refill_status", "cancel") else {}
        if data is None and action == "services":
            return []
        return data
    status = payload.get("status")
    if (
        action not in _STATUS_ACTIONS
        and isinstance(status, str)
        and status.strip().lower() == "success"
    ):
        rest = {k: v for k, v in payload.items() if k not in ("status", "message")}
        return rest
    if payload.get("success") is True and action not in _STATUS_ACTIONS:
        return {k: v for k, v in payload.items() if k not in ("success", "message")}
    return payload


# --- type names ---------------------------------------------------------------------------------

SERVICE_TYPES = (
    "Default",
    "Package",
    "Custom Comments",
    "Custom Comments Package",
    "Mentions",
    "Mentions with Hashtags",
    "Mentions Custom List",
    "Mentions Hashtag",
    "Mentions User Followers",
    "Mentions Media Likers",
    "Comment Likes",
    "Comment Replies",
    "Poll",
    "Invites from Groups",
    "SEO",
    "Subscriptions",
    "Web Traffic",
)
"""The protocol's type names, as PerfectPanel spells them."""

_SEPARATORS = re.compile(r"[\s_\-]+")


def type_key(name: object) -> str:
    """The spelling-free form of a type name: case, ``_``, ``-`` and spaces do not count.

    PerfectPanel: ``Custom Comments``; SmartPanel: ``custom_comments``, ``default``,
    ``package``; others: ``Custom-Comments``, ``CUSTOM COMMENTS``: all ``custom comments``."""
    return _SEPARATORS.sub(" ", str(name)).strip().casefold()


_BY_KEY = {type_key(name): name for name in SERVICE_TYPES}
_SEEN: dict[str, str] = {}


def service_type(raw: str) -> str:
    """A catalog's type name as the protocol spells it (``comment_likes`` -> ``Comment Likes``);
    an unknown type keeps its own text (``Special``)."""
    known = _SEEN.get(raw)
    if known is None:
        known = _BY_KEY.get(type_key(raw), raw)
        if len(_SEEN) < 10_000:  # a catalog has a handful of types; a hostile one is bounded
            _SEEN[raw] = known
    return known


# --- statuses -----------------------------------------------------------------------------------

FINAL_ORDER_STATUSES = frozenset(
    {
        "completed",
        "partial",
        "canceled",  # PerfectPanel
        "cancelled",  # PerfectPanel clones, SmartPanel's older model
        "refunded",  # SmartPanel
        "failed",
        "fail",
        "error",
        "rejected",  # other open-source engines (orders their provider refused)
    }
)
FINAL_REFILL_STATUSES = frozenset(
    {"completed", "rejected", "failed", "fail", "error", "canceled", "cancelled", "refunded"}
)


# --- what error texts mean ----------------------------------------------------------------------

_KEY_TEXT = re.compile(
    r"api[ _-]?key|\bkey\b|apikey"  # PerfectPanel: "Invalid API key"
    r"|api is disabled? for this user|user not found"  # SmartPanel
    r"|unauthori[sz]ed|invalid token|invalid api token",  # other engines
    re.IGNORECASE,
)
_FUNDS_TEXT = re.compile(
    r"not[ _]enough[ _](funds|balance|money)|insufficient|low[ _]balance", re.IGNORECASE
)


def is_invalid_key_text(text: str) -> bool:
    return bool(_KEY_TEXT.search(text))


def is_funds_text(text: str) -> bool:
    return bool(_FUNDS_TEXT.search(text))


_MULTI_REFUSED = re.compile(
    r"^incorrect request\.?$"  # PerfectPanel's answer to a parameter it does not read
    r"|\b(order|refill)s?( id)? (is )?required"  # SmartPanel-style: "Order ID is required"
    r"|missing required param"  # SmartPanel: "There are missing required parameters"
    r"|\b(order|refill) (id )?(is )?(missing|empty)",
    re.IGNORECASE,
)


def refuses_multi_form(text: str) -> bool:
    """True when an error answer to ``orders=``/``refills=`` says the panel reads only the
    single form: it names the missing single parameter, or answers "Incorrect request".  Only
    such a definite refusal may be followed by the single form."""
    return bool(_MULTI_REFUSED.search(text.strip()))


# --- front doors --------------------------------------------------------------------------------

_BROWSER_CHECK = re.compile(
    r"<title>\s*(just a moment|attention required|checking your browser|ddos-guard)"
    r"|cf-browser-verification|challenge-platform|cf_chl_",
    re.IGNORECASE,
)


def is_browser_check(body: str) -> bool:
    """Cloudflare's (or DDoS-Guard's) browser check page: 403/503 "Just a moment..."."""
    return bool(_BROWSER_CHECK.search(body[:20_000]))
