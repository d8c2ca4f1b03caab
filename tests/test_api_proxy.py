"""A user behind an HTTP proxy: the proxy set in the environment carries every request, and
``no_proxy`` keeps the panel's host off it (the transport reads the environment once)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.sandbox.server import SandboxPanel


class _Proxy(ThreadingHTTPServer):
    seen: list[str]


class _Forward(BaseHTTPRequestHandler):
    """A forward proxy for plain HTTP: the request line holds the whole URL."""

    protocol_version = "HTTP/1.1"
    server: _Proxy

    def do_POST(self) -> None:
        self.server.seen.append(self.path)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        ctype = self.headers["Content-Type"]
        with requests.Session() as onward:
            onward.trust_env = False  # (the environment names this very proxy)
            answer = onward.post(self.path, data=body, headers={"Content-Type": ctype}, timeout=10)
        self.send_response(answer.status_code)
        self.send_header("Content-Length", str(len(answer.content)))
        self.send_header("Content-Type", answer.headers.get("Content-Type", "text/plain"))
        self.end_headers()
        self.wfile.write(answer.content)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[_Proxy]:
    server = _Proxy(("127.0.0.1", 0), _Forward)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _proxy_url(proxy: _Proxy) -> str:
    return f"http://127.0.0.1:{proxy.server_address[1]}"


def test_the_proxy_in_the_environment_carries_every_request(
    sandbox: SandboxPanel, proxy: _Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", _proxy_url(proxy))
    with PanelClient(sandbox.url, sandbox.key) as client:
        assert client.balance().amount == sandbox.balance
        service = sandbox.find_service("Default")["service"]
        ids = [client.add(service, {"link": f"https://x.com/{n}", "quantity": 100}) for n in (1, 2)]
        assert [r.order for r in client.statuses(ids)] == ids
    assert proxy.seen == [sandbox.url] * 4  # balance, two adds, one status request


def test_no_proxy_keeps_the_panel_off_the_proxy(
    sandbox: SandboxPanel, proxy: _Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", _proxy_url(proxy))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with PanelClient(sandbox.url, sandbox.key) as client:
        client.balance()
    assert proxy.seen == [] and sandbox.requests_for("balance") == 1
