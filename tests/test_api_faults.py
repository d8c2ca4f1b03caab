"""The client under every fault the sandbox can stage, plus the ones only a raw socket can.

What a user must never see: a crash, a second order, the key in a message, or a wait without end.
"""

from __future__ import annotations

import json
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl

import pytest

from smpanel_desktop.api import transport
from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.endpoint import validate_endpoint
from smpanel_desktop.api.errors import (
    ApiError,
    ConfigError,
    InsecureEndpointError,
    InsufficientFundsError,
    InvalidKeyError,
    NetworkError,
    PanelError,
    RateLimitedError,
    UnknownOutcomeError,
    UnreadableAnswerError,
)
from smpanel_desktop.api.models import CancelResult
from smpanel_desktop.sandbox.server import SandboxPanel

LINK = "https://www.instagram.com/p/Cx1abc/"


@pytest.fixture
def client(sandbox: SandboxPanel) -> Iterator[PanelClient]:
    with PanelClient(
        sandbox.url, sandbox.key, timeout=2, read_retries=2, backoff_factor=0.01
    ) as panel_client:
        yield panel_client


def place(sandbox: SandboxPanel, client: PanelClient) -> int:
    spec = next(s for s in sandbox.specs if s.type == "Default")
    return client.add(spec.id, {"link": LINK, "quantity": spec.min})


def clean(error: ApiError, key: str) -> ApiError:
    """The error's texts carry no trace of the key."""
    texts = [
        str(error),
        repr(error),
        getattr(error, "excerpt", ""),
        str(getattr(error, "cause", "")),
    ]
    assert all(key not in text for text in texts), texts
    return error


# --- reads: retried, then a clear error ------------------------------------------------------


@pytest.mark.parametrize("kind", ["html503", "http500", "drop_after_accept"])
def test_a_read_recovers_from_one_bad_answer(
    sandbox: SandboxPanel, client: PanelClient, kind: str
) -> None:
    sandbox.faults.add(kind, action="balance", count=1)
    assert client.balance().currency == "USD"
    assert sandbox.requests_for("balance") == 2


# every call, by the sandbox action it sends
READS: dict[str, tuple[str, Callable[[PanelClient], object]]] = {
    "services": ("services", lambda c: c.services()),
    "balance": ("balance", lambda c: c.balance()),
    "statuses": ("status", lambda c: c.statuses([1, 2])),
    "refill_statuses": ("refill_status", lambda c: c.refill_statuses([1, 2])),
}
WRITES: dict[str, tuple[str, Callable[[PanelClient], object]]] = {
    "add": ("add", lambda c: c.add(1, {"link": LINK, "quantity": 100})),
    "refill": ("refill", lambda c: c.refill(1)),
    "refills": ("refill", lambda c: c.refills([1, 2])),
    "cancel": ("cancel", lambda c: c.cancel([1, 2])),
}


@pytest.mark.parametrize("call", sorted(READS))
def test_every_read_is_retried(sandbox: SandboxPanel, client: PanelClient, call: str) -> None:
    action, run = READS[call]
    sandbox.faults.add("html503", action=action, count=1)
    run(client)
    assert sandbox.requests_for(action) == 2


@pytest.mark.parametrize("call", sorted(WRITES))
def test_no_write_is_ever_retried(sandbox: SandboxPanel, client: PanelClient, call: str) -> None:
    action, run = WRITES[call]
    sandbox.faults.add("html503", action=action, count=1)
    with pytest.raises(UnknownOutcomeError):
        run(client)
    assert sandbox.requests_for(action) == 1


