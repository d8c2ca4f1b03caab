"""What the watchers keep: catalog changes per fetch, refill windows set per service, when an
order's remains last moved (written by a trigger, see db.py ``_WATCH``), announced events."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from smpanel_desktop.api.dialects import FINAL_REFILL_STATUSES
from smpanel_desktop.bulk import fast_factory
from smpanel_desktop.store.base import StoreBase
from smpanel_desktop.store.models import Refill
from smpanel_desktop.store.schema import FINAL_STATUSES_SQL

_REFILL_FINAL = ", ".join(f"'{s}'" for s in sorted(FINAL_REFILL_STATUSES))
_make_refill = fast_factory(Refill)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class CatalogChange:
    """One change between two fetches of a panel's catalog.

    ``change``: ``added``, ``removed``, ``rate``, ``min``, ``max``, ``refill``, ``cancel`` or
    ``dripfeed``; ``old``/``new`` are JSON values (rates as decimal strings, None for the side
    an added or removed service lacks)."""

    service: int
    name: str
    change: str
    old: Any
    new: Any
    detected_at: float = 0.0
    id: int = 0


@dataclass(frozen=True, slots=True)
class Finished:
    """An order or refill that reached a final status (a row of its history)."""

    key: int
    """The history row id (orders) or the refill's local id (refills)."""
    local_id: int
    order: int | None
    status: str
    at: float


