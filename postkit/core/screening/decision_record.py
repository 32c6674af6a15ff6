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
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from postkit.core import reference
from postkit.core.files import atomic_output
from postkit.core.pdf_fonts import BOLD, REGULAR, register_fonts
from postkit.core.pdf_pages import Footer, numbered_canvas
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.audit import ANCHOR_MARK
from postkit.core.screening.log_text import (
    action_label,
    detail_lines,
    local_moment,
    long_day,
    utc_offset,
)
from postkit.core.screening.matching import explanation_text
from postkit.core.screening.records import (
    Answer,
    AuditEntry,
    ChainAnchor,
    ChecklistAnswer,
    Judgement,
    MatchRecord,
    RequestRecord,
    RiskLevel,
    RiskSummary,
    ScreeningFinding,
    Status,
)
from postkit.core.screening.sanctions_store import SANCTIONS_ITEM, screening_finding
from postkit.core.screening.steps import is_large_company, step_number

# Names in any European script print as written (see pdf_fonts).
register_fonts()

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "title": "Decision record: IMVO conditions",
        "reference": "Reference",
        "status": "Status",
        "status_open": "Open",
        "status_decided": "Decided",
        "post": "Post",
        "company": "Company",
        "printed": "Printed {at} by {who}",
        "printed_anonymous": "Printed {at}",
        "page": "page {page} of {pages}",
        "none": "–",
        "by": "{at} by {who}",
        "by_who": "by {who}",
        "request": "1. The request",
        "kvk": "KvK number",
        "company_country": "Country of the company",
        "company_sector": "Sector of the company",
        "employees": "Employees",
        "turnover": "Turnover",
        "balance_sheet": "Balance sheet total",
        "large": "Large company",
        "large_yes": "Yes: 500 or more employees and more than EUR 20M balance sheet total or "
        "EUR 40M turnover",
        "large_no": "No: below the threshold of 500 or more employees and more than EUR 20M "
        "balance sheet total or EUR 40M turnover",
        "large_unknown": "Unknown: the figures are incomplete",
        "directors": "Directors",
        "support_kind": "Support asked",
        "operating_country": "Country of operation",
        "operating_sector": "Sector of operation",
        "requested_on": "Requested on",
        "needed_by": "Needed by",
        "handled_by": "Handled by",
        "description": "Description",
        "recorded": "Recorded",
        "changed": "Last changed",
        "checklist": "2. Checklist of the IMVO conditions",
        "question": "Question",
        "answer": "Answer",
        "yes": "Yes",
        "no": "No",
        "unknown": "Unknown",
        "red_flag": "RED FLAG",
        "note": "Note",
        "links": "Links",
        "evidence": "Evidence",
        "answered": "Answered {who}",
        "screening_result": "Sanctions screening on {day}: {result}.",
        "result_none": "no candidates",
        "result_confirmed": "{n} confirmed as a match",
        "result_open": "{n} still to judge",
        "result_dismissed": "{n} dismissed",
        "candidate_one": "1 candidate",
        "candidate_many": "{n} candidates",
        "risk": "3. Risk summary",
        "risk_level": "Risk level",
        "low": "Low",
        "medium": "Medium",
        "high": "High",
        "advice": "Advice",
        "risk_note": "Computed from the answers, the risk tables and the sanctions screening; "
        "the officer decides.",
        "red_flags": "Red flags",
        "open_items": "Open steps",
        "factor": "Factor",
        "level": "Level",
        "explanation": "Explanation and weight",
        "no_factors": "The summary names no risk factors.",
        "question_n": "Step {n}",
        "source_country": "Country",
        "source_sector": "Sector",
        "source_size": "Company size",
        "source_sanctions": "Sanctions",
        "sanctions": "4. Sanctions screening",
        "not_screened": "Not screened: the names have not been checked against a sanctions list.",
        "list": "Sanctions list",
        "list_date": "List date",
        "list_of": "{list} of {date}",
        "listed_on": "Listed on",
        "list_eu-fsf": "EU sanctions list (Financial Sanctions Files)",
        "list_un-sc": "UN Security Council consolidated list",
        "list_nl-terrorism": "Dutch national terrorism sanctions list",
        "list_opensanctions": "OpenSanctions list",
        "entries": "Entries",
        "sha256": "SHA-256",
        "imported": "Imported",
        "matcher": "Matcher",
        "matcher_value": "version {version}, threshold {threshold}",
        "screened": "Screened",
        "names_screened": "Names screened",
        "no_candidates": "No candidates: no listed name scored at or above the threshold.",
        "candidates": "Candidates ({count})",
        "subject": "Screened name",
        "listed": "Listed entry",
        "score": "Score",
        "match": "Match",
        "judgement": "Judgement",
        "kind_company": "company",
        "kind_director": "director",
        "judgement_open": "Not judged yet",
        "judgement_confirmed": "Confirmed: the same party",
        "judgement_dismissed": "Dismissed: not the same party",
        "matched_on": "on “{name}”",
        "decision": "5. Decision",
        "outcome": "Outcome",
        "rationale": "Rationale",
        "conditions": "Conditions",
        "conditions_due": "Conditions due",
        "follow_up": "Follow-up on",
        "open_steps": "Decided with open steps",
        "open_steps_reason": "Reason to decide anyway",
        "decided": "Decided",
        "not_decided": "Not decided yet",
        "not_decided_text": "No decision has been recorded for this request; this record shows "
        "the screening so far.",
        "audit": "6. Audit trail",
        "time": "Time",
        "local_times": "Times are local time ({offset}).",
        "who": "Who",
        "action": "Action",
        "details": "Details",
        "last_hash": "Last hash of the chain",
        "anchor": "Whole log when printed",
        "anchor_value": "{count} entries, last hash",
        "anchor_note": "The log is tamper-evident against edits that do not recompute its hash "
        "chain. Keep this record: checking the log against it later (postkit screening verify "
        "--anchor with this file) shows whether the log was rewritten or rolled back since.",
        "no_entries": "The log holds no entries for this request.",
    },
    "nl": {
        "title": "Besluitverslag: IMVO-voorwaarden",
        "reference": "Kenmerk",
        "status": "Status",
        "status_open": "Open",
        "status_decided": "Besloten",
        "post": "Post",
        "company": "Bedrijf",
        "printed": "Afgedrukt {at} door {who}",
        "printed_anonymous": "Afgedrukt {at}",
        "page": "pagina {page} van {pages}",
        "none": "–",
        "by": "{at} door {who}",
        "by_who": "door {who}",
        "request": "1. Het verzoek",
        "kvk": "KvK-nummer",
        "company_country": "Land van het bedrijf",
        "company_sector": "Sector van het bedrijf",
        "employees": "Werknemers",
        "turnover": "Omzet",
        "balance_sheet": "Balanstotaal",
        "large": "Groot bedrijf",
        "large_yes": "Ja: 500 of meer werknemers en meer dan EUR 20 mln balanstotaal of "
        "EUR 40 mln omzet",
        "large_no": "Nee: onder de drempel van 500 of meer werknemers en meer dan EUR 20 mln "
        "balanstotaal of EUR 40 mln omzet",
        "large_unknown": "Onbekend: de cijfers zijn onvolledig",
        "directors": "Bestuurders",
        "support_kind": "Gevraagde steun",
        "operating_country": "Land van de activiteit",
        "operating_sector": "Sector van de activiteit",
        "requested_on": "Aangevraagd op",
        "needed_by": "Nodig vóór",
        "handled_by": "Behandeld door",
        "description": "Omschrijving",
        "recorded": "Vastgelegd",
        "changed": "Laatst gewijzigd",
        "checklist": "2. Checklist IMVO-voorwaarden",
        "question": "Vraag",
        "answer": "Antwoord",
        "yes": "Ja",
        "no": "Nee",
        "unknown": "Onbekend",
        "red_flag": "RODE VLAG",
        "note": "Toelichting",
        "links": "Links",
        "evidence": "Bewijs",
        "answered": "Beantwoord {who}",
        "screening_result": "Sanctiescreening op {day}: {result}.",
        "result_none": "geen kandidaten",
        "result_confirmed": "{n} bevestigd als treffer",
        "result_open": "{n} nog te beoordelen",
        "result_dismissed": "{n} verworpen",
        "candidate_one": "1 kandidaat",
        "candidate_many": "{n} kandidaten",
        "risk": "3. Risicosamenvatting",
        "risk_level": "Risiconiveau",
        "low": "Laag",
        "medium": "Middel",
        "high": "Hoog",
        "advice": "Advies",
        "risk_note": "Berekend uit de antwoorden, de risicotabellen en de sanctiescreening; "
        "de medewerker beslist.",
        "red_flags": "Rode vlaggen",
        "open_items": "Open stappen",
        "factor": "Factor",
        "level": "Niveau",
        "explanation": "Toelichting en gewicht",
        "no_factors": "De samenvatting noemt geen risicofactoren.",
        "question_n": "Stap {n}",
        "source_country": "Land",
        "source_sector": "Sector",
        "source_size": "Omvang van het bedrijf",
        "source_sanctions": "Sancties",
        "sanctions": "4. Sanctiescreening",
        "not_screened": "Niet gescreend: de namen zijn niet aan een sanctielijst getoetst.",
        "list": "Sanctielijst",
        "list_date": "Datum van de lijst",
        "list_of": "{list} van {date}",
        "listed_on": "Op de lijst sinds",
        "list_eu-fsf": "EU-sanctielijst (Financial Sanctions Files)",
        "list_un-sc": "Geconsolideerde lijst van de VN-Veiligheidsraad",
        "list_nl-terrorism": "Nationale sanctielijst terrorisme",
        "list_opensanctions": "OpenSanctions-lijst",
        "entries": "Vermeldingen",
        "sha256": "SHA-256",
        "imported": "Geïmporteerd",
        "matcher": "Matcher",
        "matcher_value": "versie {version}, drempel {threshold}",
        "screened": "Gescreend",
        "names_screened": "Gescreende namen",
        "no_candidates": "Geen kandidaten: geen naam op de lijst scoorde op of boven de drempel.",
        "candidates": "Kandidaten ({count})",
        "subject": "Gescreende naam",
        "listed": "Vermelding op de lijst",
        "score": "Score",
        "match": "Overeenkomst",
        "judgement": "Oordeel",
        "kind_company": "bedrijf",
        "kind_director": "bestuurder",
        "judgement_open": "Nog niet beoordeeld",
        "judgement_confirmed": "Bevestigd: dezelfde partij",
        "judgement_dismissed": "Verworpen: niet dezelfde partij",
        "matched_on": "op “{name}”",
        "decision": "5. Besluit",
        "outcome": "Uitkomst",
        "rationale": "Motivering",
        "conditions": "Voorwaarden",
        "conditions_due": "Voorwaarden uiterlijk",
        "follow_up": "Opvolging op",
        "open_steps": "Besloten met open stappen",
        "open_steps_reason": "Reden om toch te besluiten",
        "decided": "Besloten",
        "not_decided": "Nog niet besloten",
        "not_decided_text": "Voor dit verzoek is nog geen besluit vastgelegd; dit verslag toont "
        "de screening tot nu toe.",
        "audit": "6. Logboek",
        "time": "Tijd",
        "local_times": "Tijden zijn lokale tijd ({offset}).",
        "who": "Wie",
        "action": "Handeling",
        "details": "Details",
        "last_hash": "Laatste hash van de keten",
        "anchor": "Hele logboek bij het afdrukken",
        "anchor_value": "{count} regels, laatste hash",
        "anchor_note": "Het logboek toont wijzigingen die de hashketen niet opnieuw berekenen. "
        "Bewaar dit verslag: een latere controle van het logboek ertegen (postkit screening "
        "verify --anchor met dit bestand) laat zien of het logboek sindsdien is herschreven of "
        "teruggezet.",
        "no_entries": "Het logboek bevat geen regels voor dit verzoek.",
    },
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
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
FRAME_PADDING = 6  # platypus frames pad their content by 6 points on every side
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
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
) -> None:
    """Write the decision record of `record` as a PDF at `path`, replacing it only once complete.

    `anchor`, the head of the whole log when printed, goes on the record (and into its
    metadata) so that `postkit screening verify --anchor` can later check the log against it.
    """
    document = _Document(
        record, summary, tuple(log), language, post_name, printed_by, printed_at or _now(), anchor
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

    def list_name(self, source: str) -> str:
        key = f"list_{source}"
        return self.phrase(key) if key in PHRASES["en"] else source

    def phrase(self, key: str, **values: object) -> str:
        return PHRASES.get(self.language, PHRASES["en"])[key].format(**values)

    @property
    def styles(self) -> _Styles:
        return _styles()

    @property
    def reference(self) -> str:
        return self.record.uuid.split("-")[0]

    def build(self, path: Path) -> None:
        document = SimpleDocTemplate(
            str(path),
            pagesize=A4,
            # So that text and tables line up with the footer at MARGIN.
            leftMargin=MARGIN - FRAME_PADDING,
            rightMargin=MARGIN - FRAME_PADDING,
            topMargin=MARGIN - FRAME_PADDING,
            bottomMargin=MARGIN + 8 * mm,
            title=f"{self.phrase('title')} {self.reference}",
            author=self.post_name,
            subject=self.record.data.company_name,
            creator="postkit",
            keywords=f"{ANCHOR_MARK} {self.anchor.text}" if self.anchor else "",
        )
        printed = (
            self.phrase("printed", at=self.moment(self.printed_at), who=self.printed_by)
            if self.printed_by
            else self.phrase("printed_anonymous", at=self.moment(self.printed_at))
        )
        footer = (
            f"{self.phrase('title')} · {self.phrase('reference')} {self.reference}",
            printed,
        )
        page_label = PHRASES.get(self.language, PHRASES["en"])["page"]

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
        return self.phrase("none") if value is None else f"EUR {self.number(value)}"

    def day(self, value: date | None) -> str:
        return long_day(value, self.language) if value else self.phrase("none")

    def moment(self, value: datetime | None) -> str:
        """Local time, as the post reads it (the log in the database keeps UTC)."""
        if value is None:
            return self.phrase("none")
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return local_moment(value, self.language)

    def by(self, at: datetime | None, who: str) -> str:
        if at is None and not who:
            return self.phrase("none")
        if at is None:
            return self.phrase("by_who", who=who)
        return self.phrase("by", at=self.moment(at), who=who) if who else self.moment(at)

    def para(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.styles.cell)

    def plain(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of user or reference text, shown literally."""
        return self.para(_text(text) or self.phrase("none"), style)

    def heading(self, key: str) -> Paragraph:
        return Paragraph(escape(self.phrase(key)), self.styles.h1)

    def fields(self, rows: Sequence[tuple[str, object]]) -> Table:
        """A two-column table of labels and values."""
        cells = [
            [
                self.para(escape(self.phrase(key)), self.styles.label),
                value if isinstance(value, Flowable) else self.plain(str(value)),
            ]
            for key, value in rows
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

    def section(self, key: str, first: Flowable, *rest: Flowable) -> list[Flowable]:
        """A heading kept on the page of what follows it."""
        return [KeepTogether([self.heading(key), first]), *rest]

    # Sections

    def header(self) -> list[Flowable]:
        record = self.record
        status = self.phrase("status_decided" if record.status is Status.DECIDED else "status_open")
        if record.decision is not None:
            outcome = screening_reference.outcomes().label(record.decision.outcome, self.language)
            status = f"{status}: {outcome}"
        reference_cell = self.para(
            f"<b>{escape(self.reference)}</b><br/>"
            f'<font size="7" color="#666666">{escape(record.uuid)}</font>'
        )
        cells = [
            [
                self.para(escape(self.phrase("reference")), self.styles.label),
                reference_cell,
                self.para(escape(self.phrase("status")), self.styles.label),
                self.para(f"<b>{escape(status)}</b>"),
            ],
            [
                self.para(escape(self.phrase("company")), self.styles.label),
                self.plain(record.data.company_name),
                self.para(escape(self.phrase("post")), self.styles.label),
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
            Paragraph(escape(self.phrase("title")), self.styles.title),
            table,
            Spacer(1, 2 * mm),
        ]

    def request(self) -> list[Flowable]:
        data = self.record.data
        countries, sectors = reference.countries(), reference.sectors()
        large = is_large_company(data)
        large_key = {True: "large_yes", False: "large_no", None: "large_unknown"}[large]
        employees = self.phrase("none") if data.employees is None else self.number(data.employees)
        table = self.fields(
            [
                ("company", data.company_name),
                ("kvk", data.kvk_number),
                ("company_country", countries.label(data.company_country, self.language)),
                ("company_sector", sectors.label(data.company_sector, self.language)),
                ("employees", employees),
                ("turnover", self.euros(data.turnover_eur)),
                ("balance_sheet", self.euros(data.balance_sheet_eur)),
                ("large", self.phrase(large_key)),
                ("directors", "\n".join(data.directors)),
                (
                    "support_kind",
                    screening_reference.support_kinds().label(data.support_kind, self.language),
                ),
                ("operating_country", countries.label(data.operating_country, self.language)),
                ("operating_sector", sectors.label(data.operating_sector, self.language)),
                ("requested_on", self.day(data.requested_on)),
                ("needed_by", self.day(data.needed_by)),
                ("handled_by", data.handled_by),
                ("description", data.description),
                ("recorded", self.by(self.record.created_at, self.record.created_by)),
                ("changed", self.by(self.record.updated_at, self.record.updated_by)),
            ]
        )
        return self.section("request", table)

    def checklist(self) -> list[Flowable]:
        styles = self.styles
        rows: list[list[object]] = [
            [
                self.para("#", styles.head),
                self.para(escape(self.phrase("question")), styles.head),
                self.para(escape(self.phrase("answer")), styles.head),
            ]
        ]
        commands: list[tuple[Any, ...]] = []
        for number, item in enumerate(screening_reference.checklist(), 1):
            answer = self.record.answer(item.code)
            is_red_flag = answer.answer is item.red_flag
            answer_markup = escape(self.phrase(answer.answer.value))
            answer_style = styles.unknown if answer.answer is Answer.UNKNOWN else styles.cell
            if is_red_flag:
                answer_markup = (
                    f"<b>{answer_markup}</b><br/><b>{escape(self.phrase('red_flag'))}</b>"
                )
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
        return [CondPageBreak(40 * mm), self.heading("checklist"), table]

    def answer_details(self, answer: ChecklistAnswer) -> list[Flowable]:
        small = self.styles.small
        details: list[Flowable] = []
        if answer.note.strip():
            details.append(
                self.para(f"<b>{escape(self.phrase('note'))}:</b> {_text(answer.note)}", small)
            )
        if answer.links:
            links = "<br/>".join(escape(link) for link in answer.links)
            details.append(self.para(f"<b>{escape(self.phrase('links'))}:</b> {links}", small))
        if answer.evidence:
            files = "<br/>".join(
                f"{escape(evidence.file_name)} "
                f'<font name="Courier" size="7">sha256 {escape(evidence.sha256[:16])}</font>'
                for evidence in answer.evidence
            )
            details.append(self.para(f"<b>{escape(self.phrase('evidence'))}:</b> {files}", small))
        if answer.updated_at is not None or answer.updated_by:
            answered = self.phrase("answered", who=self.by(answer.updated_at, answer.updated_by))
            details.append(self.para(escape(answered), self.styles.muted))
        finding = screening_finding(self.record) if answer.item == SANCTIONS_ITEM else None
        if finding is not None:
            details.append(self.para(escape(self.finding_text(finding)), self.styles.muted))
        return details

    def finding_text(self, finding: ScreeningFinding) -> str:
        """The screening's result, set beside the sanctions answer the officer gave."""

        def candidates(count: int) -> str:
            return (
                self.phrase("candidate_one")
                if count == 1
                else self.phrase("candidate_many", n=count)
            )

        parts = [
            self.phrase(f"result_{key}", n=candidates(count))
            for key, count in (
                ("confirmed", finding.confirmed),
                ("open", finding.open),
                ("dismissed", finding.dismissed),
            )
            if count
        ]
        result = ", ".join(parts) or self.phrase("result_none")
        day = self.day(finding.screened_at.astimezone().date())
        return self.phrase("screening_result", day=day, result=result)

    def risk_source(self, source: str) -> str:
        number = step_number(source)
        if number is not None:
            return self.phrase("question_n", n=number)
        key = f"source_{source}"
        return self.phrase(key) if key in PHRASES["en"] else source

    def risk(self) -> list[Flowable]:
        summary = self.summary
        level = self.para(f"<b>{escape(self.phrase(summary.level.value))}</b>")
        rows: list[tuple[str, object]] = [
            ("risk_level", level),
            ("advice", summary.advice_in(self.language)),
        ]
        if summary.red_flags:
            rows.append(
                ("red_flags", ", ".join(self.risk_source(item) for item in summary.red_flags))
            )
        if summary.open_items:
            rows.append(
                ("open_items", ", ".join(self.risk_source(item) for item in summary.open_items))
            )
        overview = self.fields(rows)
        overview.setStyle(TableStyle([("BACKGROUND", (1, 0), (1, 0), LEVEL_FILLS[summary.level])]))
        story = self.section(
            "risk", overview, Paragraph(escape(self.phrase("risk_note")), self.styles.note)
        )
        if not summary.factors:
            return [*story, self.para(escape(self.phrase("no_factors")), self.styles.body)]
        head = self.styles.head
        factors: list[list[object]] = [
            [
                self.para(escape(self.phrase("factor")), head),
                self.para(escape(self.phrase("level")), head),
                self.para(escape(self.phrase("explanation")), head),
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
                    self.plain(self.phrase(factor.level.value)),
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
        record = self.record
        if not record.screened_lists:
            box = self.box(self.phrase("not_screened"), "", AMBER_FILL, AMBER)
            return self.section("sanctions", box)
        threshold = (
            self.phrase("none") if record.match_threshold is None else f"{record.match_threshold:g}"
        )
        names = [record.data.company_name, *record.data.directors]
        list_fields: list[tuple[str, object]] = []
        for listed in record.screened_lists:
            sha = self.para(f'<font name="Courier" size="7.5">{escape(listed.sha256)}</font>')
            list_fields += [
                ("list", f"{self.list_name(listed.source)}\n{listed.file_name}"),
                ("list_date", listed.list_date),
                ("entries", self.number(listed.entry_count)),
                ("sha256", sha),
                ("imported", self.by(listed.imported_at, listed.imported_by)),
            ]
        overview = self.fields(
            [
                *list_fields,
                (
                    "matcher",
                    self.phrase(
                        "matcher_value",
                        version=record.matcher_version or self.phrase("none"),
                        threshold=threshold,
                    ),
                ),
                ("screened", self.moment(record.screened_at)),
                ("names_screened", "\n".join(names)),
            ]
        )
        gap = Spacer(1, 3 * mm)
        if not record.matches:
            box = self.box(self.phrase("no_candidates"), "", GREEN_FILL, RULE)
            return [KeepTogether([self.heading("sanctions"), overview, gap, box])]
        count = self.phrase("candidates", count=len(record.matches))
        table = self.candidates(record.matches)
        return [
            *self.section("sanctions", overview, gap),
            KeepTogether([Paragraph(escape(count), self.styles.h2), table]),
        ]

    def candidates(self, matches: Sequence[MatchRecord]) -> LongTable:
        styles = self.styles
        head = styles.head
        rows: list[list[object]] = [
            [
                self.para(escape(self.phrase(key)), styles.head_right if key == "score" else head)
                for key in ("subject", "listed", "score", "match", "judgement")
            ]
        ]
        commands: list[tuple[Any, ...]] = []
        for row, match in enumerate(matches, 1):
            kind_key = f"kind_{match.subject_kind}"
            kind = self.phrase(kind_key) if kind_key in PHRASES["en"] else match.subject_kind
            subject = self.para(f"{_text(match.subject)}<br/><i>{escape(kind)}</i>", styles.small)
            listed = [self.para(f"<b>{_text(match.entry_name)}</b>", styles.small)]
            ident = " · ".join(part for part in (match.entry_schema, match.entry_id) if part)
            listed.append(self.para(escape(ident), styles.muted))
            if match.list_source:
                which = self.phrase(
                    "list_of", list=self.list_name(match.list_source), date=match.list_date[:10]
                )
                listed.append(self.para(escape(which), styles.muted))
            if match.listed_on:
                listed.append(
                    self.para(
                        escape(f"{self.phrase('listed_on')}: {match.listed_on}"), styles.muted
                    )
                )
            for key in ENTRY_DETAILS:
                value = _detail(match.entry_details.get(key))
                if value:
                    listed.append(self.para(f"{escape(key)}: {escape(value)}", styles.muted))
            explanation = [
                self.para(escape(self.phrase("matched_on", name=match.matched_name)), styles.small)
            ]
            explanation += [
                self.para(f"• {escape(line)}", styles.small)
                for line in explanation_text(match.explanation, self.language)
            ]
            judgement = [
                self.para(
                    f"<b>{escape(self.phrase(f'judgement_{match.judgement.value}'))}</b>",
                    styles.small,
                )
            ]
            if match.judgement is not Judgement.OPEN:
                judgement.append(
                    self.para(escape(self.by(match.judged_at, match.judged_by)), styles.muted)
                )
            if match.judgement_note.strip():
                judgement.append(self.para(_text(match.judgement_note), styles.small))
            rows.append(
                [
                    subject,
                    listed,
                    self.para(f"{match.score:.1f}", styles.score),
                    explanation,
                    judgement,
                ]
            )
            commands.append(("BACKGROUND", (4, row), (4, row), JUDGEMENT_FILLS[match.judgement]))
        widths = [28 * mm, 40 * mm, 13 * mm, 0, 46 * mm]
        widths[3] = TEXT_WIDTH - sum(widths)
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*_grid(header=True), *commands]))
        return table

    def decision(self) -> list[Flowable]:
        record = self.record
        decision = record.decision
        if decision is None:
            box = self.box(
                self.phrase("not_decided"), self.phrase("not_decided_text"), AMBER_FILL, AMBER
            )
            return self.section("decision", box)
        outcome = screening_reference.outcomes().label(decision.outcome, self.language)
        rows: list[tuple[str, object]] = [
            ("outcome", self.para(f"<b>{escape(outcome)}</b>")),
            ("rationale", decision.rationale),
        ]
        if decision.conditions.strip() or decision.conditions_due or decision.follow_up_on:
            rows += [
                ("conditions", decision.conditions),
                ("conditions_due", self.day(decision.conditions_due)),
                ("follow_up", self.day(decision.follow_up_on)),
            ]
        if decision.open_steps:
            steps = ", ".join(self.risk_source(code) for code in decision.open_steps)
            rows += [
                ("open_steps", steps),
                ("open_steps_reason", decision.open_steps_reason),
            ]
        rows.append(("decided", self.by(record.decided_at, record.decided_by)))
        return self.section("decision", self.fields(rows))

    def anchor_lines(self) -> list[Flowable]:
        if self.anchor is None:
            return []
        value = self.phrase("anchor_value", count=self.number(self.anchor.entries))
        return [
            Spacer(1, 1 * mm),
            self.para(
                f"<b>{escape(self.phrase('anchor'))}:</b> {escape(value)} "
                f'<font name="Courier">{escape(self.anchor.head_hash)}</font>',
                self.styles.small,
            ),
            Paragraph(escape(self.phrase("anchor_note")), self.styles.note),
        ]

    def audit_trail(self) -> list[Flowable]:
        if not self.log:
            return [
                *self.section(
                    "audit", self.para(escape(self.phrase("no_entries")), self.styles.body)
                ),
                *self.anchor_lines(),
            ]
        styles = self.styles
        rows: list[list[object]] = [
            [
                self.para(escape(self.phrase(key)), styles.head)
                for key in ("time", "who", "action", "details")
            ]
        ]
        for entry in self.log:
            details = "<br/>".join(escape(line) for line in detail_lines(entry, self.language))
            rows.append(
                [
                    self.para(escape(self.moment(entry.at)), styles.small),
                    self.plain(entry.actor, styles.small),
                    self.plain(action_label(entry.action, self.language), styles.small),
                    self.para(details or escape(self.phrase("none")), styles.small),
                ]
            )
        widths = [26 * mm, 26 * mm, 30 * mm, 0]
        widths[3] = TEXT_WIDTH - sum(widths)
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(_grid(header=True)))
        last_hash = self.para(
            f"<b>{escape(self.phrase('last_hash'))}:</b> "
            f'<font name="Courier">{escape(self.log[-1].entry_hash)}</font>',
            styles.small,
        )
        zone = Paragraph(
            escape(self.phrase("local_times", offset=utc_offset(self.printed_at))),
            self.styles.note,
        )
        return [
            CondPageBreak(40 * mm),
            self.heading("audit"),
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
