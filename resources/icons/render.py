"""Renders postkit.svg to the PNG sizes and the Windows .ico; run after editing the SVG.

QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/render.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
    )
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    path = HERE / f"postkit-{size}.png"
    image.save(str(path))
    return path


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "postkit.svg"))
    if not renderer.isValid():
        raise SystemExit("postkit.svg is not a valid SVG")
    paths = {size: render(renderer, size) for size in SIZES}
    images = [Image.open(paths[size]).convert("RGBA") for size in ICO_SIZES]
    # Each size from its own rendering, not scaled down from the largest.
    images[-1].save(
        HERE / "postkit.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=images[:-1],
    )


if __name__ == "__main__":
    main()
