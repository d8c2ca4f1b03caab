"""The catalog is served from the cache for an hour ("cached for an hour", ``smpanel services
--help``), then fetched again; a service missing from a cache older than a minute is looked
up on the panel (it may be new)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.core.catalog import find_service, load_catalog
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store


@pytest.fixture
def world(sandbox: Any, tmp_path: Path) -> Iterator[tuple[Store, PanelClient, Panel]]:
    store = Store(tmp_path / "s.sqlite3")
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    try:
        panel = store.add_panel("P", sandbox.url, "USD")
        yield store, client, panel
    finally:
        client.close()
        store.close()


def _cache_aged(store: Store, client: PanelClient, panel: Panel, seconds: float) -> None:
    services = list(client.services().services)
    store.save_services(panel.id, services, time.time() - seconds)


@pytest.mark.parametrize(("age", "fetched"), [(3500, False), (3700, True), (86_400, True)])
def test_the_catalog_is_cached_for_an_hour(
    world: Any, sandbox: Any, age: float, fetched: bool
) -> None:
    store, client, panel = world
    _cache_aged(store, client, panel, age)
    sandbox.clear_log()
    services, _, from_cache = load_catalog(store, client, panel)
    assert (from_cache, sandbox.requests_for("services")) == (not fetched, int(fetched))
    assert len(services) == 300


@pytest.mark.parametrize(("age", "fetched"), [(30, False), (90, True)])
def test_a_service_missing_from_the_cache_is_looked_up_after_a_minute(
    world: Any, sandbox: Any, age: float, fetched: bool
) -> None:
    store, client, panel = world
    _cache_aged(store, client, panel, age)
    sandbox.clear_log()
    assert find_service(store, client, panel, 999_999) is None
    assert sandbox.requests_for("services") == int(fetched)
    known = store.load_services(panel.id)[0][0].id
    sandbox.clear_log()
    assert find_service(store, client, panel, known) is not None
    assert sandbox.requests_for("services") == 0  # a cached hit younger than an hour
