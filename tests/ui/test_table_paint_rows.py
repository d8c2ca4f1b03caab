"""What a page down in Orders paints: each row's cells asked for once, bars copied from the
ones already drawn, the header left alone, and every pixel still what Qt's own painting shows."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot
from test_table_frames import EventCount, RolesModel, differing_share, grab, shown_view

from smpanel_desktop.store.models import UNKNOWN, TrackedOrder
from smpanel_desktop.ui.orders.columns import COL_PROGRESS, COLUMNS
from smpanel_desktop.ui.orders.layout import orders_table
from smpanel_desktop.ui.orders.model import OrdersModel
from smpanel_desktop.ui.watch.marks import WatchMarks
from smpanel_desktop.ui.widgets.cells import CellRoles

STATUSES = ("Pending", "In progress", "Completed", "Partial", "Canceled", None)


def orders(count: int) -> list[TrackedOrder]:
    return [
        TrackedOrder(
            count - n, 1, 9_000 + n, 100 + n, f"Instagram Followers {n} 🚀", "Default",
            {"link": "https://instagram.com/p/x"}, f"https://instagram.com/p/x{n}",
            1000, None, Decimal("1.25"), "USD", STATUSES[n % 6],
            UNKNOWN if n % 7 == 3 else "placed", start_count=n, remains=(n * 37) % 1000,
            created_at=1_700_000_000 + n, updated_at=1_700_000_000, last_checked_at=None,
        )
        for n in range(count)
    ]  # fmt: skip


def shown_orders(
    qtbot: QtBot, rows: list[TrackedOrder], size: tuple[int, int] = (1280, 600)
) -> tuple[OrdersModel, Any]:
    """The real Orders table over ``rows``, shown at ``size``."""
    model = OrdersModel()
    table = orders_table(model)
    qtbot.addWidget(table)
    table.resize(*size)
    table.show()
    qtbot.waitExposed(table)
    model.set_orders(rows, (), "USD")
    return model, table


def test_a_rows_cells_asked_at_once_are_what_each_cell_answers() -> None:
    model = OrdersModel()
    rows = orders(40)
    model.set_orders(rows, (), "USD")
    # stuck orders tint their row, eligible ones get an icon on the status, unknown ones bold
    model.set_watch(WatchMarks(1, frozenset({rows[1].id, rows[5].id}), {rows[2].id: 0.0}))
    kinds = {"plain": 0, "rich": 0}
    for row in range(model.rowCount()):
        at_once = model.roles.plain_row(row)
        for column in range(len(COLUMNS)):
            assert at_once[column] == model.roles.plain(row, column), (row, column)
            kinds["plain" if at_once[column] is not None else "rich"] += 1
    assert kinds["rich"] >= len(COLUMNS) + 5  # the stuck row whole, the marked status cells
    assert kinds["plain"] > 30 * len(COLUMNS)


def test_a_services_rows_cells_asked_at_once_are_what_each_cell_answers(qtbot: QtBot) -> None:
    from test_services_model import catalog

    from smpanel_desktop.ui.services.index import COLUMNS as SERVICE_COLUMNS
    from smpanel_desktop.ui.services.model import ServicesModel

    model = ServicesModel()
    services = catalog(60)
    model.set_services(services, "USD")
    star = QPixmap(8, 8)
    model.set_favourites(frozenset({services[3].id, services[7].id}), QIcon(star))
    stars = 0
    for row in range(model.rowCount()):
        at_once = model.roles.plain_row(row)
        for column in range(len(SERVICE_COLUMNS)):
            assert at_once[column] == model.roles.plain(row, column), (row, column)
        stars += at_once[0] is None
    assert stars == 2  # the favourites' id cells carry the star: painted the standard way


class Texts(RolesModel):
    """Two rows of plain text the test changes; ``row_plain`` asks every cell of a row."""

    ROWS = COLUMNS = 2

    def __init__(self) -> None:
        super().__init__()
        self.texts = [["alpha", "beta"], ["gamma", "delta"]]
        self.roles = CellRoles(
            {int(Qt.ItemDataRole.DisplayRole): lambda r, c: self.texts[r][c]},
            lambda: 2,
            lambda r: [self.roles.plain(r, c) for c in range(2)],
        )


@pytest.mark.parametrize("one_pass", [True, False], ids=["one pass", "Qt cell by cell"])
def test_a_cell_changed_alone_is_repainted_with_its_new_text(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, one_pass: bool
) -> None:
    from smpanel_desktop.ui.widgets import table_view

    if not one_pass:  # Qt's painting, through the delegate's row of cells kept per paint
        monkeypatch.setattr(table_view, "can_paint_rows", lambda view: False)
    model = Texts()
    view = shown_view(qtbot, model)
    for _ in range(3):
        QApplication.processEvents()  # the last row painted is row 1
    model.texts[1][1] = "a much longer text now"
    model.dataChanged.emit(model.index(1, 1), model.index(1, 1))
    for _ in range(3):
        QApplication.processEvents()  # repaints that one cell, in a paint of its own
    shown = view.window().screen().grabWindow(view.window().winId()).toImage()
    offset = view.viewport().mapTo(view.window(), QPoint(0, 0))
    cell = view.visualRect(model.index(1, 1)).translated(offset)
    view.setItemDelegate(QStyledItemDelegate(view))
    standard = grab(view).copy(view.visualRect(model.index(1, 1)))
    assert differing_share(shown.copy(cell), standard) < 0.05


class DirectBar(QStyledItemDelegate):
    """Each bar drawn anew by the style, on a painter of its own over the row's background
    (on the view's painter, Fusion's label draws its dark text under the white one too)."""

    def __init__(self, model: OrdersModel, parent: Any) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        from smpanel_desktop.ui.orders.columns import progress

        order = self.model.order_at(index.row())
        value = None if order is None else progress(order)
        if value is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style()
        image = QImage(option.rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(option.palette.base().color())
        cell = QStyleOptionViewItem(option)
        cell.rect = QRect(QPoint(0, 0), option.rect.size())
        own = QPainter(image)
        own.setFont(option.font)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, cell, own, option.widget)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, cell, own, option.widget)
        bar = QStyleOptionProgressBar()
        bar.rect = cell.rect.adjusted(3, 3, -3, -3)
        bar.minimum, bar.maximum, bar.progress = 0, 100, value
        bar.text = str(index.data())
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, own, option.widget)
        own.end()
        painter.drawImage(option.rect.topLeft(), image)


def unlike_share(a: QImage, b: QImage) -> float:
    """Share of rows of pixels where a colour differs by more than a rounding step (drawing on a
    transparent pixmap and copying it rounds an edge's blend by one level now and then)."""
    assert a.size() == b.size()

    def far(x: int, y: int) -> bool:
        p, q = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
        return max(abs(p.red() - q.red()), abs(p.green() - q.green()),
                   abs(p.blue() - q.blue())) > 3  # fmt: skip

    rows = range(0, a.height(), 2)
    return sum(any(far(x, y) for x in range(a.width())) for y in rows) / max(1, len(rows))


def _progress_column(table: Any) -> QImage:
    image = grab(table)
    left = table.columnViewportPosition(COL_PROGRESS)
    return image.copy(QRect(left, 0, table.columnWidth(COL_PROGRESS), image.height()))


def test_bars_kept_from_earlier_paints_look_as_the_style_draws_them(qtbot: QtBot) -> None:
    model, table = shown_orders(qtbot, orders(60))
    table.selectRow(2)
    kept = [_progress_column(table) for _ in range(3)]  # drawn once, then copied
    cached = table.itemDelegateForColumn(COL_PROGRESS)
    table.setItemDelegateForColumn(COL_PROGRESS, DirectBar(model, table))
    direct = _progress_column(table)
    blank = QImage(direct.size(), direct.format())
    blank.fill(table.palette().base().color())
    assert differing_share(direct, blank) > 0.5  # there are bars to compare
    for image in kept:
        assert unlike_share(image, direct) < 0.02

    # a darker palette: the bars are drawn again in its colours, not copied from before
    from smpanel_desktop.ui.widgets.theme import dark_palette

    table.setPalette(dark_palette())
    direct_dark = _progress_column(table)
    table.setItemDelegateForColumn(COL_PROGRESS, cached)
    assert differing_share(direct_dark, direct) > 0.3
    assert unlike_share(_progress_column(table), direct_dark) < 0.02

    # a delivered order's bar follows its new remains
    moved = orders(60)
    moved[0] = replace(moved[0], remains=0)
    model.set_orders(moved, (), "USD")
    table.setItemDelegateForColumn(COL_PROGRESS, DirectBar(model, table))
    direct_moved = _progress_column(table)
    table.setItemDelegateForColumn(COL_PROGRESS, cached)
    assert unlike_share(_progress_column(table), direct_moved) < 0.02


def test_a_page_down_leaves_the_header_unpainted(qtbot: QtBot) -> None:
    model, table = shown_orders(qtbot, orders(300))
    table.setFocus()
    table.setCurrentIndex(model.index(0, 1))
    grab(table)
    header = table.horizontalHeader().viewport()
    count = EventCount(header)
    QApplication.instance().installEventFilter(count)  # type: ignore[union-attr]
    qtbot.keyClick(table, Qt.Key.Key_PageDown)
    grab(table)
    QApplication.instance().removeEventFilter(count)  # type: ignore[union-attr]
    assert table.currentIndex().row() > 10  # the page moved, a new row is selected
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
    assert count.viewport_paints == 0


def test_an_order_is_found_by_the_turkish_letters_a_user_types() -> None:
    from smpanel_desktop.ui.orders.filter import OrderFilter

    model = OrdersModel()
    rows = orders(3)
    rows[1] = replace(rows[1], service_name="TAKİPÇİ PAKETİ İzlenme")
    model.set_orders(rows, (), "USD")
    for typed in ("takipçi", "İZLENME", "paketi"):
        model.set_filter(OrderFilter(text=typed))
        assert [model.order_at(r).service_name for r in range(model.rowCount())] == [
            "TAKİPÇİ PAKETİ İzlenme"
        ], typed


def _qt_painted(table: Any, monkeypatch: Any) -> QImage:
    """The same view painted by QTableView's own paintEvent, cell by cell through the delegate."""
    from smpanel_desktop.ui.widgets import table_view

    with monkeypatch.context() as patch:
        patch.setattr(table_view, "can_paint_rows", lambda view: False)
        return grab(table)


def test_rows_painted_in_one_pass_look_as_qt_paints_them(qtbot: QtBot, monkeypatch: Any) -> None:
    from smpanel_desktop.ui.orders.columns import COL_LINK, COL_STATUS
    from smpanel_desktop.ui.widgets import table_view
    from smpanel_desktop.ui.widgets.theme import dark_palette

    painted = []
    real = table_view.paint_rows
    monkeypatch.setattr(table_view, "paint_rows", lambda *args: (painted.append(1), real(*args)))
    rows = orders(80)
    model, table = shown_orders(qtbot, rows, (900, 500))
    model.set_watch(WatchMarks(1, frozenset({rows[1].id}), {rows[4].id: 0.0}))  # icon, tint
    table.setFocus()
    table.setCurrentIndex(model.index(3, COL_STATUS))  # the focus frame on a cell
    table.selectRow(3)
    table.selectionModel().select(
        model.index(6, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    looks = {}
    looks["selected, focused, marked"] = grab(table), _qt_painted(table, monkeypatch)
    table.setColumnHidden(COL_LINK, True)
    table.horizontalScrollBar().setValue(120)  # a column cut at the left edge
    table.verticalScrollBar().setValue(7)
    looks["hidden column, scrolled"] = grab(table), _qt_painted(table, monkeypatch)
    table.setPalette(dark_palette())
    looks["dark"] = grab(table), _qt_painted(table, monkeypatch)
    table.clearFocus()
    looks["without focus"] = grab(table), _qt_painted(table, monkeypatch)
    assert painted  # the one-pass painting was used for the first image of each pair
    for name, (ours, qt) in looks.items():
        assert unlike_share(ours, qt) == 0, name


def test_numbers_measured_by_their_characters_are_as_wide_as_qt_measures_them(
    qtbot: QtBot,
) -> None:
    from PySide6.QtGui import QFontMetricsF

    from smpanel_desktop.ui.widgets.text_layout import FontFacts

    view = orders_table(OrdersModel())
    qtbot.addWidget(view)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    facts = FontFacts(option)
    exact = QFontMetricsF(option.font)
    samples = ["1,000", "80000123", "1.25", "2026-12-01 23:59", "12:05:09", "45%", "-3", "99 %"]
    for text in samples:
        assert facts.width(text) == exact.horizontalAdvance(text), text
    assert facts.width("1.25 USD") == exact.horizontalAdvance("1.25 USD")  # letters: measured
