"""The sandbox panel: a real API v2 server on loopback (stdlib only, no Qt).

    with SandboxPanel(services=300, seed=7) as panel:
        requests.post(panel.url, data={"key": panel.key, "action": "balance"})
        panel.clock.advance(3600)          # every order final
        panel.faults.add("html503", action="balance", count=2)

Public API: ``SandboxPanel(...)`` with ``start()``/``stop()``/context manager, ``url``, ``key``,
``port``, ``catalog`` (service dicts as on the wire), ``find_service(type, **flags)``, ``clock``,
``orders``/``order_count()``, ``refills``, ``balance``/``set_balance()``, ``faults``,
``request_log``/``requests_for(action)``/``records`` (with ``key_ok``).  ``run_standalone`` serves
in the foreground for ``smpanel sandbox`` and ``python -m smpanel_desktop.sandbox``.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import socket
import sys
import threading
from dataclasses import dataclass
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .actions import Actions
from .catalog import ServiceSpec, generate_catalog
from .faults import Fault, FaultKnobs
from .state import Order, PanelState, Refill, SimClock

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


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, addr: tuple[str, int], panel: SandboxPanel) -> None:
        self.panel = panel
        self.connections: set[socket.socket] = set()
        self.threads: list[threading.Thread] = []
        self.conn_lock = threading.Lock()
        super().__init__(addr, _Handler)

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


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    timeout = 120
    wbufsize = -1  # headers and body leave in one segment (flushed per request) ...
    disable_nagle_algorithm = True  # ... and at once: no 40 ms delayed-ACK stall per answer
    server: _Server

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
        panel = self.server.panel
        path = urlsplit(self.path).path
        if not path.rstrip("/").endswith("api/v2"):
            self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")
            return
        raw = self.path.encode() + body + str(self.headers).encode()
        params = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        key = params.pop("key", None)
        key_ok = key is not None and hmac.compare_digest(key.encode(), panel.key.encode())
        action = params.get("action", "").strip()
        present = key is not None or panel.key.encode() in raw
        panel._record(RequestRecord(action, dict(params), key_ok, present, self.command, path))
        delay, fault = panel.faults.take(action)
        delay += panel.latency
        if delay > 0 and panel._stopping.wait(delay):
            self.close_connection = True
            return
        data: bytes | None = None
        if (
            fault is None
            or fault.kind == "drop_after_accept"
            or fault.get("process", False)
            or (fault.kind == "truncated" and action in READ_ACTIONS)
        ):
            try:
                data = self._answer(key_ok, action, params)
            except Exception as exc:  # a sandbox bug: answer 500 and keep it for the tests
                panel.errors.append(f"{action}: {exc!r}")
                self._send(500, ERROR_500_PAGE, "text/html")
                return
        if fault is None:
            assert data is not None
            self._send(200, data)
        elif fault.kind == "drop_after_accept":  # processed; now vanish without a word
            self.close_connection = True
        else:
            self._send_fault(fault, data)

    def _answer(self, key_ok: bool, action: str, params: dict[str, str]) -> bytes:
        if not key_ok:
            answer: Any = {"error": "Invalid API key"}
        elif not action:
            answer = {"error": "Incorrect action"}
        else:
            answer = self.server.panel._actions.run(action, params)
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


class SandboxPanel:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        key: str = "sandbox-key",
        currency: str = "USD",
        services: int = 3000,
        seed: int = 1,
        balance: Decimal = Decimal("1000"),
        time_scale: float = 1.0,
        state_file: str | None = None,
        latency: float = 0.0,
        first_order_id: int = 23501,
    ) -> None:
        self.host = host
        self._port = port
        self.key = key
        self.currency = currency
        self.seed = seed
        self.latency = float(latency)
        self.faults = FaultKnobs()
        self.clock = SimClock(time_scale)
        wire, specs = generate_catalog(services, seed, currency)
        self._catalog = wire
        self._specs: dict[int, ServiceSpec] = {s.id: s for s in specs}
        self._spec_list = specs
        self._services_body = json.dumps(wire).encode()
        self._state = PanelState(
            self.clock, seed=seed, balance=Decimal(balance), first_order_id=first_order_id,
            state_file=state_file,
        )  # fmt: skip
        self._actions = Actions(self._specs, self._state, currency, lambda: self._services_body)
        self._log_lock = threading.Lock()
        self._records: list[RequestRecord] = []
        self.errors: list[str] = []
        """Unexpected exceptions inside the server (a sandbox bug); tests assert it stays empty."""
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> SandboxPanel:
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server((self.host, self._port), self)
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
            name=f"sandbox-panel-{self._port}", daemon=True,
        )  # fmt: skip
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> SandboxPanel:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # fmt: skip
        self.stop()

    def __repr__(self) -> str:
        return f"SandboxPanel(url={self.url!r}, services={len(self._catalog)})"

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self._port}/api/v2"

    # -- catalog --------------------------------------------------------------------------
    @property
    def catalog(self) -> list[dict[str, Any]]:
        return self._catalog

    @property
    def specs(self) -> list[ServiceSpec]:
        """The catalog normalized (int ids, Decimal rates, real refill behaviour)."""
        return self._spec_list

    def find_service(self, type: str | None = None, **flags: Any) -> dict[str, Any]:
        """The first wire service of ``type`` whose spec matches ``flags`` (refill=True means
        refill really works, dripfeed=, cancel=, min=, max=).  Raises LookupError."""
        for wire, spec in zip(self._catalog, self._spec_list, strict=True):
            if type is not None and spec.type != type:
                continue
            if "refill" in flags and spec.refill_works != bool(flags["refill"]):
                continue
            if all(getattr(spec, k) == v for k, v in flags.items() if k != "refill"):
                return wire
        raise LookupError(f"no service of type {type!r} with {flags}")

    # -- state ----------------------------------------------------------------------------
    @property
    def orders(self) -> dict[int, Order]:
        return self._state.orders()

    def order_count(self) -> int:
        return self._state.order_count()

    @property
    def refills(self) -> dict[int, Refill]:
        return self._state.refills()

    @property
    def balance(self) -> Decimal:
        return self._state.balance

    def set_balance(self, amount: Decimal) -> None:
        self._state.set_balance(Decimal(amount))

    def place_orders(
        self, count: int, service: int | None = None, quantity: int | None = None,
        link: str = "https://example.com/p/{i}",
    ) -> list[int]:  # fmt: skip
        """Create ``count`` orders directly (no HTTP), checked and charged exactly like ``add``:
        for benchmarks and tests that need thousands of orders.  ``service`` defaults to the
        first Default service, ``quantity`` to its min.  Raises ValueError with the panel's
        error text (e.g. "Not enough funds on balance"); orders made before that stay."""
        spec = self._specs[service] if service is not None else next(
            s for s in self._spec_list if s.type == "Default"
        )  # fmt: skip
        qty = spec.min if quantity is None else quantity
        ids: list[int] = []
        with self._state.batch():
            for i in range(count):
                params = {"service": str(spec.id), "link": link.format(i=i), "quantity": str(qty)}
                answer = self._actions.run("add", {"action": "add", **params})
                if "error" in answer:
                    raise ValueError(answer["error"])
                ids.append(int(answer["order"]))
        return ids

    # -- request log ----------------------------------------------------------------------
    def _record(self, record: RequestRecord) -> None:
        with self._log_lock:
            self._records.append(record)

    @property
    def records(self) -> list[RequestRecord]:
        with self._log_lock:
            return list(self._records)

    @property
    def request_log(self) -> list[tuple[str, dict[str, str]]]:
        with self._log_lock:
            return [(r.action, r.params) for r in self._records]

    def requests_for(self, action: str) -> int:
        with self._log_lock:
            return sum(1 for r in self._records if r.action == action)

    def clear_log(self) -> None:
        with self._log_lock:
            self._records.clear()


def run_standalone(
    port: int = 8765, services: int = 3000, currency: str = "USD", key: str = "sandbox-key",
    seed: int = 1, time_scale: float = 1.0, host: str = "127.0.0.1",
    state_file: str | None = None,
) -> int:  # fmt: skip
    """Serve in the foreground until Ctrl-C / SIGTERM; prints the URL (never the key)."""
    import signal

    try:
        panel = SandboxPanel(
            host=host, port=port, key=key, currency=currency, services=services, seed=seed,
            time_scale=time_scale, state_file=state_file,
        ).start()  # fmt: skip
    except OSError as exc:
        print(f"sandbox: cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
        return 1
    done = threading.Event()
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, lambda *_: done.set()) if main else None
    hint = " (the default: sandbox-key)" if key == "sandbox-key" else ""
    print(f"Sandbox panel on {panel.url} - {services} services, {currency}")
    print(f"API key: the one given with --key{hint}. Ctrl-C stops it.", flush=True)
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
        panel.stop()
    return 0
