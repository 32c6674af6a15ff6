from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.attachments import attachment_path, store_attachment
from postkit.core.db import Database
from postkit.core.errors import NotFoundError, ValidationError
from postkit.core.practices.commands import EditPractice
from postkit.core.practices.records import PracticeFilter, PracticeInput
from postkit.core.practices.service import (
    MAX_LINEAGE,
    add_attachment,
    create_practice,
    delete_practice,
    excerpt,
    get_practice,
    list_practices,
    mark_used,
    merged_lineage,
    promote_activity,
    remove_attachment,
    update_practice,
    write_practices_booklet,
)

LIVING_WAGE = PracticeInput(
    title="Living wage benchmark workshop with flower farms",
    core_tasks=(2, 5),
    post_name="Embassy Nairobi",
    country="KE",
    year=2025,
    summary="Farms and buyers **agreed** on one *living wage* benchmark.\n\n- step one\n- two",
    context="Wages on flower farms lag behind the cost of living.",
    what_was_done="A workshop with the Anker benchmark.",
    what_worked="Buyers in the room.",
    what_did_not="Too few workers' representatives.",
    lessons="Invite unions early.",
    contact="nairobi@example.org",
    language="en",
    status="published",
    themes=("living_wage", "gender"),
    sectors=("floriculture",),
)


def _add(session: Session, **changes: object) -> int:
    return create_practice(session, replace(LIVING_WAGE, **changes), "Tess").id  # type: ignore[arg-type]


def test_created_practice_keeps_every_field_and_starts_a_version_history(
    session: Session,
) -> None:
    record = create_practice(session, LIVING_WAGE, "Tess")
    stored = get_practice(session, record.id)
    assert stored.data == replace(LIVING_WAGE, themes=("gender", "living_wage"))
    assert len(stored.uuid) == 36 and len(stored.version) == 36
    assert stored.lineage == ()
    assert stored.created_by == stored.updated_by == "Tess"


def test_every_edit_makes_a_new_version_and_remembers_the_old_one(session: Session) -> None:
    first = create_practice(session, LIVING_WAGE, "Tess")
    second = update_practice(session, first.id, replace(LIVING_WAGE, lessons="New"), "Ann")
    third = update_practice(session, first.id, replace(LIVING_WAGE, lessons="Newer"), "Ann")
    assert len({first.version, second.version, third.version}) == 3
    assert third.lineage == (first.version, second.version)
    assert third.updated_by == "Ann" and third.created_by == "Tess"


def test_saving_unchanged_values_makes_no_new_version(session: Session) -> None:
    first = create_practice(session, LIVING_WAGE, "Tess")
    again = update_practice(session, first.id, LIVING_WAGE, "Ann")
    assert again.version == first.version and again.updated_by == "Tess"


