"""Render resources/icons/cowork.svg into the PNG sizes, cowork.ico (Windows) and cowork.icns (macOS).

The generated files are committed, so a build never needs this script; run it after changing the SVG:

    .venv/bin/python packaging/make_icons.py

The SVG is drawn with Qt's own renderer (QtSvg ships in PySide6-Essentials) offscreen, onto a transparent
image; Pillow (installed with reportlab) writes the multi-size .ico and .icns from those PNGs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "cowork.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS holds 16, 32, 64, 128, 256, 512 (and 1024, which is rendered for it but not kept as a PNG)
ICNS_EXTRA = 1024


def png_path(size: int) -> Path:
    return ICONS / f"cowork-{size}.png"


def render_pngs(sizes: tuple[int, ...]) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    out: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = png_path(size) if size in SIZES else ICONS / f".cowork-{size}.tmp.png"
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(path), "PNG"):
            raise SystemExit(f"make_icons: cannot write {path}")
        out[size] = path
    del app
    return out


def write_ico_icns(pngs: dict[int, Path]) -> None:
    from PIL import Image

    images = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    biggest = images[max(ICO_SIZES)]
    biggest.save(
        ICONS / "cowork.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    icns_sizes = (16, 32, 64, 128, 256, 512, ICNS_EXTRA)
    images[ICNS_EXTRA].save(
        ICONS / "cowork.icns",
        format="ICNS",
        append_images=[images[s] for s in icns_sizes if s != ICNS_EXTRA],
    )


def main() -> int:
    pngs = render_pngs((*SIZES, ICNS_EXTRA))
    try:
        write_ico_icns(pngs)
    finally:
        pngs[ICNS_EXTRA].unlink(missing_ok=True)
    for path in sorted(ICONS.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
