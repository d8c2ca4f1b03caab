"""Refills of placed orders: requests (accepted or refused) and their statuses."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from smpanel_desktop.api.models import RefillStatus, is_final_refill_status
from smpanel_desktop.bulk import fast_factory
from smpanel_desktop.store.base import StoreBase, inserted_id
from smpanel_desktop.store.models import PLACED, Refill

_REFILL_COLS = (
    "id, order_local_id, refill, status, created_at, updated_at, last_error, last_checked_at"
)
_make_refill = fast_factory(Refill)


class RefillStore(StoreBase):
    """Refills."""

    def _insert_refill(self, order_local_id: int, refill: int | None, error: str | None) -> Refill:
        self._require_order(order_local_id, PLACED)
        now = time.time()
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT INTO refills (order_local_id, refill, status, created_at, updated_at, "
                "last_error) VALUES (?, ?, NULL, ?, ?, ?)",
                (order_local_id, refill, now, now, error),
            )
        return Refill(inserted_id(cur), order_local_id, refill, None, now, now, error)

    def add_refill(self, order_local_id: int, refill_id: int) -> Refill:
        """Record a refill the panel accepted (its refill id) for a placed order."""
        return self._insert_refill(order_local_id, refill_id, None)

    def refill_failed(self, order_local_id: int, error: str) -> Refill:
        """Record a refill request the panel refused (no refill id, its text as last_error)."""
        return self._insert_refill(order_local_id, None, error)

    def apply_refill_statuses(
        self,
        results: Sequence[RefillStatus],
        checked_at: float,
        *,  # pragma: no mutate
        panel_id: int | None = None,
    ) -> list[tuple[int, str | None, str | None]]:
        """Record refill statuses in one transaction; returns ``(refill_local_id, old, new)``
        for changed ones.  Pass ``panel_id``: refill ids are only unique within a panel."""
        changes: list[tuple[int, str | None, str | None]] = []
        scope = "" if panel_id is None else " AND o.panel_id = ?"
        with self._tx() as conn:
            for r in results:
                rows = conn.execute(
                    "SELECT f.id, f.status FROM refills f JOIN orders o ON o.id = f.order_local_id "
                    f"WHERE f.refill = ?{scope}",
                    (r.refill,) if panel_id is None else (r.refill, panel_id),
                ).fetchall()
                for local_id, old in rows:
                    if r.status is None:
                        conn.execute(
                            "UPDATE refills SET last_error = ?, last_checked_at = ? WHERE id = ?",
                            (r.error or "No status in the answer", checked_at, local_id),
                        )
                        continue
                    conn.execute(
                        "UPDATE refills SET status = ?, last_error = NULL, last_checked_at = ?, "
                        "updated_at = CASE WHEN status IS ? THEN updated_at ELSE ? END "
                        "WHERE id = ?",
                        (r.status, checked_at, r.status, checked_at, local_id),
                    )
                    if old != r.status:
                        changes.append((local_id, old, r.status))
        return changes

    def refills(self, order_local_id: int | None = None) -> list[Refill]:
        """Refills (of one order, or all), newest first."""
        sql, args = f"SELECT {_REFILL_COLS} FROM refills", list[Any]()
        if order_local_id is not None:
            sql += " WHERE order_local_id = ?"
            args.append(order_local_id)
        rows = self._conn().execute(sql + " ORDER BY created_at DESC, id DESC", args)
        return [_make_refill(*r) for r in rows]

    def open_refills(self, panel_id: int) -> list[Refill]:
        """The panel's accepted refills whose status is not final (worth polling)."""
        rows = self._conn().execute(
            f"SELECT {', '.join('f.' + c.strip() for c in _REFILL_COLS.split(','))} "
            "FROM refills f JOIN orders o ON o.id = f.order_local_id "
            "WHERE o.panel_id = ? AND f.refill IS NOT NULL ORDER BY f.created_at DESC, f.id DESC",
            (panel_id,),
        )
        return [
            r for r in (_make_refill(*row) for row in rows) if not is_final_refill_status(r.status)
        ]
