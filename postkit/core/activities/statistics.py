"""Figures of a post's year: what the dashboard shows and the annual report prints."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from postkit.core.activities.listing import quarter_range
from postkit.core.activities.models import Activity, ActivityCompany, ActivityTheme
from postkit.core.activities.records import ACTIVITY_STATUSES

CORE_TASKS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class GenderCount:
    women: int
    men: int
    other: int

    @property
    def total(self) -> int:
        return self.women + self.men + self.other


@dataclass(frozen=True)
class CompaniesReached:
    """Unique companies reached: each company of the register counted once however many
    activities reached it, plus the companies the activities counted without naming them."""

    named: int
    unnamed: int

    @property
    def total(self) -> int:
        return self.named + self.unnamed


@dataclass(frozen=True)
class StatusCount:
    """Activities by status: what was planned against what was done."""

    planned: int = 0
    done: int = 0
    cancelled: int = 0

    @property
    def total(self) -> int:
        return self.planned + self.done + self.cancelled


@dataclass(frozen=True)
class YearSummary:
    year: int
    activities: int
    # per_task_quarter[task] = (q1, q2, q3, q4) activity counts
    per_task_quarter: dict[int, tuple[int, int, int, int]]
    # Unique companies reached by the activities done (planned and cancelled ones reached
    # nobody yet): over the year, and per core task (a company reached under two tasks
    # counts under each, once in the year's figure).
    companies: CompaniesReached
    companies_by_task: dict[int, CompaniesReached]
    participants: GenderCount
    participants_per_task: dict[int, GenderCount]
    top_themes: tuple[tuple[str, int], ...]
    statuses_per_task: dict[int, StatusCount]

    @property
    def companies_reached(self) -> int:
        return self.companies.total

    @property
    def companies_per_task(self) -> dict[int, int]:
        return {task: count.total for task, count in self.companies_by_task.items()}

    @property
    def statuses(self) -> StatusCount:
        counts = self.statuses_per_task.values()
        return StatusCount(
            sum(c.planned for c in counts),
            sum(c.done for c in counts),
            sum(c.cancelled for c in counts),
        )

    def activities_of_task(self, task: int) -> int:
        return sum(self.per_task_quarter[task])

    @property
    def tasks_without_activity(self) -> tuple[int, ...]:
        return tuple(task for task in CORE_TASKS if self.activities_of_task(task) == 0)


def year_summary(
    session: Session, year: int, top_theme_count: int = 8, post_name: str | None = None
) -> YearSummary:
    """Count the activities that start in `year`, per core task and quarter, with their reach.

    With `post_name`, only that post's activities count; None counts every post's.
    """
    start, end = quarter_range(year, None)
    of_post = () if post_name is None else (Activity.post_name == post_name,)
    in_year = (Activity.start_date >= start, Activity.start_date < end, *of_post)
    per_quarter: dict[int, list[int]] = {task: [0, 0, 0, 0] for task in CORE_TASKS}
    gender: dict[int, GenderCount] = {task: GenderCount(0, 0, 0) for task in CORE_TASKS}
    for quarter in (1, 2, 3, 4):
        q_start, q_end = quarter_range(year, quarter)
        rows = session.execute(
            select(
                Activity.core_task,
                func.count(Activity.id),
                func.coalesce(func.sum(Activity.participants_women), 0),
                func.coalesce(func.sum(Activity.participants_men), 0),
                func.coalesce(func.sum(Activity.participants_other), 0),
            )
            .where(Activity.start_date >= q_start, Activity.start_date < q_end, *of_post)
            .group_by(Activity.core_task)
        )
        for task, count, women, men, other in rows:
            per_quarter[task][quarter - 1] = count
            g = gender[task]
            gender[task] = GenderCount(g.women + women, g.men + men, g.other + other)
    themes = session.execute(
        select(ActivityTheme.code, func.count())
        .join(Activity, Activity.id == ActivityTheme.activity_id)
        .where(*in_year)
        .group_by(ActivityTheme.code)
        .order_by(func.count().desc(), ActivityTheme.code)
        .limit(top_theme_count)
    ).all()
    done = (*in_year, Activity.status == "done")
    unnamed = dict(
        session.execute(
            select(Activity.core_task, func.coalesce(func.sum(Activity.unnamed_companies), 0))
            .where(*done)
            .group_by(Activity.core_task)
        ).all()
    )
    named_companies = (
        select(Activity.core_task, func.count(distinct(ActivityCompany.company_id)))
        .join(ActivityCompany, ActivityCompany.activity_id == Activity.id)
        .where(*done)
    )
    named = dict(session.execute(named_companies.group_by(Activity.core_task)).all())
    named_in_year = session.scalar(
        select(func.count(distinct(ActivityCompany.company_id)))
        .join(Activity, ActivityCompany.activity_id == Activity.id)
        .where(*done)
    )
    statuses: dict[int, dict[str, int]] = {task: {} for task in CORE_TASKS}
    for task, status, count in session.execute(
        select(Activity.core_task, Activity.status, func.count())
        .where(*in_year)
        .group_by(Activity.core_task, Activity.status)
    ):
        statuses[task][status] = count
    total_gender = GenderCount(
        sum(g.women for g in gender.values()),
        sum(g.men for g in gender.values()),
        sum(g.other for g in gender.values()),
    )
    return YearSummary(
        year=year,
        activities=sum(sum(q) for q in per_quarter.values()),
        per_task_quarter={task: tuple(q) for task, q in per_quarter.items()},  # type: ignore[misc]
        companies=CompaniesReached(named_in_year or 0, sum(unnamed.values())),
        companies_by_task={
            task: CompaniesReached(named.get(task, 0), unnamed.get(task, 0)) for task in CORE_TASKS
        },
        participants=total_gender,
        participants_per_task=gender,
        top_themes=tuple((code, count) for code, count in themes),
        statuses_per_task={
            task: StatusCount(**{s: counts.get(s, 0) for s in ACTIVITY_STATUSES})
            for task, counts in statuses.items()
        },
    )
