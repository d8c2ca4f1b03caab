"""``OrderEnv``: what the order-workflow GUI tests work with (a real sandbox, a real SQLite
store, the real worker); the ``order_env`` fixture that makes one is in tests/ui/conftest.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.models import Service
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext


@dataclass
class OrderEnv:
    ctx: AppContext
    sandbox: Any
    store: Store
    client: PanelClient
    panel: Panel

    def service(self, type_: str, **flags: Any) -> Service:
        """The catalog's first service of ``type_`` matching the sandbox ``flags``."""
        wire = self.sandbox.find_service(type_, **flags)
        return self.ctx.services_by_id[int(wire["service"])]