def test_lineage_keeps_only_the_newest_versions() -> None:
    versions = [f"v{i}" for i in range(MAX_LINEAGE + 20)]
    assert merged_lineage(versions, ["v3", "new"]) == (*versions[21:], "new")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"core_tasks": ()}, "core_tasks"),
        ({"core_tasks": (6,)}, "core_tasks"),
        ({"country": "XX"}, "country"),
        ({"year": 1200}, "year"),
        ({"language": "de"}, "language"),
        ({"status": "archived"}, "status"),
        ({"themes": ("astrology",)}, "themes"),
        ({"sectors": ("alchemy",)}, "sectors"),
    ],
)
def test_invalid_input_names_the_field(
    session: Session, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_practice(session, replace(LIVING_WAGE, **changes), "Tess")  # type: ignore[arg-type]
    assert caught.value.field == field


def test_delete_removes_the_practice(session: Session) -> None:
    practice_id = _add(session)
    delete_practice(session, practice_id)
    with pytest.raises(NotFoundError):
        get_practice(session, practice_id)


def test_promoting_an_activity_carries_its_fields_over_and_links_back(
    session: Session, database: Database, tmp_path: Path
) -> None:
    tool = tmp_path / "checklist.txt"
    tool.write_text("a checklist", encoding="utf-8")
    attachment = store_attachment(database.files_dir, tool)
    activity = create_activity(
        session,
        ActivityInput(
            core_task=3,
            title="Advice to a cocoa exporter on child labour",
            start_date=date(2024, 3, 1),
            activity_type="company_advice",
            description="Walked the company through the CLDD act.",
            country="GH",
            sectors=("cocoa",),
            themes=("child_labour",),
            outcome="The company mapped its cooperatives.",
        ),
        "Tess",
        [attachment],
    )
    practice = promote_activity(session, activity.id, "Tess")
    data = practice.data
    assert (data.title, data.core_tasks, data.country, data.year) == (
        "Advice to a cocoa exporter on child labour",
        (3,),
        "GH",
        2024,
    )
    assert data.what_was_done == "Walked the company through the CLDD act."
    assert data.what_worked == "The company mapped its cooperatives."
    assert (data.themes, data.sectors) == (("child_labour",), ("cocoa",))
    assert data.post_name == "Embassy Testland" and data.status == "draft"
    assert practice.source_activity_uuid == activity.uuid
    assert [a.sha256 for a in practice.attachments] == [attachment.sha256]
    assert promote_activity(session, activity.id, "Tess").id == practice.id


def test_attachments_are_added_and_removed_as_new_versions(
    session: Session, database: Database, tmp_path: Path
) -> None:
    tool = tmp_path / "template.docx"
    tool.write_bytes(b"template")
    first = create_practice(session, LIVING_WAGE, "Tess")
    with_file = add_attachment(session, database.files_dir, first.id, tool, "Tess")
    (attached,) = with_file.attachments
    assert attached.file_name == "template.docx"
    assert attachment_path(database.files_dir, attached).read_bytes() == b"template"
    assert with_file.lineage == (first.version,)
    without = remove_attachment(session, first.id, attached.stored_name, "Tess")
    assert without.attachments == () and len(without.lineage) == 2


def test_an_edit_with_new_attachments_is_one_version(
    session: Session, database: Database, tmp_path: Path
) -> None:
    tool = tmp_path / "template.docx"
    tool.write_bytes(b"template")
    stored = store_attachment(database.files_dir, tool)
    first = create_practice(session, LIVING_WAGE, "Tess")
    edited = update_practice(
        session, first.id, replace(LIVING_WAGE, lessons="More"), "Ann", [stored]
    )
    assert edited.lineage == (first.version,)
    assert [a.file_name for a in edited.attachments] == ["template.docx"]
    same = update_practice(session, first.id, edited.data, "Ann", edited.attachments)
    assert same.version == edited.version


def test_marking_used_records_the_post_and_makes_no_new_version(session: Session) -> None:
    first = create_practice(session, LIVING_WAGE, "Tess")
    used = mark_used(session, first.id, "Embassy Dhaka", "Rahim", "Used for our garment event")
    assert [(u.post_name, u.user_name, u.note) for u in used.uses] == [
        ("Embassy Dhaka", "Rahim", "Used for our garment event")
    ]
    assert used.version == first.version
    (row,) = list_practices(session)
    assert row.uses == 1


def test_filters_narrow_the_list(session: Session) -> None:
    kenya = _add(session)
    peru = _add(
        session,
        title="Child labour in Peruvian coffee",
        core_tasks=(3,),
        country="PE",
        language="nl",
        status="draft",
        themes=("child_labour",),
        sectors=("coffee_tea",),
    )

    def ids(**fields: object) -> list[int]:
        return [row.id for row in list_practices(session, PracticeFilter(**fields))]  # type: ignore[arg-type]

    assert ids(core_task=5) == [kenya]
    assert ids(core_task=3) == [peru]
    assert ids(theme="gender") == [kenya]
    assert ids(sector="coffee_tea") == [peru]
    assert ids(region="africa") == [kenya]
    assert ids(region="latin_america_caribbean") == [peru]
    assert ids(language="nl") == [peru]
    assert ids(status="published") == [kenya]
    assert ids() == [peru, kenya]


def test_text_search_ranks_title_hits_first_and_matches_word_starts(session: Session) -> None:
    in_lessons = _add(session, title="Trade mission", summary="", lessons="Ask about wages")
    in_title = _add(session, title="Wages in tea", summary="")
    _add(session, title="Unrelated", summary="", context="", lessons="")
    assert [r.id for r in list_practices(session, PracticeFilter(text="wage"))] == [
        in_title,
        in_lessons,
    ]
    assert list_practices(session, PracticeFilter(text="zzz")) == []


def test_list_rows_carry_a_plain_excerpt_and_themes(session: Session) -> None:
    _add(session)
    (row,) = list_practices(session)
    assert row.excerpt.startswith("Farms and buyers agreed on one living wage benchmark.")
    assert "**" not in row.excerpt
    assert row.themes == ("gender", "living_wage")
    assert row.core_tasks == (2, 5)


def test_excerpt_is_cut_at_a_word() -> None:
    text = "word " * 100
    short = excerpt(text, 22)
    assert short == "word word word word…"


def test_an_edit_command_reverts_values_and_files_as_a_newer_version(
    session: Session, database: Database, tmp_path: Path
) -> None:
    old_file, new_file = tmp_path / "checklist.docx", tmp_path / "agenda.pdf"
    old_file.write_bytes(b"checklist")
    new_file.write_bytes(b"agenda")
    old_attachment = store_attachment(database.files_dir, old_file)
    original = create_practice(session, LIVING_WAGE, "Tess", [old_attachment])
    new_attachment = store_attachment(database.files_dir, new_file)
    edit = EditPractice(
        original.id, replace(LIVING_WAGE, title="Gender lens, revised"), (new_attachment,), "Amina"
    )

    edit.apply(session)
    edited = get_practice(session, original.id)
    edit.revert(session)
    reverted = get_practice(session, original.id)
    edit.apply(session)
    redone = get_practice(session, original.id)

    assert edited.data.title == "Gender lens, revised"
    assert [a.file_name for a in edited.attachments] == ["agenda.pdf"]
    assert reverted.data == original.data
    assert [a.file_name for a in reverted.attachments] == ["checklist.docx"]
    assert len({original.version, edited.version, reverted.version, redone.version}) == 4
    assert redone.data == edited.data
    assert reverted.updated_by == "Amina"


def test_a_booklet_job_reads_the_practices_it_is_given_and_tells_its_progress(
    session: Session, tmp_path: Path
) -> None:
    from tests.pdf_text import pdf_text

    first = _add(session)
    second = _add(session, title="Second practice")
    told: list[tuple[int, int]] = []
    out = tmp_path / "booklet.pdf"
    written = write_practices_booklet(
        session, [second, first], out, "en", "For the training", progress=lambda *d: told.append(d)
    )
    assert written == out
    assert told == [(0, 2), (1, 2)]
    text = pdf_text(out)
    assert "For the training" in text
    assert text.index("Second practice") < text.index(LIVING_WAGE.title)
