"""Reading order rows: the columns, which rows a listing shows, values from 100,000 rows fast
and small.

Shared by the store's parts (base.py's ``order``, order_queries.py's queries) and the CLI's
``orders --json`` (cli/orders.py), which reads the rows as text without the store: so this
module imports neither the models nor ``bulk`` (their dataclasses cost a CLI start ~20 ms)
until values are built.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:
    from decimal import Decimal
    from typing import Any

    from smpanel_desktop.store.models import TrackedOrder

ORDER_COLS = (
    'id, panel_id, "order", service_id, service_name, service_type, params, link, quantity, '
    "runs, charge, currency, status, state, start_count, remains, created_at, updated_at, "
    "last_checked_at, last_error"
)
NEWEST_FIRST = "ORDER BY created_at DESC, id DESC"
_SEARCHED = ("link", "service_name", 'CAST("order" AS TEXT)', "CAST(service_id AS TEXT)")
_make_order: Callable[..., TrackedOrder] | None = None
CHUNK = 2000
"""Rows fetched and built at a time: the cursor's row tuples and texts of one chunk are freed
before the next is read, so they never all exist beside the finished values."""


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def order_filter(
    panel_id: int | None = None,
    *,
    status: str | None = None,
    state: str | None = None,
    search: str | None = None,
) -> tuple[str, list[Any]]:
    """The ``WHERE`` condition (``1`` for every order) and its arguments of a listing.

    ``status`` matches the panel's text ignoring case (Canceled = Cancelled); ``search`` is a
    substring of link, service name, order id or service id."""
    where: list[str] = []
    args: list[Any] = []
    if panel_id is not None:
        where.append("panel_id = ?")
        args.append(panel_id)
    if status is not None:
        wanted = status.strip().lower()
        spellings = ["canceled", "cancelled"] if wanted in ("canceled", "cancelled") else [wanted]
        where.append(f"lower(trim(status)) IN ({','.join('?' * len(spellings))})")
        args.extend(spellings)
    if state is not None:
        where.append("state = ?")
        args.append(state)
    if search and search.strip():
        pattern = _like(search.strip())
        where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in _SEARCHED) + ")")
        args.extend([pattern] * len(_SEARCHED))
    return " AND ".join(where) or "1", args


def _parse_params(texts: list[str]) -> list[Any]:
    """Parse many JSON objects with one ``json.loads`` call (3x faster than one call each)."""
    import json

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
    """Run a ``SELECT {ORDER_COLS} ...`` and build the values (GC paused: 100k rows).

    SQLite hands out a new object for every cell; equal values are kept once instead (equal
    values, equal orders, a third of the memory of 100,000 orders): service names are interned
    (``sys.intern``: the very strings of the cached catalog, services_cache.py, whichever is read
    first), service types, currencies, statuses and states, quantities, remains and service ids
    are kept once per query, charges one ``Decimal`` per text, a time equal to the one before
    it is that one; parameters that are just the row's link and quantity are kept as a marker
    (models.py's ``PARAMS_QUANTITY_TEXT``), others with the row's own link string.
    """
    from smpanel_desktop.bulk import fast_factory, gc_paused

    global _make_order
    if _make_order is None:
        from smpanel_desktop.store.models import TrackedOrder

        _make_order = fast_factory(TrackedOrder)
    texts: dict[Any, Any] = {}
    numbers: dict[int, int] = {}
    charges: dict[str, Decimal] = {}
    out: list[TrackedOrder] = []
    with gc_paused():
        cursor = conn.execute(sql, args)
        while rows := cursor.fetchmany(CHUNK):
            _build(rows, texts, numbers, charges, out)
    return out


def _build(
    rows: list[Any],
    texts: dict[Any, Any],
    numbers: dict[int, int],
    charges: dict[str, Decimal],
    out: list[TrackedOrder],
) -> None:
    from decimal import Decimal
    from sys import intern

    from smpanel_desktop.store.models import PARAMS_QUANTITY_NUMBER, PARAMS_QUANTITY_TEXT

    make, share, append = _make_order, texts.setdefault, out.append
    number = numbers.setdefault
    assert make is not None
    decoded = _parse_params([r[6] for r in rows])
    for r, params in zip(rows, decoded, strict=True):  # pragma: no mutate
        link, quantity, remains, service = r[7], r[8], r[15], r[3]
        if type(quantity) is int:
            quantity = number(quantity, quantity)
        if type(remains) is int:
            remains = number(remains, remains)
        if type(service) is int:
            service = number(service, service)
        if type(params) is dict:
            given = params.get("quantity")
            if not _link_and_quantity(params, link, given, quantity):
                if params.get("link") == link:
                    params["link"] = link
                if type(given) is str:
                    params["quantity"] = share(given, given)
            elif type(given) is str:
                params = PARAMS_QUANTITY_TEXT
            else:
                params = PARAMS_QUANTITY_NUMBER
        text, charge = r[10], None
        if text is not None:
            charge = charges.get(text)
            if charge is None:
                charge = charges[text] = Decimal(text)
        created, updated, checked = r[16], r[17], r[18]
        if updated == created:
            updated = created
        if checked == updated:
            checked = updated
        name, kind, currency, status, state = r[4], r[5], r[11], r[12], r[13]
        if type(name) is str:
            name = intern(name)
        append(make(
            r[0], r[1], r[2], service, name, share(kind, kind), params, link, quantity, r[9],
            charge, share(currency, currency), share(status, status), share(state, state),
            r[14], remains, created, updated, checked, r[19],
        ))  # fmt: skip


def _link_and_quantity(params: dict[str, Any], link: Any, given: Any, quantity: Any) -> bool:
    """Whether ``params`` is ``{"link": link, "quantity": quantity}`` in that order, the
    quantity as its text or as the number, so that models.py's markers rebuild it exactly."""
    if type(link) is not str or len(params) != 2 or next(iter(params)) != "link":
        return False
    if params["link"] != link or type(quantity) is not int:
        return False
    if type(given) is str:
        return given == str(quantity)
    return type(given) is int and given == quantity
