"""Writing a post's annual return from its database.

The figures are the dashboard's and the annual report's (activities.statistics.year_summary,
followups.figures.screening_year), cut per quarter as well as for the year. A return carries
no personal data: no company, contact, user or respondent names; the practices' titles and
summaries and the narrative are cleaned of e-mail addresses, phone numbers and of every name
the post's database knows as a person's or a company's (see `_Cleaner`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import ColumnElement, distinct, func, select, text
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.listing import quarter_range
from postkit.core.activities.models import Activity, ActivityCompany, ActivitySector, ActivityTheme
from postkit.core.companies.models import CompanyContactRow, CompanyRow
from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.followups.figures import ScreeningQuarter, screening_year
from postkit.core.followups.models import FollowUpRow
from postkit.core.followups.records import FollowUpKind, FollowUpStatus
from postkit.core.practices.models import PracticeRow
from postkit.core.practices.privacy import REMOVED, remove_personal_data
from postkit.core.practices.records import PUBLISHED, PracticeInput
from postkit.core.profile import load_profile
from postkit.core.returns.format import (
    CORE_TASKS,
    CORE_TASKS_SHEET,
    COUNTRIES_SHEET,
    MAX_TEXT,
    NARRATIVE_SECTIONS,
    NARRATIVE_SHEET,
    PERIODS,
    PRACTICES_SHEET,
    SCREENING_SHEET,
    SECTORS_SHEET,
    THEMES_SHEET,
    ReturnContent,
    write_return_file,
)
from postkit.core.returns.models import ReturnNarrativeRow
from postkit.core.returns.receipts import record_sent_return
from postkit.core.returns.records import Narrative
from postkit.core.screening.records import Outcome
from postkit.core.surveys.models import SurveyResponseRow
from postkit.core.users import PostUserRow


@dataclass(frozen=True)
class WrittenReturn:
    path: Path
    post: str
    year: int
    file_sha256: str  # what headquarters' receipt names
    sha256: str  # of the content, as in the meta sheet


def write_return(
    session: Session,
    year: int,
    path: str | os.PathLike[str],
    *,
    narrative: dict[str, str] | None = None,
) -> WrittenReturn:
    """Write the post's annual return of `year` at `path` (replaced only once complete)."""
    content = return_content(session, year, narrative=narrative)
    file_sha256 = write_return_file(path, content)
    # Only the file goes to headquarters, so it is kept to be matched with a receipt.
    record_sent_return(session, str(path), file_sha256, content.post, year, content.written_at)
    return WrittenReturn(Path(path), content.post, year, file_sha256, content.digest())


def return_content(
    session: Session, year: int, *, narrative: dict[str, str] | None = None
) -> ReturnContent:
    """What the return of `year` holds, read from the post's database."""
    profile = load_profile(session)
    if profile is None:
        raise PostkitError("fill in the post's profile first: a return names its post")
    post_name = profile.post_name
    known = reference.posts().find(post_name)
    cleaner = _Cleaner.of(session)
    if narrative is None:
        narrative = stored_narrative(session, year)
    return ReturnContent(
        post=post_name,
        post_code=known.code if known else "",
        year=year,
        schema_version=_schema_version(session),
        sheets={
            CORE_TASKS_SHEET: core_task_rows(session, year, post_name),
            THEMES_SHEET: _tag_rows(session, year, post_name, ActivityTheme),
            SECTORS_SHEET: _tag_rows(session, year, post_name, ActivitySector),
            COUNTRIES_SHEET: _country_rows(session, year, post_name),
            SCREENING_SHEET: screening_rows(session, year),
            PRACTICES_SHEET: _practice_rows(session, year, post_name, cleaner),
            NARRATIVE_SHEET: [
                [section, cleaner.clean(narrative[section])]
                for section in NARRATIVE_SECTIONS
                if narrative.get(section, "").strip()
            ],
        },
    )


def stored_narrative(session: Session, year: int) -> dict[str, str]:
    return get_narrative(session, year).sections()


# The narrative


def get_narrative(session: Session, year: int) -> Narrative:
    """The post's narrative of `year`; empty sections when it wrote none yet."""
    row = session.scalar(select(ReturnNarrativeRow).where(ReturnNarrativeRow.year == year))
    if row is None:
        return Narrative(year)
    return Narrative(year, row.results, row.obstacles, row.plans)


def write_return_with_narrative(
    session: Session, narrative: Narrative, actor: str, path: str | os.PathLike[str]
) -> Path:
    """Save the narrative the post reviewed, then write its year's return to `path`."""
    save_narrative(session, narrative, actor)
    return write_return(session, narrative.year, path).path


