"""The Mass order view's sentences: the total line, the confirmation, the outcome."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smpanel_desktop.core.mass.sending import NOT_SENT, STOPPED_BY_USER, BatchResult
from smpanel_desktop.store.models import PLACED, REJECTED, UNKNOWN
from smpanel_desktop.ui.mass_order.tasks import Checked
from smpanel_desktop.ui.widgets.formatting import format_money, format_time
from smpanel_desktop.ui.widgets.plurals import plurals
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

CONTEXT = "MassOrderView"


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, "", n)


def summary(checked: Checked) -> str:
    """``3 orders · total 1.25 USD · balance 100.00 USD · 1 invalid line …``"""
    batch = checked.batch
    total = format_money(batch.total, batch.currency, trim=True)
    parts = [
        plurals().orders(len(batch.valid_lines))
        + " · "
        + QCoreApplication.translate("MassOrderView", "total %1").replace("%1", total)
    ]
    if batch.balance is not None:
        parts.append(
            QCoreApplication.translate("MassOrderView", "balance %1").replace(
                "%1", format_money(batch.balance, batch.currency)
            )
        )
    if batch.over_balance:
        parts.append(QCoreApplication.translate("MassOrderView", "more than the balance"))
    if batch.invalid:
        parts.append(plurals().invalid_lines(len(batch.invalid)))
    if batch.flagged:
        parts.append(plurals().overlapping_lines(len(batch.flagged)))
    if checked.previous is not None:
        when = format_time(checked.previous.created_at)
        parts.append(
            QCoreApplication.translate("MassOrderView", "already placed on %1").replace("%1", when)
        )
    return " · ".join(parts)


def confirmation(checked: Checked) -> str:
    batch = checked.batch
    total = format_money(batch.total, batch.currency, trim=True)
    text = plurals().place_orders(len(batch.valid_lines)).replace("%1", total)
    if batch.invalid:
        text += "\n" + plurals().lines_skipped(len(batch.invalid))
    if checked.previous is not None:
        when = format_time(checked.previous.created_at)
        again = QCoreApplication.translate(
            "MassOrderView", "This batch was already placed on %1. Place it again?"
        ).replace("%1", when)
        text += "\n\n" + again
    return text


def outcome(result: BatchResult) -> str:
    counts = (
        (PLACED, QT_TRANSLATE_NOOP("MassOrderView", "%n placed")),
        (REJECTED, QT_TRANSLATE_NOOP("MassOrderView", "%n refused by the panel")),
        (UNKNOWN, QT_TRANSLATE_NOOP("MassOrderView", "%n unknown")),
        (NOT_SENT, QT_TRANSLATE_NOOP("MassOrderView", "%n not sent")),
    )
    text = ", ".join(tr(label, result.count(s)) for s, label in counts if result.count(s))
    if result.stopped == STOPPED_BY_USER:
        text += " — " + QCoreApplication.translate(
            "MassOrderView", "stopped after the current line"
        )
    elif result.stopped:
        text += " — " + result.stopped
    if result.count(UNKNOWN):
        text += "\n" + QCoreApplication.translate(
            "MassOrderView",
            "Orders whose answer was lost MAY have been placed: resolve them in Orders "
            "before placing them again.",
        )
    return text
