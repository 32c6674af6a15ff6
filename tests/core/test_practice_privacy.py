from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from postkit.core.db import Database, open_database
from postkit.core.practices.exchange import (
    export_practices,
    import_practices,
    personal_data_in_export,
    read_exchange_file,
)
from postkit.core.practices.privacy import (
    REMOVED,
    STAFF_FIELD,
    PersonalDataKind,
    Removal,
    contact_names,
    find_emails,
    find_phone_numbers,
    kept_personal_data,
    remove_personal_data,
)
from postkit.core.practices.records import PracticeInput
from postkit.core.practices.service import (
    create_practice,
    get_practice_by_uuid,
    update_practice,
)

CONTACT = (
    "Ms. Wanjiru Kamau (agricultural counsellor), wanjiru.kamau@minbuza.nl, "
    "+254 20 428 8000 / 0722-123456"
)
HORTICULTURE = PracticeInput(
    title="Cold chain pilot with Kenyan flower growers",
    core_tasks=(2,),
    post_name="Embassy Nairobi",
    country="KE",
    year=2024,
    summary=(
        "In 2023 the post brought 14 growers and two Dutch logistics firms together; the pilot "
        "cost EUR 20,000,000 over 2022-2025, of which 35% came from RVO."
    ),
    context=(
        "Losses after harvest ran to 30%. Wanjiru Kamau mapped the chain with the KFC "
        "(KvK 12345678) between 01-03-2024 and 2024-06-30."
    ),
    what_was_done=(
        "Ms Kamau held workshops from 09.00-17.00 in Naivasha (postal code 20117). "
        "Questions to the RVO desk on 088 042 42 42 or to Peter Mwangi, +31 (0)6 1234 5678, "
        "peter.mwangi@example.co.ke."
    ),
    what_worked="Wanjiru's weekly calls; growers phoned her on (070) 348 6486 as well.",
    what_did_not="Budget of USD 350 000 came late; the IBAN NL91 ABNA 0417 1643 00 changed.",
    lessons="Ask Kamau's team for the checklist: write to agri-nai [at] minbuza.nl.",
    contact=CONTACT,
    language="en",
    status="published",
)


def test_the_export_leaves_out_names_e_mail_addresses_and_phone_numbers(
    session: Session, database: Database, tmp_path: Path
) -> None:
    practice = create_practice(session, HORTICULTURE, "Tess Tester")
    path = tmp_path / "nairobi.postkit"
    removals: list[Removal] = []

    assert export_practices(session, database.files_dir, path, removals=removals) == 1

    with zipfile.ZipFile(path) as archive:
        written = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8")
    for personal in (
        "Wanjiru", "Kamau", "wanjiru.kamau@minbuza.nl", "428 8000", "0722-123456",
        "peter.mwangi@example.co.ke", "1234 5678", "348 6486", "agri-nai", "088 042 42 42",
        "Tess Tester",
    ):  # fmt: skip
        assert personal not in written, personal
    with read_exchange_file(path) as exchange:
        (shared,) = exchange.practices
    data = shared.data
    assert shared.created_by == shared.updated_by == "Embassy Testland"
    assert data.contact == REMOVED
    assert data.what_was_done == (
        "Ms [removed] held workshops from 09.00-17.00 in Naivasha (postal code 20117). "
        "Questions to the RVO desk on [removed] or to Peter Mwangi, [removed], [removed]."
    ), "a name that is not in the contact field stays"
    assert data.what_worked == (
        "[removed]'s weekly calls; growers phoned her on [removed] as well."
    )
    assert data.summary == HORTICULTURE.summary
    assert data.what_did_not == HORTICULTURE.what_did_not
    assert data.title == HORTICULTURE.title
    assert data.context == (
        "Losses after harvest ran to 30%. [removed] mapped the chain with the KFC "
        "(KvK 12345678) between 01-03-2024 and 2024-06-30."
    )

    found = {(r.field, r.kind, r.text) for r in removals}
    assert found == {
        ("context", PersonalDataKind.NAME, "Wanjiru Kamau"),
        ("what_was_done", PersonalDataKind.NAME, "Kamau"),
        ("what_was_done", PersonalDataKind.PHONE, "088 042 42 42"),
        ("what_was_done", PersonalDataKind.PHONE, "+31 (0)6 1234 5678"),
        ("what_was_done", PersonalDataKind.EMAIL, "peter.mwangi@example.co.ke"),
        ("what_worked", PersonalDataKind.NAME, "Wanjiru"),
        ("what_worked", PersonalDataKind.PHONE, "(070) 348 6486"),
        ("lessons", PersonalDataKind.NAME, "Kamau"),
        ("lessons", PersonalDataKind.EMAIL, "agri-nai [at] minbuza.nl"),
        ("contact", PersonalDataKind.CONTACT, CONTACT),
        (STAFF_FIELD, PersonalDataKind.USER, "Tess Tester"),
    }
    assert {r.practice_uuid for r in removals} == {practice.uuid}
    assert {r.practice_title for r in removals} == {HORTICULTURE.title}
    assert set(personal_data_in_export(session)) == set(removals), "the preview is the same"


