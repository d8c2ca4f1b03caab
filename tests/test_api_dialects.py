"""The dialect layer (api/dialects.py): every engine's shapes brought to PerfectPanel's, and what
error texts mean; reads through a real client on a loopback panel for the read path."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.convert import clean_text
from smpanel_desktop.api.dialects import (
    error_text,
    is_browser_check,
    refuses_multi_form,
    service_type,
    type_key,
    unwrap,
)
from smpanel_desktop.api.errors import InvalidKeyError, PanelError, panel_error
from smpanel_desktop.api.models import is_final_order_status, is_final_refill_status


@pytest.mark.parametrize(
    ("payload", "text"),
    [({"error": "Bad link"}, "Bad link"),
     ({"status": "error", "message": "Invalid Interval in minutes"}, "Invalid Interval in minutes"),
     ({"success": False, "message": "Service disabled"}, "Service disabled"),
     ({"data": None, "error": {"code": 3, "message": "Link is not valid"}}, "Link is not valid"),
     ({"status": "fail", "msg": "Nope"}, "Nope")],
)  # fmt: skip
def test_every_error_shape_gives_its_text(payload: object, text: str) -> None:
    assert error_text(payload) == text


@pytest.mark.parametrize(
    "payload",
    [{"order": 5}, {"status": "Error", "charge": "1", "remains": "0"}, {"error": None, "data": []},
     {"error": ""}, {"status": "success", "order": 5}, [1, 2], "text",
     {"status": "Failed", "runs": "2", "orders": [1]}],
)  # fmt: skip
def test_no_error_where_there_is_none(payload: object) -> None:
    assert error_text(payload) is None


@pytest.mark.parametrize(
    ("action", "payload", "plain"),
    [("add", {"status": "success", "order": 9}, {"order": 9}),
     ("balance", {"status": "success", "balance": "1.5", "currency": "USD"},
      {"balance": "1.5", "currency": "USD"}),
     ("services", {"status": "success", "data": "Empty Data"}, []),
     ("services", {"data": [{"service": 1}], "error": None}, [{"service": 1}]),
     ("add", {"success": True, "order": 3}, {"order": 3}),
     ("status", {"status": "success"}, {"status": "success"}),  # an order's own status
     ("status", {"1": {"status": "Pending"}}, {"1": {"status": "Pending"}})],
)  # fmt: skip
def test_wrapped_successes_are_unwrapped(action: str, payload: object, plain: object) -> None:
    assert unwrap(action, payload) == plain


@pytest.mark.parametrize(
    ("raw", "name"),
    [("custom_comments", "Custom Comments"), ("Custom-Comments", "Custom Comments"),
     ("  mentions   WITH hashtags ", "Mentions with Hashtags"), ("seo", "SEO"),
     ("default", "Default"), ("Special", "Special"), ("12", "12")],
)  # fmt: skip
def test_type_names_in_any_spelling(raw: str, name: str) -> None:
    assert service_type(raw) == name
    assert type_key(raw) == type_key(name)


def test_final_statuses_of_every_engine() -> None:
    for status in ("Completed", "Partial", "Canceled", "Cancelled", "Refunded", "Failed", "Fail",
                   "Error", "REJECTED"):  # fmt: skip
        assert is_final_order_status(status), status
    for status in ("Pending", "In progress", "Processing", "Active", "Queued", ""):
        assert not is_final_order_status(status), status
    assert is_final_refill_status("Refunded") and not is_final_refill_status("Awaiting")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("API is Disable for this user or User Not Found! Contact the Support", InvalidKeyError),
     ("Invalid API key", InvalidKeyError), ("Unauthorized", InvalidKeyError),
     ("Incorrect order ID", PanelError), ("User not enough funds", PanelError)],
)  # fmt: skip
def test_what_an_error_text_means(text: str, kind: type[PanelError]) -> None:
    error = panel_error(text)
    assert isinstance(error, kind)
    if kind is PanelError:
        assert not isinstance(error, InvalidKeyError)


@pytest.mark.parametrize(
    ("text", "refused"),
    [("Order ID is required", True), ("Refill ID is required", True), ("Incorrect request", True),
     ("There are missing required parameters. Please check your API Manual", True),
     ("Incorrect order ID", False), ("Refill is disabled for this service", False),
     ("Invalid API key", False), ("The order is not completed", False)],
)  # fmt: skip
def test_only_a_definite_refusal_of_the_multi_form_counts(text: str, refused: bool) -> None:
    assert refuses_multi_form(text) is refused


def test_browser_check_pages_and_entities() -> None:
    assert is_browser_check("<html><head><title>Just a moment...</title>")
    assert is_browser_check('<div id="cf-browser-verification">')
    assert not is_browser_check("<html><head><title>502 Bad Gateway</title>")
    assert clean_text("60&amp;#039;") == "60'"  # JustAnotherPanel double-encodes
    assert clean_text("&amp;amp;amp;amp;amp;amp;lt;") != "<"  # a few rounds, not forever
    assert clean_text("Tom & Jerry &amp; co") == "Tom & Jerry & co"


@pytest.fixture
def answers() -> Iterator[tuple[str, dict[str, object]]]:
    """A loopback panel answering each action from a dict the test fills in."""
    table: dict[str, object] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            action = dict(p.split("=", 1) for p in body.split("&"))["action"]
            data = json.dumps(table[action]).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1", table
    server.shutdown()
    server.server_close()


def test_reads_of_wrapped_answers(answers: tuple[str, dict[str, object]]) -> None:
    url, table = answers
    table["balance"] = {"status": "error", "message": "Account is banned"}
    with PanelClient(url, "k", read_retries=0) as client:
        with pytest.raises(PanelError, match="Account is banned"):  # not "unusable balance"
            client.balance()
        table["balance"] = {"status": "success", "balance": "7.25", "currency": "EUR"}
        assert str(client.balance().amount) == "7.25"
        table["services"] = {"status": "success", "data": "Empty Data"}
        assert client.services().services == ()
        table["status"] = {"status": "In progress", "runs": "4", "orders": [31, "32", "x", 31]}
        drip = client.status(30)
        assert (drip.status, drip.runs, drip.children) == ("In progress", 4, (31, 32))
