"""Rows 2 and 8: what the user waits for on screen — a keystroke until its frame is painted, the
paint of the visible rows against Qt's own C++ model, a page down in Services and in Orders.

Everything runs in a 1280×800 ``QMainWindow`` holding the real tab in a ``QTabWidget`` with a
status bar (the widgets whose layout a changing label can invalidate).  *Keystroke to pixels* is
the whole event: ``setText`` on the search box (filter, model signals, count label), then the
event loop until it is idle (layout, the repaint of everything that changed).  The reference is
the same window's frame with the table over a C++ ``QStandardItemModel`` holding the same rows
and columns, repainted (Qt's floor for those pixels).  Samples of ours and of the reference
alternate.  Times are the process's CPU time: offscreen, Qt paints in this process on the CPU,
so on an idle machine it equals the wall time, and on a shared one waiting for a core (other
programs' work) is left out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from common import Row, cpu_timed, floor_model, median, p95, services

QUERIES = ("instagram followers", "tiktok views", "youtube", "refill 30 days", "1234")
SIZES = (22_000, 50_000)
ORDERS = 20_000
FRAME_MS, P95_MS = 16.0, 25.0
PAINT_RATIO = 1.3
PAGES = 25


def settle() -> None:
    """Run the event loop until nothing is left to do (a repaint posts no further work)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def framed(fn: Callable[[], object]) -> float:
    """Milliseconds of CPU time from ``fn()`` until its frame is painted."""
    start = time.process_time()
    fn()
    settle()
    return (time.process_time() - start) * 1000


def window_with(page: Any, title: str) -> Any:
    """A shown 1280×800 main window with ``page`` as the current tab of four."""
    from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

    window = QMainWindow()
    tabs = QTabWidget()
    tabs.addTab(page, title)
    for other in ("New Order", "Orders", "Balance"):
        tabs.addTab(QWidget(), other)
    window.setCentralWidget(tabs)
    for text in ("Panel: bench", "● Online", "Last refresh: 12:00"):
        window.statusBar().addPermanentWidget(QLabel(text))
    window.resize(1280, 800)
    window.show()
    settle()
    return window


def floor_view(table: Any, rows: int) -> tuple[Any, Any]:
    """A ``QTableView`` set up like ``table`` over ``floor_model``, in a window like ours."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    view.setModel(floor_model(table, rows))
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollBarPolicy(table.verticalScrollBarPolicy())
    view.setSelectionBehavior(table.selectionBehavior())
    view.setSelectionMode(table.selectionMode())
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    for c in range(view.model().columnCount()):
        view.setColumnWidth(c, table.columnWidth(c))
    window = window_with(view, "Floor")
    view.resize(table.size())
    settle()
    return view, window


def page_downs(table: Any) -> list[float]:
    """Press Page Down ``PAGES`` times from the top: ms until each page is painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))
    table.scrollToTop()
    settle()
    return [framed(lambda: QTest.keyClick(table, Qt.Key.Key_PageDown)) for _ in range(PAGES)]


def keystroke_rows(tmp: Any) -> list[Row]:
    from smpanel_desktop.store.store import Store
    from smpanel_desktop.ui.context import AppContext
    from smpanel_desktop.ui.services.tab import ServicesTab
    from smpanel_desktop.workers.task_runner import TaskRunner

    rows: list[Row] = []
    store = Store(tmp / "frames.sqlite3")
    panel = store.add_panel("Bench", "https://panel.example/api/v2", "USD")
    runner = TaskRunner()
    ctx = AppContext(store, runner)
    ctx.panel = panel
    tab = ServicesTab(ctx)
    window = window_with(tab, "Services")
    texts: list[str] = []
    for query in QUERIES:
        texts += [query[:k] for k in range(1, len(query) + 1)]
        texts += [query[:k] for k in range(len(query) - 1, -1, -1)]
    for ch in "aeiost1":
        texts += [ch, ""]
    for n in SIZES:
        ctx.set_services(services(n), time.time())
        settle()
        while tab._warm_timer.isActive():  # the idle preparation after a load
            tab._warm_step()
        label = f"{n // 1000}k"
        floor, floor_window = floor_view(tab.table, 200)
        ours, refs = [], []
        for text in texts:
            ours.append(framed(lambda t=text: tab.search.setText(t)))
            refs.append(framed(floor.viewport().repaint))
        tab.search.setText("instagram")
        settle()
        paint, paint_ref = [], []
        for _ in range(20):
            paint.append(cpu_timed(tab.table.viewport().repaint))
            paint_ref.append(cpu_timed(floor.viewport().repaint))
        tab.search.setText("")
        settle()
        rows += [
            Row(2, f"keystroke to pixels {label}, median", median(ours), "ms", median(refs),
                "C++ model frame", limit=FRAME_MS),
            Row(2, f"keystroke to pixels {label}, p95", p95(ours), "ms", p95(refs),
                "C++ model frame", limit=P95_MS),
            Row(2, f"  paint of the visible rows {label}, median", median(paint), "ms",
                median(paint_ref), "C++ item model", max_ratio=PAINT_RATIO),
        ]  # fmt: skip
        if n == SIZES[0]:
            pages = page_downs(tab.table)
            deep_floor, deep_window = floor_view(tab.table, 2000)
            floor_pages = page_downs(deep_floor)
            deep_window.close()
            rows.append(Row(8, f"page down in Services {label}, median", median(pages), "ms",
                            median(floor_pages), "C++ item model", limit=FRAME_MS))  # fmt: skip
            rows.append(Row(8, f"  page down in Services {label}, worst", max(pages), "ms",
                            max(floor_pages), "C++ item model"))  # fmt: skip
        floor_window.close()
    window.close()
    runner.shutdown()
    store.close()
    return rows + orders_rows()


def tracked_orders(count: int) -> list[Any]:
    from smpanel_desktop.store.models import TrackedOrder

    now = time.time()
    statuses = ("Pending", "In progress", "Completed", "Partial", "Canceled", "Processing")
    catalog = services(200)
    orders = []
    for i in range(count):
        svc = catalog[i % len(catalog)]
        link = f"https://instagram.com/p/B{i:09d}x"
        orders.append(TrackedOrder(
            count - i, 1, 80_000_000 + i, svc.id, svc.name, svc.type,
            {"link": link, "quantity": "1000"}, link, 1000, None, Decimal("1.25"), "USD",
            statuses[i % len(statuses)], start_count=i, remains=i % 1000,
            created_at=now - i * 60, updated_at=now, last_checked_at=now,
        ))  # fmt: skip
    return orders


def orders_rows() -> list[Row]:
    from smpanel_desktop.ui.orders.layout import orders_table
    from smpanel_desktop.ui.orders.model import OrdersModel

    model = OrdersModel()
    table = orders_table(model)
    window = window_with(table, "Orders")
    model.set_orders(tracked_orders(ORDERS), (), "USD")
    settle()
    pages = page_downs(table)
    floor, floor_window = floor_view(table, 2000)
    floor_pages = page_downs(floor)
    floor_window.close()
    window.close()
    label = f"{ORDERS // 1000}k"
    return [
        Row(8, f"page down in Orders {label}, median", median(pages), "ms",
            median(floor_pages), "C++ item model", limit=FRAME_MS),
        Row(8, f"  page down in Orders {label}, worst", max(pages), "ms", max(floor_pages),
            "C++ item model"),
    ]  # fmt: skip
