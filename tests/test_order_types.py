"""The declared table of service types: what the form shows, what it accepts, what it sends."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.dialects import SERVICE_TYPES
from smpanel_desktop.api.models import UNLIMITED, Service
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.core.orders.fields import (
    FIELDS_BY_TYPE,
    LINK_HELP,
    InvalidOrderError,
    canonical_type,
    fields_for,
)
from smpanel_desktop.core.orders.params import build_params, estimate_cost, total_quantity
from smpanel_desktop.core.orders.validation import extra_fields, extras_note, validate

API_TYPES = [
    "Default",
    "Package",
    "Custom Comments",
    "Custom Comments Package",
    "Mentions",
    "Mentions with Hashtags",
    "Mentions Custom List",
    "Mentions Hashtag",
    "Mentions User Followers",
    "Mentions Media Likers",
    "Comment Likes",
    "Comment Replies",
    "Poll",
    "Invites from Groups",
    "SEO",
    "Subscriptions",
    "Web Traffic",
]

# One valid set of values per type (what a careful user would type).
GOOD: dict[str, dict[str, str]] = {
    "Default": {"link": "https://instagram.com/p/xyz", "quantity": "100"},
    "Package": {"link": "t.me/channel"},
    "Custom Comments": {"link": "https://youtu.be/abc", "comments": "nice\n\n  great \r\nwow"},
    "Custom Comments Package": {"link": "instagram.com/p/1", "comments": "one\ntwo"},
    "Mentions": {"link": "instagram.com/p/1", "quantity": "100", "usernames": "a\nb"},
    "Mentions with Hashtags": {
        "link": "instagram.com/p/1",
        "quantity": "100",
        "usernames": "a\nb",
        "hashtags": "#x\n#y",
    },
    "Mentions Custom List": {"link": "instagram.com/p/1", "usernames": "a\nb\nc"},
    "Mentions Hashtag": {"link": "instagram.com/p/1", "quantity": "100", "hashtag": "#cats"},
    "Mentions User Followers": {"link": "instagram.com/p/1", "quantity": "100", "username": "nasa"},
    "Mentions Media Likers": {
        "link": "instagram.com/p/1",
        "quantity": "100",
        "media": "https://instagram.com/p/2",
    },
    "Comment Likes": {"link": "instagram.com/p/1", "quantity": "100", "username": "bob"},
    "Comment Replies": {"link": "instagram.com/p/1", "username": "bob", "comments": "hi\nyo"},
    "Poll": {"link": "https://t.me/c/5", "quantity": "100", "answer_number": "2"},
    "Invites from Groups": {"link": "t.me/g", "quantity": "100", "groups": "t.me/a\nt.me/b"},
    "SEO": {"link": "https://example.com/page", "quantity": "100", "keywords": "buy\nsell"},
    "Subscriptions": {
        "username": "natgeo",
        "min": "100",
        "max": "200",
        "posts": "5",
        "old_posts": "0",
        "delay": "30",
        "expiry": "2099-12-31",
    },
    "Web Traffic": {
        "link": "https://example.com",
        "quantity": "100",
        "country": "US",
        "device": "2",
        "type_of_traffic": "1",
        "google_keyword": "shoes",
        "referring_url": "https://google.com",
    },
}


def service(type_: str, *, lo: int = 1, hi: int = 10_000, drip: bool = False) -> Service:
    return Service(7, "svc", type_, "cat", Decimal("0.90"), lo, hi, dripfeed=drip)


def test_every_type_of_the_reference_is_declared() -> None:
    assert set(FIELDS_BY_TYPE) == set(API_TYPES)
    for type_ in API_TYPES:
        assert validate(service(type_), GOOD[type_]) == [], type_
        params = build_params(service(type_), GOOD[type_])
        assert set(params) == {k for k, v in GOOD[type_].items() if v}


@pytest.mark.parametrize("spelling", ["default", "  DEFAULT ", "custom   comments", "Seo"])
def test_type_lookup_ignores_case_and_spacing(spelling: str) -> None:
    assert canonical_type(spelling) is not None
    assert fields_for(spelling) != fields_for("Special")


def test_unknown_type_gets_the_generic_form_with_free_extra_fields() -> None:
    special = service("Special")
    assert [f.name for f in fields_for(special)] == ["link", "quantity"]
    values = {"link": "https://x.com/a", "quantity": "10", "country": "DE", "note": "a\nb"}
    assert build_params(special, values) == {
        "link": "https://x.com/a",
        "quantity": "10",
        "country": "DE",
        "note": "a\nb",
    }
    problems = validate(special, {**values, "key": "sneaky", "bad name": "x"})
    assert {p.field for p in problems} == {"key", "bad name"}


def test_a_misspelt_field_is_sent_as_an_extra_but_the_known_ones_are_still_checked() -> None:
    problems = validate(service("Custom Comments"), {"link": "x.com/a", "comment": "hi"})
    assert [p.field for p in problems] == ["comments"]  # the real field is still required


def test_an_extra_field_on_a_known_type_is_sent_with_a_note() -> None:
    """SmartPanel's Package requires quantity: ``--field quantity=1`` must go out."""
    package = service("Package")
    values = {"link": "t.me/channel", "quantity": "1"}
    assert validate(package, values) == []
    assert build_params(package, values) == {"link": "t.me/channel", "quantity": "1"}
    assert extra_fields(package, values) == ["quantity"]
    note = extras_note(package, ["quantity"])
    assert "Package" in note and "quantity" in note and "link" in note
    assert extra_fields(package, {"link": "t.me/channel"}) == []
    assert {p.field for p in validate(package, {**values, "key": "k", "bad name": "x"})} == {
        "key",
        "bad name",
    }


