"""Screening requests and practices linked to the register; duplicates; merging and its undo."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.companies.models import CompanyContactRow
from postkit.core.companies.records import CompanyData, ContactData
from postkit.core.companies.service import (
    create_company,
    find_duplicates,
    get_company,
    lookup_companies,
    merge_companies,
    undo_merge,
)
from postkit.core.db import Database
from postkit.core.errors import ValidationError
from postkit.core.followups.models import FollowUpRow
from postkit.core.practices.booklet import write_booklet
from postkit.core.practices.exchange import export_practices, import_practices
from postkit.core.practices.records import PracticeInput
from postkit.core.practices.service import create_practice, get_practice, update_practice
from postkit.core.screening.records import Decision, Outcome, RequestInput, Status
from postkit.core.screening.service import (
    company_requests,
    create_request,
    decide,
    get_request,
    list_requests,
)

CONTACT = ContactData("Marloes Jansen", "CSR lead", "m.jansen@example.org", "+31 6 1234 5678")


def _company(session: Session, name: str, **values: object) -> int:
    return create_company(session, CompanyData(name=name, **values), "Ana").id  # type: ignore[arg-type]


def _request(session: Session, company: int | None, name: str, on: date) -> int:
    data = RequestInput(
        company_name=name, support_kind="trade_mission", requested_on=on, company_id=company
    )
    return create_request(session, data, "Ana").id


def _activity(session: Session, title: str, companies: tuple[int, ...]) -> int:
    data = ActivityInput(
        core_task=3,
        title=title,
        start_date=date(2026, 3, 4),
        activity_type="company_advice",
        company_ids=companies,
    )
    return create_activity(session, data, "Ana").id


def _practice(companies: tuple[int, ...]) -> PracticeInput:
    return PracticeInput(
        title="Living wage in flower farms",
        core_tasks=(3,),
        post_name="Embassy Testland",
        country="KE",
        year=2026,
        summary="Growers compared wages with the benchmark.",
        status="published",
        company_ids=companies,
    )


def test_a_request_keeps_its_register_company_and_the_name_as_screened(session: Session) -> None:
    company = _company(session, "Zuidwind Energie B.V.")
    request = _request(session, company, "Zuidwind Energie", date(2026, 3, 2))
    assert get_request(session, request).data.company_id == company
    assert [row.company_name for row in list_requests(session)] == ["Zuidwind Energie"]


def test_earlier_requests_and_decisions_of_a_company_newest_first(session: Session) -> None:
    company = _company(session, "Zuidwind Energie B.V.")
    other = _company(session, "Noordzee Wind")
    first = _request(session, company, "Zuidwind Energie", date(2025, 5, 1))
    decide(
        session,
        first,
        Decision(
            Outcome.SUPPORT_WITH_CONDITIONS,
            "Risks in the supply chain of blades.",
            conditions="Share the due diligence plan",
            conditions_due=date(2025, 12, 1),
            follow_up_on=date(2025, 12, 1),
            open_steps_reason="Checked in person",
        ),
        "Ana",
    )
    second = _request(session, company, "Zuidwind Energie B.V.", date(2026, 3, 2))
    _request(session, other, "Noordzee Wind", date(2026, 1, 1))
    _request(session, None, "Zuidwind Energie", date(2026, 1, 1))
    earlier = company_requests(session, company)
    assert [e.id for e in earlier] == [second, first]
    assert earlier[1].status is Status.DECIDED
    assert earlier[1].outcome is Outcome.SUPPORT_WITH_CONDITIONS
    assert earlier[1].conditions == "Share the due diligence plan"
    assert [e.id for e in company_requests(session, company, except_request=second)] == [first]


def test_a_practice_keeps_its_companies_and_shows_their_names(session: Session) -> None:
    one = _company(session, "Rosa Flowers Ltd")
    two = _company(session, "Kenya Blooms")
    practice = create_practice(session, _practice((two, one)), "Ana")
    record = get_practice(session, practice.id)
    assert record.data.company_ids == tuple(sorted((one, two)))
    assert record.company_names == ("Kenya Blooms", "Rosa Flowers Ltd")
    changed = update_practice(session, practice.id, _practice((one,)), "Ana")
    assert changed.company_names == ("Rosa Flowers Ltd",)


def test_exchange_files_and_booklets_name_the_companies_but_carry_no_register_data(
    session: Session, database: Database, tmp_path: Path
) -> None:
    company = _company(
        session, "Rosa Flowers Ltd", kvk_number="55667788", contacts=(CONTACT,), notes="Secret"
    )
    practice = create_practice(session, _practice((company,)), "Ana")
    path = tmp_path / "nairobi.postkit"
    export_practices(session, database.files_dir, path, exporting_post="Embassy Testland")
    with zipfile.ZipFile(path) as archive:
        content = b"".join(archive.read(name) for name in archive.namelist()).decode()
    shared = json.loads(
        zipfile.ZipFile(path).read(
            next(n for n in zipfile.ZipFile(path).namelist() if n.endswith("practices.json"))
        )
    )
    practices = shared["practices"] if isinstance(shared, dict) else shared
    assert practices[0]["companies"] == ["Rosa Flowers Ltd"]
    for private in ("Marloes", "m.jansen@example.org", "1234 5678", "55667788", "Secret"):
        assert private not in content
    assert "company_ids" not in content
    booklet = tmp_path / "booklet.pdf"
    write_booklet([get_practice(session, practice.id)], booklet)
    text = "".join(page.extract_text() for page in PdfReader(booklet).pages)
    assert "Rosa Flowers Ltd" in text
    assert "Marloes" not in text


def test_a_practice_coming_back_from_another_post_keeps_its_links_here(
    session: Session, database: Database, tmp_path: Path
) -> None:
    company = _company(session, "Rosa Flowers Ltd")
    practice = create_practice(session, _practice((company,)), "Ana")
    path = tmp_path / "here.postkit"
    export_practices(session, database.files_dir, path, exporting_post="Embassy Testland")
    summary = import_practices(session, database.files_dir, [path])
    assert not summary.added and not summary.updated
    assert get_practice(session, practice.id).data.company_ids == (company,)


def test_duplicates_by_kvk_by_name_and_by_name_against_trade_name(session: Session) -> None:
    kvk_a = _company(session, "Groenveld Water B.V.", kvk_number="12345678")
    kvk_b = _company(session, "Groenveld Holland", kvk_number="12345678")
    name_a = _company(session, "Café Lumière S.A.")
    name_b = _company(session, "cafe lumiere")
    trade = _company(session, "Andes Cacao S.A.", trade_names=("Kakao Andino",))
    by_trade = _company(session, "Kakao Andino Ltd")
    _company(session, "Kakao Sur", trade_names=("Choco",))
    _company(session, "Other", trade_names=("Choco",))
    pairs = {(p.first.id, p.second.id): p.reason for p in find_duplicates(session)}
    assert pairs == {
        (kvk_a, kvk_b): "kvk",
        (name_a, name_b): "name",
        (trade, by_trade): "name",
    }


def test_merging_moves_every_link_and_undo_puts_each_back(session: Session) -> None:
    keep = _company(session, "Groenveld Water B.V.", kvk_number="12345678")
    merge = _company(session, "Groenveld Water", contacts=(CONTACT,))
    both = _activity(session, "Seminar on water risks", (keep, merge))
    only_merge = _activity(session, "Advice on living wage", (merge,))
    request = _request(session, merge, "Groenveld Water", date(2026, 2, 1))
    practice = create_practice(session, _practice((merge, keep)), "Ana").id
    follow_up = FollowUpRow(
        kind="action",
        company_id=merge,
        description="Send the sector risk scan",
        created_by="Ana",
        updated_by="Ana",
    )
    session.add(follow_up)
    session.commit()

    undo = merge_companies(session, keep, merge, "Bram")
    assert get_activity(session, both).data.company_ids == (keep,)
    assert get_activity(session, only_merge).data.company_ids == (keep,)
    assert get_request(session, request).data.company_id == keep
    assert get_practice(session, practice).data.company_ids == (keep,)
    assert session.get(FollowUpRow, follow_up.id).company_id == keep
    assert get_company(session, keep).data.contacts == (CONTACT,)
    assert [line.id for line in lookup_companies(session, "groenveld")] == [keep]
    assert find_duplicates(session) == []

    undo_merge(session, undo, "Bram")
    assert set(get_activity(session, both).data.company_ids) == {keep, merge}
    assert get_activity(session, only_merge).data.company_ids == (merge,)
    assert get_request(session, request).data.company_id == merge
    assert set(get_practice(session, practice).data.company_ids) == {keep, merge}
    assert session.get(FollowUpRow, follow_up.id).company_id == merge
    assert get_company(session, merge).data.contacts == (CONTACT,)
    assert get_company(session, keep).data.contacts == ()
    assert {line.id for line in lookup_companies(session, "groenveld")} == {keep, merge}


def test_records_merged_before_follow_the_merged_one_and_come_back_with_undo(
    session: Session,
) -> None:
    keep = _company(session, "Delta Foods B.V.")
    middle = _company(session, "Delta Foods")
    oldest = _company(session, "Delta Foods Nederland")
    merge_companies(session, middle, oldest, "Ana")
    undo = merge_companies(session, keep, middle, "Ana")
    assert (
        session.scalar(select(CompanyContactRow.id).where(CompanyContactRow.company_id == middle))
        is None
    )
    from postkit.core.companies.models import CompanyRow

    assert session.get(CompanyRow, oldest).merged_into_id == keep
    undo_merge(session, undo, "Ana")
    assert session.get(CompanyRow, oldest).merged_into_id == middle
    assert session.get(CompanyRow, middle).merged_into_id is None


def test_a_merge_that_cannot_be_is_refused(session: Session) -> None:
    keep = _company(session, "Delta Foods B.V.")
    merge = _company(session, "Delta Foods")
    with pytest.raises(ValidationError):
        merge_companies(session, keep, keep, "Ana")
    undo = merge_companies(session, keep, merge, "Ana")
    with pytest.raises(ValidationError):
        merge_companies(session, merge, keep, "Ana")
    undo_merge(session, undo, "Ana")
    with pytest.raises(ValidationError):
        undo_merge(session, undo, "Ana")


def test_a_request_or_practice_naming_a_company_not_in_the_register_is_refused(
    session: Session,
) -> None:
    keep = _company(session, "Rosa Flowers Ltd")
    gone = _company(session, "Rosa Flowers")
    merge_companies(session, keep, gone, "Ana")
    for missing in (gone, 999):
        with pytest.raises(ValidationError) as raised:
            _request(session, missing, "Rosa Flowers", date(2026, 3, 2))
        assert raised.value.field == "company_id"
        with pytest.raises(ValidationError) as raised:
            create_practice(session, _practice((keep, missing)), "Ana")
        assert raised.value.field == "company_ids"
    practice = create_practice(session, _practice((keep,)), "Ana")
    # Saving the same companies in another order is no change: no new version.
    again = update_practice(session, practice.id, _practice((keep, keep)), "Ana")
    assert again.version == practice.version
