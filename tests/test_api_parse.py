"""The parsers read every shape real panels send, and fail only with UnreadableAnswerError."""

from __future__ import annotations

import html
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smpanel_desktop.api.convert import (
    clean_text,
    soft,
    soft_bool,
    soft_int,
    to_bool,
    to_decimal,
    to_int,
    unescape,
)
from smpanel_desktop.api.dialects import service_type, unwrap
from smpanel_desktop.api.error_texts import describe_unreadable, excerpt
from smpanel_desktop.api.errors import (
    InsufficientFundsError,
    InvalidKeyError,
    PanelError,
    UnreadableAnswerError,
    panel_error,
)
from smpanel_desktop.api.models import UNLIMITED, CancelResult, RefillResult
from smpanel_desktop.api.parse import (
    NOT_IN_ANSWER,
    parse_catalog,
    parse_multi_status,
    parse_order_id,
    parse_service,
    parse_status,
)
from smpanel_desktop.api.parse import service_records as record_hook
from smpanel_desktop.api.parse_actions import (
    parse_balance,
    parse_cancels,
    parse_refill,
    parse_refill_status,
    parse_refill_statuses,
    parse_refills,
)

relaxed = settings(deadline=None)  # no per-example deadline: CI boxes are busy and slow
money = st.decimals(min_value=0, max_value=10**6, places=6, allow_nan=False, allow_infinity=False)
counts = st.integers(min_value=0, max_value=2**40)
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)


def number_forms(value: Decimal) -> st.SearchStrategy[object]:
    """The ways panels spell one number: "0.90", 0.9, 1, "1", " 1 "."""
    forms: list[object] = [str(value), f" {value} ", float(value)]
    if value == value.to_integral_value():
        forms += [int(value), str(int(value)), float(int(value))]
    return st.sampled_from(forms)


def bool_forms(value: bool) -> st.SearchStrategy[object]:
    if value:
        return st.sampled_from([True, 1, "1", "true", "True", "yes"])
    return st.sampled_from([False, 0, "0", "false", "no"])


# --- converters -------------------------------------------------------------------------------


@relaxed
@given(money.flatmap(lambda d: st.tuples(st.just(d), number_forms(d))))
def test_to_decimal_reads_every_spelling_exactly(case: tuple[Decimal, object]) -> None:
    expected, raw = case
    result = to_decimal(raw)
    assert isinstance(result, Decimal)
    # Floats go through their shortest text, never binary arithmetic: 1.38 stays 1.38.
    assert result == (Decimal(str(raw)) if isinstance(raw, float) else expected)


@pytest.mark.parametrize(
    "raw", ["NaN", "nan", "Infinity", "-inf", float("nan"), float("inf"), True, False, "abc", [1]]
)
def test_to_decimal_rejects_non_numbers(raw: object) -> None:
    with pytest.raises(UnreadableAnswerError):
        to_decimal(raw)


@pytest.mark.parametrize("raw", [Decimal("sNaN"), Decimal("-sNaN"), "sNaN", Decimal("NaN")])
def test_a_signalling_nan_is_unusable_like_nan(raw: object) -> None:
    """Comparing or converting a signalling NaN raises ``decimal.InvalidOperation``: every
    converter must turn it into the usual unusable-value error, and ``soft`` into the default."""
    for convert in (to_decimal, to_int, to_bool):
        with pytest.raises(UnreadableAnswerError):
            convert(raw)
    assert soft(to_decimal, raw, None) is None
    assert soft_int(raw, -1) == -1
    assert soft_bool(raw, None) is None


def test_missing_values_give_the_default() -> None:
    assert to_decimal(None) is None
    assert to_decimal("", Decimal(0)) == 0
    assert to_int("  ", 7) == 7
    assert to_bool(None, False) is False
    assert clean_text(None, "x") == "x"


@pytest.mark.parametrize("raw", ["50", 50, 50.0, "50.0", " 50 ", Decimal("50.00")])
def test_to_int_accepts_whole_numbers_in_any_form(raw: object) -> None:
    assert to_int(raw) == 50