@pytest.mark.parametrize(
    ("spelling", "table_name"),
    [("custom_comments", "Custom Comments"), ("comment_likes", "Comment Likes"),
     ("mentions_with_hashtags", "Mentions with Hashtags"), ("Custom-Comments-Package",
     "Custom Comments Package"), ("default", "Default"), ("package", "Package"),
     ("SUBSCRIPTIONS", "Subscriptions"), ("web_traffic", "Web Traffic")],
)  # fmt: skip
def test_snake_case_and_dashed_types_get_their_own_form(spelling: str, table_name: str) -> None:
    assert canonical_type(spelling) == table_name
    assert fields_for(spelling) == fields_for(table_name)


def test_snake_case_custom_comments_take_no_quantity_and_comment_likes_ask_the_owner() -> None:
    comments = service("custom_comments")
    assert validate(comments, {"link": "x.com/a", "comments": "a\nb\nc"}) == []
    likes = service("comment_likes")
    assert [p.field for p in validate(likes, {"link": "x.com/a", "quantity": "100"})] == [
        "username"
    ]


def test_the_table_holds_every_type_of_the_protocol() -> None:
    assert list(FIELDS_BY_TYPE) == list(SERVICE_TYPES)


def test_dripfeed_only_where_the_service_allows_it() -> None:
    values = {"link": "x.com/a", "quantity": "100", "runs": "3", "interval": "10"}
    assert [p.field for p in validate(service("Default"), values)] == ["runs", "interval"]
    drip = service("Default", drip=True)
    assert "runs" not in [f.name for f in fields_for(service("Default"))]
    assert "runs" in [f.name for f in fields_for(drip)]
    assert validate(drip, values) == []
    assert total_quantity(drip, values) == 300
    assert estimate_cost(drip, values) == Decimal("0.27")
    assert [p.field for p in validate(drip, {**values, "interval": ""})] == ["interval"]
    assert [p.field for p in validate(drip, {**values, "runs": "1"})] == ["runs"]


def test_quantity_within_min_and_max_and_unlimited() -> None:
    svc = service("Default", lo=50, hi=1000)
    assert validate(svc, {"link": "x.com/a", "quantity": "49"})[0].message == "At least 50"
    assert validate(svc, {"link": "x.com/a", "quantity": "1001"})[0].message == "At most 1000"
    unlimited = service("Default", lo=50, hi=UNLIMITED)
    assert validate(unlimited, {"link": "x.com/a", "quantity": "2000000000"}) == []
    assert validate(unlimited, {"link": "x.com/a", "quantity": "99999999999"})


@pytest.mark.parametrize("quantity", ["-5", "1.5", "1e3", "1_000", "١٢٣", "10 0", "ten"])
def test_quantity_must_be_plain_digits(quantity: str) -> None:
    problems = validate(service("Default"), {"link": "x.com/a", "quantity": quantity})
    assert [p.field for p in problems] == ["quantity"]


@pytest.mark.parametrize(
    "link",
    [
        "https://instagram.com/p/xyz",
        "instagram.com/p/xyz",
        "t.me/channel",
        "@some.user_1",
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1",
        "https://vm.tiktok.com/ZMabc/",
        "пример.рф/страница".replace("рф", "xn--p1ai"),
        "münchen.de/x",
    ],
)
def test_real_links_are_accepted(link: str) -> None:
    assert validate(service("Default"), {"link": link, "quantity": "10"}) == []


