"""Country and sector risk tables and the risk summary of a request.

Risk is the severity and likelihood of adverse impact in the country, the sector and the
company's own chain (OECD risk-based due diligence). The company's size, its context and its
position in the chain set what is expected of it, not the risk level. The summary explains
each factor and its weight, in Dutch and English, and advises only when no step is open;
the officer decides.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.csv_files import open_csv
from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.audit import append_entry
from postkit.core.screening.models import RiskRatingRow
from postkit.core.screening.records import (
    Answer,
    Judgement,
    MatchRecord,
    RequestRecord,
    RiskFactor,
    RiskLevel,
    RiskSummary,
)
from postkit.core.screening.reference import (
    EXPECTED_OF_LARGE,
    EXPECTED_OF_LARGE_OR_HIGH_RISK,
    ChecklistItem,
    checklist_item,
)
from postkit.core.screening.steps import (
    SANCTIONS_ITEM,
    SIZE_ITEM,
    is_large,
    open_steps,
    step_number,
)
from postkit.core.screening.steps import (
    is_large_company as is_large_company,  # where the UI and older callers look for it
)
from postkit.core.screening.validation import checked_actor
from postkit.core.untrusted import UntrustedFileError, XlsxLimits, check_xlsx_package

# A table rates some 250 countries or a few hundred sectors; these leave room to spare.
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
_WORKBOOK_LIMITS = XlsxLimits(max_rows=100_000, max_columns=1_000, max_cells=5_000_000)

_ORDER = {RiskLevel.LOW: 0, RiskLevel.MEDIUM: 1, RiskLevel.HIGH: 2}
_RISK_LEVELS = tuple(level.value for level in RiskLevel)

_KIND_NL = {"country": "landenrisico van", "sector": "sectorrisico van"}
_LEVEL_NL = {RiskLevel.LOW: "laag", RiskLevel.MEDIUM: "middel", RiskLevel.HIGH: "hoog"}
_SUBJECT_NL = {"company": "bedrijf", "director": "bestuurder"}


def _subject_nl(kind: str) -> str:
    return _SUBJECT_NL.get(kind, kind)


ADVICE_SANCTIONS = "Decline: a confirmed sanctions match."
ADVICE_HIGH = (
    "Talk with the company about the red flags before deciding; "
    "consider conditions or referral to headquarters."
)
ADVICE_GAPS = (
    "Gaps in the due diligence expected of this company: consider support with conditions "
    "that close them, and a follow-up."
)
ADVICE_HIGH_SETTING = (
    "No red flags, and the expected due diligence is in place in a high-risk setting: "
    "support, and follow up on how the company manages those risks."
)
ADVICE_LOW = "No red flags, and the expected due diligence is in place: support."
ADVICE_INCOMPLETE = (
    "Incomplete: {steps} open. No advice until every step is answered and the names are screened."
)
ADVICE_INCOMPLETE_NL = (
    "Onvolledig: {steps} open. Geen advies totdat elke stap is beantwoord en de namen zijn "
    "gescreend."
)
ADVICE_NL = {
    ADVICE_SANCTIONS: "Afwijzen: een bevestigde treffer op de sanctielijst.",
    ADVICE_HIGH: (
        "Bespreek de rode vlaggen met het bedrijf voordat u besluit; overweeg voorwaarden of "
        "doorverwijzing naar het departement."
    ),
    ADVICE_GAPS: (
        "Tekortkomingen in de gepaste zorgvuldigheid die van dit bedrijf verwacht wordt: "
        "overweeg steun onder voorwaarden die ze opheffen, met een vervolgafspraak."
    ),
    ADVICE_HIGH_SETTING: (
        "Geen rode vlaggen, en de verwachte gepaste zorgvuldigheid is aanwezig in een omgeving "
        "met hoog risico: steunen, en nagaan hoe het bedrijf die risico's beheerst."
    ),
    ADVICE_LOW: "Geen rode vlaggen, en de verwachte gepaste zorgvuldigheid is aanwezig: steunen.",
}
# Why each kind of factor weighs as it does (English, Dutch).
_CONTEXT_WEIGHT = {
    "country": (
        "weighs {level}: the rating of the risk of adverse impact in the country of operation",
        "weegt {level}: de beoordeling van het risico op negatieve gevolgen in het land van de "
        "activiteit",
    ),
    "sector": (
        "weighs {level}: the rating of the risk of adverse impact in the sector of operation",
        "weegt {level}: de beoordeling van het risico op negatieve gevolgen in de sector van de "
        "activiteit",
    ),
}
_SIZE_WEIGHT = (
    "no weight: size sets what is expected of the company, not the risk",
    "geen gewicht: omvang bepaalt wat van het bedrijf verwacht wordt, niet het risico",
)
_SEVERE_WEIGHT = (
    "weighs high whatever the company's size: a severe impact (sanctions, forced or child "
    "labour, an NCP final statement not followed up, corruption)",
    "weegt hoog, ongeacht de omvang van het bedrijf: een ernstige misstand (sancties, dwang- of "
    "kinderarbeid, een niet opgevolgde slotverklaring van het NCP, corruptie)",
)
_GAP_WEIGHT = (
    "weighs medium: expected of {whom} and missing, so impacts are more likely to go unaddressed",
    "weegt middel: verwacht van {whom} en afwezig, zodat gevolgen eerder onaangepakt blijven",
)
_NOT_EXPECTED_WEIGHT = (
    "no weight: not expected of a company of this size in this setting; recommend it as good "
    "practice",
    "geen gewicht: niet verwacht van een bedrijf van deze omvang in deze omgeving; beveel het "
    "aan als goede praktijk",
)
_OPEN_CANDIDATE_WEIGHT = (
    "weighs medium until judged: the step stays open",
    "weegt middel tot het oordeel: de stap blijft open",
)
_ANSWER_NL = {"yes": "ja", "no": "nee", "unknown": "onbekend"}


@dataclass(frozen=True)
class _Rating:
    code: str
    level: RiskLevel
    note: str


# Tables ---------------------------------------------------------------------------------


def _checked_kind(kind: str) -> str:
    if kind not in screening_reference.RISK_KINDS:
        raise ValidationError("kind", f"a risk table is of countries or sectors, not {kind!r}")
    return kind


def _read_risk_table(path: Path, kind: str) -> list[_Rating]:
    """The rows of a `code, level, note` table, each checked; PostkitError naming file and row.

    The table is a CSV file (as Excel saves it in any locale, see csv_files) or an Excel
    workbook (.xlsx, its first sheet).
    """
    name = path.name
    known = reference.countries() if kind == "country" else reference.sectors()
    ratings: list[_Rating] = []
    first_row: dict[str, int] = {}
    try:
        with _table_rows(path) as rows:
            header = [title.strip().lower() for title in next(rows, [])]
            if not any(header):
                raise PostkitError(f"{name}: the file is empty")
            missing = [column for column in ("code", "level") if column not in header]
            if missing:
                raise PostkitError(f"{name}, row 1: no column {', '.join(missing)}")
            code_at, level_at = header.index("code"), header.index("level")
            note_at = header.index("note") if "note" in header else None
            for number, row in enumerate(rows, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                cells = [*row, *[""] * (len(header) - len(row))]
                code = cells[code_at].strip()
                if kind == "country":
                    code = code.upper()
                level = cells[level_at].strip().lower()
                note = cells[note_at].strip() if note_at is not None else ""
                if not code:
                    raise PostkitError(f"{name}, row {number}: no code")
                if code not in known:
                    raise PostkitError(f"{name}, row {number}: unknown {kind} code {code!r}")
                if level not in _RISK_LEVELS:
                    raise PostkitError(
                        f"{name}, row {number}: level {level!r} is not low, medium or high"
                    )
                if code in first_row:
                    raise PostkitError(
                        f"{name}, row {number}: {code} is also on row {first_row[code]}"
                    )
                first_row[code] = number
                ratings.append(_Rating(code, RiskLevel(level), note))
    except OSError as error:
        raise PostkitError(f"{name}: cannot be read ({error.strerror or error})") from error
    except csv.Error as error:
        raise PostkitError(f"{name}: not readable as CSV ({error})") from error
    if not ratings:
        raise PostkitError(f"{name}: the file holds no ratings")
    return ratings


@contextmanager
def _table_rows(path: Path) -> Iterator[Iterator[list[str]]]:
    """Each row of the table as text cells: from a workbook's first sheet, or a CSV file.

    A workbook goes through the guard every importer of workbooks shares (bounded size,
    parts, unpacked bytes and cell area; no DTD; no links) and is read with calamine, which
    evaluates no formula.
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        with open_csv(path) as rows:
            yield rows
        return
    from python_calamine import CalamineError, CalamineWorkbook

    if path.stat().st_size > MAX_WORKBOOK_BYTES:
        raise PostkitError(
            f"{path.name}: the file is over the {MAX_WORKBOOK_BYTES // 2**20} MB "
            "a risk table may be"
        )
    data = path.read_bytes()
    try:
        check_xlsx_package(data, _WORKBOOK_LIMITS)
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            cells = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except UntrustedFileError as error:
        raise PostkitError(
            f"{path.name}: not an Excel workbook that can be read ({error.reason})"
        ) from error
    except (CalamineError, IndexError) as error:
        raise PostkitError(
            f"{path.name}: not an Excel workbook that can be read ({error})"
        ) from error
    yield ([_cell_text(value) for value in row] for row in cells)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as a number (a sector code, say)
    return str(value)


