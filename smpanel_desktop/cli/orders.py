"""``smpanel orders``; with ``--json`` into a pipe, SQLite writes the JSON, Python copies bytes.

The text is byte for byte what ``output.dump_json([output.order_json(o) ...])`` prints on one
line (``tests/test_cli_orders_json.py`` compares the two), without a ``TrackedOrder``, a dict or
a Python string per order: 10,000 orders took ~300 ms through the values, ~50 ms so.

Each field is written by SQL where the SQL is known to give Python's text:

- strings through ``json_quote``, which escapes exactly like ``json.dumps(ensure_ascii=False)``
  (every code point checked), ``null`` for NULL; integers as SQLite prints them;
- ``charge`` (TEXT) copied when it is a plain decimal (``0``, ``12``, ``0.50``: Decimal's ``f``
  format gives it back unchanged), else ``output.money`` in Python;
- times with ``datetime()`` for whole seconds from 1970 to 9999 (``time.gmtime`` floors),
  else ``output.iso_time`` in Python;
- ``params`` respaced by SQL when it is the stored form of ``{"link": link, "quantity":
  "<quantity>"}`` (the common order), else loaded and dumped by Python (``{}`` when damaged,
  like the store).

The Python fallbacks are SQL functions of the connection, called only for the rows that need
them.  Integer columns are taken to hold integers (what every writer stores).
"""

from __future__ import annotations

import argparse
import codecs
import json
import sqlite3
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from smpanel_desktop.cli.output import iso_time, money
from smpanel_desktop.store.rows import NEWEST_FIRST, order_filter

if TYPE_CHECKING:
    from smpanel_desktop.cli.session import Session

# store/models.py's and store/panels.py's names, written out: importing them costs ~20 ms of
# dataclasses (tests/test_cli_orders_json.py keeps them equal)
ORDER_STATES = ("submitting", "placed", "unknown", "rejected", "not_placed")
SUBMITTING, UNKNOWN = ORDER_STATES[0], ORDER_STATES[2]
CURRENT_PANEL = "current_panel"

_LAST_SECOND = 253402300800  # 10000-01-01: datetime() and %Y stop at year 9999


def _money_json(text: Any) -> str:
    from decimal import Decimal

    return json.dumps(money(Decimal(text)))


def _time_json(value: Any) -> str:
    return json.dumps(iso_time(value))


def _params_json(text: Any) -> str:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        value = {}
    return json.dumps(value, ensure_ascii=False)


FUNCTIONS = {"smpanel_money": _money_json, "smpanel_time": _time_json,
             "smpanel_params": _params_json}  # fmt: skip


_TIME_OK = "{0} >= 0 AND {0} < " + str(_LAST_SECOND)
_DAY_TIME = "date(CAST({0} AS INTEGER), 'unixepoch'), time(CAST({0} AS INTEGER), 'unixepoch')"
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
     _LINK_PARAMS]
)  # fmt: skip
"""The common order, written with fewer SQL calls: times in range, a plain charge, and
``params`` the stored form of ``{"link": link, "quantity": "<quantity>"}`` (then its JSON is
that text respaced, as Python prints it back)."""

FIELDS: tuple[tuple[str, str, str, str], ...] = (
    # key, JSON text of any row, and for a _COMMON_ROW: printf format and arguments
    ("order", _null('"order"'), "%s", _null('"order"')),
    ("id", "id", "%d", "id"),
    ("service", _null("service_id"), "%s", _null("service_id")),
    ("service_name", "json_quote(service_name)", "%s", "json_quote(service_name)"),
    ("type", "json_quote(service_type)", "%s", "json_quote(service_type)"),
    ("status", "json_quote(status)", "%s", "json_quote(status)"),
    ("state", "json_quote(state)", "%s", "json_quote(state)"),
    (
        "charge",
        f"CASE WHEN charge IS NULL THEN 'null' WHEN {_PLAIN_CHARGE} THEN '\"' || charge || "
        "'\"' ELSE smpanel_money(charge) END",
        '"%s"',
        "charge",
    ),
    ("currency", "json_quote(currency)", "%s", "json_quote(currency)"),
    ("start_count", _null("start_count"), "%s", _null("start_count")),
    ("remains", _null("remains"), "%s", _null("remains")),
    ("link", "json_quote(link)", "%s", "json_quote(link)"),
    ("quantity", _null("quantity"), "%s", _null("quantity")),
    ("runs", _null("runs"), "%s", _null("runs")),
    (
        "params",
        f"""CASE WHEN {_LINK_PARAMS} THEN printf('{{"link": %s, "quantity": "%d"}}', """
        "json_quote(link), quantity) ELSE smpanel_params(params) END",
        '{"link": %s, "quantity": "%d"}',
        "json_quote(link), quantity",
    ),
    ("created_at", _time("created_at"), '"%sT%s+00:00"', _DAY_TIME.format("created_at")),
    (
        "last_checked_at",
        _time("last_checked_at"),
        '"%sT%s+00:00"',
        _DAY_TIME.format("last_checked_at"),
    ),
    ("last_error", "json_quote(last_error)", "%s", "json_quote(last_error)"),
)
"""``output.order_json``'s keys in its order.  Integer columns are taken to hold integers or
NULL (what every writer stores)."""


