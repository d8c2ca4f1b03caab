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

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from smpanel_desktop.api.models import Service
from smpanel_desktop.store.ledger import ExchangeRate
from smpanel_desktop.store.models import Panel

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
    """Every cached service of every panel, ready to search (build it off the GUI thread)."""

    def __init__(self, catalogs: Mapping[Panel, Sequence[Service]]) -> None:
        self.entries: list[tuple[Panel, Service]] = []
        self.hay: list[str] = []
        self.by_key: dict[ServiceKey, tuple[Panel, Service]] = {}
        for panel, services in catalogs.items():
            for s in services:
                self.entries.append((panel, s))
                self.by_key[(panel.id, s.id)] = (panel, s)
            self.hay.extend(f"{s.name}\n{s.category}".casefold() for s in services)

    def __len__(self) -> int:
        return len(self.entries)

    def matching(self, text: str) -> list[tuple[Panel, Service]]:
        words = text.casefold().split()
        if not words:
            return []
        hits: Sequence[int] = range(len(self.hay))
        for word in words:
            hay = self.hay
            hits = [i for i in hits if word in hay[i]]
        return [self.entries[i] for i in hits]


def rank(found: Iterable[tuple[Panel, Service, bool]], rates: Rates | None = None) -> list[Offer]:
    """Offers cheapest first within a currency (currencies joined by a rate ranked together);
    the largest group first."""
    rates = rates or Rates()
    items = list(found)
    counts = Counter((p.currency or "") for p, _, _ in items)
    base_of: dict[str, tuple[str, Decimal]] = {}
    for currency, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if currency in base_of:
            continue
        for other, factor in rates.factors(currency).items():
            base_of.setdefault(other, (currency, factor))
    offers = []
    for panel, service, linked in items:
        currency = panel.currency or ""
        base, factor = base_of[currency]
        offers.append(Offer(panel, service, currency, base, service.rate * factor, linked))
    size = Counter(o.rank_currency for o in offers)
    offers.sort(key=lambda o: (-size[o.rank_currency], o.rank_currency, o.rank_rate,
                               o.panel.name.casefold(), o.service.id))  # fmt: skip
    return offers


def _group_of(links: Sequence[frozenset[ServiceKey]]) -> dict[ServiceKey, frozenset[ServiceKey]]:
    return {key: group for group in links for key in group}


def search(
    index: CompareIndex,
    text: str,
    rates: Rates | None = None,
    links: Sequence[frozenset[ServiceKey]] = (),
) -> list[Offer]:
    """Services whose name or category holds every word of ``text``, with the services linked
    to them, ranked."""
    hits = index.matching(text)
    seen = {(p.id, s.id) for p, s in hits}
    found = [(p, s, False) for p, s in hits]
    group_of = _group_of(links)
    for p, s in hits:
        for key in sorted(group_of.get((p.id, s.id), ())):
            if key not in seen and key in index.by_key:
                seen.add(key)
                found.append((*index.by_key[key], True))
    return rank(found, rates)


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
