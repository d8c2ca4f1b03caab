"""``smpanel orders``: the tracked orders as a table or JSON.

Into a pipe or a file, the JSON is written by SQLite (cli/orders_sql.py) from the rows and Python
only copies the bytes: no ``TrackedOrder``, dict or str per order, and no Store or Session when
nothing needs them (``run_piped``, which opens the file itself: store/db.py imports the schema's
modules, ~3 ms of a start).  10,000 orders took ~300 ms through the values.  The bytes are those
of ``output.dump_json([output.order_json(o) ...])`` (tests/test_cli_orders_json.py).
"""

from __future__ import annotations

import argparse
import codecs
import sqlite3
import sys
from collections.abc import Sequence

from smpanel_desktop.cli.orders_sql import FUNCTIONS, ORDER_STATES, ROW_JSON
from smpanel_desktop.store.rows import NEWEST_FIRST, order_filter

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:
    from typing import Any, BinaryIO

    from smpanel_desktop.cli.session import Session

# store/models.py's, store/panels.py's and store/db.py's names, written out: importing them costs
# ~20 ms of dataclasses, or the schema's modules (tests/test_cli_orders_json.py keeps them equal)
SUBMITTING, UNKNOWN = ORDER_STATES[0], ORDER_STATES[2]
CURRENT_PANEL = "current_panel"
SCHEMA_VERSION = 9
BUSY_TIMEOUT_S = 10.0


def listing(args: argparse.Namespace) -> tuple[str | None, str | None, str | None]:
    """``orders --status S --search T`` as ``Store.orders``'s (status, state, search): a local
    state (``unknown``, ``not placed`` ...) or the panel's status text; a state listing ignores
    ``--search``."""
    wanted = args.status.strip() if args.status else None
    state = wanted.lower().replace(" ", "_") if wanted else None
    if state in ORDER_STATES:
        return None, state, None
    return wanted, None, args.search


WRITE_CHUNK = 100
"""Orders fetched and written at a time: the rows' bytes and their joined text (~60 KB) reuse the
same memory chunk after chunk; 2,000 at a time (~1.2 MB) took ~3,000 more page faults, ~10 % of a
10,000-order run."""


def write_orders(conn: sqlite3.Connection, where: str, args: Sequence[Any], out: BinaryIO) -> int:
    """Write ``[order, ...]`` (no newline) for the orders ``WHERE {where}``, newest first, from
    one query (one snapshot); returns how many.  (Two threads writing halves from two
    connections took more CPU and more time here: SQLite's allocations share one mutex.)"""
    for name, func in FUNCTIONS.items():
        conn.create_function(name, 1, func, deterministic=True)
    cursor = conn.execute(f"SELECT {ROW_JSON} FROM orders WHERE {where} {NEWEST_FIRST}", args)
    count = 0
    out.write(b"[")
    while rows := cursor.fetchmany(WRITE_CHUNK):
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


READ_MAP = 1 << 28
"""Bytes of the file the reader maps (``PRAGMA mmap_size``): a whole listing read through the map
instead of a ``pread`` and a copy per page took ~8 ms less of a 100 ms run."""


def run_piped(args: argparse.Namespace) -> int | None:
    """``orders --json`` into a pipe or file without the Store and the Session, when nothing
    needs them: a stored panel, the schema up to date, no ``submitting`` order to recover, a
    UTF-8 stdout.  None: the Session's way (``cmd_orders``) has to run."""
    out = sys.stdout
    if out.isatty() or not hasattr(out, "buffer") or getattr(args, "api_url", None):
        return None
    if codecs.lookup(out.encoding or "ascii").name != "utf-8":
        return None
    from smpanel_desktop import paths

    path = paths.db_path(paths.data_dir(getattr(args, "data_dir", None)))  # as the Session opens it
    if not path.exists():
        return None
    # a reader: no write lock to migrate, none of store/db.connect's pragmas for writers
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return None  # to migrate, or newer than this app: the Session says so
        conn.execute(f"PRAGMA mmap_size = {READ_MAP}")
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
