"""``--self-test`` from the source tree: what it reports, and that it fails when it should."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from smpanel_desktop import __version__, selftest
from smpanel_desktop.app import main
from smpanel_desktop.ui.widgets import first_paint


def test_self_test_passes_and_reports_what_it_found(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert f"smpanel-desktop {__version__} (source)" in out
    assert "Qt 6." in out and "PySide6 6." in out
    assert "MemoryKeyring" in out  # the test suite's keyring, as the app sees it
    assert f"data folder:  {os.environ['SMPANEL_DATA_DIR']}" in out
    assert f"log folder:   {os.environ['SMPANEL_LOG_DIR']}" in out
    assert " services, balance 1000" in out
    assert "window shown and closed, icon ok" in out
    assert out.rstrip().endswith("self-test passed")


def test_expecting_a_backend_that_is_not_there_fails_with_the_reason(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    assert selftest.run(["--expect-keyring", "SecretService", "--output", str(report)]) == 1
    out = capsys.readouterr().out
    assert "keyring:      FAILED RuntimeError: expected a SecretService backend" in out
    assert "self-test FAILED (1):" in out
    assert report.read_text(encoding="utf-8") == out  # the file gets the same report


def test_expected_backend_is_exercised_with_a_throwaway_entry(
    qapp: QApplication,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: object,
) -> None:
    assert selftest.run(["--expect-keyring=memory"]) == 0
    assert "store/read/delete ok" in capsys.readouterr().out
    assert getattr(memory_keyring, "entries", None) == {}  # nothing left behind


def test_exit_after_show_is_inert_without_the_variable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(first_paint.EXIT_AFTER_SHOW_ENV, raising=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    before = window.findChildren(QObject)
    first_paint.arm_exit_after_show(window)
    assert window.findChildren(QObject) == before


def test_exit_after_show_prints_the_first_paint_time_and_quits(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "from smpanel_desktop.ui.widgets.first_paint import arm_exit_after_show\n"
        "app = QApplication(sys.argv)\n"
        "w = QLabel('hi'); w.show(); arm_exit_after_show(w)\n"
        "sys.exit(app.exec())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SMPANEL_EXIT_AFTER_SHOW="1")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    marker, stamp, cpu = done.stdout.split()
    assert marker == first_paint.SHOWN_MARKER
    assert float(stamp) > 1e9
    assert 0 < float(cpu) < 60
