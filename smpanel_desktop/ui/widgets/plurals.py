"""Texts with a count, in the singular and plural forms of the user's language.

lupdate reads plural forms only from ``tr()`` calls, so code outside a QObject asks here:
``plurals().orders(3)`` -> "3 orders" (English), "3 sipariş" (Turkish).
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject


class Plurals(QObject):
    # notifications (ui/watch/notifier.py)
    def orders_completed(self, n: int) -> str:
        return self.tr("%n order(s) completed", "", n)

    def partial(self, n: int) -> str:
        return self.tr("%n partial", "", n)

    def canceled(self, n: int) -> str:
        return self.tr("%n canceled", "", n)

    def refills_finished(self, n: int) -> str:
        return self.tr("%n refill(s) finished", "", n)

    def completed(self, n: int) -> str:
        return self.tr("%n completed", "", n)

    def not_completed(self, n: int) -> str:
        return self.tr("%n not", "", n)

    def orders_stuck(self, n: int) -> str:
        return self.tr("%n order(s) stuck: no progress for hours", "", n)

    def services_changed(self, n: int) -> str:
        return self.tr("%n service(s) you use changed", "", n)

    # refill windows (ui/watch/refill_window.py)
    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)

    # mass orders (ui/mass_order/texts.py)
    def orders(self, n: int) -> str:
        return self.tr("%n order(s)", "", n)

    def invalid_lines(self, n: int) -> str:
        return self.tr("%n invalid line(s)", "", n)

    def overlapping_lines(self, n: int) -> str:
        return self.tr("%n line(s) overlap an open order", "", n)

    def place_orders(self, n: int) -> str:
        return self.tr("Place %n order(s) for %1?", "", n)

    def lines_skipped(self, n: int) -> str:
        return self.tr("%n invalid line(s) will be skipped.", "", n)


@functools.cache
def plurals() -> Plurals:
    """The one ``Plurals`` (made on first use)."""
    return Plurals()
