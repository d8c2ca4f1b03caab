"""The store's connections: one SQLite connection per thread, write transactions, closing.

Every thread gets its own connection (the GUI thread and the worker thread both use one Store);
every multi-row write is one transaction (``_tx``).  The repository parts (panels.py,
services_cache.py, orders.py, order_queries.py, refills.py) build on ``StoreBase``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, cast

from smpanel_desktop.store import db
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.store.rows import ORDER_COLS, query_orders


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id SQLite gave the row this cursor's ``INSERT`` just added.

    The stubs type ``lastrowid`` as ``int | None`` (None before any insert); after an
    ``INSERT`` it is always the new row's id.
    """
    return cast(int, cur.lastrowid)


def dumps_json(value: Any) -> str:
    return json.dumps(
        value,
        ensure_ascii=False,  # pragma: no mutate
        separators=(",", ":"),
        default=str,
    )


class StoreBase:
    """Connections and transactions shared by the repository parts of ``Store``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        created = not self.path.exists()
        # by thread id, not threading.local: a thread Qt started can get a new Python thread
        # state (so an empty threading.local) for each call PySide makes into Python
        self._by_thread: dict[int, tuple[threading.Thread, sqlite3.Connection]] = {}
        self._lock = threading.Lock()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._closed = False
        first = db.connect(self.path)  # creates and migrates
        if created and os.name == "posix":
            os.chmod(self.path, 0o600)
        self._adopt(first)

    # -- connections -------------------------------------------------------------------------

    def _adopt(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        """Remember this thread's connection; close those of threads that have ended (a new
        thread pool per refresh must not leak file descriptors)."""
        thread = threading.current_thread()
        with self._lock:
            finished = [c for t, c in self._connections if not t.is_alive()]
            self._connections = [(t, c) for t, c in self._connections if t.is_alive()]
            self._connections.append((thread, conn))
            alive = {i: e for i, e in self._by_thread.items() if e[0].is_alive()}
            alive[threading.get_ident()] = (thread, conn)
            self._by_thread = alive
        for old in finished:
            old.close()
        return conn

    @property
    def open_connections(self) -> int:
        """How many connections the store holds (one per live thread that used it)."""
        with self._lock:
            return len(self._connections)

    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("The store is closed.")
        entry = self._by_thread.get(threading.get_ident())
        if entry is not None and entry[0] is threading.current_thread():  # not a reused id
            return entry[1]
        return self._adopt(db.connect(self.path, migrations=None))

    @contextmanager
    def _tx(
        self,
        *,  # pragma: no mutate
        durable: bool = True,
    ) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): all or nothing.

        ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL``): still
        atomic, but a power cut may undo it.  For what can be fetched again (the catalog cache:
        the fsync of its megabytes was ~a third of writing it); never for orders."""
        conn = self._conn()
        if not durable:
            conn.execute("PRAGMA synchronous = NORMAL")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:  # SQLite may already have rolled back (disk full ...)
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            if not durable:
                conn.execute("PRAGMA synchronous = FULL")

    def close(self) -> None:
        """Close every thread's connection.  Further calls raise ``RuntimeError``."""
        with self._lock:
            self._closed = True
            conns, self._connections = self._connections, []
        for _, conn in conns:
            conn.close()

    # -- lookups every part relies on ---------------------------------------------------------

    def panel_by_id(self, panel_id: int) -> Panel | None:
        """The panel with this id, or None."""
        row = (
            self._conn()
            .execute("SELECT id, name, endpoint, currency FROM panels WHERE id = ?", (panel_id,))
            .fetchone()
        )
        return Panel(*row) if row else None

    def _require_panel(self, panel_id: int) -> Panel:
        panel = self.panel_by_id(panel_id)
        if panel is None:
            raise ValueError(f"No panel with id {panel_id}.")
        return panel

    def order(self, local_id: int) -> TrackedOrder | None:
        """The order with this local row id, or None."""
        found = query_orders(
            self._conn(), f"SELECT {ORDER_COLS} FROM orders WHERE id = ?", (local_id,)
        )
        return found[0] if found else None

    def _require_order(self, local_id: int, *states: str) -> TrackedOrder:
        order = self.order(local_id)
        if order is None:
            raise ValueError(f"No tracked order #{local_id}.")
        if states and order.state not in states:
            raise ValueError(
                f"Order #{local_id} is {order.state.replace('_', ' ')}, "
                f"not {' or '.join(s.replace('_', ' ') for s in states)}."
            )
        return order

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
