"""A deterministic, realistic service catalog for the sandbox panel.

``generate_catalog(count, seed, currency)`` returns ``(wire, specs)``: the service dicts exactly
as the ``services`` action sends them (mixed number types, missing flags, ``&amp;``, emoji,
small-caps letters, junk private services, every service type of the reference plus ``Special``
and lowercase ``default``) and, in the same order, the normalized ``ServiceSpec`` the server
checks orders against.  Same ``(count, seed, currency)`` -> the same catalog, byte for byte.

Shapes learnt from real ``services`` answers: categories grouped in blocks, names with bracketed
metadata (``[ Max 50K ] | 30 Days ♻️ | Instant Start``), ``max`` 2147483647, packages with
min = max = 1.  A flag missing from a service means false.  ``refill: true`` is no promise: a
few such services refuse refills (``ServiceSpec.refill_works``), as real panels do.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

_X = TypeVar("_X")

UNLIMITED = 2147483647

# Rates are generated in USD and scaled for the panel's currency.
CURRENCY_FACTORS = {
    "USD": 1, "EUR": 0.92, "TRY": 32, "INR": 83, "BRL": 5, "RUB": 92,
    "UZS": 12500, "PKR": 280, "VND": 24000, "IDR": 15500, "NGN": 1500,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    id: int
    name: str
    type: str
    category: str
    rate: Decimal
    min: int
    max: int
    refill: bool
    cancel: bool
    dripfeed: bool
    refill_works: bool
    """False for about one in ten ``refill: true`` services: ``action=refill`` still answers
    "Refill is disabled for this service", as real panels do.  ``find_service(refill=True)``
    only returns services whose refill works."""


# (platform, product, type, USD rate range, min choices, max choices)
_T = tuple[str, str, str, tuple[float, float], tuple[int, ...], tuple[int, ...]]
_MINS = (10, 20, 50, 100, 100, 200, 500, 1000)
_MAXS = (1000, 5000, 10000, 50000, 100000, 500000, 1000000, 5000000, UNLIMITED)
_CMIN = (1, 5, 10)
_CMAX = (100, 1000, 5000, 10000)
_ONE = (1,)
TEMPLATES: tuple[_T, ...] = (
    ("Instagram", "Followers", "Default", (0.2, 9.0), _MINS, _MAXS),
    ("Instagram", "Likes", "Default", (0.02, 2.5), _MINS, _MAXS),
    ("Instagram", "Reels Views", "Default", (0.001, 0.3), _MINS, _MAXS),
    ("Instagram", "Story Views", "Default", (0.01, 1.0), _MINS, _MAXS),
    ("Instagram", "Custom Comments", "Custom Comments", (2.0, 60.0), _CMIN, _CMAX),
    ("Instagram", "Comment Packages", "Custom Comments Package", (3.0, 90.0), _ONE, _ONE),
    ("Instagram", "Mentions", "Mentions", (1.0, 12.0), _MINS, _MAXS[:5]),
    ("Instagram", "Mentions + Hashtags", "Mentions with Hashtags", (1.5, 15.0), _MINS, _MAXS[:5]),
    ("Instagram", "Mentions Custom List", "Mentions Custom List", (2.0, 20.0), _CMIN, _CMAX),
    ("Instagram", "Hashtag Mentions", "Mentions Hashtag", (1.0, 10.0), _MINS, _MAXS[:5]),
    (
        "Instagram",
        "Mentions [User Followers]",
        "Mentions User Followers",
        (1.0, 10.0),
        _MINS,
        _MAXS[:5],
    ),
    (
        "Instagram",
        "Mentions [Media Likers]",
        "Mentions Media Likers",
        (1.0, 10.0),
        _MINS,
        _MAXS[:5],
    ),
    ("Instagram", "Comment Likes", "Comment Likes", (0.5, 8.0), _MINS, _MAXS[:6]),
    ("Instagram", "Auto Likes", "Subscriptions", (0.5, 6.0), _MINS, _MAXS[:7]),
    ("Instagram", "Auto Story Views Packages", "Package", (3.0, 120.0), _ONE, _ONE),
    ("TikTok", "Followers", "Default", (0.3, 8.0), _MINS, _MAXS),
    ("TikTok", "Likes", "Default", (0.03, 2.0), _MINS, _MAXS),
    ("TikTok", "Video Views", "Default", (0.001, 0.1), _MINS, _MAXS),
    ("TikTok", "Live Stream Views", "Default", (0.5, 30.0), _MINS, _MAXS[:5]),
    ("TikTok", "Custom Comments", "Custom Comments", (3.0, 40.0), _CMIN, _CMAX),
    ("TikTok", "Shares", "Special", (0.05, 1.5), _MINS, _MAXS),
    ("YouTube", "Views", "Default", (0.5, 6.0), _MINS, _MAXS),
    ("YouTube", "Subscribers", "Default", (5.0, 60.0), _MINS, _MAXS[:6]),
    ("YouTube", "Likes", "Default", (0.5, 8.0), _MINS, _MAXS[:7]),
    ("YouTube", "Comment Replies", "Comment Replies", (5.0, 50.0), _CMIN, _CMAX),
    ("YouTube", "Search SEO Ranking", "SEO", (1.0, 20.0), _MINS, _MAXS[:5]),
    ("YouTube", "Live Stream Viewers", "default", (1.0, 40.0), _MINS, _MAXS[:5]),
    ("X / Twitter", "Followers", "Default", (0.8, 20.0), _MINS, _MAXS[:7]),
    ("X / Twitter", "Likes", "Default", (0.5, 6.0), _MINS, _MAXS[:7]),
    ("X / Twitter", "Poll Votes", "Poll", (0.5, 6.0), _MINS, _MAXS[:6]),
    ("Telegram", "Members", "Default", (0.5, 9.0), _MINS, _MAXS[:8]),
    ("Telegram", "Post Views", "Default", (0.005, 0.2), _MINS, _MAXS),
    (
        "Telegram",
        "Members [Invites from Groups]",
        "Invites from Groups",
        (2.0, 15.0),
        _MINS,
        _MAXS[:6],
    ),
    ("Telegram", "Auto Post Views", "Subscriptions", (0.05, 2.0), _MINS, _MAXS[:7]),
    ("Telegram", "Poll Votes", "Poll", (0.3, 4.0), _MINS, _MAXS[:6]),
    ("Facebook", "Page Likes", "Default", (1.0, 12.0), _MINS, _MAXS[:7]),
    ("Facebook", "Video Views", "Default", (0.1, 3.0), _MINS, _MAXS),
    ("Facebook", "Monetization Packages", "Package", (10.0, 250.0), _ONE, _ONE),
    ("Spotify", "Plays", "Default", (0.2, 2.0), _MINS, _MAXS),
    ("Spotify", "Followers", "Default", (0.5, 4.0), _MINS, _MAXS[:7]),
    ("Spotify", "Packages", "Package", (3.0, 200.0), _ONE, _ONE),
    ("Twitch", "Followers", "Default", (0.5, 6.0), _MINS, _MAXS[:6]),
    ("Twitch", "Live Stream Viewers", "Default", (0.5, 30.0), _MINS, _MAXS[:4]),
    ("Discord", "Server Members", "Default", (2.0, 25.0), _MINS, _MAXS[:6]),
    ("Website Traffic", "Visitors", "Web Traffic", (0.05, 2.0), _MINS, _MAXS),
    ("Website Traffic", "Organic Keywords", "SEO", (1.0, 15.0), _MINS, _MAXS[:5]),
    ("Threads", "Followers", "Default", (0.5, 6.0), _MINS, _MAXS[:6]),
)
ALL_TYPES = tuple(dict.fromkeys(t[2] for t in TEMPLATES))
# Default services dominate real catalogs: weight their templates when picking blocks.
_WEIGHTED = tuple(i for i, t in enumerate(TEMPLATES) for _ in range(6 if t[2] == "Default" else 1))
_QUALITY = (
    "Real Accounts", "HQ Accounts", "LQ Accounts", "Old Accounts", "Real &amp; Active Accounts",
    "Accounts with Profile Photos", "100% Real Users", "Bot Accounts", "Mixed Quality",
    "𝐏𝐫𝐞𝐦𝐢𝐮𝐦 Accounts", "Non Drop", "Low Drop", "Drop 0-10%",
)  # fmt: skip
_GEO = ("", "", "", "", " [ Worldwide 🌍 ]", " [ Turkey 🇹🇷 ]", " [ USA 🇺🇸 ]", " [ India 🇮🇳 ]",
        " [ Brazil 🇧🇷 ]")  # fmt: skip
_START = (
    "Instant Start",
    "Instant Start 🚀",
    "0-1 Hour",
    "0-6 Hours",
    "Instan Start",
    "1-12 Hours",
)
_TAGS = ("", "", " ᴺᴱᵂ", " [ Cheapest 💥 ]", " [ Recommended ⭐ ]", " [ HQ ] ᴺᴱᵂ",
         " [ Best ⭐️ ] ᴺᴱᵂ", " ⚡", " ♻️", " [ S2 ]", " ʀᴇᴀʟ", " - SV1")  # fmt: skip
_SPEEDS = ("1K", "5K", "10K", "20K", "50K", "100K", "1M")
_JUNK = ("tktk", "tktkkr3", "private 2", "test", "Private service - do not order")
_DESCRIPTIONS = (
    "Start: 0-1 hours\nSpeed: 5K-10K/day\nRefill: 30 days\nLink: post or profile URL",
    "⚠️ Account must be public.\nNo refill for drops under 10%.",
    "Real &amp; active users.\nDo not place two orders for the same link at once.",
)


def _pick(rng: random.Random, seq: Sequence[_X]) -> _X:
    """``rng.choice`` at half the cost (one ``random()`` call): it matters at 20,000 services."""
    return seq[int(rng.random() * len(seq))]


def _label(n: int) -> str:
    if n >= UNLIMITED:
        return "Unlimited"
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}K"
    return str(n)


def _rate_text(rng: random.Random, usd: float, factor: float) -> tuple[Decimal, Any]:
    """The rate as a Decimal and as it goes on the wire (str, float or int)."""
    value = usd * factor
    places = 4 if value < 1 else 2
    rate = Decimal(repr(round(value, places))).normalize()
    if rate <= 0:
        rate = Decimal("0.001")
    text = format(rate, "f")
    roll = rng.random()
    if roll < 0.55:
        return rate, text if "." in text else text + ".00"
    if roll < 0.75:
        return rate, float(text)
    if roll < 0.87:
        return rate, format(rate.quantize(Decimal("0.00000001")), "f")
    if rate == rate.to_integral_value():
        return rate, int(rate)
    return rate, text


def _number(rng: random.Random, n: int) -> Any:
    return str(n) if rng.random() < 0.3 else n


def _service(
    rng: random.Random, sid: int, tpl: _T, category: str, factor: float, anchor: dict[str, Any]
) -> tuple[dict[str, Any], ServiceSpec]:
    platform, product, stype, (lo, hi), mins, maxs = tpl
    smin = anchor.get("min", _pick(rng, mins))
    smax = anchor.get("max", _pick(rng, maxs))
    if smax < smin:
        smin, smax = smax, smin
    packaged = stype in ("Package", "Custom Comments Package")
    refill = anchor.get("refill", (not packaged) and rng.random() < 0.45)
    cancel = anchor.get("cancel", rng.random() < 0.4)
    drip = anchor.get("dripfeed", stype == "Default" and rng.random() < 0.5)
    refill_label = _pick(rng, ("30 Days ♻️", "Lifetime ♻️", "60 Days ♻️")) if refill else "No Refill ⚠️"
    parts = [f"{platform} {product}{_pick(rng, _GEO)} [ Max {_label(smax)} ]", _pick(rng, _QUALITY)]
    if cancel and rng.random() < 0.7:
        parts.append("Cancel Enable")
    parts += [refill_label, _pick(rng, _START)]
    if rng.random() < 0.6:
        parts.append(f"Day {_pick(rng, _SPEEDS)} 🚀")
    if packaged:
        parts[0] = f"{platform} {product} [ {_pick(rng, (1, 5, 10, 15, 50)) * 1000} Units ]"
    name = " | ".join(parts)
    rate, wire_rate = _rate_text(rng, rng.uniform(lo, hi), factor)
    wire: dict[str, Any] = {
        "service": str(sid) if rng.random() < 0.08 else sid,
        "name": name,
        "type": stype,
        "rate": wire_rate,
        "min": _number(rng, smin),
        "max": _number(rng, smax),
    }
    for key, flag in (("dripfeed", drip), ("refill", refill), ("cancel", cancel)):
        # Only a false flag goes missing, so "missing = false" (the reference) holds both ways.
        if flag or key in anchor or rng.random() < 0.8:
            wire[key] = flag
    wire["category"] = category
    if rng.random() < 0.06:
        wire["description"] = _pick(rng, _DESCRIPTIONS)
    works = refill and ("refill" in anchor or rng.random() >= 0.1)
    spec = ServiceSpec(sid, name, stype, category, rate, smin, smax, refill, cancel, drip, works)
    return wire, spec


def _category(rng: random.Random, tpl: _T) -> str:
    platform, product = tpl[0], tpl[1]
    if rng.random() < 0.3:
        return f"{platform} | {product}{_pick(rng, _TAGS)}"
    return f"{platform} {product}{_pick(rng, _TAGS)}"


# The first services are fixed in kind so tests always find them (flags exact, refill works).
_ANCHORS: tuple[tuple[int, dict[str, Any]], ...] = (
    (0, {"min": 10, "max": 100000, "refill": True, "cancel": True, "dripfeed": True}),
    (0, {"min": 50, "max": 50000, "refill": False, "cancel": False, "dripfeed": False}),
    (2, {"min": 100, "max": UNLIMITED, "refill": True, "cancel": False, "dripfeed": True}),
)


def generate_catalog(
    count: int = 3000, seed: int = 1, currency: str = "USD"
) -> tuple[list[dict[str, Any]], list[ServiceSpec]]:
    rng = random.Random(seed)
    factor = CURRENCY_FACTORS.get(currency.upper(), 1)
    # Blocks of (template, category, anchors): the anchors, then one block of every type, then
    # random blocks until ``count`` services; blocks are then ordered by platform as panels do.
    plan: list[tuple[int, list[dict[str, Any]]]] = []
    for index, anchor in _ANCHORS:
        plan.append((index, [anchor]))
    by_type = {t: [i for i, tpl in enumerate(TEMPLATES) if tpl[2] == t] for t in ALL_TYPES}
    for stype in ALL_TYPES:
        plan.append((_pick(rng, by_type[stype]), [{}] * rng.randint(1, 3)))
    total = sum(len(b) for _, b in plan)
    while total < count:
        size = min(rng.randint(2, 14), count - total)
        plan.append((_pick(rng, _WEIGHTED), [{}] * size))
        total += size
    junk = count >= 40
    platforms = list(dict.fromkeys(t[0] for t in TEMPLATES))
    wires: list[dict[str, Any]] = []
    specs: list[ServiceSpec] = []
    ids = rng.sample(range(1, count * 3 + 100), count)
    blocks: list[tuple[int, int, list[tuple[dict[str, Any], ServiceSpec]]]] = []
    produced = 0
    for position, (tpl_index, anchors) in enumerate(plan):
        if produced >= count:
            break
        tpl = TEMPLATES[tpl_index]
        category = _category(rng, tpl)
        items = []
        for anchor in anchors[: count - produced]:
            sid = ids[produced]
            items.append(_service(rng, sid, tpl, category, factor, anchor))
            produced += 1
        blocks.append((platforms.index(tpl[0]), position, items))
    blocks.sort(key=lambda b: (b[0] if b[1] >= len(_ANCHORS) else -1, b[1]))
    for _, _, items in blocks:
        for wire, spec in items:
            wires.append(wire)
            specs.append(spec)
    if junk:  # replace the last two with private junk, as real lists end with
        for k in (-2, -1):
            old = specs[k]
            name = _pick(rng, _JUNK)
            wires[k] = {"service": old.id, "name": name, "type": "Default", "rate": "0.6945",
                        "min": 10, "max": 1000000, "dripfeed": False, "refill": False,
                        "cancel": True, "category": "Other"}  # fmt: skip
            specs[k] = ServiceSpec(old.id, name, "Default", "Other", Decimal("0.6945"), 10,
                                   1000000, False, True, False, False)  # fmt: skip
    return wires, specs
