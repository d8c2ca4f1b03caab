"""Balances of every panel, fetched in parallel; every fetch is recorded in the balance history.

One panel failing (offline, wrong key, no key) never stops the others: its ``PanelBalance`` has
the error text instead of a balance.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smpanel_desktop.api.models import Balance
from smpanel_desktop.core.panel_client import Client
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

if TYPE_CHECKING:  # urllib3 is imported when a client is made
    from smpanel_desktop.api.inflight import InFlight

MAX_PARALLEL = 8
"""Balance requests in flight at once (one per panel)."""


@dataclass(frozen=True, slots=True)
class PanelBalance:
    panel: Panel
    balance: Balance | None
    fetched_at: float
    """When the answer (or the failure) came."""
    error: str | None = None


def fetch_balance(store: Store, client: Client, panel: Panel) -> Balance:
    """Ask the panel for its balance, record it in the history, keep the panel's currency."""
    balance = client.balance()
    store.record_balance(panel.id, balance.amount, balance.currency, time.time())
    if balance.currency and balance.currency != panel.currency:
        store.update_panel(panel.id, currency=balance.currency)
    return balance


def _close(client: object) -> None:
    close = getattr(client, "close", None)
    if callable(close):
        close()


def fetch_all_balances(
    store: Store,
    panels: Sequence[Panel],
    make_client: Callable[[Panel], Client],
    *,
    parallel: int = MAX_PARALLEL,
) -> list[PanelBalance]:
    """Every panel's balance, in the order given; ``make_client(panel)`` may raise (no key):
    that panel gets the error, the others go on."""

    def one(panel: Panel) -> PanelBalance:
        client: Client | None = None
        try:
            client = make_client(panel)
            balance = fetch_balance(store, client, panel)
        except Exception as exc:  # any failure is that panel's answer, named in the result
            return PanelBalance(panel, None, time.time(), str(exc) or type(exc).__name__)
        finally:
            if client is not None:
                _close(client)
        return PanelBalance(panel, balance, time.time())

    if not panels:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(parallel, len(panels)))) as pool:
        return list(pool.map(one, panels))


def keyring_clients(
    key_of: Callable[[str], str | None],
    current: Panel | None = None,
    current_client: Callable[[], Client] | None = None,
    inflight: InFlight | None = None,
) -> Callable[[Panel], Client]:
    """A client maker for ``fetch_all_balances``: the current panel's own client maker (it may
    use ``SMPANEL_API_KEY``), every other panel with its keyring entry ``key_of(name)`` only, so
    one panel's key never goes to another.  Call it on a worker thread (the keyring is slow).
    ``inflight``: where the clients note their connections (the app closes them at quit)."""
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.core.demo import is_demo

    def make(panel: Panel) -> Client:
        if current is not None and current_client is not None and panel.id == current.id:
            return current_client()
        if is_demo(panel):
            raise RuntimeError("the demo panel answers while it is the open panel")
        key = key_of(panel.name)
        if not key:
            raise RuntimeError("no API key stored for this panel")
        return PanelClient(panel.endpoint, key, inflight=inflight)

    return make
