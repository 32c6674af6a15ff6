"""Core task 4 in numbers: requests screened, their outcomes, conditions agreed and met,
per quarter of a year (the dashboard shows them, the annual report prints them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import pairwise

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from postkit.core.followups.models import FollowUpRow
from postkit.core.followups.records import FollowUpKind, FollowUpStatus
from postkit.core.i18n import translator
from postkit.core.screening import reference
from postkit.core.screening.models import SupportRequestRow
from postkit.core.screening.records import Outcome


@dataclass(frozen=True)
class ScreeningQuarter:
    # Requests that came in (requested on a day of the quarter).
    received: int = 0
    # Decisions taken in the quarter, by outcome.
    outcomes: dict[str, int] = field(default_factory=dict)
    # Conditions agreed in the quarter, and conditions judged met in it.
    conditions_agreed: int = 0
    conditions_met: int = 0

    @property
    def decided(self) -> int:
        return sum(self.outcomes.values())


@dataclass(frozen=True)
class ScreeningYear:
    year: int
    quarters: tuple[ScreeningQuarter, ScreeningQuarter, ScreeningQuarter, ScreeningQuarter]

    @property
    def total(self) -> ScreeningQuarter:
        return ScreeningQuarter(
            received=sum(q.received for q in self.quarters),
            outcomes={
                outcome.value: sum(q.outcomes.get(outcome.value, 0) for q in self.quarters)
                for outcome in Outcome
            },
            conditions_agreed=sum(q.conditions_agreed for q in self.quarters),
            conditions_met=sum(q.conditions_met for q in self.quarters),
        )

    @property
    def is_empty(self) -> bool:
        total = self.total
        return not (total.received or total.decided or total.conditions_agreed)


def _quarter_starts(year: int) -> list[date]:
    return [date(year, month, 1) for month in (1, 4, 7, 10)] + [date(year + 1, 1, 1)]


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _within(
    column: InstrumentedAttribute[datetime] | InstrumentedAttribute[datetime | None],
    start: date,
    end: date,
) -> Iterable[ColumnElement[bool]]:
    return (column >= _moment(start), column < _moment(end))


def _count(session: Session, *where: ColumnElement[bool]) -> int:
    return session.scalar(select(func.count()).select_from(FollowUpRow).where(*where)) or 0


def screening_year(session: Session, year: int) -> ScreeningYear:
    """Count the year's screening work per quarter (moments in UTC, as stored)."""
    starts = _quarter_starts(year)
    quarters = []
    for start, end in pairwise(starts):
        within_days = (
            SupportRequestRow.requested_on >= start,
            SupportRequestRow.requested_on < end,
        )
        received = session.scalar(select(func.count()).where(*within_days)) or 0

        outcomes = dict(
            session.execute(
                select(SupportRequestRow.outcome, func.count())
                .where(
                    SupportRequestRow.outcome.is_not(None),
                    *_within(SupportRequestRow.decided_at, start, end),
                )
                .group_by(SupportRequestRow.outcome)
            ).all()
        )
        condition = FollowUpRow.kind == FollowUpKind.CONDITION.value
        quarters.append(
            ScreeningQuarter(
                received=received,
                outcomes={outcome.value: outcomes.get(outcome.value, 0) for outcome in Outcome},
                conditions_agreed=_count(
                    session, condition, *_within(FollowUpRow.created_at, start, end)
                ),
                conditions_met=_count(
                    session,
                    condition,
                    FollowUpRow.status == FollowUpStatus.MET.value,
                    *_within(FollowUpRow.status_changed_at, start, end),
                ),
            )
        )
    return ScreeningYear(year, tuple(quarters))  # type: ignore[arg-type]


def screening_rows(figures: ScreeningYear, language: str = "en") -> list[tuple[str, list[int]]]:
    """The figures as labelled rows of Q1–Q4 and the year's total, in `language`."""
    _ = translator(language)
    columns = [*figures.quarters, figures.total]
    outcomes = reference.outcomes()
    rows = [
        (_("Requests received"), [q.received for q in columns]),
        (_("Requests decided"), [q.decided for q in columns]),
    ]
    rows += [
        (
            "   " + outcomes.label(outcome.value, language),
            [q.outcomes.get(outcome.value, 0) for q in columns],
        )
        for outcome in Outcome
    ]
    rows += [
        (_("Conditions agreed"), [q.conditions_agreed for q in columns]),
        (_("Conditions met"), [q.conditions_met for q in columns]),
    ]
    return rows