def save_narrative(session: Session, narrative: Narrative, actor: str) -> Narrative:
    """Store the narrative of its year, replacing the earlier one."""
    if not 1900 <= narrative.year <= 2999:
        raise ValidationError("year", f"{narrative.year} is not a year")
    cleaned = {}
    for section, written in narrative.sections().items():
        words = written.replace("\r\n", "\n").strip()
        if len(words) > MAX_TEXT:
            raise ValidationError(section, f"at most {MAX_TEXT} characters ({len(words)} now)")
        cleaned[section] = words
    row = session.scalar(
        select(ReturnNarrativeRow).where(ReturnNarrativeRow.year == narrative.year)
    )
    if row is None:
        row = ReturnNarrativeRow(year=narrative.year, created_by=actor)
        session.add(row)
    for section, words in cleaned.items():
        setattr(row, section, words)
    row.updated_by = actor
    row.updated_at = utc_now()
    session.commit()
    return Narrative(narrative.year, **cleaned)


def _schema_version(session: Session) -> str:
    return str(session.execute(text("SELECT version_num FROM alembic_version")).scalar() or "")


# The figures


def core_task_rows(session: Session, year: int, post_name: str | None) -> list[list[object]]:
    """25 rows: each core task in Q1..Q4 and the year, zeros included."""
    periods = {
        period: _period_figures(session, *quarter_range(year, quarter), post_name)
        for period, quarter in zip(PERIODS, (1, 2, 3, 4, None), strict=True)
    }
    return [[task, period, *periods[period][task]] for task in CORE_TASKS for period in PERIODS]


def _period_figures(
    session: Session, start: date, end: date, post_name: str | None
) -> dict[int, list[int]]:
    """Per core task: done, planned, cancelled, unique, named and unnamed companies, and
    participants by gender, of the activities starting in [start, end).

    As year_summary counts them: participants of every activity of the period; companies of
    the done ones only (planned and cancelled activities reached nobody yet).
    """
    of_post = () if post_name is None else (Activity.post_name == post_name,)
    within = (Activity.start_date >= start, Activity.start_date < end, *of_post)
    done = (*within, Activity.status == "done")
    statuses: dict[tuple[int, str], int] = {
        (task, status): count
        for task, status, count in session.execute(
            select(Activity.core_task, Activity.status, func.count())
            .where(*within)
            .group_by(Activity.core_task, Activity.status)
        )
    }
    people = {
        task: (women, men, other)
        for task, women, men, other in session.execute(
            select(
                Activity.core_task,
                func.coalesce(func.sum(Activity.participants_women), 0),
                func.coalesce(func.sum(Activity.participants_men), 0),
                func.coalesce(func.sum(Activity.participants_other), 0),
            )
            .where(*within)
            .group_by(Activity.core_task)
        )
    }
    unnamed = dict(
        session.execute(
            select(Activity.core_task, func.coalesce(func.sum(Activity.unnamed_companies), 0))
            .where(*done)
            .group_by(Activity.core_task)
        ).all()
    )
    named = dict(
        session.execute(
            select(Activity.core_task, func.count(distinct(ActivityCompany.company_id)))
            .join(ActivityCompany, ActivityCompany.activity_id == Activity.id)
            .where(*done)
            .group_by(Activity.core_task)
        ).all()
    )
    figures = {}
    for task in CORE_TASKS:
        n, u = int(named.get(task, 0)), int(unnamed.get(task, 0))
        figures[task] = [
            statuses.get((task, "done"), 0),
            statuses.get((task, "planned"), 0),
            statuses.get((task, "cancelled"), 0),
            n + u,
            n,
            u,
            *(int(count) for count in people.get(task, (0, 0, 0))),
        ]
    return figures


def _tag_rows(
    session: Session,
    year: int,
    post_name: str,
    tag: type[ActivityTheme] | type[ActivitySector],
) -> list[list[object]]:
    start, end = quarter_range(year, None)
    rows = session.execute(
        select(Activity.core_task, tag.code, func.count())
        .join(Activity, Activity.id == tag.activity_id)
        .where(*_done_in(start, end, post_name))
        .group_by(Activity.core_task, tag.code)
        .order_by(Activity.core_task, tag.code)
    )
    return [[task, code, count] for task, code, count in rows if count]


def _country_rows(session: Session, year: int, post_name: str) -> list[list[object]]:
    start, end = quarter_range(year, None)
    rows = session.execute(
        select(Activity.country, func.count())
        .where(
            *_done_in(start, end, post_name), Activity.country.is_not(None), Activity.country != ""
        )
        .group_by(Activity.country)
        .order_by(Activity.country)
    )
    return [[country, count] for country, count in rows if count]


def _done_in(start: date, end: date, post_name: str) -> tuple[ColumnElement[bool], ...]:
    return (
        Activity.start_date >= start,
        Activity.start_date < end,
        Activity.post_name == post_name,
        Activity.status == "done",
    )


def screening_rows(session: Session, year: int) -> list[list[object]]:
    """Core task 4's screening per quarter and the year: screening_year's figures, with the
    conditions judged not met or dropped in the period, and those agreed in it still open."""
    figures = screening_year(session, year)
    starts = [quarter_range(year, quarter)[0] for quarter in (1, 2, 3, 4)]
    ends = [quarter_range(year, quarter)[1] for quarter in (1, 2, 3, 4)]
    rows = []
    later = [
        _later_conditions(session, start, end) for start, end in zip(starts, ends, strict=True)
    ]
    for period, quarter, extra in zip(PERIODS[:4], figures.quarters, later, strict=True):
        rows.append([period, *_screening_cells(quarter, extra)])
    year_extra = [sum(column) for column in zip(*later, strict=True)]
    rows.append(["year", *_screening_cells(figures.total, year_extra)])
    return rows


