"""The main window's toolbar: the actions a reseller uses all day, with icons and shortcuts.

Refresh (F5), New order (Ctrl+N), Search (Ctrl+F), Manage panels, Set API key; built by
``WindowKeys`` once the tabs exist, sharing its slots.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from smpanel_desktop.ui.widgets.icons import icon


def action(
    window: QMainWindow,
    text: str,
    icon_name: str,
    slot: Callable[[], object],
    name: str,
    keys: QKeySequence | None = None,
) -> QAction:
    made = QAction(icon(icon_name), text, window)
    made.setObjectName(name)
    if keys is not None:
        made.setShortcut(keys)
        shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
        made.setToolTip(f"{text.replace('&', '')} ({shown})")
    made.triggered.connect(slot)
    window.addAction(made)  # the shortcut works wherever the focus is in the window
    return made


def build_toolbar(window: QMainWindow, title: str, actions: list[QAction]) -> QToolBar:
    """The window's main toolbar with ``actions`` first (another part may have made it)."""
    existing = window.findChild(QToolBar, "mainToolbar")
    if existing is not None:
        first = existing.actions()[0] if existing.actions() else None
        existing.insertActions(first, actions)  # type: ignore[arg-type]
        existing.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        existing.setIconSize(QSize(20, 20))
        return existing
    bar = QToolBar(title, window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for item in actions:
        bar.addAction(item)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
