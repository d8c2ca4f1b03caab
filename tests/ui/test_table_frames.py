"""What a keystroke in Services costs on screen: one repaint of the table, no re-layout of the
window, and the cells the user reads (plain text fast, anything richer the standard way)."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QStyledItemDelegate
from pytestqt.qtbot import QtBot
from test_services_model import catalog

from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.services.tab import ServicesTab
from smpanel_desktop.ui.widgets.cells import CellRoles, TextDelegate
from smpanel_desktop.ui.widgets.table_view import TableView
from smpanel_desktop.workers.task_runner import TaskRunner


class EventCount(QObject):
    """Counts paints and layout requests per object name while installed on the app."""

    def __init__(self, viewport: QObject) -> None:
        super().__init__()
        self.viewport = viewport
        self.viewport_paints = 0
        self.paints: Counter[str] = Counter()
        self.layouts: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.viewport_paints += watched is self.viewport
            self.paints[watched.objectName() or type(watched).__name__] += 1
        elif event.type() == QEvent.Type.LayoutRequest:
            self.layouts[watched.objectName() or type(watched).__name__] += 1
        return False


def shown_tab(qtbot: QtBot, tmp_path: Any) -> tuple[ServicesTab, Any]:
    store = Store(tmp_path / "frames.sqlite3")
    panel = store.add_panel("Frames", "https://panel.example/api/v2", "USD")
    runner = TaskRunner()
    ctx = AppContext(store, runner)
    ctx.panel = panel
    tab_store = _Closing(store, runner, window := QMainWindow())
    tab = ServicesTab(ctx)
    window.setCentralWidget(tab)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    ctx.set_services(catalog(3000), time.time())
    while tab._warm_timer.isActive():
        tab._warm_step()
    for _ in range(3):
        QApplication.processEvents()
    return tab, tab_store


class _Closing:
    """What a test closes at its end: the worker threads, then the store."""

    def __init__(self, store: Store, runner: TaskRunner, window: QMainWindow) -> None:
        self.store, self.runner, self.window = store, runner, window

    def close(self) -> None:
        self.runner.shutdown()
        self.store.close()


def type_and_count(tab: ServicesTab, texts: list[str]) -> list[EventCount]:
    counts = []
    for text in texts:
        count = EventCount(tab.table.viewport())
        QApplication.instance().installEventFilter(count)  # type: ignore[union-attr]
        tab.search.setText(text)
        for _ in range(3):
            QApplication.processEvents()
        QApplication.instance().removeEventFilter(count)  # type: ignore[union-attr]
        counts.append(count)
    return counts


def test_a_keystroke_repaints_the_rows_once_and_lays_out_nothing(
    qtbot: QtBot, tmp_path: Any
) -> None:
    tab, store = shown_tab(qtbot, tmp_path)
    texts = ["i", "in", "ins", "insta", "inst", "in", "i", "", "y", "1", "12", "1"]
    counts = type_and_count(tab, texts)
    for before, text, count in zip(["", *texts], texts, counts, strict=False):
        assert count.viewport_paints == 1, (text, count.paints)
        if before and text:  # (the box's clear button comes and goes with its first letter)
            # the count label changed ("1,021 of 3,000" -> "412 of 3,000"): no re-layout
            assert count.layouts["ServicesTab"] == 0, (text, count.layouts)
    assert tab.count.text() == f"{tab.model.rowCount():,} of 3,000 services"
    store.close()


def test_few_results_keep_the_scroll_bar_so_the_rows_do_not_move(
    qtbot: QtBot, tmp_path: Any
) -> None:
    tab, store = shown_tab(qtbot, tmp_path)
    width = tab.table.viewport().width()
    first = tab.model.service_at(0)
    assert first is not None
    tab.search.setText(str(first.id))
    for _ in range(3):
        QApplication.processEvents()
    assert 1 <= tab.model.rowCount() < 5
    assert tab.table.viewport().width() == width
    store.close()


def grab(view: TableView) -> QImage:
    for _ in range(3):
        QApplication.processEvents()
    return view.viewport().grab().toImage()


def differing_share(a: QImage, b: QImage) -> float:
    """Share of rows of pixels that differ between two images of the same size."""
    assert a.size() == b.size()
    rows = a.height()
    diff = sum(
        1
        for y in range(0, rows, 2)
        if any(a.pixel(x, y) != b.pixel(x, y) for x in range(0, a.width(), 3))
    )
    return diff / max(1, len(range(0, rows, 2)))


def test_fast_cells_show_the_same_text_as_qt_draws_it(qtbot: QtBot, tmp_path: Any) -> None:
    tab, store = shown_tab(qtbot, tmp_path)
    table = tab.table
    table.selectRow(1)
    fast = [grab(table) for _ in range(4)]  # drawn, then from the laid-out text it keeps
    table.setItemDelegate(QStyledItemDelegate(table))
    standard = grab(table)
    blank = QImage(standard.size(), standard.format())
    blank.fill(table.palette().base().color())
    assert differing_share(standard, blank) > 0.3  # there is text: elided names, numbers
    for image in fast:  # the same pixels as Qt's own painting: texts, elision, alignment
        assert differing_share(image, standard) < 0.02
    store.close()


class RolesModel(QAbstractTableModel):
    """A table of ``ROWS`` × ``COLUMNS`` cells answering through its ``roles`` (a ``CellRoles``),
    as the app's models do."""

    ROWS = COLUMNS = 0
    roles: CellRoles

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.ROWS

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Any, role: int = 0) -> Any:
        return self.roles.data(index, role)


