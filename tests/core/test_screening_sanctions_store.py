from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.errors import NotFoundError, PostkitError, ValidationError
from postkit.core.paths import resources_dir
from postkit.core.screening import list_import, sanctions_store
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.matching import (
    DEFAULT_THRESHOLD,
    MATCHER_VERSION,
    explanation_text,
)
from postkit.core.screening.models import AuditEntryRow, SanctionsEntryRow, SanctionsListRow
from postkit.core.screening.records import (
    Answer,
    Decision,
    DirectorDetails,
    Judgement,
    Outcome,
    RequestInput,
    SanctionsListInfo,
)
from postkit.core.screening.sanctions import read_sanctions_csv
from postkit.core.screening.sanctions_store import (
    current_list,
    judge_match,
    list_entries,
    matcher_for,
    screen_request,
    screening_finding,
)
from postkit.core.screening.service import (
    RequestDecidedError,
    answer_item,
    confirm_answer,
    create_request,
    decide,
    get_request,
    list_requests,
    update_request,
)

ACTOR = "Tess Tester"
# Decided with checklist steps still open, which takes a reason.
OPEN_REASON = "Decided on the screening alone for this test."
SAMPLE = resources_dir() / "sanctions" / "sample-targets.simple.csv"
COLUMNS = ("id", "schema", "name", "aliases", "birth_date", "countries", "last_change")
DATA = RequestInput(
    company_name="Oranje Delta Agro B.V.",
    support_kind="letter_of_support",
    requested_on=date(2026, 3, 2),
    directors=("Peter van der Fictiehoven", "Erik Jansen"),
)


