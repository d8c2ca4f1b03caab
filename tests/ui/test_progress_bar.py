"""The Orders tab draws Progress as a bar: a half-delivered order's cell is half filled."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.orders.columns import COL_PROGRESS
from smpanel_desktop.ui.orders.layout import orders_table
from smpanel_desktop.ui.orders.model import OrdersModel


def _filled_share(image: Any, rect: Any, fill: QColor) -> float:
    y = rect.center().y()
    hits = sum(
        1 for x in range(rect.left(), rect.right()) if _near(QColor(image.pixel(x, y)), fill)
    )
    return hits / max(1, rect.width())


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def test_progress_is_drawn_as_a_bar(qtbot: QtBot) -> None:
    model = OrdersModel()
    half = TrackedOrder(1, 1, 10, 5, "Likes", "Default", {}, quantity=1000, remains=500)
    empty = TrackedOrder(2, 1, 11, 5, "Likes", "Default", {}, quantity=1000, remains=None)
    model.set_orders([half, empty])
    table = orders_table(model)
    qtbot.addWidget(table)
    table.resize(1200, 200)
    table.setColumnWidth(COL_PROGRESS, 120)
    table.show()
    qtbot.waitExposed(table)
    image = table.viewport().grab().toImage()
    fill = table.palette().color(QPalette.ColorRole.Highlight)
    half_rect = table.visualRect(model.index(0, COL_PROGRESS))
    empty_rect = table.visualRect(model.index(1, COL_PROGRESS))
    share = _filled_share(image, half_rect, fill)
    assert 0.3 < share < 0.7, share  # about half the cell is the bar's fill
    assert _filled_share(image, empty_rect, fill) < 0.05  # no bar without a known progress
    assert model.data(model.index(0, COL_PROGRESS)) == "50%"
