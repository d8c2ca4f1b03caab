"""Catalog changes in the Services tab: a "Changes (N)" button with a badge, and a view.

Every catalog fetch stores its changes against the previous fetch (core/watch/catalog_diff.py);
after each catalog change the button reads the recent ones on the worker.  Changes to services
the user has ordered from (or starred) are counted apart, put first and marked in the view.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.store.store import Store
from smpanel_desktop.store.watch import CatalogChange
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_time
from smpanel_desktop.ui.widgets.named import named

RECENT = 7 * 86400.0
"""The button counts the changes of the last 7 days."""


@dataclass(frozen=True, slots=True)
class RecentChanges:
    panel_id: int = -1
    changes: list[CatalogChange] = field(default_factory=list)
    """Newest first, those of used services first within a fetch."""
    used: frozenset[int] = frozenset()
    """Services the user ordered from or starred."""

    @property
    def used_changes(self) -> list[CatalogChange]:
        return [c for c in self.changes if c.service in self.used]


def load_recent(
    store: Store, panel_id: int, starred: Iterable[int] = (), now: float | None = None
) -> RecentChanges:
    """Worker side: the panel's changes of the last 7 days and the services the user uses."""
    now = time.time() if now is None else now
    used = frozenset(store.used_services(panel_id) | set(starred))
    changes = store.catalog_changes(panel_id, since=now - RECENT)
    changes.sort(key=lambda c: (-c.detected_at, c.service not in used, c.id))
    return RecentChanges(panel_id, changes, used)


def side_text(value: object) -> str:
    """One side of a change as shown: rates without trailing zeros, flags as yes/no."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("CatalogChanges", "yes")
            if value
            else QCoreApplication.translate("CatalogChanges", "no")
        )
    if isinstance(value, str):
        try:
            amount = Decimal(value)
        except InvalidOperation:
            return value
        return format(amount.normalize(), "f") if amount.is_finite() else value
    return str(value)


def change_text(change: str) -> str:
    texts = {
        "added": QCoreApplication.translate("CatalogChanges", "new service"),
        "removed": QCoreApplication.translate("CatalogChanges", "removed"),
        "rate": QCoreApplication.translate("CatalogChanges", "price"),
        "min": QCoreApplication.translate("CatalogChanges", "minimum"),
        "max": QCoreApplication.translate("CatalogChanges", "maximum"),
        "refill": QCoreApplication.translate("CatalogChanges", "refill"),
        "cancel": QCoreApplication.translate("CatalogChanges", "cancel"),
        "dripfeed": QCoreApplication.translate("CatalogChanges", "drip-feed"),
    }
    return texts.get(change, change)


class CatalogChangesView(QDialog):
    """Contract: ``CatalogChangesView(recent, parent)``: the changes as a table, used first."""

    def __init__(self, recent: RecentChanges, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "catalogChangesView")
        self.setWindowTitle(self.tr("Catalog changes"))
        self.resize(900, 480)
        self.recent = recent
        self.summary = named(QLabel(), "catalogChangesSummary")
        self.only_used = named(QCheckBox(self.tr("Only services I use")), "catalogChangesOnlyUsed")
        self.only_used.setToolTip(self.tr("Services you have ordered from or starred"))
        self.table = named(QTableWidget(0, 6), "catalogChangesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), "", self.tr("Service"), self.tr("Change"), self.tr("Old → new"),
             self.tr("Name")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 30, 70, 110, 200)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_used)
        layout.addWidget(self.table, 1)
        self.only_used.toggled.connect(self._fill)
        self._fill()

    def shown_changes(self) -> list[CatalogChange]:
        r = self.recent
        return r.used_changes if self.only_used.isChecked() else r.changes

    def _fill(self) -> None:
        r = self.recent
        used = len(r.used_changes)
        text = self.tr("%n change(s) in the last 7 days", "", len(r.changes))
        if used:
            text += " · " + self.tr("%n to services you use (★)", "", used)
        self.summary.setText(text)
        rows = self.shown_changes()
        self.table.setRowCount(len(rows))
        attention = style.color(style.ATTENTION)
        for row, c in enumerate(rows):
            mine = c.service in r.used
            sides = f"{side_text(c.old)} → {side_text(c.new)}"
            cells = (format_time(c.detected_at), "★" if mine else "", str(c.service),
                     change_text(c.change), sides, c.name)  # fmt: skip
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if mine:
                    item.setForeground(attention)
                    item.setToolTip(self.tr("You have ordered from or starred this service"))
                self.table.setItem(row, column, item)


class CatalogChangesButton(QPushButton):
    """Contract: ``CatalogChangesButton(ctx, starred=lambda: ())``: "Changes (N)", bold and
    tinted when a used service changed; a click opens ``CatalogChangesView``."""

    def __init__(
        self, ctx: AppContext, starred: Callable[[], Iterable[int]] = tuple,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        named(self, "servicesChanges")
        self.ctx = ctx
        self.starred = starred
        self.recent = RecentChanges()
        self.view: CatalogChangesView | None = None
        self._generation = 0
        self.clicked.connect(self.open_view)
        ctx.catalogChanged.connect(self.reload)
        ctx.ordersChanged.connect(self.reload)
        self._show()
        self.reload()

    def reload(self) -> None:
        panel = self.ctx.panel
        self._generation += 1
        if panel is None or not self.ctx.store_is_open:
            self.recent = RecentChanges()
            self._show()
            return
        generation = self._generation
        task = partial(load_recent, self.ctx.store, panel.id, tuple(self.starred()))
        self.ctx.run(task, lambda recent: self._loaded(generation, recent), owner=self)

    def _loaded(self, generation: int, recent: RecentChanges) -> None:
        panel = self.ctx.panel
        if generation == self._generation and panel is not None and recent.panel_id == panel.id:
            self.recent = recent
            self._show()

    def _show(self) -> None:
        r = self.recent
        used = len(r.used_changes)
        self.setText(self.tr("Changes (%n)", "", len(r.changes)))
        self.setEnabled(bool(r.changes))
        if used:
            self.setToolTip(self.tr("%n change(s) to services you use", "", used))
            style.tint(self, style.ATTENTION, bold=True)
        else:
            self.setToolTip(self.tr("What changed in the catalog in the last 7 days"))
            style.tint(self, None)

    def open_view(self) -> None:
        self.view = CatalogChangesView(self.recent, self.window())
        self.view.open()