@pytest.mark.parametrize(
    "raw", ["50.5", 50.5, "50.7", 50.7, "-50.5", "-0.9", True, "fifty", {"a": 1}, "1e40"]
)
def test_to_int_rejects_fractions_and_garbage(raw: object) -> None:
    with pytest.raises(UnreadableAnswerError):
        to_int(raw)


@pytest.mark.parametrize("order", ["23501.9", 23501.5, "-23501.5"])
def test_an_order_id_with_a_fraction_names_no_order(order: object) -> None:
    """``23501.9`` is not order 23501 (nor 23502): tracking it would poll another's order."""
    with pytest.raises(UnreadableAnswerError, match=r"unusable .*23501"):
        parse_order_id({"order": order})


@pytest.mark.parametrize("raw", ["1e30", " 1E+30 ", 10**30, 1e30, Decimal("1E+30"), "9" * 31])
def test_numbers_up_to_ten_to_the_thirty_are_read_exactly(raw: object) -> None:
    assert to_decimal(raw) == Decimal(str(raw).strip())


@pytest.mark.parametrize("raw", ["1e31", "1" + "0" * 31, 10**31, 1e31, Decimal("1E+31")])
def test_numbers_beyond_ten_to_the_thirty_are_no_price_count_or_id(raw: object) -> None:
    with pytest.raises(UnreadableAnswerError, match="unusable number"):
        to_decimal(raw)
    assert soft(to_decimal, raw, None) is None


def test_an_unusable_value_is_quoted_in_the_error_cut_to_80_characters() -> None:
    """The message names the field and quotes what the panel sent, but a panel's 10 MB of
    garbage becomes 79 characters and an ellipsis."""
    with pytest.raises(UnreadableAnswerError) as short:
        to_decimal("abc")
    assert str(short.value) == "The panel's answer has an unusable number: 'abc'"
    assert short.value.excerpt == "'abc'"
    exact = "x" * 78  # quoted: 80 characters, shown whole
    with pytest.raises(UnreadableAnswerError) as whole:
        to_decimal(exact)
    assert whole.value.excerpt == repr(exact)
    with pytest.raises(UnreadableAnswerError) as cut:
        to_decimal("y" * 79)  # quoted: 81 characters
    assert cut.value.excerpt == "'" + "y" * 78 + "…" and len(cut.value.excerpt) == 80
    with pytest.raises(UnreadableAnswerError) as huge:
        to_int("z" * 1_000_000)
    assert len(str(huge.value)) < 200


@pytest.mark.parametrize(
    "huge", [-(2**63), -(2**63) - 1, -(2**64), 2**63, 2**64, str(-(2**64)), str(2**64), "9" * 19]
)
def test_a_service_bound_beyond_sqlite_integers_takes_the_default(huge: object) -> None:
    """A min or max of 2^63 or more either way is no count (SQLite could not store it, no order
    could meet it): the service keeps the defaults, 1 and unlimited, not that number."""
    service = parse_service({"service": 5, "rate": "1", "min": huge, "max": huge})
    assert (service.min, service.max) == (1, UNLIMITED)
    edge = parse_service({"service": 5, "rate": "1", "min": -(2**63) + 1, "max": 2**63 - 1})
    assert (edge.min, edge.max) == (-(2**63) + 1, 2**63 - 1)  # the last storable values are kept


@relaxed
@given(st.booleans().flatmap(lambda b: st.tuples(st.just(b), bool_forms(b))))
def test_to_bool_reads_every_spelling(case: tuple[bool, object]) -> None:
    expected, raw = case
    assert to_bool(raw) is expected


@relaxed
@given(texts)
def test_clean_text_undoes_html_escaping(text: str) -> None:
    assert clean_text(html.escape(text)) == text.strip()


