"""A write goes out on a connection of its own, so a socket the panel closed meanwhile never
turns an order into "unknown"; reads keep theirs (a refresh of 100 batches, one connection);
closing the client closes them at once."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import PanelError

KEY = "conn-test-key-0123"


class _Recorder(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, int, str]] = []  # (action, client port, Connection header)
        self.closed: list[int] = []  # client ports whose connection the client closed
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive unless the client says otherwise
    server: _Recorder

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        fields = dict(parse_qsl(self.rfile.read(length).decode()))
        action = fields.get("action", "")
        with self.server.lock:
            self.server.seen.append(
                (action, self.client_address[1], self.headers.get("Connection", ""))
            )
            n = len(self.server.seen)
        answer: Any = {"order": 100 + n} if action == "add" else {"balance": "1.00"}
        if action == "status":
            answer = {"error": "Incorrect order ID"}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def finish(self) -> None:
        super().finish()
        with self.server.lock:
            self.server.closed.append(self.client_address[1])

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[_Recorder]:
    server = _Recorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def test_each_write_has_a_connection_of_its_own(recorder: _Recorder) -> None:
    url = f"http://127.0.0.1:{recorder.server_address[1]}/api/v2"
    with PanelClient(url, KEY) as client:
        client.balance()
        client.balance()
        orders = [client.add(1, {"link": "https://x.com/p/1", "quantity": "10"}) for _ in range(3)]
        client.balance()
    assert orders == [103, 104, 105]
    writes = [(port, conn) for action, port, conn in recorder.seen if action == "add"]
    reads = [port for action, port, _ in recorder.seen if action == "balance"]
    assert len({port for port, _ in writes}) == 3  # three adds, three connections
    assert all(conn.lower() == "close" for _, conn in writes)  # and the panel is told so
    assert not {port for port, _ in writes} & set(reads)  # never a read's pooled socket
    assert reads[0] == reads[1]  # reads keep their connection


def test_closing_the_client_closes_its_connections_even_while_an_error_is_shown(
    recorder: _Recorder,
) -> None:
    """The error a user is shown holds the answer (in its traceback) and so the connection's
    pool; closing the client (the app does when a panel is removed or it quits) still closes
    the socket at once instead of leaving it to the garbage collector."""
    url = f"http://127.0.0.1:{recorder.server_address[1]}/api/v2"
    client = PanelClient(url, KEY)
    with pytest.raises(PanelError, match="Incorrect order ID") as caught:
        client.status(1)
    ((_, port, _),) = recorder.seen
    client.close()
    deadline = time.monotonic() + 2.0
    while port not in recorder.closed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert port in recorder.closed
    assert caught.value.text == "Incorrect order ID"  # the error is still there, still readable
