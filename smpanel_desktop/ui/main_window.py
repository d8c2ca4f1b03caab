"""The main window: five tabs, menus, and a status bar with panel, connection and last refresh.

The window can paint before the tabs' modules are even imported: it starts with the tab bar over
empty pages, and ``build_tabs()`` (called by the app right before it opens a panel) puts the real
tabs in their place; ``after_first_paint(callback)`` runs the rest of the start-up on the
event-loop turn after the first paint.  The dialogs are imported when first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from smpanel_desktop import __version__
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.settings import UiSettings
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.named import named

if TYPE_CHECKING:
    from smpanel_desktop.ui.balance.tab import BalanceTab
    from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog
    from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog
    from smpanel_desktop.ui.dialogs.panels_dialog import PanelsDialog
    from smpanel_desktop.ui.new_order.tab import NewOrderTab
    from smpanel_desktop.ui.orders.tab import OrdersTab
    from smpanel_desktop.ui.overview.tab import OverviewTab
    from smpanel_desktop.ui.services.tab import ServicesTab
    from smpanel_desktop.ui.session import PanelSession

APP_TITLE = "SMPanel Desktop"
TAB_TITLES = ("Services", "New Order", "Orders", "Balance", "Overview")
RETRY_MS = 60_000  # while offline, ask for the balance (a light call) this often
FIRST_PAINT_FALLBACK_MS = 1_000  # after_first_paint: go on anyway when no paint comes (hidden)
CONNECTION_TEXT = {
    "online": ("● Online", style.OK),
    "demo": ("● DEMO panel (built-in sandbox)", style.WARNING),
    "connecting": ("● Connecting…", style.MUTED),
    "offline": ("● Offline", style.ERROR),
}


class _AfterFirstPaint(QObject):
    """Runs callbacks, in the order given, on the event-loop turn after the watched widget's
    first paint (or after ``fallback_ms`` when it is never painted, e.g. it stays hidden)."""

    def __init__(self, widget: QWidget, fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget: QWidget | None = widget
        self._callbacks: list[Callable[[], None]] = []
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def add(self, callback: Callable[[], None]) -> None:
        if self.done:  # the paint is past: next turn
            QTimer.singleShot(0, self, callback)
        else:
            self._callbacks.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._unwatch()
            QTimer.singleShot(0, self, self._fire)  # this paint reaches the screen first
        return False

    def _unwatch(self) -> None:
        if self._widget is not None:
            self._widget.removeEventFilter(self)
            self._widget = None

    def _fire(self) -> None:
        if self.done:
            return
        self._unwatch()
        self.done = True
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        session: PanelSession,
        settings: UiSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.settings = settings
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.setMinimumSize(800, 500)

        self.tabs = named(QTabWidget(), "mainTabs")
        for title in TAB_TITLES:  # empty pages until build_tabs()
            self.tabs.addTab(QWidget(), title)
        self.setCentralWidget(self.tabs)
        self.tabs_built = False
        self._first_paint: _AfterFirstPaint | None = None

        self.panel_label = named(QLabel(), "statusPanel")
        self.connection_label = named(QLabel(), "statusConnection")
        self.refresh_label = named(QLabel(), "statusRefresh")
        bar = self.statusBar()
        for label in (self.panel_label, self.connection_label, self.refresh_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

        # Offline: retry with the cheap balance call; once back, fetch the missed catalog.
        self.retry_timer = QTimer(self, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.retry)
        self._catalog_missed = False
        ctx.catalogFailed.connect(self._catalog_failed)

        self._build_menus()
        ctx.panelChanged.connect(self._panel_changed)
        ctx.connectionChanged.connect(self._connection_changed)
        ctx.catalogChanged.connect(self._show_refresh_time)
        ctx.balanceChanged.connect(self._show_refresh_time)
        ctx.statusMessage.connect(lambda text: bar.showMessage(text, 15000))
        ctx.orderServiceRequested.connect(self._show_new_order)
        ctx.reorderRequested.connect(self._show_new_order)
        session.keyMissing.connect(self._ask_for_key)
        session.keyringUnavailable.connect(self._keyring_unavailable)

        settings.restore_geometry(self)
        self.tabs.setCurrentIndex(min(max(settings.last_tab(), 0), self.tabs.count() - 1))
        self._panel_changed(ctx.panel)
        self._connection_changed(ctx.connection)

    # -- start-up ---------------------------------------------------------------------------

    def build_tabs(self) -> None:
        """Put the real tabs in place of the empty pages (once); the current tab and the
        remembered column widths stay.  Call before a panel is opened."""
        if self.tabs_built:
            return
        from smpanel_desktop.ui.balance.tab import BalanceTab
        from smpanel_desktop.ui.new_order.tab import NewOrderTab
        from smpanel_desktop.ui.orders.tab import OrdersTab
        from smpanel_desktop.ui.services.tab import ServicesTab

        self.services_tab: ServicesTab = ServicesTab(self.ctx)
        self.new_order_tab: NewOrderTab = NewOrderTab(self.ctx)
        self.orders_tab: OrdersTab = OrdersTab(self.ctx)
        self.balance_tab: BalanceTab = BalanceTab(self.ctx)
        from smpanel_desktop.ui.overview.tab import OverviewTab

        self.overview_tab: OverviewTab = named(
            OverviewTab(self.ctx, self.session.keys, self.session.open), "overviewTab"
        )
        pages = (self.services_tab, self.new_order_tab, self.orders_tab, self.balance_tab,
                 self.overview_tab)  # fmt: skip
        current = self.tabs.currentIndex()
        self.setUpdatesEnabled(False)  # one repaint with the real tabs, no flicker in between
        try:
            for index, (page, title) in enumerate(zip(pages, TAB_TITLES, strict=True)):
                empty = self.tabs.widget(index)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, page, title)
                if empty is not None:
                    empty.deleteLater()
            self.tabs.setCurrentIndex(current)
        finally:
            self.setUpdatesEnabled(True)
        self.tabs_built = True
        self.settings.restore_header("services", self.services_tab.table.horizontalHeader())
        self.settings.restore_header("orders", self.orders_tab.table.horizontalHeader())

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the event-loop turn after this window's first paint; callbacks
        run in the order they were given (at once on the next turn once the paint is past)."""
        if self._first_paint is None:
            self._first_paint = _AfterFirstPaint(self, FIRST_PAINT_FALLBACK_MS)
        self._first_paint.add(callback)

    def show_opening(self) -> None:
        """What the first paint shows while the first panel is being opened."""
        self.panel_label.setText("Opening…")
        self._connection_changed("connecting")

    # -- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        quit_action = file_menu.addAction("&Quit")
        # the platform's Quit keys (Ctrl+Q, Cmd+Q); setShortcut() would first build the whole
        # Qt namespace of enums (~30 ms) to pick an overload, before the window can paint
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        panel_menu = bar.addMenu("&Panel")
        panel_menu.setObjectName("panelMenu")
        panel_menu.addAction("&Manage panels…", self.manage_panels)
        self.key_action = panel_menu.addAction("Set API &key…", self.set_key)
        panel_menu.addSeparator()
        self.switch_menu = panel_menu.addMenu("&Switch panel")
        self.switch_menu.setObjectName("switchPanelMenu")
        self.switch_menu.aboutToShow.connect(self._fill_switch_menu)
        self.switch_group = QActionGroup(self)  # filled when the menu opens

        help_menu = bar.addMenu("&Help")
        about = help_menu.addAction(f"&About {APP_TITLE}", self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction("Open &data folder", self.open_data_folder)

    @Slot()
    def _fill_switch_menu(self) -> None:
        self.switch_menu.clear()
        for action in self.switch_group.actions():
            self.switch_group.removeAction(action)
        current = self.ctx.panel.id if self.ctx.panel else None
        for panel in self.ctx.store.panels():
            action = self.switch_menu.addAction(panel.name)
            action.setCheckable(True)
            action.setChecked(panel.id == current)
            action.setData(panel.id)
            self.switch_group.addAction(action)
            action.triggered.connect(lambda _=False, pid=panel.id: self.switch_to(pid))
        demo = self.switch_menu.addAction("Try the demo panel")
        demo.triggered.connect(self.session.open_demo)

    def switch_to(self, panel_id: int) -> None:
        panel = self.ctx.store.panel_by_id(panel_id)
        if panel is not None and (self.ctx.panel is None or panel.id != self.ctx.panel.id):
            self.session.open(panel)

    # -- dialogs ----------------------------------------------------------------------------

    @Slot()
    def manage_panels(self) -> PanelsDialog:
        from smpanel_desktop.ui.dialogs.panels_dialog import PanelsDialog

        dialog = PanelsDialog(self.ctx, self.session, self)
        dialog.open()
        return dialog

    @Slot()
    def set_key(self) -> KeyDialog | None:
        panel = self.ctx.panel
        if panel is None or self.ctx.demo:
            self.statusBar().showMessage("The demo panel needs no key.", 8000)
            return None
        from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog

        dialog = KeyDialog(self.session, panel, self)
        dialog.keyChanged.connect(self.session.reopen)
        dialog.open()
        return dialog

    @Slot(object)
    def _ask_for_key(self, panel: object) -> None:
        if not self.session.key_from_env and self.isVisible():
            self.set_key()

    @Slot(str)
    def _keyring_unavailable(self, reason: str) -> KeyringUnavailableDialog:
        from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog

        dialog = KeyringUnavailableDialog(self.session.keys, reason, self)
        dialog.memoryOnlyChosen.connect(self.set_key)
        dialog.open()
        return dialog

    @Slot()
    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<b>{APP_TITLE}</b> {__version__}<br>"
            "A desktop app for SMM panels speaking the API v2.<br>"
            "API keys are kept in the system keyring only.",
        )

    @Slot()
    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.session.data_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- state ------------------------------------------------------------------------------

    @Slot(object)
    def _show_new_order(self, _item: object) -> None:
        if self.tabs_built:
            self.tabs.setCurrentWidget(self.new_order_tab)

    @Slot(object)
    def _panel_changed(self, panel: object) -> None:
        self._catalog_missed = False
        name = getattr(panel, "name", None)
        title = f"{APP_TITLE} — {name}" if name else APP_TITLE
        if self.ctx.demo:
            title += " — DEMO"
        self.setWindowTitle(title)
        self.panel_label.setText(
            f"Panel: {name}{' (DEMO)' if self.ctx.demo else ''}" if name else "No panel"
        )
        self.key_action.setEnabled(panel is not None and not self.ctx.demo)
        self._show_refresh_time()

    @Slot(str)
    def _catalog_failed(self, _text: str) -> None:
        self._catalog_missed = True

    @Slot()
    def retry(self) -> None:
        self.ctx.refresh_balance()

    @Slot(str)
    def _connection_changed(self, state: str) -> None:
        if state == "offline" and self.ctx.client is not None:
            if not self.retry_timer.isActive():
                self.retry_timer.start()
        else:
            self.retry_timer.stop()
        if state in ("online", "demo") and self._catalog_missed:
            self._catalog_missed = False
            self.ctx.refresh_catalog()
        text, role = CONNECTION_TEXT.get(state, (state, style.MUTED))
        if state == "offline" and self.ctx.panel is not None:
            text += " — showing cached data" if self.ctx.services else ""
            if self.ctx.last_error:
                self.connection_label.setToolTip(self.ctx.last_error)
        self.connection_label.setText(text)
        style.tint(self.connection_label, role, bold=True)

    @Slot()
    def _show_refresh_time(self) -> None:
        from smpanel_desktop.ui.widgets.formatting import (
            format_time,  # (not needed for the first paint)
        )

        stamps = [t for t in (self.ctx.catalog_fetched_at, self.ctx.balance_fetched_at) if t]
        self.refresh_label.setText(
            f"Last refresh: {format_time(max(stamps)) if stamps else 'never'}"
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_geometry(self)
        self.settings.save_last_tab(self.tabs.currentIndex())
        if self.tabs_built:  # else the remembered widths stay as they were
            self.settings.save_header("services", self.services_tab.table.horizontalHeader())
            self.settings.save_header("orders", self.orders_tab.table.horizontalHeader())
        self.settings.sync()
        super().closeEvent(event)
