"""The overview of every panel, from local data only (fast: the GUI builds it in a task).

Per panel: the last recorded balance (or the last fetch's error), open orders, spend over the
last 30 days per currency, alerts.  For the charts: spend per period per panel and currency,
order outcomes per period, and each panel's balance history.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from smpanel_desktop.core.watch.catalog_diff import changes_in_use
from smpanel_desktop.core.watch.stuck import stuck_counts
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.money.ledger import BalancePoint
from smpanel_desktop.store.money.spend import PERIODS, SpendGroup, added, outcomes_of
from smpanel_desktop.store.store import Store

DAY = 86400.0
SPEND_WINDOW_DAYS = 30
LOW_BALANCE_DAYS = 3
"""Default alert: the balance covers fewer days than this at the last 30 days' pace."""
CHART_SPAN = {"day": 30 * DAY, "week": 26 * 7 * DAY, "month": 366 * DAY}

LOW_BALANCE, FETCH_FAILED = "low_balance", "fetch_failed"
STUCK_ORDERS, CATALOG_CHANGED = "stuck_orders", "catalog_changed"
CHANGES_WINDOW = 7 * DAY
"""Catalog changes alerted: the last week's repriced or removed services the user ordered or
starred (core/watch/: the same changes its notifications announce)."""


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str
    """``LOW_BALANCE``, ``FETCH_FAILED``, ``STUCK_ORDERS`` or ``CATALOG_CHANGED`` (the GUI
    words them in the user's language)."""
    panel: Panel
    amount: Decimal | None = None
    """LOW_BALANCE: the level the balance fell under."""
    text: str = ""
    """FETCH_FAILED: the error."""
    count: int = 0
    """STUCK_ORDERS: how many orders; CATALOG_CHANGED: how many services."""


@dataclass(frozen=True, slots=True)
class PanelSummary:
    panel: Panel
    balance: BalancePoint | None
    error: str | None
    open_orders: int
    spend: dict[str, Decimal]
    """Since local midnight 30 days ago, per currency."""
    alerts: list[Alert] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Overview:
    panels: list[PanelSummary]
    period: str
    spend: list[SpendGroup]
    """Per period, currency and panel (for the spending chart)."""
    outcomes: dict[str, dict[str, int]]
    history: dict[int, list[BalancePoint]]


def _alerts(
    panel: Panel, balance: BalancePoint | None, error: str | None, level: Decimal | None,
    spend: Mapping[str, Decimal],
) -> list[Alert]:  # fmt: skip
    out = []
    if error:
        out.append(Alert(FETCH_FAILED, panel, text=error))
    if balance is None:
        return out
    if level is None:
        pace = spend.get(balance.currency, Decimal(0)) / SPEND_WINDOW_DAYS
        level = (pace * LOW_BALANCE_DAYS).quantize(Decimal("0.01")) if pace else None
    if (level is not None and balance.amount < level) or balance.amount <= 0:
        out.append(Alert(LOW_BALANCE, panel, amount=level if level is not None else Decimal(0)))
    return out


def _watch_alerts(store: Store, panel: Panel, now: float, stuck: int) -> list[Alert]:
    out = [Alert(STUCK_ORDERS, panel, count=stuck)] if stuck else []
    if changed := {c.service for c in changes_in_use(store, panel.id, now - CHANGES_WINDOW)}:
        out.append(Alert(CATALOG_CHANGED, panel, count=len(changed)))
    return out


def build_overview(
    store: Store,
    period: str = "day",
    *,
    errors: Mapping[int, str] | None = None,
    now: float | None = None,
) -> Overview:
    """Everything the Overview tab shows; ``errors`` are the last balance fetch's failures."""
    if period not in PERIODS:
        raise ValueError(f"Not a period: {period!r}.")
    now = time.time() if now is None else now
    errors = errors or {}
    panels = store.panels()
    latest = store.latest_balances()
    open_counts = store.open_order_counts()
    levels = {p: lo for p, (_, lo) in store.panel_money().items()}
    stuck = stuck_counts(store, now=now)
    since = _midnight(now - CHART_SPAN[period])  # whole days: the store's per-day sums serve
    window = _midnight(now - SPEND_WINDOW_DAYS * DAY)
    days = store.spend_groups("day", min(since, window), outcomes=True)  # one pass for all
    first_day = time.strftime("%Y-%m-%d", time.localtime(window))
    recent: dict[int, dict[str, Decimal]] = {}
    for g in days:
        if g.key >= first_day:
            per = recent.setdefault(g.panel_id, {})
            per[g.currency] = per.get(g.currency, Decimal(0)) + g.spent
    summaries = []
    for p in panels:
        spend = recent.get(p.id, {})
        bal, err = latest.get(p.id), errors.get(p.id)
        alerts = _alerts(p, bal, err, levels.get(p.id), spend)
        alerts += _watch_alerts(store, p, now, stuck.get(p.id, 0))
        summaries.append(PanelSummary(p, bal, err, open_counts.get(p.id, 0), spend, alerts))
    history: dict[int, list[BalancePoint]] = {}
    for point in store.balance_history(since=since):
        history.setdefault(point.panel_id, []).append(point)
    first_chart_day = time.strftime("%Y-%m-%d", time.localtime(since))
    chart = regroup([g for g in days if g.key >= first_chart_day], period)
    return Overview(summaries, period, chart, outcomes_of(chart), history)


def _midnight(at: float) -> float:
    """The start of ``at``'s local day."""
    t = time.localtime(at)
    return time.mktime((t.tm_year, t.tm_mon, t.tm_mday, 0, 0, 0, 0, 0, -1))


def period_of(day: str, period: str) -> str:
    """A day (2026-12-03) as its ``period`` key: itself, its week's Monday, its month."""
    if period == "month":
        return day[:7]
    if period == "week":
        d = date.fromisoformat(day)
        return (d - timedelta(days=d.weekday())).isoformat()
    return day


def regroup(days: list[SpendGroup], period: str) -> list[SpendGroup]:
    """Day groups merged into ``period`` groups (per currency and panel)."""
    if period == "day":
        return days
    merged: dict[tuple[str, str, int], SpendGroup] = {}
    for g in days:
        at = (period_of(g.key, period), g.currency, g.panel_id)
        old = merged.get(at)
        if old is None:
            merged[at] = replace(g, key=at[0])
            continue
        merged[at] = added(old, g)
    return list(merged.values())
