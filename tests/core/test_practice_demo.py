from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.attachments import attachment_path
from postkit.core.db import Database
from postkit.core.practices.booklet import write_booklet
from postkit.core.practices.demo import seed_practices_demo
from postkit.core.practices.exchange import export_practices, read_exchange_file
from postkit.core.practices.records import PracticeFilter
from postkit.core.practices.service import get_practice, list_practices
from tests.pdf_text import pdf_text

TODAY = date(2026, 3, 1)


def test_demo_practices_come_from_several_posts_continents_and_languages(
    session: Session, database: Database
) -> None:
    assert seed_practices_demo(session, database.files_dir, TODAY) == 12
    rows = list_practices(session)
    assert len(rows) == 12
    assert {row.status for row in rows} == {"published"}
    assert {row.language for row in rows} == {"nl", "en"}
    assert len({row.post_name for row in rows}) >= 8
    regions = {reference.countries().get(row.country).extra["region"] for row in rows}  # type: ignore[union-attr]
    assert len(regions) >= 4
    themes = Counter(theme for row in rows for theme in row.themes)
    assert min(themes["gender"], themes["child_labour"], themes["living_wage"]) >= 3
    assert {task for row in rows for task in row.core_tasks} == {1, 2, 3, 4, 5}
    assert all(TODAY.year - 3 <= (row.year or 0) < TODAY.year for row in rows)
    gender = list_practices(session, PracticeFilter(theme="gender"))
    assert len(gender) == themes["gender"]


def test_demo_practices_have_tools_and_uses(session: Session, database: Database) -> None:
    seed_practices_demo(session, database.files_dir, TODAY)
    records = [get_practice(session, row.id) for row in list_practices(session)]
    tools = [a for record in records for a in record.attachments]
    assert len(tools) == 2
    assert all(attachment_path(database.files_dir, a).is_file() for a in tools)
    assert sum(len(record.uses) for record in records) == 3


def test_seeding_again_restores_the_same_practices(session: Session, database: Database) -> None:
    seed_practices_demo(session, database.files_dir, TODAY)
    first = {row.uuid: row.title for row in list_practices(session)}
    seed_practices_demo(session, database.files_dir, TODAY)
    assert {row.uuid: row.title for row in list_practices(session)} == first


def test_demo_practices_travel_and_print(
    session: Session, database: Database, tmp_path: Path
) -> None:
    seed_practices_demo(session, database.files_dir, TODAY)
    path = tmp_path / "demo.postkit"
    assert export_practices(session, database.files_dir, path) == 12
    with read_exchange_file(path) as exchange:
        assert len(exchange.practices) == 12
    records = [get_practice(session, row.id) for row in list_practices(session)]
    write_booklet(records, tmp_path / "demo.pdf", "nl", "Goede praktijken")
    assert "Kinderarbeid in de ambachtelijke goudwinning" in pdf_text(tmp_path / "demo.pdf")
