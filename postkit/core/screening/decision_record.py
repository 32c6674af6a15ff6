"""The decision record of a support request as a PDF to file: a rendering of the value types."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from postkit.core import reference
from postkit.core.files import atomic_output
from postkit.core.i18n import N_, Translator, long_day, translator
from postkit.core.pdf_fonts import BOLD, REGULAR, register_fonts
from postkit.core.pdf_pages import (
    MARGIN,
    TEXT_WIDTH,
    Footer,
    a4_document,
    numbered_canvas,
)
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.audit import ANCHOR_MARK
from postkit.core.screening.log_text import (
    ANSWERS,
    FOLLOW_UP_STATUSES,
    REQUEST_FIELDS,
    action_label,
    detail_lines,
    local_moment,
    step_label,
    utc_offset,
)
from postkit.core.screening.matching import explanation_text
from postkit.core.screening.records import (
    Answer,
    AuditEntry,
    ChainAnchor,
    ChecklistAnswer,
    ConditionLine,
    Judgement,
    MatchRecord,
    RequestRecord,
    RiskLevel,
    RiskSummary,
    ScreeningFinding,
    Status,
)
from postkit.core.screening.risk import SUBJECT_KINDS
from postkit.core.screening.sanctions_store import SANCTIONS_ITEM, screening_finding
from postkit.core.screening.steps import is_large_company, step_number

# Names in any European script print as written (see pdf_fonts).
register_fonts()

TITLE = N_("Decision record: IMVO conditions")
REFERENCE = N_("Reference")
NONE = "–"
LARGE_YES = N_(
    "Yes: 500 or more employees and more than EUR 20M balance sheet total or EUR 40M turnover"
)
LARGE_NO = N_(
    "No: below the threshold of 500 or more employees and more than EUR 20M balance sheet "
    "total or EUR 40M turnover"
)
LARGE_UNKNOWN = N_("Unknown: the figures are incomplete")
LEVELS = {RiskLevel.LOW: N_("Low"), RiskLevel.MEDIUM: N_("Medium"), RiskLevel.HIGH: N_("High")}
JUDGEMENTS = {
    Judgement.OPEN: N_("Not judged yet"),
    Judgement.CONFIRMED: N_("Confirmed: the same party"),
    Judgement.DISMISSED: N_("Dismissed: not the same party"),
}
# The sanctions lists by their source code, as imported (see official_lists).
LIST_NAMES = {
    "eu-fsf": N_("EU sanctions list (Financial Sanctions Files)"),
    "un-sc": N_("UN Security Council consolidated list"),
    "nl-terrorism": N_("Dutch national terrorism sanctions list"),
    "opensanctions": N_("OpenSanctions list"),
}
# The risk summary's other sources beside the checklist's steps.
RISK_SOURCES = {
    "country": N_("Country"),
    "sector": N_("Sector"),
    "size": N_("Company size"),
    "sanctions": N_("Sanctions"),
}
# Entry details worth a line in the candidates table, in this order.
ENTRY_DETAILS = ("birth_date", "countries", "identifiers", "sanctions", "program_ids", "dataset")

BLUE = colors.HexColor("#01689b")  # Rijksoverheid blue
RULE = colors.HexColor("#b4b4b4")
HEADER_FILL = colors.HexColor("#e6f0f6")
LABEL_FILL = colors.HexColor("#f3f6f8")
RED = colors.HexColor("#b00020")
RED_FILL = colors.HexColor("#fbe3e6")
AMBER_FILL = colors.HexColor("#fff3d6")
AMBER = colors.HexColor("#b36b00")
GREEN_FILL = colors.HexColor("#e3f1dc")
LEVEL_FILLS = {RiskLevel.LOW: GREEN_FILL, RiskLevel.MEDIUM: AMBER_FILL, RiskLevel.HIGH: RED_FILL}
JUDGEMENT_FILLS = {
    Judgement.OPEN: AMBER_FILL,
    Judgement.CONFIRMED: RED_FILL,
    Judgement.DISMISSED: colors.white,
}
FRAME_PADDING = 6  # platypus frames pad their content by 6 points on every side
LABEL_WIDTH = 45 * mm


def write_decision_record(
    record: RequestRecord,
    summary: RiskSummary,
    log: Sequence[AuditEntry],
    path: str | os.PathLike[str],
    language: str = "en",
    post_name: str = "",
    printed_by: str = "",
    printed_at: datetime | None = None,
    anchor: ChainAnchor | None = None,
    conditions: Sequence[ConditionLine] = (),
) -> None:
    """Write the decision record of `record` as a PDF at `path`, replacing it only once complete.

    `anchor`, the head of the whole log when printed, goes on the record (and into its
    metadata) so that `postkit screening verify --anchor` can later check the log against it.
    `conditions` lists the decision's conditions one by one with their due dates; without
    them the record shows the decision's conditions text.
    """
    document = _Document(
        record,
        summary,
        tuple(log),
        language,
        post_name,
        printed_by,
        printed_at or _now(),
        anchor,
        tuple(conditions),
    )
    with atomic_output(Path(path)) as temp:
        document.build(temp)


def build_story(
    record: RequestRecord,
    summary: RiskSummary,
    log: Sequence[AuditEntry],
    language: str = "en",
    post_name: str = "",
) -> list[Flowable]:
    """The flowables of the record's pages, without the page footers."""
    return _Document(record, summary, tuple(log), language, post_name, "", _now(), None).story()


