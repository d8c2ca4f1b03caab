"""Run Qt-free callables on long-lived worker threads and hand results back on the GUI thread.

The GUI prepares a plain callable (closing over immutable values), ``submit``s it, and gets
``on_done(value)`` or ``on_error(exception)`` called later on the GUI thread.  The worker never
touches a widget.

Tasks run one at a time, in order, within a *lane*; each lane is its own thread.  Reads and
refreshes share the default lane; placing an order has a lane of its own, so an order never waits
behind a long refresh.

The lanes are daemon threads, not ``QThread``s, on purpose: a request still hanging on a slow panel
when the user quits must neither keep the app open nor abort it (Qt aborts the process when a
running ``QThread`` is destroyed).  Results cross back through a queued signal.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]

DEFAULT_LANE = "panel"
ORDERS_LANE = "orders"
_STOP = None


class _Lane:
    """One daemon thread running queued tasks in order."""

    def __init__(self, name: str, deliver: Callable[[int, bool, Any], None]) -> None:
        self.tasks: queue.SimpleQueue[tuple[int, Callable[[], Any]] | None] = queue.SimpleQueue()
        self._deliver = deliver
        self.thread = threading.Thread(target=self._loop, name=f"{name}-worker", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while (item := self.tasks.get()) is not _STOP:
            task_id, fn = item
            try:
                ok, value = True, fn()
            except BaseException as exc:  # handed to the GUI thread, never lost
                ok, value = False, exc
            try:
                self._deliver(task_id, ok, value)
            except RuntimeError:  # the runner is gone: the app is quitting
                return


class TaskRunner(QObject):
    """Background executor owned by the GUI thread: one serial lane per kind of work."""

    _finished = Signal(object, bool, object)  # task id, ok, value or exception (queued)
    busyChanged = Signal(bool)
    taskFinished = Signal(object)  # task id, emitted on the GUI thread after the callback ran

    def __init__(self, parent: QObject | None = None, name: str = DEFAULT_LANE) -> None:
        super().__init__(parent)
        self._name = name
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[DoneCallback | None, ErrorCallback | None]] = {}
        self._lanes: dict[str, _Lane] = {}
        self._closed = False
        self._finished.connect(self._on_finished)  # emitted from a lane: queued to this thread

    @property
    def busy(self) -> bool:
        """True while any task of any lane is queued, running, or waiting for its callback."""
        return bool(self._pending)

    def pending_count(self) -> int:
        return len(self._pending)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        lane: str = DEFAULT_LANE,
    ) -> int:
        """Queue ``fn`` on ``lane``'s thread; the callbacks run later on the GUI thread."""
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        task_id = next(self._ids)
        was_busy = self.busy
        self._pending[task_id] = (on_done, on_error)
        if not was_busy:
            self.busyChanged.emit(True)
        worker = self._lanes.get(lane)
        if worker is None:
            name = self._name if lane == DEFAULT_LANE else f"{self._name}-{lane}"
            worker = self._lanes[lane] = _Lane(name, self._finished.emit)
        worker.tasks.put((task_id, fn))
        return task_id

    @Slot(object, bool, object)
    def _on_finished(self, task_id: int, ok: bool, value: Any) -> None:
        if task_id not in self._pending:
            return  # dropped at shutdown
        on_done, on_error = self._pending.pop(task_id)
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

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop every lane after its running task; queued tasks and callbacks are dropped.

        Waits up to ``timeout_ms`` in all; a task still running after that (a request hanging on
        a slow panel) is left to end with the process.  Returns True when every lane stopped.
        """
        self._closed = True
        self._pending.clear()
        for worker in self._lanes.values():
            while True:  # drop what has not started
                try:
                    worker.tasks.get_nowait()
                except queue.Empty:
                    break
            worker.tasks.put(_STOP)
        deadline = time.monotonic() + timeout_ms / 1000
        stopped = True
        for worker in self._lanes.values():
            worker.thread.join(max(deadline - time.monotonic(), 0))
            if worker.thread.is_alive():
                stopped = False
                log.warning("%s busy at shutdown: left to end with the app", worker.thread.name)
        return stopped
