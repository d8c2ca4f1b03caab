"""The main window: five tabs, menus, and a status bar with panel, connection and last refresh.

The window can paint before the tabs' modules are even imported: it starts with the tab bar over
empty pages, and ``build_tabs()`` (called by the app right before it opens a panel) puts the real
tabs in their place; ``after_first_paint(callback)`` runs the rest of the start-up on the
event-loop turn after the first paint.  The dialogs are imported when first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.memory import keep_small
from smpanel_desktop.ui.settings import UiSettings
from smpanel_desktop.ui.widgets import style
from smpanel_desktop.ui.widgets.first_paint import AfterFirstPaint
from smpanel_desktop.ui.widgets.labels import StatusLine
from smpanel_desktop.ui.widgets.named import named
from smpanel_desktop.ui.widgets.screen_fit import clamp_to_screen, fit_to_screen
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP
from smpanel_desktop.ui.window_menus import APP_TITLE, WindowMenus

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from smpanel_desktop.ui.balance.tab import BalanceTab
    from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog
    from smpanel_desktop.ui.dialogs.panels_dialog import PanelsDialog
    from smpanel_desktop.ui.new_order.tab import NewOrderTab
    from smpanel_desktop.ui.orders.tab import OrdersTab
    from smpanel_desktop.ui.overview.tab import OverviewTab
    from smpanel_desktop.ui.services.tab import ServicesTab
    from smpanel_desktop.ui.session import PanelSession
    from smpanel_desktop.ui.watch.tray import TrayWatch

TAB_TITLES = (  # translated where shown ("MainWindow"); mnemonics: Alt+S, Alt+N, Alt+O, Alt+B,
    # Alt+W
    QT_TRANSLATE_NOOP("MainWindow", "&Services"),
    QT_TRANSLATE_NOOP("MainWindow", "&New Order"),
    QT_TRANSLATE_NOOP("MainWindow", "&Orders"),
    QT_TRANSLATE_NOOP("MainWindow", "&Balance"),
    QT_TRANSLATE_NOOP("MainWindow", "Overvie&w"),
)
RETRY_MS = 60_000  # while offline, ask for the balance (a light call) this often
FIRST_PAINT_FALLBACK_MS = 1_000  # after_first_paint: go on anyway when no paint comes (hidden)
CONNECTION_TEXT = {
    "online": (QT_TRANSLATE_NOOP("MainWindow", "● Online"), style.OK),
    "demo": (QT_TRANSLATE_NOOP("MainWindow", "● DEMO panel (built-in sandbox)"), style.WARNING),
    "connecting": (QT_TRANSLATE_NOOP("MainWindow", "● Connecting…"), style.MUTED),
    "offline": (QT_TRANSLATE_NOOP("MainWindow", "● Offline"), style.ERROR),
    "keyrefused": (QT_TRANSLATE_NOOP("MainWindow", "● API key refused"), style.ERROR),
}


def tab_title(index: int) -> str:
    return QCoreApplication.translate("MainWindow", TAB_TITLES[index])


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
        self.setMinimumSize(800, 500)
        fit_to_screen(self, 1280, 800)  # at most 90% of the screen: 1366x768 shows it whole

        self.tabs = named(QTabWidget(), "mainTabs")
        for index in range(len(TAB_TITLES)):  # empty pages until build_tabs()
            self.tabs.addTab(QWidget(), tab_title(index))
        self.setCentralWidget(self.tabs)
        self.tabs_built = False
        self.tray_watch: TrayWatch | None = None
        self._first_paint: AfterFirstPaint | None = None

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

        self.menus = WindowMenus(self, ctx, session, settings)
        self.after_first_paint(self.menus.finish)
        ctx.panelChanged.connect(self._panel_changed)
        ctx.connectionChanged.connect(self._connection_changed)
        ctx.catalogChanged.connect(self._show_refresh_time)
        ctx.balanceChanged.connect(self._show_refresh_time)
        self.status_line = StatusLine()  # long messages end in "…" at a word, whole in the tooltip
        bar.addWidget(self.status_line, 1)
        ctx.statusMessage.connect(lambda text: self.status_line.show_message(text, 15000))
        ctx.orderServiceRequested.connect(self._show_new_order)
        ctx.reorderRequested.connect(self._show_new_order)

        if settings.restore_geometry(self):
            clamp_to_screen(self)  # saved on a bigger or another screen
        self.tabs.setCurrentIndex(min(max(settings.last_tab(), 0), self.tabs.count() - 1))
        self._panel_changed(ctx.panel)
        self._connection_changed(ctx.connection)

    # -- start-up ---------------------------------------------------------------------------

    def build_tabs(self) -> None:
        """Put the real tabs in place of the empty pages (once); the current tab and the
        remembered column widths stay.  Call before a panel is opened."""
        if self.tabs_built:
            return
        keep_small()  # before the tabs' imports and the data (ui/memory.py)
        from smpanel_desktop.ui.balance.tab import BalanceTab
        from smpanel_desktop.ui.favourites import Favourites
        from smpanel_desktop.ui.mass_order.entry import MassOrderEntry
        from smpanel_desktop.ui.new_order.tab import NewOrderTab
        from smpanel_desktop.ui.orders.tab import OrdersTab
        from smpanel_desktop.ui.services.tab import ServicesTab

        favourites = Favourites(self.ctx)  # one per window: the star in Services and New Order
        self.services_tab: ServicesTab = ServicesTab(self.ctx, favourites=favourites)
        self.new_order_tab: NewOrderTab = NewOrderTab(self.ctx, favourites=favourites)
        self.mass_order = MassOrderEntry(self, self.ctx)  # Orders menu, toolbar, New Order
        self.new_order_tab.quick.massOrderRequested.connect(self.mass_order.open)
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
            for index, page in enumerate(pages):
                empty = self.tabs.widget(index)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, page, tab_title(index))
                if empty is not None:
                    empty.deleteLater()
            self.tabs.setCurrentIndex(current)
        finally:
            self.setUpdatesEnabled(True)
        self.tabs_built = True
        from smpanel_desktop.ui.watch.tray import TrayWatch  # notifications (ui/watch/)

        self.tray_watch = TrayWatch(self.ctx, self, self.settings)
        menus = self.menuBar().actions()  # the Notifications menu goes before Help
        self.menuBar().insertMenu(menus[-1], self.tray_watch.menu) if menus else None

        from smpanel_desktop.ui.shortcuts import WindowKeys

        self.keys = WindowKeys(self)  # Ctrl+F, F5, Ctrl+1…5, Ctrl+N, Enter (ui/shortcuts.py)
        self.settings.restore_header("services", self.services_tab.table.horizontalHeader())
        self.settings.restore_header("orders", self.orders_tab.table.horizontalHeader())

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the event-loop turn after this window's first paint; callbacks
        run in the order they were given (at once on the next turn once the paint is past)."""
        if self._first_paint is None:
            self._first_paint = AfterFirstPaint(self, FIRST_PAINT_FALLBACK_MS)
        self._first_paint.add(callback)

    def show_opening(self) -> None:
        """What the first paint shows while the first panel is being opened."""
        self.panel_label.setText(self.tr("Opening…"))
        self._connection_changed("connecting")

    # -- menus and dialogs (ui/window_menus.py) -------------------------------------------

    @property
    def key_action(self) -> QAction:
        return self.menus.key_action

    @property
    def switch_menu(self) -> QMenu:
        return self.menus.switch_menu

    def manage_panels(self) -> PanelsDialog:
        return self.menus.manage_panels()

    def set_key(self) -> KeyDialog | None:
        return self.menus.set_key()

    def switch_to(self, panel_id: int) -> None:
        self.menus.switch_to(panel_id)

    def _fill_switch_menu(self) -> None:
        self.menus.fill_switch_menu()

    # -- state ------------------------------------------------------------------------------

    @Slot(object)
    def _show_new_order(self, _item: object) -> None:
        if self.tabs_built:
            self.tabs.setCurrentWidget(self.new_order_tab)

    @Slot(object)
    def _panel_changed(self, panel: object) -> None:
        self._catalog_missed = False
        name = getattr(panel, "name", None)
        if self.ctx.demo:
            name = self.tr("Demo panel")  # one word for it, not "Demo — DEMO"
        self.setWindowTitle(f"{APP_TITLE} — {name}" if name else APP_TITLE)
        self.panel_label.setText(
            self.tr("Panel: {name}").format(name=name) if name else self.tr("No panel")
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
        text = QCoreApplication.translate("MainWindow", text)
        if state == "offline" and self.ctx.panel is not None:
            text += self.tr(" — showing cached data") if self.ctx.services else ""
            if self.ctx.last_error:
                self.connection_label.setToolTip(self.ctx.last_error)
        self.connection_label.setText(text)
        style.tint(self.connection_label, role, bold=True)

    @Slot()
    def _show_refresh_time(self) -> None:
        stamps = [t for t in (self.ctx.catalog_fetched_at, self.ctx.balance_fetched_at) if t]
        when = self.tr("never")
        if stamps:  # (none before the first paint: formatting pulls in decimal, api.models)
            from smpanel_desktop.ui.widgets.formatting import format_time

            when = format_time(max(stamps))
        self.refresh_label.setText(self.tr("Last refresh: {when}").format(when=when))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.tabs_built:  # light <-> dark
            self.orders_tab.model.refresh_colors()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray_watch is not None and self.tray_watch.handle_close(event):
            return  # kept running in the tray (or asked first)
        self.settings.save_geometry(self)
        self.settings.save_last_tab(self.tabs.currentIndex())
        if self.tabs_built:  # else the remembered widths stay as they were
            self.settings.save_header("services", self.services_tab.table.horizontalHeader())
            self.settings.save_header("orders", self.orders_tab.table.horizontalHeader())
        self.settings.sync()
        super().closeEvent(event)
