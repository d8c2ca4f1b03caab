"""Refill requests and their statuses; cancel requests.  Neither request is ever retried."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from smpanel_desktop.api.batching import chunks, unique
from smpanel_desktop.api.errors import UnknownOutcomeError
from smpanel_desktop.api.models import CancelResult, RefillResult, RefillStatus
from smpanel_desktop.core.panel_client import Client, panel_forms
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store


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
        with panel_forms(store, panel, client):
            results = client.refills(unique(ids))
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
        wanted = unique(r.refill for r in store.open_refills(panel.id) if r.refill is not None)
    else:
        wanted = unique(refill_ids)
    results: list[RefillStatus] = []
    for batch in chunks(wanted):
        with panel_forms(store, panel, client):
            answer = client.refill_statuses(batch)
        store.apply_refill_statuses(answer, time.time(), panel_id=panel.id)
        results += answer
    return results


def cancel_orders(
    store: Store, client: Client, panel: Panel, ids: Iterable[int]
) -> list[CancelResult]:
    """Ask the panel to cancel ``ids`` (``accepted`` = the request was taken, not that the order
    is cancelled: the next refresh shows it).  Never retried."""
    with panel_forms(store, panel, client):
        return client.cancel(unique(ids))
