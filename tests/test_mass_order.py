"""Mass orders end to end: ``smpanel mass-order`` and core/mass/ against the sandbox over
loopback HTTP and a real SQLite file.  Money is at stake: nothing is sent before the whole batch
is checked, every line is recorded before its request and sent once, the same batch is not
placed twice by accident."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.models import Service
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.core.catalog import refresh_catalog
from smpanel_desktop.core.mass.check import check_batch
from smpanel_desktop.core.mass.files import read_lines
from smpanel_desktop.core.mass.lines import parse_text
from smpanel_desktop.core.mass.sending import NOT_SENT, open_for_overlap, send_batch
from smpanel_desktop.core.panels import panel_for_url
from smpanel_desktop.paths import db_path
from smpanel_desktop.store.models import PLACED, REJECTED, SUBMITTING, UNKNOWN
from smpanel_desktop.store.store import Store

KEY = "sandbox-key"


@pytest.fixture
def svc(sandbox: Any) -> dict[str, Service]:
    return {
        t: parse_service(sandbox.find_service(t))
        for t in ("Default", "Package", "Custom Comments", "Subscriptions")
    }


def mass(sandbox: Any, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--api-url", sandbox.url, "mass-order", *args])
    captured = capsys.readouterr()
    assert KEY not in captured.out + captured.err
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def write(tmp_path: Path, text: str, name: str = "batch.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def three_lines(svc: dict[str, Service]) -> str:
    d, p = svc["Default"], svc["Package"]
    return (
        "# customer A, both formats, spaces around |\n"
        f"{d.id} | https://instagram.com/p/a | {d.min}\n"
        "\n"
        f"  {d.id}|{d.min + 7}|instagram.com/p/b  \n"
        f"{p.id} |t.me/somechannel\n"
    )


@pytest.fixture(autouse=True)
def key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)


def no_key_in_files(data_dir: Path) -> None:
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


# -- reading lines ------------------------------------------------------------------------------


def test_both_line_formats_with_spaces_and_comments_are_read_per_line() -> None:
    lines = parse_text(
        "# a comment\n\n12 | https://x.com/p/1?a=b#frag | 100\n"
        " 13|250| instagram.com/p/2\n14|t.me/c\n15|1|2\n16|x.com/a|b|c\n17|abc|def\n"
    )
    got = [(r.number, r.service, r.link, r.quantity, r.problem) for r in lines]
    assert got == [
        (3, "12", "https://x.com/p/1?a=b#frag", "100", None),
        (4, "13", "instagram.com/p/2", "250", None),
        (5, "14", "t.me/c", "", None),
        (6, "15", "1", "2", "Cannot tell the link from the quantity"),
        (7, "16", "", "", "Expected service|link|quantity, got 4 field(s)"),
        (8, "17", "abc", "def", "No quantity (a whole number)"),
    ]


def test_csv_with_or_without_header_and_xlsx_give_the_same_lines(tmp_path: Path) -> None:
    from openpyxl import Workbook

    plain = write(tmp_path, "12,instagram.com/p/a,100\n13;300;t.me/b\n", "plain.csv")
    header = write(tmp_path, "quantity;service;link\n100;12;instagram.com/p/a\n", "h.csv")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Service", "Link", "Quantity"])
    sheet.append([12, "instagram.com/p/a", 100.0])
    sheet.append([None, None, None])
    sheet.append([13, "t.me/b", 300])
    book.save(tmp_path / "b.xlsx")
    pick = [(r.service, r.link, r.quantity, r.problem) for r in read_lines(plain)]
    assert pick[0] == ("12", "instagram.com/p/a", "100", None)
    assert [(r.service, r.link, r.quantity) for r in read_lines(header)] == [
        ("12", "instagram.com/p/a", "100")
    ]
    xlsx = [(r.number, r.service, r.link, r.quantity) for r in read_lines(tmp_path / "b.xlsx")]
    assert xlsx == [(2, "12", "instagram.com/p/a", "100"), (4, "13", "t.me/b", "300")]


# -- the CLI ------------------------------------------------------------------------------------


def test_dry_run_sends_nothing_and_totals_exactly(
    sandbox: Any, svc: dict[str, Service], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d, p = svc["Default"], svc["Package"]
    path = write(tmp_path, three_lines(svc))
    code, out, err = mass(sandbox, capsys, path, "--dry-run", "--json")
    assert code == 0, err
    rows = json.loads(out)
    expected = [d.rate * d.min / 1000, d.rate * (d.min + 7) / 1000, p.rate]
    assert [Decimal(r["cost"]) for r in rows] == expected
    assert [set(r) for r in rows] == [{"line", "service", "link", "quantity", "cost", "error"}] * 3
    assert [r["line"] for r in rows] == [2, 4, 5]
    total = sum(expected, Decimal(0))
    assert f"total {format(total.normalize(), 'f')} USD" in err
    assert "balance 1000 USD" in err and "nothing sent" in err
    code, out, err = mass(sandbox, capsys, path, "--dry-run")
    assert code == 0 and "instagram.com/p/b" in out and "LINK" in out
    assert f"total {format(total.normalize(), 'f')} USD" in out and "nothing sent" in out
    assert sandbox.requests_for("add") == 0 and sandbox.order_count() == 0


def test_an_invalid_line_refuses_the_whole_batch_unless_skipped(
    sandbox: Any,
    svc: dict[str, Service],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
) -> None:
    d, c, s = svc["Default"], svc["Custom Comments"], svc["Subscriptions"]
    text = three_lines(svc) + (
        f"{d.id}|instagram.com/p/c|{d.min - 1}\n{c.id}|instagram.com/p/d|10\n"
        f"{s.id}|natgeo|10\n999999|instagram.com/p/e|10\n"
    )
    path = write(tmp_path, text)
    code, out, err = mass(sandbox, capsys, path)
    assert code == 2 and out == ""
    assert f"Line 6: quantity: At least {max(d.min, 1)}" in err
    assert "Line 7: A Custom Comments service needs Comments" in err
    assert "Line 8: A Subscriptions service needs Username" in err
    assert "Line 9: Service 999999 is not in the panel's catalog" in err
    assert sandbox.requests_for("add") == 0
    code, out, err = mass(sandbox, capsys, path, "--dry-run", "--json")
    assert code == 2 and "A real run would be refused" in err
    bad = json.loads(out)[3]
    assert (bad["line"], bad["quantity"], bad["cost"]) == (6, d.min - 1, None)
    assert bad["error"] == f"quantity: At least {max(d.min, 1)}"
    code, out, err = mass(sandbox, capsys, path, "--skip-invalid", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["state"] for r in rows] == [PLACED] * 3 + ["skipped"] * 4
    assert all(isinstance(r["order"], int) for r in rows[:3]) and rows[3]["order"] is None
    assert sandbox.requests_for("add") == 3
    placed = sorted((o.service, o.link, o.quantity) for o in sandbox.orders.values())
    assert placed == sorted(
        [
            (d.id, "https://instagram.com/p/a", d.min),
            (d.id, "instagram.com/p/b", d.min + 7),
            (svc["Package"].id, "t.me/somechannel", 1),
        ]
    )
    no_key_in_files(data_dir)


def test_a_real_run_then_the_same_batch_again_is_refused_until_again(
    sandbox: Any, svc: dict[str, Service], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, three_lines(svc))
    code, out, err = mass(sandbox, capsys, path)
    assert code == 0, err
    assert "Mass order: 3 placed." in out and out.count("placed") == 4
    ids = sorted(sandbox.orders)
    # the same lines in the other format and another order: the same batch
    d, p = svc["Default"], svc["Package"]
    again = write(
        tmp_path,
        f"{p.id}|t.me/somechannel\n{d.id}|instagram.com/p/b|{d.min + 7}\n"
        f"{d.id}|{d.min}|https://instagram.com/p/a\n",
        "again.txt",
    )
    code, out, err = mass(sandbox, capsys, again)
    assert code == 2 and "already placed on" in err and "--again" in err
    assert all(str(i) in err for i in ids)
    assert sandbox.requests_for("add") == 3
    code, out, err = mass(sandbox, capsys, again, "--again", "--json")
    assert code == 0, err
    assert [r["state"] for r in json.loads(out)] == [PLACED] * 3
    assert sandbox.requests_for("add") == 6


def test_a_lost_answer_mid_batch_leaves_that_line_unknown_and_sends_the_rest_once(
    sandbox: Any,
    svc: dict[str, Service],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
) -> None:
    sandbox.faults.add("drop_after_accept", action="add", count=1, after=1)
    code, out, err = mass(sandbox, capsys, write(tmp_path, three_lines(svc)), "--json")
    assert code == 4, err
    rows = json.loads(out)
    assert [r["state"] for r in rows] == [PLACED, UNKNOWN, PLACED]
    assert rows[1]["order"] is None and rows[1]["error"]
    assert "MAY HAVE BEEN PLACED" in err and "smpanel resolve" in err
    assert sandbox.requests_for("add") == 3 and sandbox.order_count() == 3
    with Store(db_path(data_dir)) as store:
        states = [o.state for o in reversed(store.orders())]
        assert states == [PLACED, UNKNOWN, PLACED]
        assert store.orders()[1].link == "instagram.com/p/b"
    no_key_in_files(data_dir)


def test_an_open_order_with_the_same_service_and_link_needs_consent(
    sandbox: Any, svc: dict[str, Service], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = svc["Default"]
    assert main(["--api-url", sandbox.url, "add", "--service", str(d.id), "--link",
                 "https://www.instagram.com/p/a/", "--quantity", str(d.min)]) == 0  # fmt: skip
    capsys.readouterr()
    path = write(tmp_path, f"{d.id}|instagram.com/p/a|{d.min}\n{d.id}|instagram.com/p/z|{d.min}\n")
    code, _, err = mass(sandbox, capsys, path)
    assert code == 2 and "Line 1: Same service and link as order" in err
    assert "--allow-duplicate-links" in err and sandbox.requests_for("add") == 1
    code, _, err = mass(sandbox, capsys, path, "--allow-duplicate-links")
    assert code == 0 and sandbox.requests_for("add") == 3


def test_a_batch_costing_more_than_the_balance_is_refused(
    sandbox: Any, svc: dict[str, Service], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sandbox.set_balance(Decimal("0.01"))
    code, _, err = mass(sandbox, capsys, write(tmp_path, three_lines(svc)))
    assert code == 2 and "more than the balance (0.01 USD)" in err
    assert sandbox.requests_for("add") == 0


def test_stdin_through_a_real_process(
    sandbox: Any, svc: dict[str, Service], data_dir: Path
) -> None:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = subprocess.run(
        [sys.executable, "-m", "smpanel_desktop.cli", "--api-url", sandbox.url, "--json",
         "mass-order", "-"],
        input=three_lines(svc), env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert [r["state"] for r in json.loads(proc.stdout)] == [PLACED] * 3
    assert KEY not in proc.stdout + proc.stderr and "Traceback" not in proc.stderr
    no_key_in_files(data_dir)


# -- the sending loop ---------------------------------------------------------------------------


class Watching(PanelClient):
    """The real client, noting the store's row for each ``add`` at the moment it is sent."""

    def __init__(self, url: str, store: Store) -> None:
        super().__init__(url, KEY)
        self.store = store
        self.seen: list[list[str]] = []

    def add(self, service: int, params: Any) -> int:
        self.seen.append([o.state for o in self.store.orders()])
        return super().add(service, params)


