"""Panels found or added by their API endpoint (``--api-url`` of the CLI and of the app)."""

from __future__ import annotations

from urllib.parse import urlsplit

from smpanel_desktop.api.endpoint import validate_endpoint
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store


def panel_for_url(store: Store, url: str, key: str | None = None) -> Panel:
    """The stored panel with this endpoint, or a new one named after its host (``host (2)``
    when that name is taken).  ``ConfigError`` / ``InsecureEndpointError`` for a bad URL (or
    one holding ``key``: it would be stored and shown)."""
    endpoint = validate_endpoint(url, key)
    for panel in store.panels():
        if panel.endpoint == endpoint:
            return panel
    base = urlsplit(endpoint).netloc.rsplit("@", 1)[-1] or "panel"
    name, n = base, 1
    while store.panel(name) is not None:
        n += 1
        name = f"{base} ({n})"
    return store.add_panel(name, endpoint)
