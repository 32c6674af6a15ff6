"""A PDF booklet of good practices for trainers to hand out: a cover, a table of contents and
one practice per page with its facts box."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents
from typing_extensions import override

from postkit.core import reference
from postkit.core.errors import PostkitError
from postkit.core.files import atomic_output
from postkit.core.i18n import N_, Translator, translator
from postkit.core.pdf_fonts import BOLD, REGULAR, register_fonts
from postkit.core.pdf_pages import (
    MARGIN,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    Footer,
    a4_document,
    cover_styles,
    numbered_canvas,
)
from postkit.core.practices.records import PracticeRecord

register_fonts()

# The practice's text fields, in the booklet's order, with their headings.
SECTIONS = {
    "summary": N_("Summary"),
    "context": N_("Context"),
    "what_was_done": N_("What was done"),
    "what_worked": N_("What worked"),
    "what_did_not": N_("What did not work"),
    "lessons": N_("Lessons for other posts"),
}
BLUE = colors.HexColor("#01689b")  # Rijksoverheid blue, as in the annual report
FACTS_FILL = colors.HexColor("#e6f0f6")
_PRACTICE_TITLE = "practice_title"


def write_booklet(
    records: Sequence[PracticeRecord],
    path: str | os.PathLike[str],
    language: str = "en",
    title: str | None = None,
    printed: date | None = None,
) -> None:
    """Write the practices as a PDF booklet at `path`, replacing it only once complete."""
    _ = translator(language)
    if not records:
        raise PostkitError(_("no practices to put in the booklet"))
    booklet = _Booklet(records, _, title or _("Good practices"), printed)
    with atomic_output(Path(path)) as temp:
        booklet.build(temp)


# --- Markdown -------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
# The text is escaped first, so it holds no "<" but ours: italics cannot cross a bold tag.
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^<]+?)(?<=[^\s*_])\1(?![\w*])")


def inline_markup(text: str) -> str:
    """Escaped text with **bold** and *italic* as reportlab mini-HTML; nothing else passes."""
    marked = _BOLD.sub(r"<b>\2</b>", escape(text))
    return _ITALIC.sub(r"<i>\2</i>", marked)


def markdown_flowables(text: str, body: ParagraphStyle, bullet: ParagraphStyle) -> list[Flowable]:
    """Paragraphs, bulleted and numbered lists and headings from a small Markdown subset."""
    flowables: list[Flowable] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            flowables.append(Paragraph(inline_markup(" ".join(paragraph)), body))
            paragraph.clear()

    for line in text.splitlines():
        if not line.strip():
            end_paragraph()
        elif match := _BULLET.match(line):
            end_paragraph()
            flowables.append(Paragraph(inline_markup(match.group(1)), bullet, bulletText="•"))
        elif match := _NUMBERED.match(line):
            end_paragraph()
            label = f"{match.group(1)}."
            flowables.append(Paragraph(inline_markup(match.group(2)), bullet, bulletText=label))
        elif match := _HEADING.match(line):
            end_paragraph()
            flowables.append(Paragraph(f"<b>{inline_markup(match.group(1))}</b>", body))
        else:
            paragraph.append(line.strip())
    end_paragraph()
    return flowables


# --- the booklet ----------------------------------------------------------------------------


class _Booklet:
    def __init__(
        self,
        records: Sequence[PracticeRecord],
        translate: Translator,
        title: str,
        printed: date | None,
    ) -> None:
        self.records = records
        self.language = translate.language
        self._ = translate
        self.title = title
        self.printed = printed or date.today()
        self.styles = _Styles()

    def build(self, path: Path) -> None:
        document = a4_document(path, template=_Document, title=self.title, subject=self.subtitle)
        frame = Frame(MARGIN, MARGIN + 4 * mm, TEXT_WIDTH, PAGE_HEIGHT - 2 * MARGIN - 4 * mm)
        document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        # The cover (page 1) is counted but has no footer.
        footer = Footer((f"postkit · {self.title}",), self._("page {page}"), first_page=2)
        story: list[Flowable] = [*self.cover(), PageBreak()]
        story += self.contents()
        for index, record in enumerate(self.records):
            story += [PageBreak(), *self.practice(index, record)]
        document.multiBuild(story, canvasmaker=numbered_canvas(footer))

    @property
    def subtitle(self) -> str:
        return self._("How Dutch embassies and consulates took up responsible business conduct")

    def cover(self) -> list[Flowable]:
        styles, _ = self.styles, self._
        count = len(self.records)
        counted = _.ngettext("One good practice", "{count} good practices", count, count=count)
        return [
            Spacer(1, 55 * mm),
            Paragraph("postkit", styles.brand),
            Paragraph(escape(self.title), styles.cover_title),
            Paragraph(escape(self.subtitle), styles.cover_subtitle),
            Spacer(1, 18 * mm),
            Paragraph(escape(counted), styles.cover_line),
            Spacer(1, 60 * mm),
            Paragraph(
                escape(_("Printed on {date}", date=self.printed.isoformat())),
                styles.cover_line,
            ),
        ]

    def contents(self) -> list[Flowable]:
        toc = TableOfContents()
        toc.levelStyles = [self.styles.toc]
        toc.dotsMinLevel = 0
        return [Paragraph(escape(self._("Contents")), self.styles.h1), toc]

    def practice(self, index: int, record: PracticeRecord) -> list[Flowable]:
        styles, _ = self.styles, self._
        heading = Paragraph(escape(record.data.title), styles.practice_title)
        heading.bookmark = f"practice-{index}"  # type: ignore[attr-defined]
        story: list[Flowable] = [heading, self.facts(record), Spacer(1, 4 * mm)]
        for name, heading_text in SECTIONS.items():
            text = getattr(record.data, name).strip()
            if text:
                body = markdown_flowables(text, styles.body, styles.bullet)
                label = Paragraph(escape(_(heading_text)), styles.h2)
                story += [KeepTogether([label, *body[:1]]), *body[1:]]
        if record.attachments:
            story.append(Paragraph(escape(_("Tools and templates")), styles.h2))
            story += [
                Paragraph(escape(attachment.file_name), styles.bullet, bulletText="•")
                for attachment in record.attachments
            ]
        return story

    def facts(self, record: PracticeRecord) -> Table:
        data, language, _ = record.data, self.language, self._
        tasks = "; ".join(
            f"{task}. {reference.core_task_label(task, language)}" for task in data.core_tasks
        )
        themes = ", ".join(reference.themes().label(code, language) for code in data.themes)
        sectors = ", ".join(reference.sectors().label(code, language) for code in data.sectors)
        facts = [
            (_("Post"), data.post_name),
            (_("Country"), reference.countries().label(data.country, language)),
            (_("Year"), str(data.year) if data.year else ""),
            (_("Core tasks"), tasks),
            (_("Themes"), themes),
            (_("Sectors"), sectors),
            # By name only: the register's contacts and other details stay at the post.
            (_("Companies involved"), ", ".join(record.company_names)),
            (_("Contact"), data.contact),
        ]
        rows = [
            [
                Paragraph(escape(label), self.styles.fact_label),
                Paragraph(escape(value), self.styles.fact),
            ]
            for label, value in facts
            if value.strip()
        ]
        table = Table(rows, colWidths=[32 * mm, TEXT_WIDTH - 32 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), FACTS_FILL),
                    ("BOX", (0, 0), (-1, -1), 0.6, BLUE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return table


class _Document(BaseDocTemplate):
    """Tells the table of contents and the PDF outline where each practice begins."""

    @override
    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "bookmark", None)
        if key is None or not isinstance(flowable, Paragraph):
            return
        text = flowable.getPlainText()
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=0)
        self.notify("TOCEntry", (0, text, self.page, key))


class _Styles:
    """The booklet's paragraph styles, all in the shipped DejaVu Sans (see pdf_fonts)."""

    def __init__(self) -> None:
        base = getSampleStyleSheet()
        body = ParagraphStyle(
            "body", base["BodyText"], fontName=REGULAR, fontSize=10, leading=14, spaceAfter=4
        )
        self.body = body
        self.bullet = ParagraphStyle(
            "bullet", body, leftIndent=14, bulletIndent=3, bulletFontName=REGULAR, spaceAfter=2
        )
        self.h1 = ParagraphStyle(
            "h1", body, fontName=BOLD, fontSize=16, leading=20, spaceAfter=10, textColor=BLUE
        )
        self.h2 = ParagraphStyle(
            "h2", body, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        )
        self.practice_title = ParagraphStyle(
            _PRACTICE_TITLE,
            body,
            fontName=BOLD,
            fontSize=17,
            leading=21,
            spaceAfter=8,
            textColor=BLUE,
        )
        self.fact_label = ParagraphStyle("fact_label", body, fontName=BOLD, fontSize=9, leading=12)
        self.fact = ParagraphStyle("fact", body, fontSize=9, leading=12, spaceAfter=0)
        self.toc = ParagraphStyle("toc", body, fontSize=10.5, leading=15, leftIndent=0)
        self.brand, self.cover_title, self.cover_subtitle = cover_styles(body, BLUE)
        self.cover_line = ParagraphStyle("cover_line", body, fontSize=11, leading=16)
