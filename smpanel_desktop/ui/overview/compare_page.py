"""The Overview's price comparison: a text searched across every panel's cached catalog, cheapest
first within a currency; exchange rates the user enters (dated); services marked as the same;
"Order on the cheaper panel".

Everything heavy runs in tasks: the index over every cached catalog is built once (and again
when a catalog changes), each search is a task, and an answer for an older text is dropped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.core.money.compare import CompareIndex, Offer, Rates, equivalents, search
from smpanel_desktop.store.money.ledger import ExchangeRate
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.overview import cells
from smpanel_desktop.ui.overview.summary import LANE
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import DecimalFormatter, format_count, format_decimal
from smpanel_desktop.ui.widgets.named import named

SEARCH_DELAY_MS = 250
MAX_SHOWN = 200
"""Rows put in the table (the cheapest); a one-word search over 200,000 services can match
60,000, and each row shown costs its eight cells."""


@dataclass(frozen=True, slots=True)
class _Found:
    text: str
    offers: list[Offer]
    rates: list[ExchangeRate]


class ComparePage(QWidget):
    orderRequested = Signal(object, object)  # Panel, Service: order it on that panel
    searched = Signal(object)  # list[Offer]: the results now shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.index: CompareIndex | None = None
        self.offers: list[Offer] = []
        self.search = named(QLineEdit(), "compareSearch")
        self.search.setPlaceholderText(self.tr("Service to compare, e.g. instagram likes"))
        self.search.setClearButtonEnabled(True)
        self.results = named(QTableWidget(0, 8), "compareResults")
        self.results.setHorizontalHeaderLabels([
            self.tr("Panel"), self.tr("Service"), self.tr("Rate / 1000"), self.tr("Currency"),
            self.tr("Min"), self.tr("Max"), self.tr("Refill"), self.tr("Name")])  # fmt: skip
        cells.prepare(self.results)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.link_button = named(QPushButton(self.tr("Mark as the same service")), "compareLink")
        self.link_button.setToolTip(self.tr("Select services of two panels that are the same"))
        self.order_button = named(QPushButton(self.tr("Order on the cheaper panel")),
                                  "compareOrderCheaper")  # fmt: skip
        self.rate_from = named(QLineEdit(), "compareRateFrom")
        self.rate_to = named(QLineEdit(), "compareRateTo")
        self.rate_value = named(QLineEdit(), "compareRateValue")
        for edit, hint in (
            (self.rate_from, "USD"),
            (self.rate_to, "TRY"),
            (self.rate_value, "34.5"),
        ):
            edit.setPlaceholderText(hint)
        self.rate_button = named(QPushButton(self.tr("Set exchange rate")), "compareRateSet")
        self.rates_label = named(QLabel(), "compareRates")
        self.message = named(QLabel(), "compareMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        rate_row = QHBoxLayout()
        rate_row.addWidget(QLabel(self.tr("1")))
        rate_row.addWidget(self.rate_from)
        rate_row.addWidget(QLabel("="))
        rate_row.addWidget(self.rate_value)
        rate_row.addWidget(self.rate_to)
        rate_row.addWidget(self.rate_button)
        rate_row.addWidget(self.rates_label, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.link_button)
        actions.addWidget(self.order_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(rate_row)

        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.results.itemSelectionChanged.connect(self._selection_changed)
        self.link_button.clicked.connect(self.link_selected)
        self.order_button.clicked.connect(self.order_cheaper)
        self.rate_button.clicked.connect(self.set_rate)
        ctx.catalogChanged.connect(self._catalogs_changed)
        self._selection_changed()

    # -- tasks --------------------------------------------------------------------------------

    def _index(self, store: Store) -> CompareIndex:
        """On the worker: the index over every cached catalog (built once, kept)."""
        if self.index is None:
            self.index = CompareIndex({p: store.load_services(p.id)[0] for p in store.panels()})
        return self.index

    def _catalogs_changed(self) -> None:
        self.index = None  # rebuilt by the next search

    def run_search(self) -> None:
        text, store = self.search.text().strip(), self.ctx.store

        def find() -> _Found:
            index = self._index(store)
            rates = store.exchange_rates()
            offers = search(index, text, Rates(rates), store.service_links(), MAX_SHOWN + 1)
            return _Found(text, offers, rates)

        self.ctx.run(find, self._found, self._failed, lane=LANE)

    def _found(self, found: _Found) -> None:
        if found.text != self.search.text().strip():
            return  # typed on meanwhile: the newer search follows
        self.offers = found.offers[:MAX_SHOWN]
        linked, yes, no = self.tr("(linked) "), self.tr("yes"), self.tr("no")
        rate, locale = DecimalFormatter(trim=True), QLocale()
        rows = [(o.panel.name, str(o.service.id), rate(o.service.rate),
                 o.currency, format_count(o.service.min, locale),
                 format_count(o.service.max, locale),
                 yes if o.service.refill else no, (linked if o.linked else "") + o.service.name)
                for o in self.offers]  # fmt: skip
        cells.fill(self.results, rows, right=frozenset({2, 4, 5}))
        self.rates_label.setText("; ".join(
            f"1 {r.from_currency} = {format_decimal(r.rate, trim=True)} {r.to_currency} "
            f"({r.set_on})" for r in found.rates))  # fmt: skip
        if found.text and not found.offers:
            self.message.setText(self.tr("No cached service matches."))
        elif len(found.offers) > MAX_SHOWN:
            shown = self.tr("More than %n services found; the cheapest %n shown", "", MAX_SHOWN)
            self.message.setText(shown)
        elif found.offers:
            self.message.setText(self.tr("%n service(s) found", "", len(found.offers)))
        style.tint(self.message, None)
        self._selection_changed()
        self.searched.emit(self.offers)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
        style.tint(self.message, style.ERROR)

    def _selected(self) -> list[Offer]:
        rows = sorted({i.row() for i in self.results.selectedIndexes()})
        return [self.offers[r] for r in rows if r < len(self.offers)]

    def _selection_changed(self) -> None:
        chosen = self._selected()
        self.order_button.setEnabled(len(chosen) == 1)
        self.link_button.setEnabled(len({o.panel.id for o in chosen}) >= 2)

    def link_selected(self) -> None:
        chosen, store = self._selected(), self.ctx.store

        def link() -> None:
            first = chosen[0]
            for other in chosen[1:]:
                if other.panel.id != first.panel.id:
                    store.link_services(first.key, other.key)

        def done(_: object) -> None:
            self.message.setText(self.tr("Marked as the same service."))
            self.run_search()

        self.ctx.run(link, done, self._failed, lane=LANE)

    def order_cheaper(self) -> None:
        chosen, store = self._selected(), self.ctx.store
        if len(chosen) != 1:
            return
        key = chosen[0].key

        def cheapest() -> list[Offer]:
            index = self._index(store)
            return equivalents(index, key, Rates(store.exchange_rates()), store.service_links())

        def done(offers: list[Offer]) -> None:
            if offers:
                best = offers[0]
                self.message.setText(self.tr("Cheapest: %1 on %2").replace(
                    "%1", best.service.name).replace("%2", best.panel.name))  # fmt: skip
                self.orderRequested.emit(best.panel, best.service)

        self.ctx.run(cheapest, done, self._failed, lane=LANE)

    def set_rate(self) -> None:
        src, dst, value = self.rate_from.text(), self.rate_to.text(), self.rate_value.text()
        store, today = self.ctx.store, time.strftime("%Y-%m-%d")

        def done(_: object) -> None:
            self.rate_value.clear()
            self.message.setText(self.tr("Exchange rate stored."))
            style.tint(self.message, None)
            self.run_search()

        self.ctx.run(lambda: store.set_exchange_rate(src, dst, value, today), done,
                     self._failed, lane=LANE)  # fmt: skip
