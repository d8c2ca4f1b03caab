"""What a panel's answer may and may not make us believe, and what it must never show.

A refusal is never read as an acceptance (a cancel or refill the panel refused is shown refused),
a repeated id keeps its first answer, an answer with nothing usable in it is reported as such;
a key the panel echoes is blanked wherever it appears (texts, keys, lists, a redirect target);
a 4xx is an error whatever its body; ``http://`` only to this machine.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from email.utils import format_datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.endpoint import idna_host, is_loopback, origin_of, validate_endpoint
from smpanel_desktop.api.error_texts import scrub, scrub_values, secret_pattern
from smpanel_desktop.api.errors import (
    ConfigError,
    InsecureEndpointError,
    PanelError,
    RateLimitedError,
    UnknownOutcomeError,
    UnreadableAnswerError,
)
from smpanel_desktop.api.parse import NOT_IN_ANSWER, parse_multi_status
from smpanel_desktop.api.parse_actions import parse_cancels, parse_refill_statuses, parse_refills
from smpanel_desktop.api.retries import retry_after_seconds

# -- refusals are refusals -------------------------------------------------------------------


def test_a_cancel_the_panel_refused_is_not_accepted() -> None:
    payload = [
        {"order": 1, "cancel": 1},
        {"order": 2, "cancel": 1, "error": "Order is already completed"},
        {"order": 3, "cancel": {"error": "Incorrect order ID"}},
        {"order": 4, "cancel": 0},
    ]
    results = parse_cancels(payload, [1, 2, 3, 4, 5])
    assert [(r.order, r.accepted, r.error) for r in results] == [
        (1, True, None),
        (2, False, "Order is already completed"),
        (3, False, "Incorrect order ID"),
        (4, False, None),
        (5, False, NOT_IN_ANSWER),
    ]


def test_a_refused_refill_has_no_refill_id_to_poll() -> None:
    payload = [
        {"order": 1, "refill": 77},
        {"order": 2, "refill": 78, "error": "Refill is not available for this order"},
        {"order": 3, "refill": {"error": "Incorrect order ID"}},
        {"order": 4},
    ]
    results = parse_refills(payload, [1, 2, 3, 4])
    assert [(r.order, r.refill, r.error) for r in results] == [
        (1, 77, None),
        (2, None, "Refill is not available for this order"),
        (3, None, "Incorrect order ID"),
        (4, None, "The panel gave no refill id"),
    ]


def test_a_repeated_id_keeps_its_first_answer() -> None:
    statuses = parse_multi_status(
        [
            {"order": 5, "status": "Completed", "charge": "1.50"},
            {"order": 5, "status": "Pending", "charge": "9.99"},
        ],
        [5],
    )
    (only,) = statuses
    assert only.status is not None
    assert (only.status.status, only.status.charge) == ("Completed", Decimal("1.50"))
    refills = parse_refills([{"order": 5, "refill": 1}, {"order": 5, "refill": 2}], [5])
    assert [r.refill for r in refills] == [1]
    cancels = parse_cancels([{"order": 5, "cancel": 1}, {"order": 5, "cancel": 0}], [5])
    assert [r.accepted for r in cancels] == [True]


@pytest.mark.parametrize(
    "payload",
    [{"data": "maintenance"}, [{"status": "Completed"}], ["Completed"], {"x": {"status": "ok"}}],
)
def test_a_multi_answer_with_no_usable_entry_is_unreadable(payload: object) -> None:
    with pytest.raises(UnreadableAnswerError):
        parse_multi_status(payload, [1, 2])
    with pytest.raises(UnreadableAnswerError):
        parse_refills(payload, [1])
    with pytest.raises(UnreadableAnswerError):
        parse_refill_statuses(payload, [1])


def test_an_empty_multi_answer_mentions_no_id() -> None:
    assert [(r.order, r.error) for r in parse_multi_status([], [1])] == [(1, NOT_IN_ANSWER)]
    assert [(r.order, r.error) for r in parse_multi_status({}, [1])] == [(1, NOT_IN_ANSWER)]


def test_the_refresh_reports_an_answer_without_usable_entries(sandbox: Any) -> None:
    sandbox.faults.add("raw", action="status", body={"note": "try later"})
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(UnreadableAnswerError, match="list of answers"):
        client.statuses([1, 2])


# -- the key is blanked wherever a panel echoes it ------------------------------------------------

KEY = "k3y-0f-10c"  # 10 characters: long enough to blank inside words


def test_a_key_of_eight_or_more_characters_is_blanked_inside_words() -> None:
    pattern = secret_pattern(KEY)
    assert scrub(f"token={KEY}&x", pattern) == "token=***&x"
    assert scrub(f"abc{KEY}def", pattern) == "abc***def"
    eight = secret_pattern("abcd1234")
    assert scrub("xxabcd1234yy", eight) == "xx***yy"
    short = secret_pattern("abc1234")  # 7: only as a word of its own
    assert scrub("xxabc1234yy abc1234", short) == "xxabc1234yy ***"


def test_an_echoed_key_is_blanked_in_keys_values_and_list_items() -> None:
    pattern = secret_pattern(KEY)
    echoed = {f"key_{KEY}": [f"used {KEY}", {"inner": KEY}, 5], "plain": "ok"}
    assert scrub_values(echoed, pattern) == {
        "key_***": ["used ***", {"inner": "***"}, 5],
        "plain": "ok",
    }


def test_a_catalog_echoing_the_key_never_shows_it(sandbox: Any) -> None:
    body = [
        {"service": 1, "name": f"Likes {sandbox.key}", "rate": "1", "category": "A"},
        {"service": 2, "name": "Views", "rate": "2", "category": sandbox.key},
    ]
    sandbox.faults.add("raw", action="services", body=body)
    with PanelClient(sandbox.url, sandbox.key, read_retries=0) as client:
        catalog = client.services()
    shown = [(s.name, s.category) for s in catalog.services]
    assert shown == [("Likes ***", "A"), ("Views", "***")]


def test_a_redirect_holding_the_key_in_its_path_is_shown_without_it(sandbox: Any) -> None:
    origin = sandbox.url.split("/api")[0]
    sandbox.faults.add("redirect", action="balance", location=f"{origin}/moved/{sandbox.key}/v2")
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(UnreadableAnswerError) as caught:
        client.balance()
    text = str(caught.value) + caught.value.excerpt
    assert sandbox.key not in text
    assert f"{origin}/moved/***/v2" in text  # the same panel, another path: shown, key blanked


# -- a 4xx is an error, whatever its body ---------------------------------------------------------


@pytest.mark.parametrize("status", [400, 403, 404, 451])
def test_a_4xx_with_a_json_body_is_no_answer(sandbox: Any, status: int) -> None:
    sandbox.faults.add("raw", action="services", status=status, body=[])
    sandbox.faults.add("raw", action="balance", status=status, body={"balance": "5.00"})
    with PanelClient(sandbox.url, sandbox.key, read_retries=0) as client:
        with pytest.raises(UnreadableAnswerError) as caught:
            client.services()  # an empty catalog here would empty the user's cache
        assert caught.value.http_status == status
        with pytest.raises(UnreadableAnswerError):
            client.balance()


# -- plain http only to this machine ----------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["evillocalhost", "localhost.evil.com", "mylocalhost.", "127.0.0.1.nip.io", "local"]
)
def test_http_to_a_name_merely_like_localhost_is_refused(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(InsecureEndpointError):
        validate_endpoint(f"http://{host}/api/v2")


@pytest.mark.parametrize("host", ["localhost", "localhost.", "127.0.0.1", "127.8.9.1", "::1"])
def test_http_to_this_machine_is_allowed(host: str) -> None:
    assert is_loopback(host)
    shown = f"[{host}]" if ":" in host else host
    assert validate_endpoint(f"http://{shown}:8080/api/v2") == f"http://{shown}:8080/api/v2"


@pytest.mark.parametrize(
    "url", ["https://user:pw@x.com/api/v2", "https://:secret@x.com/api/v2", "https://u@x.com/v2"]
)
def test_an_endpoint_with_a_user_or_password_is_refused(url: str) -> None:
    with pytest.raises(ConfigError, match="user name or password") as caught:
        validate_endpoint(url)
    assert "secret" not in str(caught.value) and "pw" not in str(caught.value)


@pytest.mark.parametrize(
    ("location", "origin"),
    [("https://elsewhere.example/a/b?c=1", "https://elsewhere.example"),
     ("http://1.example/a/b", "http://1.example")],  # sorts before the panel's own origin
)  # fmt: skip
def test_a_redirect_elsewhere_names_only_the_other_origin(
    sandbox: Any, location: str, origin: str
) -> None:
    sandbox.faults.add("redirect", action="balance", location=location)
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(UnreadableAnswerError) as caught:
        client.balance()
    assert f"redirected the request to {origin};" in str(caught.value)
    assert "/a/b" not in str(caught.value)


def test_a_300_answer_is_a_redirect_not_the_panels_data(sandbox: Any) -> None:
    """300 Multiple Choices points elsewhere like any 3xx: its body is no answer of the panel's."""
    sandbox.faults.add(
        "raw", action="add", status=300, body={"order": 777},
        headers={"Location": "https://mirror.example/api/v2"},
    )  # fmt: skip
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(UnknownOutcomeError, match="redirected the request to") as caught:
        client.add(1, {"link": "https://x.com/p/1", "quantity": "100"})
    assert "https://mirror.example" in str(caught.value) and "777" not in str(caught.value)


