"""Drip-feed parents: the runs and child orders the panel reports, and the children tracked.

A drip-feed parent answers ``status`` with ``{"status", "runs", "orders": [child ids]}`` (one
child order per run started so far).  ``record_dripfeed`` keeps the runs and the child ids of
each tracked parent and starts tracking every child not tracked yet (a placed row with the
parent's service and link, params ``{"dripfeed_parent": <parent's order id>}``), so the next
refresh polls it like any other order.  The table is store/db.py's ``_DRIPFEED`` step.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass

from smpanel_desktop.api.models import StatusResult
from smpanel_desktop.store.base import StoreBase, inserted_id
from smpanel_desktop.store.models import PLACED, TrackedOrder
from smpanel_desktop.store.rows import ORDER_COLS, query_orders


@dataclass(frozen=True, slots=True)
class Dripfeed:
    parent_local_id: int
    runs: int | None
    """The runs as the panel reports them."""
    children: tuple[int, ...]
    """The panel's ids of the child orders (one per run started so far)."""


def _dripfeed(row: Sequence[object]) -> Dripfeed:
    children = tuple(int(c) for c in str(row[2]).split(",") if c.strip().isdigit())
    runs = row[1]
    return Dripfeed(int(str(row[0])), None if runs is None else int(str(runs)), children)


class DripfeedStore(StoreBase):
    """Runs and child orders of drip-feed parents."""

    def record_dripfeed(self, panel_id: int, results: Sequence[StatusResult]) -> list[TrackedOrder]:
        """Keep what drip-feed parents among ``results`` report; return the children that are
        tracked from now on.  Results for untracked parents are ignored."""
        parents = [
            r.status
            for r in results
            if r.status is not None and (r.status.children or r.status.runs is not None)
        ]
        if not parents:
            return []
        now = time.time()
        new_ids: list[int] = []
        with self._tx() as conn:
            for status in parents:
                row = conn.execute(
                    "SELECT id, service_id, service_name, service_type, link, currency FROM orders"
                    ' WHERE panel_id = ? AND "order" = ?',
                    (panel_id, status.order),
                ).fetchone()
                if row is None:
                    continue
                local_id, sid, name, stype, link, currency = row
                conn.execute(
                    "INSERT INTO dripfeed_runs (parent_local_id, runs, children, updated_at)"
                    " VALUES (?,?,?,?) ON CONFLICT(parent_local_id) DO UPDATE SET"
                    " runs = excluded.runs, children = excluded.children,"
                    " updated_at = excluded.updated_at",
                    (local_id, status.runs, ",".join(map(str, status.children)), now),
                )
                params = json.dumps({"dripfeed_parent": status.order})
                for child in status.children:
                    known = conn.execute(
                        'SELECT 1 FROM orders WHERE panel_id = ? AND "order" = ?',
                        (panel_id, child),
                    ).fetchone()
                    if known is not None:
                        continue
                    cur = conn.execute(
                        f"INSERT INTO orders ({ORDER_COLS}) VALUES (NULL,?,?,?,?,?,?,?,NULL,"
                        "NULL,NULL,?,NULL,?,NULL,NULL,?,?,NULL,NULL)",
                        (panel_id, child, sid, name, stype, params, link, currency, PLACED, now,
                         now),
                    )  # fmt: skip
                    new_ids.append(inserted_id(cur))
            if not new_ids:
                return []
            marks = ",".join("?" * len(new_ids))
            return query_orders(
                conn, f"SELECT {ORDER_COLS} FROM orders WHERE id IN ({marks}) ORDER BY id", new_ids
            )

    def dripfeed(self, local_id: int) -> Dripfeed | None:
        """What the panel last said of this drip-feed parent (None: not a parent, or not seen)."""
        row = (
            self._conn()
            .execute(
                "SELECT parent_local_id, runs, children FROM dripfeed_runs"
                " WHERE parent_local_id = ?",
                (local_id,),
            )
            .fetchone()
        )
        return None if row is None else _dripfeed(row)

    def dripfeeds(self, panel_id: int) -> dict[int, Dripfeed]:
        """Every drip-feed parent of the panel the panel has reported on, by local id."""
        rows = self._conn().execute(
            "SELECT d.parent_local_id, d.runs, d.children FROM dripfeed_runs d"
            " JOIN orders o ON o.id = d.parent_local_id WHERE o.panel_id = ?",
            (panel_id,),
        )
        return {int(r[0]): _dripfeed(r) for r in rows}