def test_names_encoded_up_to_four_times_read_as_their_characters() -> None:
    """JustAnotherPanel's catalog encodes names twice (``60&amp;#039;``); names encoded again by
    a reseller's reseller still read right, up to four times.  Deeper than that the text is left
    as it is (a few rounds, not until nothing is left)."""
    name = "60 Days Refill's"
    encoded = name
    for depth in range(1, 5):
        encoded = html.escape(encoded)
        assert clean_text(encoded) == name, depth
    assert clean_text(html.escape(encoded)) == "60 Days Refill&#x27;s"


def test_clean_text_keeps_emoji_and_small_caps() -> None:
    raw = " Likes &amp; Views [ Max 50K ] | 30 Days ♻️ 🚀 ᴺᴱᵂ "
    assert clean_text(raw) == "Likes & Views [ Max 50K ] | 30 Days ♻️ 🚀 ᴺᴱᵂ"


@relaxed
@given(json_values)
@example(2**63)
@example(-(2**63))
@example("9223372036854775808")
@example(Decimal("1E+31"))
@example("NaN")
@example(True)
def test_converters_fail_only_with_unreadable_answer(value: object) -> None:
    missing = value is None or (isinstance(value, str) and not value.strip())
    number = _or_unreadable(to_decimal, value)
    if number is not _UNREADABLE:
        if number is None:
            assert missing
        else:  # finite, within 10^30, and the very number given
            assert isinstance(number, Decimal) and number.is_finite()
            assert number.adjusted() <= 30 and number == Decimal(str(value).strip())
    whole = _or_unreadable(to_int, value)
    if whole is not _UNREADABLE:
        assert (whole is None) == missing
        if whole is not None:  # an id SQLite can store, equal to what was sent
            assert type(whole) is int and abs(whole) < 2**63 and whole == number
    flag = _or_unreadable(to_bool, value)
    assert flag is _UNREADABLE or flag is None or type(flag) is bool
    if isinstance(value, bool):
        assert flag is value and whole is _UNREADABLE and number is _UNREADABLE
    text = _or_unreadable(clean_text, value)
    assert text is _UNREADABLE or (type(text) is str and text == text.strip())


_UNREADABLE = object()


def _or_unreadable(convert: Any, value: object) -> Any:
    try:
        return convert(value)
    except UnreadableAnswerError:
        return _UNREADABLE


# --- services ---------------------------------------------------------------------------------

# Shapes seen in real `services` answers: int id + string rate + int min/max; float, int and
# string rates mixed in one list; refill absent; max 2147483647; Package with min = max = 1.
REAL_SHAPES = [
    {
        "service": 2495,
        "name": "Instagram Likes [ Max 50K ] | No Refill ⚠️ | Day 50K 🚀",
        "type": "Default",
        "rate": "0.076",
        "min": 50,
        "max": 50000,
        "dripfeed": True,
        "refill": False,
        "cancel": False,
        "category": "Instagram Likes [ Cheapest 💥 ] ᴺᴱᵂ",
    },
    {
        "service": 1451,
        "name": "TikTok Views &amp; Shares",
        "type": "Default",
        "rate": "0.0027",
        "min": 100,
        "max": 2147483647,
        "category": "TikTok",
    },
    {"service": 3800, "name": "Auto Story Views", "type": "Package", "rate": "6.00", "min": 1,
     "max": 1, "category": "Packages ⚙️"},
    {"service": "1096", "name": "Facebook | Followers", "category": "Facebook", "rate": 1.38,
     "min": 200, "max": 1000000, "type": "Default", "platform": "Facebook"},
    {"service": 12, "name": "Comments", "category": "X", "rate": 4, "min": "10", "max": "1000",
     "type": "Custom Comments", "refill": True},
    {"service": 13, "name": "tktk", "category": "Private", "rate": "120.00000000", "min": 1.0,
     "max": 10, "type": "Special"},
]  # fmt: skip


