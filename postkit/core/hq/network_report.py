"""The network picture written out: an .xlsx with its tables, and a PDF with charts a policy
officer can paste into a letter (each chart a figure of its own with a one-line caption, the
figures behind it in a small table under it), then the posts without activity on a core task,
the posts missing and the files refused."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, LongTable, Paragraph, Spacer, TableStyle

from postkit.core import reference
from postkit.core.files import atomic_output
from postkit.core.hq.network import NetworkPicture
from postkit.core.i18n import translator
from postkit.core.pdf_charts import label_axes, round_up
from postkit.core.pdf_fonts import BOLD, REGULAR, register_fonts
from postkit.core.pdf_pages import TEXT_WIDTH, Footer, a4_document, numbered_canvas
from postkit.core.returns.format import CORE_TASKS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

register_fonts()

BLUE = colors.HexColor("#01689b")
GREY = colors.HexColor("#b4b4b4")
PALETTE = (
    colors.HexColor("#01689b"), colors.HexColor("#e17000"), colors.HexColor("#39870c"),
    colors.HexColor("#a90061"), colors.HexColor("#8fcae7"), colors.HexColor("#ffb612"),
    colors.HexColor("#777c00"),
)  # fmt: skip
HEADER_FILL = colors.HexColor("#e6f0f6")
MAX_NAMES = 200  # posts named per list in the PDF; the workbook names them all


def task_label(task: int, language: str) -> str:
    return f"{task}. {reference.core_task_label(task, language, short=True)}"


def group_label(kind: str, code: str, language: str) -> str:
    """A region's or business level's name; '' is a post off the list or without a country."""
    if not code:
        _ = translator(language)
        return _("not on the list") if kind == "region" else _("none (no country)")
    known = reference.regions() if kind == "region" else reference.business_levels()
    return known.label(code, language)


def network_tables(picture: NetworkPicture, language: str = "en") -> dict[str, list[list[object]]]:
    """The workbook's sheets: name -> rows, the first row the header."""
    _ = translator(language)
    year, before = picture.year, picture.year - 1
    share = _("share active (%)")
    tables: dict[str, list[list[object]]] = {
        "core_tasks": [
            [
                _("core task"),
                _("posts reporting"),
                _("posts active"),
                share,
                _("activities"),
                _("activities planned"),
                _("unique companies"),
                _("women"),
                _("men"),
                _("other"),
                "Q1",
                "Q2",
                "Q3",
                "Q4",
            ],
            *(
                [
                    task_label(t.core_task, language),
                    t.posts_reporting,
                    t.posts_active,
                    round(100 * t.share_active, 1),
                    t.activities,
                    t.planned,
                    t.unique_companies,
                    *t.participants,
                    *t.quarters,
                ]
                for t in picture.tasks
            ),
        ],
    }
    for sheet, kind, lines in (
        ("regions", "region", picture.regions),
        ("dutch_business", "business", picture.business),
    ):
        tables[sheet] = [
            [_("region") if kind == "region" else _("Dutch business"), _("core task"),
             _("posts reporting"), _("posts active"), share, _("activities"),
             _("activities per post"), _("unique companies")],
            *([group_label(kind, g.group, language), task_label(g.core_task, language),
               g.posts_reporting, g.posts_active, round(100 * g.share_active, 1), g.activities,
               round(g.activities_per_post, 2), g.unique_companies] for g in lines),
        ]  # fmt: skip
    for sheet, known, lines in (
        ("themes", reference.themes(), picture.themes),
        ("sectors", reference.sectors(), picture.sectors),
    ):
        tables[sheet] = [
            [_("theme") if sheet == "themes" else _("sector"),
             *(_("core task {task}", task=t) for t in CORE_TASKS), _("activities"),
             _("posts")],
            *([known.label(c.code, language), *c.by_task, c.activities, c.posts] for c in lines),
        ]  # fmt: skip
    tables["year_on_year"] = [
        [_("core task"), _("activities {year}", year=year), _("activities {year}", year=before),
         _("change"), _("posts active {year}", year=year),
         _("posts active {year}", year=before), _("unique companies {year}", year=year),
         _("unique companies {year}", year=before)],
        *([task_label(c.core_task, language), c.activities, c.activities_before,
           None if c.activities_before is None else c.activities - c.activities_before,
           c.posts_active, c.posts_active_before, c.unique_companies,
           c.unique_companies_before] for c in picture.compared),
    ]  # fmt: skip
    tables["years"] = [
        [_("year"), _("posts reporting"), *(_("core task {task}", task=t) for t in CORE_TASKS)],
        *([y.year, y.posts_reporting, *y.activities] for y in picture.years),
    ]
    tables["no_activity"] = [
        [_("core task"), _("post")],
        *([task_label(task, language), post]
          for task, posts in picture.inactive.items() for post in posts),
    ]  # fmt: skip
    tables["missing"] = [
        [_("code"), _("post"), _("region"), _("Dutch business")],
        *([p.code, p.label(language), group_label("region", p.region, language),
           group_label("business", p.business, language)] for p in picture.missing),
    ]  # fmt: skip
    tables["not_on_list"] = [[_("post")], *([name] for name in picture.unlisted)]
    tables["screening"] = [
        [_("figure"), _("number")],
        *([name, value] for name, value in picture.screening.items()),
    ]
    tables["refused"] = [
        [_("file"), _("post"), _("reason")],
        *([r.path.name, r.post, r.reason] for r in picture.refused),
    ]
    return tables