def _prepared(sandbox: Any, data_dir: Path, text: str) -> tuple[Store, Watching, Any, Any]:
    store = Store(db_path(data_dir))
    panel = panel_for_url(store, sandbox.url)
    client = Watching(sandbox.url, store)
    services = refresh_catalog(store, client, panel)
    batch = check_batch(parse_text(text), services, open_orders=open_for_overlap(store, panel.id))
    return store, client, panel, batch


def test_each_line_is_recorded_submitting_before_its_request(
    sandbox: Any, svc: dict[str, Service], data_dir: Path
) -> None:
    store, client, panel, batch = _prepared(sandbox, data_dir, three_lines(svc))
    try:
        result = send_batch(store, client, panel, batch)
        assert client.seen == [[SUBMITTING], [SUBMITTING, PLACED], [SUBMITTING, PLACED, PLACED]]
        assert [r.state for r in result.results] == [PLACED] * 3
        remembered = store.placed_batch(panel.id, batch.fingerprint())
        assert remembered is not None
        assert remembered.orders == tuple(r.order for r in result.results)
    finally:
        client.close()
        store.close()


def test_stop_ends_after_the_current_line_and_no_funds_ends_the_batch(
    sandbox: Any, svc: dict[str, Service], data_dir: Path
) -> None:
    store, client, panel, batch = _prepared(sandbox, data_dir, three_lines(svc))
    try:
        done: list[int] = []
        result = send_batch(
            store, client, panel, batch, should_stop=lambda: bool(done),
            on_result=lambda n, total, r: done.append(n),
        )  # fmt: skip
        assert [r.state for r in result.results] == [PLACED, NOT_SENT, NOT_SENT]
        assert result.stopped == "Stopped by the user" and done == [1, 2, 3]
        assert sandbox.requests_for("add") == 1 and store.count_orders() == 1
        sandbox.set_balance(Decimal("0"))
        result = send_batch(store, client, panel, batch)
        assert [r.state for r in result.results] == [REJECTED, NOT_SENT, NOT_SENT]
        assert "Not enough funds" in (result.stopped or "")
        assert sandbox.requests_for("add") == 2
    finally:
        client.close()
        store.close()