@pytest.mark.parametrize(
    "link",
    [
        "hello",
        "insta gram.com/p/x",
        "https://x.com/a\nhttps://y.com",
        "javascript:alert(1)",
        "ftp://files.example.com/a",
        "https://",
        "@",
        "@bad name",
        "https://localhost/x",
        "пример.рф/страница",
        "x" * 3000 + ".com",
    ],
)
def test_implausible_links_are_rejected(link: str) -> None:
    assert [p.field for p in validate(service("Default"), {"link": link, "quantity": "10"})] == [
        "link"
    ]


def test_comments_count_is_the_quantity_and_is_bounded() -> None:
    svc = service("Custom Comments", lo=2, hi=3)
    assert total_quantity(svc, {"comments": "a\n\n b \n"}) == 2
    assert estimate_cost(svc, {"comments": "a\nb"}) == Decimal("0.0018")
    assert validate(svc, {"link": "x.com/a", "comments": "one"})[0].field == "comments"
    assert validate(svc, {"link": "x.com/a", "comments": "1\n2\n3\n4"})[0].field == "comments"
    assert validate(svc, {"link": "x.com/a", "comments": " \n \r\n"})[0].field == "comments"
    assert build_params(svc, {"link": "x.com/a", "comments": " a \r\n\r\nb "})["comments"] == "a\nb"


def test_subscriptions_rules_and_expiry_format() -> None:
    svc = service("Subscriptions", lo=10, hi=500)
    values = dict(GOOD["Subscriptions"])
    assert build_params(svc, values)["expiry"] == "31/12/2099"
    assert build_params(svc, {**values, "expiry": "01/02/2099"})["expiry"] == "01/02/2099"
    fields = lambda v: {p.field for p in validate(svc, v, today=dt.date(2026, 1, 1))}  # noqa: E731
    assert fields({**values, "min": "300", "max": "200"}) == {"max"}
    assert fields({**values, "delay": "7"}) == {"delay"}
    assert fields({**values, "expiry": "31/02/2099"}) == {"expiry"}
    assert fields({**values, "expiry": "01/01/2020"}) == {"expiry"}
    assert fields({**values, "max": "600"}) == {"max"}
    assert fields({**values, "username": "two words"}) == {"username"}
    assert total_quantity(svc, values) is None and estimate_cost(svc, values) is None


def test_package_costs_its_rate() -> None:
    pkg = Service(3800, "Story views", "Package", "c", Decimal("84.00"), 1, 1)
    assert total_quantity(pkg, GOOD["Package"]) == 1
    assert estimate_cost(pkg, GOOD["Package"]) == Decimal("84.00")


def test_build_params_refuses_invalid_values() -> None:
    with pytest.raises(InvalidOrderError) as caught:
        build_params(service("Default"), {"link": "", "quantity": "abc"})
    assert {p.field for p in caught.value.problems} == {"link", "quantity"}


def test_web_traffic_extras_are_optional_and_bounded() -> None:
    svc = service("Web Traffic")
    assert validate(svc, {"link": "example.com", "quantity": "100"}) == []
    problems = validate(svc, {**GOOD["Web Traffic"], "device": "6", "type_of_traffic": "0"})
    assert {p.field for p in problems} == {"device", "type_of_traffic"}


# --- whatever a user types: problems, or parameters a panel would accept --------------------

TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "100", "0", "-1", "2147483648", "a\nb", "x.com/a", "@u", "30"]),
    st.from_regex(r"[0-9]{1,12}", fullmatch=True),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    type_=st.sampled_from([*API_TYPES, "Special"]),
    drip=st.booleans(),
    data=st.data(),
)
def test_any_input_gives_problems_or_clean_params(
    type_: str, drip: bool, data: st.DataObject
) -> None:
    svc = service(type_, lo=10, hi=5000, drip=drip)
    names = [f.name for f in fields_for(type_)] + ["extra"]
    values = {
        name: data.draw(st.one_of(TEXT, st.just(GOOD.get(type_, {}).get(name, ""))))
        for name in names
    }
    problems = validate(svc, values)
    if problems:
        with pytest.raises(InvalidOrderError):
            build_params(svc, values)
        return
    params = build_params(svc, values)
    specs = {f.name: f for f in fields_for(svc)}
    for name, value in params.items():
        assert value == value.strip() and value, name
        spec = specs.get(name)
        if spec is None or spec.kind != "lines":
            assert "\r" not in value
        if spec is not None and spec.kind in ("link", "url", "int", "text", "choice", "date"):
            assert "\n" not in value and "\r" not in value
        if spec is not None and spec.kind == "int":
            assert re.fullmatch(r"[0-9]+", value) and int(value) <= UNLIMITED
    if "quantity" in params:
        assert 10 <= int(params["quantity"]) <= 5000
    for spec in fields_for(svc):
        if spec.required and not spec.dripfeed:
            assert spec.name in params


