"""A thin table model over tracked orders: filter and sort plain Python lists, reset, done.

No ``QSortFilterProxyModel`` (../shared/design.md: per-comparison Python calls make it two orders
of magnitude too slow).  ``data()`` formats only the cells the view asks for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from smpanel_desktop.api.models import is_final_order_status, is_final_refill_status
from smpanel_desktop.store.models import (
    NOT_PLACED,
    PLACED,
    REJECTED,
    SUBMITTING,
    UNKNOWN,
    Refill,
    TrackedOrder,
)
from smpanel_desktop.ui.orders.filter import OrderFilter, matches_status
from smpanel_desktop.ui.orders.statuses import panel_wording, status_text, translate_status
from smpanel_desktop.ui.watch import marks as watch
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import format_int, format_money, format_time
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (  # translated in headerData ("Orders")
    "#",
    QT_TRANSLATE_NOOP("Orders", "Order"),
    QT_TRANSLATE_NOOP("Orders", "Created"),
    QT_TRANSLATE_NOOP("Orders", "Service"),
    QT_TRANSLATE_NOOP("Orders", "Link"),
    QT_TRANSLATE_NOOP("Orders", "Quantity"),
    QT_TRANSLATE_NOOP("Orders", "Charge"),
    QT_TRANSLATE_NOOP("Orders", "Start count"),
    QT_TRANSLATE_NOOP("Orders", "Remains"),
    QT_TRANSLATE_NOOP("Orders", "Progress"),
    QT_TRANSLATE_NOOP("Orders", "Status"),
    QT_TRANSLATE_NOOP("Orders", "Refill"),
    QT_TRANSLATE_NOOP("Orders", "Last checked"),
)
(
    COL_LOCAL,
    COL_ORDER,
    COL_CREATED,
    COL_SERVICE,
    COL_LINK,
    COL_QUANTITY,
    COL_CHARGE,
    COL_START,
    COL_REMAINS,
    COL_PROGRESS,
    COL_STATUS,
    COL_REFILL,
    COL_CHECKED,
) = range(len(COLUMNS))
_NUMERIC = {COL_LOCAL, COL_ORDER, COL_QUANTITY, COL_CHARGE, COL_START, COL_REMAINS, COL_PROGRESS}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
OrderRole = Qt.ItemDataRole.UserRole + 1

STATUS_COLORS = {  # status or local state: colour role (ui/widgets/style.py)
    "pending": style.MUTED,
    "in progress": style.INFO,
    "processing": style.INFO,
    "completed": style.OK,
    "partial": style.ATTENTION,
    "canceled": style.ERROR,
    "cancelled": style.ERROR,
    UNKNOWN: style.ERROR,
    REJECTED: style.MUTED,
    NOT_PLACED: style.MUTED,
    SUBMITTING: style.MUTED,
}


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ROLES = frozenset(
    {_DISPLAY, _ALIGN, _FOREGROUND, _FONT, _TOOLTIP, int(OrderRole), _DECORATION, _BACKGROUND}
)


def _brushes() -> dict[str, QBrush]:
    """The status colours for the palette in use (made again when the palette changes)."""
    return {key: QBrush(style.color(role)) for key, role in STATUS_COLORS.items()}


@functools.cache
def _bold() -> QFont:
    font = QFont()  # made on first use: a QFont needs the QGuiApplication to exist
    font.setBold(True)
    return font


def progress(order: TrackedOrder) -> int | None:
    """Delivered share in percent, from quantity and remains (None when unknown)."""
    if (order.status or "").strip().lower() == "completed":
        return 100
    total = order.quantity
    if not total or order.remains is None:
        return None
    return max(0, min(100, round((total - order.remains) * 100 / total)))


def _haystack(o: TrackedOrder) -> str:
    """What the text filter searches: local and panel ids, service id and name, link."""
    return f"{o.id}\t{o.order or ''}\t{o.service_id}\t{o.service_name}\t{o.link}".casefold()


def _key(value: Any) -> tuple[bool, Any]:
    return (value is None or value == "", value if value is not None else 0)


SORT_KEYS: dict[int, Callable[[TrackedOrder], Any]] = {
    COL_LOCAL: lambda o: o.id,
    COL_ORDER: lambda o: _key(o.order),
    COL_CREATED: lambda o: o.created_at,
    COL_SERVICE: lambda o: o.service_name.casefold(),
    COL_LINK: lambda o: _key(o.link.casefold()),
    COL_QUANTITY: lambda o: _key(o.quantity),
    COL_CHARGE: lambda o: _key(o.charge),
    COL_START: lambda o: _key(o.start_count),
    COL_REMAINS: lambda o: _key(o.remains),
    COL_PROGRESS: lambda o: _key(progress(o)),
    COL_STATUS: lambda o: status_text(o).casefold(),
    COL_CHECKED: lambda o: _key(o.last_checked_at),
}


class OrdersModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._orders: list[TrackedOrder] = []
        self._refills: dict[int, Refill] = {}
        self._visible: list[TrackedOrder] = []
        self._haystack: dict[int, str] | None = None
        self._filter = OrderFilter()
        self._sort: tuple[int, bool] | None = None  # column, descending
        self._currency = ""
        self._brushes = _brushes()
        self._watch = watch.WatchMarks()  # eligible / stuck marks (ui/watch/marks.py)

    def set_watch(self, marks: watch.WatchMarks) -> None:
        """New eligibility and stuck marks: repaint, and filter again when filtering by them."""
        self._watch = marks
        if self._filter.status in watch.FILTER_KEYS:
            self.beginResetModel()
            self._visible = self._compute()
            self.endResetModel()
        elif self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    @property
    def watch(self) -> watch.WatchMarks:
        return self._watch

    def refresh_colors(self) -> None:
        """Pick the status colours again for the palette in use (light or dark)."""
        self._brushes = _brushes()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    # -- loading, filtering, sorting --------------------------------------------------------------

    def set_orders(
        self, orders: Sequence[TrackedOrder], refills: Sequence[Refill] = (), currency: str = ""
    ) -> None:
        """Replace every row (newest first as given), keeping the filter and the sort."""
        self.beginResetModel()
        self._orders = list(orders)
        self._currency = currency
        self._refills = {}
        for refill in refills:  # newest first: keep the first seen per order
            self._refills.setdefault(refill.order_local_id, refill)
        self._haystack = None
        self._visible = self._compute()
        self.endResetModel()

    def set_filter(self, flt: OrderFilter) -> None:
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._visible = self._compute()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sortable = column in SORT_KEYS or column == COL_REFILL
        wanted = (column, order == Qt.SortOrder.DescendingOrder) if sortable else None
        if wanted == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        visible = self._visible
        held = [visible[p.row()] if p.row() < len(visible) else None for p in persistent]
        self._sort = wanted
        self._visible = self._sorted(self._visible)
        where = {id(o): row for row, o in enumerate(self._visible)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(where[id(o)], p.column()) if o is not None else QModelIndex()
                for p, o in zip(persistent, held, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _compute(self) -> list[TrackedOrder]:
        flt = self._filter
        rows = self._orders
        if flt.status in watch.FILTER_KEYS:
            rows = [o for o in rows if self._watch.matches(o, flt.status)]
        elif flt.status:
            rows = [o for o in rows if matches_status(o, flt.status)]
        needle = flt.text.strip().casefold()
        if needle:
            if self._haystack is None:  # built on the first search after a load
                self._haystack = {o.id: _haystack(o) for o in self._orders}
            hay = self._haystack
            rows = [o for o in rows if needle in hay[o.id]]
        return self._sorted(rows)

    def _sorted(self, rows: list[TrackedOrder]) -> list[TrackedOrder]:
        if self._sort is None:
            return list(rows)
        column, descending = self._sort
        key = SORT_KEYS.get(column) or self._refill_key
        return sorted(rows, key=key, reverse=descending)

    def _refill_key(self, order: TrackedOrder) -> Any:
        refill = self._refills.get(order.id)
        return _key(None if refill is None else refill.created_at)

    # -- queries ----------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._orders)

    @property
    def filter(self) -> OrderFilter:
        return self._filter

    def order_at(self, row: int) -> TrackedOrder | None:
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def visible_orders(self) -> list[TrackedOrder]:
        return list(self._visible)

    def all_orders(self) -> list[TrackedOrder]:
        return list(self._orders)

    def has_open_work(self) -> bool:
        """Anything worth polling: a placed order or an accepted refill not yet final."""
        return any(
            o.state == PLACED and o.order is not None and not is_final_order_status(o.status)
            for o in self._orders
        ) or any(
            r.refill is not None and not is_final_refill_status(r.status)
            for r in self._refills.values()
        )

    def refill_of(self, order: TrackedOrder) -> Refill | None:
        return self._refills.get(order.id)

    def rows_of(self, local_ids: set[int]) -> list[int]:
        """The visible rows of these orders (local ids), in one pass."""
        return [row for row, o in enumerate(self._visible) if o.id in local_ids]

    def row_of(self, local_id: int) -> int | None:
        for row, o in enumerate(self._visible):
            if o.id == local_id:
                return row
        return None

    def cell_text(self, order: TrackedOrder, column: int) -> str:
        if column == COL_LOCAL:
            return str(order.id)
        if column == COL_ORDER:
            return "" if order.order is None else str(order.order)
        if column == COL_CREATED:
            return format_time(order.created_at) if order.created_at else ""
        if column == COL_SERVICE:
            return f"{order.service_id} {order.service_name}" if order.service_id else ""
        if column == COL_LINK:
            return order.link
        if column in (COL_QUANTITY, COL_START, COL_REMAINS):
            value = {COL_QUANTITY: order.quantity, COL_START: order.start_count}.get(
                column, order.remains
            )
            return "" if value is None else format_int(value)
        if column == COL_CHARGE:
            return _money(order.charge, order.currency or self._currency)
        if column == COL_PROGRESS:
            pct = progress(order)
            if pct is None:
                return ""
            return QCoreApplication.translate("Orders", "{percent}%").format(percent=pct)
        if column == COL_STATUS:
            return status_text(order)
        if column == COL_REFILL:
            refill = self._refills.get(order.id)
            if refill is None:
                return ""
            if refill.refill is None:
                refused = QCoreApplication.translate("Orders", "refused: {reason}")
                return refused.format(reason=refill.last_error or "")
            if not refill.status:  # accepted, not checked yet
                return f"{refill.refill}: {QCoreApplication.translate('Orders', 'requested')}"
            return f"{refill.refill}: {translate_status(refill.status)}"
        if column == COL_CHECKED:
            return format_time(order.last_checked_at) if order.last_checked_at else ""
        return ""

    # -- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
                return QCoreApplication.translate("Orders", COLUMNS[section])
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks ~7 roles per visible cell on every paint: unanswered roles leave first.
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._visible) and 0 <= column < len(COLUMNS)):
            return None
        order = self._visible[row]
        if role == _DISPLAY:
            return self.cell_text(order, column)
        if role == _ALIGN:
            return _RIGHT if column in _NUMERIC else _LEFT
        if role == OrderRole:
            return order
        if role in (_DECORATION, _BACKGROUND) or (role == _TOOLTIP and column == COL_STATUS):
            mark = watch.cell(self._watch, order, column == COL_STATUS, role)
            if mark is not None or role != _TOOLTIP:
                return mark
        if column == COL_STATUS:
            if role == _FOREGROUND:
                key = order.state if order.state != PLACED else (order.status or "").strip().lower()
                return self._brushes.get(key)
            if role == _FONT:
                return _bold() if order.state == UNKNOWN else None
            if order.state == UNKNOWN:  # tooltip
                return QCoreApplication.translate(
                    "Orders",
                    "{error}. It may have been placed and charged: find it on the panel, "
                    "then Resolve.",
                ).format(
                    error=order.last_error
                    or QCoreApplication.translate("Orders", "The answer was lost")
                )
            return order.last_error or panel_wording(order.status)
        if role == _TOOLTIP and column == COL_REFILL:
            refill = self._refills.get(order.id)
            return panel_wording(refill.status) if refill is not None else None
        if role == _TOOLTIP and column == COL_LINK:
            return order.link or None
        return None


def _money(value: Decimal | None, currency: str | None) -> str:
    return "" if value is None else format_money(value, currency or "", trim=True)