class WatchStore(StoreBase):
    """Catalog changes, refill windows, progress times and announced events."""

    # -- catalog changes ---------------------------------------------------------------------

    def record_catalog_changes(
        self, panel_id: int, detected_at: float, changes: Sequence[CatalogChange], *,
        keep_seconds: float = 90 * 86400.0,
    ) -> None:  # fmt: skip
        """Store the changes of one fetch; forget those older than ``keep_seconds``."""
        with self._tx() as conn:
            conn.executemany(
                "INSERT INTO catalog_changes (panel_id, detected_at, service_id, name, change, "
                "old, new) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (panel_id, detected_at, c.service, c.name, c.change, json.dumps(c.old),
                     json.dumps(c.new))
                    for c in changes
                ],
            )  # fmt: skip
            conn.execute(
                "DELETE FROM catalog_changes WHERE panel_id = ? AND detected_at < ?",
                (panel_id, detected_at - keep_seconds),
            )

    def catalog_changes(
        self, panel_id: int, *, since: float | None = None, at: float | None = None
    ) -> list[CatalogChange]:
        """The panel's catalog changes (detected at ``at``, or since ``since``), newest first."""
        sql = (
            "SELECT service_id, name, change, old, new, detected_at, id FROM catalog_changes "
            "WHERE panel_id = ?"
        )
        args: list[Any] = [panel_id]
        if since is not None:
            sql += " AND detected_at >= ?"
            args.append(since)
        if at is not None:
            sql += " AND detected_at = ?"
            args.append(at)
        rows = self._conn().execute(sql + " ORDER BY detected_at DESC, id", args)
        return [
            CatalogChange(s, n, c, json.loads(o), json.loads(w), t, i)
            for s, n, c, o, w, t, i in rows
        ]

    # -- refill windows set per service --------------------------------------------------------

    def set_refill_window(self, panel_id: int, service_id: int, window: str | None) -> None:
        """Set (``30``, ``lifetime``, ``none``) or clear (None or "") a service's window."""
        with self._tx() as conn:
            if not window:
                conn.execute(
                    "DELETE FROM service_guarantees WHERE panel_id = ? AND service_id = ?",
                    (panel_id, service_id),
                )
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO service_guarantees (panel_id, service_id, window) "
                    "VALUES (?, ?, ?)",
                    (panel_id, service_id, window),
                )

    def refill_windows(self, panel_id: int) -> dict[int, str]:
        """``{service_id: window text}`` of the windows the user set."""
        rows = self._conn().execute(
            "SELECT service_id, window FROM service_guarantees WHERE panel_id = ?", (panel_id,)
        )
        return {int(s): str(w) for s, w in rows}

    # -- order progress and history -------------------------------------------------------------

    def progress_times(self, panel_id: int) -> dict[int, float]:
        """``{local_id: when remains or status last moved}`` of the panel's orders."""
        rows = self._conn().execute(
            "SELECT p.order_local_id, p.moved_at FROM order_progress p "
            "JOIN orders o ON o.id = p.order_local_id WHERE o.panel_id = ?",
            (panel_id,),
        )
        return {int(i): float(t) for i, t in rows}

    def completed_times(self, panel_id: int) -> dict[int, float]:
        """``{local_id: when the status last became Completed}`` (from the history)."""
        rows = self._conn().execute(
            "SELECT h.order_local_id, max(h.changed_at) FROM status_history h "
            "JOIN orders o ON o.id = h.order_local_id WHERE o.panel_id = ? "
            "AND lower(trim(h.new_status)) = 'completed' GROUP BY h.order_local_id",
            (panel_id,),
        )
        return {int(i): float(t) for i, t in rows}

    def finished_orders(self, panel_id: int, since: float) -> list[Finished]:
        """History rows since ``since`` in which an order reached a final status."""
        rows = self._conn().execute(
            'SELECT h.id, h.order_local_id, o."order", h.new_status, h.changed_at '
            "FROM status_history h JOIN orders o ON o.id = h.order_local_id "
            f"WHERE o.panel_id = ? AND h.changed_at >= ? AND lower(trim(h.new_status)) IN "
            f"({FINAL_STATUSES_SQL}) ORDER BY h.changed_at, h.id",
            (panel_id, since),
        )
        return [Finished(*r) for r in rows]

    def finished_refills(self, panel_id: int, since: float) -> list[Finished]:
        """Refills that reached a final status since ``since``."""
        rows = self._conn().execute(
            'SELECT f.id, f.order_local_id, o."order", f.status, f.updated_at FROM refills f '
            "JOIN orders o ON o.id = f.order_local_id WHERE o.panel_id = ? AND f.updated_at >= ? "
            f"AND lower(trim(f.status)) IN ({_REFILL_FINAL}) ORDER BY f.updated_at, f.id",
            (panel_id, since),
        )
        return [Finished(*r) for r in rows]

    def panel_refills(self, panel_id: int) -> list[Refill]:
        """Every refill request of the panel's orders, newest first."""
        rows = self._conn().execute(
            "SELECT f.id, f.order_local_id, f.refill, f.status, f.created_at, f.updated_at, "
            "f.last_error, f.last_checked_at FROM refills f JOIN orders o "
            "ON o.id = f.order_local_id WHERE o.panel_id = ? ORDER BY f.created_at DESC, f.id DESC",
            (panel_id,),
        )
        return [_make_refill(*r) for r in rows]

    def ordered_services(self, panel_id: int) -> set[int]:
        """Ids of the services the user has ordered from on this panel."""
        rows = self._conn().execute(
            "SELECT DISTINCT service_id FROM orders WHERE panel_id = ?", (panel_id,)
        )
        return {int(r[0]) for r in rows}

    def used_services(self, panel_id: int) -> set[int]:
        """Services the user ordered from, or starred (the favourites table)."""
        rows = self._conn().execute(
            "SELECT service_id FROM orders WHERE panel_id = ? "
            "UNION SELECT service_id FROM favourites WHERE panel_id = ?",
            (panel_id, panel_id),
        )
        return {int(r[0]) for r in rows}

    # -- announced events ------------------------------------------------------------------------

    def announced(self, panel_id: int, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` already announced."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        conn = self._conn()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows = conn.execute(
                f"SELECT key FROM announced_events WHERE panel_id = ? AND key IN "
                f"({','.join('?' * len(chunk))})",
                (panel_id, *chunk),
            )
            found.update(str(r[0]) for r in rows)
        return found

    def mark_announced(self, panel_id: int, keys: Iterable[str], at: float) -> None:
        """Record events as announced (a key already there stays as it was)."""
        with self._tx() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO announced_events (panel_id, key, announced_at) "
                "VALUES (?, ?, ?)",
                [(panel_id, k, at) for k in keys],
            )

    def forget_announced(self, panel_id: int, key: str) -> None:
        """Let an event be announced again (the balance went back above its threshold)."""
        with self._tx() as conn:
            conn.execute(
                "DELETE FROM announced_events WHERE panel_id = ? AND key = ?", (panel_id, key)
            )
