"""What the Orders tab says when an action on the panel ends: refill, cancel, import, resolve."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from smpanel_desktop.api.errors import UnknownOutcomeError
from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.orders.tasks import ActionResult
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

_REQUEST_NAMES = (QT_TRANSLATE_NOOP("OrdersActions", "refill"),
                  QT_TRANSLATE_NOOP("OrdersActions", "cancel"))  # fmt: skip


class DescribeTexts(QObject):
    """Texts with plural forms (only a QObject's ``tr`` gets them from lupdate)."""

    def imported(self, count: int) -> str:
        return self.tr("Imported %Ln order(s).", "", count)


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrdersActions", text)


def _lost_answer(what: str, exc: BaseException) -> str:
    return QCoreApplication.translate(
        "OrdersActions",
        "The answer to the {what} request was lost ({error}): the panel may or may not have "
        "accepted it. Check the order on the panel before asking again.",
    ).format(what=_tr(what), error=exc)


def describe_refill(result: ActionResult) -> str:
    if isinstance(result.error, UnknownOutcomeError):
        return _lost_answer("refill", result.error)
    if result.error is not None:
        return QCoreApplication.translate("OrdersActions", "Refill failed: {error}").format(
            error=result.error
        )
    results = result.value or []
    refill = QCoreApplication.translate("OrdersActions", "{order} → refill {refill}")
    ok = [refill.format(order=r.order, refill=r.refill) for r in results if r.refill is not None]
    bad = [f"{r.order}: {r.error}" for r in results if r.refill is None]
    parts = []
    if ok:
        parts.append(
            QCoreApplication.translate("OrdersActions", "Refill requested: ") + ", ".join(ok)
        )
    if bad:
        parts.append(QCoreApplication.translate("OrdersActions", "Refused: ") + "; ".join(bad))
    nothing = QCoreApplication.translate("OrdersActions", "The panel answered nothing.")
    return ". ".join(parts) + "." if parts else nothing


def describe_cancel(result: ActionResult) -> str:
    if isinstance(result.error, UnknownOutcomeError):
        return _lost_answer("cancel", result.error)
    if result.error is not None:
        return QCoreApplication.translate("OrdersActions", "Cancel failed: {error}").format(
            error=result.error
        )
    results = result.value or []
    ok = [str(r.order) for r in results if r.accepted]
    bad = [f"{r.order}: {r.error}" for r in results if not r.accepted]
    parts = []
    if ok:
        parts.append(
            QCoreApplication.translate(
                "OrdersActions", "Cancel requested for {orders} (the next refresh shows the result)"
            ).format(orders=", ".join(ok))
        )
    if bad:
        parts.append(QCoreApplication.translate("OrdersActions", "Refused: ") + "; ".join(bad))
    nothing = QCoreApplication.translate("OrdersActions", "The panel answered nothing.")
    return ". ".join(parts) + "." if parts else nothing


def describe_import(result: ActionResult) -> str:
    if result.error is not None:
        return QCoreApplication.translate("OrdersActions", "Import stopped: {error}").format(
            error=result.error
        )
    imported, skipped = result.value
    text = DescribeTexts().imported(len(imported))
    if skipped:
        items = [f"{k}: {v}" for k, v in list(skipped.items())[:5]]
        more = "…" if len(skipped) > 5 else ""
        text += " " + QCoreApplication.translate("OrdersActions", "Not imported: {items}").format(
            items="; ".join(items) + more
        )
    return text


def describe_resolve(order: TrackedOrder, verdict: int | None, result: ActionResult) -> str:
    if result.error is not None:
        return QCoreApplication.translate(
            "OrdersActions", "Order #{id} stays unknown: {error}"
        ).format(id=order.id, error=result.error)
    if verdict is None:
        return QCoreApplication.translate(
            "OrdersActions", "Order #{id} marked as not placed."
        ).format(id=order.id)
    return QCoreApplication.translate(
        "OrdersActions", "Order #{id} is panel order {order} and is tracked again."
    ).format(id=order.id, order=verdict)
