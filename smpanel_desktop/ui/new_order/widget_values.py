"""The text of an order form widget, read and written the same way for every field kind."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

EXPIRY_FORMAT = "dd/MM/yyyy"  # the API's d/m/Y


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return str(data) if data is not None else widget.currentText()
    if isinstance(widget, QDateEdit):
        if widget.date() == widget.minimumDate():
            return ""  # the "No expiry" special value
        return widget.date().toString(EXPIRY_FORMAT)
    return ""


def set_widget_text(widget: QWidget, value: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(index if index >= 0 else 0)
    elif isinstance(widget, QDateEdit):
        date = QDate.fromString(value, EXPIRY_FORMAT) if value else QDate()
        if value and not date.isValid():
            date = QDate.fromString(value, "d/M/yyyy")
        widget.setDate(date if date.isValid() else widget.minimumDate())
