"""The package's own files: icons, the desktop entry and metainfo, translations.

They sit beside this module in a source checkout, an installed wheel and the PyInstaller bundle
alike (a folder on disk in every way the app is installed: zip imports are not supported), so
a path is this folder joined with the file's name (``importlib.resources`` gives the same folder,
for ~4 ms of imports before the first paint).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent

APP_ID = "net.smpanel.SmpanelDesktop"


def resource_path(*parts: str) -> Path:
    """A file of the package's resources on disk (``resource_path("icons", "x.svg")``)."""
    return _HERE.joinpath(*parts)


def app_icon_path() -> Path:
    """The app icon as SVG."""
    return resource_path("icons", "smpanel-desktop.svg")


APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon_pngs() -> list[tuple[int, Path]]:
    """The app icon drawn at each of ``APP_ICON_SIZES`` (the window icon: no SVG plugin to load
    before the first paint)."""
    return [
        (size, resource_path("icons", f"smpanel-desktop-{size}.png")) for size in APP_ICON_SIZES
    ]
