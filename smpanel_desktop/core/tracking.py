"""Use cases over a panel and the local store, shared by the CLI and the GUI (no Qt).

Each function takes the store, a client (``PanelClient`` or anything with the same methods) and
the ``Panel`` row, and runs on the caller's thread (the GUI calls them through its worker).

Order placement follows one rule: the ``submitting`` row is committed before ``add`` is sent, and
``add`` is sent once.  After that exactly one of:

* the panel answered with an id -> ``placed``;
* the panel answered with an error (``PanelError``, ``RateLimitedError``) -> ``rejected``;
* ``NetworkError`` / ``ConfigError``: the request never left (the client raises those only before
  sending; a failure after sending is an ``UnknownOutcomeError``) -> ``rejected`` "Not sent: ...";
* ``UnknownOutcomeError`` or anything unexpected while the request may have been out
  (Ctrl-C included) -> ``unknown``: it may have been placed and charged; the user reconciles it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

from smpanel_desktop.api.errors import (
    ApiError,
    ConfigError,
    NetworkError,
    PanelError,
    RateLimitedError,
    UnknownOutcomeError,
)
from smpanel_desktop.api.models import (
    Balance,
    CancelResult,
    Catalog,
    OrderStatus,
    RefillResult,
    RefillStatus,
    Service,
    StatusResult,
)
from smpanel_desktop.core.order_types import build_params, total_quantity
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.store.store import Store

log = logging.getLogger(__name__)

BATCH = 100
"""Ids per ``orders=`` / ``refills=`` request (the protocol's limit)."""
CATALOG_MAX_AGE = 3600.0
"""Seconds a cached catalog counts as fresh (panels rate-limit ``services``)."""
STALE_SUBMITTING = 300.0
"""A ``submitting`` row older than this belongs to a process that died mid-``add`` (the
client gives up on a request within ~40 s), never to one still waiting for its answer."""


class Client(Protocol):
    def services(self) -> Catalog: ...
    def add(self, service: int, params: Mapping[str, str | int]) -> int: ...
    def statuses(self, orders: Sequence[int]) -> list[StatusResult]: ...
    def status(self, order: int) -> OrderStatus: ...
    def refills(self, orders: Sequence[int]) -> list[RefillResult]: ...
    def refill_statuses(self, refills: Sequence[int]) -> list[RefillStatus]: ...
    def cancel(self, orders: Sequence[int]) -> list[CancelResult]: ...
    def balance(self) -> Balance: ...


Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    checked: int = 0
    """Orders the panel answered for (with a status or a per-item error)."""
    changed: int = 0
    """Orders whose status text changed."""
    errors: int = 0
    """Per-item errors (``Incorrect order ID`` ...)."""
    requests: int = 0
    failure: ApiError | None = None
    """The error that stopped the refresh early (batches before it were recorded)."""
    changes: tuple[tuple[int, str | None, str | None], ...] = field(default=(), compare=False)
    """``(local_id, old_status, new_status)`` of each change."""


def _chunks(ids: Sequence[int], size: int = BATCH) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _unique(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))


# -- placing an order ---------------------------------------------------------------------------


