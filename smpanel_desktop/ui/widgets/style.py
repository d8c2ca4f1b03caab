"""The app's colours, chosen for the palette in use: one place instead of hex codes per widget.

Each role has a colour for light palettes and one for dark palettes, both with at least 4.5:1
contrast against the window and base colours of Qt's stock light and dark palettes.  Which one
applies is read from the application palette when the colour is asked for.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ERROR = "error"
WARNING = "warning"
OK = "ok"
MUTED = "muted"
INFO = "info"
ATTENTION = "attention"

_COLORS: dict[str, tuple[str, str]] = {  # role: (on a light palette, on a dark palette)
    ERROR: ("#b00020", "#ff8a80"),
    WARNING: ("#8a4b00", "#ffb74d"),
    OK: ("#116b32", "#81c784"),
    MUTED: ("#55595f", "#b0b4ba"),
    INFO: ("#1d4ed8", "#8ab4f8"),
    ATTENTION: ("#ad3a0a", "#ffab7a"),
}


ROLES = tuple(_COLORS)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window colour of ``palette`` (default: the application's) is dark."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def color(role: str, palette: QPalette | None = None) -> QColor:
    """The colour of ``role`` for ``palette`` (default: the application's)."""
    light, dark = _COLORS[role]
    return QColor(dark if is_dark(palette) else light)


_ROLE_PROPERTY = "smpanelTint"  # the role a widget was tinted with, to tint it again


def tint(widget: QWidget, role: str | None, *, bold: bool = False) -> None:
    """Colour ``widget``'s text by ``role`` (None: the palette's own text colour)."""
    widget.setProperty(_ROLE_PROPERTY, f"{role or ''}:{int(bold)}")
    weight = " font-weight: bold;" if bold else ""
    if role is None:
        widget.setStyleSheet(f"color: palette(text);{weight}" if bold else "")
    else:
        widget.setStyleSheet(f"color: {color(role).name()};{weight}")


def retint_all() -> None:
    """Colour every tinted widget again for the palette now in use (after a theme change)."""
    for widget in QApplication.allWidgets():
        value = widget.property(_ROLE_PROPERTY)
        if isinstance(value, str) and ":" in value:
            role, _, bold = value.partition(":")
            tint(widget, role or None, bold=bold == "1")