def test_real_shapes_parse_with_their_quirks() -> None:
    catalog = parse_catalog(REAL_SHAPES)
    assert catalog.skipped == 0
    by_id = {s.id: s for s in catalog.services}
    assert by_id[2495].rate == Decimal("0.076") and by_id[2495].dripfeed is True
    assert by_id[1451].name == "TikTok Views & Shares" and by_id[1451].unlimited
    assert (by_id[3800].type, by_id[3800].min, by_id[3800].max) == ("Package", 1, 1)
    assert by_id[1096].rate == Decimal("1.38") and by_id[1096].refill is False
    assert by_id[12].min == 10 and by_id[12].refill is True
    assert by_id[13].type == "Special" and by_id[13].rate == Decimal("120")
    assert "💥" in by_id[2495].category


@st.composite
def service_records(draw: st.DrawFn) -> tuple[dict[str, object], dict[str, object]]:
    """A record in mixed spellings, with optional fields left out, and what it means."""
    want: dict[str, object] = {
        "id": draw(st.integers(1, 2**40)),
        "name": draw(texts),
        "type": draw(st.sampled_from(["Default", "Package", "Special", "default", "12"])),
        "rate": draw(money),
        "min": draw(counts),
        "max": draw(st.just(UNLIMITED) | counts),
    }
    record: dict[str, object] = {
        "service": draw(number_forms(Decimal(want["id"]))),  # type: ignore[arg-type]
        "name": html.escape(want["name"]),  # type: ignore[arg-type]
        "type": want["type"],
        "category": "Cat &amp; 🐈",
        "rate": draw(number_forms(want["rate"])),  # type: ignore[arg-type]
        "min": draw(number_forms(Decimal(want["min"]))),  # type: ignore[arg-type]
        "max": draw(number_forms(Decimal(want["max"]))),  # type: ignore[arg-type]
    }
    for flag in ("refill", "cancel", "dripfeed"):
        if draw(st.booleans()):
            want[flag] = draw(st.booleans())
            record[flag] = draw(bool_forms(want[flag]))  # type: ignore[arg-type]
        else:
            want[flag] = False
    return record, want


@relaxed
@given(service_records())
def test_parse_service_over_mixed_spellings(
    case: tuple[dict[str, object], dict[str, object]],
) -> None:
    record, want = case
    service = parse_service(record)
    assert service.id == want["id"]
    assert service.name == unescape(str(want["name"])).strip()  # entities to a fixed point
    assert service.type == service_type(str(want["type"]))  # "default" is Default
    assert service.category == "Cat & 🐈"
    assert service.rate == Decimal(str(record["rate"]))
    assert isinstance(service.rate, Decimal)
    assert (service.min, service.max) == (want["min"], want["max"])
    assert (service.refill, service.cancel, service.dripfeed) == (
        want["refill"],
        want["cancel"],
        want["dripfeed"],
    )


def test_missing_optional_fields_take_defaults() -> None:
    service = parse_service({"service": 5, "rate": "1"})
    assert (service.name, service.type, service.min, service.max) == ("", "Default", 1, UNLIMITED)
    assert not (service.refill or service.cancel or service.dripfeed) and service.description == ""


def test_catalog_skips_and_counts_records_without_a_usable_id() -> None:
    good = {"service": 1, "rate": "0.5", "name": "ok"}
    records = [
        good,
        {"name": "no id", "rate": 1},
        {"service": "x1", "rate": 1},
        "junk",
        None,
        {"service": 2, "rate": "free"},
        {"service": 1, "rate": 9, "name": "duplicate"},
    ]
    catalog = parse_catalog(records)
    assert [s.name for s in catalog.services] == ["ok"]
    assert catalog.skipped == 6


def test_catalog_accepts_a_php_object_of_records() -> None:
    catalog = parse_catalog({"0": {"service": 1, "rate": 1}, "2": {"service": 3, "rate": 2}})
    assert [s.id for s in catalog.services] == [1, 3]


@relaxed
@given(st.lists(json_values, max_size=8))
def test_catalog_never_crashes_on_bad_records(records: list[object]) -> None:
    catalog = parse_catalog(records)
    assert len(catalog.services) + catalog.skipped == len(records)


