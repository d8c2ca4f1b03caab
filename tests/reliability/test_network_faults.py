"""Network faults against every action: connection refused, a read timeout in the middle of a
body, bursts of 5xx and of 429, a self-signed certificate on loopback.

Reads recover with backoff within a bounded time (or fail with a typed error within it); ``add``,
``refill`` and ``cancel`` are sent at most once and end as an unknown outcome (or refused when
the panel said so, or not sent when the connection never opened).  The counts are reported.
(tests/test_api_faults.py covers single faults per call; this is the sweep with the figures.)
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.errors import (
    ApiError,
    NetworkError,
    RateLimitedError,
    UnknownOutcomeError,
    UnreadableAnswerError,
)
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.paths import db_path
from smpanel_desktop.sandbox.server import SandboxPanel
from smpanel_desktop.store.store import Store

pytestmark = pytest.mark.reliability

TIMEOUT = 0.6  # the client's read timeout in this file
RETRIES = 3
BACKOFF = 0.05
LINK = "https://example.com/p/network"


@pytest.fixture(scope="module")
def panel() -> Iterator[SandboxPanel]:
    with SandboxPanel(services=300, seed=7, balance=Decimal(10**6)) as sandbox:
        sandbox.place_orders(3)
        yield sandbox
        assert sandbox.errors == []


@pytest.fixture
def client(panel: SandboxPanel) -> Iterator[PanelClient]:
    panel.faults.clear()
    panel.clear_log()
    with PanelClient(
        panel.url, panel.key, timeout=TIMEOUT, read_retries=RETRIES, backoff_factor=BACKOFF
    ) as made:
        yield made
    panel.faults.clear()


def reads(panel: SandboxPanel) -> dict[str, Callable[[PanelClient], object]]:
    ids = list(panel.orders)
    return {
        "services": lambda c: c.services(),
        "balance": lambda c: c.balance(),
        "status": lambda c: c.statuses(ids),
        "refill_status": lambda c: c.refill_statuses([1, 2]),
    }


def writes(panel: SandboxPanel) -> dict[str, Callable[[PanelClient], object]]:
    spec = next(s for s in panel.specs if s.type == "Default")
    ids = list(panel.orders)
    return {
        "add": lambda c: c.add(spec.id, {"link": LINK, "quantity": spec.min}),
        "refill": lambda c: c.refills(ids),
        "cancel": lambda c: c.cancel(ids),
    }


def closed_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/api/v2"


def timed(call: Callable[[], object]) -> tuple[object, float]:
    started = time.monotonic()
    try:
        result: object = call()
    except ApiError as exc:
        result = exc
    return result, time.monotonic() - started


# fault bursts a read must get through: (name, faults to arm, requests expected, time bound)
BURSTS: list[tuple[str, list[tuple[str, dict[str, Any]]], int, float]] = [
    ("stall mid-body", [("stall_body", {"count": 1, "seconds": 3})], 2, TIMEOUT + 1.5),
    ("3 x 5xx", [("html503", {"count": 2}), ("http500", {"count": 1})], 4, 2.0),
    ("3 x 429, Retry-After 0", [("rate_limit", {"count": 3, "retry_after": 0})], 4, 2.0),
    ("1 x 429, Retry-After 1", [("rate_limit", {"count": 1, "retry_after": 1})], 2, 2.5),
    ("dropped connection + 5xx", [("drop", {"count": 1}), ("http500", {"count": 1})], 3, 2.0),
]


@pytest.mark.parametrize("burst", BURSTS, ids=lambda b: b[0])
def test_reads_recover_from_bursts_within_a_bounded_time(
    panel: SandboxPanel, client: PanelClient, burst: Any, figures: Any
) -> None:
    name, faults, requests, bound = burst
    for action, read in reads(panel).items():
        if "Retry-After 1" in name and action != "balance":
            continue  # a real one-second wait: once is enough
        panel.clear_log()
        for kind, options in faults:
            panel.faults.add(kind, action=action, **options)
        result, elapsed = timed(lambda: read(client))  # noqa: B023
        assert not isinstance(result, ApiError), f"{action}: {result!r}"
        assert panel.requests_for(action) == requests, action
        assert elapsed < bound, f"{action}: {elapsed:.2f} s"
        figures(
            "network: reads recover",
            f"{name} / {action}",
            f"{requests} requests, {elapsed:.2f} s (bound {bound:g} s)",
        )


@pytest.mark.parametrize(
    ("name", "kind", "options"),
    [
        ("lasting 5xx", "html503", {}),
        ("lasting 429", "rate_limit", {"retry_after": 0}),
        ("lasting stall mid-body", "stall_body", {"seconds": 3}),
    ],
)
def test_a_lasting_fault_ends_reads_with_a_typed_error_in_bounded_time(
    panel: SandboxPanel,
    client: PanelClient,
    name: str,
    kind: str,
    options: dict[str, Any],
    figures: Any,
) -> None:
    bound = (RETRIES + 1) * (TIMEOUT + 0.5) + 1
    for action, read in reads(panel).items():
        if kind == "stall_body" and action not in ("services", "status"):
            continue  # (retries + 1) timeouts each: the two heavy reads are enough
        panel.clear_log()
        panel.faults.add(kind, action=action, **options)
        result, elapsed = timed(lambda: read(client))  # noqa: B023
        panel.faults.clear()
        assert isinstance(result, (UnreadableAnswerError, RateLimitedError, NetworkError)), result
        assert panel.requests_for(action) == RETRIES + 1 and elapsed < bound, (action, elapsed)
        figures(
            "network: lasting faults on reads",
            f"{name} / {action}",
            f"{type(result).__name__} after {RETRIES + 1} requests, {elapsed:.2f} s",
        )


def test_connection_refused_fails_fast_for_every_call(figures: Any) -> None:
    url = closed_url()
    with PanelClient(url, "k3y-never-sent", read_retries=RETRIES, backoff_factor=BACKOFF) as c:
        calls = {
            "services": c.services,
            "balance": c.balance,
            "status": lambda: c.statuses([1, 2]),
            "refill_status": lambda: c.refill_statuses([1]),
            "add": lambda: c.add(1, {"link": LINK, "quantity": 100}),
            "refill": lambda: c.refills([1]),
            "cancel": lambda: c.cancel([1]),
        }
        for action, call in calls.items():
            result, elapsed = timed(call)
            # nothing left this machine: not even a write is of unknown outcome
            assert type(result) is NetworkError, (action, result)
            assert elapsed < 2.0, (action, elapsed)
            figures("network: connection refused", action, f"NetworkError in {elapsed:.2f} s")


WRITE_FAULTS: list[tuple[str, str, dict[str, Any], type[ApiError], bool]] = [
    # (name, kind, options, the error, whether the panel acted)
    (
        "stall mid-body after processing",
        "stall_body",
        {"seconds": 3, "process": True},
        UnknownOutcomeError,
        True,
    ),
    ("answer dropped after processing", "drop_after_accept", {}, UnknownOutcomeError, True),
    ("connection dropped", "drop", {}, UnknownOutcomeError, False),
    ("slow beyond the timeout", "latency", {"seconds": TIMEOUT + 0.5}, UnknownOutcomeError, True),
    ("html 503", "html503", {}, UnknownOutcomeError, False),
    ("http 500 after processing", "http500", {"process": True}, UnknownOutcomeError, True),
    ("429", "rate_limit", {"retry_after": 0}, RateLimitedError, False),
]


@pytest.mark.parametrize("fault", WRITE_FAULTS, ids=lambda f: f[0])
def test_writes_are_sent_once_and_become_unknown(
    panel: SandboxPanel, client: PanelClient, fault: Any, figures: Any
) -> None:
    name, kind, options, error, acted = fault
    for action, write in writes(panel).items():
        panel.clear_log()
        before = panel.order_count()
        panel.faults.add(kind, action=action, count=1, **options)
        result, elapsed = timed(lambda: write(client))  # noqa: B023
        assert type(result) is error, (action, result)
        assert panel.requests_for(action) == 1, f"{action} was resent"
        if action == "add":
            grown = lambda: panel.order_count() == before + int(acted)  # noqa: B023, E731
            deadline = time.monotonic() + 5  # a slow panel may create the order after the timeout
            while not grown() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert grown()
        figures(
            "network: writes",
            f"{name} / {action}",
            f"{type(result).__name__}, 1 request, {elapsed:.2f} s",
        )


def test_place_order_under_every_write_fault_records_one_row_each(
    panel: SandboxPanel, client: PanelClient, tmp_path: Path
) -> None:
    """Through the use case: the row is unknown (or rejected for a 429), never resent."""
    store = Store(tmp_path / "s.sqlite3")
    try:
        row_panel = store.add_panel("P", panel.url, "USD")
        service = parse_service(panel.find_service("Default"))
        for i, (_name, kind, options, error, _acted) in enumerate(WRITE_FAULTS):
            panel.faults.add(kind, action="add", count=1, **options)
            with pytest.raises(error):
                place_order(
                    store,
                    client,
                    row_panel,
                    service,
                    {"link": f"{LINK}/{i}", "quantity": str(service.min)},
                )
        states = [o.state for o in reversed(store.orders(row_panel.id))]
        expected = ["rejected" if f[3] is RateLimitedError else "unknown" for f in WRITE_FAULTS]
        assert states == expected
    finally:
        store.close()


def test_a_self_signed_certificate_is_refused_by_the_cli_before_anything_is_sent(
    self_signed_server: tuple[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
) -> None:
    url, seen = self_signed_server
    monkeypatch.setenv("SMPANEL_API_KEY", "k3y-never-sent-0123456789")
    assert main(["--api-url", url, "balance"]) == 3
    assert "TLS certificate" in capsys.readouterr().err
    code = main(["--api-url", url, "cancel", "5"])
    assert code == 3 and "TLS certificate" in capsys.readouterr().err  # not sent: not unknown
    assert seen == []  # no HTTP request reached the server, so no key either
    with Store(db_path(data_dir)) as store:
        assert store.count_orders() == 0
