"""An unexpected exception shows a dialog with the log path, is logged, and never leaks the key."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from smpanel_desktop.crash_dialog import OBJECT_NAME, install_excepthook
from smpanel_desktop.logging_setup import register_secret, setup_logging

KEY = "c0ffeec0ffeec0ffee0123456789abcd"


@pytest.fixture
def log_path(tmp_path: Path, clean_logging: None) -> Iterator[Path]:
    hooks = sys.excepthook, threading.excepthook
    path = setup_logging(tmp_path / "logs")
    register_secret(KEY)
    try:
        yield path
    finally:
        sys.excepthook, threading.excepthook = hooks
        for box in crash_dialogs():
            box.close()


def crash_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == OBJECT_NAME and w.isVisible()
    ]


def boom() -> None:
    raise ValueError(f"the panel said no to {KEY}")


def test_exception_in_a_slot_shows_the_dialog_with_the_log_path(
    qtbot: QtBot, log_path: Path
) -> None:
    install_excepthook(log_path)  # replaces pytest-qt's capture hook for this test
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(crash_dialogs()) == 1)
    box = crash_dialogs()[0]
    assert str(log_path) in box.informativeText()
    assert "ValueError: the panel said no to ***" in box.informativeText()
    assert KEY not in box.informativeText() + box.detailedText()
    log_text = log_path.read_text(encoding="utf-8")
    assert "unexpected error" in log_text and "Traceback" in log_text and "boom" in log_text
    assert KEY not in log_text


def test_exception_in_another_thread_reaches_the_gui_thread(qtbot: QtBot, log_path: Path) -> None:
    install_excepthook(log_path)
    worker = threading.Thread(target=boom, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(crash_dialogs()) == 1)
    assert "ValueError" in crash_dialogs()[0].informativeText()
    assert "worker" in log_path.read_text(encoding="utf-8")


def test_a_burst_of_errors_shows_one_dialog_and_logs_them_all(qtbot: QtBot, log_path: Path) -> None:
    reporter = install_excepthook(log_path)
    delivered: list[object] = []  # queued after the dialog's slot: counts its deliveries
    reporter.crashed.connect(lambda *a: delivered.append(a), Qt.ConnectionType.QueuedConnection)
    for _ in range(5):
        try:
            boom()
        except ValueError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(delivered) == 5)  # every report has reached the dialog's slot
    assert len(crash_dialogs()) == 1
    assert log_path.read_text(encoding="utf-8").count("unexpected error") == 5
    crash_dialogs()[0].close()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    boom_reported = sys.excepthook
    try:
        boom()
    except ValueError:
        boom_reported(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(crash_dialogs()) == 1)  # once closed, the next error shows again
