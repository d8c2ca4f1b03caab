"""Reading and setting the text of the order form's widgets (line, lines, choice, date)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

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


def parse_extras(text: str) -> tuple[dict[str, str], list[str]]:
    """``NAME=VALUE`` lines -> (values, bad lines), as the CLI's ``--field``: ``\\n`` in a value
    is a line break and a repeated name adds a line."""
    values: dict[str, str] = {}
    bad: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, sep, value = line.partition("=")
        if not sep or not name.strip():
            bad.append(line.strip())
        else:
            name, value = name.strip(), value.strip().replace("\\n", "\n")
            values[name] = f"{values[name]}\n{value}" if name in values else value
    return values, bad


def even_label_column(layout: QFormLayout) -> None:
    """One label column width for shown and hidden rows (drip-feed's), so it never moves."""
    role = QFormLayout.ItemRole.LabelRole
    items = [layout.itemAt(row, role) for row in range(layout.rowCount())]
    widgets = [w for w in (i.widget() for i in items if i is not None) if w is not None]
    width = max((w.sizeHint().width() for w in widgets), default=0)
    for widget in widgets:
        widget.setMinimumWidth(width)