@pytest.fixture(scope="module")
def live() -> Iterator[tuple[Any, PanelClient]]:
    """One sandbox for the whole module (hypothesis re-runs the test body many times)."""
    from smpanel_desktop.sandbox.server import SandboxPanel

    with SandboxPanel(services=300, seed=7, balance=Decimal(10**12)) as panel:
        client = PanelClient(panel.url, panel.key, read_retries=0)
        try:
            yield panel, client
        finally:
            client.close()


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(type_=st.sampled_from([*API_TYPES, "Special"]), data=st.data())
def test_what_validates_is_accepted_by_the_sandbox(
    live: tuple[Any, PanelClient], type_: str, data: st.DataObject
) -> None:
    panel, client = live
    svc = parse_service(panel.find_service(type_))
    good = GOOD.get(type_, GOOD["Default"])
    values = {}
    for spec in fields_for(svc):
        fallback = good.get(spec.name, "")
        if spec.name == "quantity" or (type_ == "Subscriptions" and spec.name in ("min", "max")):
            fallback = str(svc.min)
        if spec.kind == "lines" and type_ in ("Custom Comments", "Mentions Custom List"):
            fallback = "\n".join(f"line {i}" for i in range(svc.min))
        garbage = data.draw(st.integers(0, 3), label=f"{spec.name} garbled") == 0
        values[spec.name] = data.draw(TEXT, label=spec.name) if garbage else fallback
    if validate(svc, values):
        return
    before = panel.order_count()
    order = client.add(svc.id, build_params(svc, values))  # a PanelError fails the test
    assert order in panel.orders and panel.order_count() == before + 1


# --- single values: the bounds a panel enforces, the characters that break a request --------


def _link_problem(link: str, type_: str = "Default") -> str | None:
    values = {**GOOD[type_], "link": link}
    problems = [p.message for p in validate(service(type_), values) if p.field == "link"]
    return problems[0] if problems else None


@pytest.mark.parametrize("port", ["1", "443", "8080", "65535"])
def test_a_link_with_a_real_port_is_accepted(port: str) -> None:
    assert _link_problem(f"https://shop.example.com:{port}/p/1") is None
    assert _link_problem(f"example.com:{port}/p/1") is None


@pytest.mark.parametrize("port", ["0", "65536", "70000", "http", ""])
def test_a_link_with_an_impossible_port_is_refused(port: str) -> None:
    assert (
        _link_problem(f"https://shop.example.com:{port}/p/1")
        == f"Not a link. Expected: {LINK_HELP}"
    )


def test_a_host_name_of_up_to_253_characters_is_a_host() -> None:
    def host(first: int) -> str:
        return ".".join(["a" * first, "b" * 61, "c" * 62, "d" * 62, "com"])

    assert len(host(61)) == 253
    assert _link_problem(f"https://{host(61)}/p") is None
    assert _link_problem(f"https://{host(62)}/p") is not None  # 254: no DNS name is that long


def test_a_link_is_judged_by_its_last_label() -> None:
    assert _link_problem("https://cdn2.site1.com/x") is None  # digits inside: fine
    assert _link_problem("https://site.com.123/x") is not None  # no such top-level domain


def test_a_link_of_2000_characters_is_accepted_and_a_longer_one_is_too_long() -> None:
    base = "https://example.com/"
    assert _link_problem(base + "a" * (2000 - len(base))) is None
    assert _link_problem(base + "a" * (2001 - len(base))) == "Too long (at most 2000 characters)"


@pytest.mark.parametrize("link", ["https://x.com/a b", "x.com/a\tb", "https://x.com/\u3000a"])
def test_a_link_with_a_space_anywhere_is_refused_saying_so(link: str) -> None:
    message = _link_problem(link)
    assert message is not None and message.startswith("Not a link: no spaces or line breaks")


