"""The tray icon and the Notifications menu; keeping the app running in the tray on close.

With a system tray: an icon with a menu (show the window, the Notifications menu, quit) and the
notifications as tray messages.  Without one (offscreen tests, a bare X server) the status bar
carries them and the same Notifications menu sits in the menu bar.  "Keep running in the tray
on close" is off by default; the first close with a tray explains it and asks.  Which kinds
are announced and the low-balance threshold per panel are kept in the store (written by
tasks); the tray choices in the UI settings file.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QMessageBox, QSystemTrayIcon

from smpanel_desktop.core.watch import events as ev
from smpanel_desktop.core.watch.stuck import STUCK_AFTER, STUCK_SETTING, stuck_after
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.settings import UiSettings
from smpanel_desktop.ui.watch.notifier import Notifier
from smpanel_desktop.ui.widgets.named import named

KEEP_IN_TRAY = "tray/keep_running"
EXPLAINED = "tray/explained"


def _kind_labels() -> dict[str, str]:
    return {
        ev.FINISHED: QCoreApplication.translate("TrayWatch", "Orders finished"),
        ev.REFILL: QCoreApplication.translate("TrayWatch", "Refills finished"),
        ev.STUCK: QCoreApplication.translate("TrayWatch", "Order stuck"),
        ev.BALANCE: QCoreApplication.translate("TrayWatch", "Balance below the threshold"),
        ev.SERVICE: QCoreApplication.translate("TrayWatch", "A used service repriced or gone"),
    }


def _menu_state(store: Store) -> tuple[set[str], float]:
    """Worker side: the kinds switched on and the stuck time (seconds)."""
    return ev.enabled_kinds(store), stuck_after(store)


class TrayWatch(QObject):
    """Contract: ``TrayWatch(ctx, window, settings)``; ``menu`` (the Notifications menu) goes in
    the window's menu bar; the window's ``closeEvent`` asks ``handle_close(event)`` first."""

    def __init__(self, ctx: AppContext, window: QMainWindow, settings: UiSettings) -> None:
        super().__init__(window)
        self.ctx, self.window, self.settings = ctx, window, settings
        self.dialog: Any = None
        self.quitting = False
        self._stuck_hours = STUCK_AFTER / 3600
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.menu = named(QMenu(self.tr("&Notifications"), window), "notificationsMenu")
        self.kind_actions: dict[str, QAction] = {}
        for kind, label in _kind_labels().items():
            action = self.menu.addAction(label)
            action.setObjectName(f"notify_{kind}")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(partial(self._kind_toggled, kind))
            self.kind_actions[kind] = action
        self.menu.addSeparator()
        self.threshold_action = self.menu.addAction(self.tr("Low balance warning…"))
        self.threshold_action.triggered.connect(self.ask_threshold)
        self.stuck_action = self.menu.addAction(self.tr("Stuck after…"))
        self.stuck_action.setToolTip(self.tr("Hours without progress before an order is stuck"))
        self.stuck_action.triggered.connect(self.ask_stuck_hours)
        self.keep_action = self.menu.addAction(self.tr("Keep running in the tray on close"))
        self.keep_action.setObjectName("keepInTray")
        self.keep_action.setCheckable(True)
        self.keep_action.setChecked(settings.flag(KEEP_IN_TRAY))
        self.keep_action.setEnabled(self.available)
        if not self.available:
            self.keep_action.setToolTip(self.tr("This desktop has no system tray"))
        self.keep_action.toggled.connect(lambda on: settings.set_flag(KEEP_IN_TRAY, on))
        self.menu.aboutToShow.connect(self.load_kinds)
        self.tray: QSystemTrayIcon | None = None
        if self.available:
            self._build_tray()
        self.notifier = Notifier(ctx, self.deliver, parent=self)
        ctx.panelChanged.connect(lambda _p: self.load_kinds())

    def _build_tray(self) -> None:
        icon = self.window.windowIcon()
        if icon.isNull():
            icon = QGuiApplication.windowIcon()
        tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), self)
        tray.setToolTip(QGuiApplication.applicationDisplayName() or "smpanel")
        menu = QMenu(self.window)
        menu.addAction(self.tr("Show window"), self.show_window)
        menu.addMenu(self.menu)
        menu.addSeparator()
        menu.addAction(self.tr("Quit"), self.quit)
        tray.setContextMenu(menu)
        tray.activated.connect(self._activated)
        tray.show()
        self.tray_menu = menu
        self.tray = tray

    # -- showing -------------------------------------------------------------------------------

    def deliver(self, title: str, text: str) -> None:
        """A tray message, or the status bar without a tray."""
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        else:
            self.ctx.statusMessage.emit(f"{title}: {text}")

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def quit(self) -> None:
        self.quitting = True
        self.window.close()
        QCoreApplication.quit()

    # -- closing -------------------------------------------------------------------------------

    def handle_close(self, event: QCloseEvent) -> bool:
        """True when the close was turned into hiding in the tray (or into the question)."""
        if self.quitting or not self.available:
            return False
        if not self.settings.flag(EXPLAINED):
            event.ignore()
            self._ask_keep()
            return True
        if self.settings.flag(KEEP_IN_TRAY):
            event.ignore()
            self.window.hide()
            return True
        return False

    def _ask_keep(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Keep running in the tray?"),
            self.tr(
                "The app can keep running in the system tray when its window is closed: "
                "auto-refresh goes on and you are told when orders finish, refills end, an "
                "order gets stuck or the balance runs low. Quit from the tray menu ends it. "
                "You can change this any time in the Notifications menu."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        named(box, "keepInTrayQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)

        def answered(button: Any) -> None:
            self.dialog = None
            keep = button is yes
            self.settings.set_flag(EXPLAINED, True)
            self.keep_action.setChecked(keep)
            self.settings.set_flag(KEEP_IN_TRAY, keep)
            if keep:
                self.window.hide()
            else:
                self.window.close()

        box.buttonClicked.connect(answered)
        self.dialog = box
        box.open()

    # -- settings kept in the store (tasks) -----------------------------------------------------

    def load_kinds(self) -> None:
        if not self.ctx.store_is_open:
            return
        self.ctx.run(partial(_menu_state, self.ctx.store), self._show_kinds, owner=self)

    def _show_kinds(self, state: tuple[set[str], float]) -> None:
        kinds, self._stuck_hours = state[0], state[1] / 3600
        for kind, action in self.kind_actions.items():
            if action.isChecked() != (kind in kinds):
                action.blockSignals(True)
                action.setChecked(kind in kinds)
                action.blockSignals(False)

    def _kind_toggled(self, kind: str, on: bool) -> None:
        self.ctx.run(partial(ev.set_kind_enabled, self.ctx.store, kind, on))

    def ask_threshold(self) -> None:
        panel = self.ctx.panel
        if panel is None:
            return
        box = named(QInputDialog(self.window), "balanceThresholdDialog")
        box.setWindowTitle(self.tr("Low balance warning"))
        box.setLabelText(
            self.tr("Warn when the balance of {0} falls below (empty: never):").format(panel.name)
        )
        box.textValueSelected.connect(partial(self.set_threshold, panel.id))
        self.dialog = box
        box.open()

    def set_threshold(self, panel_id: int, text: str) -> bool:
        """Store the panel's threshold (a task); False (and a message) when ``text`` is no
        amount."""
        self.dialog = None
        amount: Decimal | None = None
        if text.strip():
            try:
                amount = Decimal(text.strip().replace(",", "."))
            except InvalidOperation:
                amount = None
            if amount is None or not amount.is_finite() or amount < 0:
                self.ctx.statusMessage.emit(self.tr("Not an amount: {0}").format(text))
                return False
        task = partial(ev.set_balance_threshold, self.ctx.store, panel_id, amount)
        self.ctx.run(task, lambda _r: self.notifier.schedule())
        return True

    def ask_stuck_hours(self) -> None:
        box = named(QInputDialog(self.window), "stuckHoursDialog")
        box.setWindowTitle(self.tr("Stuck orders"))
        box.setLabelText(self.tr("Hours without progress before an open order counts as stuck:"))
        box.setInputMode(QInputDialog.InputMode.IntInput)
        box.setIntRange(1, 24 * 30)
        box.setIntValue(round(self._stuck_hours))
        box.intValueSelected.connect(self.set_stuck_hours)
        self.dialog = box
        box.open()

    def set_stuck_hours(self, hours: int) -> None:
        """Store the time (a task); the Orders marks follow with the reload it triggers."""
        self.dialog = None
        self._stuck_hours = float(hours)
        task = partial(self.ctx.store.set_setting, STUCK_SETTING, str(hours))
        self.ctx.run(task, lambda _r: self.ctx.ordersChanged.emit(), owner=self)
