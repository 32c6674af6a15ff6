"""The demo register is coherent: its links fit the activities, requests and practices."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.activities.demo import seed_demo
from postkit.core.activities.export import export_activities_xlsx
from postkit.core.activities.models import Activity, ActivityCompany, ActivitySector
from postkit.core.activities.report import write_annual_report
from postkit.core.companies.demo import DEMO_COMPANIES
from postkit.core.companies.models import CompanyRow
from postkit.core.companies.service import find_duplicates, get_company
from postkit.core.db import Database, open_database
from postkit.core.demo_seed import demo_company_fits, seed_everything
from postkit.core.practices.booklet import write_booklet
from postkit.core.practices.exchange import export_practices
from postkit.core.practices.service import get_practice, list_practices
from postkit.core.screening.service import get_request, list_requests
from postkit.core.surveys.export import export_responses_csv, export_responses_xlsx
from postkit.core.surveys.service import list_forms
from tests.pdf_text import pdf_text

SEED_DAY = date(2026, 6, 30)
ACTIVITIES = 400


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    seed_everything(database, activities=ACTIVITIES, today=SEED_DAY)
    yield database
    database.dispose()


@pytest.fixture
def session(demo: Database) -> Iterator[Session]:
    with demo.session() as session:
        yield session


def test_the_register_is_plausible_and_its_contacts_fictional(session: Session) -> None:
    companies = [get_company(session, i) for i in session.scalars(select(CompanyRow.id))]
    assert len(companies) == len(DEMO_COMPANIES)
    dutch = [c for c in companies if c.data.country == "NL"]
    assert dutch and all(re.fullmatch(r"9000\d{4}", c.data.kvk_number or "") for c in dutch)
    assert len({c.data.kvk_number for c in dutch}) == len(dutch)
    assert all(c.data.kvk_number is None for c in companies if c.data.country != "NL")
    assert {c.data.country for c in companies} == {"NL", "KE", "SO"}
    contacts = [contact for c in companies for contact in c.data.contacts]
    assert contacts and all(contact.email.endswith(".example.org") for contact in contacts)
    assert find_duplicates(session) == []


def test_every_activity_link_fits_the_activitys_country_and_sector(session: Session) -> None:
    by_id = {
        row.id: next(c for c in DEMO_COMPANIES if c.data.name == row.name)
        for row in session.scalars(select(CompanyRow))
    }
    sectors: dict[int, set[str]] = {}
    for activity_id, code in session.execute(
        select(ActivitySector.activity_id, ActivitySector.code)
    ):
        sectors.setdefault(activity_id, set()).add(code)
    links = session.execute(
        select(Activity.id, Activity.country, ActivityCompany.company_id).join(
            ActivityCompany, ActivityCompany.activity_id == Activity.id
        )
    ).all()
    assert len(links) > 100
    for activity_id, country, company_id in links:
        assert demo_company_fits(by_id[company_id], country, sectors[activity_id]), activity_id
    unique = session.scalar(select(func.count(func.distinct(ActivityCompany.company_id))))
    assert 10 < unique < len(links)


def test_named_companies_come_off_the_typed_counts_so_totals_stay(
    session: Session, tmp_path: Path
) -> None:
    """The same demo without the register: every activity reached as many companies."""
    plain = open_database(tmp_path / "plain.sqlite3")
    with plain.session() as other:
        seed_demo(other, activities=ACTIVITIES, today=SEED_DAY)
        typed_by_id = dict(other.execute(select(Activity.id, Activity.unnamed_companies)).all())
    plain.dispose()
    assert typed_by_id
    named = dict(
        session.execute(
            select(ActivityCompany.activity_id, func.count()).group_by(ActivityCompany.activity_id)
        ).all()
    )
    for activity_id, unnamed in session.execute(select(Activity.id, Activity.unnamed_companies)):
        assert unnamed >= 0
        assert unnamed + named.get(activity_id, 0) == typed_by_id[activity_id]


def test_the_demo_requests_and_the_posts_practice_point_at_their_companies(
    session: Session,
) -> None:
    for row in list_requests(session):
        request = get_request(session, row.id)
        assert request.data.company_id is not None
        company = get_company(session, request.data.company_id)
        assert company.data.kvk_number == request.data.kvk_number
        assert company.data.name == request.data.company_name
    named = [p for p in list_practices(session) if p.post_name == "Embassy Nairobi"]
    assert named
    record = get_practice(session, named[0].id)
    assert "Savanne Bloemen B.V." in record.company_names


def _readable(path: Path) -> str:
    """What a person or program reading the file finds: PDF text, cell values, or the bytes."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".xlsx":
        workbook = load_workbook(path, read_only=True)
        return "\n".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    if path.suffix == ".postkit":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    return path.read_text(encoding="utf-8-sig")


