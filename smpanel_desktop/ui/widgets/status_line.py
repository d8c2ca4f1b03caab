"""The status bar's message line: a long message ends in "…" at a word, never cut mid-word,
and the whole text is in its tooltip; it clears itself after a while."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(lambda: self.show_message(""))

    @property
    def full_text(self) -> str:
        return self._full

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()
        if timeout_ms and text:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.width() - 8)
        metrics = self.fontMetrics()
        text = self._full
        if metrics.horizontalAdvance(text) > width:
            words = text.split(" ")
            while len(words) > 1 and metrics.horizontalAdvance(" ".join(words) + " …") > width:
                words.pop()
            text = " ".join(words) + " …"
        super().setText(text)
