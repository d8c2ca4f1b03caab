"""Rows 1-3: the catalog from the panel's bytes to the table, filtering and sorting it.

Run in the measuring process with the real ``ServicesTab`` shown offscreen.  Row 1 is CPU work
(the cache is committed without an fsync): it takes the process CPU time, the best of a few
interleaved runs (ours and the reference alternate), so that a busy neighbour on a shared
machine does not count.  Keystrokes and sorts are wall time, median and p95 as the issue asks.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from common import (
    Row,
    catalog,
    cpu_timed,
    floor_model,
    median,
    p95,
    services_tab,
    timed,
    wait_until,
)
from requests.structures import CaseInsensitiveDict

from smpanel_desktop.api.parse import parse_catalog, service_records
from smpanel_desktop.api.transport import Transport

SIZES = (2_000, 20_000, 50_000)
QUERIES = ("instagram followers", "tiktok views", "youtube", "refill 30 days", "1234")
FRAME_MS = 16.0


def answer_bytes(transport: Transport, body: bytes, texts: dict[str, str]) -> object:
    """What the client does with a ``services`` answer's body before parsing: the transport's
    own decoding (charset, JSON with Decimal numbers, key and error checks), each record made a
    service as it is decoded (``PanelClient.services``)."""
    headers = CaseInsensitiveDict({"Content-Type": "application/json"})
    raw = body.decode("utf-8-sig", errors="replace")  # as Transport.post does
    return transport._answer(200, headers, raw, "services", False, service_records(texts))


def parse_body(transport: Transport, body: bytes) -> Any:
    texts: dict[str, str] = {}
    return parse_catalog(answer_bytes(transport, body, texts), texts)


def cold_read(path: Path, panel_id: int) -> float:
    """CPU ms of reading the cached catalog as the app does at start: a new process, a new
    store (one that has just saved or loaded the catalog hands out the same services)."""
    from smpanel_desktop.store.store import Store

    with Store(path) as fresh:
        return cpu_timed(lambda: fresh.load_services(panel_id))


def catalog_rows(tmp: Path) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from smpanel_desktop.store.store import Store

    app = QApplication.instance()
    assert app is not None
    rows: list[Row] = []
    transport = Transport("https://panel.example/api/v2", "bench-key-0123456789")
    store = Store(tmp / "catalog.sqlite3")
    panel = store.add_panel("Bench", "https://panel.example/api/v2", "USD")
    tab, ctx, runner = services_tab(store, panel)
    for n in SIZES:
        _wire, body = catalog(n)
        repeats = 7 if n <= 20_000 else 3
        refs, parses, writes, loads = [], [], [], []
        result: Any = None
        for _ in range(repeats):
            refs.append(cpu_timed(lambda b=body: json.loads(b)))
            start = time.process_time()
            result = parse_body(transport, body)
            parses.append((time.process_time() - start) * 1000)
            services = list(result.services)
            writes.append(
                cpu_timed(lambda s=services: store.save_services(panel.id, s, time.time()))
            )
            ctx.set_services([], None)
            app.processEvents()

            def load(s: list[Any] = services) -> None:
                ctx.set_services(s, time.time())
                app.processEvents()  # the repaint that shows the rows

            loads.append(cpu_timed(load))
        assert tab.model.rowCount() == n == len(result.services), tab.count.text()
        ref = min(refs)
        label = f"{n // 1000}k"
        rows.append(Row(1, f"catalog parse, {label} services", min(parses), "ms", ref,
                        "json.loads", max_ratio=3.0))  # fmt: skip
        rows.append(Row(1, f"  cache write, {label}", min(writes), "ms", ref, "json.loads"))
        rows.append(Row(1, f"  table load, {label}", min(loads), "ms", ref, "json.loads"))
        pipeline = min(parses) + min(writes) + min(loads)
        limit = 300.0 if n == 20_000 else None
        rows.append(Row(1, f"  whole pipeline, {label}", pipeline, "ms", ref, "json.loads",
                        limit=limit))  # fmt: skip
        cache_reads = [cold_read(store.path, panel.id) for _ in range(3)]
        rows.append(Row(1, f"  cache read (app start), {label}", min(cache_reads), "ms", ref,
                        "json.loads"))  # fmt: skip
        if n in (20_000, 50_000):
            while tab._warm_timer.isActive():  # the idle preparation after a load
                tab._warm_step()
            rows += filter_rows(tab, result.services, label, n == 20_000)
        if n == 20_000:
            rows += sort_rows(tab, result.services)
    tab.close()
    runner.shutdown()
    store.close()
    return rows


def filter_rows(tab: Any, services: Any, label: str, targets: bool) -> list[Row]:
    """Typing queries letter by letter, deleting them, single letters from an empty box."""
    hay = [f"{s.name}\n{s.category}\n{s.id}".lower() for s in services]

    def bare(text: str) -> list[int]:
        q = text.lower()
        return [i for i, h in enumerate(hay) if q in h]

    texts: list[str] = []
    for query in QUERIES:
        texts += [query[:k] for k in range(1, len(query) + 1)]
        texts += [query[:k] for k in range(len(query) - 1, -1, -1)]
    ours, refs = [], []
    for text in texts:
        refs.append(timed(lambda t=text: bare(t)))
        ours.append(timed(lambda t=text: tab.search.setText(t)))
    for ch in "aeiost1":
        tab.search.setText("")
        refs.append(timed(lambda c=ch: bare(c)))
        ours.append(timed(lambda c=ch: tab.search.setText(c)))
    tab.search.setText("")
    ratio, limit = (2.0, FRAME_MS) if targets else (None, None)
    viewport = tab.table.viewport()
    ours_paint = [timed(viewport.repaint) for _ in range(15)]
    floor = [timed(view.viewport().repaint) for view in [qt_floor_view(tab)] for _ in range(15)]
    return [
        Row(2, f"filter keystroke {label}, median", median(ours), "ms", median(refs),
            "substring scan", max_ratio=ratio, limit=limit),
        Row(2, f"filter keystroke {label}, p95", p95(ours), "ms", p95(refs),
            "substring scan", max_ratio=ratio, limit=limit),
        Row(2, f"  repaint of the visible rows {label}, median", median(ours_paint), "ms",
            median(floor), "C++ item model"),
    ]  # fmt: skip


def qt_floor_view(tab: Any) -> Any:
    """What Qt alone needs to paint the same cells: a ``QTableView`` set up like the Services
    table, over a ``QStandardItemModel`` (C++, no Python per cell) holding the visible rows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    table, model = tab.table, tab.table.model()
    view = QTableView()
    view.setModel(floor_model(table, 80))
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    for c in range(model.columnCount()):
        view.setColumnWidth(c, table.columnWidth(c))
    view.resize(table.size())
    view.show()
    wait_until(view.isVisible)
    for _ in range(3):
        QApplication.processEvents()
    tab._floor_view = view  # kept alive until the tab closes
    return view


def sort_rows(tab: Any, services: Any) -> list[Row]:
    from PySide6.QtCore import Qt

    from smpanel_desktop.ui.services.index import COL_NAME, COL_RATE

    rows = []
    asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    for column, name, key in ((COL_RATE, "rate", "rate"), (COL_NAME, "name", "name")):
        values = [getattr(s, key) for s in services]
        if key == "name":
            values = [v.casefold() for v in values]
        ref = min(timed(lambda v=values: sorted(range(len(v)), key=v.__getitem__))
                  for _ in range(3))  # fmt: skip
        clicks = []
        for order in (asc, desc, asc, desc):
            clicks.append(timed(lambda c=column, o=order: tab.table.sortByColumn(c, o)))
        rows.append(Row(3, f"sort 20k by {name} (worst click)", max(clicks), "ms", ref,
                        "sorted()", limit=FRAME_MS))  # fmt: skip
    tab.search.setText("instagram")
    filtered = [timed(lambda: tab.table.sortByColumn(COL_RATE, desc))]
    filtered.append(timed(lambda: tab.table.sortByColumn(COL_NAME, asc)))
    tab.search.setText("")
    rows.append(Row(3, "  sort while filtered (worst)", max(filtered), "ms", limit=FRAME_MS))
    return rows