def _screening_cells(quarter: ScreeningQuarter, extra: Iterable[int]) -> list[int]:
    return [
        quarter.received,
        quarter.decided,
        *(quarter.outcomes.get(outcome.value, 0) for outcome in Outcome),
        quarter.conditions_agreed,
        quarter.conditions_met,
        *extra,
    ]


def _later_conditions(session: Session, start: date, end: date) -> list[int]:
    """Conditions judged not met and dropped in [start, end), and those agreed then still open."""

    def moment(day: date) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=UTC)

    condition = FollowUpRow.kind == FollowUpKind.CONDITION.value
    changed = (
        FollowUpRow.status_changed_at >= moment(start),
        FollowUpRow.status_changed_at < moment(end),
    )
    agreed = (FollowUpRow.created_at >= moment(start), FollowUpRow.created_at < moment(end))

    def count(*where: ColumnElement[bool]) -> int:
        return (
            session.scalar(select(func.count()).select_from(FollowUpRow).where(condition, *where))
            or 0
        )

    return [
        count(FollowUpRow.status == FollowUpStatus.NOT_MET.value, *changed),
        count(FollowUpRow.status == FollowUpStatus.DROPPED.value, *changed),
        count(FollowUpRow.status == FollowUpStatus.OPEN.value, *agreed),
    ]


# The practices and the narrative, without personal data


def _practice_rows(
    session: Session, year: int, post_name: str, cleaner: _Cleaner
) -> list[list[object]]:
    practices = session.scalars(
        select(PracticeRow)
        .where(
            PracticeRow.year == year,
            PracticeRow.status == PUBLISHED,
            PracticeRow.post_name == post_name,
        )
        .order_by(PracticeRow.title, PracticeRow.id)
    )
    rows: list[list[object]] = []
    for practice in practices:
        cleaned, _removals = remove_personal_data(
            PracticeInput(
                title=practice.title,
                core_tasks=(),
                summary=practice.summary,
                contact=practice.contact,
            )
        )
        tasks = sorted({int(t) for t in practice.core_tasks.split(",") if t.strip().isdigit()})
        rows.append(
            [
                cleaner.clean(cleaned.title),
                cleaner.clean(cleaned.summary),
                " ".join(str(task) for task in tasks),
                " ".join(sorted(theme.code for theme in practice.themes)),
                practice.language or "en",
            ]
        )
    return rows


_WORD = re.compile(r"\w+")
_LONGEST_NAME = 10  # words; longer names are matched on their first ten


@dataclass(frozen=True)
class _Cleaner:
    """Removes the names the post's database holds of people and companies from free text:
    the register's companies (names and trade names) and their contacts, the post's users,
    survey respondents; and e-mail addresses and phone numbers.

    A name matches as its words in order, case and punctuation aside ("Savanne Flowers B.V."
    in "savanne flowers b.v."). Words are looked up in a set, so a register of 50,000
    companies costs a set lookup per word of the text, not a pass per name.
    """

    names: frozenset[tuple[str, ...]]
    first_words: frozenset[str]

    @classmethod
    def of(cls, session: Session) -> _Cleaner:
        texts: set[str] = set()
        for name, trade_names in session.execute(select(CompanyRow.name, CompanyRow.trade_names)):
            texts.add(name)
            texts.update(trade_names.splitlines())
        texts.update(session.scalars(select(CompanyContactRow.name)))
        texts.update(session.scalars(select(PostUserRow.name)))
        texts.update(session.scalars(select(SurveyResponseRow.respondent).distinct()))
        names = {
            words[:_LONGEST_NAME]
            for text in texts
            if len(text.strip()) >= 3 and (words := _words(text))
        }
        return cls(frozenset(names), frozenset(words[0] for words in names))

    def clean(self, text: str) -> str:
        cleaned, _removals = remove_personal_data(
            PracticeInput(title="", core_tasks=(), summary=text)
        )
        text = cleaned.summary
        tokens = list(_WORD.finditer(text))
        words = [token.group().casefold() for token in tokens]
        parts: list[str] = []
        written = 0
        index = 0
        while index < len(tokens):
            length = self._name_at(words, index)
            if length:
                parts.append(text[written : tokens[index].start()])
                parts.append(REMOVED)
                written = tokens[index + length - 1].end()
                index += length
            else:
                index += 1
        parts.append(text[written:])
        return "".join(parts)

    def _name_at(self, words: list[str], index: int) -> int:
        """How many words from `index` on make the longest known name (0: none)."""
        if words[index] not in self.first_words:
            return 0
        for length in range(min(_LONGEST_NAME, len(words) - index), 0, -1):
            if tuple(words[index : index + length]) in self.names:
                return length
        return 0


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _WORD.findall(text))