def test_overlaps_within_the_batch_and_links_compared_by_host_not_path_case(
    svc: dict[str, Service],
) -> None:
    d = svc["Default"]
    text = (
        f"{d.id}|https://www.Instagram.com/p/AbC/|{d.min}\n{d.id}|instagram.com/p/AbC|{d.min}\n"
        f"{d.id}|instagram.com/p/abc|{d.min}\n{d.id}|{d.min}|instagram.com/p/AbC\n"
    )
    batch = check_batch(parse_text(text), [d])
    assert [line.duplicate for line in batch.lines] == [
        None, "Same service and link as line 1", None, "Same service and link as line 1",
    ]  # fmt: skip
    same = check_batch(parse_text(f"{d.id}|{d.min:04d}|instagram.com/p/AbC\n"), [d])
    assert same.fingerprint() == check_batch(parse_text(text.splitlines()[1]), [d]).fingerprint()


def test_a_refused_line_exits_1_and_an_unreachable_panel_exits_3(
    sandbox: Any,
    svc: dict[str, Service],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
) -> None:
    sandbox.faults.add("error", action="add", count=1, after=1, text="Bad link")
    code, out, err = mass(sandbox, capsys, write(tmp_path, three_lines(svc)), "--json")
    assert code == 1, err
    rows = json.loads(out)
    assert [r["state"] for r in rows] == [PLACED, REJECTED, PLACED]
    assert rows[1]["error"] == "Bad link" and "1 rejected" in err
    d = svc["Default"]
    text = f"{d.id}|instagram.com/p/n1|{d.min}\n{d.id}|instagram.com/p/n2|{d.min}\n"
    path = write(tmp_path, text, "later.txt")
    url = sandbox.url
    sandbox.stop()  # the catalog is cached: the lines are checked, then nothing can be sent
    code = main(["--api-url", url, "mass-order", path])
    captured = capsys.readouterr()
    assert code == 3, captured.err
    assert "Not sent" in captured.out and "2 not sent" in captured.out
    with Store(db_path(data_dir)) as store:
        assert [o.state for o in store.orders()][:1] == [REJECTED]  # "Not sent: ..." row
        assert store.count_orders(state=UNKNOWN) == 0
