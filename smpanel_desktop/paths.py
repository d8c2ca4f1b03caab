"""Where the app keeps its files: data (the SQLite store), config and logs (Qt-free).

Each folder is, in order: an explicit override (``--data-dir``), an environment variable
(``SMPANEL_DATA_DIR``, ``SMPANEL_CONFIG_DIR``, ``SMPANEL_LOG_DIR``), the platformdirs default for
``smpanel-desktop``.  Folders are created on first use; on POSIX a folder we create is private
(0700): it holds the order history and logs.  An existing folder's permissions are left alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from smpanel_desktop import APP_NAME

DATA_ENV = "SMPANEL_DATA_DIR"
CONFIG_ENV = "SMPANEL_CONFIG_DIR"
LOG_ENV = "SMPANEL_LOG_DIR"
DB_FILE = "smpanel.sqlite3"


def ensure_dir(path: str | Path) -> Path:
    """Create ``path`` (and missing parents) if needed; new folders are 0700 on POSIX."""
    path = Path(path).expanduser()
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
    return path


def _pick(override: str | Path | None, env: str, default: str) -> Path:
    if override is not None and str(override).strip():
        return ensure_dir(override)
    from_env = os.environ.get(env, "").strip()
    if from_env:
        return ensure_dir(from_env)
    import platformdirs  # ~8 ms (it imports tempfile): only for the default folders

    where: Callable[..., str] = getattr(platformdirs, default)
    return ensure_dir(where(APP_NAME, appauthor=False))


def data_dir(override: str | Path | None = None) -> Path:
    """The data folder: ``override`` > ``$SMPANEL_DATA_DIR`` > platformdirs user data dir."""
    return _pick(override, DATA_ENV, "user_data_dir")


def config_dir(override: str | Path | None = None) -> Path:
    """The config folder: ``override`` > ``$SMPANEL_CONFIG_DIR`` > platformdirs config dir."""
    return _pick(override, CONFIG_ENV, "user_config_dir")


def log_dir(override: str | Path | None = None) -> Path:
    """The log folder: ``override`` > ``$SMPANEL_LOG_DIR`` > platformdirs user log dir."""
    return _pick(override, LOG_ENV, "user_log_dir")


def db_path(data_folder: str | Path | None = None) -> Path:
    """The SQLite file inside ``data_folder`` (default: ``data_dir()``)."""
    folder = data_dir() if data_folder is None else ensure_dir(data_folder)
    return folder / DB_FILE
