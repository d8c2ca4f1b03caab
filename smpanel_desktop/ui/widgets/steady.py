"""Labels whose text changes often without re-laying out the window.

``QLabel.setText`` asks its layout to recompute the size of everything around it whenever its
size may change; a count label updated on every keystroke then re-lays out and repaints the
whole tab.  A label with a fixed size does not ask: ``steady_text`` gives
the label the size of the widest text it will show (``widest``), growing it only when needed, so
typing repaints the label alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


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
