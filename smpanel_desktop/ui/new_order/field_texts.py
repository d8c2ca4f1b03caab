"""The order form's field labels and help texts in the interface language.

The field table (core/orders/fields.py) is Qt-free and English; its texts are listed here for
lupdate and translated where the form shows them.  A text not listed is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

FIELD_TEXTS = (
    QT_TRANSLATE_NOOP("OrderFields", "Link"),
    QT_TRANSLATE_NOOP("OrderFields", "A link (https://…, instagram.com/p/…, t.me/…) or @username"),
    QT_TRANSLATE_NOOP("OrderFields", "Quantity"),
    QT_TRANSLATE_NOOP("OrderFields", "Within the service's min and max"),
    QT_TRANSLATE_NOOP("OrderFields", "Runs"),
    QT_TRANSLATE_NOOP("OrderFields", "Repeat the order N times"),
    QT_TRANSLATE_NOOP("OrderFields", "Interval (minutes)"),
    QT_TRANSLATE_NOOP("OrderFields", "Comments"),
    QT_TRANSLATE_NOOP("OrderFields", "One comment a line"),
    QT_TRANSLATE_NOOP("OrderFields", "Usernames"),
    QT_TRANSLATE_NOOP("OrderFields", "One username a line"),
    QT_TRANSLATE_NOOP("OrderFields", "Hashtags"),
    QT_TRANSLATE_NOOP("OrderFields", "One hashtag a line"),
    QT_TRANSLATE_NOOP("OrderFields", "Hashtag"),
    QT_TRANSLATE_NOOP("OrderFields", "Username"),
    QT_TRANSLATE_NOOP("OrderFields", "Whose followers"),
    QT_TRANSLATE_NOOP("OrderFields", "Media URL"),
    QT_TRANSLATE_NOOP("OrderFields", "Whose likers"),
    QT_TRANSLATE_NOOP("OrderFields", "Comment owner"),
    QT_TRANSLATE_NOOP("OrderFields", "Answer number"),
    QT_TRANSLATE_NOOP("OrderFields", "Groups"),
    QT_TRANSLATE_NOOP("OrderFields", "One group a line"),
    QT_TRANSLATE_NOOP("OrderFields", "Keywords"),
    QT_TRANSLATE_NOOP("OrderFields", "One keyword a line"),
    QT_TRANSLATE_NOOP("OrderFields", "Min per post"),
    QT_TRANSLATE_NOOP("OrderFields", "Max per post"),
    QT_TRANSLATE_NOOP("OrderFields", "New posts"),
    QT_TRANSLATE_NOOP("OrderFields", "Empty = unlimited"),
    QT_TRANSLATE_NOOP("OrderFields", "Old posts"),
    QT_TRANSLATE_NOOP("OrderFields", "Delay (minutes)"),
    QT_TRANSLATE_NOOP("OrderFields", "Expiry"),
    QT_TRANSLATE_NOOP("OrderFields", "d/m/Y; empty = none"),
    QT_TRANSLATE_NOOP("OrderFields", "Country"),
    QT_TRANSLATE_NOOP("OrderFields", "Device"),
    QT_TRANSLATE_NOOP("OrderFields", "1-5"),
    QT_TRANSLATE_NOOP("OrderFields", "Type of traffic"),
    QT_TRANSLATE_NOOP("OrderFields", "Google keyword"),
    QT_TRANSLATE_NOOP("OrderFields", "Referring URL"),
)


def field_text(text: str) -> str:
    """``text`` (a label or help of core/orders/fields.py) translated."""
    return QCoreApplication.translate("OrderFields", text) if text else text
