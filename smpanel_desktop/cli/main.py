"""``smpanel``: the scriptable front door to a panel, over the same core as the desktop app.

Exit codes: 0 success; 1 the panel answered with an error (its text on stderr); 2 bad usage,
input rejected before sending, or a local problem (no key, no keyring, unreadable data folder);
3 network failure or unreadable answer; 4 unknown outcome of an order (it may have been placed:
recorded as ``unknown``, see ``smpanel resolve``).  Never imports Qt; never prints the key.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Sequence

from smpanel_desktop import __version__
from smpanel_desktop.cli.failures import EXIT_USAGE, fail
from smpanel_desktop.cli.parser import Parser

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:
    from smpanel_desktop.cli.session import Session

Command = Callable[[argparse.Namespace, "Session"], int]


MAX_ID = 2**63 - 1  # what SQLite stores; a panel answering for a larger id cannot be read


def _order_id(text: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or not 0 < int(value) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"not an order id: {text!r}")
    return int(value)


def _ids(text: str) -> list[int]:
    """``12`` or ``12,13`` (as panels print them)."""
    return [_order_id(part) for part in text.split(",") if part.strip()]


def _globals(parser: argparse.ArgumentParser, *, suppress: bool) -> None:  # pragma: no mutate
    """The global options, accepted before and after the command."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--api-url", metavar="URL", default=default, help="panel endpoint")
    parser.add_argument("--panel", metavar="NAME", default=default, help="a stored panel")
    parser.add_argument("--data-dir", metavar="DIR", default=default, help="data folder")
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="machine-readable output",
    )


SPEND_GROUPINGS = ("day", "week", "month", "panel", "service")
"""``spend --by``: store/money/spend.py's GROUPINGS, written out so that ``--help`` imports no
store (a test keeps them equal)."""


class _Commands:
    """A module of commands, imported when one of them runs: ``--help`` imports none of them
    (nor the store, the core and the client they import)."""

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Command:
        def run_command(args: argparse.Namespace, session: Session) -> int:
            return int(getattr(importlib.import_module(self._module), name)(args, session))

        return run_command


_VALUED = ("--api-url", "--panel", "--data-dir")
_LONG = ("--help", "--version", "--json", *_VALUED)


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, read as argparse reads it: the first positional that is
    not the value of a global option (abbreviated options included); None after ``--help``."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--":  # argparse takes it for the command (and refuses it)
            return token
        if token.startswith("--") and "=" not in token:
            named = [o for o in _LONG if o == token] or [o for o in _LONG if o.startswith(token)]
            if named == ["--help"]:
                return None
            if len(named) == 1 and named[0] in _VALUED:
                next(tokens, None)
        elif token.startswith("-h"):
            return None
        elif not token.startswith("-") or token == "-":
            return token
    return None


class _Unbuilt:
    """The parser of a command this run does not ask for: its arguments are not added."""

    def __getattr__(self, name: str) -> Callable[..., _Unbuilt]:
        return lambda *args, **kwargs: self


