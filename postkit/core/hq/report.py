"""The headquarters report of an aggregated survey as PDF, the evaluation's parts where it has them.

First what the Minister's letter reports, where the form marks its questions for it (letter.py):
the share finding the guidelines clear, workable and user-friendly together beside each share
apart, broken down by region, amount of Dutch business and role, and the activity per core task
by the amount of Dutch business. Then charts: responses per region; per group of Likert items
(clarity, workability, user-friendliness) the share agreeing as horizontal bars and the 1–5
distribution as stacked bars; the share agreeing on the overall items by region and by the
amount of Dutch business.
Tables give the figures behind them, the select questions, each repeat (responses with
instances, instances, mean per response), the metadata columns (listed, not charted), missing
posts and refused files.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    TableStyle,
)

from postkit.core.files import atomic_output
from postkit.core.hq.letter import ActivityCounts, LetterReading, QualityShares, Share
from postkit.core.hq.summary import Distribution, LikertItem, Summary
from postkit.core.i18n import N_, translator
from postkit.core.pdf_charts import label_axes, round_up
from postkit.core.pdf_fonts import BOLD, REGULAR, register_fonts
from postkit.core.pdf_pages import a4_document
from postkit.core.surveys.measures import ALL_QUALITIES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

register_fonts()

BLUE = colors.HexColor("#01689b")  # Rijksoverheid blue, as in the annual report
# Strongly disagree … strongly agree: red to blue, the neutral middle grey.
LIKERT_COLOURS = (
    colors.HexColor("#a90061"),
    colors.HexColor("#e59ab9"),
    colors.HexColor("#c8c8c8"),
    colors.HexColor("#8fcae7"),
    colors.HexColor("#01689b"),
)
RULE = colors.HexColor("#b4b4b4")
HEADER_FILL = colors.HexColor("#e6f0f6")
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LABEL_WIDTH = 72 * mm  # room for item labels left of the bars
ROW_HEIGHT = 5.2 * mm


def write_aggregate_report(
    summary: Summary, path: str | os.PathLike[str], language: str = "en"
) -> None:
    """Write the report as a PDF at `path`, replacing it only once complete."""
    report = _Report(summary, language)
    with atomic_output(Path(path)) as temp:
        report.build(temp)


class _Report:
    def __init__(self, summary: Summary, language: str) -> None:
        self.summary = summary
        self.language = language
        self._ = translator(language)
        base = getSampleStyleSheet()
        self.body = ParagraphStyle(
            "body", base["BodyText"], fontName=REGULAR, fontSize=9.5, leading=13
        )
        self.h1 = ParagraphStyle(
            "h1",
            self.body,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=8,
            spaceAfter=4,
            textColor=BLUE,
        )
        self.title = ParagraphStyle("title", self.h1, fontSize=20, leading=25, spaceAfter=8)
        self.cell = ParagraphStyle("cell", self.body, fontSize=8, leading=10)
        self.note = ParagraphStyle("note", self.body, fontSize=8, textColor=colors.grey)

    @property
    def heading(self) -> str:
        """The survey's own title: the report serves whichever survey was aggregated."""
        title = self.text(self.summary.title) or self.summary.form_id
        return self._("{title}: results", title=title)

    def text(self, texts: dict[str, str]) -> str:
        return texts.get(self.language) or texts.get("en") or next(iter(texts.values()), "")

    def build(self, path: Path) -> None:
        document = a4_document(path, margin=MARGIN, title=self.heading, author="postkit")
        story = [*self.opening(), *self.letter(), *self.regions()]
        for group, items in self.groups():
            story += self.likert_group(group, items)
        story += self.breakdowns()
        story += self.selects()
        story += self.repeats()
        story += self.metadata()
        story += self.lists()
        footer = f"postkit · {self.heading}"
        document.build(
            story,
            onFirstPage=lambda canvas, doc: self.footer(canvas, doc, footer),
            onLaterPages=lambda canvas, doc: self.footer(canvas, doc, footer),
        )

    def footer(self, canvas: Any, document: Any, text: str) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, MARGIN - 2 * mm, text)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 2 * mm, str(document.page))
        canvas.restoreState()

    # Parts

    def opening(self) -> list[Flowable]:
        summary, _ = self.summary, self._
        responses, posts = summary.responses, len(summary.posts)
        regions, missing = len(summary.regions), len(summary.missing_posts)
        lines = [
            _(
                "{responses} from {posts} in {regions} (form {form_id}, version {version}).",
                responses=_.ngettext("{n} response", "{n} responses", responses, n=responses),
                posts=_.ngettext("{n} post", "{n} posts", posts, n=posts),
                regions=_.ngettext("{n} region", "{n} regions", regions, n=regions),
                form_id=summary.form_id,
                version=summary.version,
            )
        ]
        if missing:
            lines.append(
                _.ngettext(
                    "{count} expected post sent no responses that could be counted.",
                    "{count} expected posts sent no responses that could be counted.",
                    missing,
                    count=missing,
                )
            )
        if summary.refused_files:
            refused = len(summary.refused_files)
            lines.append(
                _.ngettext(
                    "{count} file was refused and left out (see the table at the end).",
                    "{count} files were refused and left out (see the table at the end).",
                    refused,
                    count=refused,
                )
            )
        story: list[Flowable] = [Paragraph(escape(self.heading), self.title)]
        story += [Paragraph(escape(line), self.body) for line in lines]
        return story

    def letter(self) -> list[Flowable]:
        """The letter's figures: the qualities apart and together, their breakdowns, and the
        activity per core task by the amount of Dutch business."""
        letter = self.summary.letter
        if letter is None:
            return []
        story: list[Flowable] = []
        if letter.qualities:
            story += self.qualities(letter)
        if letter.activity:
            story += self.activity(letter)
        return story

    def quality_label(self, quality: QualityShares) -> str:
        return self._(_QUALITY_LABELS.get(quality.measure, quality.measure))

    def qualities(self, letter: LetterReading) -> list[Flowable]:
        _ = self._
        qualities = letter.qualities
        labels = [self.quality_label(quality) for quality in qualities]
        rows: list[list[object]] = [[_("Guidelines found"), _("Share agreeing"), _("Agreeing")]]
        rows += [
            [
                Paragraph(escape(label), self.cell),
                _share_of(quality.overall),
                _("{agreeing} of {answered}", agreeing=quality.overall.agreeing,
                  answered=quality.overall.answered),
            ]
            for label, quality in zip(labels, qualities, strict=True)
        ]  # fmt: skip
        table = LongTable(rows, colWidths=[TEXT_WIDTH - 60 * mm, 30 * mm, 30 * mm])
        table.setStyle(_table_style(numbers_from=1, has_total=False))
        chart = _bar_chart(
            [_short(label, 44) for label in labels],
            [_share_percent(quality.overall) for quality in qualities],
            BLUE,
            value_format="{:.0f}%",
            maximum=100,
            label_width=62 * mm,
        )
        notes = [
            _(
                "Agreeing = answering 4 or 5 on the item marked for the quality; with several "
                "items, on every one of them. Shares are of those who answered."
            )
        ]
        if letter.marks_from:
            notes.append(
                _(
                    "Version {version} of this survey marks no questions for these figures: "
                    "they are read with the marks of version {marks_from}, on the questions of "
                    "the same name and type.",
                    version=self.summary.version,
                    marks_from=letter.marks_from,
                )
            )
        together = letter.all_three
        if together is not None:
            notes.append(
                _(
                    "Together: {answered} of {responses} responses answered all three; a "
                    "respondent who skipped one of the three is left out of that share.",
                    answered=together.overall.answered,
                    responses=self.summary.responses,
                )
            )
        story: list[Flowable] = [
            KeepTogether(
                [
                    Paragraph(escape(_("How the guidelines were received")), self.h1),
                    chart,
                    table,
                    *(Paragraph(escape(note), self.note) for note in notes),
                ]
            )
        ]
        for heading, attribute, label in (
            (_("Agreeing by region"), "by_region", self.summary.region_label),
            (_("Agreeing by amount of Dutch business"), "by_business", self.summary.business_label),
            (_("Agreeing by role"), "by_role", self.summary.role_label),
        ):
            codes = list(getattr(qualities[0], attribute))
            if not codes:
                continue
            story += self.cross_table(
                heading,
                [label(code, self.language) for code in codes],
                [
                    (self.quality_label(q), [getattr(q, attribute)[code] for code in codes])
                    for q in qualities
                ],
            )
        return story

    def cross_table(
        self, heading: str, columns: Sequence[str], rows: Sequence[tuple[str, Sequence[Share]]]
    ) -> list[Flowable]:
        """One row per quality, one column per group: the share agreeing and its n."""
        header = [self._("Guidelines found"), *columns]
        table_rows: list[list[object]] = [[Paragraph(escape(text), self.cell) for text in header]]
        for label, shares in rows:
            table_rows.append(
                [
                    Paragraph(escape(label), self.cell),
                    *(
                        "–" if share.share is None else f"{_share_of(share)}\n(n={share.answered})"
                        for share in shares
                    ),
                ]
            )
        width = min(26 * mm, (TEXT_WIDTH - 55 * mm) / max(1, len(columns)))
        table = LongTable(
            table_rows,
            colWidths=[TEXT_WIDTH - width * len(columns)] + [width] * len(columns),
            repeatRows=1,
        )
        table.setStyle(_table_style(numbers_from=1, has_total=False))
        return [
            CondPageBreak(40 * mm),
            Paragraph(escape(heading), self.h1),
            table,
            Paragraph(escape(self._("n = those in the group who answered.")), self.note),
        ]

    def activity(self, letter: LetterReading) -> list[Flowable]:
        _ = self._
        tasks = letter.activity
        codes = list(tasks[0].by_business)
        columns = [_("All posts"), *(self.summary.business_label(c, self.language) for c in codes)]
        rows: list[list[object]] = [
            [Paragraph(escape(text), self.cell) for text in [_("Core task"), *columns]]
        ]
        for task in tasks:
            figures = [task.overall, *(task.by_business[code] for code in codes)]
            rows.append(
                [Paragraph(escape(self.text(task.label) or task.name), self.cell)]
                + [_active_text(counts) for counts in figures]
            )
        width = min(24 * mm, (TEXT_WIDTH - 70 * mm) / len(columns))
        table = LongTable(
            rows, colWidths=[TEXT_WIDTH - width * len(columns)] + [width] * len(columns)
        )
        table.setStyle(_table_style(numbers_from=1, has_total=False))
        chart = _grouped_chart(
            [_short(self.text(task.label) or task.name, 40) for task in tasks],
            [self.summary.business_label(code, self.language) for code in codes],
            [[_active_percent(task.by_business[code]) for task in tasks] for code in codes],
        )
        active = ", ".join(
            self.text(dict(tasks[0].choices).get(name, {})) or name
            for name in tasks[0].active_choices
        )
        return [
            CondPageBreak(90 * mm),
            Paragraph(escape(_("Active on each core task, by amount of Dutch business")), self.h1),
            chart,
            Spacer(1, 2 * mm),
            table,
            Paragraph(
                escape(
                    _(
                        "Share of respondents answering one of: {active}; n = those in the group "
                        "who answered.",
                        active=active,
                    )
                ),
                self.note,
            ),
        ]

    def regions(self) -> list[Flowable]:
        summary = self.summary
        regions = summary.regions
        if not regions:
            return []
        labels = [summary.region_label(r.region, self.language) for r in regions]
        chart = _bar_chart(
            labels, [r.responses for r in regions], BLUE, value_format="{:d}", label_width=50 * mm
        )
        rows: list[list[object]] = [[self._("Region"), self._("Posts"), self._("Responses")]]
        rows += [[label, r.posts, r.responses] for label, r in zip(labels, regions, strict=True)]
        rows.append(["", len(summary.posts), summary.responses])
        table = LongTable(rows, colWidths=[70 * mm, 25 * mm, 25 * mm], hAlign="LEFT")
        table.setStyle(_table_style(numbers_from=1, has_total=True))
        heading = Paragraph(escape(self._("Responses per region")), self.h1)
        return [KeepTogether([heading, chart, Spacer(1, 3 * mm), table])]

    def groups(self) -> list[tuple[str, list[LikertItem]]]:
        groups: dict[str, list[LikertItem]] = {}
        for item in self.summary.likert:
            groups.setdefault(self.text(item.group_label) or item.group, []).append(item)
        return list(groups.items())

    def likert_group(self, group: str, items: Sequence[LikertItem]) -> list[Flowable]:
        labels = [_short(self.text(item.label)) for item in items]
        shares = [_percent(item.overall) for item in items]
        bars = _bar_chart(labels, shares, BLUE, value_format="{:.0f}%", maximum=100)
        stacked = _stacked_chart(labels, [item.overall for item in items])
        rows: list[list[object]] = [
            [
                self._("Item"),
                self._("n answered"),
                *("1", "2", "3", "4", "5"),
                self._("Agree"),
                self._("Share"),
                self._("Mean"),
            ]
        ]
        for item in items:
            figures = item.overall
            rows.append(
                [
                    Paragraph(escape(self.text(item.label)), self.cell),
                    figures.answered,
                    *figures.counts,
                    figures.agree,
                    _share_text(figures),
                    "–" if figures.mean is None else f"{figures.mean:.2f}",
                ]
            )
        numbers = [25 * mm] + [7 * mm] * 5 + [10 * mm, 15 * mm, 22 * mm]
        table = LongTable(rows, colWidths=[TEXT_WIDTH - sum(numbers), *numbers], repeatRows=1)
        table.setStyle(_table_style(numbers_from=1, has_total=False))
        return [
            CondPageBreak(110 * mm),
            KeepTogether(
                [
                    Paragraph(escape(self._("{group}: share agreeing", group=group)), self.h1),
                    bars,
                    Paragraph(
                        escape(
                            self._(
                                "Agreeing = answering 4 or 5 on the 5-point scale; shares and "
                                "means are of those who answered the item (n answered), not of "
                                "all responses."
                            )
                        ),
                        self.note,
                    ),
                ]
            ),
            KeepTogether(
                [
                    Paragraph(
                        escape(
                            self._(
                                "{group}: answers from 1 (strongly disagree) to 5 (strongly agree)",
                                group=group,
                            )
                        ),
                        self.h1,
                    ),
                    stacked,
                ]
            ),
            Spacer(1, 3 * mm),
            table,
        ]

    def breakdowns(self) -> list[Flowable]:
        # The items a form marks for the qualities (postkit::measure); an unmarked form's
        # items named *_overall, else its first three.
        letter = self.summary.letter
        marked = {
            name
            for quality in (letter.qualities if letter else ())
            if quality.measure != ALL_QUALITIES
            for name in quality.items
        }
        overall = [item for item in self.summary.likert if item.name in marked] or [
            item for item in self.summary.likert if item.name.endswith("_overall")
        ]
        overall = overall or list(self.summary.likert[:3])
        if not overall:
            return []
        story: list[Flowable] = []
        for heading, attribute, label in (
            (
                self._("Share agreeing on the overall items, by region"),
                "by_region",
                self.summary.region_label,
            ),
            (
                self._("Share agreeing on the overall items, by amount of Dutch business"),
                "by_business",
                self.summary.business_label,
            ),
        ):
            codes = list(getattr(overall[0], attribute))
            header = [self._("Item"), *(label(code, self.language) for code in codes)]
            rows: list[list[object]] = [[Paragraph(escape(text), self.cell) for text in header]]
            for item in overall:
                parts = getattr(item, attribute)
                rows.append(
                    [
                        Paragraph(escape(self.text(item.label)), self.cell),
                        *(_share_text(parts[code], with_count=True) for code in codes),
                    ]
                )
            width = min(28 * mm, (TEXT_WIDTH - 60 * mm) / max(1, len(codes)))
            table = LongTable(
                rows, colWidths=[TEXT_WIDTH - width * len(codes)] + [width] * len(codes)
            )
            table.setStyle(_table_style(numbers_from=1, has_total=False))
            chart = _grouped_chart(
                [_short(self.text(item.label), 40) for item in overall],
                [label(code, self.language) for code in codes],
                [[_percent(getattr(item, attribute)[code]) for item in overall] for code in codes],
            )
            story += [
                CondPageBreak(90 * mm),
                Paragraph(escape(heading), self.h1),
                chart,
                Spacer(1, 2 * mm),
                table,
                Paragraph(
                    escape(self._("n = those in the group who answered the item.")), self.note
                ),
            ]
        return story

    def selects(self) -> list[Flowable]:
        if not self.summary.selects:
            return []
        story: list[Flowable] = [
            CondPageBreak(60 * mm),
            Paragraph(self._("Other questions"), self.h1),
        ]
        for select in self.summary.selects:
            rows: list[list[object]] = [
                [
                    Paragraph(
                        f"<b>{escape(self.text(select.label))}</b> ("
                        + escape(
                            self._(
                                "n answered = {answered} of {responses}",
                                answered=select.answered,
                                responses=self.summary.responses,
                            )
                        )
                        + ")",
                        self.cell,
                    ),
                    self._("Count"),
                    self._("Share"),
                ]
            ]
            rows += [
                [
                    Paragraph(escape(self.text(choice.label) or choice.name), self.cell),
                    choice.count,
                    "–" if choice.share is None else f"{100 * choice.share:.0f}%",
                ]
                for choice in select.choices
            ]
            table = LongTable(rows, colWidths=[TEXT_WIDTH - 40 * mm, 20 * mm, 20 * mm])
            table.setStyle(_table_style(numbers_from=1, has_total=False))
            story += [KeepTogether([table]), Spacer(1, 3 * mm)]
        return story

    def repeats(self) -> list[Flowable]:
        """Each repeat by how many responses have instances of it and how many there are."""
        repeats = self.summary.repeats
        if not repeats:
            return []
        # Headings that wrap are paragraphs: bold, and right-aligned over the figures.
        head = ParagraphStyle("head", self.cell, fontName=BOLD)
        figures_head = ParagraphStyle("figures_head", head, alignment=TA_RIGHT)
        rows: list[list[object]] = [
            [
                Paragraph(escape(self._("Repeat")), head),
                *(
                    Paragraph(escape(text), figures_head)
                    for text in (
                        self._("Responses with instances"),
                        self._("Instances"),
                        self._("Mean per response"),
                    )
                ),
            ]
        ]
        rows += [
            [
                Paragraph(escape(self.text(repeat.label) or repeat.name), self.cell),
                repeat.responses_with_instances,
                repeat.instances,
                "–" if repeat.mean_per_response is None else f"{repeat.mean_per_response:.2f}",
            ]
            for repeat in repeats
        ]
        numbers = [32 * mm, 26 * mm, 28 * mm]
        table = LongTable(rows, colWidths=[TEXT_WIDTH - sum(numbers), *numbers], repeatRows=1)
        table.setStyle(_table_style(numbers_from=1, has_total=False))
        return [
            CondPageBreak(40 * mm),
            Paragraph(escape(self._("Repeats")), self.h1),
            table,
            Paragraph(
                escape(
                    self._(
                        "The mean is over the responses with instances. The questions inside a "
                        "repeat are counted over every instance above."
                    )
                ),
                self.note,
            ),
        ]

    def metadata(self) -> list[Flowable]:
        """The metadata and hidden columns: what they are and how many responses hold them;
        their values (times, device ids) say nothing a chart would help with."""
        columns = self.summary.metadata
        if not columns:
            return []
        rows: list[list[object]] = [
            [self._("Column"), self._.pgettext("column", "Type"), self._("Responses holding it")]
        ]
        rows += [[column.name, column.type, column.answered] for column in columns]
        numbers = [40 * mm, 40 * mm]
        table = LongTable(rows, colWidths=[TEXT_WIDTH - sum(numbers), *numbers], repeatRows=1)
        table.setStyle(_table_style(numbers_from=2, has_total=False))
        return [
            CondPageBreak(40 * mm),
            Paragraph(escape(self._("Metadata columns (listed, not charted)")), self.h1),
            table,
        ]

    def lists(self) -> list[Flowable]:
        summary = self.summary
        story: list[Flowable] = []
        answers = sum(len(question.answers) for question in summary.open_questions)
        if answers:
            story.append(
                Paragraph(
                    escape(
                        self._(
                            "Open answers ({count}) are listed per question in the summary "
                            "workbook.",
                            count=answers,
                        )
                    ),
                    self.body,
                )
            )
        if summary.missing_posts:
            story += [
                CondPageBreak(40 * mm),
                Paragraph(escape(self._("Posts without responses")), self.h1),
                Paragraph(escape(", ".join(summary.missing_posts)), self.body),
            ]
        if summary.refused_files:
            rows: list[list[object]] = [[self._("File"), self._("Reason")]]
            rows += [
                [
                    Paragraph(escape(Path(receipt.file).name), self.cell),
                    Paragraph(escape(receipt.reason), self.cell),
                ]
                for receipt in summary.refused_files
            ]
            table = LongTable(rows, colWidths=[55 * mm, TEXT_WIDTH - 55 * mm], repeatRows=1)
            table.setStyle(_table_style(numbers_from=99, has_total=False))
            story += [
                CondPageBreak(40 * mm),
                Paragraph(escape(self._("Refused files")), self.h1),
                table,
            ]
        return story


