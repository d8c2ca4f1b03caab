"""The sandbox panel over real HTTP on 127.0.0.1, with plain ``requests``."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import requests

from smpanel_desktop.sandbox.server import SandboxPanel


@pytest.fixture
def panel() -> Iterator[SandboxPanel]:
    with SandboxPanel(services=300, seed=7) as p:
        yield p


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as s:
        yield s


def call(panel: SandboxPanel, http: requests.Session, **fields: Any) -> Any:
    fields.setdefault("key", panel.key)
    r = http.post(panel.url, data=fields, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def add(panel: SandboxPanel, http: requests.Session, service: dict[str, Any], **fields: Any) -> int:
    answer = call(panel, http, action="add", service=service["service"], **fields)
    assert "order" in answer, answer
    return int(answer["order"])


def default_service(panel: SandboxPanel, **flags: Any) -> dict[str, Any]:
    return panel.find_service("Default", **flags)


# -- basics ----------------------------------------------------------------------------------
def test_balance_and_currency(http: requests.Session) -> None:
    with SandboxPanel(services=50, currency="TRY", balance=Decimal("123.45")) as p:
        assert call(p, http, action="balance") == {"balance": "123.45", "currency": "TRY"}
        p.set_balance(Decimal("5.5"))
        assert Decimal(call(p, http, action="balance")["balance"]) == Decimal("5.5")


def test_wrong_or_missing_key_and_unknown_action(panel: SandboxPanel, http) -> None:
    assert call(panel, http, action="balance", key="nope") == {"error": "Invalid API key"}
    r = http.post(panel.url, data={"action": "balance"}, timeout=10)
    assert r.json() == {"error": "Invalid API key"}
    assert call(panel, http, action="fly") == {"error": "Incorrect action"}
    assert [r.key_ok for r in panel.records] == [False, False, True]
    assert all("key" not in params for _, params in panel.request_log)


def test_alternative_paths_are_served_and_others_are_not(panel: SandboxPanel, http) -> None:
    base = panel.url.rsplit("/api/v2", 1)[0]
    for path in ("/api/v2/", "/panel/api/v2"):
        r = http.post(base + path, data={"key": panel.key, "action": "balance"}, timeout=10)
        assert r.json()["currency"] == "USD"
    assert http.post(base + "/other", data={"key": panel.key}, timeout=10).status_code == 404


def test_services_answer_is_the_catalog(panel: SandboxPanel, http) -> None:
    services = call(panel, http, action="services")
    assert services == panel.catalog
    assert len(services) == 300
    assert panel.requests_for("services") == 1


# -- add and validation ----------------------------------------------------------------------
def test_add_charges_rate_times_quantity_and_tracks_the_order(panel: SandboxPanel, http) -> None:
    svc = default_service(panel, refill=True, cancel=True)
    spec = next(s for s in panel.specs if s.id == int(svc["service"]))
    oid = add(panel, http, svc, link="https://instagram.com/p/abc", quantity=spec.min * 2)
    order = panel.orders[oid]
    assert order.charge == spec.rate * spec.min * 2 / 1000
    assert order.status == "Pending" and order.remains == spec.min * 2
    assert panel.balance == Decimal("1000") - order.charge
    assert panel.order_count() == 1
    status = call(panel, http, action="status", order=oid)
    assert status["status"] == "Pending" and Decimal(status["charge"]) == order.charge
    assert status["currency"] == "USD"


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"link": "https://x.com/a"}, "Incorrect request"),
        ({"quantity": "100"}, "Incorrect request"),
        ({"link": "not a link", "quantity": "100"}, "Bad link"),
        ({"link": "https://x.com/a", "quantity": "9"}, "Quantity less than minimal 10"),
        ({"link": "https://x.com/a", "quantity": "100001"}, "Quantity more than maximum 100000"),
        ({"link": "https://x.com/a", "quantity": "ten"}, "Incorrect request"),
    ],
)
def test_add_errors_use_the_reference_texts(panel: SandboxPanel, http, fields, error) -> None:
    svc = default_service(panel, refill=True, cancel=True, dripfeed=True, min=10, max=100000)
    assert call(panel, http, action="add", service=svc["service"], **fields) == {"error": error}
    assert panel.order_count() == 0


def test_add_unknown_service_and_missing_service(panel: SandboxPanel, http) -> None:
    assert call(
        panel, http, action="add", service="999999", link="https://x.com/a", quantity=100
    ) == {"error": "Incorrect service ID"}
    assert call(panel, http, action="add", link="https://x.com/a") == {"error": "Incorrect request"}


def test_not_enough_funds_creates_nothing(panel: SandboxPanel, http) -> None:
    panel.set_balance(Decimal("0.01"))
    svc = default_service(panel, min=10, max=100000, refill=True)
    answer = call(
        panel, http, action="add", service=svc["service"], link="https://x.com/a", quantity=100000
    )
    assert answer == {"error": "Not enough funds on balance"}
    assert panel.order_count() == 0 and panel.balance == Decimal("0.01")


def test_dripfeed_total_is_quantity_times_runs(panel: SandboxPanel, http) -> None:
    svc = default_service(panel, dripfeed=True, min=10)
    spec = next(s for s in panel.specs if s.id == int(svc["service"]))
    oid = add(panel, http, svc, link="https://x.com/a", quantity=100, runs=3, interval=10)
    assert panel.orders[oid].quantity == 300
    assert panel.orders[oid].charge == spec.rate * 300 / 1000
    plain = default_service(panel, dripfeed=False)
    answer = call(panel, http, action="add", service=plain["service"], link="https://x.com/a",
                  quantity=int(plain["min"]), runs=3, interval=10)  # fmt: skip
    assert answer == {"error": "Drip-feed is disabled for this service"}
