"""Action icons: the platform theme's own where it has one (freedesktop icon names), else the
small bundled SVG set in resources/icons/actions/."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from smpanel_desktop.resources import app_icon_path, app_icon_pngs, resource_path

THEME_NAMES = {  # our name: the freedesktop icon naming spec's name
    "refresh": "view-refresh",
    "new-order": "document-new",
    "search": "edit-find",
    "panels": "network-server",
    "key": "dialog-password",
    "orders": "view-list-details",
    "refill": "view-refresh",
    "cancel": "process-stop",
    "export": "document-save-as",
    "import": "document-open",
    "copy": "edit-copy",
    "open-link": "internet-web-browser",
    "resolve": "dialog-question",
    "balance": "wallet-open",
    "reorder": "edit-redo",
    "quit": "application-exit",
    "keyboard": "input-keyboard",
}


def bundled(name: str) -> QIcon:
    path = resource_path("icons", "actions", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


@functools.cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (a key of THEME_NAMES): the theme's, falling back to ours."""
    theme = THEME_NAMES.get(name)
    fallback = bundled(name)
    return QIcon.fromTheme(theme, fallback) if theme else fallback


def app_icon() -> QIcon:
    """The window icon from its PNG sizes (an SVG icon would load Qt's SVG plugin and library
    before the first paint); the SVG when the PNGs are missing."""
    from PySide6.QtCore import QSize

    icon = QIcon()
    for size, png in app_icon_pngs():
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    if icon.isNull() and app_icon_path().exists():
        return QIcon(str(app_icon_path()))
    return icon
