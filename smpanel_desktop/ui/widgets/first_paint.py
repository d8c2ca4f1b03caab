"""Run start-up work on the event-loop turn after a widget's first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs callbacks, in the order given, on the event-loop turn after the watched widget's
    first paint (or after ``fallback_ms`` when it is never painted, e.g. it stays hidden)."""

    def __init__(self, widget: QWidget, fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget: QWidget | None = widget
        self._callbacks: list[Callable[[], None]] = []
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def add(self, callback: Callable[[], None]) -> None:
        if self.done:  # the paint is past: next turn
            QTimer.singleShot(0, self, callback)
        else:
            self._callbacks.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._unwatch()
            QTimer.singleShot(0, self, self._fire)  # this paint reaches the screen first
        return False

    def _unwatch(self) -> None:
        if self._widget is not None:
            self._widget.removeEventFilter(self)
            self._widget = None

    def _fire(self) -> None:
        if self.done:
            return
        self._unwatch()
        self.done = True
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()
