"""The watchers' core against the sandbox and a real SQLite file: guarantee windows from
service names, stuck orders, catalog changes, events announced once (across restarts too)."""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.models import Service
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.core.catalog import refresh_catalog
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.core.refreshing import refresh_orders
from smpanel_desktop.core.watch import events as ev
from smpanel_desktop.core.watch.catalog_diff import diff_catalogs
from smpanel_desktop.core.watch.guarantee import LIFETIME, NO_REFILL, UNSTATED, Guarantee
from smpanel_desktop.core.watch.guarantee import parse_guarantee as g
from smpanel_desktop.core.watch.refills import check_order, eligibility, stale_work
from smpanel_desktop.core.watch.stuck import STUCK_SETTING, stuck_orders
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

HOUR = 3600.0


def _order(store: Store, client: PanelClient, panel: Panel, svc: Service) -> int:
    placed = place_order(store, client, panel, svc, {"link": "x.com/p", "quantity": str(svc.min)})
    return placed.id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Instagram Followers [Max 50K] | 30 Days ♻️ | Instant Start", Guarantee("days", 30)),
        ("IG Likes | Refill 30D | Fast", Guarantee("days", 30)),
        ("TikTok Views R30", Guarantee("days", 30)),
        ("YouTube Subs [60 Days Refill]", Guarantee("days", 60)),
        ("Followers ♻️ 1 Year", Guarantee("days", 365)),
        ("Followers | ʀᴇꜰɪʟʟ 45 ᴅᴀʏꜱ", Guarantee("days", 45)),
        ("Likes | Lifetime ♻️", LIFETIME),
        ("Followers | No Refill ⚠️", NO_REFILL),
        ("Followers [Non-Refill] 30 Days", NO_REFILL),
        ("Instagram Likes [Max 50K] | Instant", UNSTATED),
        ("tktk", UNSTATED),
        ("Views 30K/Day", UNSTATED),
    ],
)
def test_guarantee_window_from_the_name(name: str, expected: Guarantee) -> None:
    assert g(name) == expected


def test_guarantee_setting_text_round_trips() -> None:
    for text in ("30", "lifetime", "none", ""):
        assert Guarantee.from_text(text).text() == text
    assert Guarantee.from_text("30 days") == Guarantee("days", 30)
    with pytest.raises(ValueError, match="Not a refill window"):
        Guarantee.from_text("-3")


