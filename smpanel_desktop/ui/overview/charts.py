"""The Overview's charts (QtCharts): spending per period per panel and currency, order outcomes
per period, each panel's balance over time.

QtCharts rather than pyqtgraph: it adds ~4 MB to the bundle and ~3 ms to an import, where
pyqtgraph brings numpy (~70 MB, ~0.5 s to import); see benchmarks/RESULTS.md.  The module is
imported when the Overview is first shown, never before the first paint.  Amounts are drawn as
floats (a picture); every exact figure is in the tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import shiboken6
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.money.ledger import BalancePoint
from smpanel_desktop.store.money.spend import SpendGroup
from smpanel_desktop.ui.widgets import style

OUTCOME_ORDER = ("completed", "partial", "canceled", "refunded")
MAX_CATEGORIES = 31  # bars readable at 1280 px


def _short(key: str) -> str:
    """A day or a week's Monday without its year (2026-12-01 -> 12-01): short bar labels."""
    return key[5:] if len(key) == 10 and key[4] == "-" else key


class _Chart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = QChart()
        dark = style.is_dark(self.palette())
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def _reset(self, title: str) -> QChart:
        chart = self.chart()
        # removeSeries / removeAxis hand the object back; deleted at once, not by deleteLater
        # (removeAllSeries' way): until the event loop ran, the old bars stayed in the scene
        # and every reload laid out and painted all of them again.
        for series in chart.series():
            chart.removeSeries(series)
            shiboken6.delete(series)
        for axis in chart.axes():
            chart.removeAxis(axis)
            shiboken6.delete(axis)
        chart.setTitle(title)
        return chart

    def _bars(
        self, series: QAbstractBarSeries, categories: Sequence[str], top: float, fmt: str = ""
    ) -> None:
        chart = self.chart()
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([_short(k) for k in categories])
        if len(categories) > 4:
            x.setLabelsAngle(-60)  # a date per bar fits only on its side
        x.setTruncateLabels(False)
        y = QValueAxis()
        y.setRange(0, top * 1.1 if top > 0 else 1)
        y.setLabelFormat(fmt or ("%.2f" if top < 10 else "%.0f"))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)


class SpendChart(_Chart):
    """Grouped bars: one set per (panel, currency), one category per period."""

    def show_spend(self, groups: Sequence[SpendGroup], panels: Mapping[int, Panel]) -> None:
        chart = self._reset(self.tr("Spending per period"))
        keys = sorted({g.key for g in groups})[-MAX_CATEGORIES:]
        if not keys:
            chart.setTitle(self.tr("Spending per period: no orders yet"))
            return
        col = {k: i for i, k in enumerate(keys)}
        values: dict[tuple[str, str], list[float]] = {}
        for g in groups:
            if g.key in col:
                name = panels[g.panel_id].name if g.panel_id in panels else str(g.panel_id)
                row = values.setdefault((name, g.currency), [0.0] * len(keys))
                row[col[g.key]] += float(g.spent)
        series = QBarSeries()
        for (name, currency), row in sorted(values.items()):
            bar = QBarSet(f"{name} ({currency})" if currency else name)
            bar.append(row)
            series.append(bar)
        self._bars(series, keys, max((max(r) for r in values.values()), default=0.0))


class OutcomeChart(_Chart):
    """Stacked bars per period: completed, partial, canceled, refunded."""

    def show_outcomes(self, outcomes: Mapping[str, Mapping[str, int]]) -> None:
        chart = self._reset(self.tr("Order outcomes"))
        keys = sorted(outcomes)[-MAX_CATEGORIES:]
        if not keys:
            chart.setTitle(self.tr("Order outcomes: no orders yet"))
            return
        labels = {
            "completed": self.tr("Completed"),
            "partial": self.tr("Partial"),
            "canceled": self.tr("Canceled"),
            "refunded": self.tr("Refunded"),
        }
        series = QStackedBarSeries()
        for outcome in OUTCOME_ORDER:
            bar = QBarSet(labels[outcome])
            bar.append([float(outcomes[k].get(outcome, 0)) for k in keys])
            series.append(bar)
        top = max(sum(outcomes[k].get(o, 0) for o in OUTCOME_ORDER) for k in keys)
        y_top = max(float(top), 4.0)
        self._bars(series, keys, y_top / 1.1 if top < 4 else y_top, "%d")


class BalanceChart(_Chart):
    """One line per panel: every recorded balance fetch."""

    def show_history(
        self, history: Mapping[int, Sequence[BalancePoint]], panels: Mapping[int, Panel]
    ) -> None:
        chart = self._reset(self.tr("Balance history"))
        points = [p for line in history.values() for p in line]
        if not points:
            chart.setTitle(self.tr("Balance history: no balance fetched yet"))
            return
        x = QDateTimeAxis()
        x.setFormat("MM-dd HH:mm")
        x.setTickCount(4)
        y = QValueAxis()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for panel_id, line in sorted(history.items()):
            panel = panels.get(panel_id)
            name = panel.name if panel else str(panel_id)
            series = QLineSeries()
            series.setName(f"{name} ({line[-1].currency})" if line else name)
            for p in line:
                series.append(p.fetched_at * 1000, float(p.amount))
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)
        first, last = min(p.fetched_at for p in points), max(p.fetched_at for p in points)
        if last - first < 60:
            first, last = first - 30, last + 30
        x.setRange(QDateTime.fromMSecsSinceEpoch(int(first * 1000)),
                   QDateTime.fromMSecsSinceEpoch(int(last * 1000)))  # fmt: skip
        top = max(p.amount for p in points)
        y.setRange(0, float(top * Decimal("1.1")) if top > 0 else 1.0)
