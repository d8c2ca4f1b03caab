"""The order form, built from the declared table of service types (core/orders/).

One row per FieldSpec of ``fields_for(service)``; each widget is named ``field_<API parameter>``
and has a message label beside it for what validation says.  The drip-feed switch shows runs and
interval (which ``fields_for`` offers only where the service allows drip-feed).  Unknown types get
the table's generic fields; every type has free ``NAME=VALUE`` extra lines, sent as given with a
note of the names the form does not know (core.orders.validation).  Nothing here knows the fields of
a type: a new row in the table is a new row in this form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.orders.fields import (
    FieldProblem,
    FieldSpec,
    canonical_type,
    fields_for,
)
from smpanel_desktop.core.orders.validation import extra_fields
from smpanel_desktop.core.orders.values import split_lines
from smpanel_desktop.ui.new_order.field_texts import field_text
from smpanel_desktop.ui.new_order.problem_texts import problem_text
from smpanel_desktop.ui.new_order.widget_values import (
    EXPIRY_FORMAT,
    even_label_column,
    parse_extras,
    set_widget_text,
    widget_text,
)
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.named import named

EXTRAS = "extras"  # the problem key for extra lines that are not NAME=VALUE


class OrderForm(QWidget):
    """The fields of one service.  ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: Service | None = None
        self._specs: tuple[FieldSpec, ...] = ()
        self._widgets: dict[str, QWidget] = {}
        self._messages: dict[str, QLabel] = {}
        self._counts: dict[str, QLabel] = {}
        self._dripfeed_rows: list[QWidget] = []
        self.dripfeed: QCheckBox | None = None
        self.extras: QPlainTextEdit | None = None
        self.extras_note: QLabel | None = None
        self._layout = QFormLayout(self)

    @property
    def service(self) -> Service | None:
        return self._service

    def field_names(self) -> list[str]:
        return list(self._widgets)

    def widget(self, name: str) -> QWidget | None:
        return self._widgets.get(name)

    def set_service(self, service: Service | None) -> None:
        """Show the fields of ``service`` (rows are kept when they are the same fields)."""
        self._service = service
        specs = fields_for(service) if service is not None else ()
        extras = service is not None  # every type: extra fields are sent as given, with a note
        if specs != self._specs or extras != (self.extras is not None):
            self._rebuild(specs, extras)
        self.changed.emit()

    # -- building -----------------------------------------------------------------------------

    def _rebuild(self, specs: tuple[FieldSpec, ...], extras: bool) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._specs = specs
        self._widgets.clear()
        self._messages.clear()
        self._counts.clear()
        self._dripfeed_rows = []
        self.dripfeed = None
        self.extras = self.extras_note = None
        for spec in specs:
            if spec.dripfeed and self.dripfeed is None:
                self.dripfeed = QCheckBox(
                    self.tr("Drip-feed: deliver in runs, total = quantity × runs")
                )
                self.dripfeed.setObjectName("orderDripfeed")
                self.dripfeed.toggled.connect(self._on_dripfeed)
                self._layout.addRow("", self.dripfeed)
                self.dripfeed.setVisible(True)
            self._add_row(spec.name, self._label(spec), self._make_widget(spec), spec)
        if extras:
            self.extras = QPlainTextEdit()
            self.extras.setPlaceholderText(
                self.tr("Extra fields, one NAME=VALUE a line (optional)")
            )
            self.extras.setMinimumHeight(60)
            self.extras.setTabChangesFocus(True)
            self.extras.textChanged.connect(self.changed)
            self._add_row(EXTRAS, self.tr("Extra fields"), self.extras, None)
            self.extras.setObjectName("orderExtraFields")
            self.extras_note = named(QLabel(), "orderExtrasNote")
            self.extras_note.setWordWrap(True)
            self._layout.addRow("", self.extras_note)
            self.extras.textChanged.connect(self._on_extras)
        self._on_dripfeed(False)
        even_label_column(self._layout)  # drip-feed rows never move the label column

    def _on_extras(self) -> None:
        """The note under the extra fields: which of them the form does not know."""
        if self.extras is None or self.extras_note is None or self._service is None:
            return
        names = extra_fields(self._service, parse_extras(self.extras.toPlainText())[0])
        names = [n for n in names if n not in self._widgets]  # e.g. quantity typed twice
        kind = canonical_type(self._service.type) or self._service.type
        note = ""
        if names:
            note = self.tr("Sent as given: the form of {kind} does not know {names}").format(
                kind=kind, names=", ".join(names)
            )
        self.extras_note.setText(note)
        self.extras_note.setVisible(bool(note))

    @staticmethod
    def _label(spec: FieldSpec) -> str:
        return field_text(spec.label) + (" *" if spec.required and not spec.dripfeed else "")

    def _add_row(self, name: str, label: str, widget: QWidget, spec: FieldSpec | None) -> None:
        widget.setObjectName(f"field_{name}")
        widget.setAccessibleName(label.rstrip(" *"))
        if spec is not None and spec.help:
            widget.setToolTip(field_text(spec.help))
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        if spec is not None and spec.kind == "lines":
            count = QLabel()
            count.setObjectName(f"count_{name}")
            box.addWidget(count)
            self._counts[name] = count
        message = QLabel()
        message.setObjectName(f"error_{name}")
        style.tint(message, style.ERROR)
        # always there, one line high: a message appearing never moves the fields below it
        message.setFixedHeight(message.fontMetrics().height())
        box.addWidget(message)
        self._layout.addRow(label, cell)
        for part in (cell, self._layout.labelForField(cell)):
            if part is not None:
                part.setVisible(True)  # at once, not at the next event loop turn
        if spec is not None and spec.dripfeed:
            self._dripfeed_rows.append(cell)
        self._widgets[name] = widget
        self._messages[name] = message

    def _make_widget(self, spec: FieldSpec) -> QWidget:
        if spec.kind == "choice":
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if spec.kind == "date":
            date = QDateEdit()
            date.setDisplayFormat(EXPIRY_FORMAT)
            date.setCalendarPopup(True)
            date.setMinimumDate(QDate.currentDate().addDays(-1))
            date.setSpecialValueText(self.tr("No expiry"))  # shown at the minimum: nothing is sent
            date.setDate(date.minimumDate())
            date.dateChanged.connect(self.changed)
            return date
        if spec.kind == "lines":
            text = QPlainTextEdit()
            text.setPlaceholderText(field_text(spec.help))
            text.setMinimumHeight(70)
            text.setTabChangesFocus(True)
            text.textChanged.connect(self._on_lines)
            return text
        line = QLineEdit()
        line.setPlaceholderText(field_text(spec.help))
        if spec.max_length:
            line.setMaxLength(spec.max_length + 1)  # one more, so "too long" can be said
        line.textChanged.connect(self.changed)
        return line

    # -- state ------------------------------------------------------------------------------------

    def _on_lines(self) -> None:
        for name, label in self._counts.items():
            widget = self._widgets[name]
            assert isinstance(widget, QPlainTextEdit)
            n = len(split_lines(widget.toPlainText()))
            comments = name == "comments"
            label.setText(
                self.tr("%Ln comment(s)", "", n) if comments else self.tr("%Ln line(s)", "", n)
            )
        self.changed.emit()

    def _on_dripfeed(self, _on: bool) -> None:
        shown = self.dripfeed_on()
        for row in self._dripfeed_rows:
            row.setVisible(shown)
            label = self._layout.labelForField(row)
            if label is not None:
                label.setVisible(shown)
        self.changed.emit()

    def dripfeed_on(self) -> bool:
        return self.dripfeed is not None and self.dripfeed.isChecked()

    def values(self) -> dict[str, str]:
        """What the user entered, as text (drip-feed fields only while the switch is on)."""
        out: dict[str, str] = {}
        on = self.dripfeed_on()
        for spec in self._specs:
            if spec.dripfeed and not on:
                continue
            out[spec.name] = widget_text(self._widgets[spec.name])
        if self.extras is not None:
            extra, _bad = parse_extras(self.extras.toPlainText())
            for name, value in extra.items():
                out.setdefault(name, value)
        return out

    def problems(self) -> list[FieldProblem]:
        """Problems the form itself finds (extra lines that are not NAME=VALUE)."""
        if self.extras is None:
            return []
        _values, bad = parse_extras(self.extras.toPlainText())
        text = self.tr("Not NAME=VALUE: {line}")
        return [FieldProblem(EXTRAS, text.format(line=line)) for line in bad]

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Fill the form (reorder); drip-feed turns on when runs are given; others go to extras."""
        values = {k: "" if v is None else str(v) for k, v in values.items()}
        if self.dripfeed is not None:
            self.dripfeed.setChecked(bool(values.get("runs")))
        leftovers = []
        for name, value in values.items():
            widget = self._widgets.get(name)
            if widget is not None and name != EXTRAS:
                set_widget_text(widget, value)
            elif value:
                leftovers.append(f"{name}={value.replace(chr(10), chr(92) + 'n')}")
        if self.extras is not None:
            self.extras.setPlainText("\n".join(leftovers))
        self.changed.emit()

    def clear(self) -> None:
        for widget in self._widgets.values():
            set_widget_text(widget, "")
        if self.dripfeed is not None:
            self.dripfeed.setChecked(False)

    def show_problems(self, problems: Iterable[FieldProblem], shown: set[str]) -> list[str]:
        """Show each problem next to its field if the field is in ``shown``; return the rest."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            name = problem.field if problem.field in self._messages else EXTRAS
            text = problem_text(problem.message)
            by_field.setdefault(name, []).append(
                text if name == problem.field else f"{problem.field}: {text}"
            )
        for name, label in self._messages.items():
            texts = by_field.pop(name, []) if name in shown else []
            label.setText("; ".join(texts))
            label.setToolTip("\n".join(texts))  # the whole text when it is wider than the row
        return [text for texts in by_field.values() for text in texts]

    def focus_field(self, name: str) -> None:
        """Put the cursor in the field ``name`` (the first one with a problem)."""
        widget = self._widgets.get(name) or self.extras
        if widget is not None and widget.isVisible():
            widget.setFocus()

    def message_for(self, name: str) -> str:
        label = self._messages.get(name)
        return label.text() if label is not None else ""
