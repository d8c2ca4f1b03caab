"""Windows that fit the screen they open on: never bigger than 90% of its available area, and a
geometry restored from another (bigger) screen pulled back inside the current one."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SHARE = 0.9  # of the available geometry (the screen minus panels and docks)


def available(widget: QWidget) -> QRect | None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or less so that it takes at most 90% of the screen,
    and centre it there."""
    area = available(widget)
    if area is None:
        widget.resize(width, height)
        return
    w = min(width, int(area.width() * SHARE))
    h = min(height, int(area.height() * SHARE))
    widget.resize(max(w, widget.minimumWidth()), max(h, widget.minimumHeight()))
    frame = widget.frameGeometry()
    frame.moveCenter(area.center())
    widget.move(frame.topLeft())


def clamp_to_screen(widget: QWidget) -> None:
    """Shrink and move a restored window so that all of it is on the current screen."""
    area = available(widget)
    if area is None or widget.isMaximized() or widget.isFullScreen():
        return
    geo = widget.geometry()
    w = min(geo.width(), area.width())
    h = min(geo.height(), area.height())
    x = min(max(geo.x(), area.left()), area.right() - w + 1)
    y = min(max(geo.y(), area.top()), area.bottom() - h + 1)
    if (x, y, w, h) != (geo.x(), geo.y(), geo.width(), geo.height()):
        widget.setGeometry(x, y, w, h)