def _replace_table(session: Session, kind: str, ratings: list[_Rating], source: str) -> None:
    session.execute(delete(RiskRatingRow).where(RiskRatingRow.kind == kind))
    now = utc_now()
    session.add_all(
        RiskRatingRow(
            kind=kind,
            code=rating.code,
            level=rating.level.value,
            note=rating.note,
            source=source[:255],
            imported_at=now,
        )
        for rating in ratings
    )
    session.flush()


def import_risk_table(session: Session, path: Path | str, kind: str, actor: str) -> int:
    """Replace the country or sector risk table with a file's; all rows or none. The row count."""
    actor = checked_actor(actor)
    kind = _checked_kind(kind)
    path = Path(path)
    ratings = _read_risk_table(path, kind)
    try:
        _replace_table(session, kind, ratings, path.name)
        details = {
            "kind": kind,
            "file_name": path.name,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "rows": len(ratings),
        }
        append_entry(session, None, actor, "risk_table_imported", details)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return len(ratings)


_SHIPPED = " (shipped with postkit)"
# The words the shipped tables use, for the Dutch explanation (an imported table's own notes
# and file name are shown as they were written).
_NOTES_NL = {"indicative": "indicatief"}
_SHIPPED_NL = " (meegeleverd met postkit)"


def _shipped_source(kind: str) -> str:
    return f"{screening_reference.shipped_risk_table(kind).name}{_SHIPPED}"


