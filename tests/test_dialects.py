"""The client and the use cases against both dialects of the sandbox (PerfectPanel, SmartPanel):
every action, the single and multi forms, the fallback and its memory, errors read as errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.dialects import SERVICE_TYPES
from smpanel_desktop.api.errors import InvalidKeyError, PanelError
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.core.orders.fields import canonical_type
from smpanel_desktop.core.orders.validation import validate
from smpanel_desktop.core.panel_client import remembered_forms
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.core.refills_cancels import cancel_orders, refresh_refills, request_refills
from smpanel_desktop.core.refreshing import refresh_orders
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.models import PLACED, REJECTED
from smpanel_desktop.store.store import Store


@pytest.fixture
def client(dialect_sandbox: SandboxPanel) -> Iterator[PanelClient]:
    with PanelClient(dialect_sandbox.url, dialect_sandbox.key, timeout=5, backoff_factor=0.01) as c:
        yield c


def smart(panel: SandboxPanel) -> bool:
    return panel.dialect == "smartpanel"


def forms_used(panel: SandboxPanel, action: str) -> list[str]:
    """For each request of ``action``: "multi" (``orders=``/``refills=``) or "single"."""
    return [
        "multi" if {"orders", "refills"} & set(params) else "single"
        for name, params in panel.request_log
        if name == action
    ]


def completed_orders(panel: SandboxPanel, client: PanelClient, count: int) -> list[int]:
    """``count`` orders of a service whose refill works, all Completed."""
    svc = panel.find_service("Default", refill=True)
    ids = [
        client.add(int(svc["service"]), {"link": f"https://x.com/p/{i}", "quantity": svc["min"]})
        for i in range(count * 3)
    ]
    panel.clock.advance(3600)
    done = [i for i in ids if panel.orders[i].status == "Completed"]
    assert len(done) >= count
    return done[:count]


def test_the_catalog_reads_in_the_protocols_type_names(
    dialect_sandbox: SandboxPanel, client: PanelClient
) -> None:
    wire_types = {str(record["type"]) for record in dialect_sandbox.catalog}
    if smart(dialect_sandbox):
        assert {"custom_comments", "comment_likes", "default", "package"} <= wire_types
    services = client.services().services
    assert len(services) == len(dialect_sandbox.specs)
    types = {s.type for s in services}
    assert set(SERVICE_TYPES) <= types
    assert {t.casefold() for t in types - set(SERVICE_TYPES)} == {"special"}  # kept as spelt
    assert client.balance().amount > 0


def test_snake_case_types_get_their_form_and_are_placed(
    dialect_sandbox: SandboxPanel, client: PanelClient, store: Store
) -> None:
    panel = store.add_panel("P", dialect_sandbox.url, "USD")
    by_type = {s.type: s for s in client.services().services}
    comments, likes = by_type["Custom Comments"], by_type["Comment Likes"]
    # Custom Comments: the lines are the quantity; Comment Likes: the owner is asked for.
    asked = validate(likes, {"link": "x.com/p/1", "quantity": str(likes.min)})
    assert [p.field for p in asked] == ["username"]
    lines = "\n".join(f"nice {i}" for i in range(max(comments.min, 1)))
    row = place_order(store, client, panel, comments, {"link": "x.com/p/1", "comments": lines})
    assert row.state == PLACED and row.service_type == "Custom Comments"
    values = {"link": "x.com/p/2", "quantity": str(likes.min), "username": "alice"}
    row = place_order(store, client, panel, likes, values)
    assert row.state == PLACED and dialect_sandbox.orders[row.order or 0].params["username"] == (
        "alice"
    )


def test_a_package_wanting_quantity_gets_it_as_an_extra(
    dialect_sandbox: SandboxPanel, client: PanelClient, store: Store
) -> None:
    panel = store.add_panel("P", dialect_sandbox.url, "USD")
    package = parse_service(dialect_sandbox.find_service("Package"))
    assert canonical_type(package.type) == "Package"
    if smart(dialect_sandbox):  # SmartPanel's Package still requires quantity
        with pytest.raises(PanelError, match="Quantity is required"):
            place_order(store, client, panel, package, {"link": "t.me/chan"})
        assert store.orders()[0].state == REJECTED
    row = place_order(store, client, panel, package, {"link": "t.me/chan2", "quantity": "1"})
    assert row.state == PLACED and row.params == {"link": "t.me/chan2", "quantity": "1"}
    assert dialect_sandbox.orders[row.order or 0].params["quantity"] == "1"


def test_refill_round_trip_in_the_form_each_panel_reads_and_remembered(
    dialect_sandbox: SandboxPanel, client: PanelClient, store: Store
) -> None:
    panel = store.add_panel("P", dialect_sandbox.url, "USD")
    a, b, c, d, e = completed_orders(dialect_sandbox, client, 5)
    dialect_sandbox.clear_log()

    (one,) = request_refills(store, client, panel, [a])  # one id: the single form everywhere
    assert one.refill is not None and forms_used(dialect_sandbox, "refill") == ["single"]

    dialect_sandbox.clear_log()
    two = request_refills(store, client, panel, [b, c])
    assert [r.order for r in two] == [b, c] and all(r.refill is not None for r in two)
    used = forms_used(dialect_sandbox, "refill")
    # SmartPanel refuses orders= ("Order ID is required"): one id a request from then on
    assert used == (["multi", "single", "single"] if smart(dialect_sandbox) else ["multi"])
    assert remembered_forms(store, panel) == ({"refill"} if smart(dialect_sandbox) else set())

    # A new client for the same panel (as the next CLI run): the memory comes from the store.
    with PanelClient(dialect_sandbox.url, dialect_sandbox.key, timeout=5) as fresh:
        dialect_sandbox.clear_log()
        assert all(r.refill is not None for r in request_refills(store, fresh, panel, [d, e]))
        used = forms_used(dialect_sandbox, "refill")
        assert used == (["single", "single"] if smart(dialect_sandbox) else ["multi"])

        refill_ids = [r.refill for r in (one, *two) if r.refill is not None]
        dialect_sandbox.clear_log()
        statuses = refresh_refills(store, fresh, panel, refill_ids)
        assert [s.refill for s in statuses] == refill_ids
        assert all(s.status in ("Pending", "In progress") for s in statuses)
        used = forms_used(dialect_sandbox, "refill_status")
        assert used == (["multi", "single", "single", "single"] if smart(dialect_sandbox) else [
            "multi"
        ])  # fmt: skip


def test_cancel_and_status_of_several_orders(
    dialect_sandbox: SandboxPanel, client: PanelClient, store: Store
) -> None:
    panel = store.add_panel("P", dialect_sandbox.url, "USD")
    svc = dialect_sandbox.find_service("Default", cancel=True)
    ids = [
        client.add(int(svc["service"]), {"link": f"https://x.com/c/{i}", "quantity": svc["min"]})
        for i in range(2)
    ]
    statuses = client.statuses([*ids, 99_999_999])
    assert [s.status.status if s.status else s.error for s in statuses] == [
        "Pending",
        "Pending",
        "Incorrect order ID",  # SmartPanel: a plain string in the multi answer
    ]
    results = cancel_orders(store, client, panel, ids)
    assert [(r.order, r.accepted) for r in results] == [(ids[0], True), (ids[1], True)]
    assert {dialect_sandbox.orders[i].status for i in ids} == {"Canceled"}
    assert ("cancel" in remembered_forms(store, panel)) == smart(dialect_sandbox)


def test_a_wrong_key_is_an_invalid_key_in_every_dialect(dialect_sandbox: SandboxPanel) -> None:
    with (
        PanelClient(dialect_sandbox.url, "wrong-key", timeout=5) as wrong,
        pytest.raises(InvalidKeyError) as caught,
    ):
        wrong.balance()
    if smart(dialect_sandbox):
        assert "API is Disable for this user" in str(caught.value)


def test_smartpanel_refusals_of_add_are_refusals_not_unknown(store: Store) -> None:
    with (
        SandboxPanel(services=300, seed=7, dialect="smartpanel") as sandbox,
        PanelClient(sandbox.url, sandbox.key, timeout=5) as client,
    ):
        panel = store.add_panel("P", sandbox.url, "USD")
        drip = parse_service(sandbox.find_service("Default", dripfeed=True))
        values = {"link": "x.com/p/1", "quantity": str(drip.min), "runs": "3", "interval": "7"}
        with pytest.raises(PanelError, match="Invalid Interval in minutes"):
            place_order(store, client, panel, drip, values)
        plain = {"link": "x.com/p/2", "quantity": str(drip.min)}
        assert place_order(store, client, panel, drip, plain).state == PLACED
        with pytest.raises(PanelError, match="already an active order for this link"):
            place_order(store, client, panel, drip, plain)
        states = sorted(o.state for o in store.orders())
        assert states == [PLACED, REJECTED, REJECTED] and sandbox.order_count() == 1


def test_drip_feed_runs_and_children_are_shown_and_tracked(store: Store) -> None:
    with (
        SandboxPanel(services=300, seed=7, dialect="smartpanel") as sandbox,
        PanelClient(sandbox.url, sandbox.key, timeout=5) as client,
    ):
        panel = store.add_panel("P", sandbox.url, "USD")
        drip = parse_service(sandbox.find_service("Default", dripfeed=True))
        values = {"link": "x.com/p/1", "quantity": str(drip.min), "runs": "3", "interval": "5"}
        parent = place_order(store, client, panel, drip, values)
        status = client.status(parent.order or 0)
        assert status.runs == 3 and len(status.children) == 1

        summary = refresh_orders(store, client, panel)
        assert summary.children == 1
        (child,) = [o for o in store.orders() if o.id != parent.id]
        assert child.order == status.children[0] and child.state == PLACED
        assert child.params == {"dripfeed_parent": parent.order} and child.link == "x.com/p/1"
        kept = store.dripfeed(parent.id)
        assert kept is not None and kept.runs == 3 and kept.children == status.children

        sandbox.clock.advance(11 * 60)  # the other two runs start
        assert refresh_orders(store, client, panel).children == 2
        assert len(store.orders()) == 4
        polled = refresh_orders(store, client, panel)  # the children are polled like any order
        assert polled.checked >= 2 and polled.errors == 0
        assert all(o.status for o in store.orders())


def test_an_empty_smartpanel_catalog_is_no_services() -> None:
    with (
        SandboxPanel(services=0, dialect="smartpanel") as sandbox,
        PanelClient(sandbox.url, sandbox.key, timeout=5) as client,
    ):
        assert client.services().services == ()
