"""View → Language and View → Theme: the choices are saved in the UI settings.

A theme applies at once; a language on the next start (every text is translated when its widget
is made), which the menu says when the choice is made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from smpanel_desktop.ui import language
from smpanel_desktop.ui.settings import UiSettings
from smpanel_desktop.ui.widgets.theme import apply_theme


class ViewMenu(QObject):
    """Fills ``menu``: the View menu of ``window``, in its menu bar already (WindowMenus gives
    it its title, translated in this class's context)."""

    def __init__(
        self, menu: QMenu, window: QMainWindow, settings: UiSettings, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.settings = settings
        self.menu = menu

        self.language_menu = self.menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        saved = settings.language()
        choices = [("", self.tr("Follow the system")), *language.LANGUAGES]
        for code, name in choices:
            action = self._choice(self.language_menu, self.language_group, name, code == saved)
            action.setObjectName(f"language_{code or 'system'}")
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))

        self.theme_menu = self.menu.addMenu(self.tr("&Theme"))
        self.theme_menu.setObjectName("themeMenu")
        self.theme_group = QActionGroup(self)
        current = settings.theme()
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for theme, name in names.items():
            action = self._choice(self.theme_menu, self.theme_group, name, theme == current)
            action.setObjectName(f"theme_{theme}")
            action.triggered.connect(lambda _=False, t=theme: self.choose_theme(t))

    @staticmethod
    def _choice(menu: QMenu, group: QActionGroup, text: str, checked: bool) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        group.addAction(action)
        return action

    @Slot(str)
    def choose_language(self, code: str) -> None:
        """Save ``code`` ("" = the system's); it applies on the next start."""
        self.settings.save_language(code)
        self.settings.sync()
        name = language.language_name(code or language.system_language())
        self.window.statusBar().showMessage(
            self.tr("The interface will be in {language} from the next start.").format(
                language=name
            ),
            15000,
        )

    @Slot(str)
    def choose_theme(self, theme: str) -> None:
        self.settings.save_theme(theme)
        apply_theme(theme)
