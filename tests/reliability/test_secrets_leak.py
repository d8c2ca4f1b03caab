"""Secrets: a scripted run that does everything a key could leak through, then a search for it.

The run: the key set with ``smpanel key set`` from stdin, orders placed, panel errors that echo
the key, lost answers, redirects, a 429, the desktop app opened on the panel, a crash reported
through the crash dialog, a CLI killed mid-refresh, the log rotated many times.  Then the key
(plain and URL-encoded) is looked for in every file under the data, config and log folders, in
all CLI output and in every exception text.  Apart from that: an ``http://`` endpoint on a host
that is not a loopback address is refused before any request (even one whose name leads to a
recording server here), and a redirect to another origin never brings the key to it.
"""

from __future__ import annotations

import io
import logging
import socket
import sys
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from pytestqt.qtbot import QtBot
from reliability_support import cli_env, run_killed

from smpanel_desktop import logging_setup
from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import ApiError, InsecureEndpointError
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.secrets import KeyStore

pytestmark = pytest.mark.reliability

KEY = "Zm9v+YmFy/c2VjcmV0=7f3c9a1e5b2d4f6a"  # base64-like: its URL-encoded forms differ
FORMS = sorted({KEY, quote_plus(KEY), quote(KEY, safe="")})


class Transcript:
    """Everything a user or a log reader could see during the run."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.codes: list[tuple[list[str], int]] = []

    def cli(self, *argv: str, stdin: str = "") -> int:
        out, err = io.StringIO(), io.StringIO()
        old_stdin = sys.stdin
        sys.stdin = io.StringIO(stdin)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = main(list(argv))
        finally:
            sys.stdin = old_stdin
        self.texts += [out.getvalue(), err.getvalue()]
        self.codes.append((list(argv), code))
        assert "Traceback" not in err.getvalue(), err.getvalue()
        return code

    def error(self, exc: BaseException) -> None:
        self.texts += [str(exc), repr(exc)]
        for linked in (exc.__cause__, exc.__context__, getattr(exc, "cause", None)):
            if linked is not None:
                self.texts += [str(linked), repr(linked)]


def leaks_in_files(*folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {form}" for form in FORMS if form.encode() in data]
                utf16 = KEY.encode("utf-16-le")
                if utf16 in data:
                    found.append(f"{path}: utf-16")
    return found


def test_a_scripted_run_leaves_the_key_nowhere(
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    clean_logging: None,
    make_app: Any,
    qtbot: QtBot,
    figures: Any,
) -> None:
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 3_000)  # rotate often
    log_path = logging_setup.setup_logging(tmp_path / "logs", level=logging.DEBUG)
    seen = Transcript()
    with SandboxPanel(services=300, seed=7, key=KEY, balance=Decimal(10**6)) as sandbox:
        svc = parse_service(sandbox.find_service("Default"))
        order = ["add", "--service", str(svc.id), "--quantity", str(svc.min), "--link"]
        assert seen.cli("panels", "add", "P", sandbox.url) == 0
        assert seen.cli("--panel", "P", "key", "set", stdin=KEY + "\n") == 0
        assert seen.cli("--panel", "P", "key", "status") == 0
        assert seen.cli("--panel", "P", "services", "--refresh") == 0
        for i in range(3):
            assert seen.cli("--panel", "P", *order, f"example.com/p/{i}") == 0
        # the panel misbehaves, echoing the key wherever it can
        echo = {"error": f"Invalid API key {KEY} (key={quote_plus(KEY)})"}
        sandbox.faults.add("error", action="balance", count=1, text=echo["error"])
        assert seen.cli("--panel", "P", "balance") == 1
        page = f"<html><head><title>Denied {KEY}</title></head><body>{KEY}</body></html>"
        sandbox.faults.add("raw", action="status", body=page, status=403, content_type="text/html")
        assert seen.cli("--panel", "P", "refresh") == 3
        sandbox.faults.add("drop_after_accept", action="add", count=1)
        assert seen.cli("--panel", "P", *order, "example.com/p/lost") == 4
        sandbox.faults.add("raw", action="add", count=1, body={"order": KEY})
        assert seen.cli("--panel", "P", *order, "example.com/p/echo") == 4
        sandbox.faults.add("rate_limit", action="add", count=1, retry_after=3)
        assert seen.cli("--panel", "P", *order, "example.com/p/limited") == 3
        sandbox.faults.add("redirect", count=2, location=f"{sandbox.url}?key={KEY}")
        assert seen.cli("--panel", "P", "balance") == 3
        sandbox.faults.clear()
        for argv in (
            ["refresh"],
            ["orders", "--json"],
            ["cancel", str(min(sandbox.orders))],
            ["status", *map(str, sandbox.orders)],
            ["--json", "balance"],
        ):
            seen.cli("--panel", "P", *argv)
        assert seen.cli("panels", "add", "Q", f"https://example.com/api/v2?key={KEY}") == 2
        assert seen.cli("--api-url", f"http://example.com/{KEY}", "balance") == 2

        # errors straight from the client, with the key echoed in every way
        with PanelClient(sandbox.url, KEY, read_retries=0) as client:
            seen.texts.append(repr(client))
            for kind, options in (
                ("error", {"text": f"bad key {KEY}"}),
                ("raw", {"body": f'{{"balance": "{KEY}"}}'}),
                ("raw", {"body": KEY, "status": 500}),
                ("redirect", {"location": f"http://127.0.0.1:9/{KEY}"}),
            ):
                sandbox.faults.add(kind, action="balance", count=1, **options)
                with pytest.raises(ApiError) as caught:
                    client.balance()
                seen.error(caught.value)
        seen.texts.append(repr(KeyStore()))

        # the desktop app on the same panel; then a crash, reported as users would see it
        monkeypatch.delenv("SMPANEL_API_KEY", raising=False)
        gui = make_app(sandbox.url)
        qtbot.waitUntil(lambda: len(gui.ctx.services) == 300, timeout=20_000)
        # the balance fetched at start-up must be done, or the refresh below is merged into it
        qtbot.waitUntil(lambda: gui.ctx.balance is not None and not gui.runner.busy, timeout=20_000)
        sandbox.faults.add("error", action="balance", count=3, text=f"Invalid API key {KEY}")
        gui.ctx.refresh_balance()
        qtbot.waitUntil(lambda: "Invalid API key" in (gui.ctx.last_error or ""), timeout=20_000)
        seen.texts.append(gui.ctx.last_error or "")
        from smpanel_desktop.crash_dialog import CrashReporter

        reporter = CrashReporter(log_path)
        try:
            raise RuntimeError(f"forced crash while holding {KEY}")
        except RuntimeError as exc:
            reporter.report(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: reporter.dialog is not None)
        dialog = reporter.dialog
        assert dialog is not None
        seen.texts += [dialog.text(), dialog.detailedText(), dialog.informativeText()]
        dialog.close()

        # a CLI killed in the middle of a refresh (the key from the environment)
        env = cli_env(KEY)
        args = ["--data-dir", str(data_dir), "--panel", "P", "refresh"]
        sandbox.faults.add("latency", action="status", count=1, seconds=3)  # killed mid-request
        assert run_killed(args, env, 1.5, tmp_path / "killed-stderr.txt") is None
        seen.texts.append((tmp_path / "killed-stderr.txt").read_text())

        for i in range(300):  # enough log lines to rotate through every backup file
            logging.getLogger("smpanel_desktop.test").info("line %d with the key %s", i, KEY)
        assert sandbox.errors == []

    logs = tmp_path / "logs"
    rotated = sorted(p.name for p in logs.glob("*.log*"))
    assert len(rotated) == logging_setup.BACKUP_COUNT + 1, rotated
    folders = [data_dir, tmp_path / "config", logs]
    assert leaks_in_files(*folders) == []
    leaked = [t for t in seen.texts if any(form in t for form in FORMS)]
    assert leaked == []
    files = sum(1 for f in folders for p in f.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for f in folders for p in f.rglob("*") if p.is_file())
    section = "secrets: scripted run"
    figures(section, "CLI commands run", len(seen.codes))
    figures(section, "texts searched (CLI output, exceptions, dialogs)", len(seen.texts))
    figures(section, "files searched / bytes", f"{files} / {size:,}")
    figures(section, "key forms searched", "plain, form-encoded, %-encoded, UTF-16")
    figures(section, "hits", 0)


# --- http:// to a non-loopback host: refused before any request -------------------------------


def names_for_this_machine(port: int) -> list[str]:
    """Endpoints that lead to a server on 127.0.0.1 but do not name a loopback address."""
    urls = [f"http://[::ffff:127.0.0.1]:{port}/api/v2"]
    host = socket.gethostname()
    try:
        if socket.gethostbyname(host).startswith("127."):
            urls.append(f"http://{host}:{port}/api/v2")
    except OSError:
        pass
    return urls


def test_plain_http_to_a_non_loopback_name_is_refused_before_any_request(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)
    with SandboxPanel(services=5, key=KEY) as recorder:
        for url in names_for_this_machine(recorder.port):
            with pytest.raises(InsecureEndpointError):
                PanelClient(url, KEY)
            assert main(["--api-url", url, "balance"]) == 2
            assert main(["panels", "add", f"N{len(url)}", url]) == 2
            err = capsys.readouterr().err
            assert "https" in err and KEY not in err
        assert recorder.records == []  # not one request: the key never left


# --- redirects to another origin never get the key ---------------------------------------------


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_origin_never_receives_the_key(
    code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)
    with (
        SandboxPanel(services=300, seed=7, key=KEY, balance=Decimal(10**6)) as panel,
        SandboxPanel(services=5, key=KEY) as other,
    ):
        svc = parse_service(panel.find_service("Default"))
        assert main(["--api-url", panel.url, "services"]) == 0  # the catalog is cached first
        panel.faults.add("redirect", code=code, location=f"{other.url}?from=panel")
        argvs = [
            ["balance"],
            ["services", "--refresh"],
            ["status", "23501"],
            ["cancel", "23501"],
            ["refill", "23501"],
            ["refill-status", "1"],
            [
                "add",
                "--service",
                str(svc.id),
                "--link",
                "example.com/r",
                "--quantity",
                str(svc.min),
            ],
        ]
        codes = [main(["--api-url", panel.url, *argv]) for argv in argvs]
        out = capsys.readouterr()
        assert codes == [3, 3, 3, 4, 4, 3, 4], codes
        assert f"127.0.0.1:{other.port}" in out.err and KEY not in out.out + out.err
        assert other.records == []  # nothing at all reached the other origin
        assert all(r.key_ok for r in panel.records)
