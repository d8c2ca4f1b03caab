"""Labels whose text keeps changing.

* ``StatusLine``: the status bar's message line: a long message ends in "…" at a word, never cut
  mid-word, and the whole text is in its tooltip; it clears itself after a while.
* ``steady_text``: ``QLabel.setText`` asks its layout to recompute the size of everything
  around it whenever its size may change; a count label updated on every keystroke then
  re-lays out and repaints the whole tab.  A label with a fixed size does not ask:
  ``steady_text`` gives the label the size of the widest text it will show (``widest``),
  growing it only when needed, so typing repaints the label alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self._plain = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(lambda: self.show_message(""))

    @property
    def full_text(self) -> str:
        return self._full

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        if not self._plain:  # set here, not in __init__: Qt's enum namespace costs ~25 ms
            from PySide6.QtCore import Qt  # of start-up, and the first paint needs none of it

            self.setTextFormat(Qt.TextFormat.PlainText)
            self._plain = True
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


def steady_text(label: QLabel, text: str, widest: str = "") -> None:
    """Show ``text`` in ``label`` sized for ``widest`` (and for ``text``) once and for all."""
    metrics = label.fontMetrics()
    margins = label.contentsMargins()
    extra = margins.left() + margins.right() + 2 * label.margin() + 2
    width = max(metrics.horizontalAdvance(t) for t in (text, widest)) + extra
    height = max(label.minimumSizeHint().height(), metrics.height())
    if label.minimumWidth() != label.maximumWidth() or label.maximumWidth() < width:
        label.setFixedWidth(max(width, label.minimumWidth()))
    if label.minimumHeight() != label.maximumHeight():
        label.setFixedHeight(height)
    label.setText(text)
