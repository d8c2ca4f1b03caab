"""What the Orders table shows of the watchers: which orders can be refilled, which are stuck.

``compute_marks`` runs on the worker thread (store reads only); the model asks ``WatchMarks``
per cell.  The filter keys go into the Orders status filter (ui/orders/filter.py).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.watch.refills import eligibility
from smpanel_desktop.core.watch.stuck import stuck_orders
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.widgets import style

ELIGIBLE = "watch:eligible"
STUCK = "watch:stuck"
FILTER_KEYS = (ELIGIBLE, STUCK)


@dataclass(frozen=True, slots=True)
class WatchMarks:
    panel_id: int = -1
    eligible: frozenset[int] = frozenset()
    """Local ids of the orders that can be refilled now."""
    stuck: dict[int, float] = field(default_factory=dict)
    """Local id: since when its remains have not moved."""
    reasons: dict[int, str] = field(default_factory=dict)
    """Local id: why a Completed order cannot be refilled (English, from core)."""
    computed_at: float = 0.0

    def matches(self, order: TrackedOrder, key: str) -> bool:
        if key == ELIGIBLE:
            return order.id in self.eligible
        if key == STUCK:
            return order.id in self.stuck
        return True

    def tooltip(self, order: TrackedOrder) -> str | None:
        if order.id in self.stuck:
            hours = (self.computed_at - self.stuck[order.id]) / 3600
            text = QCoreApplication.translate(
                "WatchMarks", "Stuck: no progress for {0} h. Cancel it or ask the panel."
            )
            return text.format(f"{hours:.0f}")
        if order.id in self.eligible:
            return QCoreApplication.translate("WatchMarks", "Can be refilled now")
        reason = self.reasons.get(order.id)
        return (
            QCoreApplication.translate("WatchMarks", "No refill now: {0}").format(reason)
            if reason
            else None
        )


def compute_marks(
    store: Store,
    panel: Panel,
    services: Sequence[Service],
    orders: Sequence[TrackedOrder] | None = None,
    now: float | None = None,
) -> WatchMarks:
    """Eligibility and stuck orders of the panel (worker thread); ``orders``: the rows already
    loaded (else read again)."""
    now = time.time() if now is None else now
    by_id = {s.id: s for s in services}
    done = None
    if orders is not None:  # rows of another panel (just switched) never count
        orders = [o for o in orders if o.panel_id == panel.id]
        # only a Completed order can be refilled, and only its reason is kept: the others are
        # not checked one by one (check_order turns them down at once)
        done = [o for o in orders if (o.status or "").strip().casefold() == "completed"]
    checks = eligibility(store, panel, by_id, now=now, orders=done) if services else []
    eligible = frozenset(e.order.id for e in checks if e.eligible)
    reasons = {
        e.order.id: e.reason
        for e in checks
        if not e.eligible and (e.order.status or "").strip().casefold() == "completed"
    }
    stuck = {s.order.id: s.since for s in stuck_orders(store, panel.id, now=now, orders=orders)}
    return WatchMarks(panel.id, eligible, stuck, reasons, now)


@functools.cache
def _icon(which: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(which)


def _stuck_brush() -> QBrush:
    tone = QColor(style.color(style.ATTENTION))
    tone.setAlpha(48)  # a tint under the text, whatever the palette
    return QBrush(tone)


def cell(marks: WatchMarks, order: TrackedOrder, status_column: bool, role: int) -> Any:
    """The watchers' part of a cell: an icon on the status (refill / stuck), a tint over the
    row of a stuck order, the status tooltip.  None when there is nothing to show."""
    stuck = order.id in marks.stuck
    if role == int(Qt.ItemDataRole.BackgroundRole):
        return _stuck_brush() if stuck else None
    if not status_column:
        return None
    if role == int(Qt.ItemDataRole.DecorationRole):
        if stuck:
            return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if order.id in marks.eligible:
            return _icon(QStyle.StandardPixmap.SP_BrowserReload)
        return None
    return marks.tooltip(order)
