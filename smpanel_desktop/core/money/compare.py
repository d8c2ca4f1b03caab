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

import bisect
import heapq
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from smpanel_desktop.api.models import Service
from smpanel_desktop.bulk import gc_paused
from smpanel_desktop.core.search import fold
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
        self.number: dict[ServiceKey, int] = {}
        holders: dict[str, array[int]] = {}
        texts: dict[str, list[str]] = {}  # name + category -> its distinct words (repeats)
        for panel, services in catalogs.items():
            for s in services:
                n = len(self.entries)
                self.entries.append((panel, s))
                self.by_key[(panel.id, s.id)] = (panel, s)
                self.number[(panel.id, s.id)] = n
                text = f"{s.name}\n{s.category}"
                words = texts.get(text)
                if words is None:
                    words = texts[text] = list(set(fold(text).split()))
                for word in words:
                    got = holders.get(word)
                    if got is None:
                        holders[word] = array("l", (n,))
                    else:
                        got.append(n)
        self.words = holders
        """Each distinct word -> the services holding it (an array: no work for the collector)."""
        order = sorted(range(len(self.entries)), key=self._price_key)
        self.at = array("l", order)
        """The services in price order: per currency, cheapest first (then panel, id)."""
        self.pos = array("l", [0]) * len(order)
        """Each service's place in ``at``."""
        self.runs: list[tuple[str, int, int]] = []
        """Each currency's stretch of ``at``: (currency, first place, end)."""
        for place, n in enumerate(order):
            self.pos[n] = place
            currency = self.entries[n][0].currency or ""
            if not self.runs or self.runs[-1][0] != currency:
                self.runs.append((currency, place, place))
            self.runs[-1] = (currency, self.runs[-1][1], place + 1)

    def _price_key(self, n: int) -> tuple[str, Decimal, str, int, int]:
        panel, s = self.entries[n]
        return (panel.currency or "", s.rate, panel.name.casefold(), s.id, n)

    def __len__(self) -> int:
        return len(self.entries)

    def matching_ids(self, text: str) -> set[int]:
        """The services (indexes in ``entries``) holding every word of ``text``."""
        parts = fold(text).split()
        if not parts:
            return set()
        holding = [[ids for word, ids in self.words.items() if part in word] for part in parts]
        holding.sort(key=lambda arrays: sum(len(a) for a in arrays))  # the rarest word first
        hits: set[int] = set().union(*holding[0])
        for arrays in holding[1:]:
            if not hits:
                break
            if len(arrays) == 1:
                hits.intersection_update(arrays[0])
            else:
                hits &= set().union(*arrays)
        return hits

    def matching(self, text: str) -> list[tuple[Panel, Service]]:
        return [self.entries[i] for i in sorted(self.matching_ids(text))]

    def cheapest(self, ids: Iterable[int], limit: int) -> tuple[list[int], Counter[str]]:
        """Of ``ids``, the ``limit`` cheapest of each currency (in price order), and how many
        there are of each currency: all a ranking of the first ``limit`` needs."""
        places = sorted(map(self.pos.__getitem__, ids))
        kept: list[int] = []
        counts: Counter[str] = Counter()
        for currency, lo, hi in self.runs:
            first, end = bisect.bisect_left(places, lo), bisect.bisect_left(places, hi)
            if end > first:
                counts[currency] += end - first
                kept.extend(map(self.at.__getitem__, places[first : min(end, first + limit)]))
        return kept, counts


def rank(
    found: Iterable[tuple[Panel, Service, bool]],
    rates: Rates | None = None,
    limit: int | None = None,
    counts: Counter[str] | None = None,
) -> list[Offer]:
    """Offers cheapest first within a currency (currencies joined by a rate ranked together),
    the largest group first; ``limit``: only the first so many (the sort keys are plain tuples,
    an ``Offer`` is made only for what is returned).  ``counts``: how many offers of each
    currency were found, when ``found`` holds only the cheapest of each (the groups' sizes)."""
    rates = rates or Rates()
    items = found if isinstance(found, list) else list(found)
    if counts is None:
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
        hits = index.matching_ids(text)
        linked: set[int] = set()
        group_of = _group_of(links)
        if group_of:
            for i in sorted(hits):
                p, s = index.entries[i]
                for key in sorted(group_of.get((p.id, s.id), ())):
                    n = index.number.get(key)
                    if n is not None and n not in hits:
                        linked.add(n)
        if limit is None:
            chosen, counts = sorted(hits | linked), None
        else:  # only the cheapest of each currency can be among the first ``limit``
            chosen, counts = index.cheapest(hits | linked, limit)
        found = [(*index.entries[n], n in linked) for n in chosen]
        return rank(found, rates, limit, counts)


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
