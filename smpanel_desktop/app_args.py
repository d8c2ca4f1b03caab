"""The desktop app's command line: its options, and how they are read.

``parse_args`` reads a command line of only the app's own options, written out in full
(``--api-url URL``, ``--api-url=URL``, ``--demo`` ...), without building argparse's parser:
that parser's gettext lookups import the locale module, 3-5 ms of every start before the window
can paint.  Anything else (``--help``, ``--version``, an abbreviation, a mistake) goes to the
argparse parser built from the same table, which answers as it always has.
"""

from __future__ import annotations

import argparse

from smpanel_desktop import __version__

OPTIONS: tuple[tuple[str, str | None, str], ...] = (  # name, metavar (None: a flag), help
    ("--api-url", "URL", "open the panel at this API endpoint"),
    ("--data-dir", "DIR", "keep the local database in DIR"),
    ("--demo", None, "open the built-in demo panel"),
    ("--lang", "CODE", "interface language: en or tr (default: the system's)"),
)


def parser() -> argparse.ArgumentParser:
    from smpanel_desktop.cli.parser import Parser  # the terminal measured only for --help

    made = Parser(
        prog="smpanel-desktop", description="Desktop app for SMM panels speaking the API v2."
    )
    for name, metavar, text in OPTIONS:
        if metavar is None:
            made.add_argument(name, action="store_true", help=text)
        else:
            made.add_argument(name, metavar=metavar, help=text)
    made.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return made


def parse_args(argv: list[str]) -> argparse.Namespace:
    plain = _plain(argv)
    return plain if plain is not None else parser().parse_args(argv)


def _plain(argv: list[str]) -> argparse.Namespace | None:
    """The options of ``argv`` when it holds only the app's own, in full, each value given
    (after ``=``, or as the next word when that is no option); else None."""
    dests = {name: name[2:].replace("-", "_") for name, _, _ in OPTIONS}  # argparse's dest
    flags = {name for name, metavar, _ in OPTIONS if metavar is None}
    found: dict[str, str | bool | None] = {
        dest: (False if name in flags else None) for name, dest in dests.items()
    }
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        dest = dests.get(name)
        if dest is None:
            return None
        if name in flags:  # a flag takes no value
            if equals:
                return None
            found[dest] = True
            continue
        if not equals:
            value = next(words, "-")
            if value.startswith("-"):  # missing, or an option: argparse says what is wrong
                return None
        found[dest] = value
    return argparse.Namespace(**found)
