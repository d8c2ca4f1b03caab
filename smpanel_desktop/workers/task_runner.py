"""Run Qt-free callables on one long-lived worker thread and hand results back on the GUI thread.

The GUI prepares a plain callable (closing over immutable values), ``submit``s it, and gets
``on_done(value)`` or ``on_error(exception)`` called later on the GUI thread.  Tasks run one at a
time, in order.  The worker never touches a widget.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Worker(QObject):
    finished = Signal(object, bool, object)  # task id, ok, value or exception

    @Slot(object, object)
    def run(self, task_id: int, fn: Callable[[], Any]) -> None:
        try:
            value = fn()
        except BaseException as exc:  # handed to the GUI thread, never lost
            if not isinstance(exc, Exception):
                log.exception("task %s raised %s", task_id, type(exc).__name__)
            self.finished.emit(task_id, False, exc)
        else:
            self.finished.emit(task_id, True, value)


class TaskRunner(QObject):
    """A serial background executor owned by the GUI thread."""

    _request = Signal(object, object)
    busyChanged = Signal(bool)
    taskFinished = Signal(object)  # task id, emitted on the GUI thread after the callback ran

    def __init__(self, parent: QObject | None = None, name: str = "panel-worker") -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[DoneCallback | None, ErrorCallback | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)  # move before connecting
        self._request.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def pending_count(self) -> int:
        return len(self._pending)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> int:
        """Queue ``fn`` on the worker thread; callbacks run later on the GUI thread."""
        if not self._thread.isRunning():
            raise RuntimeError("the task runner has been shut down")
        task_id = next(self._ids)
        was_busy = self.busy
        self._pending[task_id] = (on_done, on_error)
        if not was_busy:
            self.busyChanged.emit(True)
        self._request.emit(task_id, fn)
        return task_id

    @Slot(object, bool, object)
    def _on_finished(self, task_id: int, ok: bool, value: Any) -> None:
        on_done, on_error = self._pending.pop(task_id, (None, None))
        try:
            if ok:
                if on_done is not None:
                    on_done(value)
            elif on_error is not None:
                on_error(value)
            else:
                log.error("background task failed: %s", value, exc_info=value)
        finally:
            if not self._pending:
                self.busyChanged.emit(False)
            self.taskFinished.emit(task_id)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop the thread after the running task; queued callbacks are dropped."""
        self._pending.clear()
        if self._thread.isRunning():
            self._thread.quit()
            if not self._thread.wait(timeout_ms):
                log.warning("worker thread %s still busy at shutdown", self._thread.objectName())
        self._worker.deleteLater()
