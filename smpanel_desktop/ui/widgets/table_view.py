"""The table view of the big tables: one paint per change, fast plain cells, steady geometry.

After a model reset or a re-sort, ``QAbstractItemView`` lays its items out on a zero timer,
after the first repaint; the new scroll range then repaints the whole viewport (and the header
and scroll bar) a second time.  This view lays out at once, so the one repaint that follows
shows the final rows.  It also paints plain-text cells with ``TextDelegate`` (see
``cells.py``), has rows of one fixed height (no per-row size queries), and keeps its vertical
scroll bar, so that a result that fits the window does not resize the viewport.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from smpanel_desktop.ui.widgets.cells import CellRoles, TextDelegate
from smpanel_desktop.ui.widgets.row_painter import can_paint_rows, paint_rows

ROW_PADDING = 8  # pixels above and below a line of text
_LOOK_CHANGES = (
    QEvent.Type.FontChange,
    QEvent.Type.PaletteChange,
    QEvent.Type.StyleChange,
    QEvent.Type.LayoutDirectionChange,
)


class TableView(QTableView):
    """A ``QTableView``; a model with a ``roles`` attribute (a ``CellRoles``) gets the fast
    delegate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)  # single-line cells
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in (old.modelReset, old.layoutChanged):
                signal.disconnect(self._lay_out_now)
        super().setModel(model)
        roles = getattr(model, "roles", None)
        if isinstance(roles, CellRoles):
            self.setItemDelegate(TextDelegate(roles, self))
        if model is not None:  # after the view's own slots: they schedule the layout
            model.modelReset.connect(self._lay_out_now)
            model.layoutChanged.connect(self._lay_out_now)

    def paintEvent(self, event: QPaintEvent) -> None:
        delegate = self.itemDelegate()
        if isinstance(delegate, TextDelegate):
            delegate.new_frame()
            if can_paint_rows(self):
                paint_rows(self, delegate, event)
                return
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _LOOK_CHANGES:  # cached texts and bars are for the old look
            delegates = [self.itemDelegate()]
            model = self.model()
            columns = model.columnCount() if model is not None else 0
            delegates += [self.itemDelegateForColumn(c) for c in range(columns)]
            for delegate in delegates:
                clear = getattr(delegate, "clear_cache", None)
                if clear is not None:
                    clear()
        super().changeEvent(event)

    @Slot()
    def _lay_out_now(self) -> None:
        self.executeDelayedItemsLayout()
