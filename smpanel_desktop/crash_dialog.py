"""Unexpected exceptions: logged, then shown in a dialog with the log's path; never a silent exit.

``install_excepthook(log_path)`` replaces ``sys.excepthook`` and ``threading.excepthook``.  An
exception that escapes a slot, a callback or a thread is written to the log (secrets scrubbed)
and a dialog tells the user what happened and where the log is, with a button to open the log
folder.  The app keeps running; the user may quit from the dialog.  Exceptions from other threads
are handed to the GUI thread through a queued signal.  Only one dialog is shown at a time.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from smpanel_desktop import APP_NAME
from smpanel_desktop.logging_setup import scrub

log = logging.getLogger(__name__)

OBJECT_NAME = "crashDialog"


def crash_text(exc: BaseException) -> str:
    """One line for the dialog: the exception's type and its (scrubbed) message."""
    message = scrub(str(exc)).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class CrashReporter(QObject):
    """Lives on the GUI thread; shows the dialog for exceptions reported from any thread."""

    crashed = Signal(str, str)  # summary, details (both scrubbed)

    def __init__(self, log_path: Path) -> None:
        super().__init__()
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        self.crashed.connect(self.show_dialog, Qt.ConnectionType.QueuedConnection)

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        details = scrub("".join(traceback.format_exception(exc_type, exc, tb)))
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            self.crashed.emit(crash_text(exc), details)
        else:  # no GUI (yet): the terminal is all there is
            print(f"{APP_NAME}: unexpected error, details in {self.log_path}", file=sys.stderr)

    @Slot(str, str)
    def show_dialog(self, summary: str, details: str) -> None:
        if self.dialog is not None:
            return  # one at a time; the rest are in the log
        box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME}: unexpected error", "")
        box.setObjectName(OBJECT_NAME)
        box.setText(
            f"{APP_NAME} hit an error it did not expect. You can keep working, or quit and "
            "start it again."
        )
        box.setInformativeText(f"{summary}\n\nThe details are in the log file:\n{self.log_path}")
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_folder = box.addButton("Open log folder", QMessageBox.ButtonRole.ActionRole)
        quit_button = box.addButton("Quit", QMessageBox.ButtonRole.DestructiveRole)
        keep_going = box.addButton("Continue", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep_going)
        box.setEscapeButton(keep_going)  # without one, Esc and the close button do nothing
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: object) -> None:
            if button is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
            elif button is quit_button:
                QCoreApplication.exit(1)

        box.buttonClicked.connect(clicked)
        box.finished.connect(self._forget)
        self.dialog = box
        box.open()

    @Slot()
    def _forget(self) -> None:
        self.dialog = None


_reporter: CrashReporter | None = None


def install_excepthook(log_path: Path) -> CrashReporter:
    """Route uncaught exceptions (GUI thread and other threads) to the log and the dialog.

    Call on the GUI thread, once the log is set up.  Returns the reporter (tests use it).
    """
    global _reporter
    reporter = CrashReporter(Path(log_path))
    if QThread.currentThread() is not reporter.thread():  # pragma: no cover - defensive
        raise RuntimeError("install_excepthook must be called on the GUI thread")
    _reporter = reporter

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            reporter.report(exc_type, exc, tb)
        except Exception:  # the hook itself must never hide the original error
            sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return reporter
