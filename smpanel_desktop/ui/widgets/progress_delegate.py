"""A table cell drawn as a progress bar (the Orders tab's Progress column), with its text on it.

``ProgressDelegate(value_of)``: ``value_of(index)`` gives the percentage (0–100) or None for an
empty cell; the text is the model's own (translated, "45%" or "%45").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


class ProgressDelegate(QStyledItemDelegate):
    def __init__(self, value_of: Callable[[Index], int | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.value_of = value_of

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = self.value_of(index)
        if value is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # the row's background (selection, alternate colour) first, then the bar over it
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.minimum, bar.maximum, bar.progress = 0, 100, max(0, min(100, value))
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
