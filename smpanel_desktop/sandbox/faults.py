"""Fault knobs: make the sandbox misbehave like real panels do, for tests.

``panel.faults.add(kind, action=None, count=None, **options)`` arms a fault for every request
(or only requests of ``action``), for the next ``count`` matching requests (None = until
``clear()``).  Kinds and their options:

=====================  ====================================================================
``latency``            sleep ``seconds`` (default 1.0) before answering; combines with others
``html503``            a Cloudflare-like "Just a moment..." HTML page with status 503
``rate_limit``         429 with ``Retry-After: retry_after`` (default 1) and a JSON error
``empty``              200 with an empty body
``truncated``          200 with the JSON answer cut in the middle (Content-Length matches)
``drop_after_accept``  the action IS processed (order created and charged), then the
                       connection is closed with no answer at all
``redirect``           ``code`` (default 307) to ``location`` (a URL, e.g. another server)
``error``              200 with ``{"error": text}`` (default "Your account has been suspended.")
``http500``            500 with an HTML error page
``drop``               the connection is closed with no answer (nothing processed)
``stall_body``         headers and half the body are sent, then nothing for ``seconds``
                       (default 30) and the connection closes: a read timeout mid-body
``raw``                any answer: ``body`` (bytes, str, or an object sent as JSON; default
                       empty), ``status`` (200), ``content_type`` (application/json),
                       ``headers`` (a dict) — for corpora of hostile answers
=====================  ====================================================================

Only ``drop_after_accept`` processes the request by default: the others answer instead of the
panel, so nothing is created or charged — except ``truncated`` and ``stall_body`` on a read
action (services, status, balance, refill_status), which cut the real answer.  ``process=True``
on any kind processes the request first (e.g. an order created, then an HTML 503 or an empty
body comes back).

Every kind also takes ``after=N``: the first N matching requests pass untouched (e.g. the
second batch of a split ``refill`` loses its answer, the first is answered).

Faults apply in the order they were added; latency faults all apply, then the first other one
decides the answer.  Every matching fault's count goes down by one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

KINDS = frozenset(
    {"latency", "html503", "rate_limit", "empty", "truncated", "drop_after_accept",
     "redirect", "error", "http500", "drop", "stall_body", "raw"}
)  # fmt: skip


@dataclass(slots=True)
class Fault:
    kind: str
    action: str | None = None
    count: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    hits: int = 0
    passed: int = 0
    """Matching requests let through because of ``after``."""

    def get(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


class FaultKnobs:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(
        self, kind: str, action: str | None = None, count: int | None = None, **options: Any
    ) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(sorted(KINDS))}")
        if kind == "redirect" and not options.get("location"):
            raise ValueError("a redirect fault needs location=URL")
        if count is not None and count < 1:
            raise ValueError("count must be >= 1 or None")
        fault = Fault(kind, action, count, dict(options))
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self, kind: str | None = None) -> None:
        """Remove every fault (or every fault of ``kind``)."""
        with self._lock:
            self._faults = [f for f in self._faults if kind is not None and f.kind != kind]

    def active(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def __len__(self) -> int:
        with self._lock:
            return len(self._faults)

    def take(self, action: str) -> tuple[float, Fault | None]:
        """For one request of ``action``: (total latency seconds, the deciding fault or None)."""
        delay = 0.0
        decisive: Fault | None = None
        with self._lock:
            for fault in list(self._faults):
                if fault.action is not None and fault.action != action:
                    continue
                if fault.passed < int(fault.get("after", 0)):
                    fault.passed += 1
                    continue
                if fault.kind == "latency":
                    delay += float(fault.get("seconds", 1.0))
                elif decisive is None:
                    decisive = fault
                else:
                    continue
                fault.hits += 1
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
        return delay, decisive
