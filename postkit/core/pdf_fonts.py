"""The font postkit's PDFs use: DejaVu Sans, shipped, so names in Cyrillic, Greek, Vietnamese
or Polish print as written (reportlab's built-in Helvetica covers Western European only)."""

from __future__ import annotations

from functools import cache

from postkit.core.paths import resources_dir

REGULAR = "PostkitSans"
BOLD = "PostkitSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the fonts with reportlab once; returns (regular, bold) font names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
