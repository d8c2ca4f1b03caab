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
from PySide6.QtCore import QDateTime, QPointF, Qt
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
    """A chart that keeps its series while their shape (names, periods) stays the same: a
    reload then only moves the values, where rebuilding made QtCharts lay out and paint every
    bar, label and legend marker anew (most of the Overview's reload time)."""

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
        self.shape: tuple[object, ...] | None = None
        """What the series stand for (kind, names, periods) while they are kept."""

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
        self.shape = None
        return chart

    def _y_axis(self) -> QValueAxis:
        (y,) = self.chart().axes(Qt.Orientation.Vertical)
        assert isinstance(y, QValueAxis)
        return y

    def _show_bars(
        self, title: str, stacked: bool, sets: Sequence[tuple[str, list[float]]],
        categories: Sequence[str], top: float, fmt: str = "",
    ) -> None:  # fmt: skip
        """One bar set per (label, values), one category per period: kept and updated when the
        labels and periods are those already shown, else built anew."""
        shape = ("stacked" if stacked else "bars", tuple(n for n, _ in sets), tuple(categories))
        if shape == self.shape:
            chart = self.chart()
            chart.setTitle(title)
            (series,) = chart.series()
            assert isinstance(series, QAbstractBarSeries)
            for bar, (_, values) in zip(series.barSets(), sets, strict=True):
                for i, value in enumerate(values):
                    if bar.at(i) != value:  # each change re-lays the bars: only real ones
                        bar.replace(i, value)
        else:
            chart = self._reset(title)
            series = QStackedBarSeries() if stacked else QBarSeries()
            for label, values in sets:
                bar = QBarSet(label)
                bar.append(values)
                series.append(bar)
            chart.addSeries(series)
            x = QBarCategoryAxis()
            x.append([_short(k) for k in categories])
            if len(categories) > 4:
                x.setLabelsAngle(-60)  # a date per bar fits only on its side
            x.setTruncateLabels(False)
            chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(QValueAxis(), Qt.AlignmentFlag.AlignLeft)
            series.attachAxis(x)
            series.attachAxis(self._y_axis())
            self.shape = shape
        y = self._y_axis()
        y.setRange(0, top * 1.1 if top > 0 else 1)
        y.setLabelFormat(fmt or ("%.2f" if top < 10 else "%.0f"))


class SpendChart(_Chart):
    """Grouped bars: one set per (panel, currency), one category per period."""

    def show_spend(self, groups: Sequence[SpendGroup], panels: Mapping[int, Panel]) -> None:
        keys = sorted({g.key for g in groups})[-MAX_CATEGORIES:]
        if not keys:
            self._reset(self.tr("Spending per period: no orders yet"))
            return
        col = {k: i for i, k in enumerate(keys)}
        values: dict[tuple[str, str], list[float]] = {}
        for g in groups:
            if g.key in col:
                name = panels[g.panel_id].name if g.panel_id in panels else str(g.panel_id)
                row = values.setdefault((name, g.currency), [0.0] * len(keys))
                row[col[g.key]] += float(g.spent)
        sets = [(f"{name} ({currency})" if currency else name, row)
                for (name, currency), row in sorted(values.items())]  # fmt: skip
        top = max((max(r) for r in values.values()), default=0.0)
        self._show_bars(self.tr("Spending per period"), False, sets, keys, top)


class OutcomeChart(_Chart):
    """Stacked bars per period: completed, partial, canceled, refunded."""

    def show_outcomes(self, outcomes: Mapping[str, Mapping[str, int]]) -> None:
        keys = sorted(outcomes)[-MAX_CATEGORIES:]
        if not keys:
            self._reset(self.tr("Order outcomes: no orders yet"))
            return
        labels = {
            "completed": self.tr("Completed"),
            "partial": self.tr("Partial"),
            "canceled": self.tr("Canceled"),
            "refunded": self.tr("Refunded"),
        }
        sets = [(labels[o], [float(outcomes[k].get(o, 0)) for k in keys]) for o in OUTCOME_ORDER]
        top = max(sum(outcomes[k].get(o, 0) for o in OUTCOME_ORDER) for k in keys)
        y_top = max(float(top), 4.0)
        self._show_bars(self.tr("Order outcomes"), True, sets, keys,
                        y_top / 1.1 if top < 4 else y_top, "%d")  # fmt: skip


class BalanceChart(_Chart):
    """One line per panel: every recorded balance fetch."""

    def show_history(
        self, history: Mapping[int, Sequence[BalancePoint]], panels: Mapping[int, Panel]
    ) -> None:
        points = [p for line in history.values() for p in line]
        if not points:
            self._reset(self.tr("Balance history: no balance fetched yet"))
            return
        title = self.tr("Balance history")
        lines = []
        for panel_id, line in sorted(history.items()):
            panel = panels.get(panel_id)
            name = panel.name if panel else str(panel_id)
            label = f"{name} ({line[-1].currency})" if line else name
            lines.append((label, [QPointF(p.fetched_at * 1000, float(p.amount)) for p in line]))
        shape = ("lines", tuple(n for n, _ in lines))
        if shape == self.shape:
            chart = self.chart()
            chart.setTitle(title)
            for series, (_, line_points) in zip(chart.series(), lines, strict=True):
                assert isinstance(series, QLineSeries)
                series.replace(line_points)  # one change per line, not one per point
            (x,) = chart.axes(Qt.Orientation.Horizontal)
            assert isinstance(x, QDateTimeAxis)
        else:
            chart = self._reset(title)
            x = QDateTimeAxis()
            x.setFormat("MM-dd HH:mm")
            x.setTickCount(4)
            chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(QValueAxis(), Qt.AlignmentFlag.AlignLeft)
            for name, line_points in lines:
                series = QLineSeries()
                series.setName(name)
                series.append(line_points)
                chart.addSeries(series)
                series.attachAxis(x)
                series.attachAxis(self._y_axis())
            self.shape = shape
        first, last = min(p.fetched_at for p in points), max(p.fetched_at for p in points)
        if last - first < 60:
            first, last = first - 30, last + 30
        x.setRange(QDateTime.fromMSecsSinceEpoch(int(first * 1000)),
                   QDateTime.fromMSecsSinceEpoch(int(last * 1000)))  # fmt: skip
        top = max(p.amount for p in points)
        self._y_axis().setRange(0, float(top * Decimal("1.1")) if top > 0 else 1.0)