# -- how long the panel asks us to wait ------------------------------------------------------


def test_retry_after_in_the_past_or_negative_means_now() -> None:
    assert retry_after_seconds("-5") == 0.0
    assert retry_after_seconds(" 7 ") == 7.0
    past = format_datetime(datetime.now(timezone.utc) - timedelta(hours=1), usegmt=True)
    assert retry_after_seconds(past) == 0.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds("") is None


def test_a_refused_order_says_when_to_try_again(sandbox: Any) -> None:
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    sandbox.faults.add(
        "raw", action="add", status=429, body={"error": "Too many requests"},
        headers={"Retry-After": when},
    )  # fmt: skip
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(RateLimitedError) as caught:
        client.add(1, {"link": "https://x.com/p/1", "quantity": "10"})
    assert caught.value.retry_after is not None and 25 < caught.value.retry_after <= 30
    assert "Too many requests" in str(caught.value) and sandbox.requests_for("add") == 1


@pytest.mark.parametrize(
    ("location", "named"),
    [
        ("http://other.example:80/x", "http://other.example"),
        ("https://other.example:443/x", "https://other.example"),
        ("https://other.example:80/x", "https://other.example:80"),
        ("http://other.example:443/x", "http://other.example:443"),
        ("https://other.example:8443/x", "https://other.example:8443"),
        ("https://other.example/x", "https://other.example"),
    ],
)
def test_a_redirect_target_is_named_as_a_user_would_type_it(location: str, named: str) -> None:
    assert origin_of(location, "https://panel.example/api/v2") == named