def build_parser(
    argv: Sequence[str] | None = None, *, listed: bool = False
) -> argparse.ArgumentParser:
    """The whole parser; with ``argv``, the parser of the command it names alone (``listed``:
    with every other command's name), or every name without arguments for ``--help`` or a
    name that is no command (its error lists them): ~10 ms less at every start."""
    chosen = None if argv is None else _command_in(argv)
    found = False
    c = _Commands("smpanel_desktop.cli.commands")
    p = _Commands("smpanel_desktop.cli.panels")
    w = _Commands("smpanel_desktop.cli.watch")
    m = _Commands("smpanel_desktop.cli.mass_order")
    money = _Commands("smpanel_desktop.cli.money")

    parser = Parser(
        prog="smpanel",
        description="Order and track SMM panel services (API v2) from the command line.",
        epilog="Exit codes: 0 ok, 1 panel error, 2 usage/invalid input, 3 network, "
        "4 unknown order outcome. The key comes from SMPANEL_API_KEY or the OS keyring.",
    )
    parser.add_argument("--version", action="version", version=f"smpanel {__version__}")
    _globals(parser, suppress=False)
    common = Parser(add_help=False)
    _globals(common, suppress=True)
    # prog: what argparse works out (the usage without options), without laying out a usage
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog=parser.prog)

    def command(name: str, func: Command | None, help_text: str) -> argparse.ArgumentParser:
        nonlocal found
        if argv is not None and name != chosen:
            if listed or chosen is None:
                sub.add_parser(name, help=help_text, add_help=False)
            return _Unbuilt()  # type: ignore[return-value]  # used as one, never read
        found = True
        cmd = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        cmd.set_defaults(func=func)
        return cmd

    cmd = command("services", w.cmd_services, "list the panel's services (cached for an hour)")
    cmd.add_argument("--changes", action="store_true", help="fetch; changes since the last fetch")
    cmd.add_argument("--search", metavar="T", help="text in the name or category, or the id")
    cmd.add_argument("--category", metavar="C", help="text in the category")
    cmd.add_argument("--type", metavar="T", help="service type (Default, Package ...)")
    cmd.add_argument("--refresh", action="store_true", help="fetch now, ignoring the cache")
    cmd.add_argument("--cached", action="store_true", help="only the cache, no request")

    cmd = command("balance", money.cmd_balance, "show the balance")
    cmd.add_argument("--all", action="store_true", help="every stored panel, in parallel")
    cmd = command("compare", money.cmd_compare, "compare a service's price across every panel")
    cmd.add_argument("text", nargs="+", metavar="TEXT", help="words in the name or category")
    cmd = command("spend", money.cmd_spend, "what the tracked orders cost, by period/panel/service")
    cmd.add_argument("--by", choices=SPEND_GROUPINGS, default="month")
    cmd.add_argument("--since", metavar="DATE", help="orders placed from this day (YYYY-MM-DD)")
    cmd.add_argument("--csv", metavar="FILE", help="also write the rows as CSV (UTF-8, BOM)")

    cmd = command("add", c.cmd_add, "place an order (validated before it is sent; sent once)")
    cmd.add_argument("--service", type=_order_id, required=True, metavar="ID")
    cmd.add_argument("--link", metavar="L")
    cmd.add_argument("--quantity", metavar="N")
    cmd.add_argument("--runs", metavar="N", help="drip-feed: repeat N times")
    cmd.add_argument("--interval", metavar="M", help="drip-feed: minutes between runs")
    cmd.add_argument(
        "--field",
        action="append",
        metavar="NAME=VALUE",
        help=r"any API parameter (comments, usernames, delay ...); \n in VALUE is a line break",
    )

    cmd = command("mass-order", m.cmd_mass_order, "place many orders from a list (checked first)")
    cmd.add_argument("file", metavar="FILE", help="text lines, .csv or .xlsx; - for stdin")
    cmd.add_argument("--dry-run", action="store_true", help="check and show; send nothing")
    cmd.add_argument("--skip-invalid", action="store_true", help="send the valid lines only")
    cmd.add_argument("--again", action="store_true", help="place a batch placed before again")
    cmd.add_argument(
        "--allow-duplicate-links",
        action="store_true",
        help="send lines whose service and link already have an open order",
    )

    cmd = command("status", c.cmd_status, "live status of orders (updates tracked ones)")
    cmd.add_argument("ids", nargs="+", type=_ids, metavar="ID")

    orders = _Commands("smpanel_desktop.cli.orders")
    cmd = command("orders", orders.cmd_orders, "tracked orders, newest first")
    cmd.add_argument("--status", metavar="S", help="panel status (Pending ...) or state (unknown)")
    cmd.add_argument("--search", metavar="T", help="text in link, service or id")

    command("refresh", c.cmd_refresh, "poll every open tracked order (batches of 100)")

    cmd = command("refill", w.cmd_refill, "request refills of orders (ids, or --eligible)")
    cmd.add_argument("ids", nargs="*", type=_ids, metavar="ID")
    cmd.add_argument("--eligible", action="store_true", help="every order that can be refilled")
    cmd.add_argument("--dry-run", action="store_true", help="with --eligible: list, send nothing")
    cmd.add_argument("--no-refresh", action="store_true", help="with --eligible: no status read")
    cmd = command("refill-window", w.cmd_refill_window, "a service's refill window: show or set")
    cmd.add_argument("service", type=_order_id, metavar="SERVICE")
    cmd.add_argument("window", nargs="?", metavar="DAYS|lifetime|none|auto")
    cmd = command("refill-status", c.cmd_refill_status, "status of refills (refill ids)")
    cmd.add_argument("ids", nargs="+", type=_ids, metavar="ID")
    cmd = command("cancel", c.cmd_cancel, "ask the panel to cancel orders")
    cmd.add_argument("ids", nargs="+", type=_ids, metavar="ID")

    cmd = command("import", p.cmd_import, "track orders placed elsewhere (by panel order id)")
    cmd.add_argument("ids", nargs="+", type=_ids, metavar="ID")

    cmd = command("resolve", c.cmd_resolve, "settle an order whose outcome is unknown")
    cmd.add_argument("local_id", type=_order_id, metavar="LOCAL_ID", help="the #N in `orders`")
    how = cmd.add_mutually_exclusive_group(required=True)
    how.add_argument("--order", type=_order_id, metavar="ID", help="the id found on the panel")
    how.add_argument("--not-placed", action="store_true", help="the panel has no such order")

    cmd = command("panels", p.cmd_panels, "list, add, remove or choose panels")
    actions = cmd.add_subparsers(dest="panels_action", metavar="ACTION")
    actions.add_parser("list", parents=[common], help="stored panels (* = current)")
    add = actions.add_parser("add", parents=[common], help="add a panel: NAME URL")
    add.add_argument("name")
    add.add_argument("url")
    remove = actions.add_parser("remove", parents=[common], help="remove a panel and its key")
    remove.add_argument("name")
    remove.add_argument("--force", action="store_true", help="also delete its tracked orders")
    use = actions.add_parser("use", parents=[common], help="make a panel the default")
    use.add_argument("name")

    cmd = command("key", p.cmd_key, "the panel's API key in the OS keyring")
    keys = cmd.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    keys.add_parser("set", parents=[common], help="read it (no echo, or stdin) and store it")
    keys.add_parser("delete", parents=[common], help="remove it from the keyring")
    keys.add_parser("status", parents=[common], help="is one stored (last 4 characters)")

    cmd = command("sandbox", None, "run the built-in sandbox panel on 127.0.0.1")
    cmd.add_argument("--port", type=int, default=8765)
    cmd.add_argument("--services", type=int, default=3000)
    cmd.add_argument("--currency", default="USD")
    cmd.add_argument("--key", default="sandbox-key", help="the key clients must send")
    cmd.add_argument("--seed", type=int, default=1)
    cmd.add_argument("--time-scale", type=float, default=1.0, help="simulated seconds per second")
    cmd.add_argument("--state-file", default=None, help="keep orders across restarts")
    cmd.add_argument(
        "--dialect",
        choices=("perfectpanel", "smartpanel"),
        default="perfectpanel",
        help="the engine it speaks: perfectpanel (/api/v2) or smartpanel (/api/v1)",
    )
    if argv is not None and chosen is not None and not found and not listed:
        return build_parser(argv, listed=True)  # no such command: the error lists them all
    return parser


def run(args: argparse.Namespace) -> int:
    if args.command == "sandbox":
        from smpanel_desktop.cli.panels import cmd_sandbox

        return cmd_sandbox(args)
    from smpanel_desktop.cli.session import Session

    session = Session(args)
    try:
        return int(args.func(args, session))
    finally:
        session.close()


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # this process's own command line: what is imported lives to its end, and
        gc.freeze()  # no collection walks it again (the exit's took ~5 ms of every run)
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors: argparse printed them
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if isinstance(getattr(args, "ids", None), list):  # `status 1 2,3` -> [1, 2, 3]
        args.ids = [i for group in args.ids for i in group]
        if not args.ids and not getattr(args, "eligible", False):
            return fail(EXIT_USAGE, "no order id given")
    if args.command == "panels" and not args.panels_action:
        args.panels_action = "list"
    try:
        return run(args)
    except KeyboardInterrupt:
        return fail(130, "interrupted")
    except Exception as exc:  # the classes imported only now: a run that succeeds needs none
        from smpanel_desktop.cli.failures import exit_code

        return exit_code(args, exc)


if __name__ == "__main__":
    sys.exit(main())
