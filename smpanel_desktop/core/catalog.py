"""The panel's catalog: fetched, cached per panel, served from the cache while fresh."""

from __future__ import annotations

import logging
import time

from smpanel_desktop.api.errors import ApiError
from smpanel_desktop.api.models import Service
from smpanel_desktop.core.panel_client import Client
from smpanel_desktop.core.watch.catalog_diff import record_catalog_changes
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

log = logging.getLogger(__name__)

CATALOG_MAX_AGE = 3600.0  # pragma: no mutate
"""Seconds a cached catalog counts as fresh (panels rate-limit ``services``)."""


def refresh_catalog(store: Store, client: Client, panel: Panel) -> list[Service]:
    """Fetch the catalog and replace the panel's cache atomically; the changes against the
    previous fetch are stored with the fetch time (core/watch/catalog_diff.py)."""
    previous, previous_at = store.load_services(panel.id)  # the one just shown: not decoded
    catalog = client.services(known={s.id: s for s in previous})  # unchanged ones shared
    services = list(catalog.services)
    fetched_at = time.time()
    store.save_services(panel.id, services, fetched_at)
    record_catalog_changes(store, panel.id, previous, previous_at, services, fetched_at)
    return services


def load_catalog(
    store: Store,
    client: Client | None,
    panel: Panel,
    *,  # pragma: no mutate
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
    store: Store,
    client: Client,
    panel: Panel,
    service_id: int,
    *,  # pragma: no mutate
    max_age: float = 60.0,  # pragma: no mutate
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
