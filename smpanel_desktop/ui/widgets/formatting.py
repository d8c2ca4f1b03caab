"""Display texts for money, counts and times: locale-aware, exact (Decimal, never float)."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from smpanel_desktop.api.models import UNLIMITED


class DecimalFormatter:
    """Formats many Decimals for one locale (separators looked up once, not per value)."""

    def __init__(self, locale: QLocale | None = None, min_decimals: int = 2, *, trim: bool = False):
        loc = locale or QLocale()
        self.group = loc.groupSeparator()
        self.point = loc.decimalPoint()
        self.sizes = group_sizes(loc)
        self.min_decimals = min_decimals
        self.trim = trim

    def __call__(self, value: Decimal) -> str:
        if not value.is_finite():
            return str(value)
        whole, _, frac = format(value.copy_abs(), "f").partition(".")  # abs() would round
        if self.trim:
            frac = frac.rstrip("0")
        frac = frac.ljust(self.min_decimals, "0")
        if self.group and len(whole) > self.sizes[0]:
            whole = group_digits(whole, self.sizes, self.group)
        out = whole + self.point + frac if frac else whole
        return "-" + out if value.is_signed() and value else out


def group_sizes(locale: QLocale) -> tuple[int, int]:
    """(first, then) digits per group as the locale groups a big number: (3, 3) for most,
    (3, 2) for India's 1,23,45,678; read from Qt's own formatting of a sample number."""
    sep = locale.groupSeparator()
    text = locale.toString(123456789012345)
    parts = text.split(sep) if sep else [text]
    if len(parts) < 3:
        return (3, 3)
    return (len(parts[-1]), len(parts[-2])) if len(parts[-1]) and len(parts[-2]) else (3, 3)


def group_digits(whole: str, sizes: tuple[int, int], sep: str) -> str:
    first, then = sizes
    groups = [whole[-first:]]
    rest = whole[:-first]
    while rest:
        groups.append(rest[-then:])
        rest = rest[:-then]
    return sep.join(reversed(groups))


def format_decimal(
    value: Decimal, locale: QLocale | None = None, min_decimals: int = 2, *, trim: bool = False
) -> str:
    """``value`` with the locale's separators, every decimal it has, and at least ``min_decimals``.

    ``Decimal("1234.50")`` -> ``1,234.50`` (en) or ``1.234,50`` (de); ``Decimal("100.84292")``
    keeps all five decimals.  No float is involved, so nothing is rounded away.  ``trim`` drops
    trailing zeros beyond ``min_decimals`` (``120.00000000`` -> ``120.00``) for dense tables.
    """
    return DecimalFormatter(locale, min_decimals, trim=trim)(value)


def format_money(
    value: Decimal, currency: str, locale: QLocale | None = None, *, trim: bool = False
) -> str:
    """``1,234.50 USD``: the amount and its currency code, as the panel named it."""
    amount = format_decimal(value, locale, trim=trim)
    return f"{amount} {currency}".strip()


def format_count(value: int, locale: QLocale | None = None) -> str:
    """A min/max quantity; 2147483647 (the panels' "no limit") reads as Unlimited."""
    if value >= UNLIMITED:
        return QCoreApplication.translate("Formatting", "Unlimited")
    return (locale or QLocale()).toString(value)


def format_int(value: int, locale: QLocale | None = None) -> str:
    """A count with the locale's grouping: 100,001 (en), 100.001 (tr)."""
    return (locale or QLocale()).toString(value)


def format_time(timestamp: float | None, locale: QLocale | None = None) -> str:
    """A local time for "last refresh" labels: today as HH:MM:SS, older with the locale's
    short date (2026-12-01 13:05 in English, 1.12.2026 13:05 in Turkish)."""
    if timestamp is None:
        return QCoreApplication.translate("Formatting", "never")
    local = time.localtime(timestamp)
    if time.strftime("%Y-%m-%d", local) == time.strftime("%Y-%m-%d"):
        return time.strftime("%H:%M:%S", local)
    loc = locale or QLocale()
    if loc.language() in (QLocale.Language.English, QLocale.Language.C):
        return time.strftime("%Y-%m-%d %H:%M", local)  # unambiguous, and sorts as text
    when = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return loc.toString(when, loc.dateFormat(QLocale.FormatType.ShortFormat) + " HH:mm")


class CellText(dict[Any, str]):
    """Memoized ``format(value)``: catalogs repeat rates and limits, Qt asks for cells often."""

    def __init__(self, format: Callable[[Any], str]) -> None:
        super().__init__()
        self.format = format

    def __missing__(self, value: Any) -> str:
        text = self[value] = self.format(value)
        return text
