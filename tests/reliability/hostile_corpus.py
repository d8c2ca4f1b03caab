"""A corpus of hostile panel answers, for every action: each is served by the sandbox's ``raw``
fault (``panel.faults.add("raw", action=..., **bad.options())``).

HTML pages, empty, truncated, wrong shapes, ``null`` in every field, negative, huge, NaN and
Infinity numbers, a 10 MB body, deep nesting, strings where numbers belong and the reverse, a
BOM, a wrong charset, script tags in names.  The ids used are the ones the tests place first:
``ORDER`` (a real order) and ``REFILL`` (a real refill).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

ORDER = 23501
OTHER = 23502
REFILL = 1
SCRIPT = '<script>alert("x")</script><b>bold</b><img src="http://127.0.0.1:9/x.png">'
BIG = 10 * 1024 * 1024


@dataclass(frozen=True)
class Bad:
    name: str
    action: str
    body: bytes
    status: int = 200
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    def options(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "status": self.status,
            "content_type": self.content_type,
            "headers": self.headers,
        }

    def __str__(self) -> str:
        return f"{self.action}:{self.name}"


def js(value: Any) -> bytes:
    return json.dumps(value).encode()


def raw(text: str) -> bytes:
    return text.encode()


NULL_SERVICE = {
    k: None
    for k in (
        "service",
        "name",
        "type",
        "category",
        "rate",
        "min",
        "max",
        "refill",
        "cancel",
        "dripfeed",
        "description",
    )
}
NULL_STATUS = {k: None for k in ("charge", "start_count", "status", "remains", "currency")}
GOOD_SERVICE = {
    "service": 1,
    "name": "Followers",
    "type": "Default",
    "category": "Instagram",
    "rate": "0.90",
    "min": "50",
    "max": "10000",
}
HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
)
DEEP = b"[" * 100_000 + b"]" * 100_000


def _ten_mb_catalog() -> bytes:
    record = raw(json.dumps({**GOOD_SERVICE, "service": 7, "description": "x" * 900}))
    count = BIG // (len(record) + 1)
    return b"[" + b",".join([record] * count) + b"]"


def _cp1251_catalog() -> bytes:
    return json.dumps([{**GOOD_SERVICE, "name": "Подписчики ✓"}], ensure_ascii=False).encode(
        "cp1251", errors="replace"
    )


def _status(entry: Any) -> bytes:
    return js({str(ORDER): entry})


CORPUS: tuple[Bad, ...] = (
    # -- services --------------------------------------------------------------------------
    Bad(
        "cloudflare page 503",
        "services",
        b"<html><head><title>Just a moment...</title></head>"
        b"<body>Checking your browser</body></html>",
        503,
        "text/html",
    ),
    Bad("html 200", "services", HTML_PAGE, 200, "text/html"),
    Bad("empty", "services", b""),
    Bad("truncated", "services", raw('[{"service": 1, "name": "Foll')),
    Bad("object of text", "services", js({"services": "none"})),
    Bad("a string", "services", js("OK")),
    Bad("a number", "services", js(42)),
    Bad("list of nulls", "services", js([None, None, None])),
    Bad("null in every field", "services", js([NULL_SERVICE, NULL_SERVICE])),
    Bad(
        "negative numbers",
        "services",
        js([{**GOOD_SERVICE, "rate": "-0.5", "min": -10, "max": -1}]),
    ),
    Bad(
        "huge numbers",
        "services",
        raw(
            '[{"service": 1e400, "rate": 1e400, "min": 1e40,'
            ' "max": 99999999999999999999999999999999999999}]'
        ),
    ),
    Bad(
        "NaN and Infinity",
        "services",
        raw('[{"service": 1, "rate": NaN, "min": Infinity, "max": -Infinity}]'),
    ),
    Bad("10 MB catalog", "services", _ten_mb_catalog()),
    Bad("deep nesting", "services", DEEP),
    Bad(
        "strings for numbers", "services", js([{**GOOD_SERVICE, "service": "abc", "rate": "cheap"}])
    ),
    Bad(
        "numbers for strings",
        "services",
        js([{**GOOD_SERVICE, "name": 12345, "type": 3, "category": 67.5}]),
    ),
    Bad("BOM", "services", "\ufeff".encode() + js([GOOD_SERVICE])),
    Bad("wrong charset", "services", _cp1251_catalog(), 200, "application/json; charset=utf-8"),
    Bad("utf-16", "services", json.dumps([GOOD_SERVICE]).encode("utf-16")),
    Bad(
        "script tags in names",
        "services",
        js(
            [
                {
                    **GOOD_SERVICE,
                    "name": SCRIPT,
                    "category": "&lt;script&gt;x&lt;/script&gt;",
                    "type": SCRIPT,
                }
            ]
        ),
    ),
    Bad("booleans for numbers", "services", js([{**GOOD_SERVICE, "service": True, "rate": False}])),
    # -- balance ---------------------------------------------------------------------------
    Bad("null in every field", "balance", js({"balance": None, "currency": None})),
    Bad("NaN", "balance", raw('{"balance": NaN, "currency": "USD"}')),
    Bad("Infinity", "balance", raw('{"balance": "Infinity", "currency": "USD"}')),
    Bad("huge", "balance", raw('{"balance": -1e308, "currency": "USD"}')),
    Bad("a list", "balance", js([100, "USD"])),
    Bad("nested currency", "balance", js({"balance": "10.5", "currency": {"code": "USD"}})),
    Bad("error null", "balance", js({"error": None})),
    Bad("error object", "balance", js({"error": {"text": "nope"}})),
    Bad("10 MB error text", "balance", js({"error": "Service unavailable " * (BIG // 20)})),
    Bad("html 500", "balance", HTML_PAGE, 500, "text/html"),
    Bad("script error", "balance", js({"error": SCRIPT})),
    # -- status ----------------------------------------------------------------------------
    Bad("entry null", "status", _status(None)),
    Bad("null in every field", "status", _status(NULL_STATUS)),
    Bad(
        "NaN and negative",
        "status",
        raw(
            f'{{"{ORDER}": {{"status": "In progress", "charge": '
            'NaN, "start_count": -5, "remains": -1}}'
        ),
    ),
    Bad(
        "huge numbers",
        "status",
        _status(
            {
                "status": "In progress",
                "charge": "1e29",
                "start_count": "99999999999999999999",
                "remains": 10**25,
            }
        ),
    ),
    Bad("script status", "status", _status({"status": SCRIPT, "charge": "0.5"})),
    Bad("a list of numbers", "status", js([1, 2, 3])),
    Bad("other ids only", "status", js({"999": {"status": "Completed"}})),
    Bad("number status", "status", _status({"status": 12345, "remains": "ten"})),
    Bad("truncated", "status", raw(f'{{"{ORDER}": {{"status": "Pend')),
    Bad("script error", "status", js({"error": SCRIPT})),
    Bad("deep nesting", "status", b'{"23501": ' + DEEP + b"}"),
    # -- refill_status ---------------------------------------------------------------------
    Bad("null in every field", "refill_status", js([{"refill": None, "status": None}])),
    Bad("status null", "refill_status", js([{"refill": REFILL, "status": None}])),
    Bad("error null", "refill_status", js([{"refill": REFILL, "status": {"error": None}}])),
    Bad("a string", "refill_status", js("Completed")),
    # -- add -------------------------------------------------------------------------------
    Bad("order null", "add", js({"order": None})),
    Bad("order negative", "add", js({"order": -1})),
    Bad("order NaN", "add", raw('{"order": NaN}')),
    Bad("order huge", "add", raw('{"order": 1e30}')),
    Bad("order 20 digits", "add", js({"order": "99999999999999999999"})),
    Bad("order text", "add", js({"order": "23501abc"})),
    Bad("order list", "add", js({"order": [23501]})),
    Bad("order fraction", "add", js({"order": 23501.5})),
    Bad("order true", "add", js({"order": True})),
    Bad("script error", "add", js({"error": SCRIPT})),
    Bad("html 200", "add", HTML_PAGE, 200, "text/html"),
    Bad("empty", "add", b""),
    # -- refill ----------------------------------------------------------------------------
    Bad("refill null", "refill", js([{"order": ORDER, "refill": None}])),
    Bad("wrong shape", "refill", js({"refill": "abc"})),
    Bad("huge refill id", "refill", js([{"order": ORDER, "refill": "99999999999999999999"}])),
    # -- cancel ----------------------------------------------------------------------------
    Bad("cancel maybe", "cancel", js([{"order": ORDER, "cancel": "maybe"}])),
    Bad("error null", "cancel", js([{"order": str(ORDER), "cancel": {"error": None}}])),
    Bad("empty object", "cancel", js({})),
    Bad("null", "cancel", js(None)),
)

ACTIONS = sorted({bad.action for bad in CORPUS})
