"""Money and counts as users read them: exact decimals, the locale's separators, Unlimited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from smpanel_desktop.ui.widgets.formatting import format_count, format_decimal, format_money

EN = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.mark.parametrize(
    ("value", "en", "de"),
    [
        ("100.84292", "100.84292", "100,84292"),  # every decimal the panel gave
        ("1234567.5", "1,234,567.50", "1.234.567,50"),
        ("0.076", "0.076", "0,076"),
        ("100.50000", "100.50000", "100,50000"),
        ("5", "5.00", "5,00"),
        ("-0.5", "-0.50", "-0,50"),
        ("1E+3", "1,000.00", "1.000,00"),
        ("12345678901234567890.123456789", "12,345,678,901,234,567,890.123456789", None),
    ],
)
def test_decimals_keep_every_digit_with_locale_separators(
    value: str, en: str, de: str | None
) -> None:
    assert format_decimal(Decimal(value), EN) == en
    if de is not None:
        assert format_decimal(Decimal(value), DE) == de


def test_trimmed_rates_and_money_with_currency() -> None:
    assert format_decimal(Decimal("120.00000000"), EN, trim=True) == "120.00"
    assert format_money(Decimal("100.84292"), "USD", EN) == "100.84292 USD"
    assert format_money(Decimal("2500"), "TRY", DE) == "2.500,00 TRY"


def test_unlimited_max() -> None:
    assert format_count(2147483647, EN) == "Unlimited"
    assert format_count(10000, EN) == "10,000"


def test_indian_grouping_for_an_inr_panel() -> None:
    """Users in India read 1,23,456.789 (lakh grouping): money follows the locale's grouping,
    the same as the counts beside it, with every decimal kept."""
    india = QLocale(QLocale.Language.English, QLocale.Country.India)
    assert format_money(Decimal("123456.78900"), "INR", india) == "1,23,456.78900 INR"
    assert format_decimal(Decimal("12345678.5"), india) == "1,23,45,678.50"
    assert format_decimal(Decimal("-100000"), india) == "-1,00,000.00"
    assert format_decimal(Decimal("999.5"), india) == "999.50"
    assert format_count(12345678, india) == "1,23,45,678"  # the counts already did
