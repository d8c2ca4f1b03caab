"""The Orders table's columns: their names, what a cell shows (text, colour, font), how a
column sorts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont

from smpanel_desktop.core.search import fold
from smpanel_desktop.store.dripfeed import Dripfeed
from smpanel_desktop.store.models import (
    NOT_PLACED,
    REJECTED,
    SUBMITTING,
    UNKNOWN,
    Refill,
    TrackedOrder,
)
from smpanel_desktop.ui.orders.statuses import (
    panel_wording,
    status_text,
    status_tooltip,
    translate_status,
)
from smpanel_desktop.ui.watch import marks as watch
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.formatting import CellText, format_int, format_money, format_time
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

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
NUMERIC = {COL_LOCAL, COL_ORDER, COL_QUANTITY, COL_CHARGE, COL_START, COL_REMAINS, COL_PROGRESS}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

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


def column_title(section: int) -> str:
    """The header of column ``section`` in the interface language."""
    return QCoreApplication.translate("Orders", COLUMNS[section])


def status_brushes() -> dict[str, QBrush]:
    """The status colours for the palette in use (made again when the palette changes)."""
    return {key: QBrush(style.color(role)) for key, role in STATUS_COLORS.items()}


@functools.cache
def bold_font() -> QFont:
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


def haystack(o: TrackedOrder) -> str:
    """What the text filter searches: local and panel ids, service id and name, link."""
    return fold(f"{o.id}\t{o.order or ''}\t{o.service_id}\t{o.service_name}\t{o.link}")


def sort_key(value: Any) -> tuple[bool, Any]:
    return (value is None or value == "", value if value is not None else 0)


SORT_KEYS: dict[int, Callable[[TrackedOrder], Any]] = {
    COL_LOCAL: lambda o: o.id,
    COL_ORDER: lambda o: sort_key(o.order),
    COL_CREATED: lambda o: o.created_at,
    COL_SERVICE: lambda o: o.service_name.casefold(),
    COL_LINK: lambda o: sort_key(o.link.casefold()),
    COL_QUANTITY: lambda o: sort_key(o.quantity),
    COL_CHARGE: lambda o: sort_key(o.charge),
    COL_START: lambda o: sort_key(o.start_count),
    COL_REMAINS: lambda o: sort_key(o.remains),
    COL_PROGRESS: lambda o: sort_key(progress(o)),
    COL_STATUS: lambda o: status_text(o).casefold(),
    COL_CHECKED: lambda o: sort_key(o.last_checked_at),
}


def refill_sort_key(refills: Mapping[int, Refill]) -> Callable[[TrackedOrder], Any]:
    """How the Refill column sorts: by when the order's latest refill was asked for."""

    def key(order: TrackedOrder) -> Any:
        refill = refills.get(order.id)
        return sort_key(None if refill is None else refill.created_at)

    return key


def sorted_rows(
    rows: Iterable[TrackedOrder], sort: tuple[int, bool] | None, refills: Mapping[int, Refill]
) -> list[TrackedOrder]:
    """``rows`` in a new list, sorted by ``sort`` (column, descending; None: as given)."""
    if sort is None:
        return list(rows)
    column, descending = sort
    key = SORT_KEYS.get(column) or refill_sort_key(refills)
    return sorted(rows, key=key, reverse=descending)


class Formats:
    """Each distinct count, amount and time of a load formatted once: orders repeat their
    quantities, charges and check times, and a page of rows is formatted as it is scrolled to."""

    def __init__(self) -> None:
        self.count = CellText(format_int)
        self.time = CellText(format_time)
        self.money = CellText(lambda pair: _money(*pair))


def cell_text(
    order: TrackedOrder,
    column: int,
    refills: Mapping[int, Refill],
    currency: str,
    formats: Formats | None = None,
) -> str:
    """What the cell of ``order`` in ``column`` shows (``formats``: remembered texts to reuse,
    valid until the day or the language changes)."""
    if column == COL_LOCAL:
        return str(order.id)
    if column == COL_ORDER:
        return "" if order.order is None else str(order.order)
    if column in (COL_CREATED, COL_CHECKED):
        when = order.created_at if column == COL_CREATED else order.last_checked_at
        return "" if not when else formats.time[when] if formats else format_time(when)
    if column == COL_SERVICE:
        return f"{order.service_id} {order.service_name}" if order.service_id else ""
    if column == COL_LINK:
        return order.link
    if column in (COL_QUANTITY, COL_START, COL_REMAINS):
        value = {COL_QUANTITY: order.quantity, COL_START: order.start_count}.get(
            column, order.remains
        )
        if value is None:
            return ""
        return formats.count[value] if formats else format_int(value)
    if column == COL_CHARGE:
        pair = (order.charge, order.currency or currency)
        return formats.money[pair] if formats else _money(*pair)
    if column == COL_PROGRESS:
        pct = progress(order)
        if pct is None:
            return ""
        return QCoreApplication.translate("Orders", "{percent}%").format(percent=pct)
    if column == COL_STATUS:
        return status_text(order)
    if column == COL_REFILL:
        refill = refills.get(order.id)
        if refill is None:
            return ""
        if refill.refill is None:
            refused = QCoreApplication.translate("Orders", "refused: {reason}")
            return refused.format(reason=refill.last_error or "")
        if not refill.status:  # accepted, not checked yet
            return f"{refill.refill}: {QCoreApplication.translate('Orders', 'requested')}"
        return f"{refill.refill}: {translate_status(refill.status)}"
    return ""


def cell_tooltip(
    order: TrackedOrder,
    column: int,
    marks: watch.WatchMarks,
    refill: Refill | None,
    dripfeed: Dripfeed | None,
) -> str | None:
    """The tooltip of the cell of ``order`` in ``column`` (None: no tooltip)."""
    if column == COL_STATUS:
        mark = watch.cell(marks, order, True, _TOOLTIP)
        return str(mark) if mark is not None else status_tooltip(order, dripfeed)
    if column == COL_REFILL:
        return panel_wording(refill.status) if refill is not None else None
    if column == COL_LINK:
        return order.link or None
    return None


def _money(value: Decimal | None, currency: str | None) -> str:
    return "" if value is None else format_money(value, currency or "", trim=True)
