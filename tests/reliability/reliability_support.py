"""Small helpers shared by the fault suite (process figures, the CLI as a subprocess)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

CLI = [sys.executable, "-m", "smpanel_desktop.cli"]
NO_KEYRING = "keyring.backends.fail.Keyring"  # a subprocess never touches a real keyring


def cli_env(key: str) -> dict[str, str]:
    """The environment for a CLI subprocess: the key from ``SMPANEL_API_KEY``, no keyring."""
    env = dict(os.environ)
    env["SMPANEL_API_KEY"] = key
    env["PYTHON_KEYRING_BACKEND"] = NO_KEYRING
    return env


def run_killed(args: list[str], env: dict[str, str], after: float, log: Path) -> int | None:
    """Start the CLI with ``args``; SIGKILL it ``after`` seconds unless it ended before.
    Returns its exit code, or None when it was killed."""
    with log.open("ab") as err:
        proc = subprocess.Popen(CLI + args, env=env, stdout=subprocess.DEVNULL, stderr=err)
        try:
            return proc.wait(timeout=after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return None


def timed_run(
    args: list[str], env: dict[str, str]
) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    proc = subprocess.run(CLI + args, env=env, capture_output=True, text=True, timeout=90)
    return time.perf_counter() - started, proc


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the file, opened the way a restarted app opens it."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def rss_kb() -> int:
    """This process's resident set size in KiB (Linux /proc)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))
