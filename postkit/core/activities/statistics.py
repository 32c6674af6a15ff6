"""Figures of a post's year: what the dashboard shows and the annual report prints."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.activities.listing import quarter_range
from postkit.core.activities.models import Activity, ActivityTheme

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
class YearSummary:
    year: int
    activities: int
    # per_task_quarter[task] = (q1, q2, q3, q4) activity counts
    per_task_quarter: dict[int, tuple[int, int, int, int]]
    companies_reached: int
    companies_per_task: dict[int, int]
    participants: GenderCount
    participants_per_task: dict[int, GenderCount]
    top_themes: tuple[tuple[str, int], ...]

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
    companies: dict[int, int] = dict.fromkeys(CORE_TASKS, 0)
    gender: dict[int, GenderCount] = {task: GenderCount(0, 0, 0) for task in CORE_TASKS}
    for quarter in (1, 2, 3, 4):
        q_start, q_end = quarter_range(year, quarter)
        rows = session.execute(
            select(
                Activity.core_task,
                func.count(Activity.id),
                func.coalesce(func.sum(Activity.unnamed_companies), 0),
                func.coalesce(func.sum(Activity.participants_women), 0),
                func.coalesce(func.sum(Activity.participants_men), 0),
                func.coalesce(func.sum(Activity.participants_other), 0),
            )
            .where(Activity.start_date >= q_start, Activity.start_date < q_end, *of_post)
            .group_by(Activity.core_task)
        )
        for task, count, reached, women, men, other in rows:
            per_quarter[task][quarter - 1] = count
            companies[task] += reached
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
    total_gender = GenderCount(
        sum(g.women for g in gender.values()),
        sum(g.men for g in gender.values()),
        sum(g.other for g in gender.values()),
    )
    return YearSummary(
        year=year,
        activities=sum(sum(q) for q in per_quarter.values()),
        per_task_quarter={task: tuple(q) for task, q in per_quarter.items()},  # type: ignore[misc]
        companies_reached=sum(companies.values()),
        companies_per_task=companies,
        participants=total_gender,
        participants_per_task=gender,
        top_themes=tuple((code, count) for code, count in themes),
    )
