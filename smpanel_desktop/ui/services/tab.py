"""The Services tab: the panel's catalog, searchable as you type, filterable, sortable."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smpanel_desktop.api.models import Service
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.favourites import Favourites, star_icon
from smpanel_desktop.ui.services.index import COL_NAME, Filters
from smpanel_desktop.ui.services.model import ServicesModel
from smpanel_desktop.ui.watch.changes import CatalogChangesButton
from smpanel_desktop.ui.watch.refill_window import RefillWindowButton
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_int, format_time
from smpanel_desktop.ui.widgets.labels import steady_text
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.ui.widgets.table_view import TableView
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

ALL_CATEGORIES = QT_TRANSLATE_NOOP("ServicesTab", "All categories")
ALL_TYPES = QT_TRANSLATE_NOOP("ServicesTab", "All types")
DEFAULT_WIDTHS = (56, 330, 210, 150, 110, 60, 80, 50, 54, 66)  # fit 1229 px (90% of 1366)


class ServicesTab(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        favourites: Favourites | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.favourites = favourites or Favourites(ctx, self)
        self._star = star_icon()  # beside a favourite's id
        self.model = ServicesModel(self)

        self.search = named(QLineEdit(), "servicesSearch")
        self.search.setPlaceholderText(self.tr("Search by name, category or ID"))
        self.search.setClearButtonEnabled(True)
        self.category = self._combo("servicesCategory", self.tr(ALL_CATEGORIES), 28)
        self.category.setToolTip(self.tr("Show one category"))
        self.type = self._combo("servicesType", self.tr(ALL_TYPES), 12)
        self.type.setToolTip(self.tr("Show one service type"))
        self.refill = named(QCheckBox(self.tr("Refill")), "servicesRefillOnly")
        self.cancel = named(QCheckBox(self.tr("Cancel")), "servicesCancelOnly")
        self.dripfeed = named(QCheckBox(self.tr("Drip-feed")), "servicesDripfeedOnly")
        self.refill.setToolTip(self.tr("Only services that offer refill"))
        self.cancel.setToolTip(self.tr("Only services that offer cancel"))
        self.dripfeed.setToolTip(self.tr("Only services that offer drip-feed"))
        self.favourites_only = named(QCheckBox(self.tr("★ Favourites")), "servicesFavouritesOnly")
        self.favourites_only.setToolTip(self.tr("Only your favourite services"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.category, 2)
        filters.addWidget(self.type, 1)
        for box in (self.refill, self.cancel, self.dripfeed, self.favourites_only):
            filters.addWidget(box)

        self.table = named(TableView(), "servicesTable")
        self._setup_table()
        # The index prepares the search text and sort orders in small steps while idle.
        self._warm_timer = QTimer(self, interval=0)
        self._warm_timer.timeout.connect(self._warm_step)

        self.count = named(QLabel(), "servicesCount")
        self.updated = named(QLabel(), "servicesUpdated")
        self.updated.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), "servicesRefresh")
        self.refresh_button.setToolTip(self.tr("Fetch the catalog from the panel again"))
        self.order_button = named(QPushButton(self.tr("O&rder…")), "servicesOrder")
        self.order_button.setToolTip(self.tr("Open New Order with the selected service"))
        self.order_button.setEnabled(False)
        self.star = named(QPushButton(), "servicesFavourite")
        self.star.setCheckable(True)
        self.star.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.updated)
        self.changes = CatalogChangesButton(ctx)  # catalog changes view (ui/watch/changes.py)
        bottom.addWidget(self.changes)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.star)
        bottom.addWidget(self.order_button)
        selection = self.table.selectionModel().selectionChanged  # the table is set up above
        self.refill_window = RefillWindowButton(ctx, self.selected_service, selection)
        bottom.insertWidget(bottom.count() - 1, self.refill_window)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._apply_filters)
        self.category.currentIndexChanged.connect(self._apply_filters)
        self.type.currentIndexChanged.connect(self._apply_filters)
        for box in (self.refill, self.cancel, self.dripfeed, self.favourites_only):
            box.toggled.connect(self._apply_filters)
        self.star.clicked.connect(self._star_clicked)
        self.favourites.changed.connect(self._favourites_changed)
        self.refresh_button.clicked.connect(ctx.refresh_catalog)
        self.order_button.clicked.connect(self._order_selected)
        self.table.doubleClicked.connect(self._order_row)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        ctx.catalogChanged.connect(self.reload)
        ctx.catalogBusy.connect(self._busy)
        ctx.catalogFailed.connect(self._failed)
        ctx.panelChanged.connect(self._panel_changed)
        self.reload()

    @staticmethod
    def _combo(name: str, everything: str, chars: int) -> QComboBox:
        combo = named(QComboBox(), name)
        combo.addItem(everything)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(chars)
        combo.setMaxVisibleItems(24)
        return combo

    def _setup_table(self) -> None:
        t = self.table
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setSortingEnabled(True)
        t.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # catalog order until a header is clicked
        t.verticalHeader().hide()
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorClearable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in enumerate(DEFAULT_WIDTHS):
            t.setColumnWidth(column, width)

    # -- filters --------------------------------------------------------------------------

    def filters(self) -> Filters:
        category = self.category.currentText() if self.category.currentIndex() > 0 else ""
        kind = self.type.currentText() if self.type.currentIndex() > 0 else ""
        return Filters(
            text=self.search.text(),
            category=category,
            type=kind,
            refill=self.refill.isChecked(),
            cancel=self.cancel.isChecked(),
            dripfeed=self.dripfeed.isChecked(),
            favourites=frozenset(self.favourites.ids) if self.favourites_only.isChecked() else None,
        )

    @Slot()
    def _apply_filters(self) -> None:
        self.model.apply_filters(self.filters())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        steady_text(
            self.count,
            self.tr("{shown} of {total} services").format(
                shown=format_int(shown), total=format_int(total)
            ),
            self.tr("{shown} of {total} services").format(
                shown=format_int(total), total=format_int(total)
            ),
        )

    @staticmethod
    def _refill_combo(combo: QComboBox, items: list[str]) -> None:
        current = combo.currentText() if combo.currentIndex() > 0 else ""
        combo.blockSignals(True)
        try:
            everything = combo.itemText(0)
            combo.clear()
            combo.addItem(everything)
            combo.addItems(items)
            combo.setCurrentIndex(max(0, combo.findText(current)) if current else 0)
        finally:
            combo.blockSignals(False)

    # -- catalog --------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Show ``ctx.services`` (after a cache load or a refresh), keeping filters and sort."""
        selected = self.selected_service()
        self.model.set_services(self.ctx.services, self.ctx.currency)
        self._refill_combo(self.category, self.model.categories)
        self._refill_combo(self.type, self.model.types)
        self.model.apply_filters(self.filters())
        self._update_count()
        self._show_updated()
        if selected is not None:
            self.select_service(selected.id)
        self._warm_timer.start()

    @Slot()
    def _warm_step(self) -> None:
        if not self.model.warm_step():
            self._warm_timer.stop()

    def _show_updated(self) -> None:
        style.tint(self.updated, None)
        fetched = self.ctx.catalog_fetched_at
        self.updated.setText(
            self.tr("Updated {time}").format(time=format_time(fetched))
            if fetched
            else self.tr("Not fetched yet")
        )

    @Slot(str)
    def _failed(self, error: str) -> None:
        """Say the refresh failed where the catalog's age is shown, never as if it were current."""
        fetched = self.ctx.catalog_fetched_at
        if fetched:
            text = self.tr("Refresh failed: {error} — showing the catalog of {time}")
            text = text.format(error=error, time=format_time(fetched))
        else:
            text = self.tr("Could not fetch the catalog: {error}").format(error=error)
        self.updated.setText(text)
        self.updated.setToolTip(text)
        style.tint(self.updated, style.ERROR)

    @Slot(bool)
    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        self.refresh_button.setText(self.tr("Refreshing…") if busy else self.tr("&Refresh"))

    @Slot(object)
    def _panel_changed(self, _panel: object) -> None:
        self.search.clear()

    # -- selection and ordering -------------------------------------------------------------

    def selected_service(self) -> Service | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.service_at(rows[0].row()) if rows else None

    def select_service(self, service_id: int) -> bool:
        row = self.model.row_of(service_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, COL_NAME))
        return True

    @Slot()
    def _selection_changed(self) -> None:
        service = self.selected_service()
        self.order_button.setEnabled(service is not None)
        on = service is not None and self.favourites.is_favourite(service.id)
        self.star.setEnabled(service is not None)
        self.star.setChecked(on)
        self.star.setText(self.tr("★ Favourite") if on else self.tr("☆ Favourite"))
        self.star.setToolTip(self.tr("Star the selected service (Favourites shows only these)"))

    @Slot(bool)
    def _star_clicked(self, checked: bool) -> None:
        service = self.selected_service()
        if service is not None:
            self.favourites.set_favourite(service.id, checked)

    @Slot()
    def _favourites_changed(self) -> None:
        self.model.set_favourites(frozenset(self.favourites.ids), self._star)
        if self.favourites_only.isChecked():
            self._apply_filters()
        self._selection_changed()

    @Slot(QModelIndex)
    def _order_row(self, index: QModelIndex) -> None:
        service = self.model.service_at(index.row())
        if service is not None:
            self.ctx.orderServiceRequested.emit(service)

    @Slot()
    def _order_selected(self) -> None:
        service = self.selected_service()
        if service is not None:
            self.ctx.orderServiceRequested.emit(service)
