"""The Overview's first page: every panel's balance (fetched in parallel, with its time or its
error), open orders, spending of the last 30 days, alerts, and the charts."""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.core.money.balances import PanelBalance, fetch_all_balances, keyring_clients
from smpanel_desktop.core.money.overview import (
    CATALOG_CHANGED,
    FETCH_FAILED,
    LOW_BALANCE,
    STUCK_ORDERS,
    Alert,
    Overview,
    build_overview,
)
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.overview import cells
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_money, format_time
from smpanel_desktop.ui.widgets.named import named

if TYPE_CHECKING:
    from smpanel_desktop.secrets import KeyStore
    from smpanel_desktop.ui.overview.charts import BalanceChart, OutcomeChart, SpendChart

LANE = "money"
"""The Overview's local reads and writes: never behind a refresh, never in front of an order."""
NETWORK_LANE = "money-network"
"""Fetching every balance: a slow panel never holds up the local reads."""
PERIODS = ("day", "week", "month")


class SummaryPage(QWidget):
    shown = Signal(object)  # Overview: what the page shows now (tests, the tab)

    def __init__(self, ctx: AppContext, keys: KeyStore | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.keys = keys
        self.errors: dict[int, str] = {}
        self.fetched_at: dict[int, float] = {}
        self.overview: Overview | None = None
        self.fetching = False
        self.charts: tuple[SpendChart, OutcomeChart, BalanceChart] | None = None

        self.refresh_button = named(QPushButton(self.tr("Refresh balances")), "overviewRefresh")
        self.refresh_button.setToolTip(self.tr("Ask every panel for its balance, all at once"))
        self.period = named(QComboBox(), "overviewPeriod")
        for key, text in zip(PERIODS, (self.tr("Per day"), self.tr("Per week"),
                                       self.tr("Per month")), strict=True):  # fmt: skip
            self.period.addItem(text, key)
        self.status = named(QLabel(), "overviewStatus")
        self.table = named(QTableWidget(0, 6), "overviewPanels")
        self.table.setHorizontalHeaderLabels([
            self.tr("Panel"), self.tr("Balance"), self.tr("Updated"), self.tr("Open orders"),
            self.tr("Spent, 30 days"), self.tr("Alerts")])  # fmt: skip
        cells.prepare(self.table)
        self.alerts = named(QLabel(), "overviewAlerts")
        self.alerts.setTextFormat(Qt.TextFormat.PlainText)  # panel texts, never HTML
        self.alerts.setWordWrap(True)
        style.tint(self.alerts, style.WARNING)
        self.chart_grid = QGridLayout()

        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(QLabel(self.tr("Charts:")))
        bar.addWidget(self.period)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.alerts)
        layout.addLayout(self.chart_grid, 3)

        self.refresh_button.clicked.connect(self.fetch_balances)
        self.period.currentIndexChanged.connect(lambda _i: self.load())

    def ensure_charts(self) -> None:
        """Build the charts (imports QtCharts) the first time the page is shown."""
        if self.charts is not None:
            return
        from smpanel_desktop.ui.overview.charts import BalanceChart, OutcomeChart, SpendChart

        self.charts = (named(SpendChart(), "overviewSpendChart"),
                       named(OutcomeChart(), "overviewOutcomeChart"),
                       named(BalanceChart(), "overviewBalanceChart"))  # fmt: skip
        for column, chart in enumerate(self.charts):
            self.chart_grid.addWidget(chart, 0, column)
        if self.overview is not None:
            self._draw(self.overview)

    # -- tasks --------------------------------------------------------------------------------

    def load(self) -> None:
        """Rebuild the overview from local data (a task: store reads only)."""
        period = str(self.period.currentData() or "day")
        fn = partial(build_overview, self.ctx.store, period, errors=dict(self.errors))
        self.ctx.run(fn, self._show, self._failed, lane=LANE)

    def fetch_balances(self) -> None:
        """Every panel's balance at once (a task), then the overview again."""
        if self.fetching:
            return
        self.fetching = True
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Fetching every balance…"))
        store = self.ctx.store
        keys = self.keys
        maker = keyring_clients(keys.get if keys is not None else (lambda _n: None),
                                self.ctx.panel, self.ctx.client_factory,
                                self.ctx.inflight)  # fmt: skip

        def fetch() -> list[PanelBalance]:
            return fetch_all_balances(store, store.panels(), maker)

        self.ctx.run(fetch, self._fetched, self._failed, lane=NETWORK_LANE)

    def _fetched(self, results: list[PanelBalance]) -> None:
        self.fetching = False
        self.refresh_button.setEnabled(True)
        for r in results:
            self.fetched_at[r.panel.id] = r.fetched_at
            if r.error is None:
                self.errors.pop(r.panel.id, None)
            else:
                self.errors[r.panel.id] = r.error
            current = self.ctx.panel
            if r.balance is not None and current is not None and current.id == r.panel.id:
                self.ctx.balance_fetched_at = r.fetched_at
                self.ctx.set_balance(r.balance)  # the Balance tab shows the same figure
        failed = sum(1 for r in results if r.error is not None)
        self.status.setText(
            self.tr("Balances fetched at %1").replace("%1", format_time(time.time()))
            + ("" if not failed else " — " + self.tr("%n panel(s) did not answer", "", failed))
        )
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.fetching = False
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("The overview could not be read: %1").replace("%1", str(exc)))

    # -- showing ------------------------------------------------------------------------------

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        texts: list[str] = []
        rows: list[tuple[str, ...]] = []
        colors = {}
        for row, s in enumerate(overview.panels):
            if s.error is not None:
                balance = self.tr("error: %1").replace("%1", s.error)
            elif s.balance is not None:
                balance = format_money(s.balance.amount, s.balance.currency)
            else:
                balance = self.tr("not fetched yet")
            when = self.fetched_at.get(s.panel.id) or (s.balance.fetched_at if s.balance else None)
            spent = ", ".join(format_money(v, c, trim=True) for c, v in sorted(s.spend.items()))
            alerts = [self._alert_text(a) for a in s.alerts]
            texts.extend(alerts)
            rows.append((s.panel.name, balance, format_time(when) if when else "",
                         str(s.open_orders), spent or "—", "; ".join(alerts)))  # fmt: skip
            if s.error is not None:
                colors[(row, 1)] = style.color(style.ERROR, self.palette())
        cells.fill(self.table, rows, right=frozenset({3}), colors=colors)
        self.alerts.setText("\n".join(texts))
        self.alerts.setVisible(bool(texts))
        if self.charts is not None:
            self._draw(overview)
        self.shown.emit(overview)

    def _alert_text(self, alert: Alert) -> str:
        panel, kind = alert.panel.name, alert.kind
        if kind == LOW_BALANCE:
            text = self.tr("%1: balance below %2")
            return text.replace("%1", panel).replace("%2", str(alert.amount))
        if kind == FETCH_FAILED:
            text = self.tr("%1: balance not fetched (%2)")
            return text.replace("%1", panel).replace("%2", alert.text)
        if kind == STUCK_ORDERS:
            return self.tr("%1: %n order(s) not moving", "", alert.count).replace("%1", panel)
        if kind == CATALOG_CHANGED:
            text = self.tr("%1: %n service(s) you use repriced or removed this week", "",
                           alert.count)  # fmt: skip
            return text.replace("%1", panel)
        return f"{panel}: {kind}"

    def _draw(self, overview: Overview) -> None:
        assert self.charts is not None
        spend_chart, outcome_chart, balance_chart = self.charts
        panels = {s.panel.id: s.panel for s in overview.panels}
        spend_chart.show_spend(overview.spend, panels)
        outcome_chart.show_outcomes(overview.outcomes)
        balance_chart.show_history(overview.history, panels)
