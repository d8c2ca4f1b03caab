"""Sending a checked batch: remembered first, then one line at a time, each exactly like a
single order (``place_order``: recorded ``submitting`` before its request, sent once).

A line's lost answer leaves that line ``unknown`` and the others go on.  A refusal of the line
by the panel leaves it ``rejected`` and the others go on, except refusals that would refuse
every later line too (no funds, a bad key, rate limiting) and failures to reach the panel:
those end the batch and the remaining lines are ``not_sent`` (no row, nothing sent).
``should_stop()`` is asked before each line: Stop ends the batch after the current line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from smpanel_desktop.api.errors import (
    ConfigError,
    InsufficientFundsError,
    InvalidKeyError,
    NetworkError,
    PanelError,
    RateLimitedError,
    UnknownOutcomeError,
)
from smpanel_desktop.core.mass.check import Batch, CheckedLine, normalised
from smpanel_desktop.core.panel_client import Client
from smpanel_desktop.core.placing import place_order
from smpanel_desktop.store.models import PLACED, REJECTED, UNKNOWN, Panel, TrackedOrder
from smpanel_desktop.store.store import Store

NOT_SENT = "not_sent"
SKIPPED = "skipped"
LINE_STATES = (PLACED, REJECTED, UNKNOWN, NOT_SENT, SKIPPED)
STOPPED_BY_USER = "Stopped by the user"


@dataclass(frozen=True, slots=True)
class LineResult:
    line: CheckedLine
    state: str
    """placed | rejected (the panel refused) | unknown (answer lost) | not_sent | skipped"""
    order: int | None = None
    local_id: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    batch_id: int | None
    results: tuple[LineResult, ...]
    stopped: str | None = None
    """Why the batch ended before its last line (Stop, no funds, no network ...), else None."""
    network_failure: bool = False

    def count(self, state: str) -> int:
        return sum(1 for r in self.results if r.state == state)


def open_for_overlap(store: Store, panel_id: int) -> list[TrackedOrder]:
    """Tracked orders a new order with the same service and link would overlap: open placed
    ones and those whose outcome is not known yet."""
    return store.open_orders(panel_id) + store.orders(panel_id, state=UNKNOWN)


def send_batch(
    store: Store,
    client: Client,
    panel: Panel,
    batch: Batch,
    *,
    skip_invalid: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
    on_result: Callable[[int, int, LineResult], None] | None = None,
) -> BatchResult:
    """Send the batch's valid lines in order; ``on_result(done, total, result)`` after each.

    The caller has checked ``batch.refusals(...)`` (and the same batch sent before); invalid
    lines are only allowed with ``skip_invalid`` and come back ``skipped``.
    """
    if batch.invalid and not skip_invalid:
        raise ValueError("The batch has invalid lines; nothing was sent.")
    sendable = batch.valid_lines
    batch_id = store.remember_batch(
        panel.id, batch.fingerprint(), "\n".join(normalised(sendable)), len(sendable)
    )
    try:
        results, stopped, network = _send_lines(
            store, client, panel, batch, batch_id, should_stop, on_result
        )
    finally:
        store.finish_batch(batch_id)
    return BatchResult(batch_id, tuple(results), stopped, network)


def _send_lines(
    store: Store,
    client: Client,
    panel: Panel,
    batch: Batch,
    batch_id: int,
    should_stop: Callable[[], bool],
    on_result: Callable[[int, int, LineResult], None] | None,
) -> tuple[list[LineResult], str | None, bool]:
    sendable = len(batch.valid_lines)
    results: list[LineResult] = []
    stopped: str | None = None
    network = False
    done = 0
    for line in batch.lines:
        if not line.valid:
            results.append(LineResult(line, SKIPPED, error=line.problem_text))
            continue
        if stopped is None and should_stop():
            stopped = STOPPED_BY_USER
        if stopped is not None:
            result = LineResult(line, NOT_SENT, error=stopped)
        else:
            result, stopped, network = _send_line(store, client, panel, batch_id, line)
        results.append(result)
        done += 1
        if on_result is not None:
            on_result(done, sendable, result)
    return results, stopped, network


def _send_line(
    store: Store, client: Client, panel: Panel, batch_id: int, line: CheckedLine
) -> tuple[LineResult, str | None, bool]:
    """(the line's result, why the batch must stop or None, whether the panel was unreachable)"""
    assert line.service is not None
    recorded: list[int] = []

    def attach(row: TrackedOrder) -> None:
        recorded.append(row.id)
        store.attach_batch_order(batch_id, line.number, row.id)

    try:
        row = place_order(store, client, panel, line.service, line.values, on_recorded=attach)
    except UnknownOutcomeError as exc:
        return LineResult(line, UNKNOWN, None, _first(recorded), str(exc)), None, False
    except (InsufficientFundsError, InvalidKeyError, RateLimitedError) as exc:
        text = f"The panel refused: {exc}"
        return LineResult(line, REJECTED, None, _first(recorded), str(exc)), text, False
    except PanelError as exc:
        return LineResult(line, REJECTED, None, _first(recorded), str(exc)), None, False
    except (NetworkError, ConfigError) as exc:
        text = f"Not sent: {exc}"
        return LineResult(line, NOT_SENT, None, _first(recorded), text), text, True
    except KeyboardInterrupt:
        state = UNKNOWN if recorded else NOT_SENT
        text = "Interrupted while sending" if recorded else "Interrupted"
        return LineResult(line, state, None, _first(recorded), text), "Interrupted", False
    return LineResult(line, PLACED, row.order, row.id), None, False


def _first(ids: list[int]) -> int | None:
    return ids[0] if ids else None