def test_a_bad_url_field_asks_for_a_url_and_a_bad_link_also_offers_a_username() -> None:
    values = {**GOOD["Mentions Media Likers"], "link": "nowhere", "media": "@someone"}
    problems = {p.field: p.message for p in validate(service("Mentions Media Likers"), values)}
    assert problems == {
        "link": "Not a link. Expected: A link (https://…, instagram.com/p/…, t.me/…) or @username",
        "media": "Not a link. Expected: A URL (https://…) or a domain with a path",
    }


@pytest.mark.parametrize("ch", ["\x00", "\t", "\x1f", "\x7f", "\x85", "\x9f", "\u2028", "\ufeff"])
def test_control_characters_are_refused_in_text_and_in_lines(ch: str) -> None:
    svc = service("Comment Replies")
    text = {**GOOD["Comment Replies"], "username": f"bo{ch}b"}
    assert [(p.field, p.message) for p in validate(svc, text)] == [
        ("username", "Contains control characters")
    ]
    lines = {**GOOD["Comment Replies"], "comments": f"hi\nyo{ch}u\nthird"}
    assert [(p.field, p.message) for p in validate(svc, lines)] == [
        ("comments", "Contains control characters")
    ]


def test_printable_non_ascii_text_is_accepted() -> None:
    svc = service("Comment Replies")
    values = {**GOOD["Comment Replies"], "username": "ñandú_\xa0", "comments": "¡olé!\n\xa0€ 5"}
    assert validate(svc, values) == []


def test_a_line_break_in_a_one_line_field_asks_for_a_single_line() -> None:
    svc = service("Web Traffic")
    for text in ("shoes\nboots", "shoes\rboots"):
        problems = validate(svc, {**GOOD["Web Traffic"], "google_keyword": text})
        assert [(p.field, p.message) for p in problems] == [
            ("google_keyword", "A single line, please")
        ]


def test_text_and_lines_up_to_their_limit_are_accepted_and_longer_are_too_long() -> None:
    svc = service("Comment Replies")
    assert validate(svc, {**GOOD["Comment Replies"], "username": "u" * 200}) == []
    assert [
        p.message for p in validate(svc, {**GOOD["Comment Replies"], "username": "u" * 201})
    ] == ["Too long (at most 200 characters)"]
    line = "x" * 99 + "\n"  # 100 characters a line, 1,000 lines
    comments = (line * 1000)[:-1] + "x"
    assert len(comments) == 100_000
    assert validate(svc, {**GOOD["Comment Replies"], "comments": comments}) == []
    assert [
        p.message for p in validate(svc, {**GOOD["Comment Replies"], "comments": comments + "y"})
    ] == ["Too long (at most 100000 characters)"]


def test_an_extra_field_of_up_to_10000_characters_is_sent() -> None:
    special = service("Special")
    values = {"link": "https://x.com/a", "quantity": "10", "note": "n" * 10_000}
    assert validate(special, values) == []
    assert [p.message for p in validate(special, {**values, "note": "n" * 10_001})] == [
        "Too long (at most 10000 characters)"
    ]


def test_an_expiry_of_today_is_accepted_and_yesterday_is_in_the_past() -> None:
    svc = service("Subscriptions", lo=10, hi=500)
    today = dt.date(2026, 6, 15)
    values = dict(GOOD["Subscriptions"])
    for expiry in ("15/06/2026", "2026-06-15", "16/06/2026"):
        assert validate(svc, {**values, "expiry": expiry}, today=today) == [], expiry
    problems = validate(svc, {**values, "expiry": "14/06/2026"}, today=today)
    assert [(p.field, p.message) for p in problems] == [("expiry", "The date is in the past")]


def test_a_service_with_a_max_of_1_takes_one_unit() -> None:
    one = service("Default", lo=1, hi=1)
    assert validate(one, {"link": "x.com/a", "quantity": "1"}) == []
    assert [p.message for p in validate(one, {"link": "x.com/a", "quantity": "2"})] == ["At most 1"]


@pytest.mark.parametrize("high", [-1, -100])
def test_a_negative_max_means_no_upper_limit(high: int) -> None:
    svc = service("Default", lo=100, hi=high)
    assert validate(svc, {"link": "x.com/a", "quantity": "2147483647"}) == []
    assert [p.message for p in validate(svc, {"link": "x.com/a", "quantity": "99"})] == [
        "At least 100"
    ]


def test_a_max_beyond_the_unlimited_marker_still_caps_the_quantity() -> None:
    svc = service("Default", lo=1, hi=10**12)
    assert validate(svc, {"link": "x.com/a", "quantity": str(UNLIMITED)}) == []
    assert [
        p.message for p in validate(svc, {"link": "x.com/a", "quantity": str(UNLIMITED + 1)})
    ] == [f"At most {UNLIMITED}"]


