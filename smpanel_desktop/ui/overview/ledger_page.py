"""The Overview's spend ledger: totals by day, week, month, panel or service and currency, with
profit from resale prices or a panel's default markup; CSV export (UTF-8 with a BOM) of the
ledger and of every tracked order.  Reads, writes and exports run in tasks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.core.money.export import write_ledger_csv, write_orders_csv
from smpanel_desktop.core.money.ledger import LedgerRow, parse_since, spend
from smpanel_desktop.store.money.spend import GROUPINGS
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.overview import cells
from smpanel_desktop.ui.overview.summary import LANE
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import DecimalFormatter
from smpanel_desktop.ui.widgets.named import named


class LedgerPage(QWidget):
    shown = Signal(object)  # list[LedgerRow]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[LedgerRow] = []
        self.by = named(QComboBox(), "ledgerBy")
        labels = (self.tr("Day"), self.tr("Week"), self.tr("Month"), self.tr("Panel"),
                  self.tr("Service"))  # fmt: skip
        for key, text in zip(GROUPINGS, labels, strict=True):
            self.by.addItem(text, key)
        self.by.setCurrentIndex(GROUPINGS.index("month"))
        self.since = named(QLineEdit(), "ledgerSince")
        self.since.setPlaceholderText(self.tr("since YYYY-MM-DD (optional)"))
        self.table = named(QTableWidget(0, 5), "ledgerTable")
        headers = (self.tr("Period / panel / service"), self.tr("Currency"), self.tr("Total"),
                   self.tr("Orders"), self.tr("Profit"))  # fmt: skip
        self.table.setHorizontalHeaderLabels(list(headers))
        cells.prepare(self.table)
        self.export_button = named(QPushButton(self.tr("Export ledger CSV…")), "ledgerExport")
        self.orders_button = named(QPushButton(self.tr("Export orders CSV…")),
                                   "ledgerExportOrders")  # fmt: skip
        self.markup_panel = named(QComboBox(), "ledgerMarkupPanel")
        self.markup = named(QLineEdit(), "ledgerMarkup")
        self.markup.setPlaceholderText(self.tr("markup %, e.g. 30"))
        self.markup_button = named(QPushButton(self.tr("Set markup")), "ledgerMarkupSet")
        self.resale_order = named(QLineEdit(), "ledgerResaleOrder")
        self.resale_order.setPlaceholderText(self.tr("local order #"))
        self.resale_price = named(QLineEdit(), "ledgerResalePrice")
        self.resale_price.setPlaceholderText(self.tr("resold for"))
        self.resale_button = named(QPushButton(self.tr("Set resale price")), "ledgerResaleSet")
        self.message = named(QLabel(), "ledgerMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Group by")))
        top.addWidget(self.by)
        top.addWidget(self.since)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.orders_button)
        profit = QHBoxLayout()
        profit.addWidget(QLabel(self.tr("Profit: default markup of")))
        for widget in (self.markup_panel, self.markup, self.markup_button, self.resale_order,
                       self.resale_price, self.resale_button):  # fmt: skip
            profit.addWidget(widget)
        profit.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(profit)
        layout.addWidget(self.message)

        self.by.currentIndexChanged.connect(lambda _i: self.load())
        self.since.editingFinished.connect(self.load)
        self.export_button.clicked.connect(lambda: self._export_dialog(self.export_ledger))
        self.orders_button.clicked.connect(lambda: self._export_dialog(self.export_orders))
        self.markup_button.clicked.connect(self.set_markup)
        self.resale_button.clicked.connect(self.set_resale)

    def _say(self, text: str, role: str | None = None) -> None:
        self.message.setText(text)
        style.tint(self.message, role)

    def _failed(self, exc: BaseException) -> None:
        self._say(str(exc), style.ERROR)

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.ctx.run(fn, done, self._failed, lane=LANE)

    def load(self) -> None:
        by, text, store = str(self.by.currentData()), self.since.text().strip(), self.ctx.store
        try:
            since = parse_since(text) if text else None
        except ValueError:
            self._say(self.tr("Not a date: use YYYY-MM-DD."), style.ERROR)
            return
        self._run(lambda: (spend(store, by, since), store.panels()), self._show)

    def _show(self, result: tuple[list[LedgerRow], list[Any]]) -> None:
        rows, panels = result
        self.rows = rows
        money = DecimalFormatter(trim=True)  # the locale's separators looked up once
        texts = [(r.key, r.currency, money(r.total), str(r.orders),
                  "" if r.profit is None else money(r.profit)) for r in rows]  # fmt: skip
        cells.fill(self.table, texts, right=frozenset({2, 3, 4}))
        current = self.markup_panel.currentData()
        self.markup_panel.clear()
        for p in panels:
            self.markup_panel.addItem(p.name, p.id)
        if current is not None and (index := self.markup_panel.findData(current)) >= 0:
            self.markup_panel.setCurrentIndex(index)
        self.shown.emit(rows)

    def _export_dialog(self, export: Callable[[Path], None]) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "ledger.csv",
                                              self.tr("CSV files (*.csv)"))  # fmt: skip
        if path:
            export(Path(path))

    def _exported(self, count: int, path: Path) -> None:
        self._say(self.tr("%n row(s) written to %1", "", count).replace("%1", str(path)))

    def export_ledger(self, path: Path) -> None:
        rows = list(self.rows)
        self._run(lambda: write_ledger_csv(path, rows), lambda n: self._exported(n, path))

    def export_orders(self, path: Path) -> None:
        store = self.ctx.store
        self._run(lambda: write_orders_csv(path, store.orders(), store.panels()),
                  lambda n: self._exported(n, path))  # fmt: skip

    def set_markup(self) -> None:
        panel_id, text, store = self.markup_panel.currentData(), self.markup.text(), self.ctx.store
        if panel_id is None:
            return
        value = text.strip() or None
        self._run(lambda: store.set_markup(int(panel_id), value), lambda _: self.load())

    def set_resale(self) -> None:
        order, price, store = self.resale_order.text().strip().lstrip("#"), \
            self.resale_price.text(), self.ctx.store  # fmt: skip
        if not order.isdigit():
            self._say(self.tr("Give the local order number (the # in Orders)."), style.ERROR)
            return
        value = price.strip() or None
        self._run(lambda: store.set_resale_price(int(order), value), lambda _: self.load())
