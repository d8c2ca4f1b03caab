"""Filling the Overview's small tables of text in one go.

With ``ResizeToContents`` columns every ``setItem`` re-measured the whole column: 500 rows took
minutes.  The columns are sized once, after the rows are in, with updates off meanwhile."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def prepare(table: QTableWidget) -> None:
    """Read-only rows, no row numbers, the last column stretched."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(60)  # columns sized from the first rows, not all
    header.setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()


def fill(
    table: QTableWidget,
    rows: Sequence[Sequence[str]],
    *,
    right: frozenset[int] = frozenset(),
    colors: dict[tuple[int, int], QColor] | None = None,
) -> None:
    """Replace the table's rows with ``rows`` (texts); ``right``: right-aligned columns."""
    table.setUpdatesEnabled(False)
    try:
        table.clearContents()
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in right:
                    item.setTextAlignment(RIGHT)
                if colors and (r, c) in colors:
                    item.setForeground(colors[(r, c)])
                table.setItem(r, c, item)
        last = table.columnCount() - 1
        for c in range(last):
            table.resizeColumnToContents(c)
    finally:
        table.setUpdatesEnabled(True)