def _source_nl(source: str) -> str:
    return source.removesuffix(_SHIPPED) + _SHIPPED_NL if source.endswith(_SHIPPED) else source


def risk_rating(session: Session, kind: str, code: str | None) -> tuple[RiskLevel, str, str] | None:
    """Level, note and source of a country or sector; None when the table does not rate it.

    A table with no rows yet is first filled from the shipped indicative one (flushed into
    the caller's transaction, which keeps it when it commits).
    """
    kind = _checked_kind(kind)
    if not code:
        return None
    has_rows = session.scalar(
        select(func.count()).select_from(RiskRatingRow).where(RiskRatingRow.kind == kind)
    )
    if not has_rows:
        shipped = screening_reference.shipped_risk_table(kind)
        _replace_table(session, kind, _read_risk_table(shipped, kind), _shipped_source(kind))
    row = session.scalar(
        select(RiskRatingRow).where(RiskRatingRow.kind == kind, RiskRatingRow.code == code)
    )
    if row is None:
        return None
    return RiskLevel(row.level), row.note, row.source


# Summary --------------------------------------------------------------------------------


def _rating_factor(session: Session, kind: str, code: str | None) -> RiskFactor | None:
    rating = risk_rating(session, kind, code)
    if rating is None or code is None:
        return None
    level, note, source = rating
    names = reference.countries() if kind == "country" else reference.sectors()
    english = f"{kind} risk of {names.label(code)}: {level.value}"
    dutch = f"{_KIND_NL[kind]} {names.label(code, 'nl')}: {_LEVEL_NL[level]}"
    if note:
        english += f" ({note})"
        dutch += f" ({_NOTES_NL.get(note, note)})"
    weight, weight_nl = _CONTEXT_WEIGHT[kind]
    return RiskFactor(
        kind,
        level,
        f"{english}; source: {source}",
        f"{dutch}; bron: {_source_nl(source)}",
        weight.format(level=level.value),
        weight_nl.format(level=_LEVEL_NL[level]),
    )


