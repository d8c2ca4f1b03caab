"""Tolerant converters for the values panels send.

Panels send numbers as strings, ints or floats (mixed in one list), booleans as ``true``/``1``/
``"yes"``, names with HTML entities.  These accept all of that; a value that cannot be read
raises ``UnreadableAnswerError`` (never ``TypeError``/``ValueError``); ``soft`` turns that into
a default for optional fields.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TypeVar, overload

from .errors import UnreadableAnswerError

D = TypeVar("D")
R = TypeVar("R")

_TRUE = frozenset({"1", "true", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "no", "n", "off"})
_MAX_DIGITS = 30  # magnitudes beyond 10^30 are no price, count or id
_INT_LIMIT = 2**63  # whole numbers are ids and counts: they must fit SQLite's INTEGER


def unusable(what: str, value: object) -> UnreadableAnswerError:
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:79] + "…"
    return UnreadableAnswerError(
        f"The panel's answer has an unusable {what}: {shown}", excerpt=shown
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@overload
def to_decimal(value: object) -> Decimal | None: ...
@overload
def to_decimal(value: object, default: D) -> Decimal | D: ...
def to_decimal(value: object, default: object = None) -> object:
    """str/int/float/Decimal -> Decimal through its text (``1.38`` -> ``Decimal("1.38")``)."""
    if type(value) is str:  # fast path (every rate of a catalog); the rest decides otherwise
        try:
            number = Decimal(value)  # surrounding whitespace allowed, as with .strip()
        except InvalidOperation:
            pass
        else:
            if number.is_finite() and number.adjusted() <= _MAX_DIGITS:
                return number
    elif type(value) is Decimal and value.is_finite() and value.adjusted() <= _MAX_DIGITS:
        return value
    if _missing(value):
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise unusable("number", value)
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise unusable("number", value) from None
    if not result.is_finite() or result.adjusted() > _MAX_DIGITS:
        raise unusable("number", value)
    return result


@overload
def to_int(value: object) -> int | None: ...
@overload
def to_int(value: object, default: D) -> int | D: ...
def to_int(value: object, default: object = None) -> object:
    """``"50"``, ``50``, ``50.0``, ``"50.0"`` -> 50; a fraction, or a magnitude of 2^63 or
    more (no id or count; SQLite could not store it), is an error."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < _INT_LIMIT:
        return value
    number = to_decimal(value)
    if number is None:
        return default
    if number != number.to_integral_value() or abs(number) >= _INT_LIMIT:
        raise unusable("whole number", value)
    return int(number)


@overload
def to_bool(value: object) -> bool | None: ...
@overload
def to_bool(value: object, default: D) -> bool | D: ...
def to_bool(value: object, default: object = None) -> object:
    """``true``/``1``/``"1"``/``"yes"`` and their opposites; anything else is an error."""
    if _missing(value):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal) and value.is_nan():
        raise unusable("yes/no value", value)  # comparing a signalling NaN raises InvalidOperation
    if isinstance(value, (int, float, Decimal)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise unusable("yes/no value", value)


_UNESCAPE_ROUNDS = 4
_ENTITY = re.compile(r"&[#A-Za-z0-9]")  # where html.unescape could decode something


def unescape(text: str) -> str:
    """HTML entities decoded to a fixed point, at most a few rounds: JustAnotherPanel's catalog
    double-encodes (``60&amp;#039;`` -> ``60&#039;`` -> ``60'``)."""
    for _ in range(_UNESCAPE_ROUNDS):
        if "&" not in text or not _ENTITY.search(text):  # "Real & Active": nothing left
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def clean_text(value: object, default: str = "") -> str:
    """HTML-unescaped, stripped text; numbers become their text; missing/``false`` -> default."""
    if value is None or isinstance(value, bool):
        return default
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if not isinstance(value, str):
        raise unusable("text", value)
    return unescape(value).strip() or default


def soft(convert: Callable[[object], R | None], value: object, default: D) -> R | D:
    """``convert(value)``, or ``default`` when the value is missing or unusable."""
    try:
        result = convert(value)
    except UnreadableAnswerError:
        return default
    return default if result is None or result == "" else result


# Fast paths for the common shapes: a catalog has eleven fields per service and 20,000 services
# or more; going through ``soft(convert, ...)`` for each (five calls and several isinstance
# checks a field) made parsing one 4x slower than decoding its JSON.  Same results as
# ``soft(...)`` for every value; anything unusual takes the general path.


def soft_text(value: object, default: str) -> str:
    """``soft(clean_text, value, default)``."""
    if type(value) is str:
        if "&" in value:
            value = unescape(value)
        return value.strip() or default
    return soft(clean_text, value, default)


def soft_int(value: object, default: D) -> int | D:
    """``soft(to_int, value, default)``."""
    if type(value) is int and -_INT_LIMIT < value < _INT_LIMIT:
        return value
    if value is None:
        return default
    if type(value) is str and len(value) < 19 and value.isascii() and value.isdigit():
        return int(value)  # at most 18 digits: below 2^63
    return soft(to_int, value, default)


def soft_bool(value: object, default: D) -> bool | D:
    """``soft(to_bool, value, default)``."""
    if value is True or value is False:
        return value is True
    return soft(to_bool, value, default)
