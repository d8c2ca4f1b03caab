"""Helpers for driving New Order and Orders the way a user (or automation) does: by object name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.orders.fields import canonical_type
from smpanel_desktop.ui.new_order.tab import NewOrderTab

LINK = "https://instagram.com/p/Cx1abc"


def lines(prefix: str, count: int) -> str:
    return "\n".join(f"{prefix}{i}" for i in range(count))


def good_values(service: Service) -> dict[str, str]:
    """Values a careful user would type for ``service`` (within its min and max)."""
    n = max(1, service.min)
    by_type: dict[str | None, dict[str, str]] = {
        "Default": {"link": LINK, "quantity": str(n)},
        "Package": {"link": LINK},
        "Custom Comments": {"link": LINK, "comments": lines("Great post ", n)},
        "Custom Comments Package": {"link": LINK, "comments": lines("Lovely ", 3)},
        "Mentions": {"link": LINK, "quantity": str(n), "usernames": "alice\nbob"},
        "Mentions with Hashtags": {
            "link": LINK,
            "quantity": str(n),
            "usernames": "alice\nbob",
            "hashtags": "#summer\n#sea",
        },
        "Mentions Custom List": {"link": LINK, "usernames": lines("user", n)},
        "Mentions Hashtag": {"link": LINK, "quantity": str(n), "hashtag": "#summer"},
        "Mentions User Followers": {"link": LINK, "quantity": str(n), "username": "natgeo"},
        "Mentions Media Likers": {
            "link": LINK,
            "quantity": str(n),
            "media": "https://instagram.com/p/Media1",
        },
        "Comment Likes": {"link": LINK, "quantity": str(n), "username": "commenter"},
        "Comment Replies": {"link": LINK, "username": "commenter", "comments": lines("Yes ", n)},
        "Poll": {"link": LINK, "quantity": str(n), "answer_number": "2"},
        "Invites from Groups": {"link": LINK, "quantity": str(n), "groups": "group1\ngroup2"},
        "SEO": {"link": LINK, "quantity": str(n), "keywords": "smm panel\ncheap likes"},
        "Subscriptions": {
            "username": "natgeo",
            "min": str(n),
            "max": str(min(service.max, n * 2)),
            "posts": "5",
            "delay": "30",
            "expiry": (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y"),
        },
        "Web Traffic": {"link": LINK, "quantity": str(n), "country": "US"},
        None: {"link": LINK, "quantity": str(n)},
    }
    return dict(by_type[canonical_type(service.type)])


def field(tab: QWidget, name: str) -> QWidget:
    widget = tab.findChild(QWidget, f"field_{name}")
    assert widget is not None, f"no field_{name}"
    return widget


def set_field(tab: QWidget, name: str, value: str) -> None:
    widget = field(tab, name)
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findText(value)
        assert index >= 0, f"{value!r} not offered by field_{name}"
        widget.setCurrentIndex(index)
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate.fromString(value, "dd/MM/yyyy"))
    else:  # pragma: no cover - a new widget kind needs a branch here
        raise AssertionError(f"cannot fill {type(widget).__name__}")


def fill(tab: QWidget, values: dict[str, str]) -> None:
    for name, value in values.items():
        set_field(tab, name, value)


def visible_fields(tab: QWidget) -> set[str]:
    return {
        w.objectName().removeprefix("field_")
        for w in tab.findChildren(QWidget)
        if w.objectName().startswith("field_") and w.isVisibleTo(tab)
    }


def place(qtbot: QtBot, tab: NewOrderTab) -> None:
    """Click Place order, accept the confirmation, wait for the outcome."""
    qtbot.mouseClick(tab.submit_button, _left())
    assert tab.confirm_dialog is not None, tab.hint.text() or tab.error.text()
    tab.confirm_dialog.accept()
    qtbot.waitUntil(lambda: not tab.in_flight, timeout=10_000)


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
