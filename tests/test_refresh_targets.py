"""The orders a refresh polls: read as ids only, the same as the open orders, in their order."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

from smpanel_desktop.api.models import OrderStatus, StatusResult
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
