"""The ``smpanel`` commands over every panel: ``balance --all``, ``compare TEXT``, ``spend``.

``balance --all`` asks every stored panel at once with its own keyring entry (never
``SMPANEL_API_KEY``: one panel's key must not go to another panel); exit 0 when every panel
answered, 3 when some could not (each named on stderr, with ``error`` in ``--json``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smpanel_desktop.cli import output as out

if TYPE_CHECKING:  # the commands import the core when they run: `smpanel --help` stays light
    from smpanel_desktop.api.models import Service
    from smpanel_desktop.cli.session import Session
    from smpanel_desktop.core.money.compare import Offer
    from smpanel_desktop.core.money.ledger import LedgerRow
    from smpanel_desktop.core.panel_client import Client
    from smpanel_desktop.store.models import Panel

OK, NETWORK = 0, 3


def _err(text: str) -> None:
    print(text, file=sys.stderr)


@contextlib.contextmanager
def _clients(session: Session) -> Iterator[Callable[[Panel], Client]]:
    """A client maker for any stored panel (the demo started once, stopped at the end)."""
    from smpanel_desktop.api.client import PanelClient
    from smpanel_desktop.core import demo
    from smpanel_desktop.secrets import KeyStore, KeyStoreUnavailable, unavailable_message

    keys = KeyStore()
    running: list[Any] = []

    def make(panel: Panel) -> Client:
        if demo.is_demo(panel):
            if not running:
                running.append(demo.start_demo_sandbox(session.data_dir))
            return PanelClient(running[0].url, demo.DEMO_KEY)
        try:
            key = keys.get(panel.name)
        except KeyStoreUnavailable:
            raise RuntimeError(unavailable_message()) from None
        if not key:
            raise RuntimeError(
                f'no API key stored for this panel (smpanel --panel "{panel.name}" key set)'
            )
        return PanelClient(panel.endpoint, key)

    try:
        yield make
    finally:
        for sandbox in running:
            sandbox.stop()


def _panels(session: Session) -> list[Panel]:
    from smpanel_desktop.cli.session import UsageError

    panels = session.store.panels()
    if not panels:
        raise UsageError("No panel set up. Add one with: smpanel panels add NAME URL")
    return panels


# -- balance --all ------------------------------------------------------------------------------


def cmd_balance(args: argparse.Namespace, session: Session) -> int:
    """``balance`` (the chosen panel) or ``balance --all`` (every panel, in parallel)."""
    if not args.all:
        from smpanel_desktop.cli.commands import cmd_balance as one

        return one(args, session)
    from smpanel_desktop.core.money.balances import fetch_all_balances

    with _clients(session) as make:
        results = fetch_all_balances(session.store, _panels(session), make)
    if args.json:
        items: list[dict[str, Any]] = []
        for r in results:
            item = {"panel": r.panel.name, "balance": None, "currency": r.panel.currency}
            if r.balance is not None:
                item.update(out.balance_json(r.balance))
            else:
                item["error"] = r.error
            items.append(item)
        out.dump_json(items)
    else:
        rows = [
            (r.panel.name, out.money(r.balance.amount) if r.balance else "",
             r.balance.currency if r.balance else "", "" if r.balance else f"error: {r.error}")
            for r in results
        ]  # fmt: skip
        out.table(rows, ("PANEL", "BALANCE", "CURRENCY", ""))
    failed = [r for r in results if r.balance is None]
    for r in failed:
        _err(f'smpanel: panel "{r.panel.name}" could not be reached: {r.error}')
    return NETWORK if failed else OK


# -- compare ------------------------------------------------------------------------------------


def _catalogs(session: Session, panels: list[Panel]) -> dict[Panel, list[Service]]:
    """Every panel's cached catalog; a panel with none yet is fetched (in parallel)."""
    from smpanel_desktop.core.catalog import refresh_catalog
    from smpanel_desktop.core.money.balances import MAX_PARALLEL

    cached = {p: session.store.load_services(p.id) for p in panels}
    missing = [p for p, (_, at) in cached.items() if at is None]
    catalogs = {p: services for p, (services, _) in cached.items()}
    if not missing:
        return catalogs
    with _clients(session) as make:

        def fetch(panel: Panel) -> tuple[Panel, list[Service] | None, str]:
            try:
                client = make(panel)
                try:
                    return panel, refresh_catalog(session.store, client, panel), ""
                finally:
                    getattr(client, "close", lambda: None)()
            except Exception as exc:  # that panel is left out, named
                return panel, None, str(exc) or type(exc).__name__

        with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(missing))) as pool:
            for panel, services, error in pool.map(fetch, missing):
                if services is None:
                    _err(f'smpanel: no catalog of panel "{panel.name}" ({error}); left out.')
                else:
                    catalogs[panel] = services
    return catalogs