def write_network_xlsx(
    picture: NetworkPicture, path: str | os.PathLike[str], language: str = "en"
) -> Path:
    """The tables as an .xlsx at `path`, replaced only once complete."""
    path = Path(path)
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, rows in network_tables(picture, language).items():
        sheet = workbook.create_sheet(name)
        header = []
        for value in rows[0]:
            cell = WriteOnlyCell(sheet, value)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows[1:]:
            sheet.append(row)
    with atomic_output(path) as temp:
        workbook.save(temp)
    return path


def write_network_pdf(
    picture: NetworkPicture, path: str | os.PathLike[str], language: str = "en"
) -> Path:
    """The network report as a PDF at `path`, replaced only once complete."""
    path = Path(path)
    report = _Report(picture, language)
    with atomic_output(path) as temp:
        report.build(temp)
    return path


class _Report:
    def __init__(self, picture: NetworkPicture, language: str) -> None:
        self.picture, self.language = picture, language
        self._ = translator(language)
        base = getSampleStyleSheet()
        self.body = ParagraphStyle("body", base["BodyText"], fontName=REGULAR, fontSize=9.5,
                                   leading=13)  # fmt: skip
        self.h1 = ParagraphStyle("h1", self.body, fontName=BOLD, fontSize=13, leading=17,
                                 spaceBefore=10, spaceAfter=3, textColor=BLUE)  # fmt: skip
        self.title = ParagraphStyle("title", self.h1, fontSize=20, leading=25, spaceAfter=6)
        self.caption = ParagraphStyle("caption", self.body, fontSize=8, textColor=colors.grey)
        self.cell = ParagraphStyle("cell", self.body, fontSize=8, leading=10)

    def build(self, path: Path) -> None:
        _ = self._
        heading = _("The network's IMVO work in {year}", year=self.picture.year)
        document = a4_document(path, title=heading, author="postkit")
        story: list[Flowable] = [Paragraph(heading, self.title), *self.opening()]
        story += self.figure_active()
        story += self.figure_year_on_year()
        story += self.figure_business()
        story += self.figure_regions()
        story += self.figure_themes()
        story += self.lists()
        footer = Footer((f"postkit · {heading}",), _("page {page} of {pages}"))
        document.build(story, canvasmaker=numbered_canvas(footer))

    def opening(self) -> list[Flowable]:
        _, p = self._, self.picture
        activities = sum(t.activities for t in p.tasks)
        companies = sum(t.unique_companies for t in p.tasks)
        text = _(
            "{reporting} of the {listed} posts on the list sent their annual return for {year}. "
            "Together they report {activities} activities and {companies} companies supported "
            "(each post counts a company once; a company two posts supported counts twice).",
            reporting=p.posts_reporting - len(p.unlisted), listed=p.posts_listed, year=p.year,
            activities=activities, companies=companies,
        )  # fmt: skip
        return [Paragraph(text, self.body)]

    def figure(self, title: str, chart: Drawing, caption: str, table: Flowable) -> list[Flowable]:
        """A chart with its caption and figures, kept on one page to copy as one."""
        parts = [Paragraph(title, self.h1), chart, Paragraph(caption, self.caption)]
        return [KeepTogether([*parts, Spacer(1, 2 * mm), table])]

    def figure_active(self) -> list[Flowable]:
        _, p = self._, self.picture
        labels = [task_label(t.core_task, self.language) for t in p.tasks]
        shares = [100 * t.share_active for t in p.tasks]
        chart = _bars(labels, [shares], [""], percent=True)
        caption = _("Share of the {n} reporting posts with at least one activity done on each "
                    "core task, {year}.", n=p.posts_reporting, year=p.year)  # fmt: skip
        rows = [
            [_("core task"), _("posts active"), _("activities"), _("unique companies")],
            *([label, f"{t.posts_active} ({100 * t.share_active:.0f}%)", t.activities,
               t.unique_companies] for label, t in zip(labels, p.tasks, strict=True)),
        ]  # fmt: skip
        return self.figure(_("Posts active per core task"), chart, caption, self.table(rows))

    def figure_year_on_year(self) -> list[Flowable]:
        _, p = self._, self.picture
        labels = [task_label(c.core_task, self.language) for c in p.compared]
        series = [[c.activities for c in p.compared]]
        names = [str(p.year)]
        if p.returns_before:
            series.insert(0, [c.activities_before or 0 for c in p.compared])
            names.insert(0, str(p.year - 1))
        chart = _bars(labels, series, names)
        caption = _("Activities done per core task, {year} ({n} returns) against {before} "
                    "({m} returns).", year=p.year, n=p.posts_reporting, before=p.year - 1,
                    m=p.returns_before)  # fmt: skip
        rows = [
            [_("core task"), str(p.year - 1), str(p.year), _("posts active"),
             _("unique companies")],
            *([label, "–" if c.activities_before is None else c.activities_before,
               c.activities,
               f"{c.posts_active_before if c.posts_active_before is not None else '–'} → "
               f"{c.posts_active}",
               f"{c.unique_companies_before if c.unique_companies_before is not None else '–'} "
               f"→ {c.unique_companies}"]
              for label, c in zip(labels, p.compared, strict=True)),
        ]  # fmt: skip
        return self.figure(_("This year against last year"), chart, caption, self.table(rows))

    def figure_business(self) -> list[Flowable]:
        _, p = self._, self.picture
        groups = sorted({g.group for g in p.business}, key=_business_order)
        if not groups:  # no return held for the year: nothing to chart
            return []
        labels = [task_label(t, self.language) for t in CORE_TASKS]
        by = {(g.group, g.core_task): g for g in p.business}
        names = [group_label("business", g, self.language) for g in groups]
        series = [[100 * by[g, t].share_active for t in CORE_TASKS] for g in groups]
        chart = _bars(labels, series, names, percent=True)
        caption = _("Share of reporting posts active on each core task, by the amount of Dutch "
                    "business in the post's country, {year}.", year=p.year)  # fmt: skip
        rows = [
            [_("Dutch business"), _("posts reporting"),
             *(_("task {task}", task=t) for t in CORE_TASKS)],
            *([name, by[g, 1].posts_reporting,
               *(f"{by[g, t].activities_per_post:.1f}" for t in CORE_TASKS)]
              for name, g in zip(names, groups, strict=True)),
        ]  # fmt: skip
        note = Paragraph(_("The table gives activities per reporting post."), self.caption)
        return [*self.figure(_("Involvement by amount of Dutch business"), chart, caption,
                             self.table(rows)), note]  # fmt: skip

    def figure_regions(self) -> list[Flowable]:
        _, p = self._, self.picture
        groups = list(dict.fromkeys(g.group for g in p.regions))
        if not groups:
            return []
        by = {(g.group, g.core_task): g for g in p.regions}
        names = [group_label("region", g, self.language) for g in groups]
        totals = [[sum(by[g, t].activities for t in CORE_TASKS) for g in groups]]
        chart = _bars(names, totals, [""])
        caption = _("Activities done per region, all core tasks, {year}.", year=p.year)
        rows = [
            [_("region"), _("posts reporting"),
             *(_("task {task}", task=t) for t in CORE_TASKS), _("companies")],
            *([name, by[g, 1].posts_reporting, *(by[g, t].activities for t in CORE_TASKS),
               sum(by[g, t].unique_companies for t in CORE_TASKS)]
              for name, g in zip(names, groups, strict=True)),
        ]  # fmt: skip
        return self.figure(_("Activities per region"), chart, caption, self.table(rows))

    def figure_themes(self) -> list[Flowable]:
        _, p = self._, self.picture
        if not p.themes:
            return []
        top = p.themes[:12]
        themes = reference.themes()
        labels = [themes.label(c.code, self.language) for c in top]
        chart = _bars(labels, [[c.activities for c in top]], [""])
        caption = _("The themes most worked on: activities done, all core tasks, {year}.",
                    year=p.year)  # fmt: skip
        rows = [
            [_("theme"), *(_("task {task}", task=t) for t in CORE_TASKS), _("posts")],
            *([label, *c.by_task, c.posts] for label, c in zip(labels, top, strict=True)),
        ]  # fmt: skip
        return self.figure(_("Themes"), chart, caption, self.table(rows))

    def lists(self) -> list[Flowable]:
        _, p = self._, self.picture
        story: list[Flowable] = [Paragraph(_("Posts without activity on a core task"), self.h1)]
        for task, posts in p.inactive.items():
            names = ", ".join(posts[:MAX_NAMES]) or _("none")
            more = _(" … and {n} more", n=len(posts) - MAX_NAMES) if len(posts) > MAX_NAMES else ""
            story.append(
                Paragraph(
                    f"<b>{_esc(task_label(task, self.language))}</b> ({len(posts)}): "
                    f"{_esc(names)}{_esc(more)}",
                    self.cell,
                )
            )
        story.append(Paragraph(_("Posts missing ({n})", n=len(p.missing)), self.h1))
        missing = ", ".join(post.label(self.language) for post in p.missing) or _("none")
        story.append(Paragraph(_esc(missing), self.cell))
        if p.unlisted:
            story.append(Paragraph(_("Returns from posts not on the list"), self.h1))
            story.append(Paragraph(_esc(", ".join(p.unlisted)), self.cell))
        if p.refused:
            story.append(Paragraph(_("Files refused ({n})", n=len(p.refused)), self.h1))
            story.append(
                # A reason is a sentence: it wraps within its column, left-aligned.
                self.table(
                    [
                        [_("file"), _("reason")],
                        *([r.path.name, Paragraph(_esc(r.reason), self.cell)] for r in p.refused),
                    ],
                    numbers=False,
                )
            )
        return story

    def table(self, rows: Sequence[Sequence[object]], *, numbers: bool = True) -> Flowable:
        """Rows under a header row; the columns after the first hold `numbers` (right-aligned),
        else text, left-aligned as their header."""
        # A first column's names wrap (a Paragraph); the header row stays plain text, bold.
        cells = [
            [value if isinstance(value, Flowable)
             else Paragraph(_esc(str(value)), self.cell) if index == 0 and line > 0
             else str(value)
             for index, value in enumerate(row)]
            for line, row in enumerate(rows)
        ]  # fmt: skip
        first = 52 * mm
        rest = (TEXT_WIDTH - first) / max(1, len(rows[0]) - 1)
        table = LongTable(cells, colWidths=[first, *[rest] * (len(rows[0]) - 1)], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("FONTNAME", (0, 0), (-1, 0), BOLD),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT" if numbers else "LEFT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, GREY),
                ]
            )
        )
        return table