def test_an_interval_without_runs_asks_for_the_runs() -> None:
    drip = service("Default", drip=True)
    values = {"link": "x.com/a", "quantity": "100", "interval": "10"}
    assert [(p.field, p.message) for p in validate(drip, values)] == [
        ("runs", "Drip-feed needs both runs and interval")
    ]
    values = {"link": "x.com/a", "quantity": "100", "runs": "3"}
    assert [(p.field, p.message) for p in validate(drip, values)] == [
        ("interval", "Drip-feed needs both runs and interval")
    ]


def test_counted_lines_from_min_to_max_are_accepted_and_the_message_names_the_bound() -> None:
    svc = service("Custom Comments", lo=2, hi=4)
    for comments in ("a\nb", "a\nb\nc\nd"):
        assert validate(svc, {"link": "x.com/a", "comments": comments}) == []
    problems = validate(svc, {"link": "x.com/a", "comments": "a\nb\nc\nd\ne"})
    assert [(p.field, p.message) for p in problems] == [
        ("comments", "5 lines: this service takes at most 4")
    ]
    problems = validate(svc, {"link": "x.com/a", "comments": "a"})
    assert [(p.field, p.message) for p in problems] == [
        ("comments", "1 lines: this service takes at least 2")
    ]


def test_a_subscription_may_ask_for_the_services_own_min_and_max() -> None:
    svc = service("Subscriptions", lo=10, hi=500)
    values = {**GOOD["Subscriptions"], "min": "10", "max": "500"}
    assert validate(svc, values) == []
    problems = validate(svc, {**values, "min": "9", "max": "501"})
    assert [(p.field, p.message) for p in problems] == [
        ("min", "Must be between 10 and 500"),
        ("max", "Must be between 10 and 500"),
    ]


def test_runs_on_a_service_without_drip_feed_is_one_refusal_not_two() -> None:
    plain = service("Default")
    problems = validate(plain, {"link": "x.com/a", "quantity": "100", "runs": "3"})
    assert [(p.field, p.message) for p in problems] == [
        ("runs", "This service does not allow drip-feed")
    ]


@pytest.mark.parametrize("quantity", ["", "abc", "1e3", "-5", "١٢٣", " "])
def test_the_cost_of_a_form_still_being_typed_is_unknown_not_a_crash(quantity: str) -> None:
    for svc in (service("Default"), service("Special"), service("Default", drip=True)):
        values = {"link": "x.com/a", "quantity": quantity, "runs": "3"}
        assert total_quantity(svc, values) is None and estimate_cost(svc, values) is None


@pytest.mark.parametrize("type_", ["Web Traffic", "Poll", "SEO", "Mentions", "Special"])
def test_a_quantity_type_costs_rate_times_quantity(type_: str) -> None:
    svc = service(type_)
    values = {**GOOD.get(type_, GOOD["Default"]), "quantity": "2000"}
    assert total_quantity(svc, values) == 2000
    assert estimate_cost(svc, values) == Decimal("1.80")


@pytest.mark.parametrize("type_", ["Comment Likes", "Poll", "Web Traffic", "Special"])
def test_only_a_default_drip_feed_multiplies_the_quantity_by_its_runs(type_: str) -> None:
    """A drip-feed flag on another type: its form has no runs, a stray runs is not a multiplier."""
    svc = service(type_, drip=True)
    values = {**GOOD.get(type_, GOOD["Default"]), "quantity": "100", "runs": "3"}
    assert total_quantity(svc, values) == 100
    assert estimate_cost(svc, values) == Decimal("0.09")


def test_runs_typed_in_other_digits_do_not_multiply_the_estimate() -> None:
    drip = service("Default", drip=True)
    values = {"link": "x.com/a", "quantity": "100", "runs": "٣", "interval": "10"}
    assert total_quantity(drip, values) == 100  # and the order is refused:
    assert [p.field for p in validate(drip, values)] == ["runs"]


def test_parameters_are_kept_in_the_forms_order_whatever_order_they_were_given() -> None:
    svc = service("Mentions with Hashtags")
    given_order = {
        "note": "x",
        "hashtags": "#x",
        "quantity": "100",
        "usernames": "a",
        "link": "x.com/a",
    }
    params = build_params(svc, given_order)
    assert list(params) == ["link", "quantity", "usernames", "hashtags", "note"]  # extras last
