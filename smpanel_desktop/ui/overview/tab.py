"""The Overview tab (after Balance): every panel side by side.

Three pages: the summary (balances fetched in parallel, open orders, spending, alerts, charts),
the price comparison and the spend ledger.  Opening the tab reads the local data at once and
asks every panel for its balance in the background.  "Order on the cheaper panel" opens New
Order with that service, switching panels first when it is on another one.

Contract: ``OverviewTab(ctx, keys, open_panel)``; ``keys`` reads other panels' keyring entries
(on the worker thread), ``open_panel(panel)`` makes a panel current (ui/session.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.widgets.named import named

if TYPE_CHECKING:
    from smpanel_desktop.api.models import Service
    from smpanel_desktop.secrets import KeyStore
    from smpanel_desktop.store.models import Panel
    from smpanel_desktop.ui.overview.compare_page import ComparePage
    from smpanel_desktop.ui.overview.ledger_page import LedgerPage
    from smpanel_desktop.ui.overview.summary import SummaryPage


class OverviewTab(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        keys: KeyStore | None = None,
        open_panel: Callable[[Panel], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.keys = keys
        self.open_panel = open_panel
        self._wanted: tuple[int, int] | None = None  # (panel id, service id) to order once open
        self.sections = named(QTabWidget(), "overviewSections")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)
        self.built = False

    def _build(self) -> None:
        """The pages, on the first show: the app's start-up never imports them."""
        from smpanel_desktop.ui.overview.compare_page import ComparePage
        from smpanel_desktop.ui.overview.ledger_page import LedgerPage
        from smpanel_desktop.ui.overview.summary import SummaryPage

        self.summary: SummaryPage = named(SummaryPage(self.ctx, self.keys), "overviewSummary")
        self.compare: ComparePage = named(ComparePage(self.ctx), "overviewCompare")
        self.ledger: LedgerPage = named(LedgerPage(self.ctx), "overviewLedger")
        self.sections.addTab(self.summary, self.tr("Panels"))
        self.sections.addTab(self.compare, self.tr("Compare prices"))
        self.sections.addTab(self.ledger, self.tr("Spending"))
        self.compare.orderRequested.connect(self.order_on)
        self.ctx.ordersChanged.connect(self._orders_changed)
        self.ctx.catalogChanged.connect(self._catalog_changed)
        self.built = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = not self.built
        if first:
            self._build()
        self.summary.ensure_charts()
        self.summary.load()  # local data at once
        self.ledger.load()
        if first:  # later: the Refresh balances button
            self.summary.fetch_balances()

    def _orders_changed(self) -> None:
        if self.isVisible():
            self.summary.load()
            self.ledger.load()

    def order_on(self, panel: Panel, service: Service) -> None:
        """Open New Order with ``service`` of ``panel`` (switching to that panel first)."""
        current = self.ctx.panel
        if current is not None and current.id == panel.id:
            self.ctx.orderServiceRequested.emit(self.ctx.services_by_id.get(service.id, service))
            return
        if self.open_panel is None:
            return
        self._wanted = (panel.id, service.id)
        self.open_panel(panel)
        self._catalog_changed()

    def _catalog_changed(self) -> None:
        """Once the switched-to panel's catalog is loaded, select the wanted service."""
        if self._wanted is None or self.ctx.panel is None:
            return
        panel_id, service_id = self._wanted
        if self.ctx.panel.id != panel_id:
            return
        service = self.ctx.services_by_id.get(service_id)
        if service is not None:
            self._wanted = None
            self.ctx.orderServiceRequested.emit(service)
