"""The converters' fast paths (soft_text, soft_int, soft_bool) give what ``soft(...)`` gives."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from smpanel_desktop.api.convert import (
    clean_text,
    soft,
    soft_bool,
    soft_int,
    soft_text,
    to_bool,
    to_int,
)

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
def test_fast_paths_match_the_general_converters(value: object) -> None:
    assert soft_text(value, "d") == soft(clean_text, value, "d")
    assert soft_int(value, -1) == soft(to_int, value, -1)
    assert type(soft_int(value, -1)) is type(soft(to_int, value, -1))
    assert soft_bool(value, None) == soft(to_bool, value, None)
