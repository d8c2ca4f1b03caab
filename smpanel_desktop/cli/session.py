"""Which panel, which key, which store: what every ``smpanel`` command starts from.

Panel selection, in order: ``--api-url URL`` (the stored panel with that endpoint, else one is
registered under the URL's host so its orders can be tracked), ``--panel NAME`` (``demo`` starts
the built-in demo panel in-process), the panel chosen with ``panels use``, the only stored panel.
The key: ``SMPANEL_API_KEY`` when set, else the OS keyring entry of the panel.  Nothing here
prints or logs the key.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from smpanel_desktop import paths

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:  # imported where used: a command imports only what it needs
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.core import demo
    from smpanel_desktop.sandbox.server import SandboxPanel
    from smpanel_desktop.store.models import Panel
    from smpanel_desktop.store.store import Store


def _factory(endpoint: str, key: str) -> Callable[[], PanelClient]:
    """A client maker whose repr shows no key (unlike ``functools.partial``)."""
    from smpanel_desktop.api.client import PanelClient

    def make() -> PanelClient:
        return PanelClient(endpoint, key)

    return make


class UsageError(Exception):
    """Bad usage or input, found before anything was sent (exit code 2)."""


class Session:
    """Lazily opened store, panel and client for one CLI run; ``close()`` releases them."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.data_dir = Path(paths.data_dir(getattr(args, "data_dir", None)))
        self._store: Store | None = None
        self._panel: Panel | None = None
        self._client: PanelClient | None = None
        self._sandbox: SandboxPanel | demo.RunningDemo | None = None
        self._factory: Callable[[], PanelClient] | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from smpanel_desktop.core.placing import recover_interrupted
            from smpanel_desktop.store.store import Store

            self._store = Store(paths.db_path(self.data_dir))
            recover_interrupted(self._store)
        return self._store

    # -- the panel ------------------------------------------------------------------------------

    def panel(self) -> Panel:
        if self._panel is None:
            self._panel = self._select_panel()
        return self._panel

    def named_panel(self, name: str) -> Panel:
        """A stored panel by name (``demo`` is created on first use)."""
        from smpanel_desktop.core import demo

        panel = self.store.panel(name)
        if panel is None and demo.is_demo_name(name):
            panel = demo.ensure_demo_panel(self.store)
        if panel is None:
            known = ", ".join(p.name for p in self.store.panels()) or "none yet"
            raise UsageError(
                f'No panel named "{name}" (stored panels: {known}). '
                "Add one with: smpanel panels add NAME URL"
            )
        return panel

    def _select_panel(self) -> Panel:
        url = getattr(self.args, "api_url", None)
        name = getattr(self.args, "panel", None)
        if url and name:
            raise UsageError("Give either --api-url or --panel, not both.")
        from smpanel_desktop.store.panels import CURRENT_PANEL

        if url:
            from smpanel_desktop.core.panels import panel_for_url
            from smpanel_desktop.secrets import ENV_KEY

            return panel_for_url(self.store, url, os.environ.get(ENV_KEY))
        if name:
            return self.named_panel(name)
        current = self.store.get_setting(CURRENT_PANEL)
        if current and self.store.panel(current) is not None:
            return self.named_panel(current)
        panels = self.store.panels()
        if len(panels) == 1:
            return panels[0]
        if not panels:
            raise UsageError(
                "No panel set up. Use --api-url URL (with SMPANEL_API_KEY), "
                "or: smpanel panels add NAME URL, or try --panel demo."
            )
        raise UsageError(
            "Several panels are stored: choose one with --panel NAME or: smpanel panels use NAME"
        )

    # -- the client -----------------------------------------------------------------------------

    def client(self) -> PanelClient:
        if self._client is None:
            self._client = self._open_client(self.panel())
        return self._client

    def _open_client(self, panel: Panel) -> PanelClient:
        from smpanel_desktop.core import demo
        from smpanel_desktop.secrets import get_key_for

        if demo.is_demo(panel):
            sandbox = self._sandbox = demo.start_demo_sandbox(self.data_dir)
            self._factory = _factory(sandbox.url, demo.DEMO_KEY)
            return self._factory()
        key = get_key_for(panel.name)
        if not key:
            raise UsageError(
                f'No API key for panel "{panel.name}". Store one with: '
                f'smpanel --panel "{panel.name}" key set   (or set SMPANEL_API_KEY)'
            )
        self._factory = _factory(panel.endpoint, key)
        return self._factory()

    def client_factory(self) -> Callable[[], PanelClient]:
        """Makes more clients like ``client()`` (one per thread for parallel reads)."""
        self.client()
        assert self._factory is not None
        return self._factory

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._sandbox is not None:
            self._sandbox.stop()
            self._sandbox = None
        if self._store is not None:
            self._store.close()
            self._store = None
