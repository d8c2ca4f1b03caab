"""``smpanel refill --eligible`` and ``smpanel services --changes`` against the sandbox panel
over loopback HTTP, with a real SQLite file: the eligible set is exactly the Completed orders
of refill-enabled services, the dry run sends nothing, a second run sends nothing new; a
repriced, trimmed and extended catalog reports exactly those three changes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.cli.main import main

KEY = "sandbox-key"


@pytest.fixture
def env(sandbox: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)


def cli(sandbox: Any, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--api-url", sandbox.url, *args])
    captured = capsys.readouterr()
    assert KEY not in captured.out + captured.err
    return code, captured.out, captured.err


def _place(sandbox: Any, capsys: pytest.CaptureFixture[str], service: dict[str, Any]) -> int:
    add = ["add", "--service", str(service["service"]), "--link", "x.com/p", "--quantity",
           str(service["min"])]  # fmt: skip
    code, out, err = cli(sandbox, *add, capsys=capsys)
    assert code == 0, err
    return int(out)


def _defaults(sandbox: Any, refill: bool, count: int) -> list[dict[str, Any]]:
    found = [
        w for w, s in zip(sandbox.catalog, sandbox.specs, strict=True)
        if s.type == "Default" and s.refill == refill and s.min <= 1000 and not s.dripfeed
    ]  # fmt: skip
    assert len(found) >= count
    return found[:count]


def test_refill_eligible_is_exactly_the_completed_refillable_orders(
    sandbox: Any, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with_refill = _defaults(sandbox, True, 8)
    without = _defaults(sandbox, False, 3)
    ids = [_place(sandbox, capsys, s) for s in with_refill + without for _ in range(2)]
    sandbox.clock.advance(3600)  # every order final (Completed, some Partial) ...
    fresh = _place(sandbox, capsys, with_refill[1])  # ... but this one, placed just now
    refillable = {int(s["service"]) for s in with_refill}
    panel_orders = sandbox.orders
    expected = {
        i for i in ids
        if panel_orders[i].status == "Completed" and panel_orders[i].service in refillable
    }  # fmt: skip
    assert expected and len(expected) < len(ids)  # Partial and no-refill ones left out
    assert panel_orders[fresh].status != "Completed"
    sandbox.clear_log()

    code, out, err = cli(sandbox, "--json", "refill", "--eligible", "--dry-run", capsys=capsys)
    assert code == 0, err
    listed = json.loads(out)
    assert {item["order"] for item in listed} == expected
    assert all(item["status"] == "Completed" for item in listed)
    assert sandbox.requests_for("refill") == 0  # the dry run sends nothing
    assert fresh not in {item["order"] for item in listed}

    code, out, err = cli(sandbox, "--json", "refill", "--eligible", capsys=capsys)
    answers = json.loads(out)
    assert {a["order"] for a in answers} == expected
    accepted = {a["order"] for a in answers if "refill" in a}
    assert accepted  # the sandbox refuses some "refill: true" services, as real panels do
    assert code == (1 if accepted != expected else 0)
    assert sandbox.requests_for("refill") == 1  # one batched request
    assert {r.order for r in sandbox.refills.values()} == accepted

    assert sandbox.requests_for("status") == 1  # read once, by the dry run (batch of 100)

    sent = len(sandbox.request_log)
    code, out, _ = cli(sandbox, "--json", "refill", "--eligible", capsys=capsys)
    assert code == 0 and json.loads(out) == []
    assert len(sandbox.request_log) == sent  # nothing new sent, not even a read

    code, out, _ = cli(sandbox, "--json", "refresh", capsys=capsys)
    assert json.loads(out)["refills_checked"] == len(accepted)  # refills tracked, batched


def test_refill_eligible_text_and_usage(
    sandbox: Any, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(sandbox, "refill", capsys=capsys)
    assert code == 2 and "no order id" in err
    code, _, err = cli(sandbox, "refill", "--eligible", "23501", capsys=capsys)
    assert code == 2 and "not both" in err
    code, _, err = cli(sandbox, "refill", "--dry-run", "23501", capsys=capsys)
    assert code == 2 and "--eligible" in err
    order = _place(sandbox, capsys, _defaults(sandbox, True, 1)[0])
    sandbox.clock.advance(3600)
    code, out, err = cli(sandbox, "refill", "--eligible", "--dry-run", capsys=capsys)
    completed = sandbox.orders[order].status == "Completed"
    assert code == 0 and (str(order) in out) == completed
    assert "nothing was sent" in err


def test_refill_window_setting_makes_an_order_ineligible(
    sandbox: Any, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    service = _defaults(sandbox, True, 1)[0]
    orders = [_place(sandbox, capsys, service) for _ in range(6)]
    sandbox.clock.advance(3600)
    sid = str(service["service"])
    code, out, _ = cli(sandbox, "refill-window", sid, "none", capsys=capsys)
    assert code == 0 and "no refill (set by you)" in out
    code, out, _ = cli(sandbox, "--json", "refill", "--eligible", "--dry-run", capsys=capsys)
    assert json.loads(out) == []
    code, out, _ = cli(sandbox, "refill-window", sid, "auto", capsys=capsys)
    assert code == 0 and "from the service name" in out
    code, out, _ = cli(sandbox, "--json", "refill", "--eligible", "--dry-run", capsys=capsys)
    done = {o for o in orders if sandbox.orders[o].status == "Completed"}
    assert {item["order"] for item in json.loads(out)} == done
    code, _, err = cli(sandbox, "refill-window", sid, "soon", capsys=capsys)
    assert code == 2 and "Not a refill window" in err


def test_services_changes_reports_reprice_trim_and_extension(
    sandbox: Any, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(sandbox, "--json", "services", "--changes", capsys=capsys)
    assert code == 0 and json.loads(out) == [] and "First fetch" not in err  # --json: list only
    code, out, _ = cli(sandbox, "--json", "services", "--changes", capsys=capsys)
    assert code == 0 and json.loads(out) == []  # fetched again, nothing changed

    wire = [dict(w) for w in sandbox.catalog]
    repriced, removed = wire[5], wire[9]
    old_rate = Decimal(str(repriced["rate"]))
    repriced["rate"] = str(old_rate * 2)
    added = dict(wire[0], service=999_001, name="Brand new followers | 30 Days ♻️")
    sandbox.set_catalog([w for w in wire if w is not removed] + [added])

    code, out, _ = cli(sandbox, "--json", "services", "--changes", capsys=capsys)
    changes = json.loads(out)
    assert code == 0
    assert sorted((c["service"], c["change"]) for c in changes) == sorted(
        [(repriced["service"], "rate"), (removed["service"], "removed"), (999_001, "added")]
    )
    rate = next(c for c in changes if c["change"] == "rate")
    assert Decimal(rate["old"]) == old_rate and Decimal(rate["new"]) == old_rate * 2
    assert set(rate) == {"service", "name", "change", "old", "new"}
    assert rate["name"] == repriced["name"]

    code, out, _ = cli(sandbox, "services", "--changes", "--cached", capsys=capsys)
    assert code == 0 and "removed" in out and "added" in out  # the last fetch's, no request
    code, out, _ = cli(sandbox, "--json", "services", "--changes", capsys=capsys)
    assert json.loads(out) == []  # against the previous fetch: nothing new


def test_after_refresh_the_dry_run_sends_no_request_at_all(
    sandbox: Any, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = [_place(sandbox, capsys, s) for s in _defaults(sandbox, True, 4)]
    sandbox.clock.advance(3600)
    assert cli(sandbox, "refresh", capsys=capsys)[0] == 0
    sandbox.clear_log()
    code, out, _ = cli(sandbox, "--json", "refill", "--eligible", "--dry-run", capsys=capsys)
    assert code == 0 and sandbox.request_log == []
    done = {o for o in orders if sandbox.orders[o].status == "Completed"}
    assert {item["order"] for item in json.loads(out)} == done


def test_refill_eligible_goes_on_when_statuses_cannot_be_read(
    sandbox: Any, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for service in _defaults(sandbox, True, 2):  # two ids: one multi-form request, refused
        _place(sandbox, capsys, service)
    sandbox.clock.advance(3600)
    sandbox.faults.add("error", action="status", count=5, text="Server is busy, try later")
    code, out, err = cli(sandbox, "--json", "refill", "--eligible", capsys=capsys)
    assert code == 0 and json.loads(out) == [] and "statuses not refreshed" in err
    assert sandbox.requests_for("refill") == 0  # not Completed as far as we know: not asked
