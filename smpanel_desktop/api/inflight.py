"""Connections with a request in flight, so that quitting can close them at once.

A client given an ``InFlight`` notes every connection it opens there while its socket is open.
``InFlight.abort()`` (the desktop app calls it when it quits) shuts each of them down: a request
blocked on a silent panel then fails at once (a read with ``NetworkError``; a write that was sent
with ``UnknownOutcomeError``, so the order is recorded as unknown, never lost) instead of holding
its worker thread until the timeout.  Connections asked for afterwards fail before anything is
sent.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError


class InFlight:
    """The open connections of the clients that share it."""

    def __init__(self) -> None:
        self._open: weakref.WeakSet[Any] = weakref.WeakSet()
        self._lock = threading.Lock()
        self.aborted = False
        tracker = self

        class Connection(HTTPConnection):
            def connect(self) -> None:
                super().connect()
                tracker._track(self)

        class SecureConnection(HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                tracker._track(self)

        class Pool(HTTPConnectionPool):
            ConnectionCls = Connection

        class SecurePool(HTTPSConnectionPool):
            ConnectionCls = SecureConnection

        self.pool_classes: dict[str, type[HTTPConnectionPool]] = {
            "http": Pool,
            "https": SecurePool,
        }
        """For a urllib3 ``PoolManager.pool_classes_by_scheme``."""

    def _track(self, conn: HTTPConnection) -> None:
        sock = conn.sock
        with self._lock:
            if not self.aborted:
                self._open.add(sock)
                return
        if sock is not None:
            sock.close()  # nothing was sent on it: a refused connection, not an unknown outcome
        raise NewConnectionError(conn, "the app is quitting: no new requests")

    def abort(self) -> int:
        """Shut down every open connection and refuse new ones; returns how many were shut."""
        with self._lock:
            self.aborted = True
            sockets = list(self._open)
            self._open.clear()
        for sock in sockets:
            with contextlib.suppress(OSError):  # already closed by its owner
                sock.shutdown(socket.SHUT_RDWR)
        return len(sockets)
