"""What a failed ``smpanel`` command prints and exits with (cli/main.py's exit codes).

Exit codes: 0 success; 1 the panel answered with an error; 2 bad usage, input rejected before
sending, or a local problem; 3 network failure or unreadable answer; 4 unknown outcome of an
order (cli/main.py's docstring says more).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:
    from smpanel_desktop.api.errors import UnknownOutcomeError

EXIT_OK, EXIT_PANEL, EXIT_USAGE, EXIT_NETWORK, EXIT_UNKNOWN = 0, 1, 2, 3, 4


def fail(code: int, text: str) -> int:
    print(f"smpanel: {text}", file=sys.stderr)
    return code


def exit_code(args: argparse.Namespace, exc: Exception) -> int:
    """The exit code (and message) of a failed command; re-raises what is a bug.

    Imported here, only now: a command that succeeds need not import the client, the keyring
    or the order rules for their error classes."""
    import sqlite3

    from smpanel_desktop.api.errors import ApiError, ConfigError, PanelError, UnknownOutcomeError
    from smpanel_desktop.cli.session import UsageError
    from smpanel_desktop.core.orders.fields import InvalidOrderError
    from smpanel_desktop.secrets import KeyStoreError, KeyStoreUnavailable, unavailable_message
    from smpanel_desktop.store.db import SchemaTooNewError

    if isinstance(exc, UnknownOutcomeError):
        return fail(EXIT_UNKNOWN, _unknown_text(args, exc))
    if isinstance(exc, PanelError):
        return fail(EXIT_PANEL, f"the panel answered: {exc}")
    if isinstance(exc, ConfigError):
        return fail(EXIT_USAGE, str(exc))
    if isinstance(exc, ApiError):
        return fail(EXIT_NETWORK, str(exc))
    if isinstance(exc, UsageError | InvalidOrderError):
        return fail(EXIT_USAGE, str(exc))
    if isinstance(exc, KeyStoreUnavailable):
        return fail(EXIT_USAGE, unavailable_message())
    if isinstance(exc, KeyStoreError):
        return fail(EXIT_USAGE, f"{exc} (or set SMPANEL_API_KEY for this run)")
    if isinstance(exc, sqlite3.Error):
        return fail(EXIT_USAGE, f"the local database cannot be used: {exc}")
    if isinstance(exc, SchemaTooNewError | ValueError):  # ValueError: the store's refusals
        return fail(EXIT_USAGE, str(exc))  # (duplicate name, wrong state)
    if isinstance(exc, BrokenPipeError):  # `smpanel services | head`: the reader left
        with contextlib.suppress(OSError, ValueError):  # keep the flush at exit quiet
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    if isinstance(exc, OSError):
        return fail(EXIT_USAGE, f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    raise exc


def _unknown_text(args: argparse.Namespace, exc: UnknownOutcomeError) -> str:
    if args.command == "add":
        return str(exc)
    return f"{exc}\nThe panel may have acted on it; nothing was resent."
