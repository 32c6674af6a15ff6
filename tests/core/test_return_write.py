"""A post writes its annual return: the dashboard's figures, no personal data, read back whole."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.activities.statistics import CORE_TASKS, year_summary
from postkit.core.companies.models import CompanyContactRow, CompanyRow
from postkit.core.db import open_database
from postkit.core.db.migrate import script_head
from postkit.core.demo_seed import seed_everything
from postkit.core.errors import ValidationError
from postkit.core.followups.figures import screening_year
from postkit.core.practices.models import PracticeRow
from postkit.core.practices.records import PUBLISHED, PracticeInput
from postkit.core.practices.service import create_practice
from postkit.core.profile import load_profile
from postkit.core.returns.format import PERIODS, ReturnRejected, read_return
from postkit.core.returns.records import Narrative
from postkit.core.returns.service import get_narrative, save_narrative, write_return
from postkit.core.screening.records import Outcome
from postkit.core.surveys.models import SurveyResponseRow
from postkit.core.users import PostUserRow

TODAY = date(2026, 11, 20)
YEAR = 2026


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    seed_everything(database, activities=400, today=TODAY)
    database.dispose()
    return path


@pytest.fixture
def demo_session(demo: Path):  # type: ignore[no-untyped-def]
    database = open_database(demo)
    with database.session() as session:
        yield session
    database.dispose()


def test_the_return_has_the_dashboards_figures(demo_session: Session, tmp_path: Path) -> None:
    profile = load_profile(demo_session)
    assert profile is not None
    written = write_return(demo_session, YEAR, tmp_path / "return.xlsx")
    read = read_return(written.path)
    assert read.file_sha256 == written.file_sha256 and read.sha256 == written.sha256
    assert (read.post, read.year) == (profile.post_name, YEAR)
    assert read.post_code == "embassy-nairobi"
    assert read.schema_version == script_head(demo_session.get_bind())

    summary = year_summary(demo_session, YEAR, post_name=profile.post_name)
    assert summary.activities > 50  # the demo's year is a busy one
    for task in CORE_TASKS:
        year = read.figures(task)
        statuses = summary.statuses_per_task[task]
        assert (year.activities_done, year.activities_planned, year.activities_cancelled) == (
            statuses.done,
            statuses.planned,
            statuses.cancelled,
        )
        assert year.activities == summary.activities_of_task(task)
        assert year.unique_companies == summary.companies_per_task[task]
        assert year.named_companies == summary.companies_by_task[task].named
        people = summary.participants_per_task[task]
        assert (year.participants_women, year.participants_men, year.participants_other) == (
            people.women,
            people.men,
            people.other,
        )
        quarters = [read.figures(task, period).activities for period in PERIODS[:4]]
        assert tuple(quarters) == summary.per_task_quarter[task]

    screening = screening_year(demo_session, YEAR)
    for period, figures in zip(PERIODS, [*screening.quarters, screening.total], strict=True):
        row = read.screening_of(period)
        assert row.requests_received == figures.received
        assert row.requests_decided == figures.decided
        assert row.outcomes == {o.value: figures.outcomes.get(o.value, 0) for o in Outcome}
        assert row.conditions_agreed == figures.conditions_agreed
        assert row.conditions_met == figures.conditions_met
    assert screening.total.received > 0

    theme_total = {code: count for code, count in summary.top_themes}
    by_theme: dict[str, int] = {}
    for row in read.themes:
        by_theme[row.code] = by_theme.get(row.code, 0) + row.activities
    # year_summary counts themes of every status; the return those of done activities.
    assert all(by_theme.get(code, 0) <= count for code, count in theme_total.items())
    assert read.countries and all(row.activities > 0 for row in read.countries)
    own = demo_session.scalars(
        select(PracticeRow.title).where(
            PracticeRow.year == YEAR,
            PracticeRow.status == PUBLISHED,
            PracticeRow.post_name == profile.post_name,
        )
    ).all()
    assert len(read.practices) == len(own)


def test_the_years_practices_are_listed(demo_session: Session, tmp_path: Path) -> None:
    read = read_return(write_return(demo_session, YEAR - 1, tmp_path / "r.xlsx").path)
    [practice] = read.practices
    assert practice.title == "One living wage benchmark for the Kenyan flower sector"
    assert practice.core_tasks == (2, 5)
    assert practice.themes == ("freedom_of_association", "living_wage", "responsible_purchasing")
    assert practice.summary.startswith("Growers, Dutch buyers")


def _names(session: Session) -> set[str]:
    names: set[str] = set()
    for name, trade_names in session.execute(select(CompanyRow.name, CompanyRow.trade_names)):
        names.add(name)
        names.update(trade_names.splitlines())
    names.update(session.scalars(select(CompanyContactRow.name)))
    names.update(session.scalars(select(PostUserRow.name)))
    names.update(session.scalars(select(SurveyResponseRow.respondent)))
    for contact in session.scalars(select(PracticeRow.contact)):
        names.update(part.strip() for part in re.split(r"[,;\n(]", contact) if " " in part.strip())
    return {" ".join(name.split()) for name in names if len(name.strip()) >= 4}


def test_no_cell_holds_a_name(demo_session: Session, tmp_path: Path) -> None:
    profile = load_profile(demo_session)
    assert profile is not None
    company = demo_session.scalars(select(CompanyRow.name).order_by(CompanyRow.id)).first()
    user = demo_session.scalars(select(PostUserRow.name)).first()
    create_practice(
        demo_session,
        PracticeInput(
            title=f"Audits with {company}",
            core_tasks=(3,),
            post_name=profile.post_name,
            year=YEAR,
            summary=f"Wanjiru Kamau and {user} met {company} (wanjiru@example.org).",
            contact="Wanjiru Kamau, trade officer",
            status=PUBLISHED,
        ),
        "Tess",
    )
    path = tmp_path / "return.xlsx"
    write_return(
        demo_session,
        YEAR,
        path,
        narrative={
            "results": "We worked with Savanne Flowers B.V. and asked jan@example.org, "
            "+31 6 1234 5678.",
        },
    )
    names = _names(demo_session)
    assert len(names) > 20
    cells = [
        str(cell)
        for sheet in openpyxl.load_workbook(path).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    text = "\n".join(cells)
    found = [name for name in names if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I)]
    assert found == []
    assert "Wanjiru" not in text and "Audits with [removed]" in text
    assert "jan@example.org" not in text and "1234 5678" not in text


def test_a_return_edited_after_writing_is_refused(demo_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "return.xlsx"
    write_return(demo_session, YEAR, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["core_tasks"]
    cell = sheet.cell(row=2 + 4 * 1 + 1, column=3)  # a year row's activities_done
    cell.value = (cell.value or 0) + 1
    workbook.save(path)
    with pytest.raises(ReturnRejected, match="checksum does not match"):
        read_return(path)


def test_a_post_without_a_profile_is_told(tmp_path: Path) -> None:
    database = open_database(tmp_path / "empty.sqlite3")
    with database.session() as session, pytest.raises(Exception, match="profile"):
        write_return(session, YEAR, tmp_path / "r.xlsx")
    database.dispose()
    assert not (tmp_path / "r.xlsx").exists()


def test_the_narrative_is_kept_per_year_and_written(session: Session, tmp_path: Path) -> None:
    assert get_narrative(session, YEAR) == Narrative(YEAR)
    save_narrative(session, Narrative(YEAR, "Round tables.\r\nA scan.", "", " Visas. "), "Tess")
    save_narrative(session, Narrative(YEAR - 1, "Older."), "Tess")
    assert get_narrative(session, YEAR) == Narrative(YEAR, "Round tables.\nA scan.", "", "Visas.")
    save_narrative(session, Narrative(YEAR, "Round tables.", "Travel.", "Visas."), "Tess")
    read = read_return(write_return(session, YEAR, tmp_path / "r.xlsx").path)
    assert read.narrative == {"results": "Round tables.", "obstacles": "Travel.", "plans": "Visas."}
    with pytest.raises(ValidationError, match="results: at most"):
        save_narrative(session, Narrative(YEAR, "x" * 20_001), "Tess")


def test_names_are_found_whatever_their_case_and_punctuation() -> None:
    from postkit.core.returns.service import _Cleaner, _words

    names = [_words(n) for n in ("Savanne Flowers B.V.", "Savanne", "Jan de Vries")]
    cleaner = _Cleaner(frozenset(names), frozenset(words[0] for words in names))
    text = "Met SAVANNE flowers b.v. en savanne; jan  de\nvries belde (+31 6 1234 5678)."
    # The full stop after "b.v." stays: it may end the sentence as well.
    assert cleaner.clean(text) == "Met [removed]. en [removed]; [removed] belde ([removed])."
    assert cleaner.clean("Savannes and flowers stay.") == "Savannes and flowers stay."
