"""Object names, set one way: ``named(QLabel(text), "balanceValue")``.

Tests and the screenshots drive the window by object name, so every widget they reach is named
where it is built.  (The ``objectName=`` constructor keyword works too, but is not in the
PySide6 stubs, so mypy cannot check the call.)
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """Give ``widget`` its object name and return it."""
    widget.setObjectName(name)
    return widget
