"""Placing an order, and reconciling orders whose outcome is unknown.

Each function takes the store, a client (``PanelClient`` or anything with the same methods) and
the ``Panel`` row, and runs on the caller's thread (the GUI calls them through its worker).

Order placement follows one rule: the ``submitting`` row is committed before ``add`` is sent, and
``add`` is sent once.  After that exactly one of:

* the panel answered with an id (in any engine's success shape) -> ``placed``;
* the panel refused: a recognised error shape of any engine (api/dialects.py) under HTTP 2xx or
  4xx (``PanelError``), or HTTP 429 (``RateLimitedError``) -> ``rejected``;
* ``NetworkError`` / ``ConfigError``: the request never left (the client raises those only before
  sending; a failure after sending is an ``UnknownOutcomeError``) -> ``rejected`` "Not sent: ...";
* ``UnknownOutcomeError`` (a 5xx whatever its body says, a timeout, a dropped connection, an
  unreadable answer, all after sending) or anything unexpected while the request may have been
  out (Ctrl-C included) -> ``unknown``: it may have been placed and charged; the user reconciles.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

from smpanel_desktop.api.errors import (
    ConfigError,
    NetworkError,
    PanelError,
    RateLimitedError,
    UnknownOutcomeError,
)
from smpanel_desktop.api.models import Service, StatusResult
from smpanel_desktop.core.orders.params import build_params, total_quantity
from smpanel_desktop.core.panel_client import Client
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.store.store import Store

log = logging.getLogger(__name__)

STALE_SUBMITTING = 300.0  # pragma: no mutate
"""A ``submitting`` row older than this belongs to a process that died mid-``add`` (the
client gives up on a request within ~40 s), never to one still waiting for its answer."""


def place_order(
    store: Store,
    client: Client,
    panel: Panel,
    service: Service,
    values: Mapping[str, str],
    *,  # pragma: no mutate
    currency: str | None = None,
    on_recorded: Callable[[TrackedOrder], None] | None = None,
) -> TrackedOrder:
    """Validate, record (``submitting``), send ``add`` once, record the outcome; return the row.

    ``values`` are the form's texts (core/orders/): ``InvalidOrderError`` is raised before
    anything is written or sent.  Panel errors, unknown outcomes and network failures are
    re-raised after the row is updated; the row keeps every parameter.  ``on_recorded(row)`` is
    called with the committed ``submitting`` row just before ``add`` is sent.
    """
    params = build_params(service, values)
    runs = params.get("runs")
    row = store.begin_order(
        panel.id,
        service.id,
        service.name,
        service.type,
        dict(params),
        link=params.get("link", params.get("username", "")),
        quantity=total_quantity(service, params),
        runs=int(runs) if runs else None,
        currency=currency or panel.currency,
    )
    if on_recorded is not None:
        on_recorded(row)
    try:
        order_id = client.add(service.id, params)
    except UnknownOutcomeError as exc:
        store.mark_unknown(row.id, str(exc))
        raise
    except (PanelError, RateLimitedError) as exc:
        store.mark_rejected(row.id, str(exc))
        raise
    except (NetworkError, ConfigError) as exc:
        store.mark_rejected(row.id, f"Not sent: {exc}")
        raise
    except BaseException as exc:
        # Anything else (an unreadable answer the client did not wrap, Ctrl-C mid-request):
        # the panel may have the order.
        store.mark_unknown(row.id, f"Interrupted while sending: {exc!r}"[:500])
        raise
    try:
        return store.mark_placed(row.id, order_id)
    except Exception:
        log.error("Order %s was placed but could not be recorded (local #%s)", order_id, row.id)
        raise


def recover_interrupted(store: Store) -> int:
    """Turn ``submitting`` rows left by a process that died mid-``add`` into ``unknown``."""
    return store.recover_interrupted(time.time() - STALE_SUBMITTING)


def resolve_unknown(
    store: Store, client: Client | None, panel: Panel, local_id: int, order: int | None
) -> TrackedOrder:
    """The user's verdict on an ``unknown`` order: the panel's order id, or None = never placed.

    An id is checked with the panel first (``PanelError`` such as "Incorrect order ID" leaves the
    order unknown); its status is recorded at once.
    """
    if order is None:
        return store.resolve_unknown(local_id, None)
    if client is None:
        raise ValueError("A client is needed to check the order id with the panel.")
    status = client.status(order)
    resolved = store.resolve_unknown(local_id, order)
    store.apply_statuses(panel.id, [StatusResult(order, status)], time.time())
    store.record_dripfeed(panel.id, [StatusResult(order, status)])
    return store.order(resolved.id) or resolved