def offer_json(o: Offer) -> dict[str, Any]:
    s = o.service
    return {
        "panel": o.panel.name,
        "service": s.id,
        "name": s.name,
        "rate": out.money(s.rate),
        "currency": o.currency,
        "min": s.min,
        "max": s.max,
        "refill": s.refill,
    }


def cmd_compare(args: argparse.Namespace, session: Session) -> int:
    from smpanel_desktop.api.models import UNLIMITED
    from smpanel_desktop.cli.session import UsageError
    from smpanel_desktop.core.money.compare import CompareIndex, Rates, search

    text = " ".join(args.text).strip()
    if not text:
        raise UsageError("Give the text to look for, e.g.: smpanel compare instagram likes")
    store = session.store
    index = CompareIndex(_catalogs(session, _panels(session)))
    offers = search(index, text, Rates(store.exchange_rates()), store.service_links())
    if args.json:
        out.dump_json([offer_json(o) for o in offers])
        return OK
    rows = []
    for o in offers:
        s = o.service
        ranked = "" if o.rank_currency == o.currency else f"= {o.rank_rate:.4f} {o.rank_currency}"
        rows.append((o.panel.name, s.id, out.money(s.rate), o.currency, s.min,
                     "unlimited" if s.max >= UNLIMITED else s.max, "yes" if s.refill else "no",
                     ranked, ("(linked) " if o.linked else "") + s.name))  # fmt: skip
    out.table(rows, ("PANEL", "SERVICE", "RATE/1000", "CUR", "MIN", "MAX", "REFILL", "", "NAME"))
    _err(f"{len(offers)} services match {text!r} across {len(index):,} cached services.")
    return OK


# -- spend --------------------------------------------------------------------------------------


def ledger_json(r: LedgerRow) -> dict[str, Any]:
    return {"key": r.key, "currency": r.currency, "total": out.money(r.total), "orders": r.orders}


def cmd_spend(args: argparse.Namespace, session: Session) -> int:
    from smpanel_desktop.cli.session import UsageError
    from smpanel_desktop.core.money.export import write_ledger_csv
    from smpanel_desktop.core.money.ledger import parse_since, spend

    try:
        since = parse_since(args.since) if args.since else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    rows = spend(session.store, args.by, since)
    if args.csv:
        count = write_ledger_csv(Path(args.csv), rows)
        _err(f"{count} rows written to {args.csv} (UTF-8 with BOM).")
    if args.json:
        out.dump_json([ledger_json(r) for r in rows])
        return OK
    out.table(
        [(r.key, r.currency, out.money(r.total), r.orders, out.money(r.profit) or "")
         for r in rows],
        (args.by.upper(), "CURRENCY", "TOTAL", "ORDERS", "PROFIT"),
    )  # fmt: skip
    unpriced = sum(r.unpriced for r in rows)
    if unpriced:
        _err(f"{unpriced} order(s) have no charge yet: run smpanel refresh to fetch them.")
    return OK
