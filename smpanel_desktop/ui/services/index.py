"""Filter and sort a services catalog fast enough for every keystroke on 20,000 rows.

Per row, everything is prepared ahead: the cell values per column (plain lists), a lowercase
haystack (name, category, id) for the search, and each column's sort order.  A filter is then a
list comprehension over row numbers, a sort a slice of a precomputed order: no per-row Python
method call and no Qt call on the hot path.  Loading only copies the column lists; the haystack
and the sort orders are built in small steps while the app is idle (``warm_step``), or at once
when they are needed before that.  Number cells are formatted when Qt asks for them (only the
visible ones), each distinct value once (``CellText``).  Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from smpanel_desktop.api.models import Service
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

COLUMNS = (
    QT_TRANSLATE_NOOP("Services", "ID"),
    QT_TRANSLATE_NOOP("Services", "Service"),
    QT_TRANSLATE_NOOP("Services", "Category"),
    QT_TRANSLATE_NOOP("Services", "Type"),
    QT_TRANSLATE_NOOP("Services", "Rate per 1000"),
    QT_TRANSLATE_NOOP("Services", "Min"),
    QT_TRANSLATE_NOOP("Services", "Max"),
    QT_TRANSLATE_NOOP("Services", "Refill"),
    QT_TRANSLATE_NOOP("Services", "Cancel"),
    QT_TRANSLATE_NOOP("Services", "Drip-feed"),
)
COL_ID, COL_NAME, COL_CATEGORY, COL_TYPE, COL_RATE, COL_MIN, COL_MAX = range(7)
COL_REFILL, COL_CANCEL, COL_DRIPFEED = 7, 8, 9
NUMERIC_COLUMNS = frozenset({COL_ID, COL_RATE, COL_MIN, COL_MAX})
FLAG_COLUMNS = frozenset({COL_REFILL, COL_CANCEL, COL_DRIPFEED})
WARM_ORDER = (COL_NAME, COL_RATE, COL_ID, COL_CATEGORY, COL_MIN, COL_MAX, COL_TYPE,
              COL_REFILL, COL_CANCEL, COL_DRIPFEED)  # fmt: skip
HAYSTACK_CHUNK = 4000


class CellText(dict[Any, str]):
    """Memoized ``format(value)``: catalogs repeat rates and limits, Qt asks for cells often."""

    def __init__(self, format: Callable[[Any], str]) -> None:
        super().__init__()
        self.format = format

    def __missing__(self, value: Any) -> str:
        text = self[value] = self.format(value)
        return text


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
    """Prepared rows of one catalog, and the visible rows for the current filters and sort."""

    def __init__(self, services: Sequence[Service]) -> None:
        self.services = svc = list(services)
        self.columns: list[list[Any]] = [
            [s.id for s in svc],
            [s.name for s in svc],
            [s.category for s in svc],
            [s.type for s in svc],
            [s.rate for s in svc],
            [s.min for s in svc],
            [s.max for s in svc],
            [s.refill for s in svc],
            [s.cancel for s in svc],
            [s.dripfeed for s in svc],
        ]
        self.categories = sorted(set(self.columns[COL_CATEGORY]), key=str.lower)
        self.types = sorted(set(self.columns[COL_TYPE]), key=str.lower)
        self._hay: list[str] = []  # "name\0category\0id", lowercased; built in chunks
        self._ascending: dict[int, list[int]] = {}  # column -> rows in ascending order
        self._warm = list(WARM_ORDER)
        self.sort_column: int | None = None
        self.descending = False
        self.filters = Filters()
        self._base_key: tuple[Any, ...] | None = None
        self._base: list[int] = []
        self._last: tuple[tuple[Any, ...], str, list[int]] | None = None
        self.visible: list[int] = list(range(len(svc)))

    def __len__(self) -> int:
        return len(self.services)

    # -- deferred preparation -------------------------------------------------------------

    def _hay_chunk(self) -> None:
        start = len(self._hay)
        cols = self.columns
        rows = zip(cols[COL_NAME][start : start + HAYSTACK_CHUNK],
                   cols[COL_CATEGORY][start : start + HAYSTACK_CHUNK],
                   map(str, cols[COL_ID][start : start + HAYSTACK_CHUNK]), strict=True)  # fmt: skip
        joined = list(map("\x00".join, rows))
        # one lower() over the joined chunk instead of one call per row
        lowered = "\n".join(joined).lower().split("\n")
        if len(lowered) != len(joined):  # a line break inside a name: do it row by row
            lowered = [text.lower() for text in joined]
        self._hay.extend(lowered)

    @property
    def haystack(self) -> list[str]:
        while len(self._hay) < len(self.services):
            self._hay_chunk()
        return self._hay

    @property
    def prepared(self) -> bool:
        return not self._warm and len(self._hay) >= len(self.services)

    def warm_step(self) -> bool:
        """Do one small piece of the deferred work; False when everything is ready."""
        if len(self._hay) < len(self.services):
            self._hay_chunk()
            return True
        while self._warm:
            column = self._warm.pop(0)
            if column not in self._ascending:
                self.ascending_order(column)
                return bool(self._warm)
        return False

    def ascending_order(self, column: int) -> list[int]:
        """All rows sorted by ``column`` (stable: ties keep catalog order); computed once."""
        order = self._ascending.get(column)
        if order is None:
            rows = range(len(self.services))
            if column == COL_NAME:  # the haystack starts with the lowercase name
                keys: list[Any] = self.haystack
            elif column in (COL_CATEGORY, COL_TYPE):
                values = self.columns[column]
                lower = {v: v.lower() for v in set(values)}
                keys = list(map(lower.__getitem__, values))
            else:
                keys = self.columns[column]
            order = self._ascending[column] = sorted(rows, key=keys.__getitem__)
        return order

    # -- filter and sort --------------------------------------------------------------------

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
        cols = self.columns
        for column, wanted in ((COL_CATEGORY, f.category), (COL_TYPE, f.type)):
            if wanted:
                values = cols[column]
                rows = [i for i in rows if values[i] == wanted]
        for column, only in ((COL_REFILL, f.refill), (COL_CANCEL, f.cancel),
                             (COL_DRIPFEED, f.dripfeed)):  # fmt: skip
            if only:
                flags = cols[column]
                rows = [i for i in rows if flags[i]]
        self._base_key, self._base, self._last = key, rows, None
        return rows

    def refresh(self) -> list[int]:
        """Recompute ``visible`` for the current filters and sort; returns it."""
        base = self._base_rows()
        needle = self.filters.text.strip().lower()
        if not needle:
            self.visible, self._last = base, None
            return base
        rows = base
        # Typing one more letter narrows the previous result: scan only that.
        last = self._last
        if last is not None and last[0] == self._base_key and needle.startswith(last[1]):
            rows = last[2]
        hay = self.haystack
        self.visible = [i for i in rows if needle in hay[i]]
        self._last = (self._base_key or (), needle, self.visible)
        return self.visible

    def set_filters(self, filters: Filters) -> list[int]:
        self.filters = filters
        return self.refresh()

    def set_sort(self, column: int | None, descending: bool = False) -> list[int]:
        """Reorder: the visible rows stay the same, so keep those of the new order in them."""
        filtered = len(self.visible) < len(self.services)
        shown = set(self.visible) if filtered else None
        self.sort_column, self.descending = column, descending
        if shown is None:
            return self.refresh()
        self.visible = [i for i in self._ordered_rows() if i in shown]  # no text search again
        self._base_key = self._last = None  # the next filter change starts from the new order
        return self.visible
