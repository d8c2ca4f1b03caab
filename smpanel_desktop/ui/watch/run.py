"""Submitting the watchers' tasks: a timer or a signal that arrives while the app shuts down
(the task runner already stopped) does nothing instead of raising in the event loop."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from smpanel_desktop.ui.context import AppContext

log = logging.getLogger(__name__)


def submit(
    ctx: AppContext,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> bool:
    """``ctx.run(fn, on_done, on_error)``; False when the runner has been shut down."""
    try:
        ctx.run(fn, on_done, on_error)
    except RuntimeError as exc:  # TaskRunner.submit after shutdown()
        log.debug("watcher task not run: %s", exc)
        return False
    return True