def test_keeping_personal_data_exports_every_text_as_it_is(
    session: Session, database: Database, tmp_path: Path
) -> None:
    create_practice(session, HORTICULTURE, "Tess Tester")
    path = tmp_path / "nairobi.postkit"
    removals: list[Removal] = []

    export_practices(session, database.files_dir, path, keep_personal_data=True, removals=removals)

    assert removals == []
    with read_exchange_file(path) as exchange:
        (shared,) = exchange.practices
    assert shared.data == HORTICULTURE


def test_a_practice_without_personal_data_is_unchanged() -> None:
    clean = PracticeInput(
        title="Living wage benchmark for garment exporters",
        core_tasks=(2,),
        summary="Since 2021, 40 exporters (turnover over EUR 1.5 million) used the benchmark.",
        lessons="Start before the 2025/2026 season; plan 3-4 months.",
    )
    assert remove_personal_data(clean) == (clean, ())


@pytest.mark.parametrize(
    "number",
    [
        "+31 70 348 6486",
        "+31 (0)70 348 64 86",
        "+31612345678",
        "0031 6 1234 5678",
        "06-12345678",
        "06 1234 5678",
        "020 - 123 45 67",
        "070-3486486",
        "(070) 348 6486",
        "+254 20 428 8000",
        "+254 (0)722 123 456",
        "0722 123456",
        "+233 30 221 4350",
        "+1 (202) 555-0143",
        "(202) 555-0143",
        "+44 20 7590 3200",
        "+62-21-524-1060",
        "+880 2 5505 4500",
    ],
)
def test_phone_numbers_in_international_and_national_formats_are_found(number: str) -> None:
    assert find_phone_numbers(f"Call them on {number}, after 10 am.") == [number]


@pytest.mark.parametrize("number", ["tel. 348 6486", "T: 4288000", "mobiel: 612 345 678"])
def test_short_numbers_count_only_after_a_phone_word(number: str) -> None:
    assert len(find_phone_numbers(f"Reach the desk by {number}.")) == 1
    assert find_phone_numbers(f"The region has {number.split(' ', 1)[1]} farmers.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 and again in 2020-2023 (or 2019–2024) the mission returned.",
        "The fund held EUR 20,000,000; later € 1.5 million and USD 350 000 and EUR 2.500.000.",
        "Signed on 12-03-2024, reviewed 2024-03-12, 01/03/2024 and 31.12.2025.",
        "KvK 12345678 and KvK-nummer 01234567 are in the register.",
        "Open 09.00-17.00 and 13:30-16:45; postal code 2594 AC; 35% of 1,200 farmers.",
        "Paid to NL91 ABNA 0417 1643 00 in two parts of 50.",
        "Versions 1.2.3 and ISO 26000 and SDG 8.7 apply.",
    ],
)
def test_years_amounts_dates_and_register_numbers_are_not_phone_numbers(text: str) -> None:
    assert find_phone_numbers(text) == []


def test_e_mail_addresses_are_found_also_written_out() -> None:
    text = "Write to a.de.vries@minbuza.nl, mailto:info@rvo.nl or nai [at] minbuza.nl today."
    assert find_emails(text) == [
        "a.de.vries@minbuza.nl",
        "mailto:info@rvo.nl",
        "nai [at] minbuza.nl",
    ]


@pytest.mark.parametrize(
    ("contact", "names"),
    [
        (CONTACT, ["Wanjiru Kamau"]),
        ("Anna de Vries, Economic Department, Embassy Accra", ["Anna de Vries"]),
        ("dhr. P.J. van der Berg - beleidsmedewerker; tel. 070 348 6486", ["P.J. van der Berg"]),
        ("Contact: Ama Mensah / Nairobi Agribusiness Initiative", ["Ama Mensah"]),
        ("trade@example.org", []),
        ("The trade team of the embassy", []),
    ],
)
def test_the_people_in_the_contact_field_are_told_from_roles_and_organisations(
    contact: str, names: list[str]
) -> None:
    assert contact_names(contact) == names


def test_every_form_of_a_contact_name_is_removed_from_the_texts() -> None:
    data = PracticeInput(
        title="Due diligence dialogue",
        core_tasks=(5,),
        summary=(
            "P.J. van der Berg chaired; Mr Van der Berg and Berg's notes followed. "
            "Pieter said: van der berg will report. The Berg en Dal meeting is another."
        ),
        contact="dhr. P.J. van der Berg",
    )
    cleaned, removals = remove_personal_data(data)
    assert cleaned.summary == (
        "[removed] chaired; Mr [removed] and [removed]'s notes followed. "
        "Pieter said: [removed] will report. The [removed] en Dal meeting is another."
    ), "over-removal of the surname as a word is the safe side"
    assert {r.text for r in removals if r.kind is PersonalDataKind.NAME} == {
        "P.J. van der Berg",
        "Van der Berg",
        "Berg",
        "van der berg",
    }


