"""The year's figures: unique companies reached per core task, planned against done."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.activities.statistics import CompaniesReached, StatusCount, year_summary
from postkit.core.companies.models import CompanyRow


def _company(session: Session, name: str) -> int:
    row = CompanyRow(name=name, normalized_name=name.casefold(), created_by="t", updated_by="t")
    session.add(row)
    session.commit()
    return row.id


def _activity(
    session: Session,
    task: int,
    start: date,
    companies: tuple[int, ...] = (),
    unnamed: int = 0,
    status: str = "done",
) -> None:
    data = ActivityInput(
        task,
        f"Activity {task} {start}",
        start,
        "meeting",
        unnamed_companies=unnamed,
        company_ids=companies,
        status=status,
    )
    create_activity(session, data, "Tess")


def test_a_company_reached_by_several_activities_counts_once(session: Session) -> None:
    a, b, c = (_company(session, name) for name in ("Alfa", "Bravo", "Charlie"))
    _activity(session, 2, date(2026, 2, 1), (a, b), unnamed=5)
    _activity(session, 2, date(2026, 5, 1), (a, c), unnamed=3)
    _activity(session, 3, date(2026, 6, 1), (a,))
    # Another year and a planned activity reach no one this year.
    _activity(session, 2, date(2025, 6, 1), (a, b, c), unnamed=40)
    _activity(session, 3, date(2026, 9, 1), (b, c), unnamed=7, status="planned")

    summary = year_summary(session, 2026)

    assert summary.companies == CompaniesReached(named=3, unnamed=8)
    assert summary.companies_reached == 11
    assert summary.companies_by_task[2] == CompaniesReached(named=3, unnamed=8)
    assert summary.companies_by_task[3] == CompaniesReached(named=1, unnamed=0)
    assert summary.companies_per_task == {1: 0, 2: 11, 3: 1, 4: 0, 5: 0}


def test_planned_against_done_per_core_task(session: Session) -> None:
    _activity(session, 1, date(2026, 1, 10), status="planned")
    _activity(session, 1, date(2026, 3, 10))
    _activity(session, 1, date(2026, 4, 10), status="cancelled")
    _activity(session, 5, date(2026, 4, 10), status="planned")
    _activity(session, 5, date(2025, 4, 10), status="planned")

    summary = year_summary(session, 2026)

    assert summary.statuses_per_task[1] == StatusCount(planned=1, done=1, cancelled=1)
    assert summary.statuses_per_task[5] == StatusCount(planned=1)
    assert summary.statuses_per_task[2] == StatusCount()
    assert summary.statuses == StatusCount(planned=2, done=1, cancelled=1)


def test_the_export_has_a_status_column_in_the_language(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from postkit.core.activities.export import export_activities_xlsx
    from postkit.core.activities.records import ActivityFilter

    _activity(session, 1, date(2026, 1, 10), status="planned")
    _activity(session, 1, date(2026, 2, 10))
    out = tmp_path / "activities.xlsx"
    export_activities_xlsx(session, out, ActivityFilter(status="planned"), language="nl")

    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    column = rows[0].index("status")
    assert [row[column] for row in rows[1:]] == ["Gepland"]
