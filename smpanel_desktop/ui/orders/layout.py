"""The Orders tab's widgets: the controls above the table (status filter, search, count,
auto-refresh interval, progress, Refresh), the table with its column widths, the message line.

Only construction lives here; the tab (tab.py) arranges them and wires what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    COL_ORDER,
    COL_REFILL,
    COL_SERVICE,
)
from smpanel_desktop.ui.orders.filter import STATUS_CHOICES
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.orders.view import OrdersView

COLUMN_WIDTHS = (44, 64, 100, 200, 160, 66, 96, 84, 70, 66, 100, 90, 100)
# The widest text a column must show whole (10-digit order ids, an older order's date, a
# refill): measured in the table's font, the extra width taken from Service and Link.
FIT_SAMPLES = {
    COL_ORDER: "99999999999",
    COL_CREATED: "2026-12-31 23:59",
    COL_REFILL: "99999: requested",
}
CELL_PADDING = 14


def status_filter_box() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("ordersStatusFilter")
    for label, key in STATUS_CHOICES:
        combo.addItem(label, key)
    return combo


def search_field() -> QLineEdit:
    search = QLineEdit()
    search.setObjectName("ordersSearch")
    search.setPlaceholderText("Filter by order id, service, link…")
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
    interval.setSuffix(" s")
    interval.setSpecialValueText("off")
    interval.setToolTip("Refresh open orders automatically every N seconds (0 = off)")
    return interval


def refresh_button() -> QPushButton:
    button = QPushButton("Refresh")
    button.setObjectName("ordersRefresh")
    return button


def progress_bar() -> QProgressBar:
    progress = QProgressBar()
    progress.setObjectName("ordersProgress")
    progress.setMaximumWidth(200)
    progress.hide()
    return progress


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