def _both_ways(payload: object) -> tuple[object, object]:
    """The catalog parsed from the decoded answer, and with each record made a service while
    decoding (what the client does): the results must not differ."""
    text = json.dumps(payload)
    plain = parse_catalog(unwrap("services", json.loads(text, parse_float=Decimal)))
    texts: dict[str, str] = {}
    hooked = json.loads(text, parse_float=Decimal, object_hook=record_hook(texts))
    return plain, parse_catalog(unwrap("services", hooked), texts)


@relaxed
@given(st.lists(json_values | st.fixed_dictionaries({"service": json_values, "rate": json_values}),
                max_size=8))  # fmt: skip
def test_records_made_services_while_decoding_give_the_same_catalog(records: list[object]) -> None:
    plain, hooked = _both_ways(records)
    assert plain == hooked


@pytest.mark.parametrize(
    "payload",
    [
        [{"service": 1, "rate": "0.5", "name": "a", "category": "C"}, {"service": 1, "rate": 2}],
        {"0": {"service": 1, "rate": 1}, "2": {"service": 3, "rate": "2.50", "type": "default"}},
        {"status": "success", "data": [{"id": 4, "rate": 1, "extra": {"service": 9, "rate": 1}}]},
        [{"service": 5, "rate": "free"}, {"service": 6, "rate": 1, "error": "no"}],
    ],
)
def test_every_answer_shape_gives_the_same_catalog_made_while_decoding(payload: object) -> None:
    plain, hooked = _both_ways(payload)
    assert plain == hooked


def test_a_service_unchanged_since_the_previous_fetch_is_the_previous_one() -> None:
    records = [
        {"service": 1, "rate": "0.90", "name": "a"},
        {"service": 2, "rate": "1", "name": "b"},
        {"service": 3, "rate": "2", "name": "c"},
    ]
    known = {s.id: s for s in parse_catalog(records).services}
    records[1]["name"], records[2]["rate"] = "b renamed", "2.0"  # 2.0 shows other than 2
    texts: dict[str, str] = {}
    hook = record_hook(texts, known)
    got = parse_catalog(json.loads(json.dumps(records), object_hook=hook), texts).services
    assert got == parse_catalog(records).services
    assert [s is known[s.id] for s in got] == [True, False, False]


@pytest.mark.parametrize("payload", [None, "services", 3, {"balance": "1"}, True])
def test_catalog_of_the_wrong_shape_is_unreadable(payload: object) -> None:
    with pytest.raises(UnreadableAnswerError):
        parse_catalog(payload)


# --- orders, refills, cancel, balance ---------------------------------------------------------


def test_status_single_keeps_unknown_status_texts() -> None:
    status = parse_status(
        {"charge": 0.27819, "start_count": "3572", "status": "Awaiting moderation", "remains": ""},
        7,
    )
    assert status.status == "Awaiting moderation" and not status.is_final
    assert status.charge == Decimal("0.27819") and status.start_count == 3572
    assert status.remains is None and status.currency is None


def test_a_drip_feed_lists_each_of_its_runs_once() -> None:
    """The Orders tab lists a drip-feed's runs from "orders": each usable panel id once, in
    the panel's order; ids that cannot be orders (0, negative, text, null) are left out."""
    answer = {"status": "In progress", "runs": "4",
              "orders": ["12", 12, 1, 0, -3, "x", None, "7.0", 30, 1]}  # fmt: skip
    status = parse_status(answer, 5)
    assert status.runs == 4 and status.children == (12, 1, 7, 30)
    assert parse_status({"status": "Pending", "orders": "12,13"}, 5).children == ()
    many = parse_status({"status": "Pending", "orders": list(range(1, 20_002))}, 5)
    assert many.children == tuple(range(1, 10_001))  # a hostile answer: the first 10,000


def test_status_single_accepts_the_keyed_form() -> None:
    assert parse_status({"7": {"status": "Completed"}}, 7).is_final


