"""How a cell's text is laid out: elided to its cell and placed as Qt's item painting places it.

``FontFacts`` measures what that needs of a view's font once (its widest ASCII character, its
height and ascent, the focus margin, and whether numbers can be measured by adding up their
characters); ``lay_out`` gives a ``LaidText``, which the delegate keeps per text and cell size
and, once a text has been shown a few times, draws from a prepared ``QStaticText``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QStaticText
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QWidget

_HORIZONTAL = int(Qt.AlignmentFlag.AlignHorizontal_Mask)
_RIGHT_BITS = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTrailing)
_CENTER_BIT = int(Qt.AlignmentFlag.AlignHCenter)
_RIGHT_TO_LEFT = Qt.LayoutDirection.RightToLeft
_ASCII = [chr(code) for code in range(32, 127)]
_NUMERIC = "0123456789.,:-% "
_NOT_NUMERIC = str.maketrans("", "", _NUMERIC)  # deletes the numeric characters


def lay_out(
    option: QStyleOptionViewItem, font: FontFacts, text: str, width: int, height: int, align: int
) -> LaidText | None:
    """``text`` elided to a cell of ``width`` × ``height`` and placed by ``align``, as Qt's item
    painting does; None for a text this does not handle (several lines, mirrored)."""
    if "\n" in text or "\r" in text or font.rtl:
        return None  # several lines, or mirrored: Qt's own painting
    margin = font.margin
    room = width - 2 * margin
    used: float | None = None
    if text.isascii() and len(text) * font.widest + 1 <= room:
        shown = text  # fits for sure: no need to measure
    elif (used := font.width(text)) <= room:  # what elidedText measures first: it fits
        shown = text
    else:
        shown = option.fontMetrics.elidedText(text, option.textElideMode, room)
        used = None
    horizontal = align & _HORIZONTAL
    if horizontal & (_RIGHT_BITS | _CENTER_BIT):  # placed as Qt does, to a fraction of a pixel
        if used is None:
            used = font.width(shown)
        free = width - 2 * margin - used
        dx = margin + (free if horizontal & _RIGHT_BITS else free / 2)
    else:
        dx = margin
    return LaidText(shown, max(float(margin), dx), (height - font.height) // 2, font.ascent)


class FontFacts:
    """What laying a cell's text out needs of the view's font, measured once."""

    __slots__ = ("advance", "ascent", "digits", "height", "margin", "rtl", "widest")

    def __init__(self, option: QStyleOptionViewItem) -> None:
        metrics = option.fontMetrics
        self.advance = advance = QFontMetricsF(option.font).horizontalAdvance
        self.widest = max(map(advance, _ASCII))  # an ASCII character's widest advance
        self.height, self.ascent = metrics.height(), metrics.ascent()
        self.rtl = option.direction == _RIGHT_TO_LEFT
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        focus = QStyle.PixelMetric.PM_FocusFrameHMargin
        self.margin = (style.pixelMetric(focus, None, widget) if style else 2) + 1
        # numbers, dates and amounts: their width is the sum of their characters' when the font
        # kerns no pair of them (measured here, so a font that does is measured text by text)
        advances = {c: advance(c) for c in _NUMERIC}
        unkerned = all(
            advance(a + b) == advances[a] + advances[b] for a in _NUMERIC for b in _NUMERIC
        )
        self.digits = advances if unkerned else None

    def width(self, text: str) -> float:
        """The advance of ``text`` in the font, as ``horizontalAdvance`` gives it."""
        digits = self.digits
        if digits is not None and not text.translate(_NOT_NUMERIC):
            return sum(map(digits.__getitem__, text))
        return self.advance(text)


class LaidText:
    """One cell text as shown: elided, placed, and once shown a few times a ``QStaticText``."""

    __slots__ = ("ascent", "dx", "seen", "static", "text", "top", "whole")

    def __init__(self, text: str, dx: float, top: int, ascent: int) -> None:
        self.text, self.dx, self.top, self.ascent = text, dx, top, ascent
        self.whole = int(dx) if float(dx).is_integer() else 0  # dx when a whole pixel, else 0
        self.seen = 0
        self.static: QStaticText | None = None
