"""Light or dark: following the system, or the choice made in View → Theme.

"system" leaves the palette to the platform (a dark desktop gives a dark palette); "light" and
"dark" set Fusion's palettes explicitly, so they look the same on every platform.  After a change
every label coloured with ``style.tint`` is coloured again for the new palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from smpanel_desktop.ui.widgets import style

THEMES = ("system", "light", "dark")
_R = QPalette.ColorRole
_DARK = {
    _R.Window: "#2b2b2b",
    _R.WindowText: "#e8e8e8",
    _R.Base: "#1f1f1f",
    _R.AlternateBase: "#2a2a2a",
    _R.ToolTipBase: "#3a3a3a",
    _R.ToolTipText: "#f0f0f0",
    _R.Text: "#e8e8e8",
    _R.Button: "#353535",
    _R.ButtonText: "#e8e8e8",
    _R.BrightText: "#ffffff",
    _R.Highlight: "#3d7bd9",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#8ab4f8",
    _R.PlaceholderText: "#a0a0a0",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, value in _DARK.items():
        palette.setColor(role, QColor(value))
    disabled = QColor("#808080")
    for role in (_R.WindowText, _R.Text, _R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def light_palette() -> QPalette:
    fusion = QStyleFactory.create("Fusion")
    return fusion.standardPalette() if fusion is not None else QPalette()


def apply_theme(theme: str) -> None:
    """Set the application's colours for ``theme`` ("system", "light" or "dark")."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    from PySide6.QtCore import Qt

    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setStyle("Fusion")
        app.setPalette(light_palette())
    else:
        hints.unsetColorScheme()
        app.setPalette(app.style().standardPalette())
    style.retint_all()
