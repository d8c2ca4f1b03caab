"""Refreshing the Orders tab: the Refresh button, the auto-refresh timer, progress, summary.

Open orders are polled by a GUI-thread ``QTimer`` that skips a tick while a refresh is in
flight; final orders are never polled (``refresh_orders`` asks only for open ones).  The
refresh itself runs on the worker (``orders_tasks.refresh``); its progress comes back through
a queued relay and its summary lands in the tab's message line.

``OrdersRefreshing`` is mixed into ``OrdersTab``, whose widgets and snapshot handling it uses.
"""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from smpanel_desktop.ui.orders.tasks import ActionResult, refresh
from smpanel_desktop.ui.widgets.formatting import format_int

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSpinBox

    from smpanel_desktop.ui.context import AppContext
    from smpanel_desktop.ui.orders.model import OrdersModel
    from smpanel_desktop.ui.orders.tasks import OrdersSnapshot

REFRESH_SETTING = "orders_refresh_seconds"
DEFAULT_REFRESH_SECONDS = 60
PROGRESS_THRESHOLD = 200  # orders: show a progress bar for refreshes at least this big


class RefreshTexts(QObject):
    """The refresh summaries: plural forms need a QObject's ``tr`` (lupdate marks only those
    as plurals), and ``OrdersRefreshing`` is a mixin whose ``tr`` would use the tab's name."""

    def checked(self, checked: int, changed: int, errors: int) -> str:
        text = self.tr("Checked %Ln open order(s): {changed} changed", "", checked).format(
            changed=format_int(changed)
        )
        if errors:
            text += self.tr(", {errors} with errors").format(errors=format_int(errors))
        return text + "."

    def stopped(self, checked: int, failure: str) -> str:
        return self.tr("Refresh stopped after %Ln order(s): {error}", "", checked).format(
            error=failure
        )


class _ProgressRelay(QObject):
    """Carries ``progress(done, total)`` from the worker thread to the GUI thread (queued)."""

    progressed = Signal(int, int)


class OrdersRefreshing:
    """Refresh on demand and on a timer, one at a time; ``refresh()`` and ``refreshing``."""

    if TYPE_CHECKING:  # provided by OrdersTab
        ctx: AppContext
        model: OrdersModel
        message: QLabel
        interval: QSpinBox
        progress: QProgressBar
        refresh_button: QPushButton
        refreshFinished: SignalInstance

        def _apply_snapshot(self, snapshot: OrdersSnapshot) -> None: ...
        def notify_changed(self) -> None: ...

    def _init_refresh(self) -> None:
        """Create the relay and timer, wire the controls, start the saved interval."""
        owner = cast(QObject, self)
        self._refreshing = False
        self.last_refresh: float | None = None
        self._relay = _ProgressRelay(owner)
        self._relay.progressed.connect(self._on_progress)
        self.timer = QTimer(owner)
        self.timer.setObjectName("ordersAutoRefreshTimer")
        self.timer.timeout.connect(self._on_tick)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.interval.valueChanged.connect(self._on_interval)
        self.interval.setValue(self._saved_interval())
        self._on_interval(self.interval.value())

    @property
    def refreshing(self) -> bool:
        return self._refreshing

    def _saved_interval(self) -> int:
        raw = self.ctx.store.get_setting(REFRESH_SETTING)
        try:
            return max(0, min(3600, int(raw))) if raw is not None else DEFAULT_REFRESH_SECONDS
        except ValueError:
            return DEFAULT_REFRESH_SECONDS

    def _on_interval(self, seconds: int) -> None:
        if seconds > 0:
            self.timer.start(seconds * 1000)
        else:
            self.timer.stop()
        if seconds != self._saved_interval():  # written by the worker: the GUI never waits
            self.ctx.run(partial(self.ctx.store.set_setting, REFRESH_SETTING, str(seconds)))

    def _on_tick(self) -> None:
        if self._refreshing or self.ctx.client is None:
            return  # skip this tick: one refresh at a time
        if self.model.has_open_work():
            self.refresh(quiet=True)

    def refresh(self, quiet: bool = False) -> bool:
        """Poll the open orders through the worker; False when one is already in flight."""
        ctx = self.ctx
        if self._refreshing:
            return False
        if ctx.client is None or ctx.panel is None:
            self.message.setText(
                QCoreApplication.translate("OrdersTab", "Not connected to a panel: cannot refresh.")
            )
            return False
        self._refreshing = True
        self.refresh_button.setEnabled(False)
        self.refresh_button.setText(QCoreApplication.translate("OrdersTab", "Refreshing…"))
        if not quiet:
            self.message.setText(QCoreApplication.translate("OrdersTab", "Refreshing open orders…"))
        task = partial(
            refresh, ctx.store, ctx.client, ctx.panel, self._relay.progressed.emit,
            ctx.client_factory,
        )  # fmt: skip
        ctx.run(task, self._on_refreshed, self._on_refresh_failed)
        return True

    def _on_progress(self, done: int, total: int) -> None:
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
        self.refresh_button.setEnabled(True)
        self.refresh_button.setText(QCoreApplication.translate("OrdersTab", "&Refresh"))

    def _on_refreshed(self, result: ActionResult) -> None:
        self._end_refresh()
        self.last_refresh = time.time()
        self._apply_snapshot(result.snapshot)
        summary = result.value
        if result.error is not None:
            self.message.setText(
                QCoreApplication.translate("OrdersTab", "Refresh failed: {error}").format(
                    error=result.error
                )
            )
        elif summary is not None and summary.failure is not None:
            self.message.setText(RefreshTexts().stopped(summary.checked, str(summary.failure)))
        elif summary is not None:
            texts = RefreshTexts()
            self.message.setText(texts.checked(summary.checked, summary.changed, summary.errors))
        self.notify_changed()
        self.refreshFinished.emit(result)

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self._end_refresh()
        self.message.setText(
            QCoreApplication.translate("OrdersTab", "Refresh failed: {error}").format(error=exc)
        )