# Charts


def _bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    colour: colors.Color,
    value_format: str,
    maximum: float | None = None,
    label_width: float = LABEL_WIDTH,
) -> Drawing:
    """Horizontal bars, one per label, top to bottom in the given order, values at the ends."""
    height = ROW_HEIGHT * len(labels) + 12 * mm
    drawing = Drawing(TEXT_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 8 * mm
    chart.width, chart.height = TEXT_WIDTH - label_width - 14 * mm, ROW_HEIGHT * len(labels)
    chart.data = [list(reversed(values))]  # reportlab draws the first category at the bottom
    highest = max(values, default=0) or 1
    label_axes(
        chart,
        labels,
        maximum or round_up(highest),
        value_format.replace(":d", ":.0f").format,
    )
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = value_format.format
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barWidth = 3.4 * mm
    drawing.add(chart)
    return drawing


def _stacked_chart(labels: Sequence[str], figures: Sequence[Distribution]) -> Drawing:
    """A 100% stacked bar per item: the shares of 1, 2, 3, 4 and 5, with a legend."""
    height = ROW_HEIGHT * len(labels) + 18 * mm
    drawing = Drawing(TEXT_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH, 14 * mm
    chart.width, chart.height = TEXT_WIDTH - LABEL_WIDTH - 6 * mm, ROW_HEIGHT * len(labels)
    chart.categoryAxis.style = "stacked"
    chart.data = [
        [
            100 * item.counts[point] / item.answered if item.answered else 0
            for item in reversed(figures)
        ]
        for point in range(5)
    ]
    label_axes(chart, labels, 100, "{:.0f}%".format)
    chart.barWidth = 3.4 * mm
    for index, colour in enumerate(LIKERT_COLOURS):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = colors.white
        chart.bars[index].strokeWidth = 0.3
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = LABEL_WIDTH, 5 * mm
    legend.fontName = REGULAR
    legend.fontSize = 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx, legend.dy = 7, 7
    legend.deltax = 20 * mm
    legend.colorNamePairs = [(colour, str(point)) for point, colour in enumerate(LIKERT_COLOURS, 1)]
    drawing.add(legend)
    return drawing


def _grouped_chart(
    items: Sequence[str], groups: Sequence[str], shares: Sequence[Sequence[float]]
) -> Drawing:
    """Bars per item, one per group (region or business level), with the shares written on."""
    rows = len(items) * len(groups)
    height = rows * 3.2 * mm + len(items) * 4 * mm + 22 * mm
    drawing = Drawing(TEXT_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 60 * mm, 18 * mm
    chart.width = TEXT_WIDTH - 60 * mm - 14 * mm
    chart.height = height - 22 * mm
    chart.data = [list(reversed(series)) for series in reversed(shares)]
    label_axes(chart, items, 100, "{:.0f}%".format)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    chart.barSpacing = 0.6
    chart.groupSpacing = 4
    chart.barLabelFormat = "{:.0f}%".format
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    palette = [*_PALETTE] * (len(groups) // len(_PALETTE) + 1)
    for index in range(len(groups)):
        chart.bars[index].fillColor = palette[len(groups) - 1 - index]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 20 * mm, 10 * mm
    legend.fontName = REGULAR
    legend.fontSize = 7
    legend.alignment = "right"
    legend.columnMaximum = 2  # two rows, so six regions fit beside each other
    legend.dx, legend.dy = 7, 7
    legend.deltax = 10 * mm
    legend.colorNamePairs = list(zip(palette, groups, strict=False))
    drawing.add(legend)
    return drawing


_PALETTE = (
    colors.HexColor("#01689b"),
    colors.HexColor("#e17000"),
    colors.HexColor("#39870c"),
    colors.HexColor("#a90061"),
    colors.HexColor("#8fcae7"),
    colors.HexColor("#ffb612"),
    colors.HexColor("#777c00"),
)


def _table_style(numbers_from: int, has_total: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("FONT", (0, 0), (-1, 0), BOLD, 8),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if has_total:
        commands += [
            ("FONT", (0, -1), (-1, -1), BOLD, 8),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]
    return TableStyle(commands)


_QUALITY_LABELS = {
    "clarity": N_("Clear"),
    "workability": N_("Workable"),
    "user_friendliness": N_("User-friendly"),
    ALL_QUALITIES: N_("Clear, workable and user-friendly together"),
}


def _share_of(share: Share) -> str:
    return "–" if share.share is None else f"{100 * share.share:.0f}%"


def _share_percent(share: Share) -> float:
    return 0.0 if share.share is None else 100 * share.share


def _active_text(counts: ActivityCounts) -> str:
    if counts.share_active is None:
        return "–"
    return f"{100 * counts.share_active:.0f}%\n(n={counts.answered})"


def _active_percent(counts: ActivityCounts) -> float:
    return 0.0 if counts.share_active is None else 100 * counts.share_active


def _percent(figures: Distribution) -> float:
    share = figures.share_agreeing
    return 0.0 if share is None else 100 * share


def _share_text(figures: Distribution, with_count: bool = False) -> str:
    if figures.share_agreeing is None:
        return "–"
    text = f"{100 * figures.share_agreeing:.0f}%"
    return f"{text}\n(n={figures.answered})" if with_count else text


def _short(text: str, width: int = 52) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder="…")


def save_aggregate_report(
    _session: Session, summary: Summary, path: str | os.PathLike[str], language: str
) -> Path:
    """`write_aggregate_report` as a job's work (core/processes.py); the session goes
    unused. The window names it by module, so reportlab loads in the job's process only."""
    write_aggregate_report(summary, path, language)
    return Path(path)
