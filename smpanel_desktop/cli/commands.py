"""The ``smpanel`` commands that talk to a panel: services, balance, add, status,
refresh, refill, refill-status, cancel, resolve.

Each takes the parsed arguments and the Session and returns the exit code; failures are raised
(``ApiError``, ``UsageError`` ...) and mapped to exit codes by ``cli.main``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from smpanel_desktop.api.errors import ApiError, PanelError, UnknownOutcomeError
from smpanel_desktop.api.models import CancelResult, RefillResult, Service
from smpanel_desktop.cli import output as out
from smpanel_desktop.cli.session import Session, UsageError
from smpanel_desktop.core.catalog import find_service, load_catalog
from smpanel_desktop.core.money.balances import fetch_balance
from smpanel_desktop.core.orders.fields import canonical_type
from smpanel_desktop.core.orders.params import estimate_cost
from smpanel_desktop.core.orders.validation import extra_fields, extras_note, validate
from smpanel_desktop.core.placing import place_order, resolve_unknown
from smpanel_desktop.core.refills_cancels import cancel_orders, refresh_refills, request_refills
from smpanel_desktop.core.refreshing import MAX_IN_FLIGHT, check_orders, refresh_orders
from smpanel_desktop.core.search import fold

OK, PANEL_ERROR = 0, 1


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _matches(s: Service, args: argparse.Namespace) -> bool:
    if args.search:
        needle = fold(args.search).strip()
        hay = (fold(s.name), fold(s.category))
        if needle != str(s.id) and not any(needle in h for h in hay):
            return False
    if args.category and fold(args.category) not in fold(s.category):
        return False
    if args.type:
        wanted = canonical_type(args.type) or " ".join(args.type.split()).casefold()
        have = canonical_type(s.type) or " ".join(s.type.split()).casefold()
        if wanted != have:
            return False
    return True


def cmd_services(args: argparse.Namespace, session: Session) -> int:
    panel = session.panel()
    client = None if args.cached else session.client()
    try:
        services, fetched_at, from_cache = load_catalog(
            session.store, client, panel, refresh=args.refresh
        )
    except ApiError as exc:  # rate-limited or offline: the stale cache beats nothing
        services, fetched_at = session.store.load_services(panel.id)
        if args.refresh or fetched_at is None:
            raise
        _err(f"smpanel: the catalog could not be refreshed ({exc}); showing the cached one.")
        from_cache = True
    if args.cached and fetched_at is None:
        raise UsageError(f'No cached catalog for panel "{panel.name}" yet: run without --cached.')
    chosen = [s for s in services if _matches(s, args)]
    if _json(args):
        out.dump_json([out.service_json(s) for s in chosen])
    else:
        out.print_services(chosen, panel.currency or "")
        age = "cached" if from_cache else "fetched now"
        _err(f"{len(chosen)} of {len(services)} services ({age}, {out.iso_time(fetched_at)})")
    return OK


def cmd_balance(args: argparse.Namespace, session: Session) -> int:
    balance = fetch_balance(session.store, session.client(), session.panel())  # recorded
    if _json(args):
        out.dump_json(out.balance_json(balance))
    else:
        print(f"{out.money(balance.amount)} {balance.currency}".strip())
    return OK


def _field_values(args: argparse.Namespace) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in args.field or ():
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f'--field wants NAME=VALUE, got "{item}"')
        value = value.replace("\\n", "\n")
        values[name] = f"{values[name]}\n{value}" if name in values else value
    for name in ("link", "quantity", "runs", "interval"):
        given = getattr(args, name)
        if given is not None:
            if name in values:
                raise UsageError(f"--{name} and --field {name}=... both given")
            values[name] = given
    return values


def cmd_add(args: argparse.Namespace, session: Session) -> int:
    values = _field_values(args)
    panel = session.panel()
    client = session.client()
    service = find_service(session.store, client, panel, args.service)
    if service is None:
        raise UsageError(f"Service {args.service} is not in the catalog of panel {panel.name}.")
    problems = validate(service, values)
    if problems:
        lines = "\n".join(f"  {p.field}: {p.message}" for p in problems)
        raise UsageError(f"Not sent: the order for service {service.id} is invalid:\n{lines}")
    extras = extra_fields(service, values)
    if extras:
        _err(f"Note: {extras_note(service, extras)}.")
    recorded: list[int] = []
    try:
        order = place_order(
            session.store,
            client,
            panel,
            service,
            values,
            on_recorded=lambda r: recorded.append(r.id),
        )
    except (UnknownOutcomeError, KeyboardInterrupt) as exc:
        if not recorded:  # interrupted before anything was written or sent
            raise
        reason = str(exc) if isinstance(exc, UnknownOutcomeError) else "Interrupted while sending."
        raise UnknownOutcomeError(
            f"{reason}\nThe order MAY HAVE BEEN PLACED (and charged). It is recorded as unknown "
            f"(#{recorded[0]}) and was not resent. Check the panel's order list, then run: "
            f"smpanel resolve {recorded[0]} --order ID  (or --not-placed)"
        ) from None
    if _json(args):
        out.dump_json({"order": order.order})
    else:
        print(order.order)
        cost = estimate_cost(service, values)
        total = "" if order.quantity is None else f", {order.quantity} in total"
        price = "" if cost is None else f", about {cost.normalize():f} {panel.currency or ''}"
        _err(f"Order {order.order} placed (service {service.id}{total}{price.rstrip()}).")
    return OK


def cmd_status(args: argparse.Namespace, session: Session) -> int:
    results = check_orders(session.store, session.client(), session.panel(), args.ids)
    if _json(args):
        out.dump_json([out.status_json(r) for r in results])
    else:
        out.print_statuses(results)
    return PANEL_ERROR if any(r.status is None for r in results) else OK


def cmd_refresh(args: argparse.Namespace, session: Session) -> int:
    panel = session.panel()
    client = session.client()
    tty = sys.stderr.isatty() and not _json(args)

    def progress(done: int, total: int) -> None:
        if tty and total:
            print(f"\r{done}/{total} orders", end="", file=sys.stderr, flush=True)

    summary = refresh_orders(
        session.store,
        client,
        panel,
        progress=progress,
        concurrency=MAX_IN_FLIGHT,
        client_factory=session.client_factory(),
    )
    if tty and summary.requests:
        print(file=sys.stderr)
    refills = []
    if summary.failure is None:
        refills = refresh_refills(session.store, client, panel)
    if _json(args):
        fields = ("checked", "changed", "errors", "requests", "children")
        out.dump_json({**{f: getattr(summary, f) for f in fields}, "refills_checked": len(refills)})
    else:
        plural = "" if summary.requests == 1 else "s"
        print(
            f"Checked {summary.checked} open order(s) in {summary.requests} request{plural}: "
            f"{summary.changed} changed, {summary.errors} error(s)"
            + (f"; {len(refills)} refill(s) checked" if refills else "")
            + (
                f"; {summary.children} drip-feed child order(s) now tracked"
                if summary.children
                else ""
            )
        )
    if summary.failure is not None:
        raise summary.failure
    return PANEL_ERROR if summary.errors else OK


def _report_items(args: argparse.Namespace, items: Sequence[dict[str, object]], key: str) -> int:
    if _json(args):
        out.dump_json(list(items))
    else:
        for item in items:
            if "error" in item and item.get("error") is not None:
                print(f"{item[key]}  error: {out.clean(item['error'])}")
            else:
                rest = [f"{k} {out.clean(v)}" for k, v in item.items() if k != key]
                print(f"{item[key]}  " + "  ".join(rest))
    return PANEL_ERROR if any(item.get("error") is not None for item in items) else OK


LOST = "outcome unknown: the answer was lost and the panel may have acted on it"


def _report_lost(
    args: argparse.Namespace,
    exc: UnknownOutcomeError,
    answered: list[dict[str, object]],
    row: Callable[[int, str], dict[str, object]],
) -> NoReturn:
    """Ids sent in batches, one answer lost: every id's fate (answered, in doubt, not sent) is
    printed before exit 4, so the answered batches' results (refill ids) are not lost."""
    if not exc.unknown_ids and not exc.unsent_ids:
        raise exc
    rows = answered + [row(i, LOST) for i in exc.unknown_ids]
    _report_items(args, rows + [row(i, "not sent") for i in exc.unsent_ids], "order")
    raise UnknownOutcomeError(
        f"{exc.message}\n{len(answered)} answered, {len(exc.unknown_ids)} in doubt, "
        f"{len(exc.unsent_ids)} not sent (each listed on stdout)."
    ) from None


