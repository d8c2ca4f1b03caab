"""A thin table model over tracked orders: filter and sort plain Python lists, reset, done.

No ``QSortFilterProxyModel``: its per-comparison calls into Python make it two orders of
magnitude too slow for 100,000 orders.  ``data()`` formats only the cells the view asks for.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from smpanel_desktop.store.dripfeed import Dripfeed
from smpanel_desktop.store.models import PLACED, UNKNOWN, Refill, TrackedOrder
from smpanel_desktop.ui.orders.columns import (
    COL_REFILL,
    COL_STATUS,
    COLUMNS,
    LEFT,
    NUMERIC,
    RIGHT,
    SORT_KEYS,
    Formats,
    bold_font,
    cell_text,
    cell_tooltip,
    column_title,
    haystack,
    sorted_rows,
    status_brushes,
)
from smpanel_desktop.ui.orders.filter import OrderFilter, matching, open_work
from smpanel_desktop.ui.watch import marks as watch
from smpanel_desktop.ui.widgets.cells import CellRoles, Plain

Index = QModelIndex | QPersistentModelIndex
OrderRole = Qt.ItemDataRole.UserRole + 1
_R = Qt.ItemDataRole
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
ALIGNS = tuple(RIGHT if column in NUMERIC else LEFT for column in range(len(COLUMNS)))
COLUMN_NUMBERS = range(len(COLUMNS))


class OrdersModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._orders: list[TrackedOrder] = []
        self._refills: dict[int, Refill] = {}
        self._visible: list[TrackedOrder] = []
        self._haystack: dict[int, str] | None = None
        self._filter = OrderFilter()
        self._sort: tuple[int, bool] | None = None  # column, descending
        self._currency = ""
        self._dripfeeds: dict[int, Dripfeed] = {}
        self._brushes = status_brushes()
        self._texts: dict[int, list[str]] = {}  # local id -> its cell texts, once shown
        self._texts_until = 0.0
        self._formats = Formats()  # each distinct count, amount and time, formatted once
        self.roles = CellRoles(
            {
                _R.DisplayRole: self._display,
                _R.TextAlignmentRole: self._alignment,
                _R.ForegroundRole: self._foreground,
                _R.FontRole: self._font,
                _R.ToolTipRole: self._tooltip,
                _R.DecorationRole: self._decoration,
                _R.BackgroundRole: self._background,
                OrderRole: self._order,
            },
            self.rowCount,
            self._plain_row,
        )
        """What ``data()`` answers, per role (the view's ``TextDelegate`` paints plain cells)."""
        self._watch = watch.WatchMarks()  # eligible / stuck marks (ui/watch/marks.py)

    def set_watch(self, marks: watch.WatchMarks) -> None:
        """New eligibility and stuck marks: repaint, and filter again when filtering by them."""
        self._watch = marks
        if self._filter.status in watch.FILTER_KEYS:
            self.beginResetModel()
            self._visible = self._compute()
            self.endResetModel()
        else:
            self._repaint_all()

    @property
    def watch(self) -> watch.WatchMarks:
        return self._watch

    def refresh_colors(self) -> None:
        """Pick the status colours again for the palette in use (light or dark)."""
        self._brushes = status_brushes()
        self._repaint_all()

    def _repaint_all(self) -> None:
        if (last := self.rowCount() - 1) >= 0:  # every cell: the marks tint whole rows
            self.dataChanged.emit(self.index(0, 0), self.index(last, len(COLUMNS) - 1))

    # -- loading, filtering, sorting --------------------------------------------------------------

    def set_orders(
        self,
        orders: Sequence[TrackedOrder],
        refills: Sequence[Refill] = (),
        currency: str = "",
        dripfeeds: Mapping[int, Dripfeed] | None = None,
        *,
        in_place: bool = False,
    ) -> None:
        """Replace every row (newest first as given), keeping the filter and the sort; ``in_place``
        (some rows rewritten): the same rows shown in the same order only repaint their cells."""
        before = [o.id for o in self._visible] if in_place else None
        self._dripfeeds = dict(dripfeeds or {})
        self._orders = list(orders)
        self._currency = currency
        self._refills = {}
        for refill in refills:  # newest first: keep the first seen per order
            self._refills.setdefault(refill.order_local_id, refill)
        self._haystack = None
        self._forget_texts()
        visible = self._compute()
        if before is not None and [o.id for o in visible] == before:
            self._visible = visible
            self._repaint_all()
            return
        self.beginResetModel()  # (rowCount and data answer from _visible until it is replaced)
        self._visible = visible
        self.endResetModel()

    def set_filter(self, flt: OrderFilter) -> None:
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._visible = self._compute()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sortable = column in SORT_KEYS or column == COL_REFILL
        wanted = (column, order == Qt.SortOrder.DescendingOrder) if sortable else None
        if wanted == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        visible = self._visible
        held = [visible[p.row()] if p.row() < len(visible) else None for p in persistent]
        self._sort = wanted
        self._visible = sorted_rows(self._visible, self._sort, self._refills)
        where = {id(o): row for row, o in enumerate(self._visible)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(where[id(o)], p.column()) if o is not None else QModelIndex()
                for p, o in zip(persistent, held, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _compute(self) -> list[TrackedOrder]:
        rows = matching(self._orders, self._filter, self._watch, self._texts_searched)
        return sorted_rows(rows, self._sort, self._refills)

    def _texts_searched(self) -> dict[int, str]:
        if self._haystack is None:  # built on the first search after a load
            self._haystack = {o.id: haystack(o) for o in self._orders}
        return self._haystack

    # -- queries ----------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._orders)

    @property
    def filter(self) -> OrderFilter:
        return self._filter

    def order_at(self, row: int) -> TrackedOrder | None:
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def visible_orders(self) -> list[TrackedOrder]:
        return list(self._visible)

    def all_orders(self) -> list[TrackedOrder]:
        return list(self._orders)

    def has_open_work(self) -> bool:
        """Anything worth polling: a placed order or an accepted refill not yet final."""
        return open_work(self._orders, self._refills.values())

    def refill_of(self, order: TrackedOrder) -> Refill | None:
        return self._refills.get(order.id)

    def rows_of(self, local_ids: set[int]) -> list[int]:
        """The visible rows of these orders (local ids), in one pass."""
        return [row for row, o in enumerate(self._visible) if o.id in local_ids]

    def row_of(self, local_id: int) -> int | None:
        return next(iter(self.rows_of({local_id})), None)

    def cell_text(self, order: TrackedOrder, column: int) -> str:
        return cell_text(order, column, self._refills, self._currency)

    # -- cells, per role (``CellRoles``: the row and column are valid) ----------------------------

    def _display(self, row: int, column: int) -> str:
        return self._row_texts(self._visible[row])[column]

    def _row_texts(self, order: TrackedOrder) -> list[str]:
        """The row's cell texts, formatted once per load (times show the date after midnight)."""
        if time.time() >= self._texts_until:
            self._forget_texts()
        texts = self._texts.get(order.id)
        if texts is None:
            refills, currency, formats = self._refills, self._currency, self._formats
            texts = [cell_text(order, c, refills, currency, formats) for c in COLUMN_NUMBERS]
            self._texts[order.id] = texts
        return texts

    def _plain_row(self, row: int) -> list[Plain | None]:
        """``roles.plain`` for each column of ``row`` at once: a stuck order's row is tinted,
        and the status cell has an icon when a refill is due and is bold when unknown."""
        order = self._visible[row]
        if order.id in self._watch.stuck:
            return [None] * len(COLUMNS)
        texts = self._row_texts(order)
        cells: list[Plain | None] = [(t, a, None) for t, a in zip(texts, ALIGNS, strict=True)]
        rich = order.id in self._watch.eligible or order.state == UNKNOWN
        status = texts[COL_STATUS], LEFT, self._foreground(row, COL_STATUS)
        cells[COL_STATUS] = None if rich else status
        return cells

    def _forget_texts(self) -> None:
        self._texts.clear()
        self._formats = Formats()
        midnight = time.mktime((*time.localtime()[:3], 0, 0, 0, 0, 0, -1))
        self._texts_until = midnight + 86_400

    @staticmethod
    def _alignment(_row: int, column: int) -> int:
        return ALIGNS[column]

    def _order(self, row: int, _column: int) -> TrackedOrder:
        return self._visible[row]

    def _foreground(self, row: int, column: int) -> QBrush | None:
        if column != COL_STATUS:
            return None
        order = self._visible[row]
        key = order.state if order.state != PLACED else (order.status or "").strip().lower()
        return self._brushes.get(key)

    def _font(self, row: int, column: int) -> QFont | None:
        if column == COL_STATUS and self._visible[row].state == UNKNOWN:
            return bold_font()
        return None

    def _decoration(self, row: int, column: int) -> Any:
        if column != COL_STATUS:
            return None
        return watch.cell(self._watch, self._visible[row], True, _DECORATION)

    def _background(self, row: int, column: int) -> Any:
        return watch.cell(self._watch, self._visible[row], column == COL_STATUS, _BACKGROUND)

    def _tooltip(self, row: int, column: int) -> str | None:
        order = self._visible[row]
        refill = self._refills.get(order.id)
        return cell_tooltip(order, column, self._watch, refill, self._dripfeeds.get(order.id))

    # -- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
                return column_title(section)
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.roles.data(index, role)
