"""Tolerant parsers: a panel's decoded JSON in, typed models out.

Values are read with the converters of convert.py.  What cannot be read at all raises
``UnreadableAnswerError`` (never ``KeyError``/``TypeError``/``ValueError``).  Optional fields
that are garbage fall back to their default rather than losing the whole record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from smpanel_desktop.bulk import fast_factory, gc_paused

from .convert import (
    clean_text,
    soft,
    soft_bool,
    soft_int,
    soft_text,
    to_decimal,
    to_int,
    unusable,
)
from .dialects import error_text, service_type
from .error_texts import panel_text
from .errors import PanelError, UnreadableAnswerError, panel_error
from .models import (
    UNLIMITED,
    Catalog,
    OrderStatus,
    Service,
    StatusResult,
)

NOT_IN_ANSWER = "The panel's answer did not mention this id"


def answer_mapping(payload: object, what: str) -> Mapping[str, object]:
    if not isinstance(payload, Mapping):
        raise unusable(what, payload)
    return payload


def item_error(value: object) -> str | None:
    """The text of a per-item error (``{"error": ...}`` or another engine's shape), else None."""
    if isinstance(value, Mapping) and "error" in value:
        return panel_text(value["error"], "Error without a text")
    said = error_text(value)
    return None if said is None else panel_text(said, "Error without a text")


# --- services ---------------------------------------------------------------------------------


_new_service = fast_factory(Service)  # positional: id, name, type, category, rate, min, max,
# refill, cancel, dripfeed, description


def parse_service(record: object, texts: dict[str, str] | None = None) -> Service:
    """One record of the ``services`` list.  No usable id or rate -> ``UnreadableAnswerError``.

    With ``texts`` the type, category and description are kept once in it (catalogs repeat
    them in blocks: 50,000 services have a few hundred categories)."""
    item = record if type(record) is dict else answer_mapping(record, "service record")
    get = item.get
    sid = soft_int(get("service", get("id")), None)
    if sid is None or sid < 0:  # the message names the field: "unusable service id: 'abc'"
        raise unusable("service id", get("service", get("id")))
    rate = to_decimal(get("rate"))
    if rate is None or rate < 0:
        raise unusable("rate", get("rate"))
    kind = service_type(soft_text(get("type"), "Default"))
    category = soft_text(get("category"), "")
    description = soft_text(get("description", get("desc")), "")
    if texts is not None:
        share = texts.setdefault
        kind, category = share(kind, kind), share(category, category)
        description = share(description, description)
    return _new_service(
        sid,
        soft_text(get("name"), ""),
        kind,
        category,
        rate,
        soft_int(get("min"), 1),
        soft_int(get("max"), UNLIMITED),
        soft_bool(get("refill"), False),
        soft_bool(get("cancel"), False),
        soft_bool(get("dripfeed"), False),
        description,
    )


def service_records(
    texts: dict[str, str], known: Mapping[int, Service] | None = None
) -> Callable[[dict[str, Any]], object]:
    """A ``json`` object hook for the ``services`` answer: each record becomes its ``Service``
    as soon as it is decoded, so the 50,000 decoded dicts of a catalog never all exist at once
    (~40 MB).  Any other object, an error answer, or a record that does not parse stays a dict
    (``parse_catalog`` counts it as skipped, as before).  A service equal to the one ``known``
    by its id (the previous fetch: most come back unchanged) is that one, so the catalog is
    not held twice while it is being replaced."""

    def hook(item: dict[str, Any]) -> object:
        if "rate" in item and ("service" in item or "id" in item) and "error" not in item:
            try:
                service = parse_service(item, texts)
            except UnreadableAnswerError:
                return item
            old = known.get(service.id) if known else None
            if old is not None and old == service and same_digits(old.rate, service.rate):
                return old
            return service
        return item

    return hook


def same_digits(a: Decimal, b: Decimal) -> bool:
    """Equal and spelt alike: 0.9 and 0.90 are equal numbers, yet a rate shows as given."""
    return a.as_tuple() == b.as_tuple()


def parse_catalog(payload: object, texts: dict[str, str] | None = None) -> Catalog:
    """The ``services`` answer: a list (or a PHP object of records).  Bad records are counted.
    Records may already be services (``service_records``); ``texts`` as for parse_service."""
    records: Iterable[object]
    if isinstance(payload, list):
        records = payload
    elif isinstance(payload, Mapping) and all(
        isinstance(v, (Mapping, Service)) for v in payload.values()
    ):
        records = payload.values()
    else:
        raise unusable("service list", payload)
    services: list[Service] = []
    seen: set[int] = set()
    skipped = 0
    texts = {} if texts is None else texts
    with gc_paused():  # 20,000 services: the GC would rescan the decoded answer again and again
        for record in records:
            try:
                service = record if type(record) is Service else parse_service(record, texts)
            except UnreadableAnswerError:
                skipped += 1
                continue
            if service.id in seen:  # a second record with this id cannot be ordered unambiguously
                skipped += 1
                continue
            seen.add(service.id)
            services.append(service)
    return Catalog(tuple(services), skipped)


# --- orders -----------------------------------------------------------------------------------


def parse_order_id(payload: object) -> int:
    """The ``add`` answer ``{"order": 23501}`` (the id may be a string)."""
    item = answer_mapping(payload, "answer to add")
    order = to_int(item.get("order"))
    if order is None or order <= 0:  # 0 names no order: it could never be polled or resolved
        raise unusable("order id", item.get("order"))
    return order


def _order_status(order: int, item: Mapping[str, object]) -> OrderStatus:
    error = item_error(item.get("status"))
    if error is not None:
        raise panel_error(error)
    status = clean_text(item.get("status"))
    if not status:
        raise unusable("order status", item.get("status"))
    currency = soft(clean_text, item.get("currency"), "")
    children = item.get("orders")  # a drip-feed parent: {"status", "runs", "orders": [ids]}
    return OrderStatus(
        order=order,
        status=status,
        charge=soft(to_decimal, item.get("charge"), None),
        start_count=soft(to_int, item.get("start_count"), None),
        remains=soft(to_int, item.get("remains"), None),
        currency=currency or None,
        runs=soft(to_int, item.get("runs"), None),
        children=_child_ids(children) if isinstance(children, list) else (),
    )


def _child_ids(values: list[object]) -> tuple[int, ...]:
    ids = (soft(to_int, v, None) for v in values[:10_000])
    return tuple(dict.fromkeys(i for i in ids if i is not None and i > 0))


def parse_status(payload: object, order: int) -> OrderStatus:
    """The single ``status`` answer (also accepted: the multi form holding only this order)."""
    item = answer_mapping(payload, "status answer")
    nested = item.get(str(order))
    if "status" not in item and isinstance(nested, Mapping):
        item = nested
    error = item_error(item)
    if error is not None:
        raise panel_error(error)
    return _order_status(order, item)


def entries_by_id(payload: object, id_field: str) -> dict[int, object]:
    """Per-id entries of a multi answer: a list of records naming their id, or an object keyed
    by id.  Entries without a usable id are dropped."""
    if isinstance(payload, list):
        pairs: Iterable[tuple[object, object]] = ((None, v) for v in payload)
    elif isinstance(payload, Mapping):
        pairs = payload.items()
    else:
        raise unusable("list of answers", payload)
    entries: dict[int, object] = {}
    for key, value in pairs:
        named = value.get(id_field) if isinstance(value, Mapping) else None
        ident = soft(to_int, named, None)
        if ident is None:
            ident = soft(to_int, key, None)
        if ident is not None:
            entries.setdefault(ident, value)
    if payload and not entries:
        raise unusable("list of answers", payload)
    return entries


def parse_multi_status(payload: object, orders: Iterable[int]) -> list[StatusResult]:
    """``status`` with ``orders=``: ``{"1": {...}, "10": {"error": "Incorrect order ID"}}``.

    One result per requested order, in the requested order."""
    entries = entries_by_id(payload, "order")
    results: list[StatusResult] = []
    for order in orders:
        entry = entries.get(order)
        error = item_error(entry)
        if entry is None:
            results.append(StatusResult(order, None, NOT_IN_ANSWER))
        elif error is not None:
            results.append(StatusResult(order, None, error))
        elif isinstance(entry, Mapping):
            try:
                results.append(StatusResult(order, _order_status(order, entry)))
            except (UnreadableAnswerError, PanelError) as exc:
                results.append(StatusResult(order, None, exc.message))
        else:
            results.append(StatusResult(order, None, soft(clean_text, entry, "") or NOT_IN_ANSWER))
    return results