@pytest.mark.parametrize("key", ["k" * 8, "0123456789ab", "x" * 40])
def test_an_endpoint_holding_the_key_is_refused(key: str) -> None:
    with pytest.raises(ConfigError, match="must not contain the API key") as caught:
        validate_endpoint(f"https://panel.example/api/v2/{key}", key)
    assert key not in str(caught.value)


@pytest.mark.parametrize("key", ["8443", "example"])  # up to 7 characters
def test_a_short_key_may_appear_in_an_endpoint_by_chance(key: str) -> None:
    assert validate_endpoint("https://panel.example:8443/api/v2", key) == (
        "https://panel.example:8443/api/v2"
    )


@pytest.mark.parametrize(
    "url", ["https:///api/v2", "https://x.com:99999/api/v2", "https://x.com:port/api", "x.com/api"]
)
def test_no_usable_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError):
        validate_endpoint(url)


def test_a_relative_redirect_names_the_panel_itself() -> None:
    assert origin_of("/moved/here", "https://panel.example:8443/api/v2") == (
        "https://panel.example:8443"
    )
    assert origin_of("http://x.example:99999/", "https://panel.example/") == "an unreadable address"


def test_an_internationalized_panel_name_is_a_valid_endpoint() -> None:
    assert validate_endpoint("https://пример.рф/api/v2") == "https://пример.рф/api/v2"
    assert validate_endpoint("http://[::1]:8080/api/v2") == "http://[::1]:8080/api/v2"


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/api v2",
        "https://x.com/api\x00",
        "https://x.com/api\u200b\x7f",
        f"https://{'a' * 64}.com/api/v2",  # a label longer than DNS allows
        "",
    ],
)
def test_an_endpoint_with_spaces_controls_or_an_impossible_host_is_refused(url: str) -> None:
    with pytest.raises(ConfigError):
        validate_endpoint(url)