def test_no_export_carries_a_contact_persons_name_email_or_phone(
    session: Session, demo: Database, tmp_path: Path
) -> None:
    """Contacts are personal data that stay at the post: the activity export and annual
    report, the practices' exchange file and booklet, and the survey exports that go to
    headquarters hold none of them, though the companies they work for are linked."""
    contacts = [
        contact
        for company_id in session.scalars(select(CompanyRow.id))
        for contact in get_company(session, company_id).data.contacts
    ]
    assert len(contacts) > 20
    files = [tmp_path / "activities.xlsx", tmp_path / "report.pdf", tmp_path / "p.postkit"]
    export_activities_xlsx(session, files[0])
    write_annual_report(session, SEED_DAY.year, files[1])
    export_practices(session, demo.files_dir, files[2], include_drafts=True)
    files.append(tmp_path / "booklet.pdf")
    write_booklet([get_practice(session, p.id) for p in list_practices(session)], files[-1])
    for form in list_forms(session):
        for suffix, export in ((".xlsx", export_responses_xlsx), (".csv", export_responses_csv)):
            files.append(tmp_path / f"survey-{form.id}{suffix}")
            export(session, form.id, files[-1], "Embassy Nairobi")
    texts = {path.name: _readable(path) for path in files}
    # The exports do name the register's companies where they should (the booklet does).
    assert "Savanne Bloemen B.V." in texts["booklet.pdf"]
    for name, text in texts.items():
        flat = " ".join(text.split())
        for contact in contacts:
            for value in (contact.name, contact.email, contact.phone):
                assert value not in flat, f"{value} in {name}"


@pytest.mark.slow
def test_a_second_seed_links_only_its_own_activities(tmp_path: Path) -> None:
    database = open_database(tmp_path / "twice.sqlite3")
    seed_everything(database, activities=60, today=SEED_DAY)
    with database.session() as session:
        first = session.scalar(select(func.count()).select_from(ActivityCompany))
        typed = dict(session.execute(select(Activity.id, Activity.unnamed_companies)).all())
    seed_everything(database, activities=60, today=SEED_DAY)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(ActivityCompany)) > first
        assert session.scalar(select(func.count()).select_from(CompanyRow)) == len(DEMO_COMPANIES)
        for activity_id, unnamed in typed.items():
            assert session.get(Activity, activity_id).unnamed_companies == unnamed
    database.dispose()


def test_the_demo_has_follow_ups_due_this_week_overdue_and_met(session: Session) -> None:
    from postkit.core.followups.service import due_this_week_count, follow_ups, overdue

    today = SEED_DAY
    everything = follow_ups(session)
    assert due_this_week_count(session, today) >= 1
    assert [f.data.kind for f in overdue(session, today)] == ["action"]
    assert {f.status for f in everything} >= {"open", "met"}
    conditions = [f for f in everything if f.data.kind == "condition"]
    # The conditions are the demo decision's, about the company that agreed to them.
    assert len(conditions) == 2
    assert len({(f.data.request_id, f.data.company_id) for f in conditions}) == 1
    assert conditions[0].data.company_id is not None
