"""``smpanel mass-order FILE|-``: many orders from a list, checked as a whole, sent one at a time.

The table and the summary (total, balance; what was placed) go to stdout, problems to stderr;
with ``--json`` stdout holds only the list of lines and the summary goes to stderr.

Exit codes: 0 every line placed; 1 some refused by the panel (or not sent after a refusal that
ends the batch); 2 the input was rejected before sending (nothing sent); 3 the panel could not
be reached (the lines after are not sent); 4 some outcomes unknown (see ``smpanel resolve``).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from typing import Any, TextIO

from smpanel_desktop.api.errors import ApiError
from smpanel_desktop.api.models import Service
from smpanel_desktop.cli import output as out
from smpanel_desktop.cli.session import Session, UsageError
from smpanel_desktop.core.catalog import load_catalog, refresh_catalog
from smpanel_desktop.core.mass.check import Batch, CheckedLine, check_batch
from smpanel_desktop.core.mass.files import UnreadableFileError, decode, read_lines
from smpanel_desktop.core.mass.lines import RawLine, parse_text
from smpanel_desktop.core.mass.sending import (
    NOT_SENT,
    BatchResult,
    LineResult,
    open_for_overlap,
    send_batch,
)
from smpanel_desktop.store.batches import RememberedBatch
from smpanel_desktop.store.models import PLACED, REJECTED, UNKNOWN

OK, PANEL, USAGE, NETWORK, UNKNOWN_EXIT, INTERRUPTED = 0, 1, 2, 3, 4, 130


def _read(name: str) -> list[RawLine]:
    try:
        if name == "-":
            return parse_text(decode(sys.stdin.buffer.read(), "stdin"))
        return read_lines(name)
    except UnreadableFileError as exc:
        raise UsageError(f"Not sent: {exc}") from None


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _catalog(session: Session, wanted: set[int]) -> list[Service]:
    """The cached catalog, fetched again once when a line names a service it lacks."""
    panel, client = session.panel(), session.client()
    services, _, from_cache = load_catalog(session.store, client, panel)
    if from_cache and not wanted <= {s.id for s in services}:
        try:
            services = refresh_catalog(session.store, client, panel)
        except ApiError as exc:
            print(f"smpanel: the catalog could not be refreshed ({exc})", file=sys.stderr)
    return services


def _balance(session: Session) -> tuple[Decimal | None, str]:
    panel = session.panel()
    try:
        balance = session.client().balance()
    except ApiError as exc:
        print(f"smpanel: the balance could not be read ({exc})", file=sys.stderr)
        return None, panel.currency or ""
    if balance.currency and balance.currency != panel.currency:
        session.store.update_panel(panel.id, currency=balance.currency)
    return balance.amount, balance.currency or panel.currency or ""


def check(session: Session, args: argparse.Namespace) -> tuple[Batch, RememberedBatch | None]:
    """The checked batch and the same batch placed before (None: never, or nothing placed).

    With ``--again``, overlapping the earlier batch's own orders is what was asked for: only
    other open orders with the same service and link are flagged."""
    raw = _read(args.file)
    wanted = {int(r.service) for r in raw if r.service.isascii() and r.service.isdecimal()}
    services = _catalog(session, wanted)
    balance, currency = _balance(session)
    panel = session.panel()
    opened = open_for_overlap(session.store, panel.id)
    batch = check_batch(raw, services, open_orders=opened, balance=balance, currency=currency)
    previous = None
    if batch.valid_lines:
        previous = session.store.placed_batch(panel.id, batch.fingerprint())
    if previous is not None and args.again:
        mine = set(previous.local_ids)
        opened = [o for o in opened if o.id not in mine]
        batch = check_batch(raw, services, open_orders=opened, balance=balance, currency=currency)
    return batch, previous


def line_json(line: CheckedLine, result: LineResult | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "line": line.number,
        "service": line.service_id,
        "link": line.link,
        "quantity": line.quantity,
        "cost": _amount(line.cost),
    }
    if result is not None:
        item["order"] = result.order
        item["state"] = result.state
        item["error"] = result.error
    else:
        item["error"] = line.problem_text or line.duplicate or None
    return item


def _name(line: CheckedLine) -> str:
    name = line.service.name if line.service is not None else ""
    return name if len(name) <= 40 else name[:39] + "…"


def _print_preview(batch: Batch, args: argparse.Namespace) -> None:
    if args.json:
        out.dump_json([line_json(line) for line in batch.lines])
        return
    rows = [
        (
            line.number,
            line.service_id or "",
            _name(line),
            line.link,
            line.quantity if line.quantity is not None else "",
            _amount(line.cost) or "",
            line.problem_text or (line.duplicate or ""),
        )
        for line in batch.lines
    ]
    out.table(rows, ("LINE", "SERVICE", "NAME", "LINK", "QTY", "COST", "PROBLEM"))


def _summary(batch: Batch) -> str:
    count = len(batch.valid_lines)
    total = f"{_amount(batch.total)} {batch.currency}".strip()
    balance = "unknown" if batch.balance is None else f"{_amount(batch.balance)} {batch.currency}"
    invalid = f", {len(batch.invalid)} invalid" if batch.invalid else ""
    return f"{count} order(s){invalid}: total {total}; balance {balance.strip()}"


def _refusal(
    batch: Batch, previous: RememberedBatch | None, args: argparse.Namespace
) -> str | None:
    reasons: list[str] = []
    hints: list[str] = []
    if previous is not None and not args.again:
        ids = ", ".join(str(o) if o is not None else "unknown" for o in previous.orders)
        reasons.append(
            f"This batch was already placed on {out.iso_time(previous.created_at)} "
            f"(orders: {ids or 'none recorded'})."
        )
        hints.append("--again places it again")
    reasons += batch.refusals(
        skip_invalid=args.skip_invalid, allow_duplicate_links=args.allow_duplicate_links
    )
    if batch.invalid and not args.skip_invalid:
        hints.append("--skip-invalid sends only the valid lines")
    if batch.flagged and not args.allow_duplicate_links:
        hints.append("--allow-duplicate-links sends them anyway")
    if not reasons:
        return None
    text = "\n".join(f"  {r}" for r in reasons)
    more = f"\n({'; '.join(hints)})" if hints else ""
    return f"Not sent: the batch was refused:\n{text}{more}"


def _print_results(result: BatchResult, args: argparse.Namespace) -> None:
    if args.json:
        out.dump_json([line_json(r.line, r) for r in result.results])
        return
    rows = [
        (
            r.line.number,
            r.line.service_id or "",
            r.line.link,
            r.line.quantity if r.line.quantity is not None else "",
            _amount(r.line.cost) or "",
            r.order if r.order is not None else "",
            r.state.replace("_", " "),
            r.error or "",
        )
        for r in result.results
    ]
    out.table(rows, ("LINE", "SERVICE", "LINK", "QTY", "COST", "ORDER", "STATE", "ERROR"))


def cmd_mass_order(args: argparse.Namespace, session: Session) -> int:
    batch, previous = check(session, args)
    refusal = _refusal(batch, previous, args)
    if args.dry_run:
        _print_preview(batch, args)
        summary = sys.stderr if args.json else sys.stdout  # stdout holds only JSON with --json
        print(_summary(batch) + "\nDry run: nothing sent.", file=summary)
        if refusal:
            print(
                refusal.replace("Not sent: the batch was", "A real run would be", 1),
                file=sys.stderr,
            )
        return USAGE if refusal else OK
    if refusal:
        if args.json:
            _print_preview(batch, args)
        raise UsageError(refusal)
    tty = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int, _: LineResult) -> None:
        if tty:
            print(f"\r{done}/{total} orders", end="", file=sys.stderr, flush=True)

    result = send_batch(
        session.store,
        session.client(),
        session.panel(),
        batch,
        skip_invalid=args.skip_invalid,
        on_result=progress,
    )
    if tty:
        print(file=sys.stderr)
    _print_results(result, args)
    return _report(result, sys.stderr if args.json else sys.stdout)


def _report(result: BatchResult, summary: TextIO) -> int:
    counts = {s: result.count(s) for s in (PLACED, REJECTED, UNKNOWN, NOT_SENT)}
    parts = [f"{n} {s.replace('_', ' ')}" for s, n in counts.items() if n]
    print("Mass order: " + ", ".join(parts or ["nothing sent"]) + ".", file=summary)
    if result.stopped:
        print(f"Stopped: {result.stopped}", file=sys.stderr)
    if counts[UNKNOWN]:
        ids = " ".join(f"#{r.local_id}" for r in result.results if r.state == UNKNOWN)
        print(
            f"{counts[UNKNOWN]} order(s) MAY HAVE BEEN PLACED (answer lost; not resent): {ids}. "
            "Check the panel's order list, then: smpanel resolve N --order ID (or --not-placed)",
            file=sys.stderr,
        )
        return UNKNOWN_EXIT
    if result.stopped == "Interrupted":
        return INTERRUPTED
    if result.network_failure:
        return NETWORK
    return PANEL if counts[REJECTED] or counts[NOT_SENT] else OK