def _size_factor(is_large: bool) -> RiskFactor:
    if is_large:
        english = "large company: every element of due diligence is expected"
        dutch = "groot bedrijf: elk onderdeel van gepaste zorgvuldigheid wordt verwacht"
    else:
        english = (
            "not a large company (below 500 employees or the financial thresholds): lighter due "
            "diligence is expected, in proportion to its size, context and position in the chain"
        )
        dutch = (
            "geen groot bedrijf (onder 500 werknemers of de financiële drempels): lichtere "
            "gepaste zorgvuldigheid wordt verwacht, naar verhouding van omvang, context en "
            "positie in de keten"
        )
    return RiskFactor("size", RiskLevel.LOW, english, dutch, *_SIZE_WEIGHT)


def _expectation(item: ChecklistItem, is_large: bool, is_high_risk_setting: bool) -> bool:
    """Whether the element is expected of this company (an unknown size expects everything)."""
    if item.expected_of == EXPECTED_OF_LARGE:
        return is_large
    if item.expected_of == EXPECTED_OF_LARGE_OR_HIGH_RISK:
        return is_large or is_high_risk_setting
    return True


def _whom(item: ChecklistItem, is_large: bool) -> tuple[str, str]:
    """Whom the element is expected of, as the weight of a gap says it (English, Dutch)."""
    if item.expected_of not in (EXPECTED_OF_LARGE, EXPECTED_OF_LARGE_OR_HIGH_RISK):
        return "every company", "elk bedrijf"
    if is_large:
        return "a large company", "een groot bedrijf"
    return (
        "a company operating in a high-risk country or sector",
        "een bedrijf dat actief is in een land of sector met hoog risico",
    )


def _answer_factor(
    item: ChecklistItem, answer: Answer, is_expected: bool, is_large: bool
) -> RiskFactor:
    explanation = f"step {step_number(item.code)}: {item.en} — {answer.value}"
    explanation_nl = (
        f"stap {step_number(item.code)}: {item.nl} — {_ANSWER_NL.get(answer.value, answer.value)}"
    )
    if item.is_severe:
        level, weight, weight_nl = RiskLevel.HIGH, *_SEVERE_WEIGHT
    elif is_expected:
        level = RiskLevel.MEDIUM
        whom = _whom(item, is_large)
        weight = _GAP_WEIGHT[0].format(whom=whom[0])
        weight_nl = _GAP_WEIGHT[1].format(whom=whom[1])
    else:
        level, weight, weight_nl = RiskLevel.LOW, *_NOT_EXPECTED_WEIGHT
    return RiskFactor(item.code, level, explanation, explanation_nl, weight, weight_nl)


