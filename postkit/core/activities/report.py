"""The annual IMVO report of a post as PDF: cover, figures per core task, gender, themes, log."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.columns import REPORT_COLUMNS, ActivityColumn, Kind
from postkit.core.activities.listing import quarter_range
from postkit.core.activities.models import Activity
from postkit.core.activities.statistics import CORE_TASKS, YearSummary, year_summary
from postkit.core.files import atomic_output
from postkit.core.followups.figures import ScreeningYear, screening_rows, screening_year
from postkit.core.i18n import Translator, long_day, translator
from postkit.core.pdf_fonts import BOLD, REGULAR, register_fonts
from postkit.core.pdf_pages import (
    RULE,
    TEXT_WIDTH,
    Footer,
    a4_document,
    cover_styles,
    numbered_canvas,
)
from postkit.core.profile import PostProfile, load_profile

# Names in any European script print as written (see pdf_fonts).
register_fonts()

TASK_COLOURS = (
    colors.HexColor("#01689b"),  # Rijksoverheid blue
    colors.HexColor("#e17000"),
    colors.HexColor("#39870c"),
    colors.HexColor("#a90061"),
    colors.HexColor("#8fcae7"),
)
GENDER_COLOURS = (colors.HexColor("#a90061"), colors.HexColor("#01689b"), colors.grey)
HEADER_FILL = colors.HexColor("#e6f0f6")


def write_annual_report(
    session: Session,
    year: int,
    path: str | os.PathLike[str],
    language: str = "en",
    profile: PostProfile | None = None,
) -> None:
    """Write the annual report of `year` as a PDF at `path`, replacing it only once complete.

    The report is the profile's post's: a database holding several posts' activities
    (headquarters) reports each post on its own. Without a profile it counts every activity.
    """
    profile = profile or load_profile(session)
    post_name = profile.post_name if profile else None
    report = _Report(
        year=year,
        language=language,
        profile=profile,
        summary=year_summary(session, year, post_name=post_name),
        activities=_year_activities(session, year, post_name),
        printed=date.today(),
        screening=screening_year(session, year),
    )
    with atomic_output(Path(path)) as temp:
        report.build(temp)


_LOG_FONT_SIZE = 7.5
_LOG_PADDING = 3  # points left and right in a cell of the log


def _year_activities(
    session: Session, year: int, post_name: str | None
) -> list[tuple[object, ...]]:
    """The year's activities as the values of the report's columns (`REPORT_COLUMNS`)."""
    start, end = quarter_range(year, None)
    expressions = [expression for column in REPORT_COLUMNS for expression in column.sql]
    statement = (
        select(*expressions)
        .where(Activity.start_date >= start, Activity.start_date < end)
        .order_by(Activity.start_date, Activity.id)
    )
    if post_name is not None:
        statement = statement.where(Activity.post_name == post_name)
    return [tuple(row) for row in session.connection().execute(statement)]


@dataclass(frozen=True)
class _Report:
    year: int
    language: str
    profile: PostProfile | None
    summary: YearSummary
    activities: Sequence[tuple[object, ...]]
    printed: date
    screening: ScreeningYear | None = None

    @property
    def _(self) -> Translator:
        return translator(self.language)

    @property
    def title(self) -> str:
        return self._("Annual IMVO report {year}", year=self.year)

    @property
    def subtitle(self) -> str:
        return self._("Responsible business conduct activities of the post")

    def number(self, value: int) -> str:
        text = f"{value:,}"
        return text.replace(",", ".") if self.language == "nl" else text

    def share(self, part: int, whole: int) -> str:
        return f"{round(100 * part / whole)}%" if whole else "–"

    @property
    def post_name(self) -> str:
        return self.profile.post_name if self.profile else self._("Post not yet set up")

    def build(self, path: Path) -> None:
        styles = _Styles()
        document = a4_document(path, title=self.title, author=self.post_name, subject=self.subtitle)
        story = [
            *self.cover(styles),
            PageBreak(),
            *self.task_summary(styles),
            *self.core_task_4(styles),
            *self.gender(styles),
            *self.themes(styles),
        ]
        if self.activities:
            story += [CondPageBreak(60 * mm), *self.activity_log(styles)]
        footer = f"postkit · {self.title} · {self.post_name}"
        page_label = self._("page {page} of {pages}")

        # The cover is counted but carries no footer.
        document.build(
            story, canvasmaker=numbered_canvas(Footer((footer,), page_label, first_page=2))
        )

    def cover(self, styles: _Styles) -> list[Flowable]:
        story: list[Flowable] = [
            Spacer(1, 55 * mm),
            Paragraph("postkit", styles.brand),
            Paragraph(escape(self.title), styles.cover_title),
            Paragraph(escape(self.subtitle), styles.cover_subtitle),
            Spacer(1, 18 * mm),
            Paragraph(escape(self.post_name), styles.cover_post),
        ]
        if self.profile and self.profile.countries:
            countries = reference.countries()
            names = ", ".join(
                countries.label(code, self.language) for code in self.profile.countries
            )
            story.append(
                Paragraph(
                    escape(self._("Countries of accreditation: {countries}", countries=names)),
                    styles.cover_line,
                )
            )
        story += [
            Spacer(1, 60 * mm),
            Paragraph(
                escape(self._("Printed on {date}", date=long_day(self.printed, self.language))),
                styles.cover_line,
            ),
        ]
        return story

    def task_summary(self, styles: _Styles) -> list[Flowable]:
        summary, _ = self.summary, self._
        story: list[Flowable] = [Paragraph(escape(_("Summary per core task")), styles.h1)]
        if summary.activities:
            companies, participants = summary.companies_reached, summary.participants.total
            text = _.ngettext(
                "In {year} the post recorded one activity, reaching {companies} and "
                "{participants}.",
                "In {year} the post recorded {activities} activities, reaching {companies} and "
                "{participants}.",
                summary.activities,
                year=self.year,
                activities=self.number(summary.activities),
                companies=_.ngettext(
                    "{n} company", "{n} companies", companies, n=self.number(companies)
                ),
                participants=_.ngettext(
                    "{n} participant",
                    "{n} participants",
                    participants,
                    n=self.number(participants),
                ),
            )
        else:
            text = _("No activities were recorded in {year}.", year=self.year)
        story.append(Paragraph(escape(text), styles.body))
        headers = (
            _("Activities"),
            _("Planned / done"),
            _("Unique companies reached"),
            _("Participants"),
        )
        rows: list[list[object]] = [
            [_("Core task"), *(Paragraph(escape(h), styles.head_right) for h in headers)]
        ]
        for task in CORE_TASKS:
            label = f"{task}. {reference.core_task_label(task, self.language)}"
            statuses = summary.statuses_per_task[task]
            rows.append(
                [
                    Paragraph(escape(label), styles.cell),
                    self.number(summary.activities_of_task(task)),
                    f"{self.number(statuses.planned)} / {self.number(statuses.done)}",
                    self.number(summary.companies_per_task[task]),
                    self.number(summary.participants_per_task[task].total),
                ]
            )
        statuses = summary.statuses
        rows.append(
            [
                _("Total"),
                self.number(summary.activities),
                f"{self.number(statuses.planned)} / {self.number(statuses.done)}",
                self.number(summary.companies_reached),
                self.number(summary.participants.total),
            ]
        )
        figure_widths = [22 * mm, 20 * mm, 26 * mm, 26 * mm]
        table = Table(rows, colWidths=[TEXT_WIDTH - sum(figure_widths), *figure_widths])
        table.setStyle(_figures_style(has_total=True))
        companies = summary.companies
        note = _(
            "Unique companies reached: each company named in the register counts once, however "
            "many activities reached it ({named} in {year}), plus the companies activities "
            "counted without naming them ({unnamed}). Only activities done count; a company "
            "reached under two core tasks counts under each, and once in the total.",
            named=self.number(companies.named),
            year=self.year,
            unnamed=self.number(companies.unnamed),
        )
        if statuses.cancelled:
            cancelled = _.ngettext(
                "{n} activity was cancelled.",
                "{n} activities were cancelled.",
                statuses.cancelled,
                n=self.number(statuses.cancelled),
            )
            note = f"{note} {cancelled}"
        story += [Spacer(1, 3 * mm), table, Paragraph(escape(note), styles.small)]
        if summary.activities:
            heading = Paragraph(escape(_("Activities per quarter and core task")), styles.h2)
            story += [Spacer(1, 6 * mm), KeepTogether([heading, self.quarter_chart()])]
        story += [Spacer(1, 4 * mm), *self.tasks_without_activity(styles)]
        return story

    def core_task_4(self, styles: _Styles) -> list[Flowable]:
        """Requests screened, outcomes, conditions agreed and met, per quarter."""
        _ = self._
        label = reference.core_task_label(4, self.language)
        story: list[Flowable] = [Paragraph(escape(f"4. {label}"), styles.h1)]
        if self.screening is None or self.screening.is_empty:
            text = _("No requests for support were screened in {year}.", year=self.year)
            return [*story, Paragraph(escape(text), styles.body)]
        rows: list[list[object]] = [["", "Q1", "Q2", "Q3", "Q4", _("Year")]]
        rows += [
            [Paragraph(escape(name), styles.cell), *(self.number(v) for v in values)]
            for name, values in screening_rows(self.screening, self.language)
        ]
        widths = [18 * mm] * 5
        table = Table(rows, colWidths=[TEXT_WIDTH - sum(widths), *widths])
        table.setStyle(_figures_style(has_total=False))
        note = _(
            "Requests count in the quarter they came in, decisions in the quarter they were "
            "taken, conditions in the quarter they were agreed and in the quarter they were "
            "judged met."
        )
        return [
            KeepTogether([*story, Spacer(1, 2 * mm), table, Paragraph(escape(note), styles.small)])
        ]

    def quarter_chart(self) -> Drawing:
        summary = self.summary
        drawing = Drawing(TEXT_WIDTH, 62 * mm)
        chart = VerticalBarChart()
        chart.x, chart.y = 12 * mm, 8 * mm
        chart.width, chart.height = TEXT_WIDTH - 62 * mm, 50 * mm
        chart.data = [summary.per_task_quarter[task] for task in CORE_TASKS]
        chart.categoryAxis.categoryNames = ["Q1", "Q2", "Q3", "Q4"]
        chart.categoryAxis.labels.fontName = REGULAR
        chart.categoryAxis.labels.fontSize = 8
        highest = max(max(quarters) for quarters in chart.data)
        chart.valueAxis.valueMin = 0
        step = _nice_step(highest)
        chart.valueAxis.valueStep = step
        chart.valueAxis.valueMax = max(-(-highest // step) * step, step)
        chart.valueAxis.labelTextFormat = "%d"
        chart.valueAxis.labels.fontName = REGULAR
        chart.valueAxis.labels.fontSize = 8
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
        chart.barSpacing = 0.5
        chart.groupSpacing = 6
        for index, colour in enumerate(TASK_COLOURS):
            chart.bars[index].fillColor = colour
            chart.bars[index].strokeColor = None
        drawing.add(chart)
        legend = Legend()
        legend.x, legend.y = TEXT_WIDTH - 46 * mm, 56 * mm
        legend.alignment = "right"
        legend.fontName = REGULAR
        legend.fontSize = 8
        legend.columnMaximum = 5
        legend.deltay = 10
        legend.colorNamePairs = [
            (colour, f"{task}. {reference.core_task_label(task, self.language, short=True)}")
            for task, colour in zip(CORE_TASKS, TASK_COLOURS, strict=True)
        ]
        drawing.add(legend)
        return drawing

    def tasks_without_activity(self, styles: _Styles) -> list[Flowable]:
        missing = self.summary.tasks_without_activity
        if not missing:
            text = self._("Every core task had at least one activity in {year}.", year=self.year)
            return [Paragraph(escape(text), styles.body)]
        heading = self._("Core tasks without any activity in {year}:", year=self.year)
        story: list[Flowable] = [Paragraph(escape(heading), styles.notice)]
        for task in missing:
            label = f"{task}. {reference.core_task_label(task, self.language)}"
            story.append(Paragraph(escape(label), styles.bullet, bulletText="•"))
        return [KeepTogether(story)]

    def gender(self, styles: _Styles) -> list[Flowable]:
        figures, _ = self.summary.participants, self._
        story: list[Flowable] = [Paragraph(escape(_("Participants by gender")), styles.h1)]
        if not figures.total:
            text = _("No participants were recorded in {year}.", year=self.year)
            return [*story, Paragraph(escape(text), styles.body)]
        counts = [
            (_("Women"), figures.women),
            (_("Men"), figures.men),
            (_("Other or unknown"), figures.other),
        ]
        rows: list[list[object]] = [["", _("Number"), _("Share")]]
        rows += [
            [name, self.number(count), self.share(count, figures.total)] for name, count in counts
        ]
        rows.append([_("Total"), self.number(figures.total), "100%"])
        table = Table(rows, colWidths=[45 * mm, 22 * mm, 20 * mm])
        table.setStyle(_figures_style(has_total=True))
        chart = Drawing(TEXT_WIDTH - 95 * mm, 40 * mm)
        pie = Pie()
        pie.x, pie.y = 4 * mm, 2 * mm
        pie.width = pie.height = 36 * mm
        pie.data = [count for _name, count in counts]
        pie.sideLabels = False
        pie.simpleLabels = True
        pie.labels = None
        pie.slices.strokeColor = colors.white
        for index, colour in enumerate(GENDER_COLOURS):
            pie.slices[index].fillColor = colour
        chart.add(pie)
        legend = Legend()
        legend.x, legend.y = 46 * mm, 30 * mm
        legend.alignment = "right"
        legend.fontName = REGULAR
        legend.fontSize = 8
        legend.columnMaximum = 3
        legend.colorNamePairs = [
            (colour, f"{name} ({self.share(count, figures.total)})")
            for (name, count), colour in zip(counts, GENDER_COLOURS, strict=True)
        ]
        chart.add(legend)
        side_by_side = Table([[table, chart]], colWidths=[95 * mm, TEXT_WIDTH - 95 * mm])
        side_by_side.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [KeepTogether([*story, Spacer(1, 2 * mm), side_by_side])]

    def themes(self, styles: _Styles) -> list[Flowable]:
        _ = self._
        story: list[Flowable] = [Paragraph(escape(_("Top themes")), styles.h1)]
        if not self.summary.top_themes:
            text = _("No themes were recorded in {year}.", year=self.year)
            return [*story, Paragraph(escape(text), styles.body)]
        themes = reference.themes()
        rows: list[list[object]] = [[_("Theme"), _("Activities")]]
        rows += [
            [Paragraph(escape(themes.label(code, self.language)), styles.cell), self.number(count)]
            for code, count in self.summary.top_themes
        ]
        table = Table(rows, colWidths=[95 * mm, 30 * mm], hAlign="LEFT")
        table.setStyle(_figures_style(has_total=False))
        return [KeepTogether([*story, Spacer(1, 2 * mm), table])]

    def activity_log(self, styles: _Styles) -> list[Flowable]:
        columns = REPORT_COLUMNS
        header = [column.header(self.language, short=True) for column in columns]
        rows: list[list[object]] = [
            [
                Paragraph(
                    escape(text),
                    styles.small_head_right if column.is_numeric else styles.small_head,
                )
                for column, text in zip(columns, header, strict=True)
            ]
        ]
        for values in self.activities:
            rows.append(self._log_cells(values, styles))
        widths = [
            _log_width(column, text, self.language)
            for column, text in zip(columns, header, strict=True)
        ]
        title = [column.name for column in columns].index("title")
        widths[title] = TEXT_WIDTH - sum(widths) + widths[title]
        numeric = [i for i, column in enumerate(columns) if column.is_numeric]
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, _LOG_FONT_SIZE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    *[("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric],
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LEFTPADDING", (0, 0), (-1, -1), _LOG_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), _LOG_PADDING),
                ]
            )
        )
        return [Paragraph(escape(self._("Activities in {year}", year=self.year)), styles.h1), table]

    def _log_cells(self, values: Sequence[object], styles: _Styles) -> list[object]:
        """One activity's cells in the log, formatted by the kind of each column."""
        cells: list[object] = []
        position = 0
        for column in REPORT_COLUMNS:
            value = values[position]
            position += len(column.sql)
            if column.kind is Kind.NUMBER:
                cells.append(self.number(int(value or 0)))  # type: ignore[call-overload]
            elif column.kind is Kind.DATE:
                cells.append(value.isoformat() if isinstance(value, date) else "")
            else:
                cells.append(Paragraph(escape(self._log_text(column, value)), styles.small))
        return cells

    def _log_text(self, column: ActivityColumn, value: object) -> str:
        if column.kind is Kind.CORE_TASK:
            task = int(value)  # type: ignore[call-overload]
            return f"{task}. {reference.core_task_label(task, self.language, short=True)}"
        if column.kind is Kind.CODE and column.reference:
            items = getattr(reference, column.reference)()
            return str(items.label(value, self.language))
        return "" if value is None else str(value)


