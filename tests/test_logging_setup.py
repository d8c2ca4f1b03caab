"""The log file: where it goes, that it rotates, and that no registered key ever reaches it."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from smpanel_desktop import logging_setup
from smpanel_desktop.logging_setup import register_secret, scrub, setup_logging

KEY = "d3adb33fc0ffee1234567890abcdef99"


pytestmark = pytest.mark.usefixtures("clean_logging")  # tests/conftest.py


def all_log_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.log*")))


def test_logs_go_to_the_log_folder_from_the_environment(tmp_path: Path) -> None:
    path = setup_logging()
    assert path == Path(os.environ["SMPANEL_LOG_DIR"]) / "smpanel-desktop.log"
    logging.getLogger("smpanel_desktop.test").info("order %s placed", 42)
    assert "order 42 placed" in path.read_text(encoding="utf-8")


def test_explicit_folder_wins_and_is_created(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "elsewhere" / "logs")
    logging.getLogger("x").warning("hello")
    assert path.parent == tmp_path / "elsewhere" / "logs"
    assert "hello" in path.read_text(encoding="utf-8")


def test_registered_key_is_scrubbed_from_messages_args_and_tracebacks(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    register_secret(KEY)
    log = logging.getLogger("smpanel_desktop.api")
    log.info("POST key=%s action=balance", KEY)
    log.info(f"url https://panel.example/api/v2?key={KEY}&action=add")
    try:
        raise RuntimeError(f"panel rejected {KEY}")
    except RuntimeError:
        log.exception("request failed")
    text = path.read_text(encoding="utf-8")
    assert KEY not in text
    assert text.count("***") >= 3
    assert "RuntimeError: panel rejected ***" in text
    assert "action=balance" in text  # the rest of the message is kept


def test_url_encoded_forms_are_scrubbed(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    secret = "ab+cd/ef=gh&ij"
    register_secret(secret)
    logging.getLogger("x").info("query %s form %s", quote(secret, safe=""), quote_plus(secret))
    text = path.read_text(encoding="utf-8")
    assert "query *** form ***" in text
    assert "ab" not in text.split("query", 1)[1]


def test_key_from_the_environment_is_registered_automatically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)
    path = setup_logging(tmp_path)
    logging.getLogger("x").error("using %s", KEY)
    assert KEY not in path.read_text(encoding="utf-8")
    assert scrub(f"[{KEY}]") == "[***]"


def test_too_short_values_are_not_treated_as_secrets() -> None:
    register_secret("ab")
    register_secret("   ")
    register_secret(None)
    assert scrub("a tab and a cab") == "a tab and a cab"


def test_log_rotates_and_no_rotated_file_holds_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 4_000)
    path = setup_logging(tmp_path)
    register_secret(KEY)
    log = logging.getLogger("smpanel_desktop.worker")
    for i in range(400):
        log.info("refresh %d with key %s", i, KEY)
    files = sorted(tmp_path.glob("smpanel-desktop.log*"))
    assert path in files
    assert len(files) == logging_setup.BACKUP_COUNT + 1  # the live file and 5 rotated ones
    assert all(f.stat().st_size <= 4_000 for f in files)
    assert "refresh 399 with key ***" in path.read_text(encoding="utf-8")
    assert KEY not in all_log_text(tmp_path)


def test_calling_setup_twice_does_not_duplicate_lines(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    path = setup_logging(tmp_path)
    logging.getLogger("x").warning("once")
    assert path.read_text(encoding="utf-8").count("once") == 1
