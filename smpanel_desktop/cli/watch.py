"""The ``smpanel`` commands of the watchers: ``refill --eligible [--dry-run]``,
``services --changes`` and ``refill-window``.  ``refill`` with ids and ``services`` without
``--changes`` go on to cli/commands.py."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from smpanel_desktop.api.errors import ApiError, UnknownOutcomeError
from smpanel_desktop.api.models import RefillResult
from smpanel_desktop.cli import commands
from smpanel_desktop.cli import output as out
from smpanel_desktop.cli.session import Session, UsageError
from smpanel_desktop.core.catalog import load_catalog, refresh_catalog
from smpanel_desktop.core.refills_cancels import refresh_refills
from smpanel_desktop.core.refreshing import MAX_IN_FLIGHT, refresh_orders
from smpanel_desktop.core.watch.guarantee import Guarantee
from smpanel_desktop.core.watch.refills import (
    LOST_REFILL,
    Eligibility,
    eligibility,
    refill_eligible,
    stale_work,
    window_of,
)
from smpanel_desktop.store.watch import CatalogChange

OK = 0


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _window_text(g: Guarantee) -> str:
    if g.kind == "days":
        return f"{g.days} days"
    return {"lifetime": "lifetime", "none": "no refill"}.get(g.kind, "not stated")


def eligible_json(e: Eligibility) -> dict[str, Any]:
    item = out.order_json(e.order)
    item["refill_window"] = e.guarantee.text() or None
    item["completed_at"] = out.iso_time(e.completed_at)
    return item


def cmd_refill(args: argparse.Namespace, session: Session) -> int:
    """``refill ID...`` (cli/commands.py) or ``refill --eligible [--dry-run]``."""
    if not args.eligible:
        if args.dry_run:
            raise UsageError("--dry-run goes with --eligible")
        return commands.cmd_refill(args, session)
    if args.ids:
        raise UsageError("give order ids or --eligible, not both")
    panel = session.panel()
    client = session.client()
    if not args.no_refresh:  # only what is stale: after `refresh`, nothing is read again
        orders, refills = stale_work(session.store, panel)
        if orders:
            summary = refresh_orders(
                session.store, client, panel, orders, concurrency=MAX_IN_FLIGHT,
                client_factory=session.client_factory(),
            )  # fmt: skip
            if summary.failure is not None:  # decide on what is known: a stale status is safe
                _err(f"smpanel: statuses not refreshed ({summary.failure}); using the last known.")
        try:
            if refills:
                refresh_refills(session.store, client, panel, refills)  # batched
        except ApiError as exc:  # they stay pending: their orders are not eligible
            _err(f"smpanel: refill statuses not refreshed ({exc}); pending ones stay pending.")
    services, _, _ = load_catalog(session.store, client, panel)
    chosen = [e for e in eligibility(session.store, panel, services) if e.eligible]
    if args.dry_run:
        if _json(args):
            out.dump_json([eligible_json(e) for e in chosen])
        else:
            out.table(
                [
                    (e.order.order, e.order.service_id, out.iso_time(e.completed_at) or "",
                     _window_text(e.guarantee), e.order.link)
                    for e in chosen
                ],
                ("ORDER", "SERVICE", "COMPLETED", "WINDOW", "LINK"),
            )  # fmt: skip
            _err(f"{len(chosen)} order(s) can be refilled now; nothing was sent (dry run).")
        return OK
    if not chosen:
        if _json(args):
            out.dump_json([])
        else:
            _err("No order can be refilled now.")
        return OK
    try:
        results = refill_eligible(session.store, client, panel, [e.order for e in chosen])
    except UnknownOutcomeError as exc:
        done = [out.refill_json(r) for r in exc.partial if isinstance(r, RefillResult)]
        commands._report_lost(args, exc, done, lambda i, e: {"order": i, "error": LOST_REFILL})
    code = commands._report_items(args, [out.refill_json(r) for r in results], "order")
    if not _json(args):
        accepted = sum(1 for r in results if r.refill is not None)
        _err(f"{accepted} of {len(results)} refill(s) accepted.")
    return code


def change_json(c: CatalogChange) -> dict[str, Any]:
    return {"service": c.service, "name": c.name, "change": c.change, "old": c.old, "new": c.new}


def _side(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def cmd_services(args: argparse.Namespace, session: Session) -> int:
    """``services`` (cli/commands.py) or ``services --changes``: fetch the catalog, print the
    changes against the previous fetch (``--cached``: those found at the last fetch)."""
    if not args.changes:
        return commands.cmd_services(args, session)
    panel = session.panel()
    store = session.store
    first = store.services_fetched_at(panel.id) is None
    if args.cached:
        if first:
            raise UsageError(f'No catalog of panel "{panel.name}" yet: run without --cached.')
    else:
        refresh_catalog(store, session.client(), panel)
    fetched_at = store.services_fetched_at(panel.id)
    changes = [] if first else store.catalog_changes(panel.id, at=fetched_at)
    changes.sort(key=lambda c: (c.id, c.service))
    if _json(args):
        out.dump_json([change_json(c) for c in changes])
        return OK
    if changes:
        out.table(
            [(c.service, c.change, f"{_side(c.old)} -> {_side(c.new)}", c.name) for c in changes],
            ("SERVICE", "CHANGE", "OLD -> NEW", "NAME"),
        )
    if first:
        _err("First fetch of this panel's catalog: nothing to compare with yet.")
    else:
        _err(f"{len(changes)} change(s) at the fetch of {out.iso_time(fetched_at)}.")
    return OK


def cmd_refill_window(args: argparse.Namespace, session: Session) -> int:
    """``refill-window SERVICE [DAYS|lifetime|none|auto]``: show or set a service's window."""
    panel = session.panel()
    store = session.store
    if args.window is not None:
        try:
            window = Guarantee.from_text(args.window)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        store.set_refill_window(panel.id, args.service, window.text() or None)
    setting = store.refill_windows(panel.id).get(args.service)
    services, _, _ = load_catalog(store, None, panel)
    service = next((s for s in services if s.id == args.service), None)
    g = window_of(service, setting)
    source = "set by you" if setting else "from the service name"
    if _json(args):
        out.dump_json({"service": args.service, "refill_window": g.text() or None,
                       "set": bool(setting)})  # fmt: skip
    else:
        print(f"{args.service}: {_window_text(g)} ({source})")
    return OK
