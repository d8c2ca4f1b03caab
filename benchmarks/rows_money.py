"""Row 10: the Overview of 10 panels, a price comparison over 10 cached catalogs of
20,000 services, the spend ledger over 100,000 orders, each shown in under 100 ms once the data
is local.

Measured in the real pages of the Overview tab (shown offscreen at 1280×800, the task runner's
worker thread doing the reads as in the app): from the request (``load()``, ``run_search()``)
until the page has shown the result and the event loop has painted it.  The references, measured
in the same run: for the overview and the ledger, SQLite's own pass over the same orders (one
``GROUP BY`` of their creation day, no Python per row); for the comparison, a bare Python
substring scan of the same 200,000 names.  Loading the 10 catalogs from the store (done once,
in the background, before the first search) is reported beside them, without a target.
"""

from __future__ import annotations

import random
import sqlite3
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from common import Row, insert_orders, median, timed, wait_for

PANELS = 10
SERVICES = 20_000
LEDGER_ORDERS = 100_000
OVERVIEW_ORDERS = 2_000  # per panel
QUERIES = ("instagram likes", "tiktok views", "youtube subscribers", "telegram members",
           "followers refill")  # fmt: skip
LIMIT_MS = 100.0


def _spread(db: Path, days: int) -> None:
    """Spread the orders' creation over ``days`` (the benchmark data is made in one go)."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE orders SET created_at = created_at - (id % ?) * 86400", (days,))
    conn.close()


def _floor(db: Path) -> float:
    conn = sqlite3.connect(db)
    sql = ("SELECT date(created_at, 'unixepoch', 'localtime') AS d, count(*), "
           "sum(length(charge)) FROM orders WHERE state = 'placed' GROUP BY d")  # fmt: skip
    try:
        return timed(lambda: conn.execute(sql).fetchall())
    finally:
        conn.close()


def _say(text: str) -> None:
    import sys

    print(f"  {time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


CPU: list[float] = []
"""The process CPU time (all threads) of each ``_shown``: steadier than wall time when the
machine is shared (waiting for a core is not counted)."""


def _shown(page: Any, start: Any, signal: Any) -> float:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    t0, c0 = time.perf_counter(), time.process_time()
    start()
    wait_for(signal)
    QApplication.processEvents()
    # what the app's event loop does in the same turn: objects handed to deleteLater (the
    # charts' old bars) go; without it they piled up in the scenes, reload after reload
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    page.repaint()
    CPU.append((time.process_time() - c0) * 1000)
    return (time.perf_counter() - t0) * 1000


def _cpu_row(label: str, count: int) -> Row:
    return Row(10, f"    {label}, CPU time, median", median(CPU[-count:]), "ms")


def money_rows(tmp: Path) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from smpanel_desktop.api.parse import parse_catalog
    from smpanel_desktop.sandbox.catalog import generate_catalog
    from smpanel_desktop.store.store import Store
    from smpanel_desktop.ui.context import AppContext
    from smpanel_desktop.ui.overview.compare_page import ComparePage
    from smpanel_desktop.ui.overview.ledger_page import LedgerPage
    from smpanel_desktop.ui.overview.summary import SummaryPage
    from smpanel_desktop.workers.task_runner import TaskRunner

    rows: list[Row] = []
    runner = TaskRunner()
    db = tmp / "money.sqlite3"
    store = Store(db)
    catalogs = []
    for k in range(PANELS):
        panel = store.add_panel(f"panel {k + 1}", f"https://panel{k}.example/api/v2", "USD")
        wire, _ = generate_catalog(SERVICES, seed=100 + k)
        services = list(parse_catalog(wire).services)
        store.save_services(panel.id, services, time.time())
        catalogs.append((panel, services))
        rng = random.Random(k)
        now = time.time()
        for i in range(60):  # two months of balance fetches
            amount = Decimal(rng.randint(100, 5000)) / 10
            store.record_balance(panel.id, amount, "USD", now - (60 - i) * 86400)
    ctx = AppContext(store, runner)
    ctx.statusMessage.connect(_say)
    _say("10 catalogs cached")

    # -- the overview of 10 panels (2,000 orders each) --------------------------------------
    for k, (panel, services) in enumerate(catalogs):
        ids = range(1 + k * OVERVIEW_ORDERS, 1 + (k + 1) * OVERVIEW_ORDERS)
        insert_orders(db, panel.id, list(ids), services, open_share=0.1)
    _spread(db, 30)
    _say("overview data written")
    summary = SummaryPage(ctx, None)
    summary.resize(1280, 800)
    summary.show()
    summary.ensure_charts()
    QApplication.processEvents()
    _shown(summary, summary.load, summary.shown)  # warm-up: first chart layout
    ref = median([_floor(db) for _ in range(5)])
    # the reload the app does after an order was placed or refreshed: one more order today,
    # the charts keep their bars and move the values
    panel, services = catalogs[0]
    ours = []
    for n in range(5):
        insert_orders(db, panel.id, [900_000 + n], services, open_share=0.0)
        ours.append(_shown(summary, summary.load, summary.shown))
    assert summary.table.rowCount() == PANELS
    rows.append(Row(10, "overview of 10 panels (20k orders), median", median(ours), "ms", ref,
                    "SQLite GROUP BY day", limit=LIMIT_MS,
                    note="reload after a new order"))  # fmt: skip
    rows.append(_cpu_row("overview", 5))
    # per day again after per week: every bar, label and legend marker built anew, as when
    # the tab is first opened (the day chart is the largest: 31 days × 10 panels)

    def choose(period: str) -> None:
        summary.period.blockSignals(True)
        summary.period.setCurrentIndex(summary.period.findData(period))
        summary.period.blockSignals(False)

    ours, cpu = [], []
    for _ in range(5):
        choose("week")
        _shown(summary, summary.load, summary.shown)
        choose("day")
        ours.append(_shown(summary, summary.load, summary.shown))
        cpu.append(CPU[-1])
    rows.append(Row(10, "  overview, charts built anew, median", median(ours), "ms", ref,
                    "SQLite GROUP BY day", limit=LIMIT_MS,
                    note="per week, then per day again"))  # fmt: skip
    rows.append(Row(10, "    overview built anew, CPU time, median", median(cpu), "ms"))
    summary.close()
    conn = sqlite3.connect(db)
    with conn:  # the ledger below counts 100,000 orders exactly
        conn.execute('DELETE FROM orders WHERE "order" >= 900000 AND "order" < 900005')
    conn.close()

    # -- the price comparison over 10 catalogs of 20,000 ------------------------------------
    page = ComparePage(ctx)
    page.resize(1280, 800)
    page.show()
    _say("overview measured")
    loaded = timed(lambda: page._index(store))
    rows.append(Row(10, "  load + index 10 cached catalogs (once)", loaded, "ms"))
    names = [f"{s.name}\n{s.category}".casefold() for _, svcs in catalogs for s in svcs]

    def bare(text: str) -> list[int]:
        words = text.split()
        return [i for i, h in enumerate(names) if all(w in h for w in words)]

    ours, refs, hits = [], [], []
    page.search.setText("warm up")  # the first search after the index meets a full collection
    _shown(page, page.run_search, page.searched)
    for text in QUERIES:
        page.search.blockSignals(True)  # no debounce timer: the search itself is measured
        page.search.setText(text)
        page.search.blockSignals(False)
        ours.append(_shown(page, page.run_search, page.searched))
        refs.append(timed(lambda t=text: bare(t)))
        hits.append(len(page.offers))
    cpu_row = _cpu_row("compare", len(QUERIES))
    rows.append(Row(10, "compare 10×20k services, median", median(ours), "ms", median(refs),
                    "substring scan", limit=LIMIT_MS))  # fmt: skip
    rows.append(Row(10, "  compare 10×20k services, worst", max(ours), "ms", max(refs),
                    "substring scan", note=f"{min(hits)}-{max(hits)} rows shown"))  # fmt: skip
    rows.append(cpu_row)
    page.close()

    # -- the ledger over 100,000 orders -----------------------------------------------------
    extra = LEDGER_ORDERS - PANELS * OVERVIEW_ORDERS
    per = extra // PANELS
    for k, (panel, services) in enumerate(catalogs):
        first = 1_000_000 + k * per
        insert_orders(db, panel.id, list(range(first, first + per)), services, open_share=0.1)
    _spread(db, 365)
    _say("100k orders written")
    assert store.count_orders() == LEDGER_ORDERS
    ledger = LedgerPage(ctx)
    ledger.resize(1280, 800)
    ledger.show()
    ref = median([_floor(db) for _ in range(5)])
    for by in ("month", "day", "panel"):
        ledger.by.blockSignals(True)
        ledger.by.setCurrentIndex(ledger.by.findData(by))
        ledger.by.blockSignals(False)
        _shown(ledger, ledger.load, ledger.shown)
        ours = [_shown(ledger, ledger.load, ledger.shown) for _ in range(5)]
        label = f"ledger of 100k orders by {by}, median" if by == "month" else \
            f"  ledger of 100k orders by {by}, median"  # fmt: skip
        rows.append(Row(10, label, median(ours), "ms", ref, "SQLite GROUP BY day",
                        limit=LIMIT_MS))  # fmt: skip
        rows.append(_cpu_row(f"ledger by {by}", 5))
    ledger.close()
    runner.shutdown()
    store.close()
    return rows
