"""Fixtures of the fault suite: the figures it reports, the whole GUI on a sandbox, a store.

Every test here is marked ``reliability`` (``pytest -m reliability`` runs them alone); the
figures they record (counts, times, RSS) are printed at the end of the run, which is where
the README's Reliability section takes them from.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

FIGURES: list[tuple[str, str, object]] = []


@pytest.fixture
def figures() -> Callable[[str, str, object], None]:
    """``figures(section, what, value)``: a figure for the end-of-run report."""

    def record(section: str, what: str, value: object) -> None:
        FIGURES.append((section, what, value))

    return record


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    section = None
    for name, what, value in FIGURES:
        if name != section:
            terminalreporter.write_line(f"[{name}]")
            section = name
        terminalreporter.write_line(f"  {what}: {value}")


@pytest.fixture
def make_app(qtbot: QtBot) -> Iterator[Callable[..., Any]]:
    """The real desktop app (``DesktopApp``: window, worker thread, store, session) opened on
    ``api_url``; shut down after the test.  Like tests/ui's ``make_gui``, which is not visible
    from this folder."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from smpanel_desktop.app import DesktopApp

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    made: list[Any] = []

    def build(api_url: str) -> Any:
        gui = DesktopApp(argparse.Namespace(api_url=api_url, data_dir=None, demo=False))
        made.append(gui)
        qtbot.addWidget(gui.window)
        gui.start()
        qtbot.waitExposed(gui.window)
        qtbot.waitUntil(lambda: getattr(gui.window, "tabs_built", True))  # tabs may come later
        return gui

    yield build
    for gui in made:
        for widget in QApplication.topLevelWidgets():
            if widget.parentWidget() is gui.window:
                widget.close()
        gui.window.close()
        gui.shutdown()
    QLocale.setDefault(previous)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "reliability.sqlite3"
