"""The built-in demo panel: the sandbox on a loopback port, remembered as an ordinary panel.

The store keeps it as a panel named ``Demo`` whose endpoint is the marker ``demo:``; whoever
selects it (the GUI's "Try the demo panel", ``smpanel --panel demo``) starts the sandbox in-process
with ``start_demo_sandbox`` and talks to ``sandbox.url`` with ``DEMO_KEY``.  The sandbox keeps its
orders and balance in ``demo-panel.json`` in the data folder, so demo orders survive a restart,
and runs its clock ``DEMO_TIME_SCALE`` times faster than real time: an order is Pending for a few
seconds, In progress for up to ~1.5 minutes, then Completed or Partial.  The demo key is not a
secret and never goes to the keyring.  ``demo-panel.port`` says where the demo of this data
folder listens, so a second process (the CLI while the GUI runs) uses it instead of starting a
second sandbox over the same state file.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

if TYPE_CHECKING:
    from smpanel_desktop.sandbox.server import SandboxPanel

DEMO_PANEL_NAME = "Demo"
DEMO_ENDPOINT = "demo:"
DEMO_KEY = "demo-panel-key"
DEMO_CURRENCY = "USD"
DEMO_SERVICES = 3000
DEMO_SEED = 1
DEMO_TIME_SCALE = 10.0
DEMO_STATE_FILE = "demo-panel.json"
DEMO_PORT_FILE = "demo-panel.port"


def is_demo(panel: Panel | None) -> bool:
    return panel is not None and panel.endpoint.strip().lower() == DEMO_ENDPOINT


def is_demo_name(name: str) -> bool:
    return " ".join(name.split()).casefold() == DEMO_PANEL_NAME.casefold()


def ensure_demo_panel(store: Store) -> Panel:
    """The demo panel's row, added on first use.  ``ValueError`` when a real panel already uses
    the name."""
    panel = store.panel(DEMO_PANEL_NAME)
    if panel is None:
        return store.add_panel(DEMO_PANEL_NAME, DEMO_ENDPOINT, DEMO_CURRENCY)
    if not is_demo(panel):
        raise ValueError(
            f'A panel named "{panel.name}" already exists and is not the demo panel; '
            "rename it to use the demo."
        )
    return panel


@dataclass(frozen=True, slots=True)
class RunningDemo:
    """The demo sandbox another process serves from the same data folder (the GUI and the CLI
    share one, so both see the same orders and ids).  Not ours to stop."""

    url: str
    key: str = DEMO_KEY

    def stop(self) -> None:
        return None


def _running_demo(folder: Path) -> RunningDemo | None:
    """The demo already serving this data folder, if its port file points at a live one."""
    try:
        port = int((folder / DEMO_PORT_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    import http.client  # here: its import (email, ssl ...) costs ~40 ms of every CLI command

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2.0)
    try:
        body = urlencode({"key": DEMO_KEY, "action": "balance"})
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        conn.request("POST", "/api/v2", body=body, headers=headers)
        answer = json.loads(conn.getresponse().read(4096))
    except (OSError, ValueError, http.client.HTTPException):
        return None
    finally:
        conn.close()
    if not isinstance(answer, dict) or "balance" not in answer:
        return None
    return RunningDemo(f"http://127.0.0.1:{port}/api/v2")


def start_demo_sandbox(
    data_dir: str | Path, *, port: int = 0, share: bool = True
) -> SandboxPanel | RunningDemo:
    """Start the demo sandbox on 127.0.0.1 (a free port unless ``port``); the caller stops it.

    With ``share`` (the default) a demo another process already serves for this data folder is
    used instead (a ``RunningDemo``: same ``url``/``key``/``stop()``): two sandboxes over one
    state file would hand out the same order ids.
    """
    from smpanel_desktop.sandbox.server import SandboxPanel  # only the demo needs the server

    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if share:
        running = _running_demo(folder)
        if running is not None:
            return running
    sandbox = SandboxPanel(
        port=port,
        key=DEMO_KEY,
        currency=DEMO_CURRENCY,
        services=DEMO_SERVICES,
        seed=DEMO_SEED,
        time_scale=DEMO_TIME_SCALE,
        state_file=str(folder / DEMO_STATE_FILE),
    ).start()
    with contextlib.suppress(OSError):
        tmp = folder / (DEMO_PORT_FILE + ".tmp")
        tmp.write_text(str(sandbox.port), encoding="ascii")
        os.replace(tmp, folder / DEMO_PORT_FILE)
    return sandbox
