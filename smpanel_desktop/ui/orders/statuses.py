"""Order and refill statuses in the interface language.

The statuses panels send (lower-cased) that we know are shown translated, with the panel's own
text in the tooltip; any other status is shown as the panel wrote it.  The local states
(submitting, unknown, rejected, not placed) are ours and always translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smpanel_desktop.store.dripfeed import Dripfeed
from smpanel_desktop.store.models import (
    NOT_PLACED,
    PLACED,
    REJECTED,
    SUBMITTING,
    UNKNOWN,
    TrackedOrder,
)
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

STATE_TEXT = {  # translated where shown ("Orders")
    SUBMITTING: QT_TRANSLATE_NOOP("Orders", "Submitting…"),
    UNKNOWN: QT_TRANSLATE_NOOP("Orders", "Unknown"),
    REJECTED: QT_TRANSLATE_NOOP("Orders", "Rejected"),
    NOT_PLACED: QT_TRANSLATE_NOOP("Orders", "Not placed"),
}
KNOWN_STATUSES = {
    "pending": QT_TRANSLATE_NOOP("Orders", "Pending"),
    "in progress": QT_TRANSLATE_NOOP("Orders", "In progress"),
    "processing": QT_TRANSLATE_NOOP("Orders", "Processing"),
    "completed": QT_TRANSLATE_NOOP("Orders", "Completed"),
    "partial": QT_TRANSLATE_NOOP("Orders", "Partial"),
    "canceled": QT_TRANSLATE_NOOP("Orders", "Canceled"),
    "cancelled": QT_TRANSLATE_NOOP("Orders", "Canceled"),
    "rejected": QT_TRANSLATE_NOOP("Orders", "Rejected"),
    "refunded": QT_TRANSLATE_NOOP("Orders", "Refunded"),
    "error": QT_TRANSLATE_NOOP("Orders", "Error"),
}


def translate_status(status: str) -> str:
    """A panel's status in the interface language when it is a known one, else as given."""
    known = KNOWN_STATUSES.get(status.strip().lower())
    return QCoreApplication.translate("Orders", known) if known else status


def status_text(order: TrackedOrder) -> str:
    if order.state != PLACED:
        known = STATE_TEXT.get(order.state)
        return QCoreApplication.translate("Orders", known) if known else order.state
    if not order.status:
        return QCoreApplication.translate("Orders", "Not checked yet")
    return translate_status(order.status)


def status_tooltip(order: TrackedOrder, drip: Dripfeed | None = None) -> str | None:
    """What the Status cell's tooltip says: the lost answer of an unknown order, the panel's
    error, or the panel's own wording of a translated status; then a drip-feed's runs."""
    texts = (_status_tooltip(order), dripfeed_text(order, drip))
    return "\n".join(text for text in texts if text) or None


def _status_tooltip(order: TrackedOrder) -> str | None:
    if order.state == UNKNOWN:
        return QCoreApplication.translate(
            "Orders",
            "{error}. It may have been placed and charged: find it on the panel, then Resolve.",
        ).format(
            error=order.last_error or QCoreApplication.translate("Orders", "The answer was lost")
        )
    return order.last_error or panel_wording(order.status)


def panel_wording(status: str | None) -> str | None:
    """The tooltip of a translated status: the panel's own text."""
    if not status or translate_status(status) == status:
        return None
    return QCoreApplication.translate("Orders", "Panel: {status}").format(status=status)


def dripfeed_text(order: TrackedOrder, drip: Dripfeed | None) -> str | None:
    """A drip-feed parent's runs and child orders, or the parent of a child, for its tooltip."""
    if drip is not None:
        children = ", ".join(map(str, drip.children)) or "—"
        runs = "?" if drip.runs is None else str(drip.runs)
        return QCoreApplication.translate(
            "Orders", "Drip-feed: {runs} runs; child orders: {children}"
        ).format(runs=runs, children=children)
    parent = order.params.get("dripfeed_parent") if isinstance(order.params, dict) else None
    if parent:
        return QCoreApplication.translate("Orders", "A run of drip-feed order {order}").format(
            order=parent
        )
    return None
