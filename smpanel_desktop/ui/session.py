"""Opening a panel in the GUI: its key, its client, the demo sandbox, the first refreshes.

``PanelSession.open(panel)`` makes a panel current: it finds the key (``SMPANEL_API_KEY`` first,
then the OS keyring), builds the client (for the demo panel: starts the built-in sandbox on a
loopback port), hands both to the context, shows the cached catalog and starts the background
refreshes.  Nothing here waits on the network.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # imported when first used: requests and the sandbox are not needed to paint
    # the window (~100 ms of imports at start-up)
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.core.demo import RunningDemo
    from smpanel_desktop.sandbox.server import SandboxPanel
    from smpanel_desktop.store.models import Panel

log = logging.getLogger(__name__)

# The GUI shows the cache at once and has a Refresh button: it prefers saying "offline" within
# a second to retrying for 7 s.  Reads are still retried (twice, honouring Retry-After).
GUI_READ_RETRIES = 2
GUI_BACKOFF = 0.3


def make_client(endpoint: str, key: str) -> PanelClient:
    """The client the GUI uses (``ConfigError`` for an unusable endpoint or key)."""
    from smpanel_desktop.api.client import PanelClient

    return PanelClient(endpoint, key, read_retries=GUI_READ_RETRIES, backoff_factor=GUI_BACKOFF)


def client_factory(endpoint: str, key: str) -> Callable[[], PanelClient]:
    """Makes more clients like ``make_client`` (a closure: its repr never shows the key)."""

    def make() -> PanelClient:
        return make_client(endpoint, key)

    return make


class PanelSession(QObject):
    keyMissing = Signal(object)  # Panel: no key known for it; the window offers the key dialog
    keyringUnavailable = Signal(str)  # the keyring cannot be used: why (the window explains)

    def __init__(self, ctx: AppContext, keys: KeyStore, data_dir: Path) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.keys = keys
        self.data_dir = Path(data_dir)
        self.sandbox: SandboxPanel | RunningDemo | None = None

    # -- keys -------------------------------------------------------------------------------

    def key_for(self, panel: Panel) -> str | None:
        """The panel's key: ``SMPANEL_API_KEY`` when set, else the keyring entry (or None)."""
        return get_key_for(panel.name, self.keys)

    @property
    def key_from_env(self) -> bool:
        return bool(os.environ.get(ENV_KEY, "").strip())

    # -- opening ----------------------------------------------------------------------------

    def open(self, panel: Panel) -> None:
        """Make ``panel`` current; the cached catalog shows at once, refreshes follow."""
        client: PanelClient | None = None
        factory: Callable[[], PanelClient] | None = None
        from smpanel_desktop.core.demo import is_demo  # http.client: not before the first paint

        demo = is_demo(panel)
        problem = ""
        try:
            if demo:
                sandbox = self._demo_sandbox()
                client = make_client(sandbox.url, sandbox.key)
                factory = client_factory(sandbox.url, sandbox.key)
            else:
                key = self.key_for(panel)
                if key:
                    from smpanel_desktop.logging_setup import register_secret

                    register_secret(key)
                    client = make_client(panel.endpoint, key)
                    factory = client_factory(panel.endpoint, key)
        except KeyStoreUnavailable as exc:
            problem = str(exc)
            self.keyringUnavailable.emit(problem)
        except (KeyStoreError, ApiError) as exc:  # a bad or insecure endpoint: nothing was sent
            problem = str(exc)
        self.ctx.set_panel(panel, client, demo=demo, client_factory=factory)
        from smpanel_desktop.store.panels import CURRENT_PANEL

        self.ctx.store.set_setting(CURRENT_PANEL, panel.name)
        self.ctx.load_cached_catalog()
        if client is not None:
            self.ctx.refresh_catalog()
            self.ctx.refresh_balance()
        elif problem:
            self.ctx.last_error = problem
            self.ctx.statusMessage.emit(
                self.tr("Cannot connect to {panel}: {error}").format(
                    panel=panel.name, error=problem
                )
            )
        else:
            self.ctx.statusMessage.emit(
                self.tr("No API key for {panel}: Panel ▸ Set API key…").format(panel=panel.name)
            )
            self.keyMissing.emit(panel)

    def open_demo(self) -> Panel:
        from smpanel_desktop.core.demo import ensure_demo_panel

        panel = ensure_demo_panel(self.ctx.store)
        self.open(panel)
        return panel

    def reopen(self) -> None:
        """Open the current panel again (after its key or endpoint changed)."""
        if self.ctx.panel is not None:
            fresh = self.ctx.store.panel_by_id(self.ctx.panel.id)
            if fresh is not None:
                self.open(fresh)

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
