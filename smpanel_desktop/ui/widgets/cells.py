"""Table cells painted at the speed of Qt's own C++ models, for any column of a Python model.

A ``QTableView`` over a Python model crosses into Python ~10 times per visible cell and paint
(``rowCount``, ``columnCount``, ``flags``, then ``data()`` for 7 roles), and Qt then lays out
and elides every cell's text again, emoji and decorated letters included.  Two pieces avoid it:

* ``CellRoles``: a model's answers, one function ``(row, column) -> value`` per role.  The
  model's ``data()`` is ``roles.data(index, role)`` (a dict lookup); ``plain(row, column)``
  tells whether a cell is only text (no handler of ``RICH_ROLES`` answers for it), and
  ``plain_row(row)`` answers that for a whole row at once (a model may give a quicker one).
* ``TextDelegate``: ``draw_plain`` paints a plain cell from cached, elided text (a
  ``QStaticText`` once shown a few times); any other cell goes to ``QStyledItemDelegate``.
  ``row_painter.py`` calls it once per cell of a whole page of rows.

So a new column needs no special case: give it a display handler (and, if it has one, an icon
or check-box handler); the delegate picks the right way per cell.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, cast

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPalette,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from smpanel_desktop.ui.widgets.text_layout import FontFacts, LaidText, lay_out

Index = QModelIndex | QPersistentModelIndex
Handler = Callable[[int, int], Any]
Plain = tuple[str, int, Any]  # a text-only cell: text, alignment, foreground (or None)
_Rect = tuple[int, int, int, int]


class RowCells(Protocol):
    """A row's ``plain()`` answers, indexed by column."""

    def __getitem__(self, column: int, /) -> Plain | None: ...


DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
RICH_ROLES = tuple(
    int(role)
    for role in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
    )
)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_Key = tuple[str, int, int, int]  # text, cell width, cell height, alignment
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_LOOK = _SELECTED | _ENABLED | _ACTIVE  # the state bits that choose a cell's colours
CACHE_LIMIT = 8192  # cached texts (a few screens of cells); the cache starts over beyond


class CellRoles:
    """Per role, the function that answers it for a cell; ``data()`` and ``plain()`` over them.

    ``rows()`` returns how many rows there are now: an index past it (a stale one) gets None.
    ``row_plain(row)``, when given, answers ``plain()`` for every column of a row at once (the
    delegate asks once per painted row); it must agree with ``plain()`` cell by cell."""

    def __init__(
        self,
        handlers: Mapping[int, Handler],
        rows: Callable[[], int],
        row_plain: Callable[[int], RowCells] | None = None,
    ) -> None:
        self.handlers: dict[int, Handler] = {int(role): fn for role, fn in handlers.items()}
        self._rows = rows
        self._row_plain = row_plain

    def plain_row(self, row: int) -> RowCells:
        """``plain(row, column)`` for the columns of ``row``, indexed by column."""
        if self._row_plain is not None:
            return self._row_plain(row)
        return _PerCell(self.plain, row)

    def data(self, index: Index, role: int) -> Any:
        handler = self.handlers.get(role)
        if handler is None or not index.isValid():
            return None
        row = index.row()
        if row >= self._rows():
            return None
        return handler(row, index.column())

    def plain(self, row: int, column: int) -> Plain | None:
        """(text, alignment, foreground or None) when the cell is only text, else None."""
        handlers = self.handlers
        for role in RICH_ROLES:
            rich = handlers.get(role)
            if rich is not None and rich(row, column) is not None:
                return None
        text = handlers[DISPLAY](row, column)
        if text is None:
            text = ""
        elif not isinstance(text, str):
            text = str(text)
        align = handlers.get(ALIGNMENT)
        fg = handlers.get(FOREGROUND)
        return (
            text,
            _LEFT if align is None else int(align(row, column) or _LEFT),
            None if fg is None else fg(row, column),
        )


