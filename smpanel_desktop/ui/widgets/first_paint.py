"""Run start-up work on the event-loop turn after a widget's first paint."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

EXIT_AFTER_SHOW_ENV = "SMPANEL_EXIT_AFTER_SHOW"
SHOWN_MARKER = "SMPANEL_FIRST_SHOWN"


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


def arm_exit_after_show(window: Any) -> None:
    """With ``SMPANEL_EXIT_AFTER_SHOW=1``: on the window's first paint, print the time and quit.

    A no-op otherwise.  The app calls it right after ``window.show()``; the bundle benchmark
    reads ``SMPANEL_FIRST_SHOWN <epoch seconds> <process CPU seconds>`` from stdout to measure
    the start-up time (the CPU time is steadier than wall time on a busy machine).
    """
    if not os.environ.get(EXIT_AFTER_SHOW_ENV):
        return

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                if sys.stdout is not None:
                    cpu = time.process_time()
                    print(f"{SHOWN_MARKER} {time.time():.6f} {cpu:.6f}", flush=True)
                QTimer.singleShot(0, QCoreApplication.quit)
            return False

    probe = _FirstPaint(window)
    window.installEventFilter(probe)
