"""CSV files for spreadsheets: UTF-8 with a byte-order mark, so Excel reads Turkish letters and
emoji right (without the BOM it guesses the legacy code page), and money as plain decimals."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from smpanel_desktop.core.money.ledger import LedgerRow
from smpanel_desktop.store.models import Panel, TrackedOrder

ENCODING = "utf-8-sig"
"""UTF-8 with a BOM."""
LEDGER_FIELDS = ("key", "currency", "total", "orders", "profit", "unpriced")
ORDER_FIELDS = (
    *("local_id", "panel", "order", "created", "service_id", "service", "link", "quantity"),
    *("charge", "currency", "status", "state", "start_count", "remains"),
)


def _text(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``rows`` under ``header``; returns how many rows.  ``OSError`` when it cannot."""
    count = 0
    with open(path, "w", newline="", encoding=ENCODING) as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_ledger_csv(path: Path, rows: Iterable[LedgerRow]) -> int:
    return write_csv(path, LEDGER_FIELDS, (
        (r.key, r.currency, _text(r.total), r.orders, _text(r.profit), r.unpriced) for r in rows
    ))  # fmt: skip


def _local(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts)) if ts else ""


def write_orders_csv(path: Path, orders: Iterable[TrackedOrder], panels: Iterable[Panel]) -> int:
    names = {p.id: p.name for p in panels}
    return write_csv(path, ORDER_FIELDS, (
        (o.id, names.get(o.panel_id, ""), "" if o.order is None else o.order,
         _local(o.created_at), o.service_id or "", o.service_name, o.link,
         "" if o.quantity is None else o.quantity, _text(o.charge), o.currency or "",
         o.status or "", o.state, "" if o.start_count is None else o.start_count,
         "" if o.remains is None else o.remains)
        for o in orders
    ))  # fmt: skip
