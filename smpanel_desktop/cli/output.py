"""What the ``smpanel`` CLI prints: JSON with the API's field names, or aligned text tables.

JSON types are normalized: ids and counts as ints, money as decimal strings (never floats),
flags as booleans, times as ISO 8601 UTC strings.  Text output strips control characters from
what panels send, so a hostile service name cannot rewrite the terminal.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Sequence

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:  # the values are only read here: importing their modules costs a CLI start
    from decimal import Decimal
    from typing import Any, TextIO

    from smpanel_desktop.api.models import (
        Balance,
        CancelResult,
        RefillResult,
        RefillStatus,
        Service,
        StatusResult,
    )
    from smpanel_desktop.store.models import Panel, TrackedOrder

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def money(value: Decimal | None) -> str | None:
    """A Decimal as plain text (no exponent), None stays None."""
    if value is None:
        return None
    return format(value, "f")


def iso_time(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(timestamp))  # 3x datetime


def clean(value: object) -> str:
    """One line of text for a table cell."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():  # the common case, checked in C
        return text.strip()
    return _CONTROL.sub(" ", text).strip()


def dump_json(value: Any, out: TextIO | None = None) -> None:
    """Indented for a terminal; one line for a pipe (json's C encoder: ~10x faster)."""
    import json

    out = out or sys.stdout
    indent = 2 if out.isatty() else None
    out.write(json.dumps(value, ensure_ascii=False, indent=indent) + "\n")


def table(
    rows: Sequence[Sequence[object]], header: Sequence[str], out: TextIO | None = None
) -> None:
    """Left-aligned columns; the last column is not padded."""
    out = out or sys.stdout
    cells = [[clean(c) for c in header]] + [[clean(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for row in cells:
        parts = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        out.write("  ".join(parts).rstrip() + "\n")


# -- JSON shapes --------------------------------------------------------------------------------


def service_json(s: Service) -> dict[str, Any]:
    return {
        "service": s.id,
        "name": s.name,
        "type": s.type,
        "category": s.category,
        "rate": money(s.rate),
        "min": s.min,
        "max": s.max,
        "refill": s.refill,
        "cancel": s.cancel,
        "dripfeed": s.dripfeed,
        "description": s.description,
    }


def order_json(o: TrackedOrder) -> dict[str, Any]:
    return {
        "order": o.order,
        "id": o.id,
        "service": o.service_id,
        "service_name": o.service_name,
        "type": o.service_type,
        "status": o.status,
        "state": o.state,
        "charge": money(o.charge),
        "currency": o.currency,
        "start_count": o.start_count,
        "remains": o.remains,
        "link": o.link,
        "quantity": o.quantity,
        "runs": o.runs,
        "params": o.params,
        "created_at": iso_time(o.created_at),
        "last_checked_at": iso_time(o.last_checked_at),
        "last_error": o.last_error,
    }


def status_json(r: StatusResult) -> dict[str, Any]:
    if r.status is None:
        return {"order": r.order, "error": r.error}
    s = r.status
    return {
        "order": r.order,
        "status": s.status,
        "charge": money(s.charge),
        "start_count": s.start_count,
        "remains": s.remains,
        "currency": s.currency,
        **({"runs": s.runs, "orders": list(s.children)} if s.runs or s.children else {}),
    }


def balance_json(b: Balance) -> dict[str, Any]:
    return {"balance": money(b.amount), "currency": b.currency}


def refill_json(r: RefillResult) -> dict[str, Any]:
    if r.refill is None:
        return {"order": r.order, "error": r.error}
    return {"order": r.order, "refill": r.refill}


def refill_status_json(r: RefillStatus) -> dict[str, Any]:
    if r.status is None:
        return {"refill": r.refill, "error": r.error}
    return {"refill": r.refill, "status": r.status}


def cancel_json(r: CancelResult) -> dict[str, Any]:
    if r.error is not None or not r.accepted:
        return {"order": r.order, "cancel": False, "error": r.error}
    return {"order": r.order, "cancel": True}


def panel_json(p: Panel, current: bool) -> dict[str, Any]:
    return {"name": p.name, "endpoint": p.endpoint, "currency": p.currency, "current": current}


# -- text shapes --------------------------------------------------------------------------------


def _blank(value: object) -> object:
    return "" if value is None else value


def _max_text(value: int, unlimited: int) -> str:
    return "unlimited" if value >= unlimited else str(value)


def _flags(s: Service) -> str:
    return ("R" if s.refill else "-") + ("C" if s.cancel else "-") + ("D" if s.dripfeed else "-")


def print_services(services: Iterable[Service], currency: str) -> None:
    from smpanel_desktop.api.models import UNLIMITED

    rows = [
        (s.id, money(s.rate), s.min, _max_text(s.max, UNLIMITED), _flags(s), s.type, s.category,
         s.name)
        for s in services
    ]  # fmt: skip
    rate = f"RATE/1000 {currency}".strip()
    table(rows, ("ID", rate, "MIN", "MAX", "RCD", "TYPE", "CATEGORY", "NAME"))


def print_orders(orders: Iterable[TrackedOrder]) -> None:
    rows = []
    for o in orders:
        status = o.status or ("" if o.state == "placed" else o.state.replace("_", " "))
        charge = f"{money(o.charge)} {o.currency or ''}".strip() if o.charge is not None else ""
        rows.append(
            (
                o.order if o.order is not None else f"#{o.id}",
                status,
                charge,
                _blank(o.start_count),
                _blank(o.remains),
                _blank(o.quantity),
                o.service_id or "",
                o.link,
            )
        )
    table(rows, ("ORDER", "STATUS", "CHARGE", "START", "REMAINS", "QTY", "SERVICE", "LINK"))


def print_statuses(results: Iterable[StatusResult]) -> None:
    rows: list[tuple[object, ...]] = []
    for r in results:
        if r.status is None:
            rows.append((r.order, f"error: {r.error}", "", "", ""))
            continue
        s = r.status
        charge = f"{money(s.charge)} {s.currency or ''}".strip() if s.charge is not None else ""
        status = s.status
        if s.runs is not None or s.children:  # a drip-feed parent
            kids = ", ".join(map(str, s.children)) or "none yet"
            status = f"{status} (drip-feed: {_blank(s.runs)} runs, child orders {kids})"
        rows.append((r.order, status, charge, _blank(s.start_count), _blank(s.remains)))
    table(rows, ("ORDER", "STATUS", "CHARGE", "START", "REMAINS"))
