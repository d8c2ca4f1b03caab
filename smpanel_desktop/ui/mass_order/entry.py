"""Where the Mass order view is reached: a window of its own, opened from the menu, the
toolbar and New Order (one window per main window, raised when open)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QVBoxLayout, QWidget

from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.mass_order.view import MassOrderView
from smpanel_desktop.ui.widgets.named import named


class MassOrderWindow(QWidget):
    """A top-level window holding the view (the main window stays usable beside it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("massOrderWindow")
        self.setWindowTitle(self.tr("Mass order"))
        self.resize(1100, 700)
        self.view = MassOrderView(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)


class MassOrderEntry(QObject):
    """Adds *Orders → Mass order…* and a toolbar button to ``window``; ``open()`` shows it."""

    opened = Signal(object)  # MassOrderWindow

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self._main = window
        self._ctx = ctx
        self.window: MassOrderWindow | None = None
        bar = window.menuBar()
        menu = QMenu(self.tr("&Orders"), bar)
        menu.setObjectName("ordersMenu")
        before = bar.actions()[-1] if bar.actions() else None  # Help stays last
        if before is not None:
            bar.insertMenu(before, menu)
        else:
            bar.addMenu(menu)
        self.action = menu.addAction(self.tr("&Mass order…"))
        self.action.setObjectName("massOrderAction")
        self.action.setShortcut(QKeySequence(self.tr("Ctrl+M")))
        self.action.triggered.connect(self.open)
        toolbar = named(QToolBar(self.tr("Main")), "mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.action)
        window.addToolBar(toolbar)
        self.toolbar = toolbar

    @Slot()
    def open(self) -> MassOrderWindow:
        if self.window is None:
            self.window = MassOrderWindow(self._ctx, self._main)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.opened.emit(self.window)
        return self.window
