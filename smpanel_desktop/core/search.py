"""How every search box compares text: the same folding for what is searched and what is typed.

``casefold()`` alone turns a Turkish capital İ into "i" and a combining dot, so "çift" typed by
a user would not find "ÇİFT BEĞENİ"; the dot is dropped after folding.  Qt-free.
"""

from __future__ import annotations


def fold(text: str) -> str:
    """``text`` as searches compare it: case folded, a capital İ a plain i."""
    return text.casefold().replace("i\u0307", "i")
