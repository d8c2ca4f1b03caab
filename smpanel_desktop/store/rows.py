"""Reading order rows into values: the columns, the JSON parameters, 100,000 rows fast.

Shared by the store's parts (base.py's ``order``, order_queries.py's queries).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from smpanel_desktop.bulk import fast_factory, gc_paused
from smpanel_desktop.store.models import TrackedOrder

ORDER_COLS = (
    'id, panel_id, "order", service_id, service_name, service_type, params, link, quantity, '
    "runs, charge, currency, status, state, start_count, remains, created_at, updated_at, "
    "last_checked_at, last_error"
)
_make_order = fast_factory(TrackedOrder)


def _parse_params(texts: list[str]) -> list[Any]:
    """Parse many JSON objects with one ``json.loads`` call (3x faster than one call each)."""
    if not texts:
        return []
    try:
        values = json.loads("[" + ",".join(texts) + "]")
        if isinstance(values, list) and len(values) == len(texts):
            return values
    except ValueError:
        pass
    out: list[Any] = []
    for text in texts:  # a damaged row must not hide the others
        try:
            out.append(json.loads(text))
        except ValueError:
            out.append({})
    return out


def query_orders(conn: sqlite3.Connection, sql: str, args: Sequence[Any]) -> list[TrackedOrder]:
    """Run a ``SELECT {ORDER_COLS} ...`` and build the values (GC paused: 100k rows)."""
    with gc_paused():
        rows = conn.execute(sql, args).fetchall()
        params = _parse_params([r[6] for r in rows])
        make = _make_order
        return [
            make(*r[:6], p, *r[7:10], None if r[10] is None else Decimal(r[10]), *r[11:])
            for r, p in zip(rows, params, strict=True)  # pragma: no mutate
        ]
