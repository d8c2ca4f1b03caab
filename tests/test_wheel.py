"""The package as a user installs it: a wheel, not the source tree, in a fresh virtualenv.

The wheel must carry its own resources (icons, desktop entry, metainfo, translations): the app's
self-test renders the icon from the installed package, and both commands start from it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        timeout=600,
    )
    (found,) = out.glob("smpanel_desktop-*.whl")
    return found


def test_the_wheel_carries_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "smpanel_desktop/resources/icons/smpanel-desktop.svg",
        "smpanel_desktop/resources/icons/smpanel-desktop-256.png",
        "smpanel_desktop/resources/net.smpanel.SmpanelDesktop.desktop",
        "smpanel_desktop/resources/net.smpanel.SmpanelDesktop.metainfo.xml",
        "smpanel_desktop/py.typed",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/"))]


def test_a_fresh_venv_runs_both_commands_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    # The dependencies (PySide6, requests, keyring ...) come from this environment's
    # site-packages, added as a plain path: its .pth files (the editable install of the source
    # tree among them) are not read, so smpanel_desktop can only come from the wheel.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
         str(wheel)],
        check=True, timeout=300,
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("DATA", "CONFIG", "LOG"):
        env[f"SMPANEL_{name}_DIR"] = str(tmp_path / name.lower())
    where = subprocess.run(
        [str(python), "-c", "import smpanel_desktop; print(smpanel_desktop.__file__)"],
        capture_output=True, text=True, check=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(env_dir)  # not the source tree
    cli = subprocess.run(
        [str(bin_dir / "smpanel"), "--help"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert "usage: smpanel" in cli.stdout
    test = subprocess.run(
        [str(bin_dir / "smpanel-desktop"), "--self-test"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert test.returncode == 0, test.stdout + test.stderr
    assert "icon ok" in test.stdout  # rendered from the installed package's resources
