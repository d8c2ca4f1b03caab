"""The converters' fast paths (soft_text, soft_int, soft_bool) give what ``soft(...)`` gives."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from hypothesis import example, given
from hypothesis import strategies as st

from smpanel_desktop.api.convert import (
    clean_text,
    soft,
    soft_bool,
    soft_int,
    soft_text,
    to_bool,
    to_decimal,
    to_int,
)
from smpanel_desktop.api.errors import UnreadableAnswerError

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
