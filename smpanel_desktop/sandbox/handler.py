"""HTTP plumbing of the sandbox panel: a threading server that tracks its connections (so
``stop()`` ends keep-alive ones) and the request handler that records, applies fault knobs and
answers.  Quiet: nothing is logged to stderr; unexpected exceptions land in ``panel.errors``.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from .faults import Fault

if TYPE_CHECKING:
    from .server import SandboxPanel

CLOUDFLARE_PAGE = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
    b'<meta http-equiv="refresh" content="35"></head><body><h1>Checking your browser before'
    b" accessing the panel.</h1><p>This process is automatic.</p><p>Ray ID: 7d1f2a3b4c5d6e7f"
    b" &bull; Performance &amp; security by Cloudflare</p></body></html>"
)
READ_ACTIONS = frozenset({"services", "status", "balance", "refill_status"})
ERROR_500_PAGE = b"<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>"  # noqa: E501


@dataclass(frozen=True, slots=True)
class RequestRecord:
    action: str
    params: dict[str, str]
    """Every field except ``key``."""
    key_ok: bool
    key_present: bool
    """A ``key`` field (right or wrong) or the panel's key anywhere in the raw request."""
    method: str
    path: str


class PanelHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, addr: tuple[str, int], panel: SandboxPanel) -> None:
        self.panel = panel
        self.connections: set[socket.socket] = set()
        self.threads: list[threading.Thread] = []
        self.conn_lock = threading.Lock()
        super().__init__(addr, PanelRequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer is normal here; anything else is kept quietly."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, TimeoutError)):
            self.panel.errors.append(repr(exc))

    def process_request(self, request: Any, client_address: Any) -> None:
        # Like ThreadingMixIn, but every connection and its daemon thread are tracked so that
        # stop() can end them: a keep-alive connection would otherwise outlive the server.
        thread = threading.Thread(
            target=self.process_request_thread, args=(request, client_address),
            name=f"sandbox-conn-{self.server_address[1]}", daemon=True,
        )  # fmt: skip
        with self.conn_lock:
            self.threads = [t for t in self.threads if t.is_alive()]
            self.threads.append(thread)
            self.connections.add(request)
        thread.start()

    def shutdown_request(self, request: Any) -> None:
        with self.conn_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self, timeout: float = 10.0) -> None:
        """Wake every open connection (its thread then closes it) and join the threads."""
        with self.conn_lock:
            conns, threads = list(self.connections), list(self.threads)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(timeout)


class PanelRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    timeout = 120
    wbufsize = -1  # headers and body leave in one segment (flushed per request) ...
    disable_nagle_algorithm = True  # ... and at once: no 40 ms delayed-ACK stall per answer
    server: PanelHTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read request_log
        pass

    def do_GET(self) -> None:
        self._serve(urlsplit(self.path).query.encode())

    def do_POST(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        self._serve(self.rfile.read(length) if length > 0 else b"")

    def _serve(self, body: bytes) -> None:
        arrived = time.monotonic()
        panel = self.server.panel
        path = urlsplit(self.path).path
        params = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        key = params.pop("key", None)
        key_ok = key is not None and hmac.compare_digest(key.encode(), panel.key.encode())
        action = params.get("action", "").strip()
        present = key is not None or panel.key.encode() in (
            self.path.encode() + body + str(self.headers).encode()  # anywhere in the request
        )
        # Recorded even on a wrong path: a test may look for a key that reached this server.
        panel._record(RequestRecord(action, dict(params), key_ok, present, self.command, path))
        if not path.rstrip("/").endswith(panel.path):
            self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")
            return
        delay, fault = panel.faults.take(action)
        if delay > 0 and panel._stopping.wait(delay):  # a latency fault: before any work
            self.close_connection = True
            return
        data: bytes | None = None
        if (
            fault is None
            or fault.kind == "drop_after_accept"
            or fault.get("process", False)
            or (fault.kind in ("truncated", "stall_body") and action in READ_ACTIONS)
        ):
            try:
                data = self._answer(key_ok, action, params)
            except Exception as exc:  # a sandbox bug: answer 500 and keep it for the tests
                panel.errors.append(f"{action}: {exc!r}")
                self._send(500, ERROR_500_PAGE, "text/html")
                return
        # the panel's own latency counts from the request's arrival, its work included: a
        # panel of 50 ms answers at 50 ms (with its work on top it took 53-54 ms here)
        rest = panel.latency - (time.monotonic() - arrived)
        if rest > 0 and panel._stopping.wait(rest):
            self.close_connection = True
            return
        if fault is None:
            assert data is not None
            self._send(200, data)
        elif fault.kind == "drop_after_accept":  # processed; now vanish without a word
            self.close_connection = True
        else:
            self._send_fault(fault, data)

    def _answer(self, key_ok: bool, action: str, params: dict[str, str]) -> bytes:
        panel = self.server.panel
        if not key_ok:
            answer: Any = {"error": panel.invalid_key_text}
        elif not action:
            answer = panel._actions.run("", params)
        else:
            answer = panel._actions.run(action, params)
        return answer if isinstance(answer, bytes) else json.dumps(answer).encode()

    def _send_fault(self, fault: Fault, data: bytes | None) -> None:
        kind = fault.kind
        if kind == "html503":
            self._send(503, CLOUDFLARE_PAGE, "text/html; charset=UTF-8")
        elif kind == "http500":
            self._send(500, ERROR_500_PAGE, "text/html")
        elif kind == "rate_limit":
            retry = fault.get("retry_after", 1)
            self._send(429, b'{"error":"Too many requests"}', headers={"Retry-After": str(retry)})
        elif kind == "empty":
            self._send(200, b"")
        elif kind == "truncated":
            whole = data or b'{"order": 23501, "status": "Pending", "currency": "USD"}'
            self._send(200, whole[: len(whole) // 2])
        elif kind == "drop":
            self.close_connection = True
        elif kind == "stall_body":
            whole = data or b'{"order": 23501, "status": "Pending", "currency": "USD"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(whole)))
            self.end_headers()
            self.wfile.write(whole[: len(whole) // 2])
            self.wfile.flush()
            self.server.panel._stopping.wait(float(fault.get("seconds", 30.0)))
            self.close_connection = True
        elif kind == "raw":
            body = fault.get("body", b"")
            if not isinstance(body, bytes):
                body = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            ctype = str(fault.get("content_type", "application/json"))
            self._send(int(fault.get("status", 200)), body, ctype, dict(fault.get("headers", {})))
        elif kind == "redirect":
            code = int(fault.get("code", 307))
            self._send(code, b"", "text/html", headers={"Location": str(fault.get("location"))})
        else:  # error
            text = fault.get("text", "Your account has been suspended.")
            self._send(200, json.dumps({"error": text}).encode())

    def _send(
        self, code: int, data: bytes, ctype: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:  # fmt: skip
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if data and self.command != "HEAD":
            self.wfile.write(data)
