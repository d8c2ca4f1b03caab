"""The built-in demo panel: the sandbox on a loopback port, remembered as an ordinary panel.

The store keeps it as a panel named ``Demo`` whose endpoint is the marker ``demo:``; whoever
selects it (the GUI's "Try the demo panel", ``smpanel --panel demo``) starts the sandbox in-process
with ``start_demo_sandbox`` and talks to ``sandbox.url`` with ``DEMO_KEY``.  The sandbox keeps its
orders and balance in ``demo-panel.json`` in the data folder, so demo orders survive a restart,
and runs its clock ``DEMO_TIME_SCALE`` times faster than real time: an order is Pending for a few
seconds, In progress for up to ~1.5 minutes, then Completed or Partial.  The demo key is not a
secret and never goes to the keyring.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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


def start_demo_sandbox(data_dir: str | Path, *, port: int = 0) -> SandboxPanel:
    """Start the demo sandbox on 127.0.0.1 (a free port unless ``port``); the caller stops it."""
    from smpanel_desktop.sandbox.server import SandboxPanel  # only the demo needs the server

    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    sandbox = SandboxPanel(
        port=port,
        key=DEMO_KEY,
        currency=DEMO_CURRENCY,
        services=DEMO_SERVICES,
        seed=DEMO_SEED,
        time_scale=DEMO_TIME_SCALE,
        state_file=str(folder / DEMO_STATE_FILE),
    )
    return sandbox.start()
