"""Parsers of the answers to ``refill``, ``refill_status``, ``cancel`` and ``balance``.

Like parse.py (services and orders): every parser raises ``UnreadableAnswerError`` on a wrong
shape, never ``KeyError``/``TypeError``/``ValueError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .convert import (
    clean_text,
    soft,
    to_bool,
    to_decimal,
    to_int,
    unusable,
)
from .errors import UnreadableAnswerError, panel_error
from .models import (
    Balance,
    CancelResult,
    RefillResult,
    RefillStatus,
)
from .parse import NOT_IN_ANSWER, answer_mapping, entries_by_id, item_error


def parse_refill(payload: object, order: int | None = None) -> int:
    """The single ``refill`` answer ``{"refill": "1"}``: the refill id.  The multi form's answer
    for ``order`` is read too (a panel may answer so): its per-order error is the panel's."""
    if order is not None and (isinstance(payload, list) or _multi_shaped(payload, "refill")):
        (result,) = parse_refills(payload, [order])
        if result.refill is None:
            raise panel_error(result.error or NOT_IN_ANSWER)
        return result.refill
    item = answer_mapping(payload, "refill answer")
    error = item_error(item.get("refill"))
    if error is not None:
        raise panel_error(error)
    refill = to_int(item.get("refill"))
    if refill is None:
        raise unusable("refill id", item.get("refill"))
    return refill


def parse_refills(payload: object, orders: Iterable[int]) -> list[RefillResult]:
    """``refill`` with ``orders=``: ``[{"order": 1, "refill": 1}, {"order": 3, "refill":
    {"error": "..."}}]``; one result per requested order."""
    entries = entries_by_id(payload, "order")
    results: list[RefillResult] = []
    for order in orders:
        entry = entries.get(order)
        value = entry.get("refill") if isinstance(entry, Mapping) else None
        error = item_error(value) or item_error(entry)
        refill = soft(to_int, value, None)
        if error is None and refill is None:
            error = NOT_IN_ANSWER if entry is None else "The panel gave no refill id"
        results.append(RefillResult(order, None if error else refill, error))
    return results


def _refill_status(refill: int, value: object) -> RefillStatus:
    error = item_error(value)
    if error is not None:
        return RefillStatus(refill, None, error)
    status = soft(clean_text, value, "")
    if not status:
        raise unusable("refill status", value)
    return RefillStatus(refill, status)


def _multi_shaped(payload: object, key: str) -> bool:
    """A mapping without the single answer's ``key``: the multi form's, keyed by id."""
    return isinstance(payload, Mapping) and key not in payload and "error" not in payload


def parse_refill_status(payload: object, refill: int) -> RefillStatus:
    """The single ``refill_status`` answer ``{"status": "Completed"}`` (the multi form's answer
    holding this refill is read too)."""
    if isinstance(payload, list) or _multi_shaped(payload, "status"):
        (result,) = parse_refill_statuses(payload, [refill])
        return result
    item = answer_mapping(payload, "refill status answer")
    return _refill_status(refill, item.get("status"))


def parse_refill_statuses(payload: object, refills: Iterable[int]) -> list[RefillStatus]:
    """``refill_status`` with ``refills=``: ``[{"refill": 1, "status": "Completed"}, ...]``."""
    entries = entries_by_id(payload, "refill")
    results: list[RefillStatus] = []
    for refill in refills:
        entry = entries.get(refill)
        error = item_error(entry)
        if entry is None or error is not None:
            results.append(RefillStatus(refill, None, error or NOT_IN_ANSWER))
            continue
        value = entry.get("status") if isinstance(entry, Mapping) else entry
        try:
            results.append(_refill_status(refill, value))
        except UnreadableAnswerError as exc:
            results.append(RefillStatus(refill, None, exc.message))
    return results


def parse_cancels(payload: object, orders: Iterable[int]) -> list[CancelResult]:
    """``cancel`` with ``orders=``: ``[{"order": 2, "cancel": 1}, {"order": 9, "cancel":
    {"error": "..."}}]``.  ``accepted`` means the request was taken, not that it is cancelled."""
    entries = entries_by_id(payload, "order")
    results: list[CancelResult] = []
    for order in orders:
        entry = entries.get(order)
        value = entry.get("cancel") if isinstance(entry, Mapping) else None
        error = item_error(value) or item_error(entry)
        accepted = soft(to_bool, value, None)
        if error is None and accepted is None:
            error = NOT_IN_ANSWER if entry is None else "The panel gave no answer for this order"
        results.append(CancelResult(order, bool(accepted) and error is None, error))
    return results


def parse_balance(payload: object) -> Balance:
    """``{"balance": "100.84292", "currency": "USD"}``."""
    item = answer_mapping(payload, "balance answer")
    amount = to_decimal(item.get("balance"))
    if amount is None:
        raise unusable("balance", item.get("balance"))
    return Balance(amount, soft(clean_text, item.get("currency"), ""))