def _sanctions_factor(match: MatchRecord) -> RiskFactor | None:
    if match.judgement is Judgement.CONFIRMED:
        return RiskFactor(
            "sanctions",
            RiskLevel.HIGH,
            f"confirmed sanctions match: {match.entry_name} ({match.entry_id}) "
            f"for {match.subject_kind} {match.subject}",
            f"bevestigde treffer op de sanctielijst: {match.entry_name} "
            f"({match.entry_id}) voor {_subject_nl(match.subject_kind)} {match.subject}",
            *_SEVERE_WEIGHT,
        )
    if match.judgement is Judgement.OPEN:
        return RiskFactor(
            "sanctions",
            RiskLevel.MEDIUM,
            f"sanctions candidate to judge: {match.entry_name} ({match.entry_id}), "
            f"score {match.score:.0f}, for {match.subject_kind} {match.subject}",
            f"te beoordelen kandidaat op de sanctielijst: {match.entry_name} "
            f"({match.entry_id}), score {match.score:.0f}, voor "
            f"{_subject_nl(match.subject_kind)} {match.subject}",
            *_OPEN_CANDIDATE_WEIGHT,
        )
    return None


def _incomplete_advice(count: int) -> tuple[str, str]:
    steps, stappen = ("1 step", "1 stap") if count == 1 else (f"{count} steps", f"{count} stappen")
    return ADVICE_INCOMPLETE.format(steps=steps), ADVICE_INCOMPLETE_NL.format(steps=stappen)


def risk_summary(session: Session, record: RequestRecord) -> RiskSummary:
    """The risk factors of a request, each with its weight, the level and an advice sentence.

    Risk is the severity and likelihood of adverse impact: the country and sector ratings,
    severe red flags (high whatever the company's size) and gaps in the due diligence that is
    expected of this company. Size and context set what is expected, not the level. No
    advice is given while a step is open.
    """
    factors: list[RiskFactor] = []
    for kind, code in (
        ("country", record.data.operating_country),
        ("sector", record.data.operating_sector),
    ):
        factor = _rating_factor(session, kind, code)
        if factor is not None:
            factors.append(factor)
    is_high_risk_setting = any(factor.level is RiskLevel.HIGH for factor in factors)
    large = is_large(record)
    if large is not None:
        factors.append(_size_factor(large))
    # While the size is open, expect everything, as of a large company.
    expects_all = large is None or large
    red_flags: list[str] = []
    not_expected: list[str] = []
    is_sanctioned = False
    for item in screening_reference.checklist():
        if item.code == SIZE_ITEM:
            continue
        is_expected = _expectation(item, expects_all, is_high_risk_setting)
        if not is_expected:
            not_expected.append(item.code)
        answer = record.answer(item.code).answer
        if item.red_flag is None or answer is not item.red_flag:
            continue
        factor = _answer_factor(item, answer, is_expected, expects_all)
        factors.append(factor)
        if factor.level is not RiskLevel.LOW:
            red_flags.append(item.code)
        if item.code == SANCTIONS_ITEM:
            is_sanctioned = True
    for match in record.matches:
        factor = _sanctions_factor(match)
        if factor is None:
            continue
        factors.append(factor)
        if match.judgement is Judgement.CONFIRMED:
            is_sanctioned = True
            if SANCTIONS_ITEM not in red_flags:
                red_flags.append(SANCTIONS_ITEM)
    level = max((factor.level for factor in factors), key=_ORDER.__getitem__, default=None)
    level = level or RiskLevel.LOW
    open_items = open_steps(record)
    severe = [code for code in red_flags if (item := checklist_item(code)) and item.is_severe]
    if open_items:
        advice, advice_nl = _incomplete_advice(len(open_items))
    else:
        if is_sanctioned:
            advice = ADVICE_SANCTIONS
        elif severe:
            advice = ADVICE_HIGH
        elif red_flags:
            advice = ADVICE_GAPS
        elif level is RiskLevel.HIGH:
            advice = ADVICE_HIGH_SETTING
        else:
            advice = ADVICE_LOW
        advice_nl = ADVICE_NL[advice]
    return RiskSummary(
        level,
        tuple(factors),
        tuple(red_flags),
        open_items,
        advice,
        advice_nl,
        tuple(not_expected),
    )
