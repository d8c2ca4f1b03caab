"""The sandbox panel: a real API v2 server on loopback (stdlib only, no Qt).

    with SandboxPanel(services=300, seed=7) as panel:
        requests.post(panel.url, data={"key": panel.key, "action": "balance"})
        panel.clock.advance(3600)          # every order final
        panel.faults.add("html503", action="balance", count=2)

Public API: ``SandboxPanel(...)`` with ``start()``/``stop()``/context manager, ``url``, ``key``,
``port``, ``catalog`` (service dicts as on the wire; ``set_catalog(wire)`` replaces it),
``find_service(type, **flags)``, ``clock``,
``orders``/``order_count()``, ``refills``, ``balance``/``set_balance()``, ``faults``,
``request_log``/``requests_for(action)``/``records`` (with ``key_ok``).  ``run_standalone`` serves
in the foreground for ``smpanel sandbox`` and ``python -m smpanel_desktop.sandbox``.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from decimal import Decimal
from types import TracebackType
from typing import Any

from . import smartpanel
from .actions import Actions
from .catalog import ServiceSpec, generate_catalog
from .clock import SimClock
from .faults import FaultKnobs
from .handler import PanelHTTPServer, RequestRecord
from .lifecycle import Order, Refill
from .state import PanelState

DIALECTS = {"perfectpanel": "/api/v2", "smartpanel": "/api/v1"}
"""The engines the sandbox can speak, and the path of their API."""


class SandboxPanel:
    """An API v2 panel on loopback with a generated catalog, for tests and the demo mode.

    ``port=0`` picks a free port at ``start()``; ``time_scale`` speeds up the simulated clock;
    ``state_file`` keeps orders, refills, balance and clock across restarts; ``latency``: each
    answer leaves that many seconds after its request came (the panel's own work included);
    ``first_order_id`` (e.g. above 2**31) sets where order ids start;
    ``dialect`` is the engine it speaks: ``perfectpanel`` (the default) or ``smartpanel``
    (``/api/v1``, its shapes and snake_case types, single-form refill/refill_status/cancel:
    smartpanel.py).
    """

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
        state_file: str | os.PathLike[str] | None = None,
        latency: float = 0.0,
        first_order_id: int = 23501,
        dialect: str = "perfectpanel",
    ) -> None:
        if dialect not in DIALECTS:
            raise ValueError(f"dialect: one of {', '.join(DIALECTS)}, not {dialect!r}")
        self.dialect = dialect
        self.path = DIALECTS[dialect]
        """The API's path: ``/api/v2`` (PerfectPanel), ``/api/v1`` (SmartPanel)."""
        self.host = host
        self._port = port
        self.key = key
        self.currency = currency
        self.seed = seed
        self.latency = float(latency)
        self.faults = FaultKnobs()
        self.clock = SimClock(time_scale)
        wire, specs = generate_catalog(services, seed, currency)
        if dialect == "smartpanel":
            wire = [smartpanel.wire_record(record) for record in wire]
        self._catalog = wire
        self._specs: dict[int, ServiceSpec] = {s.id: s for s in specs}
        self._spec_list = specs
        self._services_body = json.dumps(wire).encode()
        self._state = PanelState(
            self.clock, seed=seed, balance=Decimal(balance), first_order_id=first_order_id,
            state_file=state_file,
        )  # fmt: skip
        actions = smartpanel.SmartPanelActions if dialect == "smartpanel" else Actions
        self._actions = actions(self._specs, self._state, currency, lambda: self._services_body)
        self.invalid_key_text = (
            smartpanel.INVALID_KEY if dialect == "smartpanel" else "Invalid API key"
        )
        self._log_lock = threading.Lock()
        self._records: list[RequestRecord] = []
        self.errors: list[str] = []
        """Unexpected exceptions inside the server (a sandbox bug); tests assert it stays empty."""
        self._stopping = threading.Event()
        self._server: PanelHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> SandboxPanel:
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = PanelHTTPServer((self.host, self._port), self)
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
        return f"http://{self.host}:{self._port}{self.path}"

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

    def set_catalog(self, wire: list[dict[str, Any]]) -> None:
        """Serve another catalog from now on (repriced, trimmed, extended: tests of catalog
        changes).  ``wire`` as ``services`` sends it; a known service keeps its refill
        behaviour, a new one's refill works when its flag says so."""
        old = dict(self._specs)
        specs = []
        for w in wire:
            sid, refill = int(w["service"]), bool(w.get("refill", False))
            works = old[sid].refill_works if sid in old else refill
            specs.append(ServiceSpec(
                sid, str(w["name"]), str(w["type"]), str(w.get("category", "")),
                Decimal(str(w["rate"])), int(w["min"]), int(w["max"]), refill,
                bool(w.get("cancel", False)), bool(w.get("dripfeed", False)), works and refill,
            ))  # fmt: skip
        self._catalog, self._spec_list = list(wire), specs
        self._specs.clear()
        self._specs.update((s.id, s) for s in specs)
        self._services_body = json.dumps(wire).encode()

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
    state_file: str | os.PathLike[str] | None = None, dialect: str = "perfectpanel",
) -> int:  # fmt: skip
    """Serve in the foreground until Ctrl-C / SIGTERM; prints the URL (never the key)."""
    import signal

    try:
        panel = SandboxPanel(
            host=host, port=port, key=key, currency=currency, services=services, seed=seed,
            time_scale=time_scale, state_file=state_file, dialect=dialect,
        ).start()  # fmt: skip
    except OSError as exc:
        print(f"sandbox: cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
        return 1
    done = threading.Event()
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, lambda *_: done.set()) if main else None
    hint = " (the default: sandbox-key)" if key == "sandbox-key" else ""
    print(f"Sandbox panel ({dialect}) on {panel.url} - {services} services, {currency}")
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
