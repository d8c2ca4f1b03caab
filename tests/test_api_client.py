"""PanelClient against the sandbox panel over loopback: every action, single and multi forms."""

from __future__ import annotations

import inspect
import logging
import math
import re
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.dialects import service_type as spelt
from smpanel_desktop.api.errors import (
    ConfigError,
    InsufficientFundsError,
    InvalidKeyError,
    PanelError,
)
from smpanel_desktop.api.models import CancelResult
from smpanel_desktop.api.parse import NOT_IN_ANSWER
from smpanel_desktop.sandbox.server import SandboxPanel

LINK = "https://www.instagram.com/p/Cx1abc/"


@pytest.fixture
def client(sandbox: SandboxPanel) -> Iterator[PanelClient]:
    with PanelClient(sandbox.url, sandbox.key, timeout=5, backoff_factor=0.01) as panel_client:
        yield panel_client


def lines(count: int, word: str) -> str:
    return "\n".join(f"{word}{i}" for i in range(count))


def params_for(service_type: str, low: int) -> dict[str, str | int]:
    """What a user fills in for each type of docs/protocol.md (the minimum quantity)."""
    q: dict[str, str | int] = {"link": LINK, "quantity": low}
    return {
        "package": {"link": LINK},
        "custom comments": {"link": LINK, "comments": lines(low, "Great post 👍 #")},
        "custom comments package": {"link": LINK, "comments": "Nice\r\nCool"},
        "mentions": {**q, "usernames": "alice\nbob"},
        "mentions with hashtags": {**q, "usernames": "alice\nbob", "hashtags": "#a\n#b"},
        "mentions custom list": {"link": LINK, "usernames": lines(low, "user")},
        "mentions hashtag": {**q, "hashtag": "#sunset"},
        "mentions user followers": {**q, "username": "natgeo"},
        "mentions media likers": {**q, "media": "https://www.instagram.com/p/Cy2def/"},
        "comment likes": {**q, "username": "alice"},
        "comment replies": {"link": LINK, "username": "alice", "comments": lines(low, "Yes ")},
        "poll": {**q, "answer_number": 2},
        "invites from groups": {**q, "groups": "group1\ngroup2"},
        "seo": {**q, "keywords": "cheap smm\nbest panel"},
        "subscriptions": {"username": "natgeo", "min": low, "max": low, "delay": 30,
                          "expiry": "31/12/2030"},
        "web traffic": {**q, "country": "US", "device": 1, "type_of_traffic": 2},
    }.get(service_type.strip().lower(), q)  # fmt: skip


def every_type(panel: SandboxPanel) -> dict[str, Any]:
    first: dict[str, Any] = {}
    for spec in panel.specs:
        first.setdefault(spec.type, spec)
    return first


def test_services_reads_the_whole_catalog(sandbox: SandboxPanel, client: PanelClient) -> None:
    catalog = client.services()
    assert catalog.skipped == 0
    assert len(catalog.services) == len(sandbox.specs) == 300
    specs = {s.id: s for s in sandbox.specs}
    for service in catalog.services:
        spec = specs[service.id]
        assert (service.type, service.rate, service.min, service.max) == (
            spelt(spec.type),
            spec.rate,
            spec.min,
            spec.max,
        )
        assert isinstance(service.rate, Decimal) and "&amp;" not in service.name
    types = {s.type for s in catalog.services}
    assert {"Default", "Package", "Subscriptions", "Special"} <= types
    assert "default" not in types  # the catalog's lowercase "default" is read as Default


def test_add_every_service_type(sandbox: SandboxPanel, client: PanelClient) -> None:
    before = client.balance().amount
    placed: dict[int, Any] = {}
    for service_type, spec in every_type(sandbox).items():
        params = params_for(service_type, spec.min)
        order = client.add(spec.id, params)
        assert isinstance(order, int), service_type
        placed[order] = (spec, params)
    assert len(placed) >= 17  # every type of the reference plus the unknown ones
    charged = Decimal(0)
    for order, (spec, params) in placed.items():
        on_panel = sandbox.orders[order]
        assert on_panel.service == spec.id
        assert {k: str(v) for k, v in params.items()}.items() <= on_panel.params.items()
        charged += on_panel.charge
    assert client.balance().amount == before - charged


def test_dripfeed_add_multiplies_the_quantity(sandbox: SandboxPanel, client: PanelClient) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default" and s.dripfeed)
    order = client.add(spec.id, {"link": LINK, "quantity": spec.min, "runs": 3, "interval": 15})
    assert sandbox.orders[order].quantity == spec.min * 3


