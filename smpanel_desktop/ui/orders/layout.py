"""The Orders tab's widgets: the controls above the table (status filter, search, count,
auto-refresh interval, progress, Refresh), the table with its column widths, the message line.

Only construction lives here; the tab (tab.py) arranges them and wires what they do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
)

from smpanel_desktop.ui.orders.columns import (
    COL_CREATED,
    COL_LINK,
    COL_LOCAL,
    COL_ORDER,
    COL_PROGRESS,
    COL_REFILL,
    COL_SERVICE,
    progress,
)
from smpanel_desktop.ui.orders.filter import STATUS_CHOICES
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.orders.view import OrdersView
from smpanel_desktop.ui.widgets.progress_delegate import ProgressDelegate

COLUMN_WIDTHS = (44, 64, 100, 170, 130, 66, 96, 84, 70, 66, 100, 90, 100)  # fit 1229 px
# The widest text a column must show whole (6-digit local numbers, 10-digit order ids, an
# older order's date, a refill): measured in the table's font, the extra width taken from
# Service and Link.
FIT_SAMPLES = {
    COL_LOCAL: "999999",  # a reseller's 100,000th order
    COL_ORDER: "99999999999",
    COL_CREATED: "2026-12-31 23:59",
    COL_REFILL: "99999: requested",
}
CELL_PADDING = 14


def _tr(text: str) -> str:
    return QCoreApplication.translate("Orders", text)


def status_filter_box() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("ordersStatusFilter")
    for label, key in STATUS_CHOICES:
        combo.addItem(_tr(label), key)
    return combo


def search_field() -> QLineEdit:
    search = QLineEdit()
    search.setObjectName("ordersSearch")
    search.setPlaceholderText(
        QCoreApplication.translate("Orders", "Filter by order id, service, link…")
    )
    search.setClearButtonEnabled(True)
    return search


def count_label() -> QLabel:
    count = QLabel()
    count.setObjectName("ordersCount")
    return count


def interval_box() -> QSpinBox:
    interval = QSpinBox()
    interval.setObjectName("ordersAutoRefresh")
    interval.setRange(0, 3600)
    interval.setSuffix(QCoreApplication.translate("Orders", " s"))
    interval.setSpecialValueText(QCoreApplication.translate("Orders", "off"))
    interval.setToolTip(
        QCoreApplication.translate(
            "Orders", "Refresh open orders automatically every N seconds (0 = off)"
        )
    )
    return interval


def refresh_button() -> QPushButton:
    button = QPushButton(QCoreApplication.translate("Orders", "&Refresh"))
    button.setObjectName("ordersRefresh")
    return button


def progress_bar() -> QProgressBar:
    progress = QProgressBar()
    progress.setObjectName("ordersProgress")
    progress.setMaximumWidth(200)
    progress.hide()
    return progress


def _progress_of(model: OrdersModel) -> Callable[[Any], int | None]:
    """The delivered percentage of a row (the Progress bar), or None."""

    def value(index: Any) -> int | None:
        order = model.order_at(index.row())
        return None if order is None else progress(order)

    return value


def orders_table(model: OrdersModel) -> OrdersView:
    table = OrdersView()
    table.setModel(model)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)  # unsorted until a header click: newest first
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(column_widths(table.fontMetrics())):
        header.resizeSection(column, width)  # every column fits in 1280 px
    table.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(_progress_of(model), table))
    return table


def message_label() -> QLabel:
    message = QLabel()
    message.setObjectName("ordersMessage")
    message.setWordWrap(True)
    message.setTextFormat(Qt.TextFormat.PlainText)  # panel texts are never HTML
    message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return message


def column_widths(metrics: QFontMetrics) -> list[int]:
    """COLUMN_WIDTHS with the FIT_SAMPLES columns wide enough; the same total width."""
    widths = list(COLUMN_WIDTHS)
    for column, sample in FIT_SAMPLES.items():
        widths[column] = max(widths[column], metrics.horizontalAdvance(sample) + CELL_PADDING)
    extra = sum(widths) - sum(COLUMN_WIDTHS)
    from_service = min(extra // 2, widths[COL_SERVICE] - 120)
    widths[COL_SERVICE] -= from_service
    widths[COL_LINK] = max(100, widths[COL_LINK] - (extra - from_service))
    return widths
