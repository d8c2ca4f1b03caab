"""Run Qt-free callables on worker ``QThread``s and hand results back on the GUI thread.

The GUI prepares a plain callable (closing over immutable values), ``submit``s it, and gets
``on_done(value)`` or ``on_error(exception)`` called later on the GUI thread.  The worker never
touches a widget.  A result nobody should see any more is dropped without a callback: its
``owner`` widget was destroyed, or its ``current`` check (a ``Generation`` guard: the panel or
the request it was for has been replaced) says it is stale.  A queued task whose ``current``
check is already False when its turn comes is not run at all (give ``current`` only to reads
and to work that may be skipped).

Tasks run one at a time, in order, within a *lane*; each lane is its own ``QThread``.  Reads and
refreshes share the default lane; placing an order has a lane of its own, so an order never waits
behind a long refresh.

Quitting (``shutdown``) stops taking tasks, drops queued ones, runs the abort hooks (the app's
closes the connections in flight, so a hung request fails at once and an order cut off that way
is recorded as unknown), then waits a bounded time.  Qt aborts the process when a running
``QThread`` is destroyed, so a lane still busy after that (a task that cannot be interrupted) is
never destroyed: it is kept, and the process leaves through ``os._exit`` once the interpreter
starts to exit, after the standard streams and the log are flushed.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import logging
import os
import sys
import time
from _queue import Empty, SimpleQueue  # the queue module's own, without its pure-Python rest
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]

DEFAULT_LANE = "panel"
ORDERS_LANE = "orders"
_STOP = None
_left_running: list[QThread] = []  # lanes busy at shutdown: never destroyed (see the docstring)


class Generation:
    """A counter for dropping stale answers: ``guard()`` before submitting, ``bump()`` when what
    the task was for is replaced (another panel, a newer request); the guard then says False."""

    def __init__(self) -> None:
        self.value = 0

    def bump(self) -> None:
        self.value += 1

    def guard(self) -> Callable[[], bool]:
        value = self.value
        return lambda: self.value == value


class _Task:
    """A submitted task's callbacks and what says whether its answer is still wanted (a plain
    class: ``dataclasses`` is not imported before the first paint for it)."""

    __slots__ = ("current", "on_done", "on_error", "on_progress", "owner")

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: ErrorCallback | None,
        on_progress: ProgressCallback | None,
        owner: QObject | None,
        current: Callable[[], bool] | None,
    ) -> None:
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.owner, self.current = owner, current

    def wanted(self) -> bool:
        if self.owner is not None and not shiboken6.isValid(self.owner):
            return False  # the widget that asked is gone
        return self.current is None or self.current()


class _Lane(QThread):
    """One worker thread running queued tasks in order."""

    def __init__(self, name: str, deliver: Callable[[int, bool, Any], None]) -> None:
        super().__init__()
        self.setObjectName(f"{name}-worker")
        self.tasks: SimpleQueue[tuple[int, Callable[[], Any], Callable[[], bool] | None] | None] = (
            SimpleQueue()
        )
        self._deliver = deliver
        self.start()

    def run(self) -> None:
        while (item := self.tasks.get()) is not _STOP:
            task_id, fn, current = item
            try:
                # an answer already stale when its turn comes would be dropped: not worked for
                ok, value = True, (fn() if current is None or current() else None)
            except BaseException as exc:  # handed to the GUI thread, never lost
                ok, value = False, exc
            try:
                self._deliver(task_id, ok, value)
            except RuntimeError:  # the runner is gone: the app is quitting
                return


class TaskRunner(QObject):
    """Background executor owned by the GUI thread: one serial lane per kind of work."""

    _finished = Signal(object, bool, object)  # task id, ok, value or exception (queued)
    _progressed = Signal(object, int, int)  # task id, done, total (queued)
    busyChanged = Signal(bool)
    taskFinished = Signal(object)  # task id, emitted on the GUI thread after the callback ran

    def __init__(self, parent: QObject | None = None, name: str = DEFAULT_LANE) -> None:
        super().__init__(parent)
        self._name = name
        self._ids = itertools.count(1)
        self._pending: dict[int, _Task] = {}
        self._lanes: dict[str, _Lane] = {}
        self._abort_hooks: list[Callable[[], object]] = []
        self._closed = False
        self._finished.connect(self._on_finished)  # emitted from a lane: queued to this thread
        self._progressed.connect(self._on_progress)

    @property
    def busy(self) -> bool:
        """True while any task of any lane is queued, running, or waiting for its callback."""
        return bool(self._pending)

    @property
    def lanes(self) -> tuple[str, ...]:
        """The lanes started so far (each is a thread of its own)."""
        return tuple(self._lanes)

    def pending_count(self) -> int:
        return len(self._pending)

    def on_shutdown(self, abort: Callable[[], object]) -> None:
        """Call ``abort`` (from the GUI thread) when shutting down, before waiting for the
        lanes: it should make running tasks end soon (e.g. close connections in flight)."""
        self._abort_hooks.append(abort)

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
        *,
        lane: str = DEFAULT_LANE,
        owner: QObject | None = None,
        current: Callable[[], bool] | None = None,
    ) -> int:
        """Queue ``fn`` on ``lane``'s thread; the callbacks run later on the GUI thread, unless
        ``owner`` has been destroyed or ``current()`` is False by then.  Returns the task's id;
        after ``shutdown`` nothing is queued (0)."""
        return self._queue(fn, _Task(on_done, on_error, None, owner, current), lane)

    def submit_with_progress(
        self,
        fn: Callable[[ProgressCallback], T],
        on_progress: ProgressCallback,
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
        *,
        lane: str = DEFAULT_LANE,
        owner: QObject | None = None,
        current: Callable[[], bool] | None = None,
    ) -> int:
        """Like ``submit``; ``fn`` gets a ``report(done, total)`` it may call from the worker,
        and ``on_progress(done, total)`` follows on the GUI thread."""
        task = _Task(on_done, on_error, on_progress, owner, current)
        task_id = next(self._ids)
        emit = self._progressed.emit

        def report(done: int, total: int) -> None:
            emit(task_id, done, total)

        return self._queue(lambda: fn(report), task, lane, task_id)

    def _queue(
        self, fn: Callable[[], Any], task: _Task, lane: str, task_id: int | None = None
    ) -> int:
        if self._closed:  # quitting: a late timer or click starts nothing
            log.debug("task refused: the task runner has been shut down")
            return 0
        task_id = next(self._ids) if task_id is None else task_id
        was_busy = self.busy
        self._pending[task_id] = task
        if not was_busy:
            self.busyChanged.emit(True)
        worker = self._lanes.get(lane)
        if worker is None:
            name = self._name if lane == DEFAULT_LANE else f"{self._name}-{lane}"
            worker = self._lanes[lane] = _Lane(name, self._finished.emit)
        worker.tasks.put((task_id, fn, task.current))
        return task_id

    @Slot(object, int, int)
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        task = self._pending.get(task_id)
        if task is not None and task.on_progress is not None and task.wanted():
            task.on_progress(done, total)

    @Slot(object, bool, object)
    def _on_finished(self, task_id: int, ok: bool, value: Any) -> None:
        task = self._pending.pop(task_id, None)
        if task is None:
            return  # dropped at shutdown
        try:
            if not task.wanted():
                log.debug("task %s: result dropped (its owner or request is gone)", task_id)
            elif ok:
                if task.on_done is not None:
                    task.on_done(value)
            elif task.on_error is not None:
                task.on_error(value)
            else:
                log.error("background task failed: %s", value, exc_info=value)
        finally:
            if not self._pending:
                self.busyChanged.emit(False)
            self.taskFinished.emit(task_id)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop every lane after its running task; queued tasks and callbacks are dropped.

        Runs the abort hooks, then waits up to ``timeout_ms`` in all.  Returns True when every
        lane stopped; a lane still running is kept alive until the process exits.
        """
        if self._closed:
            return not any(lane.isRunning() for lane in self._lanes.values())
        self._closed = True
        self._pending.clear()
        for worker in self._lanes.values():
            while True:  # drop what has not started
                try:
                    worker.tasks.get_nowait()
                except Empty:
                    break
            worker.tasks.put(_STOP)
        for abort in self._abort_hooks:
            try:
                abort()
            except Exception:  # quitting goes on
                log.exception("abort hook failed at shutdown")
        deadline = time.monotonic() + timeout_ms / 1000
        stopped = True
        for worker in self._lanes.values():
            left = max(int((deadline - time.monotonic()) * 1000), 0)
            if not worker.wait(left):
                stopped = False
                log.warning("%s busy at shutdown: kept until the app exits", worker.objectName())
                _keep_until_exit(worker)
        return stopped


def _keep_until_exit(lane: QThread) -> None:
    if not _left_running:
        atexit.register(_exit_now)  # runs before PySide's own clean-up would destroy it
    _left_running.append(lane)


def _exit_now() -> None:
    """The interpreter is exiting while a lane still runs: flush and leave without destroying
    it (Qt would abort the process)."""
    if not any(lane.isRunning() for lane in _left_running):
        return
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):  # a closed or broken stream
                stream.flush()
    os._exit(0)
