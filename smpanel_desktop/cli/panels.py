"""The ``smpanel`` commands that manage local things: panels, keys, the sandbox, imports.

The key is read from a no-echo prompt (or stdin when it is not a terminal), stored in the OS
keyring and never printed: ``key status`` shows only its last four characters.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys

from smpanel_desktop.cli import output as out
from smpanel_desktop.cli.session import Session, UsageError
from smpanel_desktop.core import demo
from smpanel_desktop.core.refreshing import import_orders
from smpanel_desktop.store.panels import CURRENT_PANEL

OK = 0
KEY_ENV = "SMPANEL_API_KEY"


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def cmd_panels(args: argparse.Namespace, session: Session) -> int:
    store = session.store
    action = args.panels_action
    if action == "add":
        from smpanel_desktop.api.endpoint import validate_endpoint

        endpoint = validate_endpoint(args.url, os.environ.get(KEY_ENV))
        panel = store.add_panel(args.name, endpoint)
        if store.get_setting(CURRENT_PANEL) is None:
            store.set_setting(CURRENT_PANEL, panel.name)
        if _json(args):
            out.dump_json(out.panel_json(panel, store.get_setting(CURRENT_PANEL) == panel.name))
        print(f'Added panel "{panel.name}" ({panel.endpoint}).', file=sys.stderr)
        print(f'Store its key with: smpanel --panel "{panel.name}" key set', file=sys.stderr)
        return OK
    if action == "remove":
        store.remove_panel(args.name, force=args.force)
        _forget_key(args.name)
        print(f'Removed panel "{args.name}".', file=sys.stderr)
        return OK
    if action == "use":
        panel = session.named_panel(args.name)
        store.set_setting(CURRENT_PANEL, panel.name)
        print(f'Now using panel "{panel.name}".', file=sys.stderr)
        return OK
    current = (store.get_setting(CURRENT_PANEL) or "").casefold()
    panels = store.panels()
    if _json(args):
        out.dump_json([out.panel_json(p, p.name.casefold() == current) for p in panels])
    else:
        rows = [
            ("*" if p.name.casefold() == current else "", p.name, p.endpoint, p.currency or "")
            for p in panels
        ]
        out.table(rows, ("", "NAME", "ENDPOINT", "CURRENCY"))
    return OK


def _forget_key(name: str) -> None:
    from smpanel_desktop.secrets import KeyStore, KeyStoreError

    with contextlib.suppress(KeyStoreError):  # no keyring: there is no key to forget
        KeyStore().delete(name)


def _read_key(prompt: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        key = getpass.getpass(prompt)
    else:
        key = sys.stdin.readline() if sys.stdin is not None else ""
    key = key.strip()
    if not key or any(ch.isspace() for ch in key):
        raise UsageError("No key read (an API key is one word without spaces).")
    return key


def cmd_key(args: argparse.Namespace, session: Session) -> int:
    from smpanel_desktop.secrets import KeyStore, KeyStoreUnavailable, mask

    panel = session.panel()
    if demo.is_demo(panel):
        raise UsageError("The demo panel needs no key.")
    keys = KeyStore()
    if args.key_action == "set":
        key = _read_key(f'API key for "{panel.name}" (not shown): ')
        keys.set(panel.name, key)
        print(f'Key stored for "{panel.name}" in {keys.backend_name()} ({mask(key)}).')
        return OK
    if args.key_action == "delete":
        keys.delete(panel.name)
        print(f'Key deleted for "{panel.name}".')
        return OK
    env = bool(os.environ.get(KEY_ENV, "").strip())
    try:
        stored, backend = keys.get(panel.name), keys.backend_name()
    except KeyStoreUnavailable:
        if not env:  # nothing can be said of a key: the message says what to install
            raise
        stored, backend = None, "no keyring"
    if _json(args):
        out.dump_json(
            {
                "panel": panel.name,
                "stored": stored is not None,
                "masked": mask(stored) if stored else None,
                "backend": backend,
                "env_override": env,
            }
        )
    else:
        where = f"stored in {backend} ({mask(stored)})" if stored else f"not stored ({backend})"
        print(f'Key for "{panel.name}": {where}.')
        if env:
            print(f"{KEY_ENV} is set and is used instead.")
    return OK


def cmd_import(args: argparse.Namespace, session: Session) -> int:
    imported, skipped = import_orders(session.store, session.client(), session.panel(), args.ids)
    if _json(args):
        out.dump_json(
            {
                "imported": [out.order_json(o) for o in imported],
                "skipped": [{"order": k, "error": v} for k, v in skipped.items()],
            }
        )
    else:
        for o in imported:
            print(f"{o.order}  imported  {out.clean(o.status)}".rstrip())
        for order, reason in skipped.items():
            print(f"{order}  skipped: {out.clean(reason)}")
    return 1 if skipped and not imported else OK


def cmd_sandbox(args: argparse.Namespace) -> int:
    from smpanel_desktop.sandbox.server import run_standalone

    return run_standalone(
        port=args.port,
        services=args.services,
        currency=args.currency,
        key=args.key,
        seed=args.seed,
        time_scale=args.time_scale,
        state_file=args.state_file,
        dialect=args.dialect,
    )
