"""The repository over the local SQLite file: panels, settings, services cache, orders, refills.

``Store(path)`` creates and migrates the file.  Every thread gets its own connection (the GUI
thread and the worker thread both use one Store); every multi-row write is one transaction.
User-facing problems (duplicate name, unknown id, an order in the wrong state) raise
``ValueError`` with a sentence a user can read.  Money is stored as TEXT (exact Decimal), times as
float epoch seconds, submitted parameters as JSON.

``Store`` composes its parts: base.py (connections, transactions), panels.py (panels,
settings), services_cache.py, orders.py (order lifecycle), order_queries.py (queries, status
answers, history), refills.py, watch.py (catalog changes, refill windows, progress,
announced events), dripfeed.py (drip-feed parents' runs and children), batches.py (mass
orders), favourites.py (favourites, presets).
"""

from __future__ import annotations

from smpanel_desktop.store.batches import BatchStore
from smpanel_desktop.store.dripfeed import DripfeedStore
from smpanel_desktop.store.favourites import FavouriteStore
from smpanel_desktop.store.order_queries import OrderQueries
from smpanel_desktop.store.orders import OrderLifecycle
from smpanel_desktop.store.panels import PanelStore
from smpanel_desktop.store.refills import RefillStore
from smpanel_desktop.store.services_cache import ServicesCache
from smpanel_desktop.store.watch import WatchStore


class Store(
    PanelStore,
    ServicesCache,
    OrderQueries,
    OrderLifecycle,
    RefillStore,
    WatchStore,
    DripfeedStore,
    BatchStore,
    FavouriteStore,
):
    """The app's local database.  Safe to share between threads; call ``close()`` at the end."""
