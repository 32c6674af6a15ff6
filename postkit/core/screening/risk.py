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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.csv_files import open_csv
from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.i18n import N_, Translator, translator
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
from postkit.core.untrusted import XlsxLimits, first_sheet_cells

# A table rates some 250 countries or a few hundred sectors; these leave room to spare.
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
_WORKBOOK_LIMITS = XlsxLimits(max_rows=100_000, max_columns=1_000, max_cells=5_000_000)

_ORDER = {RiskLevel.LOW: 0, RiskLevel.MEDIUM: 1, RiskLevel.HIGH: 2}
_RISK_LEVELS = tuple(level.value for level in RiskLevel)

# The words of a level, answer or subject inside a sentence (the record's headings capitalise).
_LEVEL_WORDS = {
    RiskLevel.LOW: N_("low"),
    RiskLevel.MEDIUM: N_("medium"),
    RiskLevel.HIGH: N_("high"),
}
_ANSWER_WORDS = {"yes": N_("yes"), "no": N_("no"), "unknown": N_("unknown")}
SUBJECT_KINDS = {"company": N_("company"), "director": N_("director")}

ADVICE_SANCTIONS = N_("Decline: a confirmed sanctions match.")
ADVICE_HIGH = N_(
    "Talk with the company about the red flags before deciding; "
    "consider conditions or referral to headquarters."
)
ADVICE_GAPS = N_(
    "Gaps in the due diligence expected of this company: consider support with conditions "
    "that close them, and a follow-up."
)
ADVICE_HIGH_SETTING = N_(
    "No red flags, and the expected due diligence is in place in a high-risk setting: "
    "support, and follow up on how the company manages those risks."
)
ADVICE_LOW = N_("No red flags, and the expected due diligence is in place: support.")
# A summary carries its texts in English and in Dutch: the decision record and the screen each
# show the one they speak.
_LANGUAGES = ("en", "nl")


def _in_both(text: Callable[[Translator], str]) -> tuple[str, str]:
    """`text` written in English and in Dutch."""
    english, dutch = (text(translator(language)) for language in _LANGUAGES)
    return english, dutch


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
    if path.stat().st_size > MAX_WORKBOOK_BYTES:
        raise PostkitError(
            f"{path.name}: the file is over the {MAX_WORKBOOK_BYTES // 2**20} MB "
            "a risk table may be"
        )
    cells = first_sheet_cells(path.read_bytes(), path.name, _WORKBOOK_LIMITS)
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
# The notes the shipped tables use (an imported table's own notes are shown as written).
_NOTES = {"indicative": N_("indicative")}


def _shipped_source(kind: str) -> str:
    return f"{screening_reference.shipped_risk_table(kind).name}{_SHIPPED}"


def _source(source: str, _: Translator) -> str:
    """Where a rating comes from; a shipped table's name is the same in every language."""
    if not source.endswith(_SHIPPED):
        return source
    shipped = _("shipped with postkit")
    return f"{source.removesuffix(_SHIPPED)} ({shipped})"


@cache
def _shipped_ratings(kind: str) -> dict[str, _Rating]:
    """The shipped table of a kind by code."""
    shipped = screening_reference.shipped_risk_table(kind)
    return {rating.code: rating for rating in _read_risk_table(shipped, kind)}


def risk_rating(session: Session, kind: str, code: str | None) -> tuple[RiskLevel, str, str] | None:
    """Level, note and source of a country or sector; None when the table does not rate it.

    Until a table of the kind is imported, the shipped indicative one answers, read once per
    process and not stored: a read that stored it wrote its ~250 rows each time it ran (its
    transaction is not committed), once per request a list or page showed.
    """
    kind = _checked_kind(kind)
    if not code:
        return None
    has_rows = session.scalar(
        select(func.count()).select_from(RiskRatingRow).where(RiskRatingRow.kind == kind)
    )
    if not has_rows:
        shipped = _shipped_ratings(kind).get(code)
        if shipped is None:
            return None
        return shipped.level, shipped.note, _shipped_source(kind)
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

    def explanation(_: Translator) -> str:
        name, level_word = names.label(code, _.language), _(_LEVEL_WORDS[level])
        if kind == "country":
            text = _("country risk of {name}: {level}", name=name, level=level_word)
        else:
            text = _("sector risk of {name}: {level}", name=name, level=level_word)
        if note:
            text += f" ({_(_NOTES[note]) if note in _NOTES else note})"
        return _("{rating}; source: {source}", rating=text, source=_source(source, _))

    def weight(_: Translator) -> str:
        level_word = _(_LEVEL_WORDS[level])
        if kind == "country":
            return _(
                "weighs {level}: the rating of the risk of adverse impact in the country of "
                "operation",
                level=level_word,
            )
        return _(
            "weighs {level}: the rating of the risk of adverse impact in the sector of operation",
            level=level_word,
        )

    return RiskFactor(kind, level, *_in_both(explanation), *_in_both(weight))


