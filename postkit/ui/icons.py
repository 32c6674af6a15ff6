"""Icons: Material Design Icons glyphs drawn in the palette's colours, and the application icon.

The glyphs come from the icon font that the qtawesome package ships. postkit reads the font and
its charmap directly instead of calling qtawesome's API: importing qtawesome imports qtpy, whose
star-imports of PySide6 add about 75 ms to every start, before the window shows.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

from postkit.core.paths import resources_dir
from postkit.ui.glyphs import GLYPHS
from postkit.ui.overrides import override

ICON_FONT = "materialdesignicons6-webfont-*.ttf"
ICON_CHARMAP = "materialdesignicons6-webfont-charmap-*.json"
# As qtawesome draws its glyphs: the font's bearing fills the rest of the square.
GLYPH_SCALE = 0.875
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

MODULE_ICONS: dict[str, str] = {
    "activities": "format-list-bulleted",
    "dashboard": "view-dashboard-outline",
    "screening": "shield-check-outline",
    "practices": "lightbulb-on-outline",
    "surveys": "clipboard-text-outline",
    "hq": "office-building-outline",
    "followups": "calendar-check-outline",
    "companies": "domain",
    "help": "help-circle-outline",
}


class IconFontError(RuntimeError):
    """The icon font is missing from the installation or the build."""


def icon_font_dir() -> Path:
    """Where the qtawesome package keeps its fonts, in a checkout's venv or a PyInstaller build."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "qtawesome" / "fonts"
    # find_spec locates the package without running its __init__ (and so without qtpy).
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        raise IconFontError("The qtawesome package is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


def _newest(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if not found:
        raise IconFontError(f"No {pattern} in {folder}.")
    return found[-1]


@cache
def _icon_family() -> str:
    """The icon font's family, loaded into the application's fonts the first time it is drawn."""
    folder = icon_font_dir()
    font_id = QFontDatabase.addApplicationFont(str(_newest(folder, ICON_FONT)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise IconFontError(f"Qt could not load the icon font in {folder}.")
    return families[0]


@cache
def _charmap() -> dict[str, str]:
    """Every icon name of the font with its code point in hexadecimal."""
    import json

    text = _newest(icon_font_dir(), ICON_CHARMAP).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def glyph_code(name: str) -> int:
    """The code point of icon `name`; KeyError when the font has no such icon."""
    code = GLYPHS.get(name)
    if code is not None:
        return code
    hexadecimal = _charmap().get(name)
    if hexadecimal is None:
        raise KeyError(f"No icon named {name!r} in Material Design Icons.")
    return int(hexadecimal, 16)


def _glyph_color(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)


class GlyphIconEngine(QIconEngine):
    """Draws one glyph at paint time in the current palette, so icons follow a palette switch."""

    def __init__(self, glyph: str) -> None:
        super().__init__()
        self._glyph = glyph

    @override
    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        font = QFont(_icon_family())
        font.setPixelSize(max(1, round(GLYPH_SCALE * min(rect.width(), rect.height()))))
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(_glyph_color(mode))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._glyph)
        painter.restore()

    @override
    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    @override
    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    @override
    def clone(self) -> GlyphIconEngine:
        return GlyphIconEngine(self._glyph)

    @override
    def key(self) -> str:
        return "postkit-glyph"


@cache
def icon(name: str) -> QIcon:
    """The Material Design icon `name` (e.g. "pencil-outline"), in the palette's text colour."""
    return QIcon(GlyphIconEngine(chr(glyph_code(name))))


def icons_dir() -> Path:
    return resources_dir() / "icons"


@cache
def app_icon() -> QIcon:
    """postkit's own mark, from PNGs rendered at each size a desktop asks for."""
    result = QIcon()
    for size in APP_ICON_SIZES:
        result.addFile(str(icons_dir() / f"postkit-{size}.png"), QSize(size, size))
    return result
