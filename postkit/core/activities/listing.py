"""Filtering, sorting and paging the activity list in SQL, so 100,000 rows stay fast."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session

from postkit.core.activities.columns import ActivityColumn, column_named
from postkit.core.activities.models import Activity, ActivitySector, ActivityTheme
from postkit.core.activities.records import ActivityFilter, ActivityRow
from postkit.core.full_text import fts_query


class SortKey(StrEnum):
    """The list's columns by name (see columns.LIST_COLUMNS); any column name sorts."""

    DATE = "date"
    CORE_TASK = "core_task"
    TITLE = "title"
    TYPE = "type"
    COUNTRY = "country"
    COMPANIES = "companies"
    PARTICIPANTS = "participants"
    UPDATED = "updated"


_WORD = re.compile(r"\w+", re.UNICODE)


def quarter_range(year: int, quarter: int | None) -> tuple[date, date]:
    """[first day, first day after) of a year or one of its quarters."""
    if quarter is None:
        return date(year, 1, 1), date(year + 1, 1, 1)
    start = date(year, 3 * (quarter - 1) + 1, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, end


def apply_filter(statement: Select, session: Session, flt: ActivityFilter) -> Select:  # type: ignore[type-arg]
    """Narrow a select over `Activity` to the filter."""
    if flt.post_name is not None:
        statement = statement.where(Activity.post_name == flt.post_name)
    if flt.core_tasks:
        statement = statement.where(Activity.core_task.in_(sorted(flt.core_tasks)))
    if flt.year is not None:
        start, end = quarter_range(flt.year, flt.quarter)
        statement = statement.where(Activity.start_date >= start, Activity.start_date < end)
    if flt.activity_type:
        statement = statement.where(Activity.activity_type == flt.activity_type)
    if flt.status:
        statement = statement.where(Activity.status == flt.status)
    if flt.sector:
        statement = statement.where(Activity.id.in_(ActivitySector.owners_with(flt.sector)))
    if flt.theme:
        statement = statement.where(Activity.id.in_(ActivityTheme.owners_with(flt.theme)))
    if flt.text.strip():
        statement = _apply_text(statement, session, flt.text)
    return statement


def _apply_text(statement: Select, session: Session, query: str) -> Select:  # type: ignore[type-arg]
    if session.get_bind().dialect.name == "sqlite":
        match = fts_query(query)
        if match is None:
            return statement.where(text("0"))
        matching = text("SELECT rowid FROM activity_search WHERE activity_search MATCH :match")
        return statement.where(Activity.id.in_(matching.bindparams(match=match)))
    for word in _WORD.findall(query):
        pattern = f"%{word}%"
        statement = statement.where(
            or_(
                Activity.title.ilike(pattern),
                Activity.description.ilike(pattern),
                Activity.partners.ilike(pattern),
            )
        )
    return statement


def activity_ids(
    session: Session,
    flt: ActivityFilter = ActivityFilter(),  # noqa: B008  (frozen, so sharing is safe)
    sort: str = SortKey.DATE,
    descending: bool = True,
) -> list[int]:
    """The ids of the matching activities in display order."""
    column = column_named(sort).order_by
    order = [column.desc(), Activity.id.desc()] if descending else [column.asc(), Activity.id.asc()]
    statement = apply_filter(select(Activity.id), session, flt).order_by(*order)
    # Plain Core execution: the ORM's per-row bookkeeping would double the time for 100k ids.
    return list(session.connection().execute(statement).scalars())


def count_activities(session: Session, flt: ActivityFilter = ActivityFilter()) -> int:  # noqa: B008
    statement = apply_filter(select(func.count(Activity.id)), session, flt)
    return int(session.scalar(statement) or 0)


def activity_rows(session: Session, ids: Sequence[int]) -> dict[int, ActivityRow]:
    """The list columns of the given activities, keyed by id."""
    if not ids:
        return {}
    statement = select(
        Activity.id,
        Activity.start_date,
        Activity.end_date,
        Activity.core_task,
        Activity.title,
        Activity.activity_type,
        Activity.country,
        Activity.unnamed_companies,
        *column_named("participants").sql,
        Activity.updated_at,
        Activity.updated_by,
    ).where(Activity.id.in_(list(ids)))
    return {row[0]: ActivityRow(*row) for row in session.execute(statement)}


def activity_values(
    session: Session, ids: Sequence[int], shown: Sequence[ActivityColumn]
) -> dict[int, tuple[object, ...]]:
    """The values of the `shown` columns (their `sql`, flattened) of these activities, by id."""
    if not ids:
        return {}
    expressions = [expression for column in shown for expression in column.sql]
    statement = select(Activity.id, *expressions).where(Activity.id.in_(list(ids)))
    return {row[0]: tuple(row[1:]) for row in session.connection().execute(statement)}


def activity_years(session: Session, post_name: str | None = None) -> list[int]:
    """The years that have activities (of `post_name`, when given), newest first."""
    statement = select(func.min(Activity.start_date), func.max(Activity.start_date))
    if post_name is not None:
        statement = statement.where(Activity.post_name == post_name)
    first, last = session.execute(statement).one()
    if first is None:
        return []
    return list(range(last.year, first.year - 1, -1))
