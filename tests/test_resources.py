"""Icons, desktop entry and AppStream metainfo: present, current, valid, installable."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
RES = ROOT / "smpanel_desktop" / "resources"
ICONS = RES / "icons"
APP_ID = "net.smpanel.SmpanelDesktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_png_icons_have_their_sizes_and_transparent_corners(qapp: QGuiApplication) -> None:
    for size in PNG_SIZES:
        image = QImage(str(ICONS / f"smpanel-desktop-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0  # the rounded tile leaves the corner clear
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_pngs_are_rendered_from_the_current_svg(qapp: QGuiApplication) -> None:
    """Editing the SVG without running packaging/make_icons.py leaves stale rasters."""
    renderer = QSvgRenderer(str(ICONS / "smpanel-desktop.svg"))
    assert renderer.isValid()
    fresh = QImage(64, 64, QImage.Format.Format_ARGB32)
    fresh.fill(0)
    painter = QPainter(fresh)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    committed = QImage(str(ICONS / "smpanel-desktop-64.png")).convertToFormat(fresh.format())
    differing = sum(
        fresh.pixel(x, y) != committed.pixel(x, y) for x in range(64) for y in range(64)
    )
    assert differing < 64, "run `make icons` after changing the SVG"


@pytest.mark.parametrize(
    ("name", "sizes"),
    [
        ("smpanel-desktop.ico", {16, 24, 32, 48, 64, 128, 256}),
        ("smpanel-desktop.icns", {16, 32, 64, 128, 256, 512, 1024}),
    ],
)
def test_windows_and_macos_icons_hold_every_size(
    qapp: QGuiApplication, name: str, sizes: set[int]
) -> None:
    reader = QImageReader(str(ICONS / name))
    found = set()
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.size() == QSize(image.width(), image.width())
        found.add(image.width())
        reader.jumpToNextImage()
    assert sizes <= found


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils missing")
def test_desktop_entry_is_valid() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(RES / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream missing")
def test_metainfo_is_valid() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(RES / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_install_desktop_puts_entry_and_icons_in_the_users_folders(tmp_path: Path) -> None:
    exe = tmp_path / "my apps" / "smpanel-desktop"
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    script = str(ROOT / "packaging" / "install-desktop.sh")
    subprocess.run([script, str(exe)], env=env, check=True, capture_output=True)
    share = tmp_path / "share"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{exe}"' in entry.splitlines()
    assert f"Icon={APP_ID}" in entry.splitlines()
    for size in PNG_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    subprocess.run([script, "--uninstall"], env=env, check=True, capture_output=True)
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))


def test_the_window_icon_is_the_app_icon_at_every_size(qapp: QGuiApplication) -> None:
    from smpanel_desktop.ui.widgets.icons import app_icon

    icon = app_icon()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in PNG_SIZES} <= sizes  # drawn for each size, not scaled from one
    shown = icon.pixmap(QSize(48, 48)).toImage()
    expected = QImage(str(ICONS / "smpanel-desktop-48.png")).convertToFormat(shown.format())
    assert shown == expected