def _now() -> datetime:
    return datetime.now(UTC)


def _text(value: str) -> str:
    """User text as paragraph markup: special characters escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


@dataclass(frozen=True)
class _Document:
    record: RequestRecord
    summary: RiskSummary
    log: tuple[AuditEntry, ...]
    language: str
    post_name: str
    printed_by: str
    printed_at: datetime
    anchor: ChainAnchor | None
    conditions: tuple[ConditionLine, ...] = ()

    @property
    def _(self) -> Translator:
        return translator(self.language)

    def list_name(self, source: str) -> str:
        return self._(LIST_NAMES[source]) if source in LIST_NAMES else source

    @property
    def styles(self) -> _Styles:
        return _styles()

    @property
    def reference(self) -> str:
        return self.record.uuid.split("-")[0]

    def build(self, path: Path) -> None:
        document = a4_document(
            path,
            # So that text and tables line up with the footer at MARGIN.
            margin=MARGIN - FRAME_PADDING,
            bottom_margin=MARGIN + 8 * mm,
            title=f"{self._(TITLE)} {self.reference}",
            author=self.post_name,
            subject=self.record.data.company_name,
            keywords=f"{ANCHOR_MARK} {self.anchor.text}" if self.anchor else "",
        )
        printed = (
            self._("Printed {at} by {who}", at=self.moment(self.printed_at), who=self.printed_by)
            if self.printed_by
            else self._("Printed {at}", at=self.moment(self.printed_at))
        )
        footer = (f"{self._(TITLE)} · {self._(REFERENCE)} {self.reference}", printed)
        page_label = self._("page {page} of {pages}")

        page_footer = Footer(
            footer, page_label, font_size=7.5, color=colors.HexColor("#555555"), rule_height=4 * mm
        )
        document.build(self.story(), canvasmaker=numbered_canvas(page_footer))

    def story(self) -> list[Flowable]:
        return [
            *self.header(),
            *self.request(),
            *self.checklist(),
            *self.risk(),
            *self.sanctions(),
            *self.decision(),
            *self.audit_trail(),
        ]

    # Formatting

    def number(self, value: int) -> str:
        text = f"{value:,}"
        return text.replace(",", ".") if self.language == "nl" else text

    def euros(self, value: int | None) -> str:
        return NONE if value is None else f"EUR {self.number(value)}"

    def day(self, value: date | None) -> str:
        return long_day(value, self.language) if value else NONE

    def moment(self, value: datetime | None) -> str:
        """Local time, as the post reads it (the log in the database keeps UTC)."""
        if value is None:
            return NONE
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return local_moment(value, self.language)

    def by(self, at: datetime | None, who: str) -> str:
        if at is None and not who:
            return NONE
        if at is None:
            return self._("by {who}", who=who)
        return self._("{at} by {who}", at=self.moment(at), who=who) if who else self.moment(at)

    def para(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.styles.cell)

    def plain(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of user or reference text, shown literally."""
        return self.para(_text(text) or NONE, style)

    def heading(self, text: str) -> Paragraph:
        return Paragraph(escape(text), self.styles.h1)

    def fields(self, rows: Sequence[tuple[str, object]]) -> Table:
        """A two-column table of labels and values."""
        cells = [
            [
                self.para(escape(label), self.styles.label),
                value if isinstance(value, Flowable) else self.plain(str(value)),
            ]
            for label, value in rows
        ]
        table = Table(cells, colWidths=[LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH], hAlign="LEFT")
        table.setStyle(TableStyle([*_grid(), ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)]))
        return table

    def box(self, title: str, text: str, fill: colors.Color, edge: colors.Color) -> Table:
        """A framed notice that stands out on the page."""
        content: list[Flowable] = [self.para(escape(title), self.styles.box_title)]
        if text:
            content.append(self.plain(text))
        table = Table([[content]], colWidths=[TEXT_WIDTH])
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, edge),
                    ("BACKGROUND", (0, 0), (-1, -1), fill),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return table

    def section(self, heading: str, first: Flowable, *rest: Flowable) -> list[Flowable]:
        """A heading kept on the page of what follows it."""
        return [KeepTogether([self.heading(heading), first]), *rest]

    # Sections

    def header(self) -> list[Flowable]:
        record = self.record
        status = self._("Decided") if record.status is Status.DECIDED else self._("Open")
        if record.decision is not None:
            outcome = screening_reference.outcomes().label(record.decision.outcome, self.language)
            status = f"{status}: {outcome}"
        reference_cell = self.para(
            f"<b>{escape(self.reference)}</b><br/>"
            f'<font size="7" color="#666666">{escape(record.uuid)}</font>'
        )
        cells = [
            [
                self.para(escape(self._(REFERENCE)), self.styles.label),
                reference_cell,
                self.para(escape(self._("Status")), self.styles.label),
                self.para(f"<b>{escape(status)}</b>"),
            ],
            [
                self.para(escape(self._("Company")), self.styles.label),
                self.plain(record.data.company_name),
                self.para(escape(self._("Post")), self.styles.label),
                self.plain(self.post_name),
            ],
        ]
        value_width = (TEXT_WIDTH - 2 * 25 * mm) / 2
        table = Table(cells, colWidths=[25 * mm, value_width, 25 * mm, value_width])
        table.setStyle(
            TableStyle(
                [
                    *_grid(),
                    ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                    ("BACKGROUND", (2, 0), (2, -1), LABEL_FILL),
                ]
            )
        )
        return [
            self.plain(self.post_name or "postkit", self.styles.brand),
            Paragraph(escape(self._(TITLE)), self.styles.title),
            table,
            Spacer(1, 2 * mm),
        ]

    def request(self) -> list[Flowable]:
        data, _, language = self.record.data, self._, self.language
        countries, sectors = reference.countries(), reference.sectors()
        large = is_large_company(data)
        large_text = {True: LARGE_YES, False: LARGE_NO, None: LARGE_UNKNOWN}[large]
        employees = NONE if data.employees is None else self.number(data.employees)

        def label(field: str) -> str:
            return _(REQUEST_FIELDS[field])

        support_kind = screening_reference.support_kinds().label(data.support_kind, language)
        table = self.fields(
            [
                (label("company_name"), data.company_name),
                (label("kvk_number"), data.kvk_number),
                (label("company_country"), countries.label(data.company_country, language)),
                (label("company_sector"), sectors.label(data.company_sector, language)),
                (label("employees"), employees),
                (_("Turnover"), self.euros(data.turnover_eur)),
                (_("Balance sheet total"), self.euros(data.balance_sheet_eur)),
                (_("Large company"), _(large_text)),
                (label("directors"), "\n".join(data.directors)),
                (label("support_kind"), support_kind),
                (label("operating_country"), countries.label(data.operating_country, language)),
                (label("operating_sector"), sectors.label(data.operating_sector, language)),
                (label("requested_on"), self.day(data.requested_on)),
                (label("needed_by"), self.day(data.needed_by)),
                (label("handled_by"), data.handled_by),
                (label("description"), data.description),
                (_("Recorded"), self.by(self.record.created_at, self.record.created_by)),
                (_("Last changed"), self.by(self.record.updated_at, self.record.updated_by)),
            ]
        )
        return self.section(_("1. The request"), table)

    def checklist(self) -> list[Flowable]:
        styles, _ = self.styles, self._
        red_flag = _("RED FLAG")
        rows: list[list[object]] = [
            [
                self.para("#", styles.head),
                self.para(escape(_("Question")), styles.head),
                self.para(escape(_("Answer")), styles.head),
            ]
        ]
        commands: list[tuple[Any, ...]] = []
        for number, item in enumerate(screening_reference.checklist(), 1):
            answer = self.record.answer(item.code)
            is_red_flag = answer.answer is item.red_flag
            answer_markup = escape(_(ANSWERS[answer.answer.value]))
            answer_style = styles.unknown if answer.answer is Answer.UNKNOWN else styles.cell
            if is_red_flag:
                answer_markup = f"<b>{answer_markup}</b><br/><b>{escape(red_flag)}</b>"
                commands += [
                    ("BACKGROUND", (2, number), (2, number), RED_FILL),
                    ("LINEBEFORE", (0, number), (0, number), 3, RED),
                ]
                answer_style = styles.flag
            rows.append(
                [
                    self.para(str(number)),
                    [self.para(escape(item.question(self.language))), *self.answer_details(answer)],
                    self.para(answer_markup, answer_style),
                ]
            )
        table = LongTable(rows, colWidths=[8 * mm, TEXT_WIDTH - 32 * mm, 24 * mm], repeatRows=1)
        table.setStyle(TableStyle([*_grid(header=True), *commands]))
        # A long table's heading must not end a page alone: start a new page if little is left.
        heading = self.heading(_("2. Checklist of the IMVO conditions"))
        return [CondPageBreak(40 * mm), heading, table]

    def answer_details(self, answer: ChecklistAnswer) -> list[Flowable]:
        small, _ = self.styles.small, self._
        note, links_label, evidence_label = _("Note"), _("Links"), _("Evidence")
        details: list[Flowable] = []
        if answer.note.strip():
            details.append(self.para(f"<b>{escape(note)}:</b> {_text(answer.note)}", small))
        if answer.links:
            links = "<br/>".join(escape(link) for link in answer.links)
            details.append(self.para(f"<b>{escape(links_label)}:</b> {links}", small))
        if answer.evidence:
            files = "<br/>".join(
                f"{escape(evidence.file_name)} "
                f'<font name="Courier" size="7">sha256 {escape(evidence.sha256[:16])}</font>'
                for evidence in answer.evidence
            )
            details.append(self.para(f"<b>{escape(evidence_label)}:</b> {files}", small))
        if answer.updated_at is not None or answer.updated_by:
            answered = _("Answered {who}", who=self.by(answer.updated_at, answer.updated_by))
            details.append(self.para(escape(answered), self.styles.muted))
        finding = screening_finding(self.record) if answer.item == SANCTIONS_ITEM else None
        if finding is not None:
            details.append(self.para(escape(self.finding_text(finding)), self.styles.muted))
        return details

    def finding_text(self, finding: ScreeningFinding) -> str:
        """The screening's result, set beside the sanctions answer the officer gave."""
        _ = self._

        def candidates(count: int) -> str:
            return _.ngettext("{n} candidate", "{n} candidates", count, n=count)

        parts = [
            text
            for text, count in (
                (_("{n} confirmed as a match", n=candidates(finding.confirmed)), finding.confirmed),
                (_("{n} still to judge", n=candidates(finding.open)), finding.open),
                (_("{n} dismissed", n=candidates(finding.dismissed)), finding.dismissed),
            )
            if count
        ]
        result = ", ".join(parts) or _("no candidates")
        day = self.day(finding.screened_at.astimezone().date())
        return _("Sanctions screening on {day}: {result}.", day=day, result=result)

    def risk_source(self, source: str) -> str:
        number = step_number(source)
        if number is not None:
            return step_label(number, self.language)
        return self._(RISK_SOURCES[source]) if source in RISK_SOURCES else source

    def risk(self) -> list[Flowable]:
        summary, _ = self.summary, self._
        level = self.para(f"<b>{escape(_(LEVELS[summary.level]))}</b>")
        rows: list[tuple[str, object]] = [
            (_("Risk level"), level),
            (_("Advice"), summary.advice_in(self.language)),
        ]
        if summary.red_flags:
            sources = ", ".join(self.risk_source(item) for item in summary.red_flags)
            rows.append((_("Red flags"), sources))
        if summary.open_items:
            sources = ", ".join(self.risk_source(item) for item in summary.open_items)
            rows.append((_("Open steps"), sources))
        overview = self.fields(rows)
        overview.setStyle(TableStyle([("BACKGROUND", (1, 0), (1, 0), LEVEL_FILLS[summary.level])]))
        note = _(
            "Computed from the answers, the risk tables and the sanctions screening; "
            "the officer decides."
        )
        story = self.section(
            _("3. Risk summary"), overview, Paragraph(escape(note), self.styles.note)
        )
        if not summary.factors:
            no_factors = _("The summary names no risk factors.")
            return [*story, self.para(escape(no_factors), self.styles.body)]
        head = self.styles.head
        factors: list[list[object]] = [
            [
                self.para(escape(_("Factor")), head),
                self.para(escape(_("Level")), head),
                self.para(escape(_("Explanation and weight")), head),
            ]
        ]
        commands: list[tuple[Any, ...]] = []
        for row, factor in enumerate(summary.factors, 1):
            explanation = [self.plain(factor.explained(self.language))]
            if factor.weighed(self.language):
                explanation.append(self.plain(factor.weighed(self.language), self.styles.muted))
            factors.append(
                [
                    self.plain(self.risk_source(factor.source)),
                    self.plain(self._(LEVELS[factor.level])),
                    explanation,
                ]
            )
            commands.append(("BACKGROUND", (1, row), (1, row), LEVEL_FILLS[factor.level]))
        table = LongTable(
            factors, colWidths=[LABEL_WIDTH, 20 * mm, TEXT_WIDTH - LABEL_WIDTH - 20 * mm]
        )
        table.setStyle(TableStyle([*_grid(header=True), *commands]))
        return [*story, Spacer(1, 2 * mm), table]

    def sanctions(self) -> list[Flowable]:
        record, _ = self.record, self._
        heading = _("4. Sanctions screening")
        if not record.screened_lists:
            not_screened = _(
                "Not screened: the names have not been checked against a sanctions list."
            )
            return self.section(heading, self.box(not_screened, "", AMBER_FILL, AMBER))
        threshold = NONE if record.match_threshold is None else f"{record.match_threshold:g}"
        names = [record.data.company_name, *record.data.directors]
        list_fields: list[tuple[str, object]] = []
        for listed in record.screened_lists:
            sha = self.para(f'<font name="Courier" size="7.5">{escape(listed.sha256)}</font>')
            list_fields += [
                (_("Sanctions list"), f"{self.list_name(listed.source)}\n{listed.file_name}"),
                (_("List date"), listed.list_date),
                (_("Entries"), self.number(listed.entry_count)),
                (_("SHA-256"), sha),
                (_("Imported"), self.by(listed.imported_at, listed.imported_by)),
            ]
        matcher = _(
            "version {version}, threshold {threshold}",
            version=record.matcher_version or NONE,
            threshold=threshold,
        )
        overview = self.fields(
            [
                *list_fields,
                (_("Matcher"), matcher),
                (_("Screened"), self.moment(record.screened_at)),
                (_("Names screened"), "\n".join(names)),
            ]
        )
        gap = Spacer(1, 3 * mm)
        if not record.matches:
            no_candidates = _("No candidates: no listed name scored at or above the threshold.")
            box = self.box(no_candidates, "", GREEN_FILL, RULE)
            return [KeepTogether([self.heading(heading), overview, gap, box])]
        count = _("Candidates ({count})", count=len(record.matches))
        table = self.candidates(record.matches)
        return [
            *self.section(heading, overview, gap),
            KeepTogether([Paragraph(escape(count), self.styles.h2), table]),
        ]

    def candidates(self, matches: Sequence[MatchRecord]) -> LongTable:
        styles, _ = self.styles, self._
        head = styles.head
        rows: list[list[object]] = [
            [
                self.para(escape(text), style)
                for text, style in (
                    (_("Screened name"), head),
                    (_("Listed entry"), head),
                    (_("Score"), styles.head_right),
                    (_("Match"), head),
                    (_("Judgement"), head),
                )
            ]
        ]
        commands: list[tuple[Any, ...]] = []
        for row, match in enumerate(matches, 1):
            kind = match.subject_kind
            kind = _(SUBJECT_KINDS[kind]) if kind in SUBJECT_KINDS else kind
            subject = self.para(f"{_text(match.subject)}<br/><i>{escape(kind)}</i>", styles.small)
            listed = [self.para(f"<b>{_text(match.entry_name)}</b>", styles.small)]
            ident = " · ".join(part for part in (match.entry_schema, match.entry_id) if part)
            listed.append(self.para(escape(ident), styles.muted))
            if match.list_source:
                which = _(
                    "{list} of {date}",
                    list=self.list_name(match.list_source),
                    date=match.list_date[:10],
                )
                listed.append(self.para(escape(which), styles.muted))
            if match.listed_on:
                listed_on = _("Listed on")
                listed.append(self.para(escape(f"{listed_on}: {match.listed_on}"), styles.muted))
            for key in ENTRY_DETAILS:
                value = _detail(match.entry_details.get(key))
                if value:
                    listed.append(self.para(f"{escape(key)}: {escape(value)}", styles.muted))
            explanation = [
                self.para(escape(self._("on “{name}”", name=match.matched_name)), styles.small)
            ]
            explanation += [
                self.para(f"• {escape(line)}", styles.small)
                for line in explanation_text(match.explanation, self.language)
            ]
            # An open candidate whose entry the list dropped is no longer one to judge: the
            # mark says why it was left so.
            judgement = (
                []
                if match.is_delisted and match.judgement is Judgement.OPEN
                else [
                    self.para(
                        f"<b>{escape(_(JUDGEMENTS[match.judgement]))}</b>",
                        styles.small,
                    )
                ]
            )
            if match.judgement is not Judgement.OPEN:
                judgement.append(
                    self.para(escape(self.by(match.judged_at, match.judged_by)), styles.muted)
                )
            if match.judgement_note.strip():
                judgement.append(self.para(_text(match.judgement_note), styles.small))
            if match.is_delisted:
                judgement.append(self.para(f"<b>{escape(self.delisted(match))}</b>", styles.small))
            rows.append(
                [
                    subject,
                    listed,
                    self.para(f"{match.score:.1f}", styles.score),
                    explanation,
                    judgement,
                ]
            )
            fill = colors.white if match.is_delisted else JUDGEMENT_FILLS[match.judgement]
            commands.append(("BACKGROUND", (4, row), (4, row), fill))
        widths = [28 * mm, 40 * mm, 13 * mm, 0, 46 * mm]
        widths[3] = TEXT_WIDTH - sum(widths)
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*_grid(header=True), *commands]))
        return table

    def delisted(self, match: MatchRecord) -> str:
        """When the list stopped holding the candidate's entry: the date of that list."""
        try:
            day = self.day(date.fromisoformat(match.delisted_on[:10]))
        except ValueError:
            return self._("Removed from the list")
        return self._("Removed from the list on {day}", day=day)

    def decision(self) -> list[Flowable]:
        record, _ = self.record, self._
        decision = record.decision
        if decision is None:
            text = _(
                "No decision has been recorded for this request; this record shows the "
                "screening so far."
            )
            box = self.box(_("Not decided yet"), text, AMBER_FILL, AMBER)
            return self.section(_("5. Decision"), box)
        outcome = screening_reference.outcomes().label(decision.outcome, self.language)
        rows: list[tuple[str, object]] = [
            (self._("Outcome"), self.para(f"<b>{escape(outcome)}</b>")),
            (self._("Rationale"), decision.rationale),
        ]
        if self.conditions:
            rows += [
                (self._("Conditions"), self.condition_table()),
                (self._("Follow-up on"), self.day(decision.follow_up_on)),
            ]
        elif decision.conditions.strip() or decision.conditions_due or decision.follow_up_on:
            rows += [
                (self._("Conditions"), decision.conditions),
                (self._("Conditions due"), self.day(decision.conditions_due)),
                (self._("Follow-up on"), self.day(decision.follow_up_on)),
            ]
        if decision.open_steps:
            steps = ", ".join(self.risk_source(code) for code in decision.open_steps)
            rows += [
                (self._("Decided with open steps"), steps),
                (self._("Reason to decide anyway"), decision.open_steps_reason),
            ]
        rows.append((self._("Decided"), self.by(record.decided_at, record.decided_by)))
        return self.section(_("5. Decision"), self.fields(rows))

    def condition_table(self) -> Table:
        """Each condition with its due date, owner and how it was followed up."""
        _ = self._
        head = [_("Condition"), _("Due"), _("Owner"), _("Status")]
        cells: list[list[object]] = [[self.para(escape(h), self.styles.label) for h in head]]
        for line in self.conditions:
            status = _(FOLLOW_UP_STATUSES.get(line.status, line.status))
            if line.status_note:
                status = f"{status}: {line.status_note}"
            cells.append(
                [
                    self.plain(line.text),
                    self.plain(self.day(line.due_on)),
                    self.plain(line.owner or "–"),
                    self.plain(status),
                ]
            )
        width = TEXT_WIDTH - LABEL_WIDTH - 2 * FRAME_PADDING
        widths = [25 * mm, 28 * mm, 28 * mm]
        table = Table(cells, colWidths=[width - sum(widths), *widths], hAlign="LEFT")
        table.setStyle(TableStyle(_grid(header=True)))
        return table

    def anchor_lines(self) -> list[Flowable]:
        if self.anchor is None:
            return []
        _, entries = self._, self.anchor.entries
        value = _.ngettext(
            "{count} entry, last hash",
            "{count} entries, last hash",
            entries,
            count=self.number(entries),
        )
        label = _("Whole log when printed")
        note = _(
            "The log is tamper-evident against edits that do not recompute its hash chain. "
            "Keep this record: checking the log against it later (postkit screening verify "
            "--anchor with this file) shows whether the log was rewritten or rolled back since."
        )
        return [
            Spacer(1, 1 * mm),
            self.para(
                f"<b>{escape(label)}:</b> {escape(value)} "
                f'<font name="Courier">{escape(self.anchor.head_hash)}</font>',
                self.styles.small,
            ),
            Paragraph(escape(note), self.styles.note),
        ]

    def audit_trail(self) -> list[Flowable]:
        _ = self._
        heading = _("6. Audit trail")
        if not self.log:
            empty = _("The log holds no entries for this request.")
            return [
                *self.section(heading, self.para(escape(empty), self.styles.body)),
                *self.anchor_lines(),
            ]
        styles = self.styles
        rows: list[list[object]] = [
            [
                self.para(escape(text), styles.head)
                for text in (_("Time"), _("Who"), _("Action"), _("Details"))
            ]
        ]
        for entry in self.log:
            details = "<br/>".join(escape(line) for line in detail_lines(entry, self.language))
            rows.append(
                [
                    self.para(escape(self.moment(entry.at)), styles.small),
                    self.plain(entry.actor, styles.small),
                    self.plain(action_label(entry.action, self.language), styles.small),
                    self.para(details or escape(NONE), styles.small),
                ]
            )
        widths = [26 * mm, 26 * mm, 30 * mm, 0]
        widths[3] = TEXT_WIDTH - sum(widths)
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(_grid(header=True)))
        last_hash_label = _("Last hash of the chain")
        last_hash = self.para(
            f"<b>{escape(last_hash_label)}:</b> "
            f'<font name="Courier">{escape(self.log[-1].entry_hash)}</font>',
            styles.small,
        )
        zone = Paragraph(
            escape(_("Times are local time ({offset}).", offset=utc_offset(self.printed_at))),
            self.styles.note,
        )
        return [
            CondPageBreak(40 * mm),
            self.heading(heading),
            zone,
            table,
            Spacer(1, 2 * mm),
            last_hash,
            *self.anchor_lines(),
        ]