def place_order(
    store: Store,
    client: Client,
    panel: Panel,
    service: Service,
    values: Mapping[str, str],
    *,
    currency: str | None = None,
    on_recorded: Callable[[TrackedOrder], None] | None = None,
) -> TrackedOrder:
    """Validate, record (``submitting``), send ``add`` once, record the outcome; return the row.

    ``values`` are the form's texts (``core.order_types``): ``InvalidOrderError`` is raised before
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
    return store.order(resolved.id) or resolved


# -- statuses -----------------------------------------------------------------------------------


def refresh_orders(
    store: Store,
    client: Client,
    panel: Panel,
    ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    *,
    concurrency: int = 1,
    client_factory: Callable[[], Client] | None = None,
) -> RefreshSummary:
    """Poll the open tracked orders (or the panel ids ``ids``) in batches of 100.

    Each batch is recorded in one transaction (on the calling thread) as soon as it is answered,
    in order.  An ``ApiError`` stops the refresh: it is returned as ``failure`` with the counts
    so far (nothing already recorded is lost).  ``progress(done, total)`` follows each batch.

    ``concurrency`` > 1 (at most ``MAX_IN_FLIGHT``) with a ``client_factory`` (a client per
    thread: a client is not shared between threads) keeps that many requests in flight.
    """
    if ids is None:
        targets = [o.order for o in store.open_orders(panel.id) if o.order is not None]
    else:
        targets = _unique(ids)
    total = len(targets)
    checked = changed = errors = done = 0
    changes: list[tuple[int, str | None, str | None]] = []
    failure: ApiError | None = None
    if progress is not None:
        progress(0, total)
    fetcher = _StatusFetcher(client, client_factory, concurrency)
    for batch, answer in fetcher.fetch(list(_chunks(targets))):
        if isinstance(answer, ApiError):
            failure = answer
            break
        batch_changes = store.apply_statuses(panel.id, answer, time.time())
        changes += batch_changes
        checked += len(answer)
        changed += len(batch_changes)
        errors += sum(1 for r in answer if r.status is None)
        done += len(batch)
        if progress is not None:
            progress(done, total)
    return RefreshSummary(checked, changed, errors, fetcher.requests, failure, tuple(changes))


MAX_IN_FLIGHT = 4
"""Requests in flight to one panel at most (panels throttle or ban busier clients)."""


class _StatusFetcher:
    """``statuses`` of each batch, yielded in order; sequential or over a few threads."""

    def __init__(
        self, client: Client, factory: Callable[[], Client] | None, concurrency: int
    ) -> None:
        self.client = client
        self.factory = factory
        self.concurrency = max(1, min(concurrency, MAX_IN_FLIGHT)) if factory else 1
        self.requests = 0
        self._lock = threading.Lock()
        self._local = threading.local()
        self._made: list[Client] = []

    def _one(self, batch: list[int], client: Client) -> list[StatusResult] | ApiError:
        with self._lock:
            self.requests += 1
        try:
            return client.statuses(batch)
        except ApiError as exc:
            return exc

    def _threaded(self, batch: list[int]) -> list[StatusResult] | ApiError:
        client: Client | None = getattr(self._local, "client", None)
        if client is None:
            assert self.factory is not None
            client = self._local.client = self.factory()
            with self._lock:
                self._made.append(client)
        return self._one(batch, client)

    def fetch(
        self, batches: list[list[int]]
    ) -> Iterator[tuple[list[int], list[StatusResult] | ApiError]]:
        if self.concurrency == 1 or len(batches) < 2:
            for batch in batches:
                answer = self._one(batch, self.client)
                yield batch, answer
                if isinstance(answer, ApiError):
                    return
            return
        pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="smpanel-refresh")
        futures = [pool.submit(self._threaded, batch) for batch in batches]
        try:
            for batch, future in zip(batches, futures, strict=True):
                answer = future.result()
                yield batch, answer
                if isinstance(answer, ApiError):
                    return
        finally:
            for future in futures:
                future.cancel()
            pool.shutdown(wait=True)
            for client in self._made:
                close = getattr(client, "close", None)
                if callable(close):
                    close()


def import_orders(
    store: Store, client: Client, panel: Panel, ids: Iterable[int]
) -> tuple[list[TrackedOrder], dict[int, str]]:
    """Track orders placed elsewhere: fetch their statuses, track the ones the panel knows.

    Returns (the newly tracked orders, ``{id: reason}`` for those not imported: already tracked
    or the panel's per-item error).  ``ApiError`` for a failed request propagates; batches
    before it stay imported.
    """
    imported: list[TrackedOrder] = []
    skipped: dict[int, str] = {}
    wanted = []
    for order in _unique(ids):
        existing = store.order_by_panel_id(panel.id, order)
        if existing is not None:
            skipped[order] = f"already tracked (local #{existing.id})"
        elif order <= 0:
            skipped[order] = "not a valid order id"
        else:
            wanted.append(order)
    for batch in _chunks(wanted):
        results = client.statuses(batch)
        good = [r for r in results if r.status is not None]
        for r in results:
            if r.status is None:
                skipped[r.order] = r.error or "no status in the answer"
        rows = [store.import_order(panel.id, r.order) for r in good]
        store.apply_statuses(panel.id, good, time.time())
        imported += [store.order(row.id) or row for row in rows]
    return imported, skipped


# -- refills and cancels ------------------------------------------------------------------------


def _record_refills(store: Store, panel: Panel, results: Sequence[RefillResult]) -> None:
    for r in results:
        tracked = store.order_by_panel_id(panel.id, r.order)
        if tracked is None or tracked.state != "placed":
            continue
        if r.refill is not None:
            store.add_refill(tracked.id, r.refill)
        else:
            store.refill_failed(tracked.id, r.error or "Refill refused")


def request_refills(
    store: Store, client: Client, panel: Panel, ids: Iterable[int]
) -> list[RefillResult]:
    """Ask for refills of panel orders ``ids``; tracked ones get their refill (or error) recorded.

    Never retried.  On ``UnknownOutcomeError`` the answered batches are recorded before it is
    re-raised (its ``unknown_ids`` may or may not have been refilled).
    """
    try:
        results = client.refills(_unique(ids))
    except UnknownOutcomeError as exc:
        _record_refills(store, panel, [r for r in exc.partial if isinstance(r, RefillResult)])
        raise
    _record_refills(store, panel, results)
    return results


def refresh_refills(
    store: Store,
    client: Client,
    panel: Panel,
    refill_ids: Iterable[int] | None = None,
) -> list[RefillStatus]:
    """Fetch statuses of the panel's open refills (or of ``refill_ids``), record tracked ones."""
    if refill_ids is None:
        wanted = _unique(r.refill for r in store.open_refills(panel.id) if r.refill is not None)
    else:
        wanted = _unique(refill_ids)
    results: list[RefillStatus] = []
    for batch in _chunks(wanted):
        answer = client.refill_statuses(batch)
        store.apply_refill_statuses(answer, time.time(), panel_id=panel.id)
        results += answer
    return results


def cancel_orders(
    store: Store, client: Client, panel: Panel, ids: Iterable[int]
) -> list[CancelResult]:
    """Ask the panel to cancel ``ids`` (``accepted`` = the request was taken, not that the order
    is cancelled: the next refresh shows it).  Never retried."""
    return client.cancel(_unique(ids))


# -- catalog ------------------------------------------------------------------------------------


def refresh_catalog(store: Store, client: Client, panel: Panel) -> list[Service]:
    """Fetch the catalog and replace the panel's cache atomically."""
    catalog = client.services()
    services = list(catalog.services)
    store.save_services(panel.id, services, time.time())
    return services


def load_catalog(
    store: Store,
    client: Client | None,
    panel: Panel,
    *,
    max_age: float = CATALOG_MAX_AGE,
    refresh: bool = False,
) -> tuple[list[Service], float | None, bool]:
    """The catalog from the cache when fresh, else from the panel.

    Returns ``(services, fetched_at, from_cache)``.  With ``client=None`` only the cache is used.
    """
    services, fetched_at = store.load_services(panel.id)
    fresh = fetched_at is not None and time.time() - fetched_at < max_age
    if client is None or (fresh and not refresh):
        return services, fetched_at, True
    services = refresh_catalog(store, client, panel)
    return services, store.services_fetched_at(panel.id), False


def find_service(
    store: Store, client: Client, panel: Panel, service_id: int, *, max_age: float = 60.0
) -> Service | None:
    """The service with this id for an order form.

    From the cache while it is fresh; else fetched again, falling back to the stale cached copy
    when the panel cannot be read (it checks the order again anyway).  A service missing from
    a cache older than ``max_age`` seconds triggers one fetch (a new service on the panel).
    """
    cached, fetched_at = store.load_services(panel.id)
    hit = next((s for s in cached if s.id == service_id), None)
    age = None if fetched_at is None else time.time() - fetched_at
    if age is not None and (age < CATALOG_MAX_AGE if hit else age < max_age):
        return hit
    try:
        services = refresh_catalog(store, client, panel)
    except ApiError:
        if hit is not None:
            log.warning("Catalog refresh failed; using the cached service %s", service_id)
            return hit
        raise
    return next((s for s in services if s.id == service_id), None)
