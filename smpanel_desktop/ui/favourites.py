"""Favourite services and New Order presets of the current panel, shared by the tabs.

Read from the store when the panel changes and written through tasks (the GUI thread does no
store I/O); ``changed`` tells the tabs.  A star toggles at once on screen, then is saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap

from smpanel_desktop.store.favourites import Preset
from smpanel_desktop.store.models import Panel
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.widgets import style

log = logging.getLogger(__name__)
LANE = "favourites"
STAR = "★"


def star_icon() -> QIcon:
    """A small star in the palette's warning colour (the favourite mark in tables)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(style.color(style.WARNING))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, STAR)
    painter.end()
    return QIcon(pixmap)


class Favourites(QObject):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent or ctx)
        self.ctx = ctx
        self.ids: set[int] = set()
        self.presets: list[Preset] = []
        self._panel: Panel | None = None
        ctx.panelChanged.connect(lambda _p: self.reload())
        self.reload()

    def is_favourite(self, service_id: int) -> bool:
        return service_id in self.ids

    def reload(self) -> None:
        """Read the current panel's favourites and presets in the background."""
        panel = self._panel = self.ctx.panel
        self.ids, self.presets = set(), []
        self.changed.emit()
        if panel is None:
            return
        ctx = self.ctx

        def read() -> tuple[set[int], list[Preset]]:
            return ctx.store.favourites(panel.id), ctx.store.presets(panel.id)

        def done(found: tuple[set[int], list[Preset]]) -> None:
            if self._panel == panel:
                self.ids, self.presets = found
                self.changed.emit()

        self._run(read, done)

    def set_favourite(self, service_id: int, favourite: bool) -> None:
        panel = self._panel
        if panel is None:
            return
        (self.ids.add if favourite else self.ids.discard)(service_id)
        self.changed.emit()
        ctx = self.ctx

        def write() -> None:
            ctx.store.set_favourite(panel.id, service_id, favourite)

        self._run(write, None)

    def toggle(self, service_id: int) -> None:
        self.set_favourite(service_id, service_id not in self.ids)

    def save_preset(self, name: str, service_id: int, values: dict[str, str]) -> None:
        panel, ctx = self._panel, self.ctx
        if panel is None:
            return
        kept = dict(values)

        def write() -> list[Preset]:
            ctx.store.save_preset(panel.id, name, service_id, kept)
            return ctx.store.presets(panel.id)

        self._run(write, self._presets_read)

    def delete_preset(self, preset: Preset) -> None:
        ctx = self.ctx

        def write() -> list[Preset]:
            ctx.store.delete_preset(preset.id)
            return ctx.store.presets(preset.panel_id)

        self._run(write, self._presets_read)

    def _presets_read(self, presets: list[Preset]) -> None:
        if presets and self._panel is not None and presets[0].panel_id != self._panel.id:
            return
        self.presets = presets
        self.changed.emit()

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None] | None) -> None:
        def error(exc: BaseException) -> None:
            log.warning("favourites/presets: %s", exc)
            self.failed.emit(str(exc))

        try:
            self.ctx.run(fn, done, error, lane=LANE)
        except RuntimeError:  # the runner is shut down: the app is quitting
            log.debug("favourites: not run, the app is quitting")
