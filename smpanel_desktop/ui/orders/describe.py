"""What the Orders tab says when an action on the panel ends: refill, cancel, import, resolve."""

from __future__ import annotations

from smpanel_desktop.api.errors import UnknownOutcomeError
from smpanel_desktop.store.models import TrackedOrder
from smpanel_desktop.ui.orders.tasks import ActionResult


def _lost_answer(what: str, exc: BaseException) -> str:
    return (
        f"The answer to the {what} request was lost ({exc}): the panel may or may not have "
        "accepted it. Check the order on the panel before asking again."
    )


def describe_refill(result: ActionResult) -> str:
    if isinstance(result.error, UnknownOutcomeError):
        return _lost_answer("refill", result.error)
    if result.error is not None:
        return f"Refill failed: {result.error}"
    results = result.value or []
    ok = [f"{r.order} → refill {r.refill}" for r in results if r.refill is not None]
    bad = [f"{r.order}: {r.error}" for r in results if r.refill is None]
    parts = []
    if ok:
        parts.append("Refill requested: " + ", ".join(ok))
    if bad:
        parts.append("Refused: " + "; ".join(bad))
    return ". ".join(parts) + "." if parts else "The panel answered nothing."


def describe_cancel(result: ActionResult) -> str:
    if isinstance(result.error, UnknownOutcomeError):
        return _lost_answer("cancel", result.error)
    if result.error is not None:
        return f"Cancel failed: {result.error}"
    results = result.value or []
    ok = [str(r.order) for r in results if r.accepted]
    bad = [f"{r.order}: {r.error}" for r in results if not r.accepted]
    parts = []
    if ok:
        parts.append(f"Cancel requested for {', '.join(ok)} (the next refresh shows the result)")
    if bad:
        parts.append("Refused: " + "; ".join(bad))
    return ". ".join(parts) + "." if parts else "The panel answered nothing."


def describe_import(result: ActionResult) -> str:
    if result.error is not None:
        return f"Import stopped: {result.error}"
    imported, skipped = result.value
    text = f"Imported {len(imported):,} order(s)."
    if skipped:
        items = [f"{k}: {v}" for k, v in list(skipped.items())[:5]]
        more = "…" if len(skipped) > 5 else ""
        text += f" Not imported: {'; '.join(items)}{more}"
    return text


def describe_resolve(order: TrackedOrder, verdict: int | None, result: ActionResult) -> str:
    if result.error is not None:
        return f"Order #{order.id} stays unknown: {result.error}"
    if verdict is None:
        return f"Order #{order.id} marked as not placed."
    return f"Order #{order.id} is panel order {verdict} and is tracked again."