@pytest.mark.parametrize("host", ["a..com", ".x.com", f"{'b' * 64}", "x." + "c" * 64])
def test_an_ascii_host_with_an_empty_or_too_long_label_is_refused(host: str) -> None:
    with pytest.raises(ConfigError, match="not a URL"):
        validate_endpoint(f"https://{host}/api/v2")


@given(
    st.lists(
        st.one_of(st.text("ab-9_", max_size=70), st.sampled_from(["", "x" * 63, "y" * 64])),
        min_size=1,
        max_size=5,
    ).map(".".join)
)
def test_an_ascii_host_is_checked_as_the_idna_codec_checks_it(host: str) -> None:
    """``idna_host`` spares loading the codec for an ASCII host: same result, same refusals."""
    try:
        expected: str | None = host.encode("idna").decode("ascii")
    except UnicodeError:
        expected = None
    try:
        got: str | None = idna_host(host)
    except UnicodeError:
        got = None
    assert got == expected


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("add", {"order": "abc"}),
        ("add", {"order": 0}),
        ("refill", {"refill": [1]}),
        ("refill", {"refill": None}),
        ("refill", {"status": "ok"}),
    ],
)
def test_a_write_whose_answer_cannot_be_read_may_have_been_done(
    sandbox: Any, action: str, body: object
) -> None:
    (order,) = sandbox.place_orders(1)
    sandbox.faults.add("raw", action=action, body=body, process=True)
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(UnknownOutcomeError, match="may have acted on it") as caught:
        if action == "add":
            client.add(1, {"link": "https://x.com/p/1", "quantity": "100"})
        else:
            client.refill(order)
    assert isinstance(caught.value.cause, UnreadableAnswerError)
    assert sandbox.requests_for(action) == 1  # sent once, never again


@pytest.mark.parametrize("key", ["abc\x07defghijk", "abcdefgh\u200bijk", "key\x7fdefghij"])
def test_a_key_with_invisible_characters_is_refused_before_sending(sandbox: Any, key: str) -> None:
    with pytest.raises(ConfigError, match="paste it again"):
        PanelClient(sandbox.url, key)
    assert sandbox.request_log == []


@pytest.mark.parametrize("value", [2, -1, "2", "maybe", 0.5])
def test_a_cancel_answer_that_is_no_yes_or_no_is_not_an_acceptance(value: object) -> None:
    (result,) = parse_cancels([{"order": 1, "cancel": value}], [1])
    assert (result.accepted, result.error) == (False, "The panel gave no answer for this order")


def test_a_single_status_answer_is_read_before_a_nested_one() -> None:
    from smpanel_desktop.api.parse import parse_status

    both = {"status": "Pending", "charge": "1", "5": {"status": "Completed"}}
    assert parse_status(both, 5).status == "Pending"
    assert parse_status({"5": {"status": "Completed"}}, 5).status == "Completed"


def test_a_huge_panel_error_text_is_cut_to_a_sentence(sandbox: Any) -> None:
    sandbox.faults.add("raw", action="balance", body={"error": "Service unavailable " * 50_000})
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(PanelError) as caught:
        client.balance()
    text = str(caught.value)
    assert len(text) == 500 and text.startswith("Service unavailable") and text.endswith("…")


def test_one_unreadable_refill_status_spoils_no_other() -> None:
    results = parse_refill_statuses(
        [{"refill": 1, "status": None}, {"refill": 2, "status": "Completed"}], [1, 2]
    )
    assert [(r.refill, r.status) for r in results] == [(1, None), (2, "Completed")]
    assert results[0].error and "refill status" in results[0].error


def test_the_smallest_ids_are_ids() -> None:
    from smpanel_desktop.api.parse import parse_order_id, parse_service

    assert parse_order_id({"order": 1}) == 1 and parse_order_id({"order": "1"}) == 1
    assert parse_service({"service": 0, "rate": "1"}).id == 0  # only negative ids are refused


