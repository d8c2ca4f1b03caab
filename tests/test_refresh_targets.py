"""The orders a refresh polls: read as ids only, the same as the open orders, in their order,
in full batches, the first sent while the rest are read."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.models import OrderStatus, StatusResult
from smpanel_desktop.core.refreshing import import_orders, refresh_orders
from smpanel_desktop.store.store import Store


def test_open_order_ids_are_the_open_orders_ids_newest_first(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite3") as store:
        panel = store.add_panel("a", "https://a/api/v2")
        other = store.add_panel("b", "https://b/api/v2")
        for n in range(12):
            row = store.begin_order(panel.id, 1, "F", "Default", {"q": n}, link="x")
            store.mark_placed(row.id, 500 + n)
        store.import_order(other.id, 900)
        store.mark_unknown(store.begin_order(panel.id, 1, "F", "Default", {}).id, "lost")
        statuses = ["Completed", " canceled ", "Partial", "In progress", "Pending", "Refunded"]
        results = [
            StatusResult(500 + n, OrderStatus(500 + n, text, Decimal("1"), 0, 0, "USD"))
            for n, text in enumerate(statuses)
        ]
        store.apply_statuses(panel.id, results, time.time())
        expected = [o.order for o in store.open_orders(panel.id)]
        assert store.open_order_ids(panel.id) == expected
        assert 500 not in expected and 503 in expected and len(expected) >= 6


def test_open_order_batches_are_full_hundreds_without_the_final_ones(tmp_path: Path) -> None:
    """Statuses the SQL cut cannot tell final (a tab, a capital I with a dot) are left out in
    Python, and the batches stay full: 250 open orders are 3 requests, not 4."""
    with Store(tmp_path / "s.sqlite3") as store:
        panel = store.add_panel("a", "https://a/api/v2")
        for n in range(300):
            store.mark_placed(store.begin_order(panel.id, 1, "F", "Default", {}).id, 1000 + n)
        with sqlite3.connect(store.path) as conn:  # every sixth order: final, oddly spelled
            conn.execute("UPDATE orders SET status = 'Completed\t' WHERE \"order\" % 6 = 0")
        batches = list(store.open_order_batches(panel.id))
        assert [len(b) for b in batches] == [100, 100, 50]
        assert [i for b in batches for i in b] == [o.order for o in store.open_orders(panel.id)]
        assert not any(i % 6 == 0 for b in batches for i in b)


def test_a_refresh_sends_its_first_request_before_it_has_read_every_open_order(
    tmp_path: Path, sandbox: Any
) -> None:
    """With thousands of open orders, reading their ids takes a while: the first batch goes
    out as soon as it is read (the third is read only once the first request is out)."""
    sent = threading.Event()
    waited: list[bool] = []

    class Watching(Store):
        def open_order_batches(self, panel_id: int, size: int = 100) -> Iterator[list[int]]:
            for n, batch in enumerate(super().open_order_batches(panel_id, size)):
                if n == 2:
                    waited.append(sent.wait(10))
                yield batch

    class Signalling(PanelClient):
        def statuses(self, orders: Iterable[int]) -> list[StatusResult]:
            sent.set()
            return super().statuses(orders)

    ids = sandbox.place_orders(450)
    with Watching(tmp_path / "s.sqlite3") as store, PanelClient(sandbox.url, sandbox.key) as c:
        panel = store.add_panel("Sandbox", sandbox.url, "USD")
        import_orders(store, c, panel, ids)
        sandbox.clock.advance(3600)
        summary = refresh_orders(
            store, c, panel, concurrency=4,
            client_factory=lambda: Signalling(sandbox.url, sandbox.key),
        )  # fmt: skip
        assert (summary.checked, summary.requests, summary.failure) == (450, 5, None)
        assert waited == [True]
        assert store.open_orders(panel.id) == []