def _printf(pieces: list[tuple[str, str, str]]) -> str:
    text = "{" + ", ".join(f'"{key}": {fmt}' for key, fmt, _ in pieces) + "}"
    return f"printf('{text}', {', '.join(args for _, _, args in pieces)})"


ROW_JSON = (
    f"CAST(CASE WHEN {_COMMON_ROW} THEN {_printf([(k, f, a) for k, _, f, a in FIELDS])} "
    f"ELSE {_printf([(k, '%s', sql) for k, sql, _, _ in FIELDS])} END AS BLOB)"
)
"""One order's JSON object (UTF-8 bytes) from a row of ``orders``."""


def listing(args: argparse.Namespace) -> tuple[str | None, str | None, str | None]:
    """``orders --status S --search T`` as ``Store.orders``'s (status, state, search): a local
    state (``unknown``, ``not placed`` ...) or the panel's status text; a state listing ignores
    ``--search``."""
    wanted = args.status.strip() if args.status else None
    state = wanted.lower().replace(" ", "_") if wanted else None
    if state in ORDER_STATES:
        return None, state, None
    return wanted, None, args.search


def write_orders(conn: sqlite3.Connection, where: str, args: Sequence[Any], out: BinaryIO) -> int:
    """Write ``[order, ...]`` (no newline) for the orders ``WHERE {where}``, newest first;
    returns how many."""
    for name, func in FUNCTIONS.items():
        conn.create_function(name, 1, func, deterministic=True)
    cursor = conn.execute(f"SELECT {ROW_JSON} FROM orders WHERE {where} {NEWEST_FIRST}", args)
    count = 0
    out.write(b"[")
    while rows := cursor.fetchmany(2000):
        out.write((b", " if count else b"") + b", ".join([r[0] for r in rows]))
        count += len(rows)
    out.write(b"]")
    return count


def _stored_panel(conn: sqlite3.Connection, name: str | None) -> int | None:
    """``Session.panel()``'s choice when it is a stored panel: ``--panel NAME``, else the
    current panel, else the only one; None when the Session must decide (and explain)."""

    def panel_id(text: str) -> int | None:
        found = conn.execute("SELECT id FROM panels WHERE name = ?", (" ".join(text.split()),))
        row = found.fetchone()
        return None if row is None else int(row[0])

    if name:
        return panel_id(name)
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (CURRENT_PANEL,)).fetchone()
    if row and row[0] and (current := panel_id(str(row[0]))) is not None:
        return current
    panels = conn.execute("SELECT id FROM panels LIMIT 2").fetchall()
    return int(panels[0][0]) if len(panels) == 1 else None


def run_piped(args: argparse.Namespace) -> int | None:
    """``orders --json`` into a pipe or file without the Store and the Session, when nothing
    needs them: a stored panel, no ``submitting`` order to recover, a UTF-8 stdout.  None: the
    usual way (``commands.cmd_orders``) has to run."""
    out = sys.stdout
    if out.isatty() or not hasattr(out, "buffer") or getattr(args, "api_url", None):
        return None
    if codecs.lookup(out.encoding or "ascii").name != "utf-8":
        return None
    from smpanel_desktop import paths
    from smpanel_desktop.store import db

    path = paths.db_path(paths.data_dir(getattr(args, "data_dir", None)))  # as the Session opens it
    if not path.exists():
        return None
    conn = db.connect(path)
    try:
        if conn.execute("SELECT 1 FROM orders WHERE state = ? LIMIT 1", (SUBMITTING,)).fetchone():
            return None  # recover_interrupted's work: the Session does it
        panel = _stored_panel(conn, getattr(args, "panel", None))
        if panel is None:
            return None
        status, state, search = listing(args)
        where, params = order_filter(panel, status=status, state=state, search=search)
        out.flush()
        write_orders(conn, where, params, out.buffer)
        out.buffer.flush()
        out.write("\n")
    finally:
        conn.close()
    return 0


def cmd_orders(args: argparse.Namespace, session: Session) -> int:
    """Tracked orders, newest first: JSON (into a pipe: ``run_piped``) or a table."""
    if getattr(args, "json", False) and (code := run_piped(args)) is not None:
        return code
    from smpanel_desktop.cli import output as out

    panel = session.panel()
    status, state, search = listing(args)
    orders = session.store.orders(panel.id, status=status, state=state, search=search)
    if getattr(args, "json", False):
        out.dump_json([out.order_json(o) for o in orders])
        return 0
    out.print_orders(orders)
    unknown = sum(1 for o in orders if o.state == UNKNOWN)
    if unknown:
        print(f"{unknown} order(s) with an unknown outcome: see `smpanel resolve --help`.",
              file=sys.stderr)  # fmt: skip
    return 0