def test_status_single_and_final(sandbox: SandboxPanel, client: PanelClient) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default")
    order = client.add(spec.id, {"link": LINK, "quantity": spec.min})
    status = client.status(order)
    assert status.order == order and not status.is_final
    assert status.charge == sandbox.orders[order].charge and status.currency == "USD"
    sandbox.clock.advance(10 * 24 * 3600)
    assert client.status(order).is_final
    with pytest.raises(PanelError, match="Incorrect order ID"):
        client.status(order + 10_000)


def test_statuses_in_batches_of_100(sandbox: SandboxPanel, client: PanelClient) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default")
    real = [client.add(spec.id, {"link": LINK, "quantity": spec.min}) for _ in range(3)]
    wanted = [*real, *range(900_000, 900_247), real[0]]  # 250 distinct ids, one repeated
    sandbox.clear_log()
    results = client.statuses(wanted)
    assert [r.order for r in results] == list(dict.fromkeys(wanted))
    assert all(r.status is not None for r in results[:3])
    assert {r.error for r in results[3:]} == {"Incorrect order ID"}
    sent = [p["orders"].split(",") for action, p in sandbox.request_log if action == "status"]
    assert len(sent) == math.ceil(250 / 100) and max(len(ids) for ids in sent) == 100
    assert client.statuses([]) == []


