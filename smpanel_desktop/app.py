"""GUI start-up: ``main(argv=None) -> int``.

Builds the store, the worker thread, the context, the session and the window; opens the panel
to show (``--demo``, ``--api-url URL``, the last one used, or on a first start the demo panel
with the welcome dialog on top); runs the event loop; then stops the worker thread and the demo
sandbox and closes the store.  An existing ``QApplication`` is reused.

Start-up is ordered for a fast first paint: only what the window's frame needs (menus, tab
bar, status bar) is loaded before it shows.  On the event-loop turn after the first paint come
the log file and the crash dialog, the store, the tabs, then the first panel with the HTTP client
(requests), the keyring and (for the demo) the sandbox.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from smpanel_desktop import APP_NAME, __version__, paths
from smpanel_desktop.app_args import parse_args
from smpanel_desktop.secrets import KeyStore
from smpanel_desktop.ui import language
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.ui.main_window import MainWindow
from smpanel_desktop.ui.session import PanelSession
from smpanel_desktop.ui.settings import UiSettings
from smpanel_desktop.workers.task_runner import TaskRunner

if TYPE_CHECKING:
    from smpanel_desktop.store.models import Panel
    from smpanel_desktop.store.store import Store
    from smpanel_desktop.ui.dialogs.welcome_dialog import WelcomeDialog

log = logging.getLogger(__name__)


class DesktopApp:
    """Everything one run of the GUI owns; ``start()`` shows it, ``shutdown()`` releases it."""

    def __init__(self, args: argparse.Namespace, keys: KeyStore | None = None) -> None:
        self.args = args
        self.data_dir = Path(paths.data_dir(args.data_dir))
        self.runner = TaskRunner()
        self.ctx = AppContext(self._open_store, self.runner)  # opened when first used
        self.keys = keys or KeyStore()
        self.session = PanelSession(self.ctx, self.keys, self.data_dir)
        self.settings = UiSettings()
        self.language = language.choose(getattr(args, "lang", None), self.settings.language())
        language.apply(self.language)  # before any widget: texts are translated when made
        if self.settings.theme() != "system":
            from smpanel_desktop.ui.widgets.theme import apply_theme

            apply_theme(self.settings.theme())
        self.window = MainWindow(self.ctx, self.session, self.settings)
        self.welcome: WelcomeDialog | None = None
        self._closed = False

    @property
    def store(self) -> Store:
        return self.ctx.store

    def _open_store(self) -> Store:
        from smpanel_desktop.store.store import Store

        return Store(paths.db_path(self.data_dir))

    def start(self, *, after_paint: bool = False) -> None:
        """Show the window and open the first panel (the cached catalog first, then refreshes).

        With ``after_paint`` (what ``main`` does) the store and the first panel open on the
        event-loop turn after the window's first paint, so the window appears before the
        database, the tabs and the network and keyring libraries are loaded.  Without it
        everything is done on return.
        """
        self.window.show_opening()
        self.window.show()
        if after_paint:
            self.window.after_first_paint(self._open_first)
        else:
            self._open_first()

    def _open_first(self) -> None:
        """Open the store and pick the first panel on the worker (a first start creates the
        database and a panel row there), then build the tabs and open the panel."""
        if self._closed or self.window.isHidden():  # closed before its first panel opened
            return
        self.ctx.run(self._choose_first_panel, self._first_chosen)

    def _choose_first_panel(self) -> tuple[Panel | None, str]:
        """On the worker: the panel to open first, and what went wrong choosing it."""
        from smpanel_desktop.api.errors import ApiError

        try:
            return self._first_panel(), ""
        except (ApiError, ValueError) as exc:  # e.g. --demo while a real panel is named "Demo"
            return self._stored_panel(), str(exc)

    def _first_chosen(self, chosen: tuple[Panel | None, str]) -> None:
        if self._closed or self.window.isHidden():
            return
        panel, problem = chosen
        self.window.build_tabs()
        if problem:
            self.ctx.statusMessage.emit(
                QCoreApplication.translate("App", "Cannot open that panel: {error}").format(
                    error=problem
                )
            )
        self._recover_interrupted_orders()
        if panel is not None:
            self.session.open(panel)
            return
        # First start, no panel: open on the working demo, offer to add a real panel on top.
        self.session.open_demo()
        from smpanel_desktop.ui.dialogs.welcome_dialog import WelcomeDialog

        self.welcome = WelcomeDialog(self.ctx, self.session, self.window)
        self.welcome.panelAdded.connect(self.session.open)
        self.welcome.open()

    def _first_panel(self) -> Panel | None:
        if self.args.demo:
            from smpanel_desktop.core.demo import ensure_demo_panel

            return ensure_demo_panel(self.store)
        if self.args.api_url:
            from smpanel_desktop.core.panels import panel_for_url

            return panel_for_url(self.store, self.args.api_url)
        return self._stored_panel()

    def _stored_panel(self) -> Panel | None:
        """The panel used last, else the first stored one, else None (a first start)."""
        from smpanel_desktop.store.panels import CURRENT_PANEL

        name = self.store.get_setting(CURRENT_PANEL)
        panel = self.store.panel(name) if name else None
        if panel is None:
            panels = self.store.panels()
            panel = panels[0] if panels else None
        return panel

    def _recover_interrupted_orders(self) -> None:
        """Orders left ``submitting`` by a run that died mid-``add`` become ``unknown``."""
        from smpanel_desktop.core.placing import recover_interrupted

        def recovered(count: int) -> None:
            if count:
                self.ctx.statusMessage.emit(
                    QCoreApplication.translate(
                        "App",
                        "Orders being sent when the app last stopped: {count}. They may have "
                        "been placed: see Orders ▸ Resolve.",
                    ).format(count=count)
                )
                self.ctx.ordersChanged.emit()

        self.ctx.run(partial(recover_interrupted, self.ctx.store), recovered)

    def shutdown(self) -> None:
        """Stop the worker thread, then the demo sandbox; close the client and the store."""
        if self._closed:
            return
        self._closed = True
        self.runner.shutdown()
        if self.ctx.client is not None:
            self.ctx.client.close()
        self.session.shutdown()
        if self.ctx.store_is_open:
            self.store.close()


def _after_first_paint(app: QApplication, gui: DesktopApp, own_process: bool) -> None:
    """What the first paint does not wait for (QIcon's and signal's enums, logging.handlers,
    the dialog's Qt namespace: ~45 ms): the window icon (shown a frame later), the log file,
    and in our own process the crash dialog (never a vanishing app) and the signal handlers."""
    from smpanel_desktop.logging_setup import setup_logging
    from smpanel_desktop.ui.widgets.icons import app_icon

    app.setWindowIcon(app_icon())
    log_path = setup_logging()
    log.info("%s %s starting", APP_NAME, __version__)
    if own_process:
        from smpanel_desktop.crash_dialog import install_excepthook

        install_excepthook(log_path)
        _close_on_signals(gui)


def _close_on_signals(gui: DesktopApp) -> None:
    """Ctrl+C (``make run`` in a terminal) or SIGTERM closes the window, saving its layout and
    stopping the worker and the sandbox, instead of killing the process mid-write."""
    import signal

    def close(_signum: int, _frame: object) -> None:
        gui.window.close()

    signal.signal(signal.SIGINT, close)
    signal.signal(signal.SIGTERM, close)
    wake = QTimer(gui.window)  # Python only sees a signal when the event loop hands it control
    wake.timeout.connect(lambda: None)
    wake.start(300)


def display_problem(env: dict[str, str] | None = None) -> str | None:
    """What is missing when Qt would abort with its xcb message on Linux (None: nothing)."""
    env = dict(os.environ) if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs…: no display needed
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). Start the app in a "
        "desktop session, or use the smpanel command line tool; for tests, "
        "QT_QPA_PLATFORM=offscreen or xvfb-run."
    )


def main(argv: list[str] | None = None) -> int:
    """Start the desktop app; returns the exit code."""
    raw = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in raw:
        from smpanel_desktop.selftest import run

        return run(raw)
    try:
        args = parse_args(raw)
    except SystemExit as exc:  # --help, --version or bad usage: argparse has printed it
        return int(exc.code or 0)
    if args.api_url:  # (the api package is imported only when a URL is given)
        from smpanel_desktop.api.endpoint import validate_endpoint
        from smpanel_desktop.api.errors import ApiError

        try:
            validate_endpoint(args.api_url)
        except ApiError as exc:  # nothing was sent; the message never echoes the URL's text
            print(f"smpanel-desktop: {exc}", file=sys.stderr)
            return 2

    existing = QApplication.instance()
    problem = None if existing is not None else display_problem()
    if problem:
        print(f"smpanel-desktop: {problem}", file=sys.stderr)
        return 2
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("net.smpanel.SmpanelDesktop")
    from smpanel_desktop.ui.widgets.first_paint import arm_exit_after_show

    gui: DesktopApp | None = None
    try:
        try:
            gui = DesktopApp(args)
            # Armed first: the probe then sees the first paint after the window's own watcher,
            # so the rest of the start-up is queued ahead of the probe's quit (a measured start
            # still goes through every tab's imports).
            arm_exit_after_show(gui.window)
            gui.window.after_first_paint(partial(_after_first_paint, app, gui, existing is None))
            gui.start(after_paint=True)
        except Exception:  # before the first paint: the log is not set up yet
            from smpanel_desktop.logging_setup import setup_logging

            setup_logging()
            log.critical("the app could not start", exc_info=True)
            raise
        return int(app.exec())
    finally:
        if gui is not None:
            gui.shutdown()
