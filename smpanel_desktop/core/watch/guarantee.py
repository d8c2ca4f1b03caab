"""The refill guarantee window of a service, read from its name or set by the user.

Panels write the window into service names in many ways: ``30 Days ♻️``, ``Refill 30D``,
``R30``, ``[60 Days Refill]``, ``♻️ 1 Year``, ``Lifetime ♻️``, ``No Refill ⚠️``, sometimes in
small-caps letters (``ʀᴇꜰɪʟʟ``).  ``parse_guarantee(name)`` turns them into a ``Guarantee``;
a name that states nothing gives ``UNSTATED`` (the order is eligible and the panel decides).
A per-service setting (``Guarantee.from_text``) overrides the name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["days", "lifetime", "none", "unstated"]
DAY = 86400.0


@dataclass(frozen=True, slots=True)
class Guarantee:
    kind: Kind
    days: int | None = None

    def covers(self, completed_at: float, now: float) -> bool:
        """True while an order completed at ``completed_at`` is inside the window."""
        if self.kind == "none":
            return False
        if self.kind == "days" and self.days is not None:
            return now - completed_at <= self.days * DAY
        return True

    def text(self) -> str:
        """As the per-service setting stores it: ``30``, ``lifetime``, ``none``, ``""``."""
        if self.kind == "days":
            return str(self.days)
        return "" if self.kind == "unstated" else self.kind

    @classmethod
    def from_text(cls, text: str) -> Guarantee:
        """``30`` / ``30d`` / ``lifetime`` / ``none`` / ``""``; raises ValueError otherwise."""
        value = text.strip().casefold().removesuffix("days").removesuffix("d").strip()
        if value in ("", "auto", "unstated"):
            return UNSTATED
        if value in ("lifetime", "forever", "life"):
            return LIFETIME
        if value in ("none", "no", "0", "no refill"):
            return NO_REFILL
        if value.isascii() and value.isdigit() and 0 < int(value) <= 36500:
            return cls("days", int(value))
        raise ValueError(f'Not a refill window: "{text}" (a number of days, lifetime or none).')


UNSTATED = Guarantee("unstated")
LIFETIME = Guarantee("lifetime")
NO_REFILL = Guarantee("none")

_SMALL_CAPS = str.maketrans(
    "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ",
    "abcdefghijklmnopqrstuvwyz",
)
_UNIT = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7, "m": 30, "month": 30,
         "months": 30, "y": 365, "year": 365, "years": 365}  # fmt: skip
_MARK = r"(?:refill|rf|♻|guarantee[d]?|warranty)"
_AMOUNT = r"(\d{1,4})\s*(days?|d|weeks?|w|months?|m|years?|y)\b"
_NO = re.compile(
    r"\b(?:no|non|without)[\s-]*refill|\brefill\s*[:\-]?\s*(?:no|none|off)\b|❌\s*refill"
)
_LIFE = re.compile(r"\blife\s*time\b|\blifetime\b|\bforever\b|\bpermanent\b")
_R_SHORT = re.compile(r"(?<![\w.])R(\d{1,4})(?!\w)")  # R30 (uppercase R, as panels write it)
_BEFORE = re.compile(_MARK + r"\W{0,3}" + _AMOUNT)  # Refill 30D, ♻️ 30 days, refill: 30 days
_AFTER = re.compile(_AMOUNT + r"[\s\W]{0,3}" + _MARK)  # 30 Days ♻️, 30D refill


@functools.lru_cache(maxsize=4096)
def parse_guarantee(name: str) -> Guarantee:
    """The window a service name states (see the module text); cached (orders repeat names)."""
    text = name.translate(_SMALL_CAPS)
    short = _R_SHORT.search(text)
    low = text.casefold()
    if _NO.search(low):
        return NO_REFILL
    for pattern in (_AFTER, _BEFORE):
        found = pattern.search(low)
        if found:
            days = int(found.group(1)) * _UNIT[found.group(2)]
            return Guarantee("days", days) if days > 0 else NO_REFILL
    if _LIFE.search(low):
        return LIFETIME
    if short and int(short.group(1)) > 0:
        return Guarantee("days", int(short.group(1)))
    return UNSTATED
