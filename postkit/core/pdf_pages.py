"""The page template of postkit's PDFs: A4 with postkit's margins, a cover's styles, and a
footer with 'page n of m' under a thin rule.

A new PDF starts from `a4_document(path, title=…)`, passes `numbered_canvas(Footer(…))` as
`canvasmaker` to its `build`, and (if it has a cover) takes `cover_styles` for it.

reportlab knows a page's number while drawing it, but not how many pages follow; the canvas
here keeps every page's state until the document is saved, then draws each footer with the
total. A report and a decision record differ only in the footer's lines and look (`Footer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, SimpleDocTemplate
from typing_extensions import override

from postkit.core.pdf_fonts import BOLD, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
# Below the text: room for the footer's rule and first line (`Footer.rule_height` 2 mm).
FOOTER_BAND = 4 * mm
RULE = colors.HexColor("#b4b4b4")


def a4_document(
    path: str | Path,
    *,
    margin: float = MARGIN,
    bottom_margin: float | None = None,
    template: type[BaseDocTemplate] = SimpleDocTemplate,
    **info: Any,
) -> BaseDocTemplate:
    """An A4 document of `template` with `margin` on three sides and `bottom_margin` (the
    margin and the footer's band unless given) below, postkit named as its creator.

    `info` is the rest `template` takes: the PDF's title, author, subject, keywords…
    """
    return template(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + FOOTER_BAND if bottom_margin is None else bottom_margin,
        creator="postkit",
        **info,
    )


def cover_styles(
    body: ParagraphStyle, accent: Color
) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """A cover page's styles, from the document's `body` style: the grey "postkit" brand
    line, the large title in `accent`, and the subtitle under it."""
    brand = ParagraphStyle("brand", body, fontName=BOLD, fontSize=12, textColor=colors.grey)
    title = ParagraphStyle(
        "cover_title",
        body,
        fontName=BOLD,
        fontSize=28,
        leading=34,
        spaceBefore=4,
        spaceAfter=6,
        textColor=accent,
    )
    subtitle = ParagraphStyle("cover_subtitle", body, fontSize=12, leading=16)
    return brand, title, subtitle


@dataclass(frozen=True)
class Footer:
    """What every footer holds: text lines on the left, `page_label` (with {page} and {pages})
    on the right of the first line; the rule `rule_height` above the bottom margin's edge."""

    lines: tuple[str, ...]
    page_label: str
    font_size: float = 8
    color: Color = colors.grey
    rule_height: float = 2 * mm
    # Pages before this one (a cover) get no footer, though they are counted.
    first_page: int = 1


class NumberedCanvas(Canvas):
    """Puts the footer and 'page n of m' on the pages; m is known only after the last page."""

    def __init__(self, footer: Footer, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    @override
    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    @override
    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber >= self._footer.first_page:
                self.draw_footer(total)
            super().showPage()
        super().save()

    def draw_footer(self, total: int) -> None:
        footer = self._footer
        self.saveState()
        self.setFont(REGULAR, footer.font_size)
        self.setFillColor(footer.color)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        rule = MARGIN + footer.rule_height
        self.line(MARGIN, rule, PAGE_WIDTH - MARGIN, rule)
        for index, line in enumerate(footer.lines):
            self.drawString(MARGIN, rule - 4 * mm - index * 3.5 * mm, line)
        label = footer.page_label.format(page=self._pageNumber, pages=total)
        self.drawRightString(PAGE_WIDTH - MARGIN, rule - 4 * mm, label)
        self.restoreState()


def numbered_canvas(footer: Footer) -> Callable[..., Canvas]:
    """The `canvasmaker` for `SimpleDocTemplate.build` that draws `footer` on the pages."""

    def make(*args: Any, **kwargs: Any) -> Canvas:
        return NumberedCanvas(footer, *args, **kwargs)

    return make