def test_refills_single_multi_and_their_statuses(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default" and s.refill_works)
    orders = [client.add(spec.id, {"link": LINK, "quantity": spec.min}) for _ in range(3)]
    sandbox.clock.advance(10 * 24 * 3600)  # completed, so refillable
    refill = client.refill(orders[0])
    assert sandbox.refills[refill].order == orders[0]
    sandbox.clear_log()
    results = client.refills([orders[1], orders[2], *range(800_000, 800_148)])
    assert len(results) == 150 and sandbox.requests_for("refill") == 2
    ok = [r for r in results if r.error is None]
    assert [r.order for r in ok] == orders[1:] and all(r.refill in sandbox.refills for r in ok)
    assert results[-1].refill is None and results[-1].error == "Incorrect order ID"

    single = client.refill_status(refill)
    assert single.refill == refill and single.status and single.error is None
    ids = [refill, *(r.refill for r in ok), *range(700_000, 700_120)]
    sandbox.clear_log()
    statuses = client.refill_statuses([i for i in ids if i is not None])
    assert sandbox.requests_for("refill_status") == 2
    assert [s.refill for s in statuses[:3]] == [refill, ok[0].refill, ok[1].refill]
    assert all(s.status for s in statuses[:3])
    assert statuses[-1].status is None and statuses[-1].error


def test_refill_refused_by_the_panel_is_its_error(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default" and not s.refill_works)
    order = client.add(spec.id, {"link": LINK, "quantity": spec.min})
    sandbox.clock.advance(10 * 24 * 3600)
    with pytest.raises(PanelError) as caught:
        client.refill(order)
    assert caught.value.text  # the panel's own words, e.g. "Refill is disabled for this service"
    assert sandbox.refills == {}


def test_cancel_in_batches(sandbox: SandboxPanel, client: PanelClient) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default" and s.cancel)
    order = client.add(spec.id, {"link": LINK, "quantity": spec.max})
    sandbox.clear_log()
    results = client.cancel([order, *range(600_000, 600_120)])
    assert sandbox.requests_for("cancel") == 2 and len(results) == 121
    assert results[0].order == order and results[0].accepted and results[0].error is None
    assert not results[1].accepted and results[1].error == "Incorrect order ID"
    assert NOT_IN_ANSWER not in {r.error for r in results}


def test_panel_errors_keep_their_kind_and_text(sandbox: SandboxPanel, client: PanelClient) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default")
    with pytest.raises(PanelError, match="Bad link"):
        client.add(spec.id, {"link": "not a link", "quantity": spec.min})
    with pytest.raises(PanelError, match="Quantity less than minimal"):
        client.add(spec.id, {"link": LINK, "quantity": spec.min - 1})
    sandbox.set_balance(Decimal("0"))
    with pytest.raises(InsufficientFundsError):
        client.add(spec.id, {"link": LINK, "quantity": spec.min})
    assert sandbox.order_count() == 0
    with (
        PanelClient(sandbox.url, "wrong-key") as stranger,
        pytest.raises(InvalidKeyError, match="Invalid API key"),
    ):
        stranger.balance()


def test_an_untranslated_error_key_reads_as_words(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    spec = next(s for s in sandbox.specs if s.type == "Default")
    sandbox.faults.add("error", action="add", count=1, text="neworder.error.not_enough_funds")
    with pytest.raises(InsufficientFundsError) as caught:
        client.add(spec.id, {"link": LINK, "quantity": spec.min})
    assert caught.value.text == "Not enough funds (neworder.error.not_enough_funds)"
    sandbox.faults.add("error", action="status", count=1, text="Incorrect order ID.")
    with pytest.raises(PanelError) as plain:  # ordinary texts are left as the panel wrote them
        client.status(1)
    assert plain.value.text == "Incorrect order ID."


def test_add_rejects_fields_the_client_owns(sandbox: SandboxPanel, client: PanelClient) -> None:
    with pytest.raises(ConfigError, match="'key'"):
        client.add(1, {"link": LINK, "key": "other"})
    with pytest.raises(ConfigError, match="'comments'"):
        client.add(1, {"link": LINK, "comments": "half an emoji \ud83d"})
    assert sandbox.request_log == []


def test_the_key_stays_out_of_reprs_logs_and_urls(
    sandbox: SandboxPanel, client: PanelClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    spec = next(s for s in sandbox.specs if s.type == "Default")
    order = client.add(spec.id, {"link": LINK, "quantity": spec.min})
    client.statuses([order])
    client.balance()
    assert sandbox.key not in repr(client) and sandbox.key not in str(vars(client))
    assert "add: ok" in caplog.text and "balance: ok" in caplog.text
    assert sandbox.key not in caplog.text and LINK not in caplog.text
    for record in sandbox.records:
        assert record.method == "POST" and sandbox.key not in record.path and record.key_ok


def test_the_client_imports_no_qt() -> None:
    code = (
        "import sys, smpanel_desktop.api.client\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_a_panel_that_reads_only_single_ids_cancels_them_one_by_one_and_is_remembered() -> None:
    """SmartPanel refuses ``orders=`` for cancel ("Incorrect request"): the orders are cancelled
    one by one all the same, and the next cancel goes straight to the single form."""
    with (
        SandboxPanel(services=50, seed=7, dialect="smartpanel") as panel,
        PanelClient(panel.url, panel.key, read_retries=0) as client,
    ):
        spec = next(s for s in panel.specs if s.type == "Default" and s.cancel)
        first = panel.place_orders(3, service=spec.id, quantity=spec.max)
        assert client.cancel(first) == [CancelResult(i, True) for i in first]
        assert client.single_form == {"cancel"}
        sent = [p for action, p in panel.request_log if action == "cancel"]
        assert [p.get("orders") or p["order"] for p in sent] == [
            ",".join(map(str, first)),
            *map(str, first),
        ]
        panel.clear_log()
        later = panel.place_orders(2, service=spec.id, quantity=spec.max)
        assert client.cancel(later) == [CancelResult(i, True) for i in later]
        assert [p for _, p in panel.request_log] == [
            {"action": "cancel", "order": str(i)} for i in later
        ]  # no second refusal first


def test_one_id_goes_in_the_single_form_every_engine_reads(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    """docs/protocol.md: ``order=ID`` for one id, ``orders=`` for several."""
    (order,) = sandbox.place_orders(1)
    (result,) = client.statuses([order, order])
    assert result.order == order and result.status is not None
    assert sandbox.request_log == [("status", {"action": "status", "order": str(order)})]


def test_each_request_is_logged_with_its_outcome_and_how_long_it_took(
    sandbox: SandboxPanel, client: PanelClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="smpanel_desktop.api.client")
    sandbox.faults.add("latency", action="balance", count=1, seconds=0.2)
    sandbox.faults.add("error", action="status", count=1, text="Incorrect order ID")
    client.balance()
    with pytest.raises(PanelError):
        client.status(1)
    lines = [r.getMessage() for r in caplog.records if r.name == "smpanel_desktop.api.client"]
    took = re.fullmatch(r"balance: ok in (\d+) ms", lines[0])
    assert took is not None and 200 <= int(took.group(1)) < 950, lines
    assert re.fullmatch(r"status: PanelError in \d+ ms", lines[1]), lines


def test_the_defaults_are_the_documented_ones() -> None:
    """The CLI and the app build their clients with these defaults (docs/architecture.md):
    how long a read may take, how often and how patiently it is retried."""
    doc = (Path(__file__).parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    found = re.search(r"`PanelClient\(endpoint, key, \*, (.*?)\)`", doc, re.DOTALL)
    assert found is not None
    documented = dict(p.split("=") for p in re.split(r",\s*", found.group(1)))
    defaults = {
        name: repr(p.default)
        for name, p in inspect.signature(PanelClient).parameters.items()
        if p.default is not inspect.Parameter.empty
    }
    assert defaults == documented