class TextDelegate(QStyledItemDelegate):
    """Paints the plain-text cells of ``roles`` from cached static text (see the module)."""

    def __init__(self, roles: CellRoles, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plain_row = roles.plain_row
        self._row = -1  # the row whose cells ``_cells`` holds, within this paint
        self._cells: RowCells = ()
        self._cache: dict[_Key, LaidText] = {}
        self._colors: dict[tuple[int, int], tuple[QBrush | None, QColor]] = {}
        self._font: FontFacts | None = None

    def clear_cache(self) -> None:
        """Forget the laid-out texts and the colours (after a font, palette or style change)."""
        self._cache.clear()
        self._colors.clear()
        self._font = None

    def new_frame(self) -> None:
        """A new paint begins: the cells of the rows may have changed since the last one.  The
        view calls it before painting (``TableView.paintEvent``)."""
        self._row = -1

    def _lay_out(self, option: QStyleOptionViewItem, key: _Key) -> LaidText | None:
        """The text elided to its cell and placed once (``text_layout.lay_out``), kept."""
        if self._font is None:
            self._font = FontFacts(option)
        laid = lay_out(option, self._font, *key)
        if laid is not None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = laid
        return laid

    def cells_of(self, row: int) -> RowCells:
        """The model's plain-text answers for the cells of ``row`` (None: not plain)."""
        return self._plain_row(row)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.row()
        if row != self._row:  # Qt paints a row's cells one after the other: ask once per row
            self._cells = self._plain_row(row)
            self._row = row
        cell = self._cells[index.column()]
        state = option.state.value  # an int: Python enum flag operations cost a µs each
        # the current cell (one in the view) gets Qt's focus frame, a cell not only text Qt's
        # own painting
        if (
            cell is None
            or state & _HAS_FOCUS
            or not self.draw_plain(
                painter, option, cell, cast(_Rect, option.rect.getRect()), state, option.palette
            )
        ):
            super().paint(painter, option, index)

    def draw_plain(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        cell: Plain,
        rect: _Rect,
        state: int,
        palette: QPalette,
    ) -> bool:
        """Paint a text-only cell at ``rect`` (left, top, width, height) in ``state``: its
        selection fill, then its text elided and placed as Qt places it.  False, painting
        nothing, for a text this does not handle (several lines, mirrored); ``option`` gives the
        font and elide mode."""
        text, align, foreground = cell
        left, top, width, height = rect
        key = (text, width, height, align)
        laid = self._cache.get(key)
        if laid is None:
            laid = self._lay_out(option, key)
            if laid is None:
                return False
        look = (palette.cacheKey(), state & _LOOK)
        colors = self._colors.get(look)
        if colors is None:
            colors = self._colors[look] = cell_colors(palette, state)
        fill, pen = colors
        if fill is not None:
            painter.fillRect(left, top, width, height, fill)
        if not text:
            return True  # an empty cell: its background is all there is
        if fill is not None:
            painter.setPen(pen)
        elif isinstance(foreground, QBrush):
            painter.setPen(foreground.color())
        elif isinstance(foreground, QColor):
            painter.setPen(foreground)
        else:
            painter.setPen(pen)
        static = laid.static
        x, y = left + laid.dx, top + laid.top
        if static is not None:
            if laid.whole:  # an integer position: the overload without a QPointF is quicker
                painter.drawStaticText(left + laid.whole, y, static)
            else:
                painter.drawStaticText(QPointF(x, y), static)
        elif laid.seen < 2:  # most texts are shown once or twice (a filter, a scroll): draw
            laid.seen += 1
            painter.drawText(QPointF(x, y + laid.ascent), laid.text)
        else:  # shown often (the top rows while typing): lay it out once for the next paints
            laid.static = static = QStaticText(laid.text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), option.font)
            painter.drawStaticText(QPointF(x, y), static)
        return True


class _PerCell:
    """A row's ``plain()`` answers, asked cell by cell (for a model without ``row_plain``)."""

    __slots__ = ("_plain", "_row")

    def __init__(self, plain: Callable[[int, int], Plain | None], row: int) -> None:
        self._plain, self._row = plain, row

    def __getitem__(self, column: int) -> Plain | None:
        return self._plain(self._row, column)


def color_group(state: int) -> QPalette.ColorGroup:
    """The palette group a view item in ``state`` (``QStyle.State`` bits) is painted with."""
    if not state & _ENABLED:
        return QPalette.ColorGroup.Disabled
    if not state & _ACTIVE:
        return QPalette.ColorGroup.Inactive
    return QPalette.ColorGroup.Normal


def cell_colors(palette: QPalette, state: int) -> tuple[QBrush | None, QColor]:
    """The selection fill (None when not selected) and the text colour of a cell in ``state``."""
    group = color_group(state)
    if state & _SELECTED:
        return (
            palette.brush(group, QPalette.ColorRole.Highlight),
            palette.color(group, QPalette.ColorRole.HighlightedText),
        )
    return None, palette.color(group, QPalette.ColorRole.Text)