def test_status_item_error_is_the_panels_error() -> None:
    with pytest.raises(PanelError, match="Incorrect order ID"):
        parse_status({"7": {"error": "Incorrect order ID"}}, 7)


def test_multi_status_gives_one_result_per_requested_order() -> None:
    payload = {
        "1": {"charge": "0.27819", "start_count": 3572, "status": "Partial", "remains": "157"},
        "10": {"error": "Incorrect order ID"},
        "100": {"status": "In progress", "charge": "abc"},
        "999": {"status": "Completed"},
        "7": {"status": {"error": "Order is hidden"}},
    }
    results = parse_multi_status(payload, [1, 10, 100, 5, 7])
    assert [r.order for r in results] == [1, 10, 100, 5, 7]
    assert results[4].error == "Order is hidden"
    assert results[0].status is not None and results[0].status.remains == 157
    assert results[1].error == "Incorrect order ID" and results[1].status is None
    assert results[2].status is not None and results[2].status.charge is None
    assert results[3].error == NOT_IN_ANSWER
    assert parse_multi_status([], [4]) == parse_multi_status({}, [4])


@relaxed
@given(json_values)
@example([{"service": -1, "rate": "1"}, {"service": 2, "rate": "-1"}])
@example([{"service": 1, "rate": "1"}, {"service": 1, "rate": "2"}])
@example([{"order": 1, "cancel": 1, "error": "x"}, {"order": 3, "cancel": 1}])
@example([{"order": 1, "refill": 5, "error": "x"}])
@example({"order": 2**63, "refill": 2**63, "balance": "Infinity"})
@example({"1": {"status": "Completed", "error": "x"}})
def test_every_parser_fails_only_with_api_errors(payload: object) -> None:
    """Whatever the answer: an API error, or values within the promises (one result per asked
    id in the asked order, ids SQLite can store, money finite, no negative id or rate)."""
    catalog = _or_api_error(parse_catalog, payload)
    if catalog is not None:
        ids = [s.id for s in catalog.services]
        assert len(ids) == len(set(ids)) and all(0 <= i < 2**63 for i in ids)
        assert all(s.rate >= 0 and s.rate.is_finite() for s in catalog.services)
    for parse, asked in (
        (parse_multi_status, [1, 2]),
        (parse_refills, [1]),
        (parse_refill_statuses, [1]),
        (parse_cancels, [1, 3]),
    ):
        results = _or_api_error(lambda p, f=parse, a=asked: f(p, a), payload)  # type: ignore[misc]
        if results is not None:
            assert [getattr(r, "order", getattr(r, "refill", None)) for r in results] == asked
            for r in results:  # an error, or an answer: never both
                if isinstance(r, CancelResult):
                    assert not (r.accepted and r.error is not None)
                elif isinstance(r, RefillResult):
                    assert (r.refill is None) != (r.error is None)
                else:
                    assert (r.status is None) != (r.error is None)
    status = _or_api_error(lambda p: parse_status(p, 1), payload)
    assert status is None or (status.order == 1 and status.status)
    order = _or_api_error(parse_order_id, payload)
    assert order is None or 0 < order < 2**63
    refill = _or_api_error(parse_refill, payload)
    assert refill is None or abs(refill) < 2**63
    balance = _or_api_error(parse_balance, payload)
    assert balance is None or balance.amount.is_finite()
    _or_api_error(lambda p: parse_refill_status(p, 1), payload)


def _or_api_error(parse: Any, payload: object) -> Any:
    try:
        return parse(payload)
    except (UnreadableAnswerError, PanelError):
        return None


def test_order_id_may_be_a_string_above_two_to_the_31() -> None:
    assert parse_order_id({"order": "23501"}) == 23501
    assert parse_order_id({"order": 2**33}) == 2**33
    with pytest.raises(UnreadableAnswerError):
        parse_order_id({"status": "ok"})


