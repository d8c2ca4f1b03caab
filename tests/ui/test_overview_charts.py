"""The Overview's charts across reloads: the figures a reload brings are the ones drawn, whether
the chart keeps its bars (the same panels and periods: the values move) or builds them anew (a
panel or a period more), and nothing of the previous picture is left behind."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.money.ledger import BalancePoint
from smpanel_desktop.store.money.spend import SpendGroup
from smpanel_desktop.ui.overview.charts import BalanceChart, OutcomeChart, SpendChart

PANELS = {1: Panel(1, "alpha", "https://a.example/api/v2"),
          2: Panel(2, "beta", "https://b.example/api/v2")}  # fmt: skip


def drawn(chart: Any) -> dict[str, list[float]]:
    (series,) = chart.chart().series()
    return {b.label(): [b.at(i) for i in range(b.count())] for b in series.barSets()}


def categories(chart: Any) -> list[str]:
    (x,) = [a for a in chart.chart().axes() if hasattr(a, "categories")]
    return list(x.categories())


def spend(*rows: tuple[str, int, str]) -> list[SpendGroup]:
    return [SpendGroup(day, "USD", panel, 1, Decimal(amount)) for day, panel, amount in rows]


def test_a_reload_with_a_new_order_moves_the_bar_and_keeps_the_rest(qtbot: Any) -> None:
    chart = SpendChart()
    qtbot.addWidget(chart)
    chart.show_spend(spend(("2026-12-01", 1, "2.50"), ("2026-12-02", 2, "1")), PANELS)
    series = chart.chart().series()[0]
    assert drawn(chart) == {"alpha (USD)": [2.5, 0.0], "beta (USD)": [0.0, 1.0]}
    # one more order for beta on the 2nd: the same bars, beta's second value grows
    chart.show_spend(spend(("2026-12-01", 1, "2.50"), ("2026-12-02", 2, "4.25")), PANELS)
    assert drawn(chart) == {"alpha (USD)": [2.5, 0.0], "beta (USD)": [0.0, 4.25]}
    assert chart.chart().series()[0] is series  # kept, not rebuilt
    (y,) = [a for a in chart.chart().axes() if not hasattr(a, "categories")]
    assert y.max() >= 4.25  # the taller bar still fits

    # a new day and a panel gone: built anew, nothing of the old picture left
    chart.show_spend(spend(("2026-12-02", 2, "4.25"), ("2026-12-03", 2, "3")), PANELS)
    assert drawn(chart) == {"beta (USD)": [4.25, 3.0]}
    assert categories(chart) == ["12-02", "12-03"]
    assert len(chart.chart().axes()) == 2

    chart.show_spend([], PANELS)
    assert chart.chart().series() == [] and "no orders yet" in chart.chart().title()
    chart.show_spend(spend(("2026-12-03", 1, "1")), PANELS)  # after the empty picture
    assert drawn(chart) == {"alpha (USD)": [1.0]}


def test_outcomes_and_balances_follow_each_reload(qtbot: Any) -> None:
    outcomes = OutcomeChart()
    qtbot.addWidget(outcomes)
    outcomes.show_outcomes({"2026-12-01": {"completed": 3, "partial": 1}})
    outcomes.show_outcomes({"2026-12-01": {"completed": 4, "canceled": 2}})
    assert drawn(outcomes) == {"Completed": [4.0], "Partial": [0.0], "Canceled": [2.0],
                               "Refunded": [0.0]}  # fmt: skip

    balances = BalanceChart()
    qtbot.addWidget(balances)

    def points(chart: Any) -> dict[str, list[tuple[float, float]]]:
        return {s.name(): [(p.x() / 1000, p.y()) for p in s.points()]
                for s in chart.chart().series()}  # fmt: skip

    history = {1: [BalancePoint(1, Decimal("10"), "USD", 1000.0)]}
    balances.show_history(history, PANELS)
    history = {1: [BalancePoint(1, Decimal("10"), "USD", 1000.0),
                   BalancePoint(1, Decimal("7.5"), "USD", 2000.0)]}  # fmt: skip
    balances.show_history(history, PANELS)  # a balance fetched since: the line grows
    assert points(balances) == {"alpha (USD)": [(1000.0, 10.0), (2000.0, 7.5)]}
    history[2] = [BalancePoint(2, Decimal("3"), "TRY", 1500.0)]
    balances.show_history(history, PANELS)  # a second panel: a second line
    assert points(balances) == {"alpha (USD)": [(1000.0, 10.0), (2000.0, 7.5)],
                                "beta (TRY)": [(1500.0, 3.0)]}  # fmt: skip
