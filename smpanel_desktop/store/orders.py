"""The order lifecycle: ``submitting`` -> ``placed`` | ``rejected`` | ``unknown``, resolving.

``begin_order`` writes a ``submitting`` row and commits it *before* the request is sent; then
exactly one of ``mark_placed`` / ``mark_rejected`` / ``mark_unknown``.  An ``unknown`` order is
reconciled by the user with ``resolve_unknown``.
"""

from __future__ import annotations

import sqlite3
import time
from decimal import Decimal
from typing import Any

from smpanel_desktop.store.base import StoreBase, dumps_json, inserted_id
from smpanel_desktop.store.models import (
    NOT_PLACED,
    PLACED,
    REJECTED,
    SUBMITTING,
    UNKNOWN,
    TrackedOrder,
)
from smpanel_desktop.store.rows import ORDER_COLS


class OrderLifecycle(StoreBase):
    """Writing orders: begin, mark, resolve, recover, import."""

    def begin_order(
        self,
        panel_id: int,
        service_id: int,
        service_name: str,
        service_type: str,
        params: dict[str, Any],
        *,  # pragma: no mutate
        link: str = "",
        quantity: int | None = None,
        runs: int | None = None,
        currency: str | None = None,
    ) -> TrackedOrder:
        """Write and commit a ``submitting`` row; call this *before* sending ``add``."""
        now = time.time()
        with self._tx() as conn:
            cur = conn.execute(
                f"INSERT INTO orders ({ORDER_COLS}) VALUES "
                "(NULL,?,NULL,?,?,?,?,?,?,?,NULL,?,NULL,?,NULL,NULL,?,?,NULL,NULL)",
                (
                    panel_id,
                    service_id,
                    service_name,
                    service_type,
                    dumps_json(params),
                    link,
                    quantity,
                    runs,
                    currency,
                    SUBMITTING,
                    now,
                    now,
                ),
            )
        return self._require_order(inserted_id(cur))

    def _check_not_tracked(self, conn: sqlite3.Connection, panel_id: int, order: int) -> None:
        row = conn.execute(
            'SELECT id FROM orders WHERE panel_id = ? AND "order" = ?', (panel_id, order)
        ).fetchone()
        if row is not None:
            raise ValueError(f"Panel order {order} is already tracked (local #{row[0]}).")

    def _set_state(
        self,
        local_id: int,
        states: tuple[str, ...],
        sql: str,
        args: tuple[Any, ...],
        order: int | None = None,
    ) -> TrackedOrder:
        current = self._require_order(local_id, *states)
        with self._tx() as conn:
            if order is not None:
                self._check_not_tracked(conn, current.panel_id, order)
            cur = conn.execute(
                f"UPDATE orders SET {sql}, updated_at = ? WHERE id = ? AND state IN "
                f"({','.join('?' * len(states))})",
                (*args, time.time(), local_id, *states),
            )
            if cur.rowcount != 1:
                raise ValueError(f"Order #{local_id} changed meanwhile; try again.")
        return self._require_order(local_id)

    def mark_placed(self, local_id: int, order: int, charge: Decimal | None = None) -> TrackedOrder:
        """The panel answered with ``order``: ``submitting`` (or ``unknown``) -> ``placed``."""
        return self._set_state(
            local_id,
            (SUBMITTING, UNKNOWN),
            'state = ?, "order" = ?, charge = ?, last_error = NULL',
            (PLACED, order, None if charge is None else str(charge)),
            order,
        )

    def mark_rejected(self, local_id: int, error_text: str) -> TrackedOrder:
        """The panel refused the order (nothing placed): ``submitting`` -> ``rejected``."""
        return self._set_state(
            local_id, (SUBMITTING,), "state = ?, last_error = ?", (REJECTED, error_text)
        )

    def mark_unknown(self, local_id: int, error_text: str) -> TrackedOrder:
        """Sent, but no readable answer: ``submitting`` -> ``unknown`` (the user reconciles)."""
        return self._set_state(
            local_id, (SUBMITTING,), "state = ?, last_error = ?", (UNKNOWN, error_text)
        )

    def resolve_unknown(self, local_id: int, order: int | None) -> TrackedOrder:
        """The user's verdict on an ``unknown`` order: the panel's id it found, or None for
        "never placed".  Refused when that panel order id is already tracked."""
        if order is None:
            return self._set_state(
                local_id, (UNKNOWN,), "state = ?, last_error = NULL", (NOT_PLACED,)
            )
        return self._set_state(
            local_id,
            (UNKNOWN,),
            'state = ?, "order" = ?, last_error = NULL',
            (PLACED, order),
            order,
        )

    def recover_interrupted(self, started_before: float) -> int:
        """Turn ``submitting`` rows older than ``started_before`` into ``unknown`` (the app
        stopped between writing the row and reading the answer).  Returns how many."""
        with self._tx() as conn:
            cur = conn.execute(
                "UPDATE orders SET state = ?, updated_at = ?, last_error = ? "
                "WHERE state = ? AND created_at < ?",
                (
                    UNKNOWN,
                    time.time(),
                    "The app stopped before the panel answered: the order may have been placed.",
                    SUBMITTING,
                    started_before,
                ),
            )
        return cur.rowcount

    def import_order(self, panel_id: int, order: int) -> TrackedOrder:
        """Track an order placed elsewhere (service unknown: id 0, empty name and type).
        ``ValueError`` when that panel order id is already tracked."""
        if order <= 0:
            raise ValueError(f"{order} is not a valid order id.")
        self._require_panel(panel_id)
        now = time.time()
        with self._tx() as conn:
            self._check_not_tracked(conn, panel_id, order)
            cur = conn.execute(
                f"INSERT INTO orders ({ORDER_COLS}) VALUES "
                "(NULL,?,?,0,'','','{}','',NULL,NULL,NULL,NULL,NULL,?,NULL,NULL,?,?,NULL,NULL)",
                (panel_id, order, PLACED, now, now),
            )
        return self._require_order(inserted_id(cur))
