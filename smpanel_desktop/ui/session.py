"""Opening a panel in the GUI: its key, its client, the demo sandbox, the first refreshes.

``PanelSession.open(panel)`` makes a panel current.  On the worker it finds the key
(``SMPANEL_API_KEY`` first, then the OS keyring), builds the client (for the demo panel: starts
the built-in sandbox on a loopback port) and remembers the panel as the last one used; back on
the GUI thread it hands the client to the context, shows the cached catalog and starts the
background refreshes.  The GUI thread never waits on the network or the keyring, and never
writes the store.  Opening another panel meanwhile drops the older opening.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

from smpanel_desktop.api.errors import ApiError
from smpanel_desktop.secrets import (
    ENV_KEY,
    KeyStore,
    KeyStoreError,
    KeyStoreUnavailable,
    get_key_for,
)
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.workers.task_runner import Generation

if TYPE_CHECKING:  # imported when first used: requests and the sandbox are not needed to paint
    # the window (~100 ms of imports at start-up)
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.api.inflight import InFlight
    from smpanel_desktop.api.models import Balance
    from smpanel_desktop.core.demo import RunningDemo
    from smpanel_desktop.sandbox.server import SandboxPanel
    from smpanel_desktop.store.models import Panel

log = logging.getLogger(__name__)

# The GUI shows the cache at once and has a Refresh button: it prefers saying "offline" within
# a second to retrying for 7 s.  Reads are still retried (twice, honouring Retry-After).
GUI_READ_RETRIES = 2
GUI_BACKOFF = 0.3


def make_client(endpoint: str, key: str, inflight: InFlight) -> PanelClient:
    """The client the GUI uses (``ConfigError`` for an unusable endpoint or key); its open
    connections are noted in ``inflight`` (closed at once when the app quits)."""
    from smpanel_desktop.api.client import PanelClient

    return PanelClient(
        endpoint, key, read_retries=GUI_READ_RETRIES, backoff_factor=GUI_BACKOFF,
        inflight=inflight,
    )  # fmt: skip


def client_factory(endpoint: str, key: str, inflight: InFlight) -> Callable[[], PanelClient]:
    """Makes more clients like ``make_client`` (a closure: its repr never shows the key)."""

    def make() -> PanelClient:
        return make_client(endpoint, key, inflight)

    return make


def check_balance(endpoint: str, key: str, inflight: InFlight) -> Balance:
    """Ask the panel at ``endpoint`` for the balance with ``key`` (on the worker): the test of a
    key or a new panel before it is saved.  ``ApiError`` when it is refused or unreachable."""
    client = make_client(endpoint, key, inflight)
    try:
        return client.balance()
    finally:
        client.close()


class Connection(NamedTuple):  # (not a dataclass: dataclasses is not imported before paint)
    """What opening a panel found on the worker: its client, or why there is none."""

    client: PanelClient | None = None
    factory: Callable[[], PanelClient] | None = None
    problem: str = ""
    keyring_unavailable: bool = False


class PanelSession(QObject):
    keyMissing = Signal(object)  # Panel: no key known for it; the window offers the key dialog
    keyringUnavailable = Signal(str)  # the keyring cannot be used: why (the window explains)

    def __init__(self, ctx: AppContext, keys: KeyStore, data_dir: Path) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.keys = keys
        self.data_dir = Path(data_dir)
        self.sandbox: SandboxPanel | RunningDemo | None = None
        self._opening = Generation()

    # -- keys -------------------------------------------------------------------------------

    def key_for(self, panel: Panel) -> str | None:
        """The panel's key: ``SMPANEL_API_KEY`` when set, else the keyring entry (or None).
        Asks the keyring: call it on the worker, never on the GUI thread."""
        return get_key_for(panel.name, self.keys)

    @property
    def key_from_env(self) -> bool:
        return bool(os.environ.get(ENV_KEY, "").strip())

    # -- opening ----------------------------------------------------------------------------

    def open(self, panel: Panel) -> None:
        """Make ``panel`` current; the cached catalog shows at once, refreshes follow."""
        from smpanel_desktop.core.demo import is_demo  # http.client: not before the first paint

        self._opening.bump()
        demo = is_demo(panel)
        self.ctx.run(
            partial(self._connect, panel, demo),
            partial(self._opened, panel, demo),
            partial(self._open_failed, panel),
            current=self._opening.guard(),
        )

    def _connect(self, panel: Panel, demo: bool) -> Connection:
        """On the worker: the key, the client (the demo's sandbox), the last panel used."""
        from smpanel_desktop.store.panels import CURRENT_PANEL

        self.ctx.store.set_setting(CURRENT_PANEL, panel.name)
        try:
            if demo:
                sandbox = self._demo_sandbox()
                url, key = sandbox.url, sandbox.key
            else:
                found = self.key_for(panel)
                if not found:
                    return Connection()
                from smpanel_desktop.logging_setup import register_secret

                register_secret(found)
                url, key = panel.endpoint, found
            inflight = self.ctx.inflight
            client = make_client(url, key, inflight)
            return Connection(client, client_factory(url, key, inflight))
        except KeyStoreUnavailable as exc:
            return Connection(problem=str(exc), keyring_unavailable=True)
        except (KeyStoreError, ApiError) as exc:  # a bad or insecure endpoint: nothing was sent
            return Connection(problem=str(exc))

    def _opened(self, panel: Panel, demo: bool, found: Connection) -> None:
        client = found.client
        self.ctx.set_panel(panel, client, demo=demo, client_factory=found.factory)
        self.ctx.load_cached_catalog()
        if found.keyring_unavailable:
            self.keyringUnavailable.emit(found.problem)
        if client is not None:
            self.ctx.refresh_catalog()
            self.ctx.refresh_balance()
        elif found.problem:
            self.ctx.last_error = found.problem
            self.ctx.statusMessage.emit(
                self.tr("Cannot connect to {panel}: {problem}").format(
                    panel=panel.name, problem=found.problem
                )
            )
        else:
            self.ctx.statusMessage.emit(
                self.tr("No API key for {panel}: Panel ▸ Set API key…").format(panel=panel.name)
            )
            self.keyMissing.emit(panel)

    def _open_failed(self, panel: Panel, exc: BaseException) -> None:
        """The store or the sandbox failed: show the panel, offline, and say why."""
        self._opened(panel, False, Connection(problem=f"{type(exc).__name__}: {exc}"))

    def open_demo(self) -> None:
        """Open the built-in demo panel (its row is made on the worker when missing)."""
        from smpanel_desktop.core.demo import ensure_demo_panel

        def failed(exc: BaseException) -> None:  # a real panel already uses the demo's name
            self.ctx.statusMessage.emit(str(exc))

        self.ctx.run(partial(ensure_demo_panel, self.ctx.store), self.open, failed)

    def reopen(self) -> None:
        """Open the current panel again (after its key or endpoint changed)."""
        if self.ctx.panel is not None:
            panel_id = self.ctx.panel.id

            def reopen(fresh: Panel | None) -> None:
                if fresh is not None:
                    self.open(fresh)

            self.ctx.run(partial(self.ctx.store.panel_by_id, panel_id), reopen)

    def _demo_sandbox(self) -> SandboxPanel | RunningDemo:
        if self.sandbox is None:
            from smpanel_desktop.core.demo import start_demo_sandbox

            sandbox = start_demo_sandbox(self.data_dir)
            log.info("demo panel listening on %s", sandbox.url)
            self.sandbox = sandbox
        return self.sandbox

    def shutdown(self) -> None:
        """Stop the demo sandbox (call after the worker thread has stopped)."""
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