def _log_width(column: ActivityColumn, header: str, language: str) -> float:
    """A log column's width in points: its characters, at least its header, a date and a
    core task's short label (which must not break inside a word)."""
    average_character = 0.55 * _LOG_FONT_SIZE  # DejaVu Sans at the log's size
    longest = stringWidth(header, BOLD, _LOG_FONT_SIZE)
    if column.kind is Kind.DATE:
        longest = max(longest, stringWidth("0000-00-00", REGULAR, _LOG_FONT_SIZE))
    if column.kind is Kind.CORE_TASK:
        longest = max(
            longest,
            *(
                stringWidth(
                    f"{task}. {reference.core_task_label(task, language, short=True)}",
                    REGULAR,
                    _LOG_FONT_SIZE,
                )
                for task in CORE_TASKS
            ),
        )
    return max(column.width * average_character * 0.65, longest) + 2 * _LOG_PADDING + 1


class _Styles:
    """The report's paragraph styles, all in the shipped DejaVu Sans (see pdf_fonts)."""

    def __init__(self) -> None:
        base = getSampleStyleSheet()
        body = ParagraphStyle("body", base["BodyText"], fontName=REGULAR, fontSize=10, leading=14)
        self.body = body
        self.notice = ParagraphStyle("notice", body, fontName=BOLD)
        self.bullet = ParagraphStyle("bullet", body, leftIndent=12, bulletIndent=2)
        self.h1 = ParagraphStyle(
            "h1",
            body,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=10,
            spaceAfter=6,
            textColor=TASK_COLOURS[0],
        )
        self.h2 = ParagraphStyle("h2", body, fontName=BOLD, fontSize=11, spaceAfter=2)
        self.cell = ParagraphStyle("cell", body, fontSize=9, leading=11)
        self.head_right = ParagraphStyle("head_right", self.cell, fontName=BOLD, alignment=TA_RIGHT)
        self.small = ParagraphStyle("small", body, fontSize=7.5, leading=9)
        self.small_head = ParagraphStyle("small_head", self.small, fontName=BOLD)
        self.small_head_right = ParagraphStyle(
            "small_head_right", self.small_head, alignment=TA_RIGHT
        )
        self.brand, self.cover_title, self.cover_subtitle = cover_styles(body, TASK_COLOURS[0])
        self.cover_post = ParagraphStyle("cover_post", body, fontName=BOLD, fontSize=16, leading=22)
        self.cover_line = ParagraphStyle("cover_line", body, fontSize=11, leading=16)


def _figures_style(has_total: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if has_total:
        commands += [
            ("FONT", (0, -1), (-1, -1), BOLD, 9),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]
    return TableStyle(commands)


def _nice_step(highest: int, most_steps: int = 6) -> int:
    """A whole-number axis step of 1, 2 or 5 times a power of ten, for at most `most_steps`."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if highest <= factor * magnitude * most_steps:
                return factor * magnitude
        magnitude *= 10
