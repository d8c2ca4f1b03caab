"""The app's log: one rotating file in the platform's log folder, with secrets scrubbed.

``setup_logging()`` is called once at start-up (``log_dir`` overrides ``paths.log_dir()``,
which honours ``SMPANEL_LOG_DIR``) and returns the log file's path (shown to the user
by the crash dialog and the self-test).  Code that learns an API key calls ``register_secret(key)``;
from then on every record that reaches a handler installed here (message, arguments, exception
text, stack) has it replaced by ``***``.  ``SMPANEL_API_KEY`` is registered automatically.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from urllib.parse import quote, quote_plus

from smpanel_desktop import paths

LOG_FILE_NAME = "smpanel-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
MIN_SECRET_LENGTH = 4  # shorter values would blank ordinary words; no real key is this short
MASK = "***"
FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_lock = threading.Lock()
_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None


def register_secret(value: str | None) -> None:
    """Scrub ``value`` (and its URL-encoded forms) from every log record from now on."""
    global _pattern
    if not value or len(value.strip()) < MIN_SECRET_LENGTH:
        return
    value = value.strip()
    with _lock:
        before = len(_secrets)
        _secrets.update({value, quote(value, safe=""), quote_plus(value)})
        if len(_secrets) != before:
            ordered = sorted(_secrets, key=len, reverse=True)  # longest first: no partial leaks
            _pattern = re.compile("|".join(re.escape(s) for s in ordered))


def forget_secrets() -> None:
    """Drop every registered secret (for tests)."""
    global _pattern
    with _lock:
        _secrets.clear()
        _pattern = None


def scrub(text: str) -> str:
    """``text`` with every registered secret replaced by ``***``."""
    pattern = _pattern
    return pattern.sub(MASK, text) if pattern is not None and text else text


class SecretFilter(logging.Filter):
    """Rewrites a record in place so that no handler after it can see a registered secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _pattern is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the record
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def setup_logging(log_dir: Path | str | None = None, *, level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file in the log folder (and warnings to stderr).

    Returns the log file's path.  Calling it again replaces the handlers it installed before.
    """
    folder = paths.log_dir(log_dir)  # log_dir > $SMPANEL_LOG_DIR > the platform's log folder
    log_path = folder / LOG_FILE_NAME
    register_secret(os.environ.get("SMPANEL_API_KEY"))

    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_smpanel", False)]:
        root.removeHandler(handler)
        handler.close()

    file_handler = RotatingFileHandler(
        log_path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    handlers: list[logging.Handler] = [file_handler]
    if sys.stderr is not None:  # None in a windowed bundle on Windows
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(console)
    for handler in handlers:
        handler.addFilter(SecretFilter())
        handler._smpanel = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return log_path
