"""What the window remembers between runs: geometry, last tab, table column widths, the
interface language and the colour scheme.

Stored with ``QSettings`` in an INI file under the config folder (``paths.config_dir()``, which
honours ``SMPANEL_CONFIG_DIR``; tests point it at a temporary folder).  Never the key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from smpanel_desktop import paths

if TYPE_CHECKING:  # (creating the class costs ~4 ms before the first paint)
    from PySide6.QtWidgets import QHeaderView

FILE_NAME = "smpanel-desktop.ini"


class UiSettings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or Path(paths.config_dir()) / FILE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def restore_geometry(self, window: QWidget) -> bool:
        data = self._bytes("window/geometry")
        return bool(data and window.restoreGeometry(data))

    def save_geometry(self, window: QWidget) -> None:
        self._qs.setValue("window/geometry", window.saveGeometry())

    def last_tab(self) -> int:
        try:
            return int(str(self._qs.value("window/tab", 0)))
        except (TypeError, ValueError):
            return 0

    def save_last_tab(self, index: int) -> None:
        self._qs.setValue("window/tab", index)

    def language(self) -> str:
        """The language chosen in View → Language ("" = follow the system)."""
        return str(self._qs.value("ui/language", "") or "")

    def save_language(self, code: str) -> None:
        self._qs.setValue("ui/language", code)

    def theme(self) -> str:
        """The colour scheme chosen in View → Theme: "system", "light" or "dark"."""
        value = str(self._qs.value("ui/theme", "system") or "system")
        return value if value in ("system", "light", "dark") else "system"

    def save_theme(self, theme: str) -> None:
        self._qs.setValue("ui/theme", theme)

    def restore_header(self, name: str, header: QHeaderView) -> bool:
        """Column widths, order and sort indicator of the table ``name``."""
        data = self._bytes(f"tables/{name}")
        return bool(data and header.restoreState(data))

    def save_header(self, name: str, header: QHeaderView) -> None:
        self._qs.setValue(f"tables/{name}", header.saveState())

    def flag(self, key: str, default: bool = False) -> bool:
        """An on/off choice (the tray's, ui/watch/tray.py)."""
        value = self._qs.value(key)
        return default if value is None else str(value).strip().lower() in ("true", "1")

    def set_flag(self, key: str, on: bool) -> None:
        self._qs.setValue(key, "true" if on else "false")

    def sync(self) -> None:
        self._qs.sync()