def test_a_lasting_cloudflare_page_is_unreadable_with_status_and_title(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    sandbox.faults.add("html503", action="services")
    with pytest.raises(UnreadableAnswerError) as caught:
        client.services()
    error = clean(caught.value, sandbox.key)
    assert isinstance(error, UnreadableAnswerError)
    assert error.http_status == 503 and error.excerpt == "Just a moment..."
    assert "browser check" in error.message and "support" in error.message  # what it is, what to do
    assert sandbox.requests_for("services") == 3  # the first try and two retries


def test_rate_limit_on_a_read_waits_for_retry_after(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    sandbox.faults.add("rate_limit", action="balance", count=1, retry_after=1)
    started = time.monotonic()
    assert client.balance().amount > 0
    assert time.monotonic() - started >= 0.9  # it honoured Retry-After: 1
    assert sandbox.requests_for("balance") == 2


@pytest.mark.parametrize(
    ("retry_after", "limit"),
    [(2, 1.0), (61, None), (3600, None)],  # just over the setting or the default minute; an hour
)
def test_rate_limit_longer_than_allowed_gives_up_at_once(
    sandbox: SandboxPanel, retry_after: int, limit: float | None
) -> None:
    sandbox.faults.add("rate_limit", action="status", retry_after=retry_after)
    options = {} if limit is None else {"max_retry_after": limit}
    with PanelClient(sandbox.url, sandbox.key, **options) as impatient:  # type: ignore[arg-type]
        started = time.monotonic()
        with pytest.raises(RateLimitedError) as caught:
            impatient.statuses([1, 2])
    assert caught.value.retry_after == retry_after
    assert time.monotonic() - started < 0.9 and sandbox.requests_for("status") == 1


def test_the_wait_limit_holds_for_every_retry_not_only_the_first(sandbox: SandboxPanel) -> None:
    sandbox.faults.add("rate_limit", action="balance", count=1, retry_after=0)
    sandbox.faults.add("rate_limit", action="balance", retry_after=2)
    with PanelClient(sandbox.url, sandbox.key, max_retry_after=1.0) as impatient:
        started = time.monotonic()
        with pytest.raises(RateLimitedError):
            impatient.balance()
    assert time.monotonic() - started < 1.5 and sandbox.requests_for("balance") == 2


def test_rate_limit_as_long_as_allowed_is_waited_for(sandbox: SandboxPanel) -> None:
    sandbox.faults.add("rate_limit", action="balance", count=1, retry_after=1)
    with PanelClient(sandbox.url, sandbox.key, max_retry_after=1.0) as patient:
        started = time.monotonic()
        assert patient.balance().amount > 0
    assert time.monotonic() - started >= 0.9 and sandbox.requests_for("balance") == 2


def test_lasting_rate_limit_ends_in_rate_limited(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    sandbox.faults.add("rate_limit", action="balance", retry_after=0)
    with pytest.raises(RateLimitedError) as caught:
        client.balance()
    assert caught.value.retry_after == 0 and sandbox.requests_for("balance") == 3


@pytest.mark.parametrize(
    ("kind", "words"), [("empty", "empty answer"), ("truncated", "cut off")]
)  # fmt: skip
def test_empty_and_truncated_reads_are_unreadable(
    sandbox: SandboxPanel, client: PanelClient, kind: str, words: str
) -> None:
    sandbox.faults.add(kind, action="balance")
    with pytest.raises(UnreadableAnswerError, match=words) as caught:
        client.balance()
    assert clean(caught.value, sandbox.key).http_status == 200  # type: ignore[attr-defined]


def test_the_panels_own_error_and_an_echoed_key(sandbox: SandboxPanel, client: PanelClient) -> None:
    sandbox.faults.add("error", action="balance", count=1)
    with pytest.raises(PanelError, match=r"Your account has been suspended\."):
        client.balance()
    sandbox.faults.add("error", action="balance", count=1, text=f"Invalid API key {sandbox.key}")
    with pytest.raises(InvalidKeyError) as caught:
        client.balance()
    assert clean(caught.value, sandbox.key).message == "Invalid API key ***"


def test_a_read_slower_than_the_timeout_is_a_network_error(sandbox: SandboxPanel) -> None:
    sandbox.faults.add("latency", action="balance", seconds=3)
    with PanelClient(sandbox.url, sandbox.key, timeout=0.3, read_retries=0) as hasty:
        started = time.monotonic()
        with pytest.raises(NetworkError, match=r"did not answer within 0\.3 s"):
            hasty.balance()
    assert time.monotonic() - started < 2


def test_a_slow_read_is_retried(sandbox: SandboxPanel) -> None:
    sandbox.faults.add("latency", action="balance", count=1, seconds=3)
    with PanelClient(sandbox.url, sandbox.key, timeout=0.3, backoff_factor=0.01) as hasty:
        assert hasty.balance().currency == "USD"
    assert sandbox.requests_for("balance") == 2


# --- a body cut off after the headers: read again here (urllib3's Retry never sees it) ---------


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The transport's own waits before it asks again for a cut-off body, noted, not slept."""
    seen: list[float] = []
    monkeypatch.setattr(transport, "time", SimpleNamespace(sleep=seen.append))
    return seen


@pytest.mark.parametrize(
    ("seconds", "timeout"), [(0.0, 2.0), (1.0, 0.2)]  # broken off at once; stalled past the timeout
)  # fmt: skip
def test_a_read_whose_body_was_cut_off_is_asked_again(
    sandbox: SandboxPanel, waits: list[float], seconds: float, timeout: float
) -> None:
    sandbox.faults.add("stall_body", action="balance", count=1, seconds=seconds)
    with PanelClient(
        sandbox.url, sandbox.key, timeout=timeout, read_retries=2, backoff_factor=0.1
    ) as client:
        assert client.balance().currency == "USD"
    assert sandbox.requests_for("balance") == 2 and waits == [0.1]


def test_a_body_cut_off_every_time_ends_after_the_default_retries_waiting_longer_each_time(
    sandbox: SandboxPanel, waits: list[float]
) -> None:
    """The defaults every caller uses (docs/architecture.md): 4 retries, backoff 0.5 s doubling."""
    sandbox.faults.add("stall_body", action="balance", seconds=0)
    with (
        PanelClient(sandbox.url, sandbox.key) as client,
        pytest.raises(NetworkError, match="broke before a complete answer"),
    ):
        client.balance()
    assert sandbox.requests_for("balance") == 5
    assert waits == [0.5, 1.0, 2.0, 4.0]


def test_a_connection_dropped_every_time_is_asked_only_as_often_as_allowed(
    sandbox: SandboxPanel, waits: list[float]
) -> None:
    """No answer at all: urllib3 has retried it already; the body retry must not start another
    round of retries on top (3 requests for read_retries=2, not 9)."""
    sandbox.faults.add("drop", action="balance")
    with (
        PanelClient(sandbox.url, sandbox.key, read_retries=2, backoff_factor=0.01) as client,
        pytest.raises(NetworkError, match="broke before a complete answer"),
    ):
        client.balance()
    assert sandbox.requests_for("balance") == 3 and waits == []


# --- writes: sent once, never retried, unknown when the answer is lost ------------------------


def test_a_lost_answer_to_add_leaves_exactly_one_order(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    balance = sandbox.balance
    sandbox.faults.add("drop_after_accept", action="add", count=1)
    with pytest.raises(UnknownOutcomeError) as caught:
        place(sandbox, client)
    assert isinstance(clean(caught.value, sandbox.key), UnknownOutcomeError)
    assert isinstance(caught.value.cause, NetworkError)
    assert sandbox.requests_for("add") == 1 and sandbox.order_count() == 1
    (order,) = sandbox.orders.values()
    assert sandbox.balance == balance - order.charge  # charged once


@pytest.mark.parametrize("kind", ["html503", "http500", "empty", "truncated"])
def test_an_unreadable_answer_to_add_is_unknown_and_not_retried(
    sandbox: SandboxPanel, client: PanelClient, kind: str
) -> None:
    sandbox.faults.add(kind, action="add")
    with pytest.raises(UnknownOutcomeError, match="check its order list") as caught:
        place(sandbox, client)
    assert isinstance(caught.value.cause, UnreadableAnswerError)
    assert sandbox.requests_for("add") == 1


def test_a_slow_add_is_unknown_not_resent(sandbox: SandboxPanel) -> None:
    sandbox.faults.add("latency", action="add", seconds=3)
    with (
        PanelClient(sandbox.url, sandbox.key, timeout=0.3) as hasty,
        pytest.raises(UnknownOutcomeError, match="did not answer within"),
    ):
        place(sandbox, hasty)
    assert sandbox.requests_for("add") == 1


def test_a_rate_limited_add_was_refused(sandbox: SandboxPanel, client: PanelClient) -> None:
    sandbox.faults.add("rate_limit", action="add", retry_after=7)
    with pytest.raises(RateLimitedError) as caught:
        place(sandbox, client)
    assert caught.value.retry_after == 7
    assert sandbox.requests_for("add") == 1 and sandbox.order_count() == 0


def test_a_lost_cancel_answer_names_the_ids_in_doubt(
    sandbox: SandboxPanel, client: PanelClient
) -> None:
    sandbox.faults.add("drop_after_accept", action="cancel", count=1)
    with pytest.raises(UnknownOutcomeError) as caught:
        client.cancel(range(1, 151))
    error = caught.value
    assert error.partial == () and error.unknown_ids == tuple(range(1, 101))
    assert error.unsent_ids == tuple(range(101, 151)) and sandbox.requests_for("cancel") == 1


# --- redirects: never followed, the key stays home --------------------------------------------


@pytest.mark.parametrize("code", [302, 307, 308])
def test_a_redirect_to_another_server_is_refused(
    sandbox: SandboxPanel, client: PanelClient, code: int
) -> None:
    with SandboxPanel(services=5, key=sandbox.key) as other:
        sandbox.faults.add("redirect", code=code, location=other.url)
        with pytest.raises(UnreadableAnswerError) as caught:
            client.balance()
        assert f"127.0.0.1:{other.port}" in clean(caught.value, sandbox.key).message
        with pytest.raises(UnknownOutcomeError):
            place(sandbox, client)
        assert other.records == []  # the other server never saw a request, let alone the key
    assert sandbox.requests_for("balance") == 1 and sandbox.requests_for("add") == 1


# --- failures before anything is sent ----------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused_is_a_network_error_even_for_add() -> None:
    url = f"http://127.0.0.1:{closed_port()}/api/v2"
    with PanelClient(url, "k3y-never-sent", read_retries=1, backoff_factor=0.01) as offline:
        with pytest.raises(NetworkError, match="Could not connect"):
            offline.balance()
        with pytest.raises(NetworkError) as caught:
            offline.add(1, {"link": LINK, "quantity": 10})
    assert not isinstance(caught.value, UnknownOutcomeError)  # nothing left this machine


def test_tls_certificates_are_always_verified(self_signed_server: tuple[str, list[str]]) -> None:
    url, seen = self_signed_server
    with PanelClient(url, "k3y-never-sent", read_retries=0) as panel:
        with pytest.raises(NetworkError, match="TLS certificate"):
            panel.balance()
        with pytest.raises(NetworkError) as caught:
            panel.add(1, {"link": LINK, "quantity": 10})
    assert not isinstance(caught.value, UnknownOutcomeError) and seen == []


def tls_server(
    cert: tuple[ssl.SSLContext, Path], answer: Callable[[ssl.SSLSocket], None]
) -> Iterator[tuple[str, Path, Callable[[], int]]]:
    """A loopback server with a self-signed certificate (the URL, the certificate's file, how
    many connections it accepted); ``answer`` gets each connection once the handshake
    succeeded."""
    context, cert_file = cert
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    accepted: list[int] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            accepted.append(1)
            raw.settimeout(2)
            try:
                with context.wrap_socket(raw, server_side=True) as conn:
                    answer(conn)
            except (ssl.SSLError, OSError):  # e.g. the client refused the certificate
                raw.close()

    thread = threading.Thread(target=serve)
    thread.start()
    try:
        url = f"https://127.0.0.1:{listener.getsockname()[1]}/api/v2"
        yield url, cert_file, lambda: len(accepted)
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.fixture
def untrusted_tls(
    self_signed_cert: tuple[ssl.SSLContext, Path],
) -> Iterator[tuple[str, Callable[[], int]]]:
    for url, _, accepted in tls_server(self_signed_cert, lambda conn: None):
        yield url, accepted


def _read_request_then_break_tls(conn: ssl.SSLSocket) -> None:
    """Read the whole request, then send a damaged TLS record instead of an answer."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:"))
                 .split(b":")[1])  # fmt: skip
    while len(body) < length:
        body += conn.recv(65536)
    with socket.socket(fileno=os.dup(conn.fileno())) as under:  # beneath TLS
        under.sendall(b"\x17\x03\x03\x00\x20" + b"x" * 32)


def test_an_add_whose_tls_connection_broke_after_it_was_sent_is_unknown_not_refused(
    self_signed_cert: tuple[ssl.SSLContext, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel read the whole order, then the encrypted connection broke: the order may
    exist, so it is an unknown outcome (sent once), not a refusal blamed on the certificate
    that a user would simply place again."""
    for url, cert, connections in tls_server(self_signed_cert, _read_request_then_break_tls):
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))  # this test trusts the certificate
        with PanelClient(url, "k3y-0123456789", backoff_factor=0.01) as panel:
            with pytest.raises(UnknownOutcomeError, match="check its order list") as caught:
                panel.add(1, {"link": LINK, "quantity": 10})
            assert connections() == 1 and "certificate" not in str(caught.value)
            with pytest.raises(
                NetworkError, match=r"secure \(TLS\) connection to 127\.0\.0\.1 broke"
            ):
                panel.balance()


def test_a_certificate_that_cannot_be_verified_is_reported_at_once_not_retried(
    untrusted_tls: tuple[str, Callable[[], int]],
) -> None:
    """Retrying cannot make a certificate trustworthy: with the default 4 read retries the user
    would wait for the same error again and again (0.5 + 1 + 2 + 4 s of backoff)."""
    url, connections = untrusted_tls
    with PanelClient(url, "k3y-never-sent", backoff_factor=0.01) as panel:
        with pytest.raises(NetworkError, match="TLS certificate"):
            panel.balance()
        assert connections() == 1
        with pytest.raises(NetworkError, match="TLS certificate") as caught:
            panel.add(1, {"link": LINK, "quantity": 10})
        assert connections() == 2
    assert not isinstance(caught.value, UnknownOutcomeError)


# --- what the sandbox cannot stage: a tiny raw panel whose answers each test scripts -----------

# (fields, request number) -> body, or (HTTP status, body), or None to drop the connection
Script = Callable[[dict[str, str], int], "bytes | tuple[int, bytes] | None"]


@pytest.fixture
def raw_panel() -> Iterator[Callable[[Script], tuple[str, list[dict[str, str]]]]]:
    """Serve answers from a script; ``None`` from it closes the connection without an answer."""
    servers: list[tuple[ThreadingHTTPServer, threading.Thread]] = []

    def serve(script: Script) -> tuple[str, list[dict[str, str]]]:
        seen: list[dict[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                seen.append(dict(parse_qsl(body.decode())))
                answer = script(seen[-1], len(seen))
                if answer is None:
                    self.close_connection = True
                    return
                status, body = answer if isinstance(answer, tuple) else (200, answer)
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_address[1]}/api/v2", seen

    yield serve
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join()


def cancel_first_batch_only(then: bytes | None) -> Script:
    def script(fields: dict[str, str], number: int) -> bytes | None:
        if number > 1:
            return then
        ids = fields["orders"].split(",")
        return json.dumps([{"order": int(i), "cancel": 1} for i in ids]).encode()

    return script


def test_a_lost_second_batch_keeps_the_first_batchs_results(raw_panel: Any) -> None:
    url, seen = raw_panel(cancel_first_batch_only(then=None))
    with PanelClient(url, "k") as panel, pytest.raises(UnknownOutcomeError) as caught:
        panel.cancel(range(1, 251))
    error = caught.value
    assert error.partial == tuple(CancelResult(i, True) for i in range(1, 101))
    assert error.unknown_ids == tuple(range(101, 201))
    assert error.unsent_ids == tuple(range(201, 251)) and len(seen) == 2


def test_a_refused_second_batch_reports_per_id_and_keeps_the_first(raw_panel: Any) -> None:
    url, seen = raw_panel(cancel_first_batch_only(then=b'{"error": "Incorrect request"}'))
    with PanelClient(url, "k") as panel:
        results = panel.cancel(range(1, 251))
    assert [r.accepted for r in results] == [True] * 100 + [False] * 150
    assert results[100].error == "Not done: Incorrect request" and len(seen) == 2


@pytest.mark.parametrize("key", ["0123456789abcdef0123456789abcdef", "k3y-8chr"])  # 8: the shortest
def test_a_key_echoed_inside_an_answer_is_masked(raw_panel: Any, key: str) -> None:
    echo = {"5": {"error": f"Key {key} is not allowed to see this order"}, "6": {"status": "1"}}
    url, _ = raw_panel(lambda fields, number: json.dumps(echo).encode())
    with PanelClient(url, key) as panel:
        five, six = panel.statuses([5, 6])
    assert five.error == "Key *** is not allowed to see this order"
    assert six.status is not None and six.status.status == "1"


@pytest.mark.parametrize(
    ("status", "text", "kind"),
    [(401, "Invalid API key", InvalidKeyError), (400, "Bad link", PanelError),
     (402, "neworder.error.not_enough_funds", InsufficientFundsError),
     (499, "Bad link", PanelError)],
)  # fmt: skip
def test_an_error_text_under_any_4xx_status_is_the_panels_answer(
    raw_panel: Any, status: int, text: str, kind: type[PanelError]
) -> None:
    """Some clones send {"error": ...} with 4xx: the panel answered, so even an add that got one
    is refused, not of unknown outcome (and it was sent once)."""
    url, seen = raw_panel(lambda fields, number: (status, json.dumps({"error": text}).encode()))
    with PanelClient(url, "k", backoff_factor=0.01) as panel:
        with pytest.raises(PanelError) as caught:
            panel.add(1, {"link": LINK, "quantity": 100})
        assert type(caught.value) is kind and caught.value.http_status == status
        assert len(seen) == 1
        with pytest.raises(kind, match=text):
            panel.balance()


@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_5xx_with_an_error_text_on_add_is_unknown_but_on_a_read_the_panels_answer(
    raw_panel: Any, status: int
) -> None:
    """One open-source panel's catch-all answers 500 {"error": "Internal server error"} after
    the order row was written: on a write, a 5xx decides nothing (sent once, never resent)."""
    body = json.dumps({"error": "Internal server error"}).encode()
    url, seen = raw_panel(lambda fields, number: (status, body))
    with PanelClient(url, "k", backoff_factor=0.01, read_retries=1) as panel:
        with pytest.raises(
            UnknownOutcomeError, match=rf"HTTP {status}.*Internal server error"
        ) as caught:
            panel.add(1, {"link": LINK, "quantity": 100})
        assert isinstance(caught.value.cause, PanelError)
        assert [f["action"] for f in seen] == ["add"]
        with pytest.raises(PanelError, match="Internal server error"):
            panel.balance()


def test_a_bom_and_float_numbers_are_read_exactly(raw_panel: Any) -> None:
    """A UTF-8 BOM before the JSON and float numbers (read exactly, never as binary floats)."""
    body = '\ufeff{"balance": 100.84292, "currency": "TRY"}'.encode()
    url, _ = raw_panel(lambda fields, number: body)
    with PanelClient(url, "k") as panel:
        balance = panel.balance()
    assert balance.amount == Decimal("100.84292") and balance.currency == "TRY"


# --- configuration: refused before any request --------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://smpanel.net/api/v2", "https://smpanel.net/api/v2"),
        (" HTTPS://smpanel.net/api/v3/ ", "https://smpanel.net/api/v3/"),
        ("http://localhost:8765/api/v2", "http://localhost:8765/api/v2"),
        ("http://127.8.9.10/api/v2", "http://127.8.9.10/api/v2"),
        ("http://[::1]:8080/api/v2", "http://[::1]:8080/api/v2"),
    ],
)
def test_valid_endpoints(url: str, expected: str) -> None:
    assert validate_endpoint(url) == expected


@pytest.mark.parametrize(
    "url", ["http://smpanel.net/api/v2", "http://10.0.0.5/api/v2", "http://[::2]/api/v2"]
)
def test_plain_http_to_another_host_is_insecure(url: str) -> None:
    with pytest.raises(InsecureEndpointError, match="https"):
        PanelClient(url, "a-key")


@pytest.mark.parametrize(
    "url",
    ["", "smpanel.net/api/v2", "ftp://smpanel.net/", "https://", "https://exa mple.com/",
     "https://smpanel.net:99999/", "https://exa<mple.com/", "https://me:pw@smpanel.net/",
     "http://[::1", "javascript:x",
     "https://smpanel.net/api/v2?key=f00ba4secret", "f00ba4secret"],
)  # fmt: skip
def test_garbage_endpoints_are_config_errors_that_do_not_echo_them(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        PanelClient(url, "a-key")
    assert not isinstance(caught.value, InsecureEndpointError)
    assert "f00ba4secret" not in str(caught.value)


@pytest.mark.parametrize("key", ["", "   ", "two words", "line\nbreak"])
def test_unusable_keys_are_refused(key: str) -> None:
    with pytest.raises(ConfigError, match="key"):
        PanelClient("https://smpanel.net/api/v2", key)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_read_meeting_a_passing_server_error_is_retried(
    sandbox: SandboxPanel, status: int
) -> None:
    sandbox.faults.add("raw", action="balance", count=1, status=status, body="<h1>Bad Gateway</h1>",
                       content_type="text/html")  # fmt: skip
    with PanelClient(sandbox.url, sandbox.key, backoff_factor=0.01) as client:
        assert client.balance().amount > 0
    assert sandbox.requests_for("balance") == 2


@pytest.mark.parametrize("status", [400, 403, 404, 501])
def test_a_read_meeting_a_lasting_refusal_is_not_retried(
    sandbox: SandboxPanel, status: int
) -> None:
    sandbox.faults.add("raw", action="balance", count=1, status=status, body="<h1>No</h1>",
                       content_type="text/html")  # fmt: skip
    client = PanelClient(sandbox.url, sandbox.key, backoff_factor=0.01)
    with client, pytest.raises(UnreadableAnswerError):
        client.balance()
    assert sandbox.requests_for("balance") == 1


def test_a_read_rate_limited_without_retry_after_is_retried(sandbox: SandboxPanel) -> None:
    sandbox.faults.add("raw", action="balance", count=1, status=429, body={"error": "Slow down"})
    with PanelClient(sandbox.url, sandbox.key, backoff_factor=0.01) as client:
        assert client.balance().amount > 0
    assert sandbox.requests_for("balance") == 2


def test_a_short_key_that_equals_a_number_in_an_answer_leaves_the_number_alone(
    raw_panel: Any,
) -> None:
    """A key under 8 characters (a toy key) is blanked only in texts, as a word of its own: the
    counts of an order that happen to read the same stay counts."""
    key = "1234567"
    answer = {"status": "In progress", "charge": "0.50", "start_count": key, "remains": key,
              "currency": "USD"}  # fmt: skip
    url, _ = raw_panel(lambda fields, number: json.dumps(answer).encode())
    with PanelClient(url, key) as panel:
        status = panel.status(5)
    assert (status.start_count, status.remains, status.status) == (1234567, 1234567, "In progress")


def test_an_answer_nested_too_deep_to_read_is_unreadable_not_a_crash(raw_panel: Any) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    url, _ = raw_panel(lambda fields, number: body)
    with PanelClient(url, "k") as panel, pytest.raises(UnreadableAnswerError) as caught:
        panel.balance()
    assert caught.value.http_status == 200


def test_a_big_answer_is_decoded_without_its_bytes_beside_its_text(raw_panel: Any) -> None:
    """A catalog of 50,000 services is 16 MB of text: its bytes are let go before the JSON is
    decoded, so the answer is held once, not twice, while its records are built."""
    import tracemalloc

    body = json.dumps([{"service": n, "name": "x" * 200, "rate": "1"} for n in range(20_000)])
    answer = body.encode()
    url, _ = raw_panel(lambda fields, number: answer)
    held: list[int] = []

    def hook(item: dict[str, object]) -> object:
        if not held:
            held.append(tracemalloc.get_traced_memory()[0] - before)
        return item

    t = transport.Transport(url, "k3y-8chars")
    try:
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        try:
            records = t.post("services", {}, write=False, object_hook=hook)
        finally:
            tracemalloc.stop()
    finally:
        t.close()
    assert isinstance(records, list) and len(records) == 20_000
    assert len(answer) < held[0] < 1.5 * len(answer)
