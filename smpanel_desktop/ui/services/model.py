"""A thin table model over a ``ServiceIndex``: ``data()`` only indexes precomputed strings.

Sorting and filtering happen in the index (plain Python lists), never through a
``QSortFilterProxyModel`` calling back into Python per comparison (measured here: 2.4 s
to sort 20,000 rows that way).  A sort keeps the selection (``layoutChanged`` with persistent
indexes moved); a filter resets the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from smpanel_desktop.api.models import Service
from smpanel_desktop.ui.services.index import (
    COL_CATEGORY,
    COL_ID,
    COL_NAME,
    COLUMNS,
    FLAG_COLUMNS,
    NUMERIC_COLUMNS,
    Filters,
    ServiceIndex,
)
from smpanel_desktop.ui.widgets.cells import CellRoles, Plain
from smpanel_desktop.ui.widgets.formatting import CellText, DecimalFormatter, format_count

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN = [
    _RIGHT if c in NUMERIC_COLUMNS else _CENTER if c in FLAG_COLUMNS else _LEFT
    for c in range(len(COLUMNS))
]
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
ServiceRole = Qt.ItemDataRole.UserRole + 1


class ServicesModel(QAbstractTableModel):
    """Rows of the Services tab.  ``set_services`` loads a catalog; ``apply_filters`` narrows it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index = ServiceIndex([])
        self._visible: list[int] = []
        self._columns = self._index.columns
        self._text = self._cell_texts("")
        self.favourites: frozenset[int] = frozenset()
        self.star: Any = None
        """What a favourite's id cell shows beside the id (an icon; None: nothing)."""
        self.roles = CellRoles(
            {
                _DISPLAY: self._display,
                _ALIGN_ROLE: self._alignment,
                _TOOLTIP: self._tooltip,
                _DECORATION: self._decoration,
                ServiceRole: self._service,
            },
            self.rowCount,
            self._plain_row,
        )
        """What ``data()`` answers, per role; the view's ``TextDelegate`` paints from it (a cell
        with a decoration, a favourite's star, is painted the standard way)."""

    @staticmethod
    def _cell_texts(currency: str) -> list[CellText | None]:
        """Per column: how a cell value becomes text (None: it already is text)."""
        locale = QLocale()
        amount = DecimalFormatter(locale, trim=True)
        suffix = f" {currency}" if currency else ""
        count = CellText(lambda value: format_count(value, locale))
        yes = QCoreApplication.translate("Services", "Yes")
        no = QCoreApplication.translate("Services", "No")
        flag = CellText(lambda value: yes if value else no)
        return [
            CellText(str),
            None,
            None,
            None,
            CellText(lambda rate: amount(rate) + suffix),
            count,
            count,
            flag,
            flag,
            flag,
        ]

    # -- loading, filtering, sorting -------------------------------------------------------

    @property
    def index_(self) -> ServiceIndex:
        return self._index

    def set_services(self, services: Sequence[Service], currency: str) -> None:
        """Replace the catalog, keeping the current filters and sort."""
        old = self._index
        new = ServiceIndex(services)
        new.filters, new.sort_column, new.descending = old.filters, old.sort_column, old.descending
        self.beginResetModel()
        self._index, self._columns = new, new.columns
        self._text = self._cell_texts(currency)
        self._visible = new.refresh()
        self.endResetModel()

    def set_favourites(self, ids: frozenset[int], star: Any) -> None:
        """Mark these services' id cells with ``star`` (one repaint of the id column)."""
        self.favourites, self.star = ids, star
        if self._visible:
            last = self.index(len(self._visible) - 1, COL_ID)
            self.dataChanged.emit(self.index(0, COL_ID), last, [_DECORATION])

    def warm_step(self) -> bool:
        """One step of the index's deferred preparation (call while idle); False when done."""
        return self._index.warm_step()

    def apply_filters(self, filters: Filters) -> None:
        if filters == self._index.filters:
            return
        self.beginResetModel()
        self._visible = self._index.set_filters(filters)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: catalog order), keeping selected rows selected."""
        descending = order == Qt.SortOrder.DescendingOrder
        column_or_none = column if 0 <= column < len(COLUMNS) else None
        ix = self._index
        if (ix.sort_column, ix.descending) == (column_or_none, descending):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        rows = [self._visible[p.row()] for p in persistent]
        self._visible = ix.set_sort(column_or_none, descending)
        if persistent:  # usually the selection and the current cell: a few C-speed scans
            where = {row: self._visible.index(row) for row in set(rows)}
            self.changePersistentIndexList(
                persistent,
                [self.index(where[r], p.column()) for p, r in zip(persistent, rows, strict=True)],
            )
        self.layoutChanged.emit()

    # -- queries ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._index)

    @property
    def categories(self) -> list[str]:
        return self._index.categories

    @property
    def types(self) -> list[str]:
        return self._index.types

    def service_at(self, row: int) -> Service | None:
        if 0 <= row < len(self._visible):
            return self._index.services[self._visible[row]]
        return None

    def row_of(self, service_id: int) -> int | None:
        """The visible row showing ``service_id``, or None when it is filtered out."""
        ids = self._columns[COL_ID]
        for pos, i in enumerate(self._visible):
            if ids[i] == service_id:
                return pos
        return None

    # -- cells, per role (``CellRoles``: row and column are valid) ------------------------------

    def _display(self, row: int, column: int) -> Any:
        value = self._columns[column][self._visible[row]]
        text = self._text[column]
        return value if text is None else text[value]

    def _plain_row(self, row: int) -> list[Plain | None]:
        """``roles.plain`` for each column of ``row`` at once (a favourite's id has a star)."""
        i = self._visible[row]
        values = [column[i] for column in self._columns]
        shown = [v if t is None else t[v] for v, t in zip(values, self._text, strict=True)]
        cells: list[Plain | None] = [
            (v if type(v) is str else "" if v is None else str(v), a, None)
            for v, a in zip(shown, _ALIGN, strict=True)
        ]
        if self.star is not None and self._columns[COL_ID][i] in self.favourites:
            cells[COL_ID] = None
        return cells

    @staticmethod
    def _alignment(_row: int, column: int) -> int:
        return _ALIGN[column]

    def _tooltip(self, row: int, column: int) -> Any:
        if column in (COL_NAME, COL_CATEGORY):
            return self._columns[column][self._visible[row]]
        return None

    def _service(self, row: int, _column: int) -> Service:
        return self._index.services[self._visible[row]]

    def _decoration(self, row: int, column: int) -> Any:
        if column != COL_ID or not self.favourites:
            return None
        return self.star if self._columns[COL_ID][self._visible[row]] in self.favourites else None

    # -- QAbstractTableModel ----------------------------------------------------------------

    # Qt calls these two for every cell it paints (``index()`` checks the row and column).
    # ``flags()`` is QAbstractTableModel's own: enabled, selectable, no children.
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.roles.data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("Services", COLUMNS[section])
        return None