def test_refill_single_and_multi() -> None:
    assert parse_refill({"refill": "1"}) == 1
    with pytest.raises(PanelError, match="disabled"):
        parse_refill({"refill": {"error": "Refill is disabled for this service"}})
    results = parse_refills(
        [{"order": 1, "refill": 1}, {"order": "3", "refill": {"error": "Incorrect order ID"}}],
        [1, 3, 4],
    )
    assert [(r.order, r.refill, r.error) for r in results] == [
        (1, 1, None),
        (3, None, "Incorrect order ID"),
        (4, None, NOT_IN_ANSWER),
    ]


def test_a_single_refill_answered_in_the_multi_form_gives_its_id_or_the_panels_error() -> None:
    """Some panels answer ``refill`` for one order as they answer the multi form: the refill id
    for that order is the answer, its per-order error is the panel's, and a list naming only
    other orders says the panel did not mention this one."""
    assert parse_refill([{"order": 7, "refill": "55"}], 7) == 55
    assert parse_refill({"7": {"refill": 56}}, 7) == 56
    with pytest.raises(PanelError, match="Refill is disabled"):
        parse_refill([{"order": 7, "refill": {"error": "Refill is disabled"}}], 7)
    with pytest.raises(PanelError) as missing:
        parse_refill([{"order": 8, "refill": 1}], 7)
    assert missing.value.text == NOT_IN_ANSWER


def test_refill_status_single_and_multi() -> None:
    assert parse_refill_status({"status": "Completed"}, 5).status == "Completed"
    assert parse_refill_status({"status": {"error": "Refill not found"}}, 5).error == (
        "Refill not found"
    )
    results = parse_refill_statuses(
        [
            {"refill": 1, "status": "Awaiting"},
            {"refill": 3, "status": {"error": "Refill not found"}},
        ],
        [1, 3],
    )
    assert [(r.status, r.error) for r in results] == [
        ("Awaiting", None),
        (None, "Refill not found"),
    ]


def test_a_single_refill_status_answered_in_the_multi_form_is_read() -> None:
    """``refill_status`` for one refill answered as a list or as an object keyed by refill id:
    the status of that refill, its error as the panel's, and no status for a refill not named."""
    assert parse_refill_status([{"refill": 5, "status": "Completed"}], 5).status == "Completed"
    assert parse_refill_status({"5": {"status": "In progress"}}, 5).status == "In progress"
    failed = parse_refill_status([{"refill": 5, "status": {"error": "Refill not found"}}], 5)
    assert (failed.status, failed.error) == (None, "Refill not found")
    other = parse_refill_status([{"refill": 6, "status": "Completed"}], 5)
    assert (other.status, other.error) == (None, NOT_IN_ANSWER)


def test_cancel_accepted_is_not_cancelled() -> None:
    results = parse_cancels(
        [{"order": 2, "cancel": 1}, {"order": 9, "cancel": {"error": "Incorrect order ID"}}], [2, 9]
    )
    assert [(r.accepted, r.error) for r in results] == [(True, None), (False, "Incorrect order ID")]


def test_balance_keeps_every_digit() -> None:
    balance = parse_balance({"balance": "100.84292", "currency": "TRY"})
    assert balance.amount == Decimal("100.84292") and balance.currency == "TRY"
    with pytest.raises(UnreadableAnswerError):
        parse_balance({"currency": "USD"})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Invalid API key", InvalidKeyError),
        ("Incorrect key", InvalidKeyError),
        ("Not enough funds on balance", InsufficientFundsError),
        ("neworder.error.not_enough_funds", InsufficientFundsError),
        ("Bad link", PanelError),
        ("Incorrect keywords", PanelError),
    ],
)
def test_panel_error_texts_map_to_their_kind(text: str, kind: type[PanelError]) -> None:
    error = panel_error(text)
    assert type(error) is kind and error.text == text


# --- what an unreadable answer is called ------------------------------------------------------


