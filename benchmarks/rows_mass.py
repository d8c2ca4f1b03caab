"""Row 8: a 1,000-line mass order, from the pasted text to the preview on screen.

"parse + check" is the core's whole work on the text (both line formats, comments, every line
against a 20,000-service catalog with New Order's rules, cost and total, overlaps with 1,000
open tracked orders read from the store, the batch fingerprint), CPU time, best of 7; its
reference is ``csv.reader`` splitting the same lines (C code: the floor of reading them).
"The preview shown" is the GUI's part on the GUI thread: the model reset with 1,000 rows and
the paint of the visible ones in the real ``MassOrderView`` (1,100 x 700), wall time, median of
15; its reference is the same table painted over a C++ ``QStandardItemModel``.
"""

from __future__ import annotations

import csv
import io
import random
import time
from pathlib import Path
from typing import Any

from common import Row, cpu_timed, floor_model, insert_orders, median, services, timed, wait_until

LINES = 1_000


def batch_text(catalog: list[Any]) -> str:
    rng = random.Random(5)
    plain = [s for s in catalog if s.type == "Default" and s.min <= 1000 <= s.max]
    out = ["# a customer's list, both formats"]
    for i in range(LINES):
        service = rng.choice(plain)
        link = f"https://instagram.com/p/bench{i}"
        quantity = rng.randrange(max(service.min, 1), min(service.max, 5000) + 1)
        line = f"{service.id} | {link} | {quantity}" if i % 2 else f"{service.id}|{quantity}|{link}"
        out.append(line)
        if i % 100 == 0:
            out.append("")
    return "\n".join(out) + "\n"


def check(text: str, catalog: dict[int, Any], store: Any, panel_id: int) -> Any:
    from smpanel_desktop.core.mass.check import check_batch
    from smpanel_desktop.core.mass.lines import parse_text
    from smpanel_desktop.core.mass.sending import open_for_overlap

    batch = check_batch(
        parse_text(text), catalog, open_orders=open_for_overlap(store, panel_id), currency="USD"
    )
    batch.fingerprint()
    return batch


def mass_rows(tmp: Path) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from smpanel_desktop.store.store import Store
    from smpanel_desktop.ui.context import AppContext
    from smpanel_desktop.ui.mass_order.view import MassOrderView
    from smpanel_desktop.workers.task_runner import TaskRunner

    app = QApplication.instance()
    assert app is not None
    catalog = services(20_000)
    by_id = {s.id: s for s in catalog}
    store = Store(tmp / "mass.sqlite3")
    panel = store.add_panel("Mass", "https://panel.example/api/v2", "USD")
    insert_orders(store.path, panel.id, range(1, LINES + 1), catalog)
    text = batch_text(catalog)
    ours, refs = [], []
    batch = None
    for _ in range(7):
        refs.append(cpu_timed(lambda: list(csv.reader(io.StringIO(text), delimiter="|"))))
        start = time.process_time()
        batch = check(text, by_id, store, panel.id)
        ours.append((time.process_time() - start) * 1000)
    assert batch is not None and len(batch.valid_lines) == LINES, batch.refusals(
        skip_invalid=False, allow_duplicate_links=False
    )[:3]
    runner = TaskRunner()
    ctx = AppContext(store, runner)
    ctx.set_panel(panel, None, demo=False)
    ctx.set_services(catalog, time.time())
    view = MassOrderView(ctx)
    view.resize(1100, 700)
    view.show()
    wait_until(view.isVisible)
    viewport = view.preview.viewport()

    def show(b: Any) -> None:
        view.model.set_batch(b)
        viewport.repaint()  # the paint that shows the rows

    shown = []
    for _ in range(15):
        view.model.set_batch(None)
        app.processEvents()
        shown.append(timed(lambda: show(batch)))
    floor = floor_view(view)
    floor_paint = [timed(floor.viewport().repaint) for _ in range(15)]
    start = time.perf_counter()
    view.set_text(text)
    view.check_now()
    wait_until(lambda: view.current and len(view.model.lines) == LINES)
    app.processEvents()
    pasted = (time.perf_counter() - start) * 1000
    assert view.checked is not None and len(view.checked.batch.valid_lines) == LINES
    view.close()
    floor.close()
    runner.shutdown()
    store.close()
    return [
        Row(9, "mass order 1,000 lines: parse + check", min(ours), "ms", min(refs),
            "csv.reader", limit=200.0),
        Row(9, "mass order 1,000 lines: preview shown (model + paint)", median(shown), "ms",
            median(floor_paint), "C++ item model", limit=100.0),
        Row(9, "  paste to preview shown (off the GUI thread)", pasted, "ms"),
    ]  # fmt: skip


def floor_view(view: Any) -> Any:
    """The preview's visible cells in a ``QTableView`` over a ``QStandardItemModel``."""
    from PySide6.QtWidgets import QApplication, QTableView

    model, table = view.model, view.preview
    floor = QTableView()
    floor.setModel(floor_model(table, 60))
    floor.setWordWrap(False)
    floor.verticalHeader().hide()
    floor.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    for c in range(model.columnCount()):
        floor.setColumnWidth(c, table.columnWidth(c))
    floor.resize(table.size())
    floor.show()
    wait_until(floor.isVisible)
    for _ in range(3):
        QApplication.processEvents()
    return floor
