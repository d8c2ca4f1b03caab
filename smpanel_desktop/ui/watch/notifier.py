"""Notifications: after what refresh fetched (orders, refills, catalog, balance), the new events
(core/watch/events.py, each announced once, across restarts too) become a few grouped messages
("12 orders completed, 1 partial") for the tray, or the status bar when there is no tray.

Collecting runs on the worker (store reads and the write of what was announced); the GUI thread
only formats and shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from smpanel_desktop.core.watch import events as ev
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.watch.changes import side_text
from smpanel_desktop.ui.widgets.plurals import plurals

log = logging.getLogger(__name__)
Deliver = Callable[[str, str], None]
DEBOUNCE_MS = 500


def _finished_text(events: Sequence[ev.Event]) -> str:
    counts = ev.finished_counts(events)
    parts = []
    done = counts.pop("completed", 0)
    if done:
        text = plurals().orders_completed(done)
        parts.append(text)
    partial = counts.pop("partial", 0)
    if partial:
        text = plurals().partial(partial)
        parts.append(text)
    canceled = counts.pop("canceled", 0)
    if canceled:
        text = plurals().canceled(canceled)
        parts.append(text)
    parts += [f"{n} {status}" for status, n in sorted(counts.items())]
    if not done:
        parts[0] = QCoreApplication.translate("Notifier", "Orders finished: {0}").format(parts[0])
    return ", ".join(parts)


def _refill_text(events: Sequence[ev.Event]) -> str:
    done = sum(1 for e in events if e.status.strip().casefold() == "completed")
    text = plurals().refills_finished(len(events))
    if done != len(events):
        text += (
            " · " + plurals().completed(done) + ", " + plurals().not_completed(len(events) - done)
        )
    return text


def _stuck_text(events: Sequence[ev.Event]) -> str:
    if len(events) == 1:
        return QCoreApplication.translate(
            "Notifier", "Order {0} is stuck: no progress for hours"
        ).format(events[0].subject)
    return plurals().orders_stuck(len(events))


def _service_text(e: ev.Event) -> str:
    if e.status == "removed":
        return QCoreApplication.translate(
            "Notifier", "Service {0} is gone from the catalog: {1}"
        ).format(e.subject, e.name)
    return QCoreApplication.translate(
        "Notifier", "Service {0} changed its price: {1} → {2} ({3})"
    ).format(e.subject, side_text(e.old), side_text(e.new), e.name)


def describe(events: Sequence[ev.Event], currency: str = "") -> list[tuple[str, str]]:
    """``(title, text)`` messages for new events, one per kind (grouped)."""
    by_kind: dict[str, list[ev.Event]] = {}
    for e in events:
        by_kind.setdefault(e.kind, []).append(e)
    out = []
    if ev.FINISHED in by_kind:
        out.append(
            (
                QCoreApplication.translate("Notifier", "Orders finished"),
                _finished_text(by_kind[ev.FINISHED]),
            )
        )
    if ev.REFILL in by_kind:
        out.append(
            (
                QCoreApplication.translate("Notifier", "Refills finished"),
                _refill_text(by_kind[ev.REFILL]),
            )
        )
    if ev.STUCK in by_kind:
        out.append(
            (QCoreApplication.translate("Notifier", "Stuck orders"), _stuck_text(by_kind[ev.STUCK]))
        )
    for e in by_kind.get(ev.BALANCE, []):
        text = QCoreApplication.translate("Notifier", "Balance of {0}: {1} {3}, below {2} {3}")
        out.append(
            (
                QCoreApplication.translate("Notifier", "Low balance"),
                text.format(e.name, e.new, e.old, currency).strip(),
            )
        )
    changes = by_kind.get(ev.SERVICE, [])
    if len(changes) == 1:
        out.append(
            (
                QCoreApplication.translate("Notifier", "A service you use changed"),
                _service_text(changes[0]),
            )
        )
    elif changes:
        text = "; ".join(_service_text(e) for e in changes[:3]) + ("…" if len(changes) > 3 else "")
        out.append(
            (
                plurals().services_changed(len(changes)),
                text,
            )
        )
    return out


class Notifier(QObject):
    """Contract: ``Notifier(ctx, deliver, starred=tuple)``; ``deliver(title, text)`` shows one
    message (tray balloon or status bar); ``notified`` follows every message shown."""

    notified = Signal(str, str)

    def __init__(
        self, ctx: AppContext, deliver: Deliver, starred: Callable[[], Iterable[int]] = tuple,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.deliver, self.starred = ctx, deliver, starred
        self.shown: list[tuple[str, str]] = []
        self._busy = False
        self._again = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.collect)
        for signal in (ctx.ordersChanged, ctx.catalogChanged, ctx.balanceChanged):
            signal.connect(self.schedule)

    def schedule(self, *_args: object) -> None:
        """Collect soon (several changes in a row make one look)."""
        self._timer.start()

    def collect(self) -> None:
        panel = self.ctx.panel
        if panel is None or not self.ctx.store_is_open:
            return
        if self._busy:  # one look at a time; one more after it
            self._again = True
            return
        self._busy = True
        balance = self.ctx.balance.amount if self.ctx.balance is not None else None
        task = partial(
            ev.collect_events, self.ctx.store, panel, balance=balance, starred=tuple(self.starred())
        )
        if not self.ctx.run(task, self._collected, self._failed, owner=self):
            self._busy = False  # quitting: the runner takes no more tasks

    def _collected(self, events: list[ev.Event]) -> None:
        self._finish()
        for title, text in describe(events, self.ctx.currency):
            self.shown.append((title, text))
            self.deliver(title, text)
            self.notified.emit(title, text)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        log.warning("could not collect notifications: %s", exc)

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.schedule()