def _write_list(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def _generated_rows(count: int) -> list[list[str]]:
    first = ("Anton", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Gulnara", "Hamid")
    last = ("Orlovsky", "Petrenko", "Quarles", "Rahimov", "Sokolova", "Tagirov", "Usmanov")
    return [
        [
            f"gen-{i:05d}",
            "Person",
            f"{first[i % len(first)]} {last[(i // len(first)) % len(last)]}{i}",
            "",
            "1970-01-01",
            "ru",
            f"2025-01-{1 + i % 28:02d}T00:00:00",
        ]
        for i in range(count)
    ]


@pytest.fixture
def sample_list(session: Session) -> SanctionsListInfo:
    return import_sanctions_list(session, SAMPLE, ACTOR)


@pytest.fixture(autouse=True)
def _fresh_matchers() -> None:
    sanctions_store.clear_matcher_cache()


def test_importing_the_sample_stores_every_entry(session: Session) -> None:
    assert current_list(session) is None
    listing = read_sanctions_csv(SAMPLE)

    info = import_sanctions_list(session, SAMPLE, ACTOR)

    assert info.file_name == "sample-targets.simple.csv"
    assert info.sha256 == listing.sha256
    assert info.entry_count == 41
    assert info.list_date == max(entry.last_change for entry in listing.entries)
    assert info.imported_by == ACTOR
    assert current_list(session) == info
    assert list_entries(session, info.id) == list(listing.entries)
    logged = session.scalar(
        select(AuditEntryRow.details).where(AuditEntryRow.action == "sanctions_list_imported")
    )
    assert listing.sha256 in logged
    assert verify_chain(session).is_intact


def test_reimporting_the_current_list_changes_nothing(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    again = import_sanctions_list(session, SAMPLE, ACTOR)

    assert again == sample_list
    assert session.scalar(select(func.count()).select_from(SanctionsListRow)) == 1


def test_a_newer_list_becomes_current(
    session: Session, sample_list: SanctionsListInfo, tmp_path: Path
) -> None:
    path = _write_list(tmp_path / "newer.csv", _generated_rows(100))

    newer = import_sanctions_list(session, path, ACTOR)

    assert newer.id != sample_list.id
    assert newer.entry_count == 100
    assert newer.list_date == "2025-01-28T00:00:00"
    assert current_list(session) == newer
    assert len(list_entries(session, sample_list.id)) == 41


def test_a_file_with_a_bad_row_imports_nothing(session: Session, tmp_path: Path) -> None:
    rows = _generated_rows(100)
    rows[60][0] = rows[10][0]
    path = _write_list(tmp_path / "broken.csv", rows)

    with pytest.raises(PostkitError, match=r"broken\.csv, row 62"):
        import_sanctions_list(session, path, ACTOR)

    assert current_list(session) is None
    assert session.scalar(select(func.count()).select_from(SanctionsEntryRow)) == 0


def test_a_failure_while_storing_rolls_the_whole_list_back(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_list(tmp_path / "list.csv", _generated_rows(100))

    def failing_log(*args: object) -> None:
        raise PostkitError("disk full")

    monkeypatch.setattr(list_import, "append_entry", failing_log)
    with pytest.raises(PostkitError, match="disk full"):
        import_sanctions_list(session, path, ACTOR)

    assert current_list(session) is None
    assert session.scalar(select(func.count()).select_from(SanctionsEntryRow)) == 0


def test_a_list_without_entries_is_refused(session: Session, tmp_path: Path) -> None:
    with pytest.raises(PostkitError, match="no entries"):
        import_sanctions_list(session, _write_list(tmp_path / "empty.csv", []), ACTOR)


def test_screening_a_generated_list_finds_an_exact_and_a_varied_name(
    session: Session, tmp_path: Path
) -> None:
    rows = _generated_rows(100)
    rows[42][2] = "Rustam Vladimirovich Kadyrbekov"
    rows[77][2] = "Zhanna Olegovna Miroshnichenko"
    import_sanctions_list(session, _write_list(tmp_path / "list.csv", rows), ACTOR)
    request = create_request(
        session,
        replace(
            DATA,
            company_name="Rustam Vladimirovich Kadyrbekov",
            directors=("Janna Miroshnichenko", "Erik Jansen"),
        ),
        ACTOR,
    )

    record = screen_request(session, request.id, ACTOR)

    by_subject = {match.subject: match for match in record.matches}
    exact = by_subject["Rustam Vladimirovich Kadyrbekov"]
    assert (exact.entry_id, exact.score, exact.subject_kind) == ("gen-00042", 100.0, "company")
    varied = by_subject["Janna Miroshnichenko"]
    assert varied.entry_id == "gen-00077"
    assert varied.subject_kind == "director"
    assert DEFAULT_THRESHOLD <= varied.score < 100
    assert "Erik Jansen" not in by_subject
    assert varied.explanation
    assert varied.entry_details["birth_date"] == ["1970-01-01"]
    assert varied.judgement is Judgement.OPEN


def test_screening_without_a_list_is_refused(session: Session) -> None:
    request = create_request(session, DATA, ACTOR)

    with pytest.raises(PostkitError, match="no sanctions list imported yet"):
        screen_request(session, request.id, ACTOR)


def test_the_matcher_of_a_list_is_built_once(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    first = matcher_for(session, sample_list.id)

    assert matcher_for(session, sample_list.id) is first
    assert first.entry_count == 41
    with pytest.raises(NotFoundError):
        matcher_for(session, 999)


def test_a_screening_records_the_list_and_the_candidates(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, DATA, ACTOR)

    record = screen_request(session, request.id, "Ann", threshold=75)

    assert record.screened_list == sample_list
    assert record.screened_at is not None
    assert record.matcher_version == MATCHER_VERSION
    assert record.match_threshold == 75
    [match] = record.matches
    assert match.subject == "Peter van der Fictiehoven"
    assert match.entry_id == "pk-sample-016"
    assert match.entry_name == "Pieter van der Fictiehoven"
    assert match.entry_schema == "Person"
    assert match.matched_name == "Peter van der Fictiehoven"
    assert match.entry_details["countries"] == ["nl", "sr"]
    assert record.answer("sanctions").answer is Answer.UNKNOWN
    assert list_requests(session)[0].open_matches == 1
    entry = entries_for(session, request.id)[-1]
    assert entry.action == "screened"
    assert entry.details["threshold"] == 75
    assert entry.details["candidates"][0]["entry_id"] == "pk-sample-016"


def test_judging_needs_a_note_for_confirmed_and_dismissed(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, DATA, ACTOR)
    [match] = screen_request(session, request.id, ACTOR).matches

    for judgement in (Judgement.CONFIRMED, Judgement.DISMISSED):
        with pytest.raises(ValidationError) as raised:
            judge_match(session, match.id, judgement, "  ", ACTOR)
        assert raised.value.field == "note"
    with pytest.raises(NotFoundError):
        judge_match(session, 999, Judgement.DISMISSED, "No.", ACTOR)

    record = judge_match(session, match.id, Judgement.CONFIRMED, "Same birth date.", "Ann")

    [judged] = record.matches
    assert judged.judgement is Judgement.CONFIRMED
    assert (judged.judged_by, judged.judgement_note) == ("Ann", "Same birth date.")
    assert judged.judged_at is not None
    assert record.answer("sanctions").updated_at is None, "the officer answers, not the judging"
    assert list_requests(session)[0].open_matches == 0
    entry = entries_for(session, request.id)[-1]
    assert entry.action == "judged"
    assert entry.details["judgement"] == {"old": "open", "new": "confirmed"}


def test_judgements_are_kept_when_the_request_is_screened_again(
    session: Session,
    sample_list: SanctionsListInfo,
) -> None:
    request = create_request(
        session, replace(DATA, directors=("Peter van der Fictiehoven", "Olga Scherbakova")), ACTOR
    )
    matches = {m.subject: m for m in screen_request(session, request.id, ACTOR).matches}
    judge_match(session, matches["Olga Scherbakova"].id, Judgement.DISMISSED, "Born 1990.", "Ann")

    record = screen_request(session, request.id, "Bob")

    again = {m.subject: m for m in record.matches}
    assert again["Olga Scherbakova"].judgement is Judgement.DISMISSED
    assert again["Olga Scherbakova"].judgement_note == "Born 1990."
    assert again["Olga Scherbakova"].judged_by == "Ann"
    assert again["Peter van der Fictiehoven"].judgement is Judgement.OPEN
    assert len(record.matches) == 2


def test_screening_leaves_the_sanctions_answer_to_the_officer(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, replace(DATA, directors=("Erik Jansen",)), ACTOR)

    record = screen_request(session, request.id, "Ann")

    assert record.matches == ()
    assert record.answer("sanctions").updated_at is None
    assert [entry.action for entry in entries_for(session, request.id)] == ["created", "screened"]
    finding = screening_finding(record)
    assert finding is not None
    assert (finding.candidates, finding.indicated_answer) == (0, Answer.NO)
    assert not finding.is_answered and not finding.needs_confirmation


def test_the_officers_answer_before_screening_is_kept_and_set_beside_the_result(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, DATA, ACTOR)
    answered = answer_item(
        session, request.id, "sanctions", Answer.NO, "Checked the EU list by hand.", actor="Ann"
    )
    given = answered.answer("sanctions")
    [match] = screen_request(session, request.id, "Bob").matches
    assert screening_finding(get_request(session, request.id)).indicated_answer is None  # type: ignore[union-attr]

    record = judge_match(session, match.id, Judgement.DISMISSED, "Born 1990.", "Bob")
    decision = Decision(Outcome.SUPPORT, "Clean.", open_steps_reason=OPEN_REASON)
    record = decide(session, request.id, decision, "Bob")

    assert record.answer("sanctions") == given
    finding = screening_finding(record)
    assert finding is not None
    assert (finding.dismissed, finding.open, finding.confirmed) == (1, 0, 0)
    assert finding.indicated_answer is Answer.NO
    assert finding.needs_confirmation, "answered before the candidate was dismissed"
    assert not finding.contradicts_answer


def test_confirming_an_answer_keeps_it_and_logs_who_confirmed(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, DATA, ACTOR)
    answer_item(session, request.id, "sanctions", Answer.NO, "By hand.", actor="Ann")
    [match] = screen_request(session, request.id, "Bob").matches
    judge_match(session, match.id, Judgement.CONFIRMED, "Same birth date.", "Bob")
    finding = screening_finding(get_request(session, request.id))
    assert finding is not None and finding.contradicts_answer

    with pytest.raises(ValidationError):
        confirm_answer(session, request.id, "gender", actor="Bob")
    record = confirm_answer(session, request.id, "sanctions", actor="Bob")

    answer = record.answer("sanctions")
    assert (answer.answer, answer.note, answer.updated_by) == (Answer.NO, "By hand.", "Bob")
    finding = screening_finding(record)
    assert finding is not None and not finding.needs_confirmation
    last = entries_for(session, request.id)[-1]
    assert (last.action, last.details) == ("confirmed", {"item": "sanctions", "answer": "no"})
    assert verify_chain(session).is_intact


def test_a_new_name_voids_the_earlier_screening(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, DATA, ACTOR)
    screen_request(session, request.id, ACTOR)

    record = update_request(session, request.id, replace(DATA, directors=("Erik Jansen",)), ACTOR)

    assert record.screened_at is None and record.screened_list is None
    assert entries_for(session, request.id)[-1].details["screening_voided"] is True
    record = update_request(
        session, request.id, replace(DATA, directors=("Erik Jansen",), kvk_number="1"), ACTOR
    )
    assert "screening_voided" not in entries_for(session, request.id)[-1].details


def test_open_candidates_must_be_judged_before_deciding(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, DATA, ACTOR)
    [match] = screen_request(session, request.id, ACTOR).matches
    decision = Decision(Outcome.DECLINE, "A director is sanctioned.", open_steps_reason=OPEN_REASON)

    with pytest.raises(ValidationError) as raised:
        decide(session, request.id, decision, ACTOR)
    assert raised.value.field == "matches"

    judge_match(session, match.id, Judgement.CONFIRMED, "Same person.", ACTOR)
    assert decide(session, request.id, decision, ACTOR).is_decided


def test_a_decided_request_cannot_be_screened_or_judged(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    request = create_request(session, DATA, ACTOR)
    [match] = screen_request(session, request.id, ACTOR).matches
    judge_match(session, match.id, Judgement.CONFIRMED, "Same person.", ACTOR)
    decided = decide(
        session,
        request.id,
        Decision(Outcome.DECLINE, "Sanctioned.", open_steps_reason=OPEN_REASON),
        ACTOR,
    )

    with pytest.raises(RequestDecidedError):
        screen_request(session, request.id, ACTOR)
    with pytest.raises(RequestDecidedError):
        judge_match(session, match.id, Judgement.DISMISSED, "Oops.", ACTOR)

    session.expire_all()
    assert get_request(session, request.id) == decided


def test_the_companys_country_raises_or_lowers_a_listed_company_and_says_why(
    session: Session, tmp_path: Path
) -> None:
    rows = [
        ["co-home", "Company", "Steppe Grain Trading", "", "", "nl", "2025-01-02T00:00:00"],
        ["co-away", "Company", "Steppe Grain Trading", "", "", "kz", "2025-01-02T00:00:00"],
    ]
    import_sanctions_list(session, _write_list(tmp_path / "list.csv", rows), ACTOR)
    request = create_request(
        session,
        replace(DATA, company_name="Steppe Grain Trading", company_country="NL", directors=()),
        ACTOR,
    )

    record = screen_request(session, request.id, ACTOR)

    by_entry = {match.entry_id: match for match in record.matches}
    home, away = by_entry["co-home"], by_entry["co-away"]
    assert away.score < home.score
    assert "country nl, listed kz (-10)" in away.explanation
    assert "country nl as listed (+3)" in home.explanation


def test_a_directors_date_of_birth_and_nationality_weigh_in_and_the_explanation_says_why(
    session: Session, tmp_path: Path
) -> None:
    rows = [
        ["p-same", "Person", "Anton Orlovsky", "", "1970-01-01", "ru", "2025-01-02T00:00:00"],
        ["p-other", "Person", "Anton Orlovsky", "", "1985-06-30", "by", "2025-01-02T00:00:00"],
    ]
    import_sanctions_list(session, _write_list(tmp_path / "list.csv", rows), ACTOR)
    data = replace(
        DATA,
        directors=("Anton Orlovsky", "Erik Jansen"),
        director_details=(DirectorDetails("Anton Orlovsky", "1970-01-01", "RU"),),
    )
    request = create_request(session, data, ACTOR)
    assert request.data.director_details == (DirectorDetails("Anton Orlovsky", "1970-01-01", "RU"),)

    record = screen_request(session, request.id, ACTOR)

    by_entry = {match.entry_id: match for match in record.matches}
    same, other = by_entry["p-same"], by_entry["p-other"]
    assert same.score > other.score
    assert "date of birth 1970-01-01 as listed (+5)" in same.explanation
    assert "country ru as listed (+3)" in same.explanation
    assert "date of birth 1970-01-01, listed 1985-06-30 (-20)" in other.explanation
    assert "country ru, listed by (-10)" in other.explanation
    dutch = explanation_text(other.explanation, "nl")
    assert "geboortedatum 1970-01-01, vermeld 1985-06-30 (-20)" in dutch
    assert "land ru, vermeld by (-10)" in dutch


def test_a_directors_details_are_checked_and_changing_them_voids_the_screening(
    session: Session, sample_list: SanctionsListInfo
) -> None:
    details = (DirectorDetails("Erik Jansen", "1961-13-40", ""),)
    with pytest.raises(ValidationError, match="director_details"):
        create_request(session, replace(DATA, director_details=details), ACTOR)
    details = (DirectorDetails("Erik Jansen", "", "XX"),)
    with pytest.raises(ValidationError, match="director_details"):
        create_request(session, replace(DATA, director_details=details), ACTOR)
    # Details of a name that is no director, or with nothing known, are not kept.
    stray = (DirectorDetails("Nobody", "1960", ""), DirectorDetails("Erik Jansen", "", ""))
    request = create_request(session, replace(DATA, director_details=stray), ACTOR)
    assert request.data.director_details == ()
    screen_request(session, request.id, ACTOR)

    known = (DirectorDetails("Erik Jansen", "1961-09", "nl"),)
    record = update_request(session, request.id, replace(DATA, director_details=known), ACTOR)

    assert record.data.director_details == (DirectorDetails("Erik Jansen", "1961-09", "NL"),)
    assert record.screened_at is None
    assert entries_for(session, request.id)[-1].details["screening_voided"] is True
