"""Render the app icon SVG into every raster the platforms want.

    .venv/bin/python packaging/make_icons.py

Writes smpanel_desktop/resources/icons/smpanel-desktop-<N>.png (the freedesktop hicolor sizes),
smpanel-desktop.ico (Windows) and smpanel-desktop.icns (macOS).  Rendering uses QtSvg from the
project's PySide6, so no system tool (rsvg, Inkscape, ImageMagick) is needed; the ICO and ICNS
containers are written here (both are a small header around PNG or BMP images).  The outputs are
committed; run this again after editing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "smpanel_desktop" / "resources" / "icons"
SVG = ICONS / "smpanel-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the same set Pillow and iconutil write).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("could not encode PNG")
    return bytes(data.data())


def bmp_icon_bytes(image: QImage) -> bytes:
    """An ICO image entry in the classic form: BITMAPINFOHEADER, BGRA rows bottom-up, AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian memory: B, G, R, A
    rows = [bytes(argb.constScanLine(y))[: size * 4] for y in range(size)]
    mask_stride = ((size + 31) // 32) * 4
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + bytes(mask_stride * size)


def write_ico(images: dict[int, QImage], path: Path) -> None:
    # PNG entries for the big sizes (smaller file), BMP for small ones (read everywhere).
    blobs = [
        (size, png_bytes(images[size]) if size >= 128 else bmp_icon_bytes(images[size]))
        for size in ICO_SIZES
    ]
    out = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    for size, blob in blobs:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(out + b"".join(blob for _, blob in blobs))


def write_icns(images: dict[int, QImage], path: Path) -> None:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(blob)) + blob
        for kind, size in ICNS_TYPES
        for blob in [png_bytes(images[size])]
    )
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render(renderer, size) for size in sizes}
    for size in PNG_SIZES:
        (ICONS / f"smpanel-desktop-{size}.png").write_bytes(png_bytes(images[size]))
    write_ico(images, ICONS / "smpanel-desktop.ico")
    write_icns(images, ICONS / "smpanel-desktop.icns")
    print(f"wrote {len(PNG_SIZES)} PNGs, smpanel-desktop.ico and smpanel-desktop.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
