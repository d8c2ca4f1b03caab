"""Issue 14 checked the way it says: the CLI against two independent sandbox panels (their own
keys, catalogs and balances) over loopback HTTP, with a real SQLite file.

``balance --all`` lists both, ``compare`` puts the cheaper panel first, ``spend`` totals equal
what the panels charged (their balance went down by exactly that)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from smpanel_desktop.cli.main import main
from smpanel_desktop.paths import db_path
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.secrets import KeyStore
from smpanel_desktop.store.store import Store

KEYS = {"alpha": "alpha-secret-key-1111", "beta": "beta-secret-key-2222"}


@pytest.fixture
def panels(data_dir: Path) -> Iterator[dict[str, SandboxPanel]]:
    started = {
        "alpha": SandboxPanel(services=300, seed=7, key=KEYS["alpha"], balance=Decimal("500")),
        "beta": SandboxPanel(services=300, seed=8, key=KEYS["beta"], balance=Decimal("800")),
    }
    try:
        for name, sandbox in started.items():
            sandbox.start()
            assert main(["panels", "add", name, sandbox.url]) == 0
            KeyStore().set(name, KEYS[name])
        yield started
    finally:
        for sandbox in started.values():
            sandbox.stop()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    for key in KEYS.values():
        assert key not in captured.out + captured.err
    return code, captured.out, captured.err


def test_balance_all_lists_both_panels_and_records_history(
    panels: dict[str, SandboxPanel], capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, stdout, stderr = run(capsys, "balance", "--all", "--json")
    assert code == 0, stderr
    got = {item["panel"]: item for item in json.loads(stdout)}
    assert got == {
        "alpha": {"panel": "alpha", "balance": "500.00", "currency": "USD"},
        "beta": {"panel": "beta", "balance": "800.00", "currency": "USD"},
    }
    # each panel was asked with its own key, once
    assert panels["alpha"].requests_for("balance") == panels["beta"].requests_for("balance") == 1
    with Store(db_path(data_dir)) as store:
        history = store.balance_history()
        assert sorted(p.amount for p in history) == [500, 800]

    code, stdout, _ = run(capsys, "balance", "--all")
    assert code == 0 and "alpha" in stdout and "800" in stdout


def test_balance_all_one_panel_down_exits_3_and_names_it(
    panels: dict[str, SandboxPanel], capsys: pytest.CaptureFixture[str]
) -> None:
    panels["beta"].stop()
    code, stdout, stderr = run(capsys, "balance", "--all", "--json")
    assert code == 3
    got = {item["panel"]: item for item in json.loads(stdout)}
    assert Decimal(got["alpha"]["balance"]) == 500 and "error" not in got["alpha"]
    assert got["beta"]["balance"] is None and got["beta"]["error"]
    assert 'panel "beta" could not be reached' in stderr and "alpha" not in stderr


def test_balance_all_never_sends_the_env_key_and_names_a_panel_without_key(
    panels: dict[str, SandboxPanel],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    KeyStore().delete("beta")
    monkeypatch.setenv("SMPANEL_API_KEY", KEYS["alpha"])
    code, stdout, _ = run(capsys, "balance", "--all", "--json")
    assert code == 3
    got = {item["panel"]: item for item in json.loads(stdout)}
    assert "no API key" in got["beta"]["error"] and panels["beta"].requests_for("balance") == 0


def _matching(sandbox: SandboxPanel, words: list[str]) -> list[tuple[Decimal, int]]:
    """The panel's own wire catalog, matched independently of the app's code."""
    out = []
    for s in sandbox.catalog:
        hay = f"{s['name']}\n{s['category']}".casefold()
        if all(w in hay for w in words):
            out.append((Decimal(str(s["rate"])), int(s["service"])))
    return out


def test_compare_puts_the_cheaper_panel_first(
    panels: dict[str, SandboxPanel], capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, stderr = run(capsys, "compare", "instagram", "likes", "--json")
    assert code == 0, stderr
    offers = json.loads(stdout)
    expected = {
        name: _matching(sandbox, ["instagram", "likes"]) for name, sandbox in panels.items()
    }
    assert len(offers) == sum(len(v) for v in expected.values()) > 2
    assert set(offers[0]) == {"panel", "service", "name", "rate", "currency", "min", "max",
                              "refill"}  # fmt: skip
    rates = [Decimal(o["rate"]) for o in offers]
    assert rates == sorted(rates)
    cheapest = min((rate, name) for name, found in expected.items() for rate, _ in found)
    assert offers[0]["panel"] == cheapest[1] and Decimal(offers[0]["rate"]) == cheapest[0]
    assert {o["panel"] for o in offers} == {"alpha", "beta"}
    # the catalogs came from the panels once and are cached: a second compare asks nobody
    before = [p.requests_for("services") for p in panels.values()]
    assert run(capsys, "compare", "instagram", "likes")[0] == 0
    assert [p.requests_for("services") for p in panels.values()] == before == [1, 1]


def test_compare_never_mixes_currencies_without_a_rate_and_uses_links(
    panels: dict[str, SandboxPanel], capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with SandboxPanel(services=300, seed=9, key="try-panel-key-3333", currency="TRY") as lira:
        assert main(["panels", "add", "gamma", lira.url]) == 0
        KeyStore().set("gamma", "try-panel-key-3333")
        assert run(capsys, "balance", "--all")[0] == 0  # learns each panel's currency
        _, stdout, _ = run(capsys, "compare", "instagram", "likes", "--json")
        offers = json.loads(stdout)
        currencies = [o["currency"] for o in offers]
        # USD offers (two panels: the larger group) first, then TRY; never interleaved
        assert currencies == sorted(currencies, key=lambda c: c != "USD")
        cheapest_lira = min(r for r, _ in _matching(lira, ["instagram", "likes"]))
        with Store(db_path(data_dir)) as store:
            store.set_exchange_rate("USD", "TRY", "40", "2026-12-01")
            alpha, gamma = store.panel("alpha"), store.panel("gamma")
            assert alpha is not None and gamma is not None
            unrelated = next(s for s in lira.catalog if "likes" not in s["name"].lower())
            first_alpha = _matching(panels["alpha"], ["instagram", "likes"])[0][1]
            store.link_services((alpha.id, first_alpha), (gamma.id, int(unrelated["service"])))
        _, stdout, _ = run(capsys, "compare", "instagram", "likes", "--json")
        offers = json.loads(stdout)
        usd = [(Decimal(o["rate"]) * 40 if o["currency"] == "USD" else Decimal(o["rate"]))
               for o in offers]  # fmt: skip
        assert usd == sorted(usd)  # one ranking, in TRY, once the rate joins them
        assert Decimal(str(cheapest_lira)) in {Decimal(o["rate"]) for o in offers}
        linked = [o for o in offers if o["panel"] == "gamma" and o["service"] ==
                  int(unrelated["service"])]  # fmt: skip
        assert len(linked) == 1  # found through the link, not its name


def test_spend_totals_equal_what_the_panels_charged(
    panels: dict[str, SandboxPanel], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    start = {name: p.balance for name, p in panels.items()}
    for name, sandbox in panels.items():
        svc = sandbox.find_service("Default")
        for i in range(3):
            link = f"https://instagram.com/p/{name}{i}"
            argv = ["--panel", name, "add", "--service", str(svc["service"]),
                    "--link", link, "--quantity", "1000"]  # fmt: skip
            code, _, stderr = run(capsys, *argv)
            assert code == 0, stderr
        ids = sandbox.place_orders(12, quantity=1000)  # placed elsewhere, imported
        assert run(capsys, "--panel", name, "import", *map(str, ids))[0] == 0
    first_beta = min(panels["beta"].orders)
    assert run(capsys, "--panel", "beta", "cancel", str(first_beta))[0] == 0  # while Pending
    for sandbox in panels.values():
        sandbox.clock.advance(3600)  # everything final: Completed, some Partial (refunded)
    for name in panels:
        assert run(capsys, "--panel", name, "refresh")[0] == 0
    charged = {name: start[name] - p.balance for name, p in panels.items()}
    statuses = {o.status for p in panels.values() for o in p.orders.values()}
    assert {"Completed", "Partial", "Canceled"} <= statuses  # refunds are in play

    code, stdout, stderr = run(capsys, "spend", "--by", "panel", "--json")
    assert code == 0, stderr
    rows = json.loads(stdout)
    assert all(set(r) == {"key", "currency", "total", "orders"} for r in rows)
    assert {r["key"]: Decimal(r["total"]) for r in rows} == charged
    assert {r["key"]: r["orders"] for r in rows} == {"alpha": 15, "beta": 15}

    code, stdout, _ = run(capsys, "spend", "--by", "day", "--json", "--csv",
                          str(tmp_path / "ledger.csv"))  # fmt: skip
    (day,) = json.loads(stdout)
    assert Decimal(day["total"]) == sum(charged.values()) and day["orders"] == 30
    raw = (tmp_path / "ledger.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    with open(tmp_path / "ledger.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert Decimal(row["total"]) == sum(charged.values())

    code, stdout, _ = run(capsys, "spend", "--by", "month", "--since", "2999-01-01", "--json")
    assert code == 0 and json.loads(stdout) == []
    code, _, stderr = run(capsys, "spend", "--since", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in stderr


def test_profit_from_resale_price_and_markup(
    panels: dict[str, SandboxPanel], capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    for name, sandbox in panels.items():
        ids = sandbox.place_orders(2, quantity=1000)
        assert run(capsys, "--panel", name, "import", *map(str, ids))[0] == 0
        assert run(capsys, "--panel", name, "refresh")[0] == 0
    with Store(db_path(data_dir)) as store:
        alpha, beta = store.panel("alpha"), store.panel("beta")
        assert alpha is not None and beta is not None
        a1, a2 = store.orders(alpha.id)
        store.set_resale_price(a1.id, "10")
        store.set_markup(beta.id, "50")
        from smpanel_desktop.core.money.ledger import spend

        rows = {r.key: r for r in spend(store, "panel")}
        assert a1.charge is not None and a2.charge is not None
        assert rows["alpha"].profit == Decimal(10) - a1.charge  # a2 has no price, no markup
        beta_cost = sum(o.charge or 0 for o in store.orders(beta.id))
        assert rows["beta"].profit == beta_cost * Decimal("0.5")
    code, stdout, _ = run(capsys, "spend", "--by", "panel")
    assert code == 0 and "PROFIT" in stdout


def test_compare_and_spend_refuse_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "compare", "x")[0] == 2  # no panel yet
    assert run(capsys, "balance", "--all")[0] == 2
    code, _, stderr = run(capsys, "spend", "--by", "year")
    assert code == 2 and "invalid choice" in stderr
    assert run(capsys, "spend", "--json")[0] == 0
