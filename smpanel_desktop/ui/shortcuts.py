"""The keyboard: window-wide shortcuts, Enter on a service row and in the order form, Tab out of
tables, and the list Help → Keyboard shortcuts shows.

``install(window)`` is called once the real tabs exist (``MainWindow.build_tabs``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from smpanel_desktop.ui.toolbar import action, build_toolbar
from smpanel_desktop.ui.widgets.icons import icon
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from smpanel_desktop.ui.main_window import MainWindow

# (keys, what they do): shown in Help → Keyboard shortcuts ("Shortcuts" context)
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search in the current tab")),
    ("F5", QT_TRANSLATE_NOOP("Shortcuts", "Refresh the current tab")),
    ("Ctrl+1 … Ctrl+5", QT_TRANSLATE_NOOP("Shortcuts", "Go to a tab")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New order")),
    ("Enter", QT_TRANSLATE_NOOP("Shortcuts", "On a service row: order it")),
    ("Enter", QT_TRANSLATE_NOOP("Shortcuts", "In the order form: place the order (confirmed)")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("Shortcuts", "Next / previous field, out of tables")),
    ("Alt+letter", QT_TRANSLATE_NOOP("Shortcuts", "The button or tab with that underlined letter")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


_ORDER_ICONS = {
    "Refill": "refill",
    "Cancel": "cancel",
    "Reorder": "reorder",
    "Resolve": "resolve",
    "CopyId": "copy",
    "CopyLink": "copy",
    "OpenLink": "open-link",
    "Export": "export",
    "Import": "import",
}


def _keys(text: str) -> QKeySequence:
    return QKeySequence(text)


_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def shortcut_rows() -> list[tuple[str, str]]:
    """SHORTCUTS with the descriptions in the interface language."""
    return [(keys, QCoreApplication.translate("Shortcuts", what)) for keys, what in SHORTCUTS]


Keys = QKeySequence | QKeySequence.StandardKey | Qt.Key | str


def on_keys(parent: QWidget, key: Keys, slot: Callable[[], object], name: str) -> QShortcut:
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setObjectName(name)
    shortcut.activated.connect(slot)
    return shortcut


class EnterKey(QObject):
    """Return or Enter that reaches ``widget`` runs ``slot``: pressed on the widget itself, or in
    a child that does not use it (a line edit, a spin box, a list); a text box that takes Enter
    for a new line keeps it."""

    def __init__(self, widget: QWidget, slot: Callable[[], object], name: str) -> None:
        super().__init__(widget)
        self.setObjectName(name)
        self.slot = slot
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and not event.modifiers() & _MODIFIERS
        ):
            self.slot()
            return True
        return False


class WindowKeys(QObject):
    """The shortcuts of ``window``; its tabs are built."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.refresh_action = action(
            window, self.tr("Refresh"), "refresh", self.refresh, "refreshAction", _keys("F5")
        )
        self.new_order_action = action(
            window, self.tr("New order"), "new-order", self.new_order, "newOrderAction",
            _keys("Ctrl+N"),
        )  # fmt: skip
        self.search_action = action(
            window, self.tr("Search"), "search", self.search, "searchAction",
            QKeySequence(QKeySequence.StandardKey.Find),
        )  # fmt: skip
        menus = window.menus
        menus.manage_action.setIcon(icon("panels"))
        menus.key_action.setIcon(icon("key"))
        mass = window.findChild(QAction, "massOrderAction")  # ui/mass_order/entry.py
        if mass is not None:
            mass.setIcon(icon("orders"))
        actions = window.orders_tab.order_actions
        for key, name in _ORDER_ICONS.items():
            actions.action(key).setIcon(icon(name))
        self.toolbar = build_toolbar(
            window,
            self.tr("Main toolbar"),
            [self.refresh_action, self.new_order_action, self.search_action,
             menus.manage_action, menus.key_action],
        )  # fmt: skip
        for index in range(window.tabs.count()):
            go = partial(self.go_to, index)
            on_keys(window, f"Ctrl+{index + 1}", go, f"shortcutTab{index}")
        services = window.services_tab
        EnterKey(services.table, services.order_button.click, "enterOrdersService")
        order = window.new_order_tab
        EnterKey(order.form, order.submit, "enterSubmitsOrder")
        for table in (services.table, window.orders_tab.table):
            table.setTabKeyNavigation(False)  # Tab moves on to the next widget

    def go_to(self, index: int) -> None:
        self.window.tabs.setCurrentIndex(index)

    def search(self) -> None:
        window = self.window
        page = window.tabs.currentWidget()
        field: QLineEdit | None = None
        if page is window.services_tab:
            field = window.services_tab.search
        elif page is window.orders_tab:
            field = window.orders_tab.search
        elif page is window.new_order_tab:
            field = window.new_order_tab.picker.search
        if field is not None:
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            field.selectAll()

    def refresh(self) -> None:
        window = self.window
        page = window.tabs.currentWidget()
        if page is window.orders_tab:
            window.orders_tab.refresh()
        elif page is window.balance_tab:
            window.ctx.refresh_balance()
        else:
            window.ctx.refresh_catalog()

    def new_order(self) -> None:
        window = self.window
        window.tabs.setCurrentWidget(window.new_order_tab)
        window.new_order_tab.picker.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
