"""No duplicate orders: 200 order attempts through ``core.place_order`` against the
sandbox while answers are dropped, time out, come back as 5xx or empty/cut off, or refuse.

Every attempt is sent once.  Afterwards the panel's order count equals the orders recorded as
placed plus those recorded as unknown (every lost answer here was lost after the panel acted);
no link was ordered twice; after the user resolves the unknown ones (matching the panel's
order list by link, as they would on the panel's web page) the store matches the panel exactly.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import ApiError, UnknownOutcomeError
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.core.placing import place_order, resolve_unknown
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.store import Store

pytestmark = pytest.mark.reliability

ATTEMPTS = 200
SEED = 4242
TIMEOUT = 0.5  # generous: a clean answer must never time out on a busy machine
# (fault kind or None, options, weight): every lost answer is lost after the panel acted
FAULTS: list[tuple[str | None, dict[str, Any], int]] = [
    (None, {}, 40),
    ("drop_after_accept", {}, 12),
    ("latency", {"seconds": TIMEOUT + 0.3}, 6),  # the client gives up; the panel then acts
    ("stall_body", {"seconds": TIMEOUT + 0.3, "process": True}, 6),
    ("http500", {"process": True}, 8),
    ("html503", {"process": True}, 6),
    ("empty", {"process": True}, 6),
    ("truncated", {"process": True}, 6),
    ("rate_limit", {"retry_after": 5}, 5),  # refused: nothing created
    ("error", {"text": "You have active order with this link."}, 5),  # refused
]


def wait_for(condition: Any, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_200_attempts_under_faults_leave_no_duplicate_and_resolve_exactly(
    tmp_path: Path, figures: Any
) -> None:
    rng = random.Random(SEED)
    kinds = list(FAULTS)
    weights = [w for _, _, w in FAULTS]
    started = time.monotonic()
    with (
        SandboxPanel(services=300, seed=7, balance=Decimal(10**9), time_scale=0) as sandbox,
        Store(tmp_path / "store.sqlite3") as store,
        PanelClient(sandbox.url, sandbox.key, timeout=TIMEOUT, read_retries=1) as client,
    ):
        panel = store.add_panel("P", sandbox.url, "USD")
        service = parse_service(sandbox.find_service("Default"))
        fired: Counter[str] = Counter()
        outcomes: Counter[str] = Counter()
        for i in range(ATTEMPTS):
            kind, options, _ = rng.choices(kinds, weights)[0]
            if kind is not None:
                sandbox.faults.add(kind, action="add", count=1, **options)
            fired[kind or "none"] += 1
            values = {"link": f"https://example.com/p/{i}", "quantity": str(service.min)}
            try:
                place_order(store, client, panel, service, values)
                outcomes["placed"] += 1
            except UnknownOutcomeError:
                outcomes["unknown"] += 1
            except ApiError:
                outcomes["rejected"] += 1
        rows = store.orders(panel.id)
        by_state = Counter(o.state for o in rows)
        assert len(rows) == ATTEMPTS and by_state == outcomes, (by_state, outcomes)
        assert sandbox.requests_for("add") == ATTEMPTS, "an add was resent"
        expected = by_state["placed"] + by_state["unknown"]
        # a panel slower than the client's timeout creates the order after the client gave up
        assert wait_for(lambda: sandbox.order_count() == expected), sandbox.order_count()
        on_panel = sandbox.orders
        links = Counter(o.link for o in on_panel.values())
        assert max(links.values()) == 1, "a link was ordered twice"
        for row in rows:
            if row.state == "placed":
                assert on_panel[row.order].link == row.link

        # the user resolves each unknown order by finding its link on the panel
        by_link = {o.link: oid for oid, o in on_panel.items()}
        for row in rows:
            if row.state == "unknown":
                found = by_link.get(row.link)
                resolve_unknown(store, client, panel, row.id, found)
        final = store.orders(panel.id)
        placed = {o.order: (o.link, o.quantity, o.params) for o in final if o.state == "placed"}
        panel_view = {
            oid: (o.link, o.quantity, {k: v for k, v in o.params.items() if k != "service"})
            for oid, o in on_panel.items()
        }
        assert placed == panel_view
        assert Counter(o.state for o in final) == {
            "placed": expected,
            "rejected": by_state["rejected"],
        }
        assert sandbox.errors == []
    elapsed = time.monotonic() - started
    section = "no duplicates: 200 order attempts"
    figures(section, "faults fired", dict(sorted(fired.items())))
    figures(section, "outcomes", dict(sorted(outcomes.items())))
    figures(section, "panel orders / placed + unknown", f"{expected} / {expected}")
    figures(section, "duplicates; store == panel after resolving", "0; yes")
    figures(section, "time (s)", f"{elapsed:.1f}")