def test_window_and_cooldown_decide_eligibility(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = parse_service(sandbox.find_service("Default", refill=True))
    local = _order(store, client, panel, svc)
    sandbox.clock.advance(HOUR)
    refresh_orders(store, client, panel)
    order = store.order(local)
    assert order is not None
    if order.status != "Completed":
        pytest.skip("the sandbox made this order Partial")
    now = time.time()
    thirty = replace(svc, name="Followers | 30 Days ♻️")
    assert check_order(order, thirty, [], now=now, completed_at=now - 29 * 86400).eligible
    late = check_order(order, thirty, [], now=now, completed_at=now - 31 * 86400)
    assert not late.eligible and "30-day" in late.reason
    assert check_order(order, replace(svc, name="X | Lifetime"), [], now=now,
                       completed_at=now - 900 * 86400).eligible  # fmt: skip
    no_refill = replace(svc, refill=False)
    assert not check_order(order, no_refill, [], now=now, completed_at=now).eligible
    refill = store.refill_failed(local, "The order was completed or refill was requested ...")
    (e,) = eligibility(store, panel, [svc], now=now)
    assert not e.eligible and "24 h" in e.reason
    (e,) = eligibility(store, panel, [svc], now=refill.created_at + 24 * HOUR + 1)
    assert e.eligible
    pending = store.add_refill(local, 77)
    (e,) = eligibility(store, panel, [svc], now=pending.created_at + 48 * HOUR)
    assert not e.eligible and "refill 77" in e.reason


def test_an_order_whose_remains_do_not_move_is_stuck(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = parse_service(sandbox.find_service("Default", refill=False))
    quiet = _order(store, client, panel, svc)
    moving = _order(store, client, panel, svc)
    ids = [o.order for o in store.orders(panel.id) if o.order is not None]
    now = time.time()
    store.apply_statuses(panel.id, client.statuses(ids), now - 7 * HOUR)  # first seen 7 h ago
    assert {s.order.id for s in stuck_orders(store, panel.id, now=now)} == {quiet, moving}
    sandbox.clock.advance(120)  # In progress: remains fall
    answers = client.statuses(ids)
    moved = [a for a in answers if a.order == store.order(moving).order]  # type: ignore[union-attr]
    still = [a for a in answers if a.order == store.order(quiet).order]  # type: ignore[union-attr]
    store.apply_statuses(panel.id, moved, now)
    stuck = stuck_orders(store, panel.id, now=now)
    assert [s.order.id for s in stuck] == [quiet]
    assert stuck[0].since == pytest.approx(now - 7 * HOUR)
    rows = store.orders(panel.id)  # the rows the Orders tab holds, not read again
    assert stuck_orders(store, panel.id, now=now, orders=rows) == stuck
    done = [replace(o, status="Completed") for o in rows]  # final: never stuck
    assert stuck_orders(store, panel.id, now=now, orders=done) == []
    store.set_setting(STUCK_SETTING, "8")
    assert stuck_orders(store, panel.id, now=now) == []
    store.set_setting(STUCK_SETTING, None)
    assert still and stuck_orders(store, panel.id, now=now - 6.5 * HOUR) == []


def test_catalog_diff_lists_each_changed_field() -> None:
    a = Service(1, "A", "Default", "C", Decimal("0.50"), 10, 1000, True, False, False)
    b = Service(2, "B", "Default", "C", Decimal("1"), 10, 1000)
    c = Service(3, "C", "Default", "C", Decimal("2"), 10, 1000)
    a2 = replace(a, rate=Decimal("0.55"), max=5000, refill=False, name="A renamed")
    changes = diff_catalogs([a, b], [a2, c])
    assert [(x.service, x.change, x.old, x.new) for x in changes] == [
        (2, "removed", "1", None),
        (1, "rate", "0.50", "0.55"),
        (1, "max", 1000, 5000),
        (1, "refill", True, False),
        (3, "added", None, "2"),
    ]
    assert diff_catalogs([a, b], [a, b]) == []


def test_events_are_announced_once_across_restarts(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any, tmp_path: Path
) -> None:
    svc = parse_service(sandbox.find_service("Default", refill=True))
    before = _order(store, client, panel, svc)
    assert ev.collect_events(store, panel) == []  # the first look sets the baseline
    refresh_catalog(store, client, panel)
    for _ in range(3):
        _order(store, client, panel, svc)
    sandbox.clock.advance(HOUR)
    refresh_orders(store, client, panel)
    ev.set_balance_threshold(store, panel.id, Decimal("5000"))
    wire = [dict(w, rate="9.99") if int(w["service"]) == svc.id else w for w in sandbox.catalog]
    sandbox.set_catalog(wire)
    refresh_catalog(store, client, panel)

    found = ev.collect_events(store, panel, balance=Decimal("990"))
    kinds = [e.kind for e in found]
    assert kinds.count(ev.FINISHED) == 4  # the one placed before the baseline finished after it
    assert before in {store.order_by_panel_id(panel.id, e.subject).id  # type: ignore[union-attr]
                      for e in found if e.kind == ev.FINISHED}  # fmt: skip
    assert sum(ev.finished_counts(found).values()) == 4
    (money,) = [e for e in found if e.kind == ev.BALANCE]
    assert (money.old, money.new) == (Decimal("5000"), Decimal("990"))
    (change,) = [e for e in found if e.kind == ev.SERVICE]
    assert (change.subject, change.status, change.new) == (svc.id, "rate", "9.99")

    assert ev.collect_events(store, panel, balance=Decimal("990")) == []
    with Store(store.path) as again:  # a restart
        assert ev.collect_events(again, panel, balance=Decimal("980")) == []
        assert ev.collect_events(again, panel, balance=Decimal("6000")) == []  # above: re-armed
        (low,) = ev.collect_events(again, panel, balance=Decimal("10"))
        assert low.kind == ev.BALANCE


def test_a_kind_switched_off_is_not_announced_later_either(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = parse_service(sandbox.find_service("Default"))
    ev.collect_events(store, panel)
    _order(store, client, panel, svc)
    ev.set_kind_enabled(store, ev.FINISHED, False)
    assert ev.enabled_kinds(store) == set(ev.KINDS) - {ev.FINISHED}
    sandbox.clock.advance(HOUR)
    refresh_orders(store, client, panel)
    assert [e for e in ev.collect_events(store, panel) if e.kind == ev.FINISHED] == []
    ev.set_kind_enabled(store, ev.FINISHED, True)
    assert [e for e in ev.collect_events(store, panel) if e.kind == ev.FINISHED] == []


def test_used_services_include_the_starred_ones(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = parse_service(sandbox.find_service("Default"))
    _order(store, client, panel, svc)
    assert store.used_services(panel.id) == {svc.id}
    store.set_favourite(panel.id, 5)
    store.set_favourite(panel.id, 6)
    assert store.used_services(panel.id) == {svc.id, 5, 6}


def test_an_empty_catalog_answer_is_not_every_service_removed(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    refresh_catalog(store, client, panel)
    wire = list(sandbox.catalog)
    sandbox.set_catalog([])
    refresh_catalog(store, client, panel)
    sandbox.set_catalog(wire)
    refresh_catalog(store, client, panel)
    assert store.catalog_changes(panel.id) == []


def test_stale_work_is_only_what_eligibility_needs(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = parse_service(sandbox.find_service("Default", refill=True))
    local = _order(store, client, panel, svc)
    order = store.order(local)
    assert order is not None and order.order is not None
    assert stale_work(store, panel) == ([order.order], [])  # never read
    refresh_orders(store, client, panel)
    assert stale_work(store, panel) == ([], [])  # just read
    assert stale_work(store, panel, now=time.time() + 600) == ([order.order], [])
    sandbox.clock.advance(HOUR)
    refresh_orders(store, client, panel)
    refill = store.add_refill(local, 41)  # pending
    assert stale_work(store, panel) == ([], [])  # younger than 24 h: blocks anyway
    assert stale_work(store, panel, now=refill.created_at + 25 * HOUR)[1] == [41]
