"""Polling tracked orders' statuses (in batches, optionally a few in flight) and importing
orders placed elsewhere."""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from smpanel_desktop.api.batching import BATCH_SIZE, chunks, unique
from smpanel_desktop.api.errors import ApiError
from smpanel_desktop.api.models import StatusResult
from smpanel_desktop.core.panel_client import Client, Progress, panel_forms
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.store.store import Store


@dataclass(frozen=True, slots=True)  # pragma: no mutate
class RefreshSummary:
    checked: int
    """Orders the panel answered for (with a status or a per-item error)."""
    changed: int
    """Orders whose status text changed."""
    errors: int
    """Per-item errors (``Incorrect order ID`` ...)."""
    requests: int
    failure: ApiError | None
    """The error that stopped the refresh early (batches before it were recorded)."""
    changes: tuple[tuple[int, str | None, str | None], ...]
    """``(local_id, old_status, new_status)`` of each change."""
    children: int
    """Child orders of drip-feed parents tracked from now on (polled from the next refresh)."""


def refresh_orders(
    store: Store,
    client: Client,
    panel: Panel,
    ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    *,
    concurrency: int = 1,  # pragma: no mutate
    client_factory: Callable[[], Client] | None = None,
    recorded: Callable[[list[StatusResult]], object] | None = None,
) -> RefreshSummary:
    """Poll the open tracked orders (or the panel ids ``ids``) in batches of 100.

    Each batch is recorded in one transaction (on the calling thread) as soon as it is answered,
    in order.  An ``ApiError`` stops the refresh: it is returned as ``failure`` with the counts
    so far (nothing already recorded is lost).  ``progress(done, total)`` follows each batch.

    ``concurrency`` > 1 (at most ``MAX_IN_FLIGHT``) with a ``client_factory`` (a client per
    thread: a client is not shared between threads) keeps that many requests in flight.
    ``recorded(answer)`` follows each batch's transaction on the calling thread (the Orders tab
    reads those rows back while the next answers are on their way).
    """
    if ids is None:  # read as they are sent: the first request leaves after 100 ids
        batches: Iterable[list[int]] = store.open_order_batches(panel.id, BATCH_SIZE)
    else:
        batches = chunks(unique(ids))
    total = checked = changed = errors = done = children = 0
    changes: list[tuple[int, str | None, str | None]] = []
    failure: ApiError | None = None

    def counted(ids_sent: int) -> None:  # every batch is read (none is answered yet)
        nonlocal total
        total = ids_sent
        if progress is not None:
            progress(0, total)

    fetcher = _StatusFetcher(client, client_factory, concurrency)
    # closed here, not whenever the GC gets to it: a refresh that stops early would otherwise
    # keep its pool's clients and their sockets open (the failure's traceback holds them)
    forms = panel_forms(store, panel, client)  # single-form panels: remembered, learnt
    with forms, contextlib.closing(fetcher.fetch(batches, counted)) as answers:
        for batch, answer in answers:
            if isinstance(answer, ApiError):
                failure = answer
                break
            batch_changes = store.apply_statuses(panel.id, answer, time.time())
            children += len(store.record_dripfeed(panel.id, answer))  # drip-feed runs
            if recorded is not None:
                recorded(answer)
            changes += batch_changes
            checked += len(answer)
            changed += len(batch_changes)
            errors += sum(1 for r in answer if r.status is None)
            done += len(batch)
            if progress is not None:
                progress(done, total)
    return RefreshSummary(
        checked, changed, errors, fetcher.requests, failure, tuple(changes), children
    )


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
            client.single_form |= self.client.single_form
            with self._lock:
                self._made.append(client)
        return self._one(batch, client)

    def fetch(
        self, batches: Iterable[list[int]], counted: Callable[[int], object]
    ) -> Generator[tuple[list[int], list[StatusResult] | ApiError], None, None]:
        """Each batch with its answer, in order.  ``batches`` is read to the end (each one
        sent as it comes) before the first answer is yielded; ``counted(ids)`` follows."""
        them = iter(batches)
        head = list(itertools.islice(them, 2))
        if self.concurrency == 1 or len(head) < 2:  # one request: the open client's socket
            every = head + list(them)
            counted(sum(map(len, every)))
            for batch in every:
                answer = self._one(batch, self.client)
                yield batch, answer
                if isinstance(answer, ApiError):
                    return
            return
        pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="smpanel-refresh")
        sent: list[tuple[list[int], Future[list[StatusResult] | ApiError]]] = []
        try:
            for batch in itertools.chain(head, them):
                sent.append((batch, pool.submit(self._threaded, batch)))
            counted(sum(len(batch) for batch, _ in sent))
            for batch, future in sent:
                answer = future.result()
                yield batch, answer
                if isinstance(answer, ApiError):
                    return
        finally:
            for _, future in sent:
                future.cancel()
            pool.shutdown(wait=True)
            for client in self._made:
                self.client.single_form |= client.single_form
                close = getattr(client, "close", None)
                if callable(close):
                    close()


def check_orders(
    store: Store, client: Client, panel: Panel, ids: Iterable[int]
) -> list[StatusResult]:
    """The live status of panel orders ``ids`` (tracked or not); tracked ones are updated, and
    drip-feed parents' children tracked.  ``ApiError`` propagates."""
    with panel_forms(store, panel, client):
        results = client.statuses(list(ids))
    store.apply_statuses(panel.id, results, time.time())
    store.record_dripfeed(panel.id, results)
    return results


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
    for order in unique(ids):
        existing = store.order_by_panel_id(panel.id, order)
        if existing is not None:
            skipped[order] = f"already tracked (local #{existing.id})"
        elif order <= 0:
            skipped[order] = "not a valid order id"
        else:
            wanted.append(order)
    for batch in chunks(wanted):
        with panel_forms(store, panel, client):
            results = client.statuses(batch)
        good = [r for r in results if r.status is not None]
        for r in results:
            if r.status is None:
                skipped[r.order] = r.error or "no status in the answer"
        rows = [store.import_order(panel.id, r.order) for r in good]
        store.apply_statuses(panel.id, good, time.time())
        store.record_dripfeed(panel.id, good)
        imported += [store.order(row.id) or row for row in rows]
    return imported, skipped
