"""The main window's menus and the dialogs they open (File, Panel, View, Help).

``WindowMenus`` receives the window, the context and the panel session it needs; it builds the
menu bar once and opens each dialog when asked (the dialogs' modules are imported when first
opened).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from smpanel_desktop import __version__
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.settings import UiSettings

if TYPE_CHECKING:
    from PySide6.QtGui import QActionGroup
    from PySide6.QtWidgets import QDialog

    from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog
    from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog
    from smpanel_desktop.ui.dialogs.panels_dialog import PanelsDialog
    from smpanel_desktop.ui.session import PanelSession
    from smpanel_desktop.ui.view_menu import ViewMenu

APP_TITLE = "SMPanel Desktop"


class WindowMenus(QObject):
    """The menu bar of ``window`` and the dialogs its entries open.  The first paint shows the
    menu bar; ``finish()`` (the window calls it after that paint) adds what it does not show:
    the Quit keys and the View menu's choices, whose Qt classes build their enums when first
    used (a few ms of the start)."""

    def __init__(
        self,
        window: QMainWindow,
        ctx: AppContext,
        session: PanelSession,
        settings: UiSettings,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.session = session
        self.settings = settings
        self._build()
        session.keyMissing.connect(self._ask_for_key)
        session.keyringUnavailable.connect(self._keyring_unavailable)

    def _build(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.quit_action = quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setObjectName("quitAction")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.window.close)

        panel_menu = bar.addMenu(self.tr("&Panel"))
        panel_menu.setObjectName("panelMenu")
        self.manage_action = panel_menu.addAction(self.tr("&Manage panels…"), self.manage_panels)
        self.manage_action.setObjectName("managePanelsAction")
        self.key_action = panel_menu.addAction(self.tr("Set API &key…"), self.set_key)
        self.key_action.setObjectName("setKeyAction")
        panel_menu.addSeparator()
        self.switch_menu = panel_menu.addMenu(self.tr("&Switch panel"))
        self.switch_menu.setObjectName("switchPanelMenu")
        self.switch_menu.aboutToShow.connect(self.fill_switch_menu)
        self.switch_group: QActionGroup | None = None  # made and filled when the menu opens

        self.view_title = bar.addMenu(QCoreApplication.translate("ViewMenu", "&View"))
        self.view_title.setObjectName("viewMenu")
        self.view_menu: ViewMenu  # filled by finish()

        self.help_menu = help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        about = help_menu.addAction(self.tr("&About {app}").format(app=APP_TITLE), self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        keys = help_menu.addAction(self.tr("&Keyboard shortcuts"), self.keyboard_shortcuts)
        keys.setObjectName("keyboardShortcutsAction")
        help_menu.addAction(self.tr("Open &data folder"), self.open_data_folder)

    def finish(self) -> None:
        """Add what the first paint does not show: the platform's Quit keys (Ctrl+Q, Cmd+Q)
        and the View menu's choices."""
        from PySide6.QtGui import QKeySequence

        from smpanel_desktop.ui.view_menu import ViewMenu

        # setShortcuts(StandardKey): setShortcut() would first build the whole Qt namespace
        # of enums (~30 ms) to pick an overload
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.view_menu = ViewMenu(self.view_title, self.window, self.settings, self)

    @Slot()
    def fill_switch_menu(self) -> None:
        from PySide6.QtGui import QActionGroup

        self.switch_menu.clear()
        if self.switch_group is None:
            self.switch_group = QActionGroup(self)
        for action in self.switch_group.actions():
            self.switch_group.removeAction(action)
        from smpanel_desktop.core.demo import is_demo

        current = self.ctx.panel.id if self.ctx.panel else None
        panels = self.ctx.store.panels()
        for panel in panels:
            action = self.switch_menu.addAction(panel.name)
            action.setCheckable(True)
            action.setChecked(panel.id == current)
            action.setData(panel.id)
            self.switch_group.addAction(action)
            action.triggered.connect(lambda _=False, pid=panel.id: self.switch_to(pid))
        if not any(is_demo(panel) for panel in panels):  # else it is listed already
            demo = self.switch_menu.addAction(self.tr("Try the demo panel"))
            demo.triggered.connect(self.session.open_demo)

    def switch_to(self, panel_id: int) -> None:
        panel = self.ctx.store.panel_by_id(panel_id)
        if panel is not None and (self.ctx.panel is None or panel.id != self.ctx.panel.id):
            self.session.open(panel)

    @Slot()
    def manage_panels(self) -> PanelsDialog:
        from smpanel_desktop.ui.dialogs.panels_dialog import PanelsDialog

        dialog = PanelsDialog(self.ctx, self.session, self.window)
        dialog.open()
        return dialog

    @Slot()
    def set_key(self) -> KeyDialog | None:
        panel = self.ctx.panel
        if panel is None or self.ctx.demo:
            self.window.statusBar().showMessage(self.tr("The demo panel needs no key."), 8000)
            return None
        from smpanel_desktop.ui.dialogs.key_dialog import KeyDialog

        dialog = KeyDialog(self.session, panel, self.window)
        dialog.keyChanged.connect(self.session.reopen)
        dialog.open()
        return dialog

    @Slot(object)
    def _ask_for_key(self, panel: object) -> None:
        if not self.session.key_from_env and self.window.isVisible():
            self.set_key()

    @Slot(str)
    def _keyring_unavailable(self, reason: str) -> KeyringUnavailableDialog:
        from smpanel_desktop.ui.dialogs.keyring_dialog import KeyringUnavailableDialog

        dialog = KeyringUnavailableDialog(self.session.keys, reason, self.window)
        dialog.memoryOnlyChosen.connect(self.set_key)
        dialog.open()
        return dialog

    @Slot()
    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.window,
            self.tr("About {app}").format(app=APP_TITLE),
            f"<b>{APP_TITLE}</b> {__version__}<br>"
            + self.tr("A desktop app for SMM panels speaking the API v2.")
            + "<br>"
            + self.tr("API keys are kept in the system keyring only."),
        )

    @Slot()
    def keyboard_shortcuts(self) -> QDialog:
        from smpanel_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.window)
        dialog.open()
        return dialog

    @Slot()
    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.session.data_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
