"""Use cases over a panel and the local store, shared by the CLI and the GUI (no Qt).

Each function takes the store, a client (``PanelClient`` or anything with the same methods) and
the ``Panel`` row, and runs on the caller's thread (the GUI calls them through its worker).
This module is their public face; they live in placing.py (place, resolve, recover),
refreshing.py (statuses, import), refills_cancels.py, catalog.py and panel_client.py (the
client protocol, batches of ids).
"""

from __future__ import annotations

from smpanel_desktop.core.catalog import (
    CATALOG_MAX_AGE,
    find_service,
    load_catalog,
    refresh_catalog,
)
from smpanel_desktop.core.panel_client import BATCH, Client, Progress
from smpanel_desktop.core.placing import (
    STALE_SUBMITTING,
    place_order,
    recover_interrupted,
    resolve_unknown,
)
from smpanel_desktop.core.refills_cancels import cancel_orders, refresh_refills, request_refills
from smpanel_desktop.core.refreshing import (
    MAX_IN_FLIGHT,
    RefreshSummary,
    import_orders,
    refresh_orders,
)

__all__ = [
    "BATCH",
    "CATALOG_MAX_AGE",
    "MAX_IN_FLIGHT",
    "STALE_SUBMITTING",
    "Client",
    "Progress",
    "RefreshSummary",
    "cancel_orders",
    "find_service",
    "import_orders",
    "load_catalog",
    "place_order",
    "recover_interrupted",
    "refresh_catalog",
    "refresh_orders",
    "refresh_refills",
    "request_refills",
    "resolve_unknown",
]
