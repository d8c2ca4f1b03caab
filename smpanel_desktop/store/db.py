"""SQLite connection and schema migrations for the local store (Qt-free).

``connect(path)`` opens the file in WAL mode with foreign keys and a busy timeout, then brings the
schema up to date.  The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS[i]`` takes a
database from version ``i`` to ``i + 1``, each step in one transaction (a crash mid-upgrade leaves
the previous version intact).  Add a step at the end; never edit a released one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000

_V1 = (
    """CREATE TABLE panels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        endpoint TEXT NOT NULL,
        currency TEXT,
        created_at REAL NOT NULL
    )""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # The services cache: one row per panel, the catalog as compact JSON (measured faster to
    # save and load than one row per service; replacing one row is atomic by construction).
    """CREATE TABLE catalogs (
        panel_id INTEGER PRIMARY KEY REFERENCES panels(id) ON DELETE CASCADE,
        fetched_at REAL NOT NULL,
        body TEXT NOT NULL
    )""",
    """CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        "order" INTEGER,
        service_id INTEGER NOT NULL,
        service_name TEXT NOT NULL,
        service_type TEXT NOT NULL,
        params TEXT NOT NULL,
        link TEXT NOT NULL DEFAULT '',
        quantity INTEGER,
        runs INTEGER,
        charge TEXT,
        currency TEXT,
        status TEXT,
        state TEXT NOT NULL,
        start_count INTEGER,
        remains INTEGER,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        last_checked_at REAL,
        last_error TEXT
    )""",
    'CREATE UNIQUE INDEX orders_panel_order ON orders(panel_id, "order") WHERE "order" IS NOT NULL',
    """CREATE TABLE status_history (
        id INTEGER PRIMARY KEY,
        order_local_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        old_status TEXT,
        new_status TEXT,
        changed_at REAL NOT NULL
    )""",
    """CREATE TABLE refills (
        id INTEGER PRIMARY KEY,
        order_local_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        refill INTEGER,
        status TEXT,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        last_checked_at REAL,
        last_error TEXT
    )""",
)

_V2 = (
    # Indexes the repository's queries need (newest-first listing per panel, open orders,
    # history and refills per order, refill status lookups).
    "CREATE INDEX orders_panel_created ON orders(panel_id, created_at DESC, id DESC)",
    "CREATE INDEX orders_created ON orders(created_at DESC, id DESC)",
    "CREATE INDEX orders_panel_state ON orders(panel_id, state)",
    "CREATE INDEX status_history_order ON status_history(order_local_id, changed_at)",
    "CREATE INDEX refills_order ON refills(order_local_id)",
    "CREATE INDEX refills_refill ON refills(refill) WHERE refill IS NOT NULL",
)

_WATCH = (
    # Watchers (store/watch.py): when an order's remains (or status) last moved, kept by a
    # trigger so every writer of statuses feeds it; catalog changes per fetch; the refill
    # window set per service; events already announced (never twice, across restarts).
    """CREATE TABLE order_progress (
        order_local_id INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        remains INTEGER,
        moved_at REAL NOT NULL
    )""",
    """CREATE TRIGGER order_progress_moved AFTER UPDATE OF remains, status ON orders
    WHEN new.remains IS NOT old.remains OR new.status IS NOT old.status
    BEGIN
        INSERT OR REPLACE INTO order_progress (order_local_id, remains, moved_at)
        VALUES (new.id, new.remains, coalesce(new.last_checked_at, new.updated_at));
    END""",
    """CREATE TABLE catalog_changes (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        detected_at REAL NOT NULL,
        service_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        change TEXT NOT NULL,
        old TEXT,
        new TEXT
    )""",
    "CREATE INDEX catalog_changes_panel ON catalog_changes(panel_id, detected_at)",
    """CREATE TABLE service_guarantees (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        service_id INTEGER NOT NULL,
        window TEXT NOT NULL,
        PRIMARY KEY (panel_id, service_id)
    )""",
    """CREATE TABLE announced_events (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        announced_at REAL NOT NULL,
        PRIMARY KEY (panel_id, key)
    )""",
)

_DRIPFEED = (
    # Drip-feed parents' runs and child order ids as the panel reports them (store/dripfeed.py).
    """CREATE TABLE dripfeed_runs (
        parent_local_id INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        runs INTEGER,
        children TEXT NOT NULL DEFAULT '',
        updated_at REAL NOT NULL
    )""",
)

_MASS_ORDERS = (
    # Mass orders (store/batches.py, favourites.py): each batch's normalised content (its
    # fingerprint finds the same batch again) and the order rows of its lines; favourite
    # services; New Order presets.
    """CREATE TABLE mass_batches (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        content TEXT NOT NULL,
        lines INTEGER NOT NULL,
        created_at REAL NOT NULL,
        finished_at REAL
    )""",
    "CREATE INDEX mass_batches_fingerprint ON mass_batches(panel_id, fingerprint)",
    """CREATE TABLE mass_batch_orders (
        batch_id INTEGER NOT NULL REFERENCES mass_batches(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        order_local_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        PRIMARY KEY (batch_id, order_local_id)
    )""",
    """CREATE TABLE favourites (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        service_id INTEGER NOT NULL,
        created_at REAL NOT NULL,
        PRIMARY KEY (panel_id, service_id)
    )""",
    """CREATE TABLE presets (
        id INTEGER PRIMARY KEY,
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        service_id INTEGER NOT NULL,
        fields TEXT NOT NULL,
        updated_at REAL NOT NULL,
        UNIQUE (panel_id, name)
    )""",
)

MIGRATIONS: tuple[Sequence[str], ...] = (_V1, _V2, _WATCH, _DRIPFEED, _MASS_ORDERS)
"""``MIGRATIONS[i]`` upgrades version ``i`` to ``i + 1``: a list of SQL statements."""

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the app."""


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Sequence[str]] = MIGRATIONS) -> int:
    """Apply the missing steps, each in its own transaction; return the final version.

    The version is re-read inside ``BEGIN IMMEDIATE`` so two processes opening the same new file
    at once cannot both apply a step.
    """
    target = len(migrations)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(conn)
            if version > target:
                raise SchemaTooNewError(
                    f"The database is at schema version {version}, newer than this app "
                    f"understands ({target}). Update the app or use another data folder."
                )
            if version == target:
                conn.execute("COMMIT")
                return version
            for statement in migrations[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def connect(
    path: str | Path, *, migrations: Sequence[Sequence[str]] | None = MIGRATIONS
) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and migrate it.

    Autocommit mode (``isolation_level=None``): callers open transactions explicitly with
    ``BEGIN IMMEDIATE``.  ``synchronous=FULL`` so a committed order row survives a power cut
    before the request that follows it.  ``migrations=None`` skips migrating (tests).
    """
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if migrations is not None:
            migrate(conn, migrations)
    except BaseException:
        conn.close()
        raise
    return conn