def test_a_practice_shared_without_personal_data_comes_back_without_losing_it(
    session: Session, database: Database, template_database: Path, tmp_path: Path
) -> None:
    original = create_practice(session, HORTICULTURE, "Tess Tester")
    out = tmp_path / "nairobi.postkit"
    export_practices(session, database.files_dir, out)
    other = _copy_of(template_database, tmp_path / "other")
    try:
        with other.session() as other_session:
            import_practices(other_session, other.files_dir, [out])
            theirs = get_practice_by_uuid(other_session, original.uuid)
            assert theirs.data.contact == REMOVED
            edited = replace(theirs.data, summary="Kampala copied the pilot in 2025.")
            update_practice(other_session, theirs.id, edited, "Okello")
            back = tmp_path / "kampala.postkit"
            export_practices(other_session, other.files_dir, back, exporting_post="Embassy Kampala")
    finally:
        other.dispose()

    summary = import_practices(session, database.files_dir, [back])

    assert [title for _uuid, title in summary.updated] == [HORTICULTURE.title]
    record = get_practice_by_uuid(session, original.uuid)
    assert record.data.summary == "Kampala copied the pilot in 2025."  # their edit
    assert record.data.contact == CONTACT  # what left as "[removed]" is still here
    assert record.data.what_was_done == HORTICULTURE.what_was_done
    assert record.data.lessons == HORTICULTURE.lessons
    assert record.updated_by == "Embassy Kampala"


def test_a_field_the_other_post_rewrote_is_theirs_placeholders_and_all() -> None:
    theirs = replace(
        remove_personal_data(HORTICULTURE)[0],
        what_worked="[removed]'s calls, now monthly.",
    )

    merged = kept_personal_data(HORTICULTURE, theirs)

    assert merged.what_worked == "[removed]'s calls, now monthly."
    assert merged.context == HORTICULTURE.context
    assert merged.contact == HORTICULTURE.contact


def test_the_lines_the_other_post_left_as_they_were_keep_this_posts_names() -> None:
    local = replace(
        HORTICULTURE,
        lessons="- Start with the growers' union\n- Ask Wanjiru Kamau for the growers' list",
    )
    shared = remove_personal_data(local)[0]
    assert (
        shared.lessons == "- Start with the growers' union\n- Ask [removed] for the growers' list"
    )
    theirs = replace(
        shared,
        lessons=shared.lessons + "\n- Translate the steps beforehand",
        what_worked="[removed]'s calls, now monthly.",
    )

    merged = kept_personal_data(local, theirs)

    # Their added line is theirs; the lines they did not touch are this post's as typed.
    assert merged.lessons == local.lessons + "\n- Translate the steps beforehand"
    assert merged.what_worked == "[removed]'s calls, now monthly."
    assert merged.contact == local.contact


def test_a_practice_from_another_post_goes_on_under_that_posts_name(
    session: Session, database: Database, template_database: Path, tmp_path: Path
) -> None:
    original = create_practice(session, HORTICULTURE, "Tess Tester")
    out = tmp_path / "nairobi.postkit"
    export_practices(session, database.files_dir, out)
    other = _copy_of(template_database, tmp_path / "other")
    removals: list[Removal] = []
    try:
        with other.session() as other_session:
            import_practices(other_session, other.files_dir, [out])
            theirs = get_practice_by_uuid(other_session, original.uuid)
            edited = replace(theirs.data, summary="Lima copied the pilot for asparagus.")
            update_practice(other_session, theirs.id, edited, "Lucía Quispe")
            back = tmp_path / "lima.postkit"
            export_practices(
                other_session, other.files_dir, back, None, "Embassy Lima", removals=removals
            )
    finally:
        other.dispose()

    with read_exchange_file(back) as exchange:
        (shared,) = exchange.practices
    # Created at Embassy Testland (the name it arrived under), changed at Embassy Lima.
    assert shared.created_by == "Embassy Testland"
    assert shared.updated_by == "Embassy Lima"
    # Lima's officer is told of the one person in it, not of a post or a placeholder.
    assert [(r.field, r.kind, r.text) for r in removals] == [
        (STAFF_FIELD, PersonalDataKind.USER, "Lucía Quispe")
    ]


def _copy_of(template: Path, folder: Path) -> Database:
    folder.mkdir()
    copy = folder / "postkit.sqlite3"
    shutil.copyfile(template, copy)
    return open_database(copy)
