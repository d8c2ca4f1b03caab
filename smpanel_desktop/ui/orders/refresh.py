"""Refreshing the Orders tab: the Refresh button, the auto-refresh timer, progress, summary.

Open orders are polled by a GUI-thread ``QTimer`` that skips a tick while a refresh is in
flight; final orders are never polled (``refresh_orders`` asks only for open ones).  The
refresh itself runs on the worker (``tasks.refresh``); its progress comes back through the task
runner and its summary as the ``message`` signal.

``OrdersRefresher`` receives what it works with (the context, its three controls, a question
about the rows) and talks to the tab by signals.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QSpinBox

from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.orders.tasks import ActionResult, refresh
from smpanel_desktop.ui.widgets.formatting import format_int

REFRESH_SETTING = "orders_refresh_seconds"
DEFAULT_REFRESH_SECONDS = 60
PROGRESS_THRESHOLD = 200  # orders: show a progress bar for refreshes at least this big


def saved_interval(raw: str | None) -> int:
    """The auto-refresh interval stored as ``raw`` (seconds, 0 = off), clamped."""
    try:
        return max(0, min(3600, int(raw))) if raw is not None else DEFAULT_REFRESH_SECONDS
    except ValueError:
        return DEFAULT_REFRESH_SECONDS


class OrdersRefresher(QObject):
    """Refresh on demand and on a timer, one at a time; ``refresh()`` and ``refreshing``."""

    progressed = Signal(int, int)  # done, total (GUI thread)
    message = Signal(str)  # what to tell the user while refreshing or when it failed
    finished = Signal(object, str)  # ActionResult (the rows to show), what to tell the user

    def __init__(
        self,
        ctx: AppContext,
        interval: QSpinBox,
        button: QPushButton,
        progress: QProgressBar,
        has_open_work: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interval, self.button, self.progress = interval, button, progress
        self._has_open_work = has_open_work
        self._refreshing = False
        self.last_refresh: float | None = None
        self._saved: int | None = None  # the interval the store holds, once known
        self._user_set = False
        self.timer = QTimer(self)
        self.timer.setObjectName("ordersAutoRefreshTimer")
        self.timer.timeout.connect(self._on_tick)
        self.progressed.connect(self._show_progress)
        button.clicked.connect(lambda: self.refresh())
        interval.valueChanged.connect(self._on_interval)
        self.load_interval()

    @property
    def refreshing(self) -> bool:
        return self._refreshing

    def load_interval(self) -> None:
        """Start with the default interval; the saved one is read on the worker and applied
        unless the user has changed the interval meanwhile."""
        with QSignalBlocker(self.interval):
            self.interval.setValue(DEFAULT_REFRESH_SECONDS)
        self._run_timer(DEFAULT_REFRESH_SECONDS)
        read = partial(self.ctx.store.get_setting, REFRESH_SETTING)
        self.ctx.run(read, self._stored_interval, owner=self)

    def _stored_interval(self, raw: str | None) -> None:
        if self._user_set:  # the user's choice wins (and is being saved)
            return
        self._saved = saved_interval(raw)
        with QSignalBlocker(self.interval):
            self.interval.setValue(self._saved)
        self._run_timer(self.interval.value())

    def _run_timer(self, seconds: int) -> None:
        if seconds > 0:
            self.timer.start(seconds * 1000)
        else:
            self.timer.stop()

    def _on_interval(self, seconds: int) -> None:
        self._user_set = True
        self._run_timer(seconds)
        if seconds != self._saved:  # written by the worker: the GUI never waits
            self._saved = seconds
            self.ctx.run(partial(self.ctx.store.set_setting, REFRESH_SETTING, str(seconds)))

    def _on_tick(self) -> None:
        if self._refreshing or self.ctx.client is None:
            return  # skip this tick: one refresh at a time
        if self._has_open_work():
            self.refresh(quiet=True)

    def refresh(self, quiet: bool = False) -> bool:
        """Poll the open orders through the worker; False when one is already in flight."""
        ctx = self.ctx
        if self._refreshing:
            return False
        if ctx.client is None or ctx.panel is None:
            self.message.emit(self.tr("Not connected to a panel: cannot refresh."))
            return False
        self._refreshing = True
        self.button.setEnabled(False)
        self.button.setText(self.tr("Refreshing…"))
        if not quiet:
            self.message.emit(self.tr("Refreshing open orders…"))
        store, client, panel, factory = ctx.store, ctx.client, ctx.panel, ctx.client_factory

        def work(report: Callable[[int, int], None]) -> ActionResult:
            return refresh(store, client, panel, report, factory)

        ctx.runner.submit_with_progress(
            work, self.progressed.emit, self._on_refreshed, self._on_refresh_failed, owner=self
        )
        return True

    def _show_progress(self, done: int, total: int) -> None:
        if total >= PROGRESS_THRESHOLD and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{format_int(done)} / {format_int(total)}")
            self.progress.show()
        else:
            self.progress.hide()

    def _end_refresh(self) -> None:
        self._refreshing = False
        self.progress.hide()
        self.button.setEnabled(True)
        self.button.setText(self.tr("&Refresh"))

    def _on_refreshed(self, result: ActionResult) -> None:
        self._end_refresh()
        self.last_refresh = time.time()
        summary = result.value
        text = ""
        if result.error is not None:
            text = self.tr("Refresh failed: {error}").format(error=result.error)
        elif summary is not None and summary.failure is not None:
            text = self.tr("Refresh stopped after %Ln order(s): {error}", "", summary.checked)
            text = text.format(error=summary.failure)
        elif summary is not None:
            text = self.tr("Checked %Ln open order(s): {changed} changed", "", summary.checked)
            text = text.format(changed=format_int(summary.changed))
            if summary.errors:
                text += self.tr(", {errors} with errors").format(errors=format_int(summary.errors))
            text += "."
        self.finished.emit(result, text)

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self._end_refresh()
        self.message.emit(self.tr("Refresh failed: {error}").format(error=exc))
