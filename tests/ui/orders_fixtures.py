"""Fixtures for the order-workflow GUI tests: a real sandbox, a real SQLite store, the real worker.

Imported by tests/ui/test_new_order*.py and test_orders*.py (``from orders_fixtures import *``
style imports keep tests/ui/conftest.py, owned by the desktop-app work, untouched).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.models import Service
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.context import AppContext
from smpanel_desktop.workers.task_runner import TaskRunner


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


@pytest.fixture(name="order_env")
def order_env_fixture(qtbot: Any, sandbox: Any, tmp_path: Path) -> Iterator[OrderEnv]:
    store = Store(tmp_path / "orders.sqlite3")
    runner = TaskRunner()
    ctx = AppContext(store, runner)
    panel = store.add_panel("sandbox", sandbox.url, "USD")
    client = PanelClient(sandbox.url, sandbox.key, timeout=5.0, read_retries=0)
    ctx.set_panel(panel, client, demo=False)
    ctx.set_services(list(client.services().services), time.time())
    ctx.set_balance(client.balance())
    try:
        yield OrderEnv(ctx, sandbox, store, client, panel)
    finally:
        runner.shutdown()
        client.close()
        store.close()
        assert not sandbox.errors
