"""Services tab at scale: 20,000 services from the sandbox's catalog generator.

Measures with the real ServicesTab (shown, offscreen) what a user waits for:

* load: reading the cached catalog from the SQLite store (on the worker thread in the app), and
  putting it into the table (column lists + model reset + filter widgets, on the GUI thread);
  target 200 ms for both together;
* preparation while idle: the search text and sort orders the index builds in small steps after
  a load (the longest step is the longest the GUI thread is held);
* filter keystroke: typing queries letter by letter into ``servicesSearch`` (the textChanged
  handler: filter + model reset + count label), deleting letters, single letters from an empty box;
  median and p95; target 16 ms;
* sort: clicking each column header (first click computes that column's order, later clicks
  reuse it), ascending and descending; target 16 ms;
* for reference: a sort before the idle preparation has run (the first click on a column right
  after a load), and Qt repainting the visible rows after a change (Qt's own work, not Python).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_services_table.py [--services N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import line, ms, p95, services_tab, timed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.sandbox.catalog import generate_catalog
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store
from smpanel_desktop.ui.services.index import COLUMNS, ServiceIndex

QUERIES = ("instagram followers", "tiktok views", "youtube", "refill 30 days", "1234")
FRAME_MS = 16.0
LOAD_MS = 200.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5, help="load measurements to take")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])

    wire, _specs = generate_catalog(args.services, seed=11)
    services = [parse_service(item) for item in wire]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        panel: Panel = store.add_panel("Bench", "https://panel.example/api/v2", "USD")
        store.save_services(panel.id, services, time.time())
        tab, ctx, runner = services_tab(store, panel)
        n = len(services)
        print(f"Services tab benchmark: {n:,} services from the sandbox catalog generator")

        reads, loads = [], []
        for _ in range(args.repeat):
            with Store(store.path) as fresh:  # as at app start (a store that has just saved
                # the catalog hands out the same services)
                start = time.perf_counter()
                cached, fetched = fresh.load_services(panel.id)
                reads.append(ms(time.perf_counter() - start))
            loads.append(timed(lambda c=cached, f=fetched: ctx.set_services(c, f)))
            app.processEvents()
        assert tab.model.rowCount() == n, tab.count.text()
        steps: list[float] = []
        while tab._warm_timer.isActive():
            steps.append(timed(tab._warm_step))
        total = [r + lo for r, lo in zip(reads, loads, strict=True)]
        print("load from the cache")
        line("store read (median)", f"{statistics.median(reads):6.1f} ms")
        line("into the table (median)", f"{statistics.median(loads):6.1f} ms")
        line("total (median / worst)", f"{statistics.median(total):6.1f} / {max(total):.1f} ms",
             LOAD_MS, statistics.median(total))  # fmt: skip

        print("preparation while idle (after the last load)")
        text = f"{len(steps)} / {sum(steps):.1f} / {max(steps):.1f} ms"
        line("steps / total / longest step", text, FRAME_MS, max(steps))

        keystrokes: list[float] = []
        paints: list[float] = []
        for query in QUERIES:
            typed = ""
            for ch in query:
                typed += ch
                keystrokes.append(timed(lambda t=typed: tab.search.setText(t)))
                paints.append(timed(tab.table.viewport().repaint))
            while typed:
                typed = typed[:-1]
                keystrokes.append(timed(lambda t=typed: tab.search.setText(t)))
        for ch in "aeiost1":
            tab.search.setText("")
            keystrokes.append(timed(lambda c=ch: tab.search.setText(c)))
        tab.search.setText("")
        print(f"filter keystroke ({len(keystrokes)} keystrokes)")
        line("median / p95 / worst",
             f"{statistics.median(keystrokes):6.2f} / {p95(keystrokes):.2f} / "
             f"{max(keystrokes):.2f} ms", FRAME_MS, p95(keystrokes))  # fmt: skip

        first, again = [], []
        for column in range(len(COLUMNS)):
            first.append(
                timed(lambda c=column: tab.table.sortByColumn(c, Qt.SortOrder.AscendingOrder))
            )
            again.append(
                timed(lambda c=column: tab.table.sortByColumn(c, Qt.SortOrder.DescendingOrder))
            )
            again.append(
                timed(lambda c=column: tab.table.sortByColumn(c, Qt.SortOrder.AscendingOrder))
            )
        print(f"sort by a column ({len(COLUMNS)} columns)")
        for label, values in (("first click", first), ("later clicks", again)):
            text = f"{statistics.median(values):6.2f} / {max(values):.2f} ms"
            line(f"{label} (median / worst)", text, FRAME_MS, max(values))
        tab.search.setText("instagram")
        filtered_sort = [
            timed(lambda c=c: tab.table.sortByColumn(c, Qt.SortOrder.DescendingOrder))
            for c in range(len(COLUMNS))
        ]
        line(
            "while filtered (worst)", f"{max(filtered_sort):6.2f} ms", FRAME_MS, max(filtered_sort)
        )
        cold = []
        for column in range(len(COLUMNS)):
            fresh = ServiceIndex(services)
            cold.append(timed(lambda c=column, ix=fresh: ix.set_sort(c)))
        print("for reference")
        text = f"{statistics.median(cold):6.2f} / {max(cold):.2f} ms"
        line("sort before the idle preparation", text)
        line("Qt repainting the visible rows (median)", f"{statistics.median(paints):6.1f} ms")
        tab.close()
        runner.shutdown()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
