"""Validation of a whole order: every declared field, extra fields, checks across fields."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from smpanel_desktop.api.models import UNLIMITED, Service
from smpanel_desktop.core.orders.fields import (
    COUNTED_LINES,
    FIELDS_BY_TYPE,
    GENERIC_FIELDS,
    FieldProblem,
    FieldSpec,
    canonical_type,
    fields_for,
)
from smpanel_desktop.core.orders.values import (
    DIGITS,
    RESERVED_NAMES,
    check_date,
    check_int,
    check_lines,
    check_link,
    check_text,
    given,
    quantity_bounds,
    split_lines,
)

_EXTRA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")


def _check_field(spec: FieldSpec, raw: str, service: Service, today: _dt.date) -> str | None:
    if spec.kind in ("link", "url"):
        return check_link(raw, allow_username=spec.kind == "link", max_length=spec.max_length)
    if spec.kind == "int":
        if spec.name == "quantity":
            low, high = quantity_bounds(service)
        else:
            low = 0 if spec.min is None else spec.min
            high = UNLIMITED if spec.max is None else spec.max
        return check_int(raw, low, high)
    if spec.kind == "lines":
        return check_lines(raw, max_length=spec.max_length)
    if spec.kind == "choice":
        return None if raw in spec.choices else "Choose one of " + ", ".join(spec.choices)
    if spec.kind == "date":
        return check_date(raw, today)
    return check_text(raw, word=spec.word, max_length=spec.max_length)


def validate(
    service: Service,
    values: Mapping[str, str],
    *,  # pragma: no mutate
    today: _dt.date | None = None,
) -> list[FieldProblem]:
    """Every problem with ``values`` for this service, in form order; empty when it can be sent."""
    today = today or _dt.date.today()
    known = canonical_type(service.type)
    declared = FIELDS_BY_TYPE[known] if known else GENERIC_FIELDS
    problems: list[FieldProblem] = []
    for spec in declared:
        raw = given(values, spec.name)
        if spec.dripfeed and not service.dripfeed:
            if raw:
                problems.append(FieldProblem(spec.name, "This service does not allow drip-feed"))
            continue
        if not raw:
            if spec.required and not spec.dripfeed:
                problems.append(FieldProblem(spec.name, f"{spec.label} is required"))
            continue
        message = _check_field(spec, raw, service, today)
        if message:
            problems.append(FieldProblem(spec.name, message))
    problems += _cross_checks(service, known, values)
    names = {spec.name for spec in declared}
    for name in values:
        if name in names or not given(values, name):
            continue
        if name in RESERVED_NAMES or not _EXTRA_NAME.match(name):
            problems.append(FieldProblem(name, "Not a field that can be set"))
        else:  # an extra the user gave explicitly: sent as given (some engines want them)
            message = check_lines(str(values[name]), max_length=10_000, keep_blank=True)
            if message:
                problems.append(FieldProblem(name, message))
    return problems


def extra_fields(service: Service, values: Mapping[str, str]) -> list[str]:
    """The given fields the form of this type does not know: they are sent as given (SmartPanel's
    Package wants ``quantity``, its Subscriptions ``link``), with a note to the user."""
    known = canonical_type(service.type)
    declared = {spec.name for spec in (FIELDS_BY_TYPE[known] if known else GENERIC_FIELDS)}
    return [name for name in values if name not in declared and given(values, name)]


def extras_note(service: Service, names: list[str]) -> str:
    """ "Sent as given: the form of Package does not know quantity (its fields: link)"."""
    known = canonical_type(service.type) or "this type"
    fields = ", ".join(f.name for f in fields_for(service))
    return (
        f"Sent as given: the form of {known} does not know {', '.join(names)}"
        f" (its fields: {fields})"
    )


def _cross_checks(
    service: Service, known: str | None, values: Mapping[str, str]
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if service.dripfeed and known == "Default":
        runs, interval = given(values, "runs"), given(values, "interval")
        if bool(runs) != bool(interval):
            missing = "interval" if runs else "runs"
            problems.append(FieldProblem(missing, "Drip-feed needs both runs and interval"))
    if known in COUNTED_LINES:
        name = COUNTED_LINES[known]
        count = len(split_lines(given(values, name)))
        low, high = quantity_bounds(service)
        if count and not low <= count <= high:
            bound = f"at least {low}" if count < low else f"at most {high}"
            problems.append(FieldProblem(name, f"{count} lines: this service takes {bound}"))
    if known == "Subscriptions":
        low_raw, high_raw = given(values, "min"), given(values, "max")
        if DIGITS.match(low_raw) and DIGITS.match(high_raw) and int(low_raw) > int(high_raw):
            problems.append(FieldProblem("max", "Max must not be less than min"))
        low, high = quantity_bounds(service)
        for name in ("min", "max"):
            raw = given(values, name)
            if DIGITS.match(raw) and not low <= int(raw) <= high:
                problems.append(FieldProblem(name, f"Must be between {low} and {high}"))
    return problems