def test_a_sample_of_an_unreadable_body_is_one_line_of_at_most_120_characters() -> None:
    """The error quotes the page's title or its first characters: a body of 120 characters is
    shown whole, a longer one cut to 119 and an ellipsis (a panel once sent 10 MB)."""
    assert excerpt("<html><head><TITLE>502 Bad Gateway</title></head>") == "502 Bad Gateway"
    assert excerpt("Service\n   temporarily\tunavailable") == "Service temporarily unavailable"
    assert excerpt("a" * 120) == "a" * 120
    assert excerpt("b" * 10_000) == "b" * 119 + "…"
    message = describe_unreadable("Fatal error: " + "c" * 500, 500)
    assert message.endswith("Fatal error: " + "c" * 106 + "…")
    unclosed = "<html><head><title>Down for maintenance"  # no </title>: the body's start
    assert excerpt(unclosed) == unclosed
    backwards = "</title><p>Queued</p><title>"
    assert excerpt(backwards) == backwards
    closing_only = "Error page</title><body>Try later"
    assert excerpt(closing_only) == closing_only


def test_a_panels_error_text_is_kept_up_to_500_characters() -> None:
    """The panel's own words are shown as they are up to 500 characters; a panel that sends
    more (one sent 10 MB) is cut to 499 and an ellipsis."""
    said = "Link is invalid: " + "x" * 483
    with pytest.raises(PanelError) as whole:
        parse_status({"error": said}, 7)
    assert whole.value.text == said and len(said) == 500
    with pytest.raises(PanelError) as cut:
        parse_status({"error": said + "y"}, 7)
    assert cut.value.text == said[:499] + "…"
    result = parse_multi_status({"7": {"error": said + "yz"}}, [7])[0]
    assert result.error == said[:499] + "…"


@pytest.mark.parametrize(
    ("body", "status", "said"),
    [
        ("404 page not found", 404, "not readable data (HTTP 404): 404 page not found"),
        ('"Service Unavailable"', 503, 'not readable data (HTTP 503): "Service Unavailable"'),
        ("!DOCTYPE nonsense", 200, "not readable data (HTTP 200)"),
        ('{"error": "Bad req', 400, "not readable data (HTTP 400)"),
        ('{"error": "Bad req', 399, "cut off or malformed (HTTP 399)"),
        ("[1, 2", 200, "cut off or malformed (HTTP 200)"),
        ("  <p>Maintenance</p>", 200, "a web page instead of data (HTTP 200: <p>Maintenance</p>)"),
    ],
)
def test_only_a_page_is_called_a_web_page_and_only_a_success_cut_off(
    body: str, status: int, said: str
) -> None:
    """A plain-text error is "not readable data", not "a web page"; JSON that stops short is
    "cut off" only in a success answer (an error status's body was never the data asked for)."""
    assert said in describe_unreadable(body, status)


@pytest.mark.parametrize(("cached", "fetched"), [("0.50", "0.5"), ("0.5", "0.50"), ("1", "1.000")])
def test_a_refreshed_rate_shows_as_the_panel_now_spells_it(cached: str, fetched: str) -> None:
    """A service fetched again unchanged is the cached one (one catalog in memory, not two), but
    only if its rate is spelt alike too: 0.50 and 0.5 are equal numbers, yet the table shows
    the rate as the panel gives it."""
    texts: dict[str, str] = {}
    record = {"service": 7, "name": "Likes", "category": "C", "rate": cached, "min": 10,
              "max": 100}  # fmt: skip
    (old,) = parse_catalog(json.loads(json.dumps([record]), parse_float=Decimal,
                                      object_hook=record_hook(texts))).services  # fmt: skip
    again = json.loads(json.dumps([record]), object_hook=record_hook(texts, {7: old}))
    assert again[0] is old  # the same spelling: the cached value itself
    changed = json.loads(json.dumps([{**record, "rate": fetched}]),
                         object_hook=record_hook(texts, {7: old}))  # fmt: skip
    assert changed[0] is not old and str(changed[0].rate) == fetched
