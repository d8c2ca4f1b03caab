"""An order's JSON written by SQLite from its row: the bytes of ``output.order_json``'s dict
as ``output.dump_json`` prints it on one line (tests/test_cli_orders_json.py compares them).

Each field is written by SQL where the SQL is known to give Python's text:

- strings through ``json_quote``, which escapes exactly like ``json.dumps(ensure_ascii=False)``
  (every code point checked), ``null`` for NULL; integers as SQLite prints them;
- ``charge`` (TEXT) copied when it is a plain decimal (``0``, ``12``, ``0.50``: Decimal's ``f``
  format gives it back unchanged), else ``output.money`` in Python;
- times with ``date()`` and ``time()`` of the whole second (``time.gmtime`` floors) from 1970
  to 9999, else ``output.iso_time`` in Python;
- ``params`` respaced by SQL when it is the stored form of ``{"link": link, "quantity":
  "<quantity>"}`` (the common order), else loaded and dumped by Python (``{}`` when damaged,
  like the store).

The common order (``_COMMON_ROW``) takes one ``printf`` with fewer calls: its state one of
``ORDER_STATES`` and its currency three capitals, both printed as they are (no ``json_quote``).
The Python fallbacks are SQL functions of the connection (``FUNCTIONS``), called only for the
rows that need them.
Integer columns are taken to hold integers or NULL (what every writer stores).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:
    from typing import Any

_LAST_SECOND = 253402300800  # 10000-01-01: datetime() and %Y stop at year 9999

ORDER_STATES = ("submitting", "placed", "unknown", "rejected", "not_placed")
"""store/models.py's, written out: importing it costs ~20 ms of dataclasses (cli/orders.py uses
them too; tests/test_cli_orders_json.py keeps them equal)."""


# the rare rows' functions import what they need: output.py (its regex) and json cost a start


def _money_json(text: Any) -> str:
    import json
    from decimal import Decimal

    from smpanel_desktop.cli.output import money

    return json.dumps(money(Decimal(text)))


def _time_json(value: Any) -> str:
    import json

    from smpanel_desktop.cli.output import iso_time

    return json.dumps(iso_time(value))


def _params_json(text: Any) -> str:
    import json

    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        value = {}
    return json.dumps(value, ensure_ascii=False)


FUNCTIONS = {"smpanel_money": _money_json, "smpanel_time": _time_json,
             "smpanel_params": _params_json}  # fmt: skip


_TIME_OK = "{0} >= 0 AND {0} < " + str(_LAST_SECOND)
_DAY_TIME = "date(CAST({0} AS INTEGER), 'unixepoch'), time(CAST({0} AS INTEGER), 'unixepoch')"
# the common row's: copies (`|| ''`), which printf reads with ~3 % fewer instructions of the whole
# query (callgrind) than date()'s and time()'s own results
_DAY_TIME_COPIED = (
    "date(CAST({0} AS INTEGER), 'unixepoch') || '', time(CAST({0} AS INTEGER), 'unixepoch') || ''"
)
_PLAIN_CHARGE = (
    "charge GLOB '[0-9]*' AND charge NOT GLOB '*[^0-9.]*' AND charge NOT GLOB '*.*.*' AND "
    "charge NOT GLOB '*.' AND charge NOT GLOB '0[0-9]*'"
)
_LINK_PARAMS = """params = printf('{"link":%s,"quantity":"%d"}', json_quote(link), quantity)"""


def _time(col: str) -> str:
    return (
        f"CASE WHEN {_TIME_OK.format(col)} THEN printf('\"%sT%s+00:00\"', "
        f"{_DAY_TIME.format(col)}) WHEN {col} IS NULL THEN 'null' ELSE smpanel_time({col}) END"
    )


def _null(col: str) -> str:
    return f"ifnull({col}, 'null')"


_COMMON_ROW = " AND ".join(
    [_TIME_OK.format("created_at"), _TIME_OK.format("last_checked_at"), _PLAIN_CHARGE,
     _LINK_PARAMS, '"order" IS NOT NULL', "start_count IS NOT NULL", "remains IS NOT NULL",
     "quantity IS NOT NULL", "runs IS NULL", "last_error IS NULL",
     f"state IN ({', '.join(repr(s) for s in ORDER_STATES)})", "currency GLOB '[A-Z][A-Z][A-Z]'"]
)  # fmt: skip
"""The common order, written with fewer SQL calls: times in range, a plain charge, ``params``
the stored form of ``{"link": link, "quantity": "<quantity>"}`` (then its JSON is that text
respaced, as Python prints it back), the counts known, no drip-feed runs, no error, a state
and a currency that JSON prints as they are."""

FIELDS: tuple[tuple[str, str, str, str], ...] = (
    # key, JSON text of any row, and for a _COMMON_ROW: printf format and arguments
    ("order", _null('"order"'), "%d", '"order"'),
    ("id", "id", "%d", "id"),
    ("service", _null("service_id"), "%d", "service_id"),
    ("service_name", "json_quote(service_name)", "%s", "json_quote(service_name)"),
    ("type", "json_quote(service_type)", "%s", "json_quote(service_type)"),
    ("status", "json_quote(status)", "%s", "json_quote(status)"),
    ("state", "json_quote(state)", '"%s"', "state"),
    (
        "charge",
        f"CASE WHEN charge IS NULL THEN 'null' WHEN {_PLAIN_CHARGE} THEN '\"' || charge || "
        "'\"' ELSE smpanel_money(charge) END",
        '"%s"',
        "charge",
    ),
    ("currency", "json_quote(currency)", '"%s"', "currency"),
    ("start_count", _null("start_count"), "%d", "start_count"),
    ("remains", _null("remains"), "%d", "remains"),
    ("link", "json_quote(link)", "%s", "json_quote(link)"),
    ("quantity", _null("quantity"), "%d", "quantity"),
    ("runs", _null("runs"), "null", ""),
    (
        "params",
        f"""CASE WHEN {_LINK_PARAMS} THEN printf('{{"link": %s, "quantity": "%d"}}', """
        "json_quote(link), quantity) ELSE smpanel_params(params) END",
        '{"link": %s, "quantity": "%d"}',
        "json_quote(link), quantity",
    ),
    ("created_at", _time("created_at"), '"%sT%s+00:00"', _DAY_TIME_COPIED.format("created_at")),
    (
        "last_checked_at",
        _time("last_checked_at"),
        '"%sT%s+00:00"',
        _DAY_TIME_COPIED.format("last_checked_at"),
    ),
    ("last_error", "json_quote(last_error)", "null", ""),
)
"""``output.order_json``'s keys in its order.  Integer columns are taken to hold integers or
NULL (what every writer stores)."""


def _printf(pieces: list[tuple[str, str, str]]) -> str:
    text = "{" + ", ".join(f'"{key}": {fmt}' for key, fmt, _ in pieces) + "}"
    return f"printf('{text}', {', '.join(args for _, _, args in pieces if args)})"


ROW_JSON = (
    f"CAST(CASE WHEN {_COMMON_ROW} THEN {_printf([(k, f, a) for k, _, f, a in FIELDS])} "
    f"ELSE {_printf([(k, '%s', sql) for k, sql, _, _ in FIELDS])} END AS BLOB)"
)
"""One order's JSON object (UTF-8 bytes) from a row of ``orders``."""
