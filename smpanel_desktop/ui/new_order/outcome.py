"""What placing an order does off the GUI thread, and what its failures mean in plain words."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication

from smpanel_desktop.api.errors import (
    ApiError,
    InsufficientFundsError,
    NetworkError,
    PanelError,
    UnknownOutcomeError,
)
from smpanel_desktop.api.models import Service
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.store.models import Panel, TrackedOrder
from smpanel_desktop.ui.widgets.translate import QT_TRANSLATE_NOOP

UNKNOWN_OUTCOME_TEXT = QT_TRANSLATE_NOOP(
    "NewOrder",
    "The answer to this order was lost ({cause}). The order MAY have been placed and your "
    "balance MAY have been charged. It is recorded in Orders with the state “unknown”. "
    "Do not place it again yet: look for it in the panel's own order list, then in the Orders "
    "tab select it and choose Resolve — attach the order id you found, or mark it as not placed.",
)


def place_order_task(
    store: Any, client: Any, panel: Panel, service: Service, values: dict[str, str], currency: str
) -> Callable[[], TrackedOrder]:
    """A worker task over immutable values: the frozen service and panel, a copy of the texts."""
    return partial(
        place_order, store, client, panel, service, dict(values), currency=currency or None
    )


def describe_failure(exc: BaseException) -> str:
    if isinstance(exc, UnknownOutcomeError):
        return QCoreApplication.translate("NewOrder", UNKNOWN_OUTCOME_TEXT).format(cause=exc)
    if isinstance(exc, InsufficientFundsError):
        return QCoreApplication.translate(
            "NewOrder",
            "The panel refused the order: {error} — nothing was placed; top up and retry.",
        ).format(error=exc.text)
    if isinstance(exc, PanelError):
        return QCoreApplication.translate(
            "NewOrder", "The panel refused the order: {error} — nothing was placed."
        ).format(error=exc.text)
    if isinstance(exc, NetworkError):
        return QCoreApplication.translate(
            "NewOrder",
            "The order was not sent: {error}. Nothing was placed; try again when connected.",
        ).format(error=exc)
    if isinstance(exc, ApiError):  # the panel answered (429 ...) or nothing was sent
        return QCoreApplication.translate("NewOrder", "The order was not placed: {error}.").format(
            error=exc
        )
    return QCoreApplication.translate(
        "NewOrder",
        "Something went wrong ({kind}: {error}). Check the Orders tab before placing this "
        "order again.",
    ).format(kind=type(exc).__name__, error=exc)
