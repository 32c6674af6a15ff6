"""Country and sector risk tables, the size threshold and the risk summary of a request.

The summary explains itself factor by factor and advises; the officer decides.
"""

from __future__ import annotations

import csv
import hashlib
import zipfile
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
    RequestInput,
    RequestRecord,
    RiskFactor,
    RiskLevel,
    RiskSummary,
)
from postkit.core.screening.requests import checked_actor

LARGE_EMPLOYEES = 500
LARGE_BALANCE_SHEET_EUR = 20_000_000
LARGE_TURNOVER_EUR = 40_000_000
SIZE_ITEM = "company_size"
SANCTIONS_ITEM = "sanctions"
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
ADVICE_MEDIUM = "Consider support with conditions and a follow-up."
ADVICE_LOW = "No red flags found: support."
ADVICE_LOW_OPEN = "No red flags found so far; answer the open items before deciding."
ADVICE_NL = {
    ADVICE_SANCTIONS: "Afwijzen: een bevestigde treffer op de sanctielijst.",
    ADVICE_HIGH: (
        "Bespreek de rode vlaggen met het bedrijf voordat u besluit; overweeg voorwaarden of "
        "doorverwijzing naar het departement."
    ),
    ADVICE_MEDIUM: "Overweeg steun onder voorwaarden, met een vervolgafspraak.",
    ADVICE_LOW: "Geen rode vlaggen gevonden: steunen.",
    ADVICE_LOW_OPEN: "Nog geen rode vlaggen gevonden; beantwoord de open punten voordat u besluit.",
}
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
    """Each row of the table as text cells: from a workbook's first sheet, or a CSV file."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        with open_csv(path) as rows:
            yield rows
        return
    from openpyxl import load_workbook  # only for workbooks; slow to import

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise PostkitError(f"{path.name}: not an Excel workbook that can be read") from error
    try:
        sheet = workbook.worksheets[0]
        yield ([_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


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


def _shipped_source(kind: str) -> str:
    return f"{screening_reference.shipped_risk_table(kind).name} (shipped with postkit)"


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


# Size -----------------------------------------------------------------------------------


def is_large_company(data: RequestInput) -> bool | None:
    """500+ employees and more than EUR 20M balance sheet or EUR 40M turnover; None if unknown."""
    if data.employees is None:
        return None
    if data.employees < LARGE_EMPLOYEES:
        return False
    balance, turnover = data.balance_sheet_eur, data.turnover_eur
    if (balance is not None and balance > LARGE_BALANCE_SHEET_EUR) or (
        turnover is not None and turnover > LARGE_TURNOVER_EUR
    ):
        return True
    if balance is None or turnover is None:
        return None
    return False


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
        dutch += f" ({note})"
    return RiskFactor(kind, level, f"{english}; source: {source}", f"{dutch}; bron: {source}")


def risk_summary(session: Session, record: RequestRecord) -> RiskSummary:
    """The risk factors of a request, the highest level among them and an advice sentence."""
    factors: list[RiskFactor] = []
    red_flags: list[str] = []
    open_items: list[str] = []
    for item in screening_reference.checklist():
        answer = record.answer(item.code).answer
        if item.code == SIZE_ITEM:
            is_large = is_large_company(record.data)
            if is_large is None and answer is not Answer.UNKNOWN:
                is_large = answer is Answer.YES
            if is_large is None:
                open_items.append(item.code)
            elif is_large:
                factors.append(
                    RiskFactor(
                        "size",
                        RiskLevel.MEDIUM,
                        "large company: expected to apply full due diligence",
                        "groot bedrijf: volledige gepaste zorgvuldigheid verwacht",
                    )
                )
            continue
        if answer is Answer.UNKNOWN:
            open_items.append(item.code)
        elif answer is item.red_flag:
            factors.append(
                RiskFactor(
                    item.code,
                    RiskLevel.HIGH,
                    f"{item.en} — {answer.value}",
                    f"{item.nl} — {_ANSWER_NL.get(answer.value, answer.value)}",
                )
            )
            red_flags.append(item.code)
    for kind, code in (
        ("country", record.data.operating_country),
        ("sector", record.data.operating_sector),
    ):
        factor = _rating_factor(session, kind, code)
        if factor is not None:
            factors.append(factor)
    is_sanctioned = record.answer(SANCTIONS_ITEM).answer is Answer.YES
    for match in record.matches:
        if match.judgement is Judgement.CONFIRMED:
            is_sanctioned = True
            factors.append(
                RiskFactor(
                    "sanctions",
                    RiskLevel.HIGH,
                    f"confirmed sanctions match: {match.entry_name} ({match.entry_id}) "
                    f"for {match.subject_kind} {match.subject}",
                    f"bevestigde treffer op de sanctielijst: {match.entry_name} "
                    f"({match.entry_id}) voor {_subject_nl(match.subject_kind)} {match.subject}",
                )
            )
            if SANCTIONS_ITEM not in red_flags:
                red_flags.append(SANCTIONS_ITEM)
        elif match.judgement is Judgement.OPEN:
            factors.append(
                RiskFactor(
                    "sanctions",
                    RiskLevel.MEDIUM,
                    f"sanctions candidate to judge: {match.entry_name} ({match.entry_id}), "
                    f"score {match.score:.0f}, for {match.subject_kind} {match.subject}",
                    f"te beoordelen kandidaat op de sanctielijst: {match.entry_name} "
                    f"({match.entry_id}), score {match.score:.0f}, voor "
                    f"{_subject_nl(match.subject_kind)} {match.subject}",
                )
            )
    level = max((factor.level for factor in factors), key=_ORDER.__getitem__, default=None)
    level = level or RiskLevel.LOW
    if level is RiskLevel.HIGH:
        advice = ADVICE_SANCTIONS if is_sanctioned else ADVICE_HIGH
    elif level is RiskLevel.MEDIUM:
        advice = ADVICE_MEDIUM
    else:
        advice = ADVICE_LOW_OPEN if open_items else ADVICE_LOW
    return RiskSummary(
        level, tuple(factors), tuple(red_flags), tuple(open_items), advice, ADVICE_NL[advice]
    )