def _detail(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value if item)
    return "" if value is None else str(value)


def _grid(header: bool = False) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, BLUE),
        ]
    return commands


class _Styles:
    """The record's paragraph styles, all in the shipped DejaVu Sans (see pdf_fonts)."""

    def __init__(self) -> None:
        body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13)
        self.body = body
        self.cell = ParagraphStyle("cell", body, fontSize=9, leading=11.5)
        self.label = ParagraphStyle("label", self.cell, fontName=BOLD)
        self.head = ParagraphStyle("head", self.cell, fontName=BOLD, fontSize=8.5)
        self.small = ParagraphStyle("small", body, fontSize=8, leading=10)
        self.muted = ParagraphStyle("muted", self.small, textColor=colors.HexColor("#555555"))
        self.score = ParagraphStyle("score", self.small, alignment=TA_RIGHT)
        self.flag = ParagraphStyle("flag", self.cell, textColor=RED)
        self.unknown = ParagraphStyle("unknown", self.cell, textColor=AMBER)
        self.head_right = ParagraphStyle("head_right", self.head, alignment=TA_RIGHT)
        self.note = ParagraphStyle("note", self.muted, spaceBefore=2, spaceAfter=3)
        self.box_title = ParagraphStyle("box_title", body, fontName=BOLD, fontSize=11, leading=15)
        self.brand = ParagraphStyle(
            "brand", body, fontSize=10, textColor=colors.HexColor("#555555")
        )
        self.title = ParagraphStyle(
            "title",
            body,
            fontName=BOLD,
            fontSize=18,
            leading=23,
            spaceBefore=2,
            spaceAfter=8,
            textColor=BLUE,
        )
        self.h1 = ParagraphStyle(
            "h1",
            body,
            fontName=BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=12,
            spaceAfter=5,
            textColor=BLUE,
        )
        self.h2 = ParagraphStyle(
            "h2", body, fontName=BOLD, fontSize=10.5, spaceBefore=2, spaceAfter=3
        )


@cache
def _styles() -> _Styles:
    return _Styles()
