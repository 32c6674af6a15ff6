from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from postkit.core.activities.commands import (
    CreateActivity,
    DeleteActivities,
    DuplicateActivity,
    UpdateActivity,
)
from postkit.core.activities.listing import SortKey, activity_ids, activity_rows, count_activities
from postkit.core.activities.records import ActivityFilter, ActivityInput
from postkit.core.activities.service import create_activity, get_activity, update_activity
from postkit.core.attachments import attachment_path, store_attachment
from postkit.core.db import Database
from postkit.core.errors import NotFoundError, ValidationError
from postkit.core.full_text import fts_query

SEMINAR = ActivityInput(
    core_task=2,
    title="Seminar on living wage for cocoa exporters",
    start_date=date(2025, 5, 14),
    activity_type="seminar_event",
    description="Half-day seminar with the Fairtrade country office.",
    country="GH",
    sectors=("cocoa",),
    themes=("child_labour", "living_wage"),
    partners="Solidaridad; Fairtrade",
    unnamed_companies=9,
    participants_women=14,
    participants_men=11,
    participants_other=1,
    links=("https://www.oecd.org/",),
)


def _add(session: Session, **changes: object) -> int:
    return create_activity(session, replace(SEMINAR, **changes), "Tess").id  # type: ignore[arg-type]


def test_created_activity_keeps_every_field_and_who_created_it(session: Session) -> None:
    record = create_activity(session, SEMINAR, "Tess")
    stored = get_activity(session, record.id)
    # Entered without a post, it is the post's whose database it is in (the profile's).
    assert stored.data == replace(SEMINAR, post_name="Embassy Testland")
    assert stored.created_by == stored.updated_by == "Tess"
    assert stored.created_at is not None and stored.created_at.tzinfo is not None
    assert len(stored.uuid) == 36


def test_update_records_who_changed_it_and_when(session: Session) -> None:
    record = create_activity(session, SEMINAR, "Tess")
    updated = update_activity(session, record.id, replace(SEMINAR, title="Renamed"), "Ruud")
    assert updated.data.title == "Renamed"
    assert updated.created_by == "Tess" and updated.updated_by == "Ruud"
    assert updated.updated_at >= record.updated_at  # type: ignore[operator]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"core_task": 6}, "core_task"),
        ({"title": "   "}, "title"),
        ({"activity_type": "party"}, "activity_type"),
        ({"end_date": date(2025, 5, 1)}, "end_date"),
        ({"country": "QQ"}, "country"),
        ({"themes": ("not_a_theme",)}, "themes"),
        ({"sectors": ("nope",)}, "sectors"),
        ({"participants_men": -1}, "participants_men"),
        ({"links": ("C:\\secret.doc",)}, "links"),
    ],
)
def test_invalid_input_names_the_field_and_stores_nothing(
    session: Session, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_activity(session, replace(SEMINAR, **changes), "Tess")  # type: ignore[arg-type]
    assert caught.value.field == field
    assert count_activities(session) == 0


def test_filters_combine_core_task_quarter_type_sector_theme_and_text(session: Session) -> None:
    wanted = _add(session)
    _add(session, core_task=3, activity_type="company_advice")
    _add(session, start_date=date(2025, 8, 1))
    _add(session, sectors=("textiles_garments",), themes=("gender",))
    _add(session, title="Roundtable on deforestation", description="", partners="")
    flt = ActivityFilter(
        core_tasks=frozenset({2}),
        year=2025,
        quarter=2,
        activity_type="seminar_event",
        sector="cocoa",
        theme="living_wage",
        text="living",
    )
    assert activity_ids(session, flt) == [wanted]
    assert count_activities(session, ActivityFilter(text="deforest")) == 1
    assert count_activities(session, ActivityFilter(year=2025, quarter=3)) == 1


def test_search_finds_words_in_partners_and_ignores_case_and_accents(session: Session) -> None:
    target = _add(session, partners="Ministère du Travail", title="Dialogue")
    _add(session, partners="ILO")
    assert activity_ids(session, ActivityFilter(text="MINISTERE trav")) == [target]


def test_search_text_with_fts_syntax_is_taken_literally(session: Session) -> None:
    _add(session)
    assert fts_query('cocoa" OR *') == '"cocoa"* "OR"*'
    assert activity_ids(session, ActivityFilter(text='"(*')) == []


def test_sorting_by_title_and_participants(session: Session) -> None:
    b = _add(session, title="beta", participants_women=1)
    a = _add(session, title="Alpha", participants_women=50)
    assert activity_ids(session, sort=SortKey.TITLE, descending=False) == [a, b]
    assert activity_ids(session, sort=SortKey.PARTICIPANTS, descending=True) == [a, b]
    rows = activity_rows(session, [a])
    assert rows[a].participants == 50 + 11 + 1


def test_deleting_and_undoing_brings_back_the_same_activity(session: Session) -> None:
    original = get_activity(session, _add(session))
    command = DeleteActivities([original.id])
    command.apply(session)
    with pytest.raises(NotFoundError):
        get_activity(session, original.id)
    command.revert(session)
    assert get_activity(session, original.id) == original
    assert activity_ids(session, ActivityFilter(text="cocoa")) == [original.id]


def test_undo_of_an_edit_restores_values_and_audit_trail(session: Session) -> None:
    original = get_activity(session, _add(session))
    command = UpdateActivity(original.id, replace(SEMINAR, title="Changed"), "Ruud")
    command.apply(session)
    assert get_activity(session, original.id).updated_by == "Ruud"
    command.revert(session)
    assert get_activity(session, original.id) == original
    command.apply(session)
    assert get_activity(session, original.id).data.title == "Changed"


def test_create_and_duplicate_can_be_undone_and_redone(session: Session) -> None:
    create = CreateActivity(SEMINAR, "Tess")
    [new_id] = create.apply(session)
    duplicate = DuplicateActivity(new_id, "Tess", " (kopie)")
    [copy_id] = duplicate.apply(session)
    assert get_activity(session, copy_id).data.title == SEMINAR.title + " (kopie)"
    duplicate.revert(session)
    create.revert(session)
    assert count_activities(session) == 0
    create.apply(session)
    assert get_activity(session, new_id).data == replace(SEMINAR, post_name="Embassy Testland")


def test_attached_files_are_copied_into_the_files_folder(
    database: Database, session: Session, tmp_path: Path
) -> None:
    source = tmp_path / "agenda.pdf"
    source.write_bytes(b"%PDF-1.4 agenda")
    stored = store_attachment(database.files_dir, source)
    record = create_activity(session, SEMINAR, "Tess", [stored])
    source.unlink()
    [attachment] = get_activity(session, record.id).attachments
    assert attachment.file_name == "agenda.pdf"
    assert attachment_path(database.files_dir, attachment).read_bytes() == b"%PDF-1.4 agenda"
