"""The CLI's exit codes for what scripts must tell apart: an interrupted run (130), a Ctrl-C
while an order is out (4: it may be placed), a local store that cannot be used (2), a refusal of
the store (2), each with one line of text and no traceback."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.paths import db_path
from smpanel_desktop.store.store import Store


@pytest.fixture
def base(sandbox: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> list[str]:
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    return ["--api-url", sandbox.url, "--data-dir", str(data_dir)]


def _interrupt(*args: Any, **kwargs: Any) -> Any:
    raise KeyboardInterrupt


def test_ctrl_c_during_a_read_exits_130(
    base: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(PanelClient, "balance", _interrupt)
    assert main([*base, "balance"]) == 130
    err = capsys.readouterr().err
    assert err == "smpanel: interrupted\n"


def test_ctrl_c_while_add_is_out_exits_4_and_keeps_the_order_unknown(
    sandbox: Any, base: list[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    real_add = PanelClient.add

    def sent_then_interrupted(self: PanelClient, service: int, params: Mapping[str, Any]) -> int:
        real_add(self, service, params)
        raise KeyboardInterrupt

    monkeypatch.setattr(PanelClient, "add", sent_then_interrupted)
    svc = parse_service(sandbox.find_service("Default", dripfeed=False))
    argv = ["add", "--service", str(svc.id), "--link", "x.com/p/1", "--quantity", str(svc.min)]
    assert main([*base, *argv]) == 4
    err = capsys.readouterr().err
    assert "MAY HAVE BEEN PLACED" in err and "smpanel resolve 1" in err and "Traceback" not in err
    with Store(db_path(data_dir)) as store:
        assert [o.state for o in store.orders()] == ["unknown"]
    assert sandbox.requests_for("add") == 1 and sandbox.order_count() == 1


def test_a_damaged_store_exits_2_saying_so(
    base: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path(data_dir).write_bytes(b"this is no database " * 100)
    assert main([*base, "orders"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smpanel: the local database cannot be used:") and err.count("\n") == 1


def test_a_store_from_a_newer_app_exits_2(
    base: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(db_path(data_dir)).close()
    conn = sqlite3.connect(db_path(data_dir))
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert main([*base, "orders"]) == 2
    assert "newer than this app" in capsys.readouterr().err


def test_a_refusal_of_the_store_exits_2(
    sandbox: Any, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (order,) = sandbox.place_orders(1)
    assert main([*base, "import", str(order)]) == 0
    capsys.readouterr()
    assert main([*base, "resolve", "1", "--not-placed"]) == 2  # placed: nothing to resolve
    assert capsys.readouterr().err == "smpanel: Order #1 is placed, not unknown.\n"


def test_a_data_folder_that_is_a_file_exits_2(
    sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    assert main(["--api-url", sandbox.url, "--data-dir", str(blocker / "data"), "orders"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smpanel: ") and "Traceback" not in err
