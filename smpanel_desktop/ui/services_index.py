"""Filter and sort a services catalog fast enough for every keystroke on 20,000 rows.

Everything per row is computed once when a catalog arrives: display strings per column, a
lowercase haystack (id, name, category) for the search, and a sort key per column.  A filter or a
sort afterwards is a list comprehension over row numbers and a ``sorted`` over precomputed keys,
with no per-row Python method call and no Qt call on the hot path.  Qt-free; the table model
(``services_model.py``) only indexes into the display strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from smpanel_desktop.api.models import Service

COLUMNS = (
    "ID",
    "Service",
    "Category",
    "Type",
    "Rate per 1000",
    "Min",
    "Max",
    "Refill",
    "Cancel",
    "Drip-feed",
)
COL_ID, COL_NAME, COL_CATEGORY, COL_TYPE, COL_RATE, COL_MIN, COL_MAX = range(7)
COL_REFILL, COL_CANCEL, COL_DRIPFEED = 7, 8, 9
NUMERIC_COLUMNS = frozenset({COL_ID, COL_RATE, COL_MIN, COL_MAX})
FLAG_COLUMNS = frozenset({COL_REFILL, COL_CANCEL, COL_DRIPFEED})


@dataclass(frozen=True)
class Filters:
    """What the user asked to see.  Empty strings and False mean "no restriction"."""

    text: str = ""
    category: str = ""
    type: str = ""
    refill: bool = False
    cancel: bool = False
    dripfeed: bool = False

    def base(self) -> tuple[str, str, bool, bool, bool]:
        """Everything but the text: what decides the candidate rows the text is matched in."""
        return (self.category, self.type, self.refill, self.cancel, self.dripfeed)


class ServiceIndex:
    """Precomputed rows of one catalog, and the visible rows for the current filters and sort."""

    def __init__(
        self,
        services: Sequence[Service],
        rate_text: Callable[[Decimal], str],
        count_text: Callable[[int], str],
    ) -> None:
        self.services = list(services)
        svc = self.services
        yes = ("No", "Yes")
        # Catalogs repeat the same rates and limits: format each distinct value once.
        rates = [s.rate for s in svc]
        mins = [s.min for s in svc]
        maxes = [s.max for s in svc]
        rate_texts = {r: rate_text(r) for r in set(rates)}
        count_texts = {c: count_text(c) for c in set(mins).union(maxes)}
        self.display: list[list[str]] = [
            [str(s.id) for s in svc],
            [s.name for s in svc],
            [s.category for s in svc],
            [s.type for s in svc],
            list(map(rate_texts.__getitem__, rates)),
            list(map(count_texts.__getitem__, mins)),
            list(map(count_texts.__getitem__, maxes)),
            [yes[s.refill] for s in svc],
            [yes[s.cancel] for s in svc],
            [yes[s.dripfeed] for s in svc],
        ]
        # lower(), not casefold(): as good for a search box and twice as fast on 20,000 rows
        self.haystack = [f"{s.id}\x00{s.name}\x00{s.category}".lower() for s in svc]
        self._raw_keys: list[Callable[[], list[Any]]] = [
            lambda: [s.id for s in svc],
            lambda: [s.name.casefold() for s in svc],
            lambda: [s.category.casefold() for s in svc],
            lambda: [s.type.casefold() for s in svc],
            lambda: rates,
            lambda: mins,
            lambda: maxes,
            lambda: [s.refill for s in svc],
            lambda: [s.cancel for s in svc],
            lambda: [s.dripfeed for s in svc],
        ]
        self.categories = sorted(set(self.display[COL_CATEGORY]), key=str.casefold)
        self.types = sorted(set(self.display[COL_TYPE]), key=str.casefold)
        self._ascending: dict[int, list[int]] = {}  # column -> rows in ascending order
        self.sort_column: int | None = None
        self.descending = False
        self.filters = Filters()
        self._base_key: tuple[Any, ...] | None = None
        self._base: list[int] = []
        self._last: tuple[tuple[Any, ...], str, list[int]] | None = None
        self.visible: list[int] = list(range(len(svc)))

    def __len__(self) -> int:
        return len(self.services)

    def ascending_order(self, column: int) -> list[int]:
        """All rows sorted by ``column`` (stable, ties by catalog order); computed once."""
        order = self._ascending.get(column)
        if order is None:
            keys = self._raw_keys[column]()
            order = sorted(range(len(keys)), key=keys.__getitem__)
            self._ascending[column] = order
        return order

    def _ordered_rows(self) -> list[int]:
        if self.sort_column is None:
            return list(range(len(self.services)))
        order = self.ascending_order(self.sort_column)
        return order[::-1] if self.descending else order

    def _base_rows(self) -> list[int]:
        """Rows passing the non-text filters, in the current sort order (cached)."""
        f = self.filters
        key = (*f.base(), self.sort_column, self.descending)
        if key == self._base_key:
            return self._base
        rows = self._ordered_rows()
        if f.category:
            cats = self.display[COL_CATEGORY]
            rows = [i for i in rows if cats[i] == f.category]
        if f.type:
            types = self.display[COL_TYPE]
            rows = [i for i in rows if types[i] == f.type]
        svc = self.services
        if f.refill:
            rows = [i for i in rows if svc[i].refill]
        if f.cancel:
            rows = [i for i in rows if svc[i].cancel]
        if f.dripfeed:
            rows = [i for i in rows if svc[i].dripfeed]
        self._base_key, self._base, self._last = key, rows, None
        return rows

    def refresh(self) -> list[int]:
        """Recompute ``visible`` for the current filters and sort; returns it."""
        base = self._base_rows()
        needle = self.filters.text.strip().lower()
        if not needle:
            self.visible = base
            self._last = None
            return base
        rows = base
        # Typing one more letter narrows the previous result: scan only that.
        if (
            self._last is not None
            and self._last[0] == self._base_key
            and needle.startswith(self._last[1])
        ):
            rows = self._last[2]
        hay = self.haystack
        self.visible = [i for i in rows if needle in hay[i]]
        self._last = (self._base_key or (), needle, self.visible)
        return self.visible

    def set_filters(self, filters: Filters) -> list[int]:
        self.filters = filters
        return self.refresh()

    def set_sort(self, column: int | None, descending: bool = False) -> list[int]:
        self.sort_column, self.descending = column, descending
        return self.refresh()
