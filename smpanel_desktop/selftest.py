"""``smpanel-desktop --self-test``: prove a build works, without a display or a panel.

Prints the version, Python and Qt versions, the keyring backend, the data and log folders; checks
the TLS certificates and SQLite; starts the built-in sandbox panel and fetches its services and
balance through the real client; opens a Qt window (offscreen unless ``QT_QPA_PLATFORM`` says
otherwise) to prove the Qt plugins and the icon load.  Exit 0 when every check passes, 1 with the
reasons otherwise.  Options:

  --expect-keyring NAME  fail unless the keyring backend's name contains NAME, then store, read and
                         delete a throwaway entry through it (proves the backend really works)
  --output FILE          also write the report to FILE (a windowed Windows build has no stdout)

The start-up probe of the benchmarks (``arm_exit_after_show``) is in ui/widgets/first_paint.py.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from smpanel_desktop.resources import app_icon_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

SELFTEST_SERVICE = "smpanel-desktop-selftest"


class _Report:
    def __init__(self, streams: list[TextIO]) -> None:
        self.streams = streams
        self.failures: list[str] = []

    def line(self, text: str) -> None:
        for stream in self.streams:
            print(text, file=stream, flush=True)

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            value = fn()
        except BaseException as exc:  # every failure is reported, none stops the others
            if isinstance(exc, KeyboardInterrupt):
                raise
            from smpanel_desktop.logging_setup import scrub

            reason = scrub(f"{type(exc).__name__}: {exc}")
            self.failures.append(f"{name}: {reason}")
            self.line(f"{name + ':':<14}FAILED {reason}")
        else:
            self.line(f"{name + ':':<14}{value}")


def _parse(argv: list[str]) -> tuple[str | None, str | None]:
    expect = output = None
    args = iter(argv)
    for arg in args:
        if arg == "--expect-keyring":
            expect = next(args, "")
        elif arg.startswith("--expect-keyring="):
            expect = arg.split("=", 1)[1]
        elif arg == "--output":
            output = next(args, "")
        elif arg.startswith("--output="):
            output = arg.split("=", 1)[1]
    return expect, output


def _stdout() -> TextIO | None:
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform == "win32":  # windowed build: borrow the parent's console if there is one
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # type: ignore[attr-defined]
            return open("CONOUT$", "w", encoding="utf-8")
    return None


def _keyring(expect: str | None) -> str:
    import keyring

    try:
        from smpanel_desktop.secrets import KeyStore

        name = str(KeyStore.backend_name())
    except ImportError:
        name = ""
    backend = keyring.get_keyring()
    described = f"{name} ({type(backend).__module__}.{type(backend).__name__})".strip()
    if expect is None:
        return described
    if expect.lower() not in described.lower():
        raise RuntimeError(f"expected a {expect} backend, found {described}")
    secret = f"selftest-{os.getpid()}-{time.time_ns()}"
    keyring.set_password(SELFTEST_SERVICE, "selftest", secret)
    try:
        if keyring.get_password(SELFTEST_SERVICE, "selftest") != secret:
            raise RuntimeError(f"{described} did not give back what was stored")
    finally:
        keyring.delete_password(SELFTEST_SERVICE, "selftest")
    return f"{described}, store/read/delete ok"


def _data_dir() -> str:
    from smpanel_desktop import paths

    return str(paths.data_dir())


def _log_dir() -> str:
    from smpanel_desktop import paths

    return str(paths.log_dir())


def _certificates() -> str:
    import ssl

    import certifi

    where = certifi.where()
    ssl.create_default_context(cafile=where)
    return where


def _sqlite() -> str:
    import sqlite3

    with sqlite3.connect(":memory:") as db:
        return str(db.execute("select sqlite_version()").fetchone()[0])


def _sandbox() -> str:
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.sandbox.server import SandboxPanel

    started = time.perf_counter()
    with SandboxPanel(services=500, seed=1) as panel:
        client = PanelClient(panel.url, panel.key, timeout=20.0, read_retries=1)
        try:
            catalog = client.services()
            balance = client.balance()
        finally:
            client.close()
    if not catalog.services:
        raise RuntimeError("the sandbox returned no services")
    elapsed = (time.perf_counter() - started) * 1000
    return (
        f"{len(catalog.services)} services, balance {balance.amount} {balance.currency} "
        f"({elapsed:.0f} ms)"
    )


def _qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    messages: list[str] = []  # platform chatter stays off the report, unless something fails

    def keep(kind: QtMsgType, _context: object, text: str) -> None:
        messages.append(text)
        if kind == QtMsgType.QtFatalMsg:  # Qt aborts right after this: say why first
            print(f"qt: {text}", file=sys.stderr, flush=True)

    previous = qInstallMessageHandler(keep)
    try:
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        return _show_window(app)
    except Exception as exc:
        if messages:
            raise RuntimeError(f"{exc} (Qt said: {' | '.join(messages[-3:])})") from exc
        raise
    finally:
        qInstallMessageHandler(previous)


def _show_window(app: QApplication) -> str:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QLabel, QMainWindow

    icon = QIcon(str(app_icon_path()))
    if icon.pixmap(64, 64).isNull():
        raise RuntimeError(f"cannot render the app icon {app_icon_path()} (SVG plugins missing?)")
    window = QMainWindow()
    window.setWindowTitle("smpanel-desktop self-test")
    window.setWindowIcon(icon)
    window.setCentralWidget(QLabel("self-test"))
    window.resize(320, 200)
    window.show()
    handle = window.windowHandle()
    deadline = time.monotonic() + 5
    loop = QEventLoop()
    while not (handle is not None and handle.isExposed()) and time.monotonic() < deadline:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    try:
        if handle is None or not handle.isExposed():
            raise RuntimeError(f"the window was never exposed by the {app.platformName()} platform")
        if window.grab().isNull():
            raise RuntimeError("the window could not be rendered")
    finally:
        window.close()
    return f"platform {app.platformName()}, window shown and closed, icon ok"


def run(argv: list[str] | None = None) -> int:
    """Run every check, print the report, return the exit code (0 = all passed)."""
    args = list(sys.argv[1:] if argv is None else argv)
    expect, output = _parse(args)
    out = _stdout()
    streams: list[TextIO] = [s for s in [out] if s is not None]
    report_file = open(output, "w", encoding="utf-8") if output else None  # noqa: SIM115
    if report_file is not None:
        streams.append(report_file)
    report = _Report(streams)
    try:
        import platform

        import PySide6
        from PySide6 import QtCore

        from smpanel_desktop import __version__

        frozen = "frozen" if getattr(sys, "frozen", False) else "source"
        report.line(f"{'version:':<14}smpanel-desktop {__version__} ({frozen})")
        report.line(f"{'python:':<14}{platform.python_version()} on {platform.platform()}")
        report.line(f"{'qt:':<14}Qt {QtCore.qVersion()}, PySide6 {PySide6.__version__}")
        report.check("keyring", lambda: _keyring(expect))
        report.check("data folder", _data_dir)
        report.check("log folder", _log_dir)
        report.check("certificates", _certificates)
        report.check("sqlite", _sqlite)
        report.check("sandbox", _sandbox)
        report.check("qt window", _qt)
        if report.failures:
            report.line(f"self-test FAILED ({len(report.failures)}):")
            for failure in report.failures:
                report.line(f"  {failure}")
            return 1
        report.line("self-test passed")
        return 0
    finally:
        if report_file is not None:
            report_file.close()
