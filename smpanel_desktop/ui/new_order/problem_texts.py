"""The order rules' messages (core/orders/, Qt-free and English) in the interface language, with
the locale's number format ("between 10 and 100,000", Turkish "10 ile 100.000 arasında").

Each message the rules can produce is matched by a pattern here; a message no pattern knows is
shown as it is (tests/ui/test_problem_texts.py makes every one of them known).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from smpanel_desktop.ui.new_order.field_texts import field_text
from smpanel_desktop.ui.widgets.formatting import format_int
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

_N = r"(?P<{}>\d+)"
# (pattern, translatable text with {named} parts); numbers are formatted for the locale
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern.format(*names) + r"\Z"), text)
    for pattern, names, text in (
        (r".+ is required", (), QT_TRANSLATE_NOOP("OrderProblems", "Required")),
        (f"Must be between {_N} and {_N}", ("low", "high"),
         QT_TRANSLATE_NOOP("OrderProblems", "Must be between {low} and {high}")),
        (f"At least {_N}", ("low",), QT_TRANSLATE_NOOP("OrderProblems", "At least {low}")),
        (f"At most {_N}", ("high",), QT_TRANSLATE_NOOP("OrderProblems", "At most {high}")),
        (rf"Too long \(at most {_N} characters\)", ("count",),
         QT_TRANSLATE_NOOP("OrderProblems", "Too long (at most {count} characters)")),
        (f"{_N} lines: this service takes at least {_N}", ("count", "low"),
         QT_TRANSLATE_NOOP("OrderProblems", "{count} lines: this service takes at least {low}")),
        (f"{_N} lines: this service takes at most {_N}", ("count", "high"),
         QT_TRANSLATE_NOOP("OrderProblems", "{count} lines: this service takes at most {high}")),
        (r"Not a link: no spaces or line breaks\. Expected: (?P<wanted>.+)", (),
         QT_TRANSLATE_NOOP(
             "OrderProblems", "Not a link: no spaces or line breaks. " "Expected: {wanted}"
         )),
        (r"Not a link\. Expected: (?P<wanted>.+)", (),
         QT_TRANSLATE_NOOP("OrderProblems", "Not a link. Expected: {wanted}")),
        (r"Choose one of (?P<choices>.+)", (),
         QT_TRANSLATE_NOOP("OrderProblems", "Choose one of {choices}")),
        (r"Not a field of (?P<type>.+) \(fields: (?P<fields>.*)\)", (),
         QT_TRANSLATE_NOOP("OrderProblems", "Not a field of {type} (fields: {fields})")),
    )
)  # fmt: skip
FIXED = (
    QT_TRANSLATE_NOOP("OrderProblems", "Enter a whole number (digits only)"),
    QT_TRANSLATE_NOOP("OrderProblems", "Enter at least one line"),
    QT_TRANSLATE_NOOP("OrderProblems", "A single line, please"),
    QT_TRANSLATE_NOOP("OrderProblems", "Contains control characters"),
    QT_TRANSLATE_NOOP("OrderProblems", "A single word, without spaces"),
    QT_TRANSLATE_NOOP("OrderProblems", "A date as d/m/Y (31/12/2026) or 2026-12-31"),
    QT_TRANSLATE_NOOP("OrderProblems", "The date is in the past"),
    QT_TRANSLATE_NOOP("OrderProblems", "Only http:// and https:// links"),
    QT_TRANSLATE_NOOP("OrderProblems", "This service does not allow drip-feed"),
    QT_TRANSLATE_NOOP("OrderProblems", "Drip-feed needs both runs and interval"),
    QT_TRANSLATE_NOOP("OrderProblems", "Max must not be less than min"),
    QT_TRANSLATE_NOOP("OrderProblems", "Not a field that can be set"),
    QT_TRANSLATE_NOOP("OrderProblems", "A URL (https://…) or a domain with a path"),
)


def known(message: str) -> bool:
    return message in FIXED or any(p.match(message) for p, _text in PATTERNS)


def problem_text(message: str) -> str:
    """``message`` of the order rules, translated (as given when no pattern knows it)."""
    if message in FIXED:
        return QCoreApplication.translate("OrderProblems", message)
    for pattern, text in PATTERNS:
        found = pattern.match(message)
        if found:
            parts = {
                k: format_int(int(v)) if v.isdecimal() else _part(k, v)
                for k, v in found.groupdict().items()
            }
            return QCoreApplication.translate("OrderProblems", text).format(**parts)
    return message


def _part(name: str, value: str) -> str:
    if name == "wanted":  # the field's help text, or the URL hint
        translated = field_text(value)
        return problem_text(value) if translated == value else translated
    return value
