"""What the Mass order view runs off the GUI thread: checking a text, sending a batch.

The callables close over immutable values (the text, the catalog, the panel) and return plain
values; the view gets them back on the GUI thread.  Progress while sending comes back through a
queued signal of ``SendProgress``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from smpanel_desktop.api.models import Service
from smpanel_desktop.core.mass.check import Batch, check_batch
from smpanel_desktop.core.mass.files import read_lines
from smpanel_desktop.core.mass.lines import SEPARATOR, RawLine, parse_text
from smpanel_desktop.core.mass.sending import BatchResult, LineResult, open_for_overlap, send_batch
from smpanel_desktop.core.panel_client import Client
from smpanel_desktop.store.batches import RememberedBatch
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

CHECK_LANE = "mass-check"
"""Checking runs on a lane of its own: a preview never waits behind a long refresh."""


@dataclass(frozen=True, slots=True)
class Checked:
    generation: int
    batch: Batch
    previous: RememberedBatch | None
    """The same batch placed before (its own orders are then not flagged as overlaps: placing
    it again is asked for in the confirmation)."""


def check_task(
    generation: int,
    text: str,
    services: Mapping[int, Service],
    store: Store | None,
    panel: Panel | None,
    balance: Decimal | None,
    currency: str,
) -> Callable[[], Checked]:
    def run() -> Checked:
        raw = parse_text(text)
        opened = open_for_overlap(store, panel.id) if store and panel else []
        batch = check_batch(raw, services, open_orders=opened, balance=balance, currency=currency)
        previous = None
        if store is not None and panel is not None and batch.valid_lines:
            previous = store.placed_batch(panel.id, batch.fingerprint())
        if previous is not None:
            mine = set(previous.local_ids)
            opened = [o for o in opened if o.id not in mine]
            batch = check_batch(
                raw, services, open_orders=opened, balance=balance, currency=currency
            )
        return Checked(generation, batch, previous)

    return run


def import_task(path: str) -> Callable[[], str]:
    """A file (text, .csv, .xlsx) as text lines for the text box (``service|link|quantity``)."""

    def run() -> str:
        return lines_as_text(read_lines(path))

    return run


def lines_as_text(lines: list[RawLine]) -> str:
    """One text line per row; a row with a problem stays a line (so the preview shows it)."""
    out = []
    for line in lines:
        cells = [line.service, line.link, line.quantity]
        if not line.quantity and not line.problem:
            cells.pop()  # a package: service|link
        out.append(SEPARATOR.join(cells))
    return "\n".join(out) + ("\n" if out else "")


class SendProgress(QObject):
    """Emitted from the orders lane, delivered (queued) on the GUI thread."""

    lineDone = Signal(object, object, object)  # done: int, total: int, LineResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stop = threading.Event()

    def report(self, done: int, total: int, result: LineResult) -> None:
        self.lineDone.emit(done, total, result)


def send_task(
    store: Store,
    client: Client,
    panel: Panel,
    batch: Batch,
    skip_invalid: bool,
    progress: SendProgress,
) -> Callable[[], BatchResult]:
    stop = progress.stop
    report = progress.report

    def run() -> BatchResult:
        return send_batch(
            store,
            client,
            panel,
            batch,
            skip_invalid=skip_invalid,
            should_stop=stop.is_set,
            on_result=report,
        )

    return run
