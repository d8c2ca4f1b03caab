"""The PyInstaller bundle: its exclude policy, and its self-test (plain and under a real keyring).

The self-test runs on ``dist/smpanel-desktop`` as built by ``make bundle`` (``make test`` builds
it first).  Without a bundle these tests are skipped, unless ``SMPANEL_REQUIRE_BUNDLE=1`` (set by
``make test``), which turns a missing bundle into a failure.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smpanel_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "smpanel-desktop"
EXE = BUNDLE / ("smpanel-desktop.exe" if sys.platform == "win32" else "smpanel-desktop")

sys.path.insert(0, str(ROOT / "packaging"))
from bundle_policy import EXCLUDES  # noqa: E402


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_app_imports_no_module_the_bundle_leaves_out() -> None:
    """An excluded module the app imports would crash the frozen app, not the tests."""
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "smpanel_desktop").rglob("*.py")
        for name in imported_modules(path)
        for excluded in EXCLUDES
        if name == excluded or name.startswith(excluded + ".")
    }
    assert not offenders, "remove these from packaging/bundle_policy.py or stop importing them"


def run_self_test(*args: str) -> subprocess.CompletedProcess[str]:
    if not EXE.exists():
        if os.environ.get("SMPANEL_REQUIRE_BUNDLE") == "1":
            pytest.fail(f"{EXE} is missing: run `make bundle`")
        pytest.skip("no bundle: run `make bundle` (or `make test`, which builds it)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(EXE), "--self-test", *args], env=env, capture_output=True, text=True, timeout=90
    )


@pytest.mark.slow
def test_bundle_self_test_passes_offscreen() -> None:
    done = run_self_test()
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"smpanel-desktop {__version__} (frozen)" in done.stdout
    assert "services, balance 1000" in done.stdout
    assert "window shown and closed, icon ok" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_bundled_app_opens_its_main_window_on_a_panel(sandbox: Any, tmp_path: Path) -> None:
    """The GUI path itself (every tab's imports), not only the self-test's window."""
    if not EXE.exists():
        run_self_test()  # skips or fails as above
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SMPANEL_EXIT_AFTER_SHOW="1",
        SMPANEL_API_KEY=sandbox.key,
        SMPANEL_DATA_DIR=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [str(EXE), "--api-url", sandbox.url], env=env, capture_output=True, text=True, timeout=90
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("SMPANEL_FIRST_SHOWN ")
    assert "Traceback" not in done.stderr
    log = (Path(os.environ["SMPANEL_LOG_DIR"]) / "smpanel-desktop.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and sandbox.key not in log


@pytest.mark.slow
def test_bundle_self_test_fails_when_the_expected_keyring_is_missing() -> None:
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip("a session bus is present; the keyring_integration test covers this case")
    done = run_self_test("--expect-keyring", "SecretService")
    assert done.returncode == 1
    assert "expected a SecretService backend" in done.stdout


@pytest.mark.slow
@pytest.mark.keyring_integration
def test_bundle_finds_the_secret_service_keyring() -> None:
    """Frozen apps lose keyring's backends without its metadata (keyring issues #324, #591)."""
    done = run_self_test("--expect-keyring", "SecretService")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "keyring:      SecretService" in done.stdout
    assert "store/read/delete ok" in done.stdout
