"""What ``add`` sends for an order, how many units it delivers and what it costs."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.orders.fields import (
    COUNTED_LINES,
    PACKAGE_TYPES,
    InvalidOrderError,
    canonical_type,
    fields_for,
)
from smpanel_desktop.core.orders.validation import validate
from smpanel_desktop.core.orders.values import given, parse_date, split_lines


def build_params(service: Service, values: Mapping[str, str]) -> dict[str, str]:
    """Exactly the parameters ``add`` sends (without ``service``); raises InvalidOrderError."""
    problems = validate(service, values)
    if problems:
        raise InvalidOrderError(problems)
    params: dict[str, str] = {}
    specs = {spec.name: spec for spec in fields_for(service)}
    for name in values:
        raw = given(values, name)
        if not raw:
            continue
        spec = specs.get(name)
        if spec is None or spec.kind == "lines":
            params[name] = "\n".join(split_lines(raw, keep_blank=spec is None))
        elif spec.kind == "int":
            params[name] = str(int(raw))
        elif spec.kind == "date":
            params[name] = _parse_date_text(raw).strftime("%d/%m/%Y")
        else:
            params[name] = raw
    order = list(specs)
    return dict(sorted(params.items(), key=lambda kv: _position(order, kv[0])))


def _position(order: list[str], name: str) -> int:
    return order.index(name) if name in order else len(order)


def _parse_date_text(raw: str) -> _dt.date:
    parsed = parse_date(raw)
    assert parsed is not None  # validated before
    return parsed


def total_quantity(service: Service, values: Mapping[str, str]) -> int | None:
    """Units the order delivers in total (quantity × runs, lines count, 1 for packages)."""
    known = canonical_type(service.type)
    if known in PACKAGE_TYPES:
        return 1
    if known == "Subscriptions":
        return None
    if known in COUNTED_LINES:
        count = len(split_lines(given(values, COUNTED_LINES[known])))
        return count or None
    raw = given(values, "quantity")
    if not (raw.isascii() and raw.isdecimal()):
        return None
    quantity = int(raw)
    runs = given(values, "runs")
    if service.dripfeed and known == "Default" and runs.isascii() and runs.isdecimal():
        quantity *= int(runs)
    return quantity


def estimate_cost(service: Service, values: Mapping[str, str]) -> Decimal | None:
    """rate × total quantity / 1000 (a package costs its rate); None when not computable."""
    if canonical_type(service.type) in PACKAGE_TYPES:
        return service.rate
    total = total_quantity(service, values)
    if total is None:
        return None
    return service.rate * total / 1000
