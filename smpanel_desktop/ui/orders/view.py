"""The Orders table view, with one fix for big selections over a Python model.

A ``QHeaderView`` paints each section with its neighbours' "selected" state, and finding out
whether a column is selected asks the model for every row of it: with 5,000 orders selected
(Ctrl+A) each repaint made 130,000 calls into Python (0.2–0.4 s).  The header here paints its
sections from the header data alone, and does not repaint when the selection changes; a
section never shows as "selected" anyway (``highlightSections`` is off), so it looks the same.
The view is a ``TableView``: one paint per change, plain cells from cached text, rows of one
height.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from smpanel_desktop.ui.widgets.table_view import TableView

_POSITIONS = {
    (True, True): QStyleOptionHeader.SectionPosition.OnlyOneSection,
    (True, False): QStyleOptionHeader.SectionPosition.Beginning,
    (False, True): QStyleOptionHeader.SectionPosition.End,
    (False, False): QStyleOptionHeader.SectionPosition.Middle,
}


class OrdersHeader(QHeaderView):
    """A horizontal header that never asks the selection model about whole columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setHighlightSections(False)
        self.setSectionsClickable(True)

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        """Nothing to repaint: no section shows the selection (Qt's own handler repaints every
        section a selected row spans, the whole header on each Page Down)."""

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        opt.rect = rect
        opt.section = logical
        model = self.model()
        text = model.headerData(logical, self.orientation()) if model is not None else None
        opt.text = "" if text is None else str(text)
        opt.textAlignment = self.defaultAlignment()
        opt.state |= QStyle.StateFlag.State_Raised
        if self.isEnabled():
            opt.state |= QStyle.StateFlag.State_Enabled
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            opt.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortDown
                if ascending
                else QStyleOptionHeader.SortIndicator.SortUp
            )
        visual = self.visualIndex(logical)
        first = visual == 0
        last = visual == self.count() - 1
        opt.position = _POSITIONS[(first, last)]
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
        painter.restore()


class OrdersView(TableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersTable")
        self.setHorizontalHeader(OrdersHeader(self))

    def select_rows(self, rows: list[int]) -> None:
        """Select these rows (sorted), one selection range per run of consecutive rows."""
        model = self.model()
        if model is None or not rows:
            return
        last = model.columnCount() - 1
        selection = QItemSelection()
        start = prev = rows[0]
        for row in [*rows[1:], -2]:
            if row != prev + 1:
                selection.select(model.index(start, 0), model.index(prev, last))
                start = row
            prev = row
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)