def shown_view(qtbot: QtBot, model: QAbstractTableModel) -> TableView:
    """A 400×200 ``TableView`` over ``model``, shown."""
    view = TableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


class RichCells(RolesModel):
    """Three rows, two columns: an icon in the first cell, plain text everywhere else."""

    ROWS, COLUMNS = 3, 2

    def __init__(self) -> None:
        super().__init__()
        icon = QPixmap(8, 8)
        icon.fill(QColor("red"))
        self.icon = QIcon(icon)
        self.roles = CellRoles(
            {
                int(Qt.ItemDataRole.DisplayRole): lambda r, c: f"cell {r} {c}",
                int(Qt.ItemDataRole.DecorationRole): lambda r, c: (
                    self.icon if (r, c) == (0, 0) else None
                ),
            },
            lambda: 3,
        )


def test_a_cell_with_an_icon_is_painted_the_standard_way_others_fast(qtbot: QtBot) -> None:
    cells = RichCells()
    assert cells.roles.plain(0, 0) is None  # the icon: Qt's own painting
    assert cells.roles.plain(0, 1) == ("cell 0 1", int(Qt.AlignmentFlag.AlignLeft
                                       | Qt.AlignmentFlag.AlignVCenter), None)  # fmt: skip
    assert cells.roles.data(QModelIndex(), int(Qt.ItemDataRole.DisplayRole)) is None
    view = shown_view(qtbot, cells)
    assert isinstance(view.itemDelegate(), TextDelegate)
    image = grab(view)
    red = QColor("red").rgb()
    first, second = (
        view.visualRect(view.model().index(0, 0)),
        view.visualRect(view.model().index(0, 1)),
    )

    def has_red(rect: Any) -> bool:
        return any(
            image.pixel(x, y) == red
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
        )

    assert has_red(first)  # the icon is there: that cell was painted the standard way
    assert not has_red(second)
    assert differing_share(image.copy(second), _blank(image.copy(second), view)) > 0  # text


def _blank(like: QImage, view: TableView) -> QImage:
    blank = QImage(like.size(), like.format())
    blank.fill(like.pixel(0, 0))
    return blank


def test_first_letters_and_deletions_find_the_same_rows_as_a_fresh_search() -> None:
    """The prepared per-letter rows and the remembered searches give what a scan gives."""
    from smpanel_desktop.ui.services.index import COL_RATE, Filters, ServiceIndex

    services = catalog(2000)
    warm = ServiceIndex(services)
    while warm.warm_step():
        pass
    category = services[7].category
    for sort in (None, COL_RATE):
        for base in (Filters(), Filters(category=category)):
            warm.set_sort(sort)
            for text in ("e", "in", "ins", "in", "i", "", "7", "Z"):
                flt = Filters(text=text, category=base.category)
                cold = ServiceIndex(services)
                cold.set_sort(sort)
                assert warm.set_filters(flt) == cold.set_filters(flt), (sort, base, text)


def test_orders_cells_with_status_colours_look_as_qt_paints_them(qtbot: QtBot) -> None:
    from decimal import Decimal

    from smpanel_desktop.store.models import UNKNOWN, TrackedOrder
    from smpanel_desktop.ui.orders.layout import orders_table
    from smpanel_desktop.ui.orders.model import OrdersModel

    statuses = ("Pending", "In progress", "Completed", "Partial", "Canceled", None)
    orders = [
        TrackedOrder(
            60 - n, 1, 9_000 + n, 100 + n, f"Instagram Followers [ Max {n}K ] 🚀 | Refill ♻️",
            "Default", {"link": "https://instagram.com/p/x"}, f"https://instagram.com/p/x{n}",
            1000 + n, None, Decimal("1.25"), "USD", statuses[n % 6],
            UNKNOWN if n == 3 else "placed", start_count=n, remains=n * 7,
            created_at=1_700_000_000 + n, updated_at=1_700_000_000, last_checked_at=None,
        )
        for n in range(60)
    ]  # fmt: skip
    model = OrdersModel()
    table = orders_table(model)
    qtbot.addWidget(table)
    table.resize(1280, 600)
    table.show()
    qtbot.waitExposed(table)
    model.set_orders(orders, (), "USD")
    table.selectRow(2)
    fast = [grab(table) for _ in range(4)]
    table.setItemDelegate(QStyledItemDelegate(table))
    standard = grab(table)
    for image in fast:
        assert differing_share(image, standard) < 0.02