def test_a_field_that_cannot_be_encoded_is_refused_before_sending(sandbox: Any) -> None:
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(ConfigError, match="'link' holds characters that cannot be sent"):
        client.add(1, {"link": "https://x.com/p/\ud800", "quantity": "100"})
    assert sandbox.request_log == []


def test_a_write_met_by_a_bare_429_page_was_not_placed(sandbox: Any) -> None:
    """A 429 refuses the request before it is acted on (docs/protocol.md, "Writes"): the order
    was not placed, even when the page says nothing more; the sandbox created nothing."""
    sandbox.faults.add(
        "raw", action="add", status=429, body="<h1>Too Many Requests</h1>", content_type="text/html"
    )
    client = PanelClient(sandbox.url, sandbox.key, read_retries=0)
    with client, pytest.raises(RateLimitedError) as caught:
        client.add(1, {"link": "https://x.com/p/1", "quantity": "100"})
    assert not isinstance(caught.value, UnknownOutcomeError)
    assert sandbox.order_count() == 0


@pytest.mark.parametrize(
    ("body", "status", "said"),
    [
        ("<title>Down for maintenance</title><p>…", 503, "web page instead of data (HTTP 503: "
         "Down for maintenance)"),
        ('{"orders": [1, 2', 200, "cut off or malformed (HTTP 200)"),
        ('{"orders": [1, 2', 500, "not readable data (HTTP 500)"),
        ("   ", 502, "an empty answer (HTTP 502)"),
    ],
)  # fmt: skip
def test_an_unreadable_answer_is_described_as_it_looks(body: str, status: int, said: str) -> None:
    from smpanel_desktop.api.error_texts import describe_unreadable

    assert said in describe_unreadable(body, status)


def test_an_untranslated_panel_message_key_is_shown_in_words() -> None:
    from smpanel_desktop.api.error_texts import panel_text

    assert panel_text("neworder.error.not_enough_funds", "") == (
        "Not enough funds (neworder.error.not_enough_funds)"
    )
    assert panel_text("Not enough funds.", "") == "Not enough funds."
    assert panel_text(None, "The panel reported an error") == "The panel reported an error"


def test_bad_or_repeated_service_records_skip_only_themselves() -> None:
    from smpanel_desktop.api.parse import parse_catalog

    records = [
        {"service": 1, "rate": "1", "name": "first"},
        {"service": "x", "rate": "1", "name": "no id"},
        {"service": 1, "rate": "2", "name": "again"},
        {"service": 2, "rate": "1", "name": "second"},
        {"service": 2, "rate": "1", "name": "again"},
        {"service": 3, "rate": "1", "name": "third"},
    ]
    catalog = parse_catalog(records)
    assert [(s.id, s.name) for s in catalog.services] == [(1, "first"), (2, "second"), (3, "third")]
    assert catalog.skipped == 3


def test_refill_statuses_say_which_refill_the_panel_did_not_mention() -> None:
    answer = [
        {"refill": 1, "status": "Completed"},
        {"refill": 3, "status": {"error": "Refill not found"}},
        {"refill": 4, "error": "Refill not found"},
    ]
    results = parse_refill_statuses(answer, [1, 2, 3, 4])
    assert [(r.refill, r.status, r.error) for r in results] == [
        (1, "Completed", None),
        (2, None, NOT_IN_ANSWER),
        (3, None, "Refill not found"),
        (4, None, "Refill not found"),
    ]


def test_a_status_entry_that_is_only_text_is_shown_as_the_panels_words() -> None:
    results = parse_multi_status({"5": "Order is hidden", "6": "", "7": 42}, [5, 6, 7])
    assert [(r.order, r.error) for r in results] == [
        (5, "Order is hidden"),
        (6, NOT_IN_ANSWER),
        (7, "42"),
    ]


@pytest.mark.parametrize("bad", [0, -1, "-23501"])
def test_an_add_answer_with_no_positive_id_is_unusable(bad: object) -> None:
    from smpanel_desktop.api.parse import parse_order_id

    with pytest.raises(UnreadableAnswerError, match="order id"):
        parse_order_id({"order": bad})