def _size_factor(is_large: bool) -> RiskFactor:
    def explanation(_: Translator) -> str:
        if is_large:
            return _("large company: every element of due diligence is expected")
        return _(
            "not a large company (below 500 employees or the financial thresholds): lighter due "
            "diligence is expected, in proportion to its size, context and position in the chain"
        )

    def weight(_: Translator) -> str:
        return _("no weight: size sets what is expected of the company, not the risk")

    return RiskFactor("size", RiskLevel.LOW, *_in_both(explanation), *_in_both(weight))


def _expectation(item: ChecklistItem, is_large: bool, is_high_risk_setting: bool) -> bool:
    """Whether the element is expected of this company (an unknown size expects everything)."""
    if item.expected_of == EXPECTED_OF_LARGE:
        return is_large
    if item.expected_of == EXPECTED_OF_LARGE_OR_HIGH_RISK:
        return is_large or is_high_risk_setting
    return True


def _whom(item: ChecklistItem, is_large: bool, _: Translator) -> str:
    """Whom the element is expected of, as the weight of a gap says it."""
    if item.expected_of not in (EXPECTED_OF_LARGE, EXPECTED_OF_LARGE_OR_HIGH_RISK):
        return _("every company")
    if is_large:
        return _("a large company")
    return _("a company operating in a high-risk country or sector")


def _severe_weight(_: Translator) -> str:
    return _(
        "weighs high whatever the company's size: a severe impact (sanctions, forced or child "
        "labour, an NCP final statement not followed up, corruption)"
    )


def _answer_factor(
    item: ChecklistItem, answer: Answer, is_expected: bool, is_large: bool
) -> RiskFactor:
    def explanation(_: Translator) -> str:
        return _(
            "step {n}: {question} — {answer}",
            n=step_number(item.code),
            question=item.question(_.language),
            answer=_(_ANSWER_WORDS[answer.value]) if answer.value in _ANSWER_WORDS else answer,
        )

    def gap_weight(_: Translator) -> str:
        return _(
            "weighs medium: expected of {whom} and missing, so impacts are more likely to go "
            "unaddressed",
            whom=_whom(item, is_large, _),
        )

    def not_expected_weight(_: Translator) -> str:
        return _(
            "no weight: not expected of a company of this size in this setting; recommend it "
            "as good practice"
        )

    if item.is_severe:
        level, weight = RiskLevel.HIGH, _severe_weight
    elif is_expected:
        level, weight = RiskLevel.MEDIUM, gap_weight
    else:
        level, weight = RiskLevel.LOW, not_expected_weight
    return RiskFactor(item.code, level, *_in_both(explanation), *_in_both(weight))


def _sanctions_factor(match: MatchRecord) -> RiskFactor | None:
    def subject(_: Translator) -> str:
        kind = match.subject_kind
        kind = _(SUBJECT_KINDS[kind]) if kind in SUBJECT_KINDS else kind
        return f"{kind} {match.subject}"

    if match.judgement is Judgement.CONFIRMED:

        def confirmed(_: Translator) -> str:
            return _(
                "confirmed sanctions match: {entry} ({id}) for {subject}",
                entry=match.entry_name,
                id=match.entry_id,
                subject=subject(_),
            )

        return RiskFactor(
            "sanctions", RiskLevel.HIGH, *_in_both(confirmed), *_in_both(_severe_weight)
        )
    if match.is_to_judge:
        score = f"{match.score:.0f}"

        def to_judge(_: Translator) -> str:
            return _(
                "sanctions candidate to judge: {entry} ({id}), score {score}, for {subject}",
                entry=match.entry_name,
                id=match.entry_id,
                score=score,
                subject=subject(_),
            )

        def weight(_: Translator) -> str:
            return _("weighs medium until judged: the step stays open")

        return RiskFactor("sanctions", RiskLevel.MEDIUM, *_in_both(to_judge), *_in_both(weight))
    return None


def _incomplete_advice(count: int) -> tuple[str, str]:
    def advice(_: Translator) -> str:
        return _.ngettext(
            "Incomplete: {n} step open. No advice until every step is answered and the names "
            "are screened.",
            "Incomplete: {n} steps open. No advice until every step is answered and the names "
            "are screened.",
            count,
            n=count,
        )

    return _in_both(advice)


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
        advice_nl = translator("nl")(advice)
    return RiskSummary(
        level,
        tuple(factors),
        tuple(red_flags),
        open_items,
        advice,
        advice_nl,
        tuple(not_expected),
    )