def _bars(
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[str],
    percent: bool = False,
) -> Drawing:
    """Horizontal bars per label (top to bottom), one bar per series, values written on."""
    label_width = 62 * mm
    row = 4.2 * mm * len(series) + 2.5 * mm
    legend_height = (0, 0, 8 * mm, 8 * mm)[len(series)] if len(series) <= 3 else 13 * mm
    height = row * len(labels) + 10 * mm + legend_height
    drawing = Drawing(TEXT_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 6 * mm + legend_height
    chart.width, chart.height = TEXT_WIDTH - label_width - 14 * mm, row * len(labels)
    chart.data = [list(reversed(values)) for values in reversed(series)]
    highest = max((v for values in series for v in values), default=0)
    maximum = 100.0 if percent else round_up(max(highest, 1))
    value_format = "{:.0f}%" if percent else "{:.0f}"
    label_axes(chart, labels, maximum, value_format.format, label_size=8)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    chart.barLabelFormat = value_format.format
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barSpacing = 0.5
    chart.groupSpacing = 2.5 * mm
    for index in range(len(series)):
        chart.bars[index].fillColor = PALETTE[(len(series) - 1 - index) % len(PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = label_width, legend_height - 2 * mm
        legend.fontName, legend.fontSize = REGULAR, 8
        legend.alignment = "right"
        legend.columnMaximum = 1 if len(series) <= 3 else 2
        widest = max(stringWidth(name, REGULAR, 8) for name in names)
        legend.dx, legend.dy, legend.deltax = 7, 7, widest + 12 * mm
        legend.colorNamePairs = [
            (PALETTE[index % len(PALETTE)], name) for index, name in enumerate(names)
        ]
        drawing.add(legend)
    return drawing


def _business_order(code: str) -> int:
    codes = reference.business_levels().codes
    return codes.index(code) if code in codes else len(codes)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The workbook and the report as jobs' work (core/processes.py): the window names them by
# module ("postkit.core.hq.network_report:save_network_pdf"), so openpyxl and reportlab load
# in the job's process only (importing them on the GUI thread would stall it).
def save_network_xlsx(
    _session: Session, picture: NetworkPicture, path: str | os.PathLike[str], language: str
) -> Path:
    """`network_report.write_network_xlsx`; the session goes unused."""
    return write_network_xlsx(picture, path, language)


def save_network_pdf(
    _session: Session, picture: NetworkPicture, path: str | os.PathLike[str], language: str
) -> Path:
    """`network_report.write_network_pdf`; the session goes unused."""
    return write_network_pdf(picture, path, language)
