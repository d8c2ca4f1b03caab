"""Price comparison across every panel's cached catalog.

``CompareIndex`` is built once from the loaded catalogs (a lower-cased name + category per
service); ``search`` then scans it for every word of the text.  Offers are ranked cheapest first
within a currency.  Currencies are never mixed unless the user entered an exchange rate joining
them: then the offers of those currencies are ranked together in the currency most of them use,
each keeping its own rate and currency.  Services the user marked as the same (a stored link)
join the results of any of them, and ``equivalents`` lists them cheapest first ("order on the
cheaper panel").
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from smpanel_desktop.api.models import Service
from smpanel_desktop.bulk import gc_paused
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.money.ledger import ExchangeRate

ServiceKey = tuple[int, int]
"""(panel id, service id)."""


@dataclass(frozen=True, slots=True)
class Offer:
    panel: Panel
    service: Service
    currency: str
    """The panel's currency (the rate is in it)."""
    rank_currency: str
    """The currency the offer is ranked in (its own unless an exchange rate joined it)."""
    rank_rate: Decimal
    """The rate per 1000 in ``rank_currency``."""
    linked: bool = False
    """Found through a link to a matching service, not by its own name."""

    @property
    def key(self) -> ServiceKey:
        return (self.panel.id, self.service.id)


class Rates:
    """The user's exchange rates, usable both ways (1 A = r B, so 1 B = 1/r A)."""

    def __init__(self, rates: Iterable[ExchangeRate] = ()) -> None:
        self.edges: dict[str, dict[str, Decimal]] = {}
        for r in rates:
            self.edges.setdefault(r.from_currency, {})[r.to_currency] = r.rate
            self.edges.setdefault(r.to_currency, {})[r.from_currency] = 1 / r.rate

    def factors(self, start: str) -> dict[str, Decimal]:
        """Every currency reachable from ``start``: the factor turning 1 of it into ``start``."""
        found, todo = {start: Decimal(1)}, [start]
        while todo:
            cur = todo.pop()
            for other, rate in self.edges.get(cur, {}).items():  # 1 cur = rate other
                if other not in found:
                    found[other] = found[cur] / rate
                    todo.append(other)
        return found


class CompareIndex:
    """Every cached service of every panel, ready to search (build it off the GUI thread).

    A word of the search matches a service when it is part of one of the (whitespace-separated)
    words of its name or category, ignoring case: the same as ``word in name + category``, but
    found through the distinct words (a few thousand in 200,000 services) and the services
    holding each, so a search never scans every service."""

    def __init__(self, catalogs: Mapping[Panel, Sequence[Service]]) -> None:
        with gc_paused():  # 200,000 services: the collector rescanned them over and over
            self._build(catalogs)

    def _build(self, catalogs: Mapping[Panel, Sequence[Service]]) -> None:
        self.entries: list[tuple[Panel, Service]] = []
        self.by_key: dict[ServiceKey, tuple[Panel, Service]] = {}
        holders: dict[str, array[int]] = {}
        texts: dict[str, list[str]] = {}  # name + category -> its distinct words (repeats)
        for panel, services in catalogs.items():
            for s in services:
                n = len(self.entries)
                self.entries.append((panel, s))
                self.by_key[(panel.id, s.id)] = (panel, s)
                text = f"{s.name}\n{s.category}"
                words = texts.get(text)
                if words is None:
                    words = texts[text] = list(set(text.casefold().split()))
                for word in words:
                    got = holders.get(word)
                    if got is None:
                        holders[word] = array("l", (n,))
                    else:
                        got.append(n)
        self.words = holders
        """Each distinct word -> the services holding it (an array: no work for the collector)."""

    def __len__(self) -> int:
        return len(self.entries)

    def _holding(self, part: str) -> set[int]:
        found: set[int] = set()
        for word, ids in self.words.items():
            if part in word:
                found.update(ids)
        return found

    def matching(self, text: str) -> list[tuple[Panel, Service]]:
        parts = text.casefold().split()
        if not parts:
            return []
        hits = self._holding(parts[0])
        for part in parts[1:]:
            if not hits:
                break
            hits &= self._holding(part)
        return [self.entries[i] for i in sorted(hits)]


def rank(
    found: Iterable[tuple[Panel, Service, bool]],
    rates: Rates | None = None,
    limit: int | None = None,
) -> list[Offer]:
    """Offers cheapest first within a currency (currencies joined by a rate ranked together),
    the largest group first; ``limit``: only the first so many (the sort keys are plain tuples,
    an ``Offer`` is made only for what is returned)."""
    rates = rates or Rates()
    items = found if isinstance(found, list) else list(found)
    counts = Counter([p.currency or "" for p, _, _ in items])
    base_of: dict[str, tuple[str, Decimal]] = {}
    for currency, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if currency not in base_of:
            for other, factor in rates.factors(currency).items():
                base_of.setdefault(other, (currency, factor))
    size: Counter[str] = Counter()
    for currency, n in counts.items():
        size[base_of[currency][0]] += n
    per_panel: dict[int, tuple[int, str, Decimal, str]] = {}
    keys = []
    for i, (panel, service, _) in enumerate(items):
        pre = per_panel.get(panel.id)
        if pre is None:
            base, factor = base_of[panel.currency or ""]
            pre = per_panel[panel.id] = (-size[base], base, factor, panel.name.casefold())
        group, base, factor, name = pre
        rate = service.rate if factor == 1 else service.rate * factor
        keys.append((group, base, rate, name, service.id, i))
    chosen = heapq.nsmallest(limit, keys) if limit is not None else sorted(keys)
    offers = []
    for _, base, rate, _, _, i in chosen:
        panel, service, linked = items[i]
        offers.append(Offer(panel, service, panel.currency or "", base, rate, linked))
    return offers


def _group_of(links: Sequence[frozenset[ServiceKey]]) -> dict[ServiceKey, frozenset[ServiceKey]]:
    return {key: group for group in links for key in group}


def search(
    index: CompareIndex,
    text: str,
    rates: Rates | None = None,
    links: Sequence[frozenset[ServiceKey]] = (),
    limit: int | None = None,
) -> list[Offer]:
    """Services whose name or category holds every word of ``text``, with the services linked
    to them, ranked (the first ``limit`` only, when given)."""
    with gc_paused():  # a full collection over 200,000 cached services took ~0.5 s
        hits = index.matching(text)
        found = [(p, s, False) for p, s in hits]
        group_of = _group_of(links)
        if group_of:
            seen = {(p.id, s.id) for p, s in hits}
            for p, s in hits:
                for key in sorted(group_of.get((p.id, s.id), ())):
                    if key not in seen and key in index.by_key:
                        seen.add(key)
                        found.append((*index.by_key[key], True))
        return rank(found, rates, limit)


def equivalents(
    index: CompareIndex,
    key: ServiceKey,
    rates: Rates | None = None,
    links: Sequence[frozenset[ServiceKey]] = (),
) -> list[Offer]:
    """The service ``key`` and those marked as the same, cheapest first (comparable ones only:
    another currency without an exchange rate is left out)."""
    group = _group_of(links).get(key, frozenset({key}))
    found = [(*index.by_key[k], k != key) for k in sorted(group) if k in index.by_key]
    offers = rank(found, rates)
    mine = next((o for o in offers if o.key == key), None)
    if mine is None:
        return offers
    return [o for o in offers if o.rank_currency == mine.rank_currency]