def cmd_refill(args: argparse.Namespace, session: Session) -> int:
    try:
        results = request_refills(session.store, session.client(), session.panel(), args.ids)
    except UnknownOutcomeError as exc:
        done = [out.refill_json(r) for r in exc.partial if isinstance(r, RefillResult)]
        _report_lost(args, exc, done, lambda i, e: {"order": i, "error": e})
    return _report_items(args, [out.refill_json(r) for r in results], "order")


def cmd_refill_status(args: argparse.Namespace, session: Session) -> int:
    results = refresh_refills(session.store, session.client(), session.panel(), refill_ids=args.ids)
    return _report_items(args, [out.refill_status_json(r) for r in results], "refill")


def cmd_cancel(args: argparse.Namespace, session: Session) -> int:
    try:
        results = cancel_orders(session.store, session.client(), session.panel(), args.ids)
    except UnknownOutcomeError as exc:
        done = [out.cancel_json(r) for r in exc.partial if isinstance(r, CancelResult)]
        _report_lost(args, exc, done, lambda i, e: {"order": i, "cancel": False, "error": e})
    return _report_items(args, [out.cancel_json(r) for r in results], "order")


def cmd_resolve(args: argparse.Namespace, session: Session) -> int:
    panel = session.panel()
    local = session.store.order(args.local_id)
    if local is None or local.panel_id != panel.id:
        raise UsageError(f"No tracked order #{args.local_id} on panel {panel.name}.")
    if args.not_placed:
        resolved = resolve_unknown(session.store, None, panel, local.id, None)
    else:
        try:
            resolved = resolve_unknown(session.store, session.client(), panel, local.id, args.order)
        except PanelError as exc:
            raise PanelError(f"Order {args.order}: {exc}") from None
    if _json(args):
        out.dump_json(out.order_json(resolved))
    else:
        print(f"#{resolved.id} is now {resolved.state.replace('_', ' ')}")
    return OK
