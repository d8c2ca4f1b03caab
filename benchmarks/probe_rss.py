"""Peak memory of the app holding a big store: run by ``rows_process`` in a process of its own.

Starts the real app (``smpanel_desktop.app.DesktopApp``, offscreen) on the data folder the
environment names, waits until the Services tab shows the whole cached catalog, the Orders tab
every tracked order and the start-up refreshes have ended, then prints ``RSS_KIB <peak>
<current>`` (KiB) and quits.

    .venv/bin/python benchmarks/probe_rss.py --api-url URL --services N --orders N
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_kib() -> tuple[int, int]:
    """(peak, current) resident memory of this process in KiB.  ``VmHWM``, not ``ru_maxrss``:
    the latter starts from the parent's size at fork time."""
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields["VmHWM"].split()[0]), int(fields["VmRSS"].split()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--services", type=int, required=True)
    parser.add_argument("--orders", type=int, required=True)
    opts = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from smpanel_desktop.app import DesktopApp, parse_args

    app = QApplication([sys.argv[0]])
    gui = DesktopApp(parse_args(["--api-url", opts.api_url]))
    gui.start()
    window, ctx = gui.window, gui.ctx
    deadline = time.monotonic() + 120

    def ready() -> bool:
        return (
            window.tabs_built  # the real tabs come after the first paint
            and window.services_tab.model.rowCount() == opts.services
            and window.orders_tab.model.total == opts.orders
            and not ctx._busy
        )

    while not ready():
        if time.monotonic() > deadline:
            print("probe: timed out waiting for the tables", file=sys.stderr)
            return 1
        app.processEvents()
        time.sleep(0.005)
    for _ in range(20):  # let the idle preparation of the search index run
        app.processEvents()
        time.sleep(0.01)
    peak, current = rss_kib()
    print(f"RSS_KIB {peak} {current}", flush=True)
    window.close()
    gui.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
