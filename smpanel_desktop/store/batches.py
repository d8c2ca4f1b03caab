"""Remembered mass orders: a batch's normalised content, when it was sent, its orders.

A batch is written before its first line is sent (so a crash mid-batch still remembers it) and
each line's order row is attached once it is recorded ``submitting``.  ``placed_batch`` finds an
earlier batch with the same content that has at least one order that is or may be placed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from smpanel_desktop.store.base import StoreBase, inserted_id
from smpanel_desktop.store.models import PLACED, SUBMITTING, UNKNOWN

IN_PROGRESS_SECONDS = 300.0
"""A batch not finished after this long belongs to a process that died mid-batch."""


@dataclass(frozen=True, slots=True)
class RememberedBatch:
    id: int
    panel_id: int
    fingerprint: str
    created_at: float
    lines: int
    orders: tuple[int | None, ...]
    """The panel's order ids of its lines (None: unknown or not placed), in line order."""
    local_ids: tuple[int, ...] = ()
    """The local order rows of its lines, in line order."""


class BatchStore(StoreBase):
    """Mass-order batches per panel (table ``mass_batches`` and ``mass_batch_orders``)."""

    def remember_batch(self, panel_id: int, fingerprint: str, content: str, lines: int) -> int:
        """Write the batch (before anything is sent); returns its id.

        Raises ``ValueError`` while the same batch is being sent by another window or process
        (remembered less than ``IN_PROGRESS_SECONDS`` ago and not finished): the check and the
        write are one transaction, so two starts at once cannot both send it."""
        self._require_panel(panel_id)
        now = time.time()
        with self._tx() as conn:
            busy = conn.execute(
                "SELECT created_at FROM mass_batches WHERE panel_id = ? AND fingerprint = ? "
                "AND finished_at IS NULL AND created_at > ? ORDER BY created_at DESC LIMIT 1",
                (panel_id, fingerprint, now - IN_PROGRESS_SECONDS),
            ).fetchone()
            if busy is not None:
                started = time.strftime("%H:%M:%S UTC", time.gmtime(busy[0]))
                raise ValueError(
                    f"The same batch is being placed right now (started {started}); "
                    "nothing was sent. Wait for it to end."
                )
            cur = conn.execute(
                "INSERT INTO mass_batches (panel_id, fingerprint, content, lines, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (panel_id, fingerprint, content, lines, now),
            )
        return inserted_id(cur)

    def finish_batch(self, batch_id: int) -> None:
        """The batch's last line is done (or the batch was stopped)."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE mass_batches SET finished_at = ? WHERE id = ?", (time.time(), batch_id)
            )

    def attach_batch_order(self, batch_id: int, line: int, order_local_id: int) -> None:
        """Link a line's order row (already committed ``submitting``) to its batch."""
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO mass_batch_orders (batch_id, line, order_local_id) VALUES (?, ?, ?)",
                (batch_id, line, order_local_id),
            )

    def placed_batch(self, panel_id: int, fingerprint: str) -> RememberedBatch | None:
        """The latest batch with this content of which an order is (or may be) placed."""
        row = (
            self._conn()
            .execute(
                "SELECT b.id, b.created_at, b.lines FROM mass_batches b WHERE b.panel_id = ? "
                "AND b.fingerprint = ? AND EXISTS (SELECT 1 FROM mass_batch_orders m "
                "JOIN orders o ON o.id = m.order_local_id WHERE m.batch_id = b.id "
                "AND o.state IN (?, ?, ?)) ORDER BY b.created_at DESC, b.id DESC LIMIT 1",
                (panel_id, fingerprint, PLACED, UNKNOWN, SUBMITTING),
            )
            .fetchone()
        )
        if row is None:
            return None
        orders = self._conn().execute(
            'SELECT o."order", o.id FROM mass_batch_orders m '
            "JOIN orders o ON o.id = m.order_local_id "
            "WHERE m.batch_id = ? ORDER BY m.line, m.order_local_id",
            (row[0],),
        )
        pairs = list(orders)
        return RememberedBatch(
            row[0],
            panel_id,
            fingerprint,
            row[1],
            row[2],
            tuple(p[0] for p in pairs),
            tuple(p[1] for p in pairs),
        )
