"""The sandbox's state file: JSON, written atomically (temp file, fsync, rename).

An unreadable or foreign file is ignored (the sandbox starts afresh and overwrites it on the
next change): a broken demo state must never stop the app from starting.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from . import lifecycle
from .lifecycle import OrderRecord

VERSION = 1


@dataclass(frozen=True, slots=True)
class Saved:
    clock_now: float
    """The simulated time at saving, moved on by the real time since, times the time scale."""
    balance: Decimal
    next_order: int
    next_refill: int
    orders: list[OrderRecord]
    refills: dict[int, tuple[int, float]]


def write(
    path: Path, clock_now: float, balance: Decimal, next_order: int, next_refill: int,
    orders: Iterable[OrderRecord], refills: Mapping[int, tuple[int, float]],
) -> None:  # fmt: skip
    data = {
        "version": VERSION,
        "balance": str(balance),
        "clock_now": clock_now,
        "saved_at": time.time(),
        "next_order": next_order,
        "next_refill": next_refill,
        "orders": [_dump(r) for r in orders],
        "refills": [[rid, o, t] for rid, (o, t) in refills.items()],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _dump(r: OrderRecord) -> dict[str, Any]:
    return {
        "id": r.id,
        "service": r.service,
        "type": r.service_type,
        "link": r.link,
        "quantity": r.quantity,
        "params": r.params,
        "charge": str(r.charge),
        "created": r.created,
        "canceled": r.canceled,
        "canceled_at": r.canceled_at,
        "refunded": str(r.refunded),
    }


def _load(o: dict[str, Any], seed: int) -> OrderRecord:
    oid, quantity = int(o["id"]), int(o["quantity"])
    canceled_at = o["canceled_at"]
    return OrderRecord(
        id=oid,
        service=int(o["service"]),
        service_type=str(o["type"]),
        link=str(o["link"]),
        quantity=quantity,
        params={str(k): str(v) for k, v in o["params"].items()},
        charge=Decimal(o["charge"]),
        created=float(o["created"]),
        plan=lifecycle.order_plan(seed, oid, quantity),
        canceled=bool(o["canceled"]),
        canceled_at=None if canceled_at is None else float(canceled_at),
        refunded=Decimal(o["refunded"]),
    )


def read(path: Path, seed: int, time_scale: float = 1.0) -> Saved | None:
    """The saved state, or None when there is none or it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return None
        orders = [_load(o, seed) for o in data["orders"]]
        away = max(0.0, time.time() - float(data["saved_at"]))
        return Saved(
            clock_now=float(data["clock_now"]) + away * time_scale,
            balance=Decimal(data["balance"]),
            next_order=int(data["next_order"]),
            next_refill=int(data["next_refill"]),
            orders=orders,
            refills={int(r): (int(o), float(t)) for r, o, t in data["refills"]},
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError, InvalidOperation):
        return None
