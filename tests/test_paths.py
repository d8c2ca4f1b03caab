"""Where files go: override > environment > platformdirs, private folders."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pytest

from smpanel_desktop import paths


def test_override_beats_environment(tmp_path: Path, data_dir: Path) -> None:
    assert paths.data_dir() == data_dir  # conftest sets SMPANEL_DATA_DIR
    assert paths.data_dir(tmp_path / "mine") == tmp_path / "mine"
    assert paths.db_path(tmp_path / "mine") == tmp_path / "mine" / "smpanel.sqlite3"
    assert paths.db_path() == data_dir / "smpanel.sqlite3"


def test_environment_sets_config_and_log_folders(tmp_path: Path) -> None:
    assert paths.config_dir() == tmp_path / "config"
    assert paths.log_dir() == tmp_path / "logs"
    assert (tmp_path / "config").is_dir() and (tmp_path / "logs").is_dir()


def test_platformdirs_default_without_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in (paths.DATA_ENV, paths.LOG_ENV):
        monkeypatch.setenv(name, "   ")  # blank counts as unset
    expected = Path(platformdirs.user_data_dir("smpanel-desktop", appauthor=False))
    assert paths.data_dir() == expected
    assert expected.is_relative_to(tmp_path)
    assert paths.log_dir() == Path(platformdirs.user_log_dir("smpanel-desktop", appauthor=False))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_folders_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = paths.data_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert folder.stat().st_mode & 0o777 == 0o700
    existing = tmp_path / "shared"
    existing.mkdir(mode=0o755)
    os.chmod(existing, 0o755)
    paths.data_dir(existing)
    assert existing.stat().st_mode & 0o777 == 0o755  # a folder the user made is left alone
