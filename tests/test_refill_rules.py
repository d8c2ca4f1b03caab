"""What a refill request leaves in the store: every tracked order's refill (or the panel's own
reason for refusing it), whichever order the ids came in; a lost answer in a later batch keeps
the refills of the batches answered before it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import UnknownOutcomeError
from smpanel_desktop.core.refills_cancels import request_refills
from smpanel_desktop.core.refreshing import refresh_orders
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[SandboxPanel, Store, PanelClient, Panel]]:
    with SandboxPanel(services=300, seed=7, balance=Decimal(10**6), time_scale=0) as sandbox:
        store = Store(tmp_path / "s.sqlite3")
        client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
        try:
            yield sandbox, store, client, store.add_panel("P", sandbox.url, "USD")
        finally:
            client.close()
            store.close()


def _completed_orders(world: Any, count: int) -> list[int]:
    """``count`` tracked orders the panel completed (some end Partial: no refill for those)."""
    sandbox, store, client, panel = world
    svc = sandbox.find_service("Default", refill=True)
    ids = sandbox.place_orders(count * 2, service=svc["service"])
    for order in ids:
        store.import_order(panel.id, order)
    sandbox.clock.advance(10 * 24 * 3600)  # long enough for any order to end
    refresh_orders(store, client, panel)
    done = [o for o in ids if sandbox.orders[o].status == "Completed"][:count]
    assert len(done) == count
    return done


def test_every_tracked_order_gets_its_refill_or_the_panels_reason(world: Any) -> None:
    _, store, client, panel = world
    first, second = _completed_orders(world, 2)
    request_refills(store, client, panel, [second])  # a refill of `second` a moment ago
    results = request_refills(store, client, panel, [424242, first, second])  # untracked first
    assert [r.order for r in results] == [424242, first, second]
    row = store.order_by_panel_id(panel.id, first)
    assert row is not None
    (refill,) = store.refills(row.id)
    assert refill.refill is not None and refill.last_error is None
    again = store.order_by_panel_id(panel.id, second)
    assert again is not None
    refused, accepted = store.refills(again.id)  # newest first
    assert accepted.refill is not None
    assert (refused.refill, refused.last_error) == (
        None,
        "The order was completed or refill was requested less than 24 hours ago",
    )


def test_a_lost_answer_in_a_later_batch_keeps_the_refills_answered_before(world: Any) -> None:
    sandbox, store, client, panel = world
    ids = _completed_orders(world, 150)
    sandbox.faults.add("drop_after_accept", action="refill", after=1)  # the 2nd batch's answer
    with pytest.raises(UnknownOutcomeError) as caught:
        request_refills(store, client, panel, ids)
    assert caught.value.unknown_ids == tuple(ids[100:])
    recorded = {o.order: store.refills(o.id) for o in store.orders(panel.id) if store.refills(o.id)}
    assert sorted(recorded) == sorted(ids[:100])  # the answered batch, every refill id kept
    assert all(r[0].refill is not None for r in recorded.values())
