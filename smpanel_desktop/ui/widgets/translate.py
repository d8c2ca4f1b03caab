"""``QT_TRANSLATE_NOOP`` typed as returning ``str``: marks a text for lupdate where it is
defined (a module constant), to be translated where it is shown with
``QCoreApplication.translate(context, text)``.  PySide6's own one is typed ``object``."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; lupdate files it under ``context``."""
    del context
    return text
