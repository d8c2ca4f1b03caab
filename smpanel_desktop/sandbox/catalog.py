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

from .catalog_data import (
    ALL_TYPES,
    CURRENCY_FACTORS,
    DESCRIPTIONS,
    GEO,
    JUNK,
    QUALITY,
    SPEEDS,
    START,
    TAGS,
    TEMPLATES,
    UNLIMITED,
    WEIGHTED,
    Template,
)

_X = TypeVar("_X")


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
    rng: random.Random,
    sid: int,
    tpl: Template,
    category: str,
    factor: float,
    anchor: dict[str, Any],
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
    parts = [f"{platform} {product}{_pick(rng, GEO)} [ Max {_label(smax)} ]", _pick(rng, QUALITY)]
    if cancel and rng.random() < 0.7:
        parts.append("Cancel Enable")
    parts += [refill_label, _pick(rng, START)]
    if rng.random() < 0.6:
        parts.append(f"Day {_pick(rng, SPEEDS)} 🚀")
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
        wire["description"] = _pick(rng, DESCRIPTIONS)
    works = refill and ("refill" in anchor or rng.random() >= 0.1)
    spec = ServiceSpec(sid, name, stype, category, rate, smin, smax, refill, cancel, drip, works)
    return wire, spec


def _category(rng: random.Random, tpl: Template) -> str:
    platform, product = tpl[0], tpl[1]
    if rng.random() < 0.3:
        return f"{platform} | {product}{_pick(rng, TAGS)}"
    return f"{platform} {product}{_pick(rng, TAGS)}"


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
        plan.append((_pick(rng, WEIGHTED), [{}] * size))
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
            name = _pick(rng, JUNK)
            wires[k] = {"service": old.id, "name": name, "type": "Default", "rate": "0.6945",
                        "min": 10, "max": 1000000, "dripfeed": False, "refill": False,
                        "cancel": True, "category": "Other"}  # fmt: skip
            specs[k] = ServiceSpec(old.id, name, "Default", "Other", Decimal("0.6945"), 10,
                                   1000000, False, True, False, False)  # fmt: skip
    return wires, specs
