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
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from smpanel_desktop.ui.widgets.cells import CellRoles, TextDelegate

ROW_PADDING = 8  # pixels above and below a line of text


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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # laid-out texts are for the old font
            delegate = self.itemDelegate()
            if isinstance(delegate, TextDelegate):
                delegate.clear_cache()
        super().changeEvent(event)

    @Slot()
    def _lay_out_now(self) -> None:
        self.executeDelayedItemsLayout()
