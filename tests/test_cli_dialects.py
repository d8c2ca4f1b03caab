"""``smpanel`` against both sandbox dialects, and against small independent panels that answer in
the shapes of other engines (a raw HTTP server on loopback written here, not the sandbox)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.paths import db_path
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.models import PLACED, REJECTED, UNKNOWN
from smpanel_desktop.store.store import Store

KEY = "sandbox-key"
Script = Callable[[dict[str, str]], "tuple[int, object] | object"]


@pytest.fixture(autouse=True)
def api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)


def smpanel(url: str, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--api-url", url, *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err and KEY not in out.out + out.err
    return code, out.out, out.err


def rows(data_dir: Path) -> list[Any]:
    store = Store(db_path(data_dir))
    try:
        return store.orders()
    finally:
        store.close()


# -- the sandbox in both dialects ------------------------------------------------------------------


def test_refill_round_trip_across_runs(
    dialect_sandbox: SandboxPanel, capsys: pytest.CaptureFixture[str]
) -> None:
    url = dialect_sandbox.url
    svc = parse_service(dialect_sandbox.find_service("Default", refill=True))
    placed = []
    for i in range(12):
        link = f"--link=https://x.com/r/{i}"
        code, out, err = smpanel(url, "add", "--service", str(svc.id), link,
                                 "--quantity", str(svc.min), capsys=capsys)  # fmt: skip
        assert code == 0, err
        placed.append(int(out))
    dialect_sandbox.clock.advance(3600)
    done = [o for o in placed if dialect_sandbox.orders[o].status == "Completed"][:4]
    dialect_sandbox.clear_log()
    code, out, err = smpanel(url, "refill", str(done[0]), str(done[1]), capsys=capsys)
    assert code == 0, err + out
    assert all("refill" in line for line in out.splitlines()) and len(out.splitlines()) == 2
    dialect_sandbox.clear_log()
    code, out, err = smpanel(url, "--json", "refill", f"{done[2]},{done[3]}", capsys=capsys)
    assert code == 0, err
    answer = json.loads(out)
    assert [a["order"] for a in answer] == done[2:] and all(a["refill"] for a in answer)
    forms = [sorted(p) for a, p in dialect_sandbox.request_log if a == "refill"]
    if dialect_sandbox.dialect == "smartpanel":  # remembered from the first run: no orders=
        assert forms == [["action", "order"], ["action", "order"]]
    else:
        assert forms == [["action", "orders"]]
    code, out, err = smpanel(url, "refill-status", "1", "2", "3", "4", capsys=capsys)
    assert code == 0, err
    assert len(out.splitlines()) == 4 and "error" not in out


def test_an_explicit_extra_field_is_sent_with_a_note(
    dialect_sandbox: SandboxPanel, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    package = parse_service(dialect_sandbox.find_service("Package"))
    base = ["add", "--service", str(package.id), "--link", "t.me/chan"]
    if dialect_sandbox.dialect == "smartpanel":
        code, out, err = smpanel(dialect_sandbox.url, *base, capsys=capsys)
        assert code == 1 and "Quantity is required" in err and out == ""
        assert [r.state for r in rows(data_dir)] == [REJECTED]
    code, out, err = smpanel(dialect_sandbox.url, *base, "--field", "quantity=1", capsys=capsys)
    assert code == 0, err
    assert "Note: Sent as given: the form of Package does not know quantity" in err
    assert dialect_sandbox.orders[int(out)].params["quantity"] == "1"


def test_snake_case_types_filter_once(
    dialect_sandbox: SandboxPanel, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = smpanel(dialect_sandbox.url, "--json", "services", capsys=capsys)
    assert code == 0
    types = {s["type"] for s in json.loads(out)}
    assert "Custom Comments" in types and "custom_comments" not in types
    assert "default" not in types and "Default" in types
    code, out, _ = smpanel(
        dialect_sandbox.url, "--json", "services", "--cached", "--type", "comment_likes",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0 and {s["type"] for s in json.loads(out)} == {"Comment Likes"}


def test_a_wrong_key_is_exit_1_with_the_panels_words(
    dialect_sandbox: SandboxPanel, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", "not-the-key")
    code = main(["--api-url", dialect_sandbox.url, "balance"])
    err = capsys.readouterr().err
    assert code == 1
    expected = "API is Disable" if dialect_sandbox.dialect == "smartpanel" else "Invalid API key"
    assert expected in err


# -- independent panels in the shapes of other engines ---------------------------------------------


@pytest.fixture
def raw_panel() -> Iterator[Callable[[Script], tuple[str, list[dict[str, str]]]]]:
    """A panel answering from a script: ``(status, body)`` or a body (JSON-encoded unless
    bytes).  Returns its URL and the list of requests it got."""
    servers: list[ThreadingHTTPServer] = []

    def serve(script: Script) -> tuple[str, list[dict[str, str]]]:
        seen: list[dict[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                fields = dict(parse_qsl(self.rfile.read(length).decode()))
                fields.pop("key", None)
                seen.append(fields)
                answer = script(fields)
                status, body = answer if isinstance(answer, tuple) else (200, answer)
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/api/v2", seen

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


SERVICE = {"service": 7, "name": "Likes 60&amp;#039;", "type": "default", "rate": "1.00",
           "min": 10, "max": 1000, "category": "Likes"}  # fmt: skip


def catalog_then(add: Callable[[dict[str, str]], object]) -> Script:
    def script(fields: dict[str, str]) -> object:
        return [SERVICE] if fields["action"] == "services" else add(fields)

    return script


def test_a_500_on_add_is_an_unknown_outcome(
    raw_panel: Any, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    url, seen = raw_panel(catalog_then(lambda f: (500, {"error": "Internal server error"})))
    code, _, err = smpanel(url, "add", "--service", "7", "--link", "x.com/p",
                           "--quantity", "10", capsys=capsys)  # fmt: skip
    assert code == 4 and "MAY HAVE BEEN PLACED" in err and "HTTP 500" in err
    assert [f["action"] for f in seen] == ["services", "add"]  # never resent
    assert [r.state for r in rows(data_dir)] == [UNKNOWN]


@pytest.mark.parametrize(
    "refusal",
    [{"status": "error", "message": "Invalid Interval in minutes"},
     {"success": False, "message": "Service is not active"},
     {"data": None, "error": {"code": 12, "message": "Link is not valid"}},
     (400, {"error": "Bad link"}), (429, b"")],
)  # fmt: skip
def test_recognised_refusals_of_add_are_not_placed(
    raw_panel: Any, capsys: pytest.CaptureFixture[str], data_dir: Path, refusal: object
) -> None:
    url, seen = raw_panel(catalog_then(lambda f: refusal))
    code, _, err = smpanel(url, "add", "--service", "7", "--link", "x.com/p",
                           "--quantity", "10", capsys=capsys)  # fmt: skip
    assert code in (1, 3) and "MAY HAVE BEEN PLACED" not in err
    assert [r.state for r in rows(data_dir)] == [REJECTED]
    assert len([f for f in seen if f["action"] == "add"]) == 1


def test_wrapped_successes_and_entities(
    raw_panel: Any, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    def script(fields: dict[str, str]) -> object:
        return {
            "services": [SERVICE],
            "add": {"status": "success", "order": 901},
            "balance": {"status": "success", "balance": "12.5", "currency": "USD"},
        }[fields["action"]]

    url, _ = raw_panel(script)
    code, out, _ = smpanel(url, "--json", "services", capsys=capsys)
    (service,) = json.loads(out)
    assert service["name"] == "Likes 60'" and service["type"] == "Default"  # decoded twice
    assert smpanel(url, "balance", capsys=capsys)[:2] == (0, "12.5 USD\n")
    code, out, err = smpanel(url, "add", "--service", "7", "--link", "x.com/p",
                             "--quantity", "10", capsys=capsys)  # fmt: skip
    assert (code, out) == (0, "901\n"), err
    assert [(r.state, r.order) for r in rows(data_dir)] == [(PLACED, 901)]


def test_an_empty_catalog_is_zero_services(
    raw_panel: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = raw_panel(lambda f: {"status": "success", "data": "Empty Data"})
    code, _, err = smpanel(url, "services", capsys=capsys)
    assert code == 0 and "0 of 0 services" in err


def test_an_extra_final_status_is_not_polled_again(
    raw_panel: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    def script(fields: dict[str, str]) -> object:
        if fields["action"] == "status":
            ids = (fields.get("orders") or fields["order"]).split(",")
            answer = {i: {"status": "Failed", "charge": "0", "remains": "10"} for i in ids}
            return answer if "orders" in fields else answer[ids[0]]
        return {"order": 55}

    url, seen = raw_panel(catalog_then(script))
    assert smpanel(url, "import", "55", capsys=capsys)[0] == 0
    code, out, _ = smpanel(url, "refresh", capsys=capsys)
    assert code == 0 and "Checked 0 open order(s)" in out  # Failed is final
    assert [f["action"] for f in seen].count("status") == 1


@pytest.mark.parametrize(
    "text",
    ["API is Disable for this user or User Not Found! Contact the Support", "Unauthorized"],
)
def test_other_engines_invalid_key_texts(
    raw_panel: Any, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.api.errors import InvalidKeyError

    url, _ = raw_panel(lambda f: {"error": text})
    with PanelClient(url, KEY) as client, pytest.raises(InvalidKeyError):
        client.balance()
    code, _, err = smpanel(url, "balance", capsys=capsys)
    assert code == 1 and text in err


def test_a_browser_check_page_is_explained(
    raw_panel: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    page = b"<html><head><title>Just a moment...</title></head><body>cf_chl_opt</body></html>"
    url, _ = raw_panel(lambda f: (403, page))
    code, _, err = smpanel(url, "balance", capsys=capsys)
    assert code == 3 and "browser check" in err and "Just a moment" in err


def test_a_single_form_only_panel_refill_round_trip(
    raw_panel: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    refills: dict[int, int] = {}

    def script(fields: dict[str, str]) -> object:
        action = fields["action"]
        if action == "refill":
            if "order" not in fields:
                return {"error": "Order ID is required"}
            refills[int(fields["order"])] = len(refills) + 1
            return {"refill": len(refills)}
        if action == "refill_status":
            if "refill" not in fields:
                return {"error": "Refill ID is required"}
            return {"status": "Completed"}
        return {"error": "Incorrect request"}

    url, seen = raw_panel(script)
    code, out, err = smpanel(url, "refill", "11", "12", "13", capsys=capsys)
    assert code == 0, err
    assert sorted(refills) == [11, 12, 13]
    code, out, err = smpanel(url, "refill-status", "1", "2", "3", capsys=capsys)
    assert code == 0, err
    assert out.count("Completed") == 3
    sent = [("multi" if "orders" in f or "refills" in f else "single") for f in seen]
    assert sent == ["multi", "single", "single", "single", "multi", "single", "single", "single"]
    seen.clear()
    assert smpanel(url, "refill", "14", "15", capsys=capsys)[0] == 0  # remembered for the panel
    assert [sorted(f) for f in seen] == [["action", "order"], ["action", "order"]]


def test_smpanel_sandbox_speaks_the_dialect_asked_for(tmp_path: Path) -> None:
    import os
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    argv = [sys.executable, "-m", "smpanel_desktop.cli", "sandbox", "--dialect", "smartpanel",
            "--port", str(port), "--services", "20"]  # fmt: skip
    with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=dict(os.environ)) as proc:
        _check_sandbox(proc, port)


def _check_sandbox(proc: Any, port: int) -> None:
    import signal

    import requests

    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert "(smartpanel)" in first and f"127.0.0.1:{port}/api/v1" in first
        url = f"http://127.0.0.1:{port}/api/v1"
        answer = requests.post(url, data={"key": KEY, "action": "balance"}, timeout=10).json()
        assert answer["status"] == "success" and "balance" in answer
        refused = requests.post(url, data={"key": KEY, "action": "refill", "orders": "1,2"},
                                timeout=10).json()  # fmt: skip
        assert refused == {"error": "Order ID is required"}
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0


def test_drip_feed_runs_and_children_shown_and_tracked(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with SandboxPanel(services=300, seed=7, dialect="smartpanel") as sandbox:
        drip = parse_service(sandbox.find_service("Default", dripfeed=True))
        code, out, err = smpanel(sandbox.url, "add", "--service", str(drip.id), "--link",
                                 "x.com/d", "--quantity", str(drip.min), "--runs", "3",
                                 "--interval", "5", capsys=capsys)  # fmt: skip
        assert code == 0, err
        parent = int(out)
        code, out, _ = smpanel(sandbox.url, "status", str(parent), capsys=capsys)
        child = parent + 1  # the first run's order (the sandbox makes one per run)
        assert code == 0 and f"drip-feed: 3 runs, child orders {child}" in out
        code, out, _ = smpanel(sandbox.url, "--json", "status", str(parent), capsys=capsys)
        (answer,) = json.loads(out)
        assert answer["runs"] == 3 and answer["orders"] == [child]
        tracked = {r.order: r for r in rows(data_dir)}
        assert set(tracked) == {parent, child}
        assert tracked[child].params == {"dripfeed_parent": parent}
        sandbox.clock.advance(11 * 60)
        code, out, _ = smpanel(sandbox.url, "refresh", capsys=capsys)
        assert code == 0 and "2 drip-feed child order(s) now tracked" in out
        assert len(rows(data_dir)) == 4
