"""The CLI's exit codes for what scripts must tell apart: an interrupted run (130), a Ctrl-C
while an order is out (4: it may be placed), a local store that cannot be used (2), a refusal of
the store (2), each with one line of text and no traceback."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
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


# --- what the CLI refuses before anything is sent, and what it says when it stops ----------


@pytest.mark.parametrize(
    "argv",
    [
        ["status", ""],  # an empty id list
        ["status", ","],
        ["refill"],  # neither ids nor --eligible
        ["cancel", "١٢"],  # Arabic-Indic digits: no panel id
        ["status", "²"],
        ["add", "--link", "x.com/p/1", "--quantity", "100"],  # no --service
        ["key"],  # no action
    ],
)
def test_an_incomplete_command_exits_2_before_anything_is_sent(
    sandbox: Any, base: list[str], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    (order,) = sandbox.place_orders(1)
    assert main([*base, "import", str(order)]) == 0
    sandbox.clear_log()
    capsys.readouterr()
    assert main([*base, *argv]) == 2
    err = capsys.readouterr().err
    assert err and "Traceback" not in err
    assert sandbox.request_log == []
    with Store(db_path(Path(base[3]))) as store:
        assert [(o.order, o.state) for o in store.orders()] == [(order, "placed")]


def test_resolve_without_a_verdict_leaves_the_order_unknown(
    sandbox: Any, base: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(db_path(data_dir)) as store:
        panel = store.add_panel("Main", sandbox.url, "USD")
        row = store.begin_order(panel.id, 1, "x", "Default", {"link": "x.com/a", "quantity": "5"})
        store.mark_unknown(row.id, "answer lost")
    assert main([*base, "resolve", str(row.id)]) == 2  # neither --order nor --not-placed
    assert "one of the arguments --order --not-placed is required" in capsys.readouterr().err
    with Store(db_path(data_dir)) as store:
        assert store.order(row.id).state == "unknown"  # type: ignore[union-attr]


def test_no_order_id_is_named_as_such(base: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*base, "status", ","]) == 2
    assert capsys.readouterr().err == "smpanel: no order id given\n"
    assert main([*base, "cancel", "١٢"]) == 2
    assert "not an order id: '١٢'" in capsys.readouterr().err


def test_version_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    from smpanel_desktop import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"smpanel {__version__}\n"


def test_a_lost_refill_answer_says_nothing_was_resent_and_an_add_says_how_to_resolve(
    sandbox: Any, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (order,) = sandbox.place_orders(1)
    sandbox.faults.add("drop_after_accept", action="refill", count=1)
    assert main([*base, "refill", str(order)]) == 4
    err = capsys.readouterr().err
    assert err.endswith("\nThe panel may have acted on it; nothing was resent.\n")
    svc = parse_service(sandbox.find_service("Default", dripfeed=False))
    sandbox.faults.add("drop_after_accept", action="add", count=1)
    argv = ["add", "--service", str(svc.id), "--link", "x.com/p/1", "--quantity", str(svc.min)]
    assert main([*base, *argv]) == 4
    err = capsys.readouterr().err
    assert "smpanel resolve 1" in err and "nothing was resent" not in err


def test_a_data_folder_that_cannot_be_made_is_named(
    sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("SMPANEL_API_KEY", sandbox.key)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    assert main(["--api-url", sandbox.url, "--data-dir", str(blocker / "data"), "orders"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smpanel: Not a directory: ") and str(blocker) in err
    assert "Errno" not in err and err.count("\n") == 1


def test_no_keyring_says_what_to_install_once(
    sandbox: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import keyring
    from keyring.backends import fail

    from smpanel_desktop.secrets import unavailable_message

    assert main(["--data-dir", str(data_dir), "panels", "add", "Main", sandbox.url]) == 0
    keyring.set_keyring(fail.Keyring())  # conftest restores the previous one
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--panel", "Main", "balance"]) == 2
    assert capsys.readouterr().err == f"smpanel: {unavailable_message()}\n"
    assert sandbox.requests_for("balance") == 0


def test_a_failing_keyring_exits_2_and_offers_the_environment_variable(
    sandbox: Any, data_dir: Path, memory_keyring: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "panels", "add", "Main", sandbox.url]) == 0

    def locked_out(service: str, user: str) -> str:
        raise RuntimeError("D-Bus: the Secret Service did not answer")

    memory_keyring.get_password = locked_out
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--panel", "Main", "balance"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smpanel: The keyring (") and "did not answer" in err
    assert err.endswith(" (or set SMPANEL_API_KEY for this run)\n")
    assert sandbox.requests_for("balance") == 0


class _ClosedPipe(io.StringIO):
    """stdout of ``smpanel services | head`` once ``head`` has read its lines and left."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_left_ends_the_command_quietly_with_0(
    base: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main([*base, "balance"]) == 0
    assert capsys.readouterr().err == ""


def test_the_cli_parser_loads_no_store_client_or_core() -> None:
    code = (
        "import sys, smpanel_desktop.cli.main as m; m.build_parser(); "
        "print(sorted(n for n in sys.modules if n.startswith('smpanel_desktop.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.strip()
    for part in ("store", "core", "client", "session", "secrets"):
        assert part not in loaded, loaded  # `smpanel --help` stays quick


def test_the_sandbox_command_defaults_to_the_documented_panel() -> None:
    from smpanel_desktop.cli.main import build_parser

    args = build_parser().parse_args(["sandbox"])
    assert (args.port, args.services, args.currency, args.key) == (8765, 3000, "USD", "sandbox-key")
    assert (args.seed, args.time_scale, args.dialect) == (1, 1.0, "perfectpanel")
