"""The rules that protect money, each as the user would notice it broken.

An order interrupted while ``add`` is out must stay "unknown" (maybe charged), never "rejected"
(which the user may delete and forget); the store refuses state changes that would hide a charge;
money keeps every digit the panel sent; what the panel would refuse (quantity 0) or what cannot
be stored (ids of 2^63 and more) is caught before it costs anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.convert import soft_int, to_int
from smpanel_desktop.api.errors import UnknownOutcomeError, UnreadableAnswerError
from smpanel_desktop.api.models import Service
from smpanel_desktop.api.parse import parse_catalog, parse_order_id, parse_service
from smpanel_desktop.cli.main import main as cli_main
from smpanel_desktop.core.orders.params import build_params
from smpanel_desktop.core.orders.validation import validate
from smpanel_desktop.core.placing import place_order, resolve_unknown
from smpanel_desktop.core.refreshing import refresh_orders
from smpanel_desktop.store.models import PLACED, REJECTED, UNKNOWN, Panel
from smpanel_desktop.store.store import Store

LINK = "https://instagram.com/p/abc"


def _default_service(sandbox: Any) -> Service:
    return parse_service(sandbox.find_service("Default", dripfeed=False))


class _InterruptedAdd:
    """The real client whose ``add`` reaches the panel, then the user presses Ctrl-C (or the
    process is told to stop) before the answer is read."""

    def __init__(self, inner: PanelClient, error: BaseException) -> None:
        self._inner = inner
        self._error = error

    def add(self, service: int, params: Mapping[str, str | int]) -> int:
        self._inner.add(service, params)
        raise self._error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(1)], ids=["ctrl-c", "exit"])
def test_an_order_interrupted_in_flight_stays_unknown_and_is_never_resent(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any, error: BaseException
) -> None:
    svc = _default_service(sandbox)
    with pytest.raises(type(error)):
        place_order(
            store,
            _InterruptedAdd(client, error),  # type: ignore[arg-type]
            panel,
            svc,
            {"link": LINK, "quantity": str(svc.min)},
        )
    (row,) = store.orders(panel.id)
    assert sandbox.order_count() == 1 and sandbox.requests_for("add") == 1  # placed, once
    assert row.state == UNKNOWN  # may be charged: the user must resolve it, not forget it
    assert row.last_error is not None and "Interrupted while sending" in row.last_error
    assert row.params == {"link": LINK, "quantity": str(svc.min)}


def test_an_unexpected_error_in_flight_also_leaves_the_order_unknown(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = _default_service(sandbox)
    with pytest.raises(RuntimeError):
        place_order(
            store,
            _InterruptedAdd(client, RuntimeError("boom")),  # type: ignore[arg-type]
            panel,
            svc,
            {"link": LINK, "quantity": str(svc.min)},
        )
    assert [o.state for o in store.orders(panel.id)] == [UNKNOWN]


# -- the store's state rules ------------------------------------------------------------------


def _row(store: Store, panel: Panel, state: str) -> int:
    row = store.begin_order(panel.id, 1, "Likes", "Default", {"link": LINK}, link=LINK)
    if state == PLACED:
        store.mark_placed(row.id, 7000 + row.id)
    elif state == REJECTED:
        store.mark_rejected(row.id, "Not enough funds")
    elif state == UNKNOWN:
        store.mark_unknown(row.id, "answer lost")
    return row.id


def test_a_refused_order_never_turns_placed(store: Store, panel: Panel) -> None:
    local = _row(store, panel, REJECTED)
    with pytest.raises(ValueError, match="rejected"):
        store.mark_placed(local, 9001)
    assert store.order(local).state == REJECTED  # type: ignore[union-attr]
    assert store.order_by_panel_id(panel.id, 9001) is None


def test_a_possibly_charged_order_cannot_be_marked_refused(store: Store, panel: Panel) -> None:
    local = _row(store, panel, UNKNOWN)
    with pytest.raises(ValueError, match="unknown"):
        store.mark_rejected(local, "late error")
    with pytest.raises(ValueError, match="unknown"):
        store.mark_unknown(local, "again")
    row = store.order(local)
    assert row is not None and (row.state, row.last_error) == (UNKNOWN, "answer lost")


def test_a_placed_order_keeps_its_state_and_id(store: Store, panel: Panel) -> None:
    local = _row(store, panel, PLACED)
    for change in (
        lambda: store.mark_rejected(local, "x"),
        lambda: store.mark_unknown(local, "x"),
        lambda: store.mark_placed(local, 1),
        lambda: store.resolve_unknown(local, None),
    ):
        with pytest.raises(ValueError, match="placed"):
            change()
    row = store.order(local)
    assert row is not None and (row.state, row.order) == (PLACED, 7000 + local)


def test_a_late_answer_still_places_an_unknown_order(store: Store, panel: Panel) -> None:
    local = _row(store, panel, UNKNOWN)
    row = store.mark_placed(local, 4242, Decimal("0.123456789012345678901"))
    assert (row.state, row.order, row.last_error) == (PLACED, 4242, None)
    assert row.charge == Decimal("0.123456789012345678901")


class _RacedStore(Store):
    """A store whose row is changed by another window (a second Store on the same file) right
    after this one read it, before it writes."""

    race: Any = None

    def _require_order(self, local_id: int, *states: str) -> Any:
        row = super()._require_order(local_id, *states)
        race, self.race = self.race, None
        if race is not None:
            race()
        return row


def test_two_verdicts_on_one_unknown_order_the_second_is_refused(
    tmp_path: Path, store: Store, panel: Panel
) -> None:
    local = _row(store, panel, UNKNOWN)
    other = _RacedStore(store.path)
    try:
        other.race = lambda: store.resolve_unknown(local, None)  # the GUI: "not placed"
        with pytest.raises(ValueError, match="changed meanwhile"):
            other.resolve_unknown(local, 5150)  # the CLI, at the same moment: "it is #5150"
    finally:
        other.close()
    row = store.order(local)
    assert row is not None and (row.state, row.order) == ("not_placed", None)


# -- money and numbers as the panel sent them ---------------------------------------------------


def test_a_charge_keeps_every_digit_the_panel_sent(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = _default_service(sandbox)
    row = place_order(store, client, panel, svc, {"link": LINK, "quantity": str(svc.min)})
    charge = "0.12345678901234567890123"  # more digits than a float holds
    answer = {str(row.order): {"status": "Completed", "charge": charge, "currency": "USD"}}
    sandbox.faults.add("raw", action="status", body=answer)
    summary = refresh_orders(store, client, panel)
    assert (summary.checked, summary.failure) == (1, None)
    stored = store.order(row.id)
    assert stored is not None and stored.charge == Decimal(charge)
    assert str(stored.charge) == charge


def _service(**changes: Any) -> Service:
    base: dict[str, Any] = {
        "id": 5, "name": "Likes", "type": "Default", "category": "Instagram",
        "rate": Decimal("0.9"), "min": 10, "max": 1000,
    }  # fmt: skip
    base.update(changes)
    return Service(**base)


@pytest.mark.parametrize("low", [0, -5])
def test_a_quantity_of_zero_is_refused_even_when_the_service_says_min_0(low: int) -> None:
    svc = _service(min=low)
    problems = validate(svc, {"link": LINK, "quantity": "0"})
    assert [(p.field, p.message) for p in problems] == [("quantity", "At least 1")]
    assert validate(svc, {"link": LINK, "quantity": "1"}) == []


def test_quantity_bounds_are_inclusive() -> None:
    svc = _service(min=10, max=1000)
    assert validate(svc, {"link": LINK, "quantity": "10"}) == []
    assert validate(svc, {"link": LINK, "quantity": "1000"}) == []
    assert [p.message for p in validate(svc, {"link": LINK, "quantity": "9"})] == ["At least 10"]
    assert [p.message for p in validate(svc, {"link": LINK, "quantity": "1001"})] == [
        "At most 1000"
    ]
    assert build_params(svc, {"link": LINK, "quantity": " 0010 "}) == {
        "link": LINK,
        "quantity": "10",
    }


@pytest.mark.parametrize(
    ("record", "what"),
    [
        ({"service": -3, "rate": "1.0", "name": "neg id"}, "service id"),
        ({"service": "-3", "rate": "1.0", "name": "neg id text"}, "service id"),
        ({"service": 3, "rate": "-0.5", "name": "neg rate"}, "rate"),
        ({"service": 3, "rate": -1, "name": "neg rate int"}, "rate"),
    ],
)
def test_a_negative_service_id_or_rate_is_no_service(record: dict[str, Any], what: str) -> None:
    with pytest.raises(UnreadableAnswerError, match=what):
        parse_service(record)
    catalog = parse_catalog([record, {"service": 4, "rate": "0", "name": "free"}])
    assert [s.id for s in catalog.services] == [4] and catalog.skipped == 1
    assert catalog.services[0].rate == Decimal("0")  # a rate of 0 is a price, not an error


LIMIT = 2**63


@pytest.mark.parametrize(
    "value",
    [LIMIT, -LIMIT, str(LIMIT), "9999999999999999999", 9999999999999999999, f"{LIMIT}.0"],
)
def test_ids_of_2_to_the_63_or_19_digits_beyond_it_are_unusable(value: object) -> None:
    with pytest.raises(UnreadableAnswerError):
        to_int(value)
    assert soft_int(value, None) is None
    with pytest.raises(UnreadableAnswerError):
        parse_order_id({"order": value})
    catalog = parse_catalog([{"service": value, "rate": "1"}])
    assert catalog.services == () and catalog.skipped == 1


@pytest.mark.parametrize("value", [LIMIT - 1, str(LIMIT - 1), "1000000000000000000", -(LIMIT - 1)])
def test_the_largest_storable_whole_numbers_are_read(value: object) -> None:
    assert to_int(value) == int(value)  # type: ignore[call-overload]
    assert soft_int(value, None) == int(value)  # type: ignore[call-overload]


def test_the_cli_refuses_an_id_sqlite_cannot_store(
    sandbox: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    base = ["--api-url", sandbox.url]
    assert cli_main([*base, "refill", str(LIMIT)]) == 2
    assert "not an order id" in capsys.readouterr().err
    assert cli_main([*base, "cancel", "0"]) == 2
    assert sandbox.request_log == []  # refused before anything was sent
    assert cli_main([*base, "refill", str(LIMIT - 1)]) in (0, 1)  # a storable id is sent
    assert sandbox.requests_for("refill") == 1


def test_resolving_with_an_id_the_panel_does_not_know_leaves_it_unknown(
    store: Store, client: PanelClient, panel: Panel
) -> None:
    local = _row(store, panel, UNKNOWN)
    with pytest.raises(Exception, match=r"(?i)incorrect order id"):
        resolve_unknown(store, client, panel, local, 987654)
    assert store.order(local).state == UNKNOWN  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "value", [12345678901234567, Decimal("0.12345678901234567890123"), "12345678901234567.25"]
)
def test_money_and_counts_are_read_without_rounding(value: object) -> None:
    from smpanel_desktop.api.convert import to_decimal

    assert to_decimal(value) == Decimal(str(value))
    assert parse_catalog([{"service": 1, "rate": value}]).services[0].rate == Decimal(str(value))


def test_cached_rates_keep_every_digit(store: Store, panel: Panel) -> None:
    rates = [Decimal("0.12345678901234567890123"), Decimal("84.00"), Decimal("1E-9")]
    services = [_service(id=i + 1, rate=rate) for i, rate in enumerate(rates)]
    store.save_services(panel.id, services, 1.0)
    cached, _ = store.load_services(panel.id)
    assert [s.rate for s in cached] == rates and [str(s.rate) for s in cached] == [
        "0.12345678901234567890123",
        "84.00",
        "1E-9",
    ]


def test_an_order_is_recorded_in_the_panels_currency_unless_told_otherwise(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any
) -> None:
    svc = _default_service(sandbox)
    values = {"link": LINK, "quantity": str(svc.min)}
    assert place_order(store, client, panel, svc, values).currency == "USD"
    assert place_order(store, client, panel, svc, values, currency="EUR").currency == "EUR"


def test_a_placed_order_that_cannot_be_recorded_is_logged_with_its_panel_id(
    store: Store, client: PanelClient, panel: Panel, sandbox: Any, caplog: pytest.LogCaptureFixture
) -> None:
    svc = _default_service(sandbox)
    values = {"link": LINK, "quantity": str(svc.min)}
    first = place_order(store, client, panel, svc, values)
    sandbox.faults.add("raw", action="add", body={"order": first.order}, process=True)
    with pytest.raises(ValueError, match="already tracked"):
        place_order(store, client, panel, svc, values)  # the panel answers an id we track
    assert f"Order {first.order} was placed but could not be recorded (local #2)" in caplog.text
    second = store.order(2)
    assert second is not None and second.state == "submitting"  # unknown at the next start


def test_order_id_1_can_be_imported_and_0_cannot(store: Store, panel: Panel) -> None:
    assert store.import_order(panel.id, 1).order == 1
    for bad in (0, -5):
        with pytest.raises(ValueError, match="not a valid order id"):
            store.import_order(panel.id, bad)


def test_two_answers_for_one_order_in_a_batch_chain_its_history(store: Store, panel: Panel) -> None:
    from smpanel_desktop.api.models import OrderStatus, StatusResult

    local = _row(store, panel, PLACED)
    order = 7000 + local
    answers = [
        StatusResult(order, OrderStatus(order, "Pending")),
        StatusResult(order, OrderStatus(order, "In progress", charge=Decimal("0.10"))),
    ]
    changes = store.apply_statuses(panel.id, answers, 5.0)
    assert changes == [(local, None, "Pending"), (local, "Pending", "In progress")]
    history = [(h.old_status, h.new_status) for h in store.status_history(local)]
    assert history == [(None, "Pending"), ("Pending", "In progress")]
    row = store.order(local)
    assert row is not None and (row.status, row.charge) == ("In progress", Decimal("0.10"))


def test_a_service_without_a_max_takes_any_quantity_from_its_min() -> None:
    svc = _service(min=100, max=0)  # panels send 0 (or nothing) for "no upper limit"
    assert validate(svc, {"link": LINK, "quantity": "2147483647"}) == []
    assert [p.message for p in validate(svc, {"link": LINK, "quantity": "99"})] == ["At least 100"]


def test_a_stray_runs_value_does_not_multiply_the_cost_without_drip_feed() -> None:
    from smpanel_desktop.core.orders.params import estimate_cost, total_quantity

    plain, drip = _service(rate=Decimal("2.00")), _service(rate=Decimal("2.00"), dripfeed=True)
    values = {"link": LINK, "quantity": "500", "runs": "3", "interval": "10"}
    assert (total_quantity(plain, values), estimate_cost(plain, values)) == (500, Decimal("1"))
    assert (total_quantity(drip, values), estimate_cost(drip, values)) == (1500, Decimal("3"))
    assert [p.field for p in validate(plain, values)] == ["runs", "interval"]  # and refused


def test_a_subscription_may_ask_for_exactly_as_many_per_post_as_its_min() -> None:
    svc = _service(type="Subscriptions", min=10, max=1000)
    base = {"username": "someone", "delay": "0"}
    assert validate(svc, {**base, "min": "100", "max": "100"}) == []
    problems = validate(svc, {**base, "min": "101", "max": "100"})
    assert [(p.field, p.message) for p in problems] == [("max", "Max must not be less than min")]


@pytest.mark.parametrize("fault", ["stall_body", "drop_after_accept"])
def test_an_add_cut_off_mid_answer_is_never_sent_again(
    store: Store, panel: Panel, sandbox: Any, fault: str
) -> None:
    svc = _default_service(sandbox)
    sandbox.faults.add(fault, action="add", count=1, seconds=2, process=True)
    impatient = PanelClient(sandbox.url, sandbox.key, timeout=0.5, read_retries=4)
    try:
        with pytest.raises(UnknownOutcomeError):
            place_order(store, impatient, panel, svc, {"link": LINK, "quantity": str(svc.min)})
    finally:
        impatient.close()
    assert sandbox.requests_for("add") == 1 and sandbox.order_count() == 1
    assert [o.state for o in store.orders(panel.id)] == [UNKNOWN]


def test_order_writes_stay_durable_after_a_catalog_save(store: Store, panel: Panel) -> None:
    full = 2  # PRAGMA synchronous = FULL: a committed order survives a power cut
    conn = store._conn()
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == full
    store.save_services(panel.id, [_service()], 1.0)  # a cache: written without the fsync wait
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == full
    _row(store, panel, UNKNOWN)
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == full


@pytest.mark.parametrize("damage", ['{"a":1},{"b":2}', "not json", '{"cut": '])
def test_a_damaged_order_row_hides_no_other_order(store: Store, panel: Panel, damage: str) -> None:
    import sqlite3

    ids = [_row(store, panel, PLACED) for _ in range(3)]
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE orders SET params = ? WHERE id = ?", (damage, ids[1]))
    conn.commit()
    conn.close()
    rows = {o.id: o for o in store.orders(panel.id)}
    assert sorted(rows) == ids  # every order still listed
    assert rows[ids[1]].params == {} and rows[ids[0]].params == {"link": LINK}
    assert rows[ids[2]].params == {"link": LINK}
