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

from smpanel_desktop.store import schema

BUSY_TIMEOUT_MS = 10_000  # pragma: no mutate

SCHEMA_VERSION = len(schema.MIGRATIONS)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the app."""


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Sequence[str]] = schema.MIGRATIONS
) -> int:
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
            if conn.in_transaction:  # pragma: no mutate
                conn.execute("ROLLBACK")
            raise


def connect(
    path: str | Path,
    *,  # pragma: no mutate
    migrations: Sequence[Sequence[str]] | None = schema.MIGRATIONS,
) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and migrate it.

    Autocommit mode (``isolation_level=None``): callers open transactions explicitly with
    ``BEGIN IMMEDIATE``.  ``synchronous=FULL`` so a committed order row survives a power cut
    before the request that follows it.  ``migrations=None`` skips migrating (tests).
    """
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_MS / 1000,  # pragma: no mutate
        isolation_level=None,
        check_same_thread=False,
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
