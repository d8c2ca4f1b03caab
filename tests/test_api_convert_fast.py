"""The converters' fast paths (soft_text, soft_int, soft_bool) give what ``soft(...)`` gives, and
the status answers decoded through them what the general converters give."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from hypothesis import example, given
from hypothesis import strategies as st

from smpanel_desktop.api import parse
from smpanel_desktop.api.convert import (
    clean_text,
    soft,
    soft_bool,
    soft_int,
    soft_text,
    to_bool,
    to_decimal,
    to_int,
    unusable,
)
from smpanel_desktop.api.errors import PanelError, UnreadableAnswerError, panel_error
from smpanel_desktop.api.models import OrderStatus, StatusResult
from smpanel_desktop.api.parse import item_error, parse_multi_status

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**64), max_value=2**64).map(str),
    st.sampled_from(["", " ", "007", " 50 ", "50.0", "1e3", "１２", "²", "&amp;", "yes", "Off"]),
    st.text(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=True),  # no sNaN: JSON cannot carry one
    st.sampled_from([Decimal("1.0"), Decimal("NaN"), Decimal("-0")]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


@given(VALUES)
@example(-(2**63) - 1)  # one past the lowest id SQLite stores: the default, as with to_int
@example(2**63)
@example(True)
def test_fast_paths_match_the_general_converters(value: object) -> None:
    assert soft_text(value, "d") == soft(clean_text, value, "d")
    assert soft_int(value, -1) == soft(to_int, value, -1)
    assert type(soft_int(value, -1)) is type(soft(to_int, value, -1))
    assert soft_bool(value, None) == soft(to_bool, value, None)


def _general_to_decimal(value: object) -> object:
    """to_decimal without its fast path (as it was before it)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        return "unusable"
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return "unusable"
    if not result.is_finite() or result.adjusted() > 30:
        return "unusable"
    return result


@given(VALUES)
def test_to_decimal_fast_path_matches_the_general_path(value: object) -> None:
    try:
        got: object = to_decimal(value)
    except UnreadableAnswerError:
        got = "unusable"
    expected = _general_to_decimal(value)
    assert got == expected or (got, expected) == ("unusable", "unusable")
    if isinstance(got, Decimal):
        assert str(got) == str(expected)


def _general_order_status(order: int, item: dict[str, object]) -> OrderStatus:
    """parse.py's ``_order_status`` through ``soft(...)`` for every field (as it was before
    its fast paths)."""
    error = item_error(item.get("status"))
    if error is not None:
        raise panel_error(error)
    status = clean_text(item.get("status"))
    if not status:
        raise unusable("order status", item.get("status"))
    currency = soft(clean_text, item.get("currency"), "")
    children = item.get("orders")
    return OrderStatus(
        order=order,
        status=status,
        charge=soft(to_decimal, item.get("charge"), None),
        start_count=soft(to_int, item.get("start_count"), None),
        remains=soft(to_int, item.get("remains"), None),
        currency=currency or None,
        runs=soft(to_int, item.get("runs"), None),
        children=parse._child_ids(children) if isinstance(children, list) else (),
    )


def _general_multi_status(payload: dict[str, object], orders: list[int]) -> list[object]:
    entries = {int(k): v for k, v in payload.items()}
    out: list[object] = []
    for order in orders:
        entry = entries.get(order)
        error = item_error(entry)
        if entry is None:
            out.append(StatusResult(order, None, parse.NOT_IN_ANSWER))
        elif error is not None:
            out.append(StatusResult(order, None, error))
        elif isinstance(entry, dict):
            try:
                out.append(StatusResult(order, _general_order_status(order, entry)))
            except (UnreadableAnswerError, PanelError) as exc:
                out.append(StatusResult(order, None, exc.message))
        else:
            out.append(
                StatusResult(order, None, soft(clean_text, entry, "") or parse.NOT_IN_ANSWER)
            )
    return out


FIELD = st.one_of(VALUES, st.sampled_from(["Pending", " In progress ", "Error", "&amp;x", "USD"]))
ENTRY = st.one_of(
    st.fixed_dictionaries(
        {"status": FIELD},
        optional={
            k: FIELD for k in ("charge", "start_count", "remains", "currency", "runs", "orders")
        }
        | {"error": FIELD, "message": FIELD},
    ),
    VALUES,
)


@given(st.lists(ENTRY, max_size=4))
@example([{"status": "Completed", "charge": "0.0389", "start_count": "0", "remains": 10}])
@example([{"status": {"error": "Incorrect order ID"}}, {"status": "error", "message": "no"}])
def test_status_answers_decode_as_through_the_general_converters(values: list[object]) -> None:
    payload = {str(10 + i): v for i, v in enumerate(values)}
    orders = [10 + i for i in range(len(values))] + [99]
    assert parse_multi_status(payload, orders) == _general_multi_status(payload, orders)
