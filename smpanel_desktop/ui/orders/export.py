"""Export of the Orders tab's visible rows as CSV."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from smpanel_desktop.ui.orders.columns import COL_REFILL, progress
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.orders.statuses import status_text

CSV_FIELDS = (
    "local_id",
    "order",
    "created",
    "service_id",
    "service",
    "link",
    "quantity",
    "charge",
    "currency",
    "start_count",
    "remains",
    "progress",
    "status",
    "state",
    "refill",
    "last_checked",
)


def _iso(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts)) if ts else ""


def write_csv(path: Path, model: OrdersModel) -> int:
    """Write the model's visible rows (as filtered and sorted) to ``path``; the row count.
    Raises ``OSError`` when the file cannot be written."""
    orders = model.visible_orders()
    # UTF-8 with a BOM: Excel otherwise reads Turkish letters and emoji as mojibake
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_FIELDS)
        for o in orders:
            pct = progress(o)
            writer.writerow(
                (
                    o.id,
                    "" if o.order is None else o.order,
                    _iso(o.created_at),
                    o.service_id or "",
                    o.service_name,
                    o.link,
                    "" if o.quantity is None else o.quantity,
                    "" if o.charge is None else format(o.charge, "f"),
                    o.currency or "",
                    "" if o.start_count is None else o.start_count,
                    "" if o.remains is None else o.remains,
                    "" if pct is None else pct,
                    status_text(o),
                    o.state,
                    model.cell_text(o, COL_REFILL),
                    _iso(o.last_checked_at),
                )
            )
    return len(orders)
