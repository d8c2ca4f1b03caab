"""The rows of a big table painted in one pass of Python instead of one call into Python per cell.

``QTableView`` paints a cell by calling its delegate's ``paint``, and finds the cell through the
model's ``index()``, which asks ``rowCount`` and ``columnCount``: with a Python model and
delegate that is three crossings of PySide6's bridge per cell, each wrapping the painter, a copy
of the style option and the index.  A page of Orders has ~400 cells, and those crossings were
most of a Page Down's time.  ``paint_rows`` does what ``QTableView::paintEvent`` does for a table
without spans, hidden or moved rows, or a mirrored layout: per row the style's row background
(alternate colour), per cell the selection and the text (``TextDelegate.draw_plain``), then the
grid lines.  A cell that is not only text (an icon, a bar), and the current cell with its focus
frame, still go to their delegate with the option Qt would give them.  ``can_paint_rows`` says
when a view qualifies; ``TableView`` falls back to Qt's painting otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from smpanel_desktop.ui.widgets.cells import TextDelegate, color_group

_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_ROW = QStyle.PrimitiveElement.PE_PanelItemViewRow
_Rect = tuple[int, int, int, int]
_PLAIN_ROW_STYLES = frozenset({"fusion", "windows"})  # their row background: the alternate
# colour, or the selection when the style shows it under decorations (QCommonStyle's own)


def can_paint_rows(view: QTableView) -> bool:
    """Whether ``paint_rows`` paints ``view`` as Qt would (else Qt's own painting is used)."""
    vertical = view.verticalHeader()
    return (
        view.model() is not None
        and not view.isRightToLeft()
        and not view.wordWrap()
        and not vertical.sectionsHidden()
        and not vertical.sectionsMoved()
        and not view.style().styleHint(QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines)
    )


def paint_rows(view: QTableView, delegate: TextDelegate, event: QPaintEvent) -> None:
    """Paint the rows of ``view`` that ``event`` exposes (see the module)."""
    model = view.model()
    header, vertical = view.horizontalHeader(), view.verticalHeader()
    if model.rowCount() == 0 or header.count() == 0:
        return
    area = event.rect()
    right_px = min(area.right(), header.length() - header.offset() - 1)
    bottom_px = min(area.bottom(), vertical.length() - vertical.offset() - 1)
    if right_px < area.left() or bottom_px < area.top():
        return  # below the last row or right of the last column: only the background
    top = vertical.visualIndexAt(area.top())
    bottom = vertical.visualIndexAt(bottom_px)
    if bottom < 0:
        bottom = model.rowCount() - 1
    if top < 0 or top > bottom:
        return
    left = max(0, header.visualIndexAt(area.left()))
    right = header.visualIndexAt(right_px)
    if right < 0:
        right = header.count() - 1
    grid = 1 if view.showGrid() else 0
    columns = [
        (col, view.columnViewportPosition(col), view.columnWidth(col) - grid,
         view.itemDelegateForColumn(col))
        for col in map(header.logicalIndex, range(left, right + 1))
        if not header.isSectionHidden(col)
    ]  # fmt: skip
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    base = option.state.value
    palette = option.palette
    style = view.style()
    plain_rows = style.name().lower() in _PLAIN_ROW_STYLES
    show_selected = style.styleHint(
        QStyle.StyleHint.SH_ItemView_ShowDecorationSelected, option, view
    )
    group = color_group(base)
    alternate_fill = palette.brush(group, QPalette.ColorRole.AlternateBase)
    highlight = palette.brush(group, QPalette.ColorRole.Highlight)
    selected_ranges = _selected(view, top, bottom)
    current = view.currentIndex()
    focused = current.isValid() and (view.hasFocus() or view.viewport().hasFocus())
    focus_row, focus_column = (current.row(), current.column()) if focused else (-1, -1)
    alternating = view.alternatingRowColors()
    cell_option = _CellOption(option)
    painter = QPainter(view.viewport())
    try:  # ended whatever a cell's painting raises (Qt crashes on a painter left open)
        lines: list[int] = []
        for row in range(top, bottom + 1):
            y = view.rowViewportPosition(row)
            height = view.rowHeight(row) - grid
            lines.append(y + height)
            alternate = alternating and bool(row & 1)
            spans = [(lo, hi) for first, last, lo, hi in selected_ranges if first <= row <= last]
            if plain_rows and alternate and columns:
                end = columns[-1][1] + columns[-1][2]
                painter.fillRect(columns[0][1], y, end - columns[0][1], height, alternate_fill)
            cells = delegate.cells_of(row)
            for col, x, width, own in columns:
                selected = bool(spans) and any(lo <= col <= hi for lo, hi in spans)
                state = base | _SELECTED if selected else base
                rect = (x, y, width, height)
                if not plain_rows:  # the style's own row background, per cell as Qt asks for it
                    style.drawPrimitive(_ROW, cell_option.at(rect, state, alternate), painter, view)
                elif selected and show_selected:
                    painter.fillRect(x, y, width, height, highlight)
                cell = cells[col]
                if row == focus_row and col == focus_column:
                    state |= _HAS_FOCUS
                if (
                    own is not None
                    or cell is None
                    or state & _HAS_FOCUS
                    or not delegate.draw_plain(painter, option, cell, rect, state, palette)
                ):
                    at = cell_option.at(rect, state, alternate)
                    (own or delegate).paint(painter, at, model.index(row, col))
        if grid:
            hint = style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
            color = QColor.fromRgba(hint & 0xFFFFFFFF)
            left_px, top_px = area.left(), area.top()
            if view.gridStyle() == Qt.PenStyle.SolidLine:  # a solid 1-pixel line is a thin
                # rectangle, which the raster engine fills 3-5x quicker than it draws the line
                for y in lines:
                    painter.fillRect(left_px, y, right_px - left_px + 1, 1, color)
                for _col, x, width, _own in columns:
                    painter.fillRect(x + width, top_px, 1, bottom_px - top_px + 1, color)
            else:
                painter.setPen(QPen(color, 1, view.gridStyle()))
                for y in lines:
                    painter.drawLine(left_px, y, right_px, y)
                for _col, x, width, _own in columns:
                    painter.drawLine(x + width, top_px, x + width, bottom_px)
    finally:
        painter.end()


def _selected(view: QTableView, top: int, bottom: int) -> list[tuple[int, int, int, int]]:
    """The selection's ranges (first row, last row, first column, last column) in view."""
    selection = view.selectionModel()
    if selection is None:
        return []
    ranges = selection.selection()
    found = []
    for i in range(ranges.count()):
        r = ranges.at(i)
        if r.bottom() >= top and r.top() <= bottom:
            found.append((r.top(), r.bottom(), r.left(), r.right()))
    return found


class _CellOption:
    """The option Qt gives a cell's painting (``QTableViewPrivate::drawCell``): the view's, with
    the cell's place, state and alternate colour.  One copy per paint, changed per cell: a copy
    of a ``QStyleOptionViewItem`` (font, palette, texts) costs more than painting a cell."""

    def __init__(self, option: QStyleOptionViewItem) -> None:
        self._option = cell = QStyleOptionViewItem(option)
        self._features = option.features
        if option.state.value & _ENABLED:  # an enabled item is painted with the Normal colours
            palette = QPalette(option.palette)
            palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
            cell.palette = palette

    def at(self, rect: _Rect, state: int, alternate: bool) -> QStyleOptionViewItem:
        cell = self._option
        cell.rect = QRect(*rect)
        cell.state = QStyle.StateFlag(state)
        features = self._features
        cell.features = features | _ALTERNATE if alternate else features & ~_ALTERNATE
        return cell
