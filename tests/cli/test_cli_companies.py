from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.companies.records import CompanyData
from postkit.core.companies.service import create_company, merge_companies
from postkit.core.db import open_database
from postkit.core.screening.records import RequestInput
from postkit.core.screening.service import create_request


def test_companies_list_prints_kvk_name_activities_and_screenings_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "register.sqlite3"
    database = open_database(db)
    with database.session() as session:
        zuid = create_company(
            session, CompanyData(name="Zuidwind Energie B.V.", kvk_number="12345678"), "Ana"
        ).id
        andes = create_company(session, CompanyData(name="andes Cacao S.A."), "Ana").id
        twin = create_company(session, CompanyData(name="Andes Cacao"), "Ana").id
        create_company(session, CompanyData(name="Baobab Logistics"), "Ana")
        for title, companies in (("Seminar", (zuid, andes)), ("Advice", (zuid,))):
            create_activity(
                session,
                ActivityInput(
                    core_task=3,
                    title=title,
                    start_date=date(2026, 3, 4),
                    activity_type="company_advice",
                    company_ids=companies,
                ),
                "Ana",
            )
        create_request(
            session,
            RequestInput(
                company_name="Zuidwind Energie",
                support_kind="trade_mission",
                requested_on=date(2026, 3, 2),
                company_id=zuid,
            ),
            "Ana",
        )
        merge_companies(session, andes, twin, "Ana")
    database.dispose()

    assert main(["--db", str(db), "companies", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "\tandes Cacao S.A.\t1\t0",
        "\tBaobab Logistics\t0\t0",
        "12345678\tZuidwind Energie B.V.\t2\t1",
    ]


def test_companies_list_of_an_empty_register_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "empty.sqlite3"), "companies", "list"]) == 0
    assert capsys.readouterr().out == ""
