"""Single form or multi form: ``order=5`` or ``orders=5,6``, and the fallback between them.

PerfectPanel reads both forms of ``status``, ``refill`` and ``refill_status`` and only the multi
form of ``cancel``.  SmartPanel-style panels read only the single form (``order=``,
``refill=``) and answer the multi form with "Order ID is required" or "Incorrect request".

The client sends one id in the single form and several in the multi form (``cancel`` always
tries the multi form first).  When a panel *definitely* refuses the multi form (an error answer
that ``dialects.refuses_multi_form`` recognises) the ids go one by one in the single form, and
the action is remembered in ``PanelClient.single_form`` (core/ keeps it per panel).  That is
safe for a write only because a refusal is definite: after an unknown outcome nothing is resent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from .convert import soft, to_bool, unusable
from .dialects import refuses_multi_form
from .errors import (
    ApiError,
    InvalidKeyError,
    PanelError,
    UnknownOutcomeError,
    panel_error,
)
from .models import CancelResult
from .parse import answer_mapping, item_error

T = TypeVar("T")

SINGLE_FIELD = {"status": "order", "refill": "order", "refill_status": "refill", "cancel": "order"}
"""The parameter of each action's single form."""
ALWAYS_MULTI_FIRST = frozenset({"cancel"})
"""Actions PerfectPanel documents only in the multi form: even one id goes ``orders=`` first."""


def is_definite_refusal(exc: ApiError) -> bool:
    """The panel answered with an error that says it does not read the multi form."""
    if not isinstance(exc, PanelError) or isinstance(exc, InvalidKeyError):
        return False
    if exc.http_status is not None and exc.http_status >= 500:
        return False
    return refuses_multi_form(exc.text)


def one_by_one(
    ids: Sequence[int],
    one: Callable[[int], T],
    failed: Callable[[int, str], T],
) -> list[T]:
    """``one(id)`` for each id in the single form.

    A panel's error about one id (``PanelError``: "Incorrect order ID") is that id's result.  A
    failure of the whole panel (invalid key, rate limit, network, unreadable answer) is raised
    for the first id and turns the rest into "Not done" results after that.  A lost answer to a
    write raises ``UnknownOutcomeError`` with the results so far in ``partial``, the id in doubt
    in ``unknown_ids`` and the rest in ``unsent_ids``: nothing after it is sent."""
    done: list[T] = []
    for index, ident in enumerate(ids):
        try:
            done.append(one(ident))
        except UnknownOutcomeError as exc:
            raise UnknownOutcomeError(
                exc.message, cause=exc.cause, partial=tuple(done), unknown_ids=(ident,),
                unsent_ids=tuple(ids[index + 1 :]),
            ) from None  # fmt: skip
        except PanelError as exc:
            if isinstance(exc, InvalidKeyError):
                if index == 0:
                    raise
                done += [failed(i, f"Not done: {exc.message}") for i in ids[index:]]
                break
            done.append(failed(ident, exc.message))
        except ApiError as exc:  # the whole panel failed (rate limit, network, unreadable)
            if index == 0:
                raise
            done += [failed(i, f"Not done: {exc.message}") for i in ids[index:]]
            break
    return done


def parse_cancel(payload: object, order: int) -> CancelResult:
    """The single ``cancel`` answer ``{"cancel": 1}`` (or ``{"cancel": {"error": "..."}}``)."""
    item: Mapping[str, object] = answer_mapping(payload, "cancel answer")
    value = item.get("cancel")
    error = item_error(value)
    if error is not None:
        raise panel_error(error)
    accepted = soft(to_bool, value, None)
    if accepted is None:
        raise unusable("answer to cancel", value)
    return CancelResult(order, accepted)
