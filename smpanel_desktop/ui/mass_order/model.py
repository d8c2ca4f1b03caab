"""The mass-order preview: one row per line (checked, then its result once sent).

A thin model over two plain lists; ``set_batch`` resets it once (a 1,000-line preview is one
reset, not 1,000 inserts) and ``set_result`` updates one row as each line comes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from smpanel_desktop.core.mass.check import Batch, CheckedLine
from smpanel_desktop.core.mass.sending import NOT_SENT, SKIPPED, LineResult
from smpanel_desktop.store.models import PLACED, REJECTED, UNKNOWN
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_money

Index = QModelIndex | QPersistentModelIndex
COL_LINE, COL_SERVICE, COL_LINK, COL_QUANTITY, COL_COST, COL_PROBLEM, COL_RESULT = range(7)


def _t(text: str) -> str:
    return QCoreApplication.translate("MassOrderModel", text)


class MassPreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[CheckedLine] = []
        self.results: list[LineResult | None] = []
        self.currency = ""
        self._row_of: dict[int, int] = {}
        self._headers = (
            _t("Line"), _t("Service"), _t("Link"), _t("Quantity"), _t("Cost"), _t("Problem"),
            _t("Result"),
        )  # fmt: skip
        self._texts: dict[tuple[int, int], str] = {}

    def set_batch(self, batch: Batch | None) -> None:
        self.beginResetModel()
        self.lines = list(batch.lines) if batch is not None else []
        self.currency = batch.currency if batch is not None else ""
        self.results = [None] * len(self.lines)
        self._row_of = {line.number: row for row, line in enumerate(self.lines)}
        self._texts = {}
        self.endResetModel()

    def set_result(self, result: LineResult) -> None:
        row = self._row_of.get(result.line.number)
        if row is None:
            return
        self.results[row] = result
        self._texts.pop((row, COL_RESULT), None)
        cell = self.index(row, COL_RESULT)
        self.dataChanged.emit(self.index(row, 0), cell)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        line = self.lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            key = (row, column)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(line, self.results[row], column)
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            result = self.results[row]
            if result is not None and column == COL_RESULT:
                return style.color(_RESULT_ROLE.get(result.state, style.MUTED))
            if not line.valid:
                return style.color(style.ERROR)
            if line.duplicate:
                return style.color(style.WARNING)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_PROBLEM, COL_RESULT, COL_SERVICE):
            return self._text(line, self.results[row], column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_LINE,
            COL_QUANTITY,
            COL_COST,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, line: CheckedLine, result: LineResult | None, column: int) -> str:
        if column == COL_LINE:
            return str(line.number)
        if column == COL_SERVICE:
            if line.service is not None:
                return f"{line.service.id} — {line.service.name}"
            return "" if line.service_id is None else str(line.service_id)
        if column == COL_LINK:
            return line.link
        if column == COL_QUANTITY:
            return "" if line.quantity is None else f"{line.quantity:,}"
        if column == COL_COST:
            return "" if line.cost is None else format_money(line.cost, self.currency, trim=True)
        if column == COL_PROBLEM:
            return line.problem_text or line.duplicate or ""
        if result is None:
            return ""
        if result.state == PLACED:
            return _t("Order %1").replace("%1", str(result.order))
        label = {
            REJECTED: _t("Refused: %1"),
            UNKNOWN: _t("Unknown — may have been placed: %1"),
            NOT_SENT: _t("Not sent: %1"),
            SKIPPED: _t("Skipped"),
        }.get(result.state, result.state)
        return label.replace("%1", result.error or "")


def preview_table(model: MassPreviewModel) -> QTableView:
    """The read-only table the preview is shown in (single-line rows: they paint fastest)."""
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
    widths = ((COL_LINE, 50), (COL_SERVICE, 260), (COL_LINK, 220), (COL_QUANTITY, 80),
              (COL_COST, 100), (COL_PROBLEM, 200))  # fmt: skip
    for column, width in widths:
        t.setColumnWidth(column, width)
    t.horizontalHeader().setStretchLastSection(True)
    return t


_RESULT_ROLE = {
    PLACED: style.OK,
    REJECTED: style.ERROR,
    UNKNOWN: style.ATTENTION,
    NOT_SENT: style.MUTED,
    SKIPPED: style.MUTED,
}
