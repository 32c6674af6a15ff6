from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from postkit.core.errors import CancelledError, PostkitError
from postkit.core.screening import sanctions_store
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.list_import import import_list, import_sanctions_list
from postkit.core.screening.models import SupportRequestRow
from postkit.core.screening.records import (
    Decision,
    Judgement,
    Outcome,
    RequestInput,
    Status,
)
from postkit.core.screening.rescreening import (
    finish_rescreening,
    read_current_lists,
    rescreen_after_import,
    rescreen_report,
    year_before,
)
from postkit.core.screening.sanctions_store import current_lists, judge_match, screen_request
from postkit.core.screening.service import create_request, decide, get_request

ACTOR = "Tess Tester"
# Decided with checklist steps still open, which takes a reason.
OPEN_REASON = "Decided on the screening alone for this test."
TODAY = date.today()
COLUMNS = ("id", "schema", "name", "aliases", "birth_date", "countries", "last_change")
FIRST_LIST = [
    ["nk-fictiehoven", "Person", "Pieter van der Fictiehoven", "", "1958-04-02", "ru",
     "2025-01-10T00:00:00"],
    ["nk-orlovsky", "Person", "Anton Orlovsky", "", "1970-01-01", "ru", "2025-01-11T00:00:00"],
    ["nk-baltic", "Company", "Baltic Freight Lines LLC", "", "", "ru", "2025-01-12T00:00:00"],
]  # fmt: skip
ADDED_ENTRY = [
    "nk-jansen", "Person", "Erik Jansen", "Erik J. Jansen", "1961-09-30", "by",
    "2025-02-03T00:00:00",
]  # fmt: skip
DELTA = RequestInput(
    company_name="Oranje Delta Agro B.V.",
    support_kind="letter_of_support",
    requested_on=date(2026, 3, 2),
    directors=("Peter van der Fictiehoven", "Erik Jansen"),
)
NOTE = "Other person: born 1972 according to the KvK extract"
Result = TypeVar("Result")


def _write_list(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


@pytest.fixture(autouse=True)
def _fresh_matchers() -> Iterator[None]:
    sanctions_store.clear_matcher_cache()
    yield
    sanctions_store.clear_matcher_cache()


@pytest.fixture
def first_list(tmp_path: Path) -> Path:
    return _write_list(tmp_path / "targets-2025-01.csv", FIRST_LIST)


@pytest.fixture
def newer_list(tmp_path: Path) -> Path:
    return _write_list(tmp_path / "targets-2025-02.csv", [*FIRST_LIST, ADDED_ENTRY])


def _screened_and_dismissed(session: Session, first_list: Path) -> int:
    """A request screened on the first list, its one candidate dismissed."""
    import_sanctions_list(session, first_list, ACTOR, today=TODAY)
    request_id = create_request(session, DELTA, ACTOR).id
    record = screen_request(session, request_id, ACTOR)
    (candidate,) = record.matches
    assert candidate.entry_id == "nk-fictiehoven"
    judge_match(session, candidate.id, Judgement.DISMISSED, NOTE, "Ama Mensah")
    return request_id


def _decided(session: Session, request_id: int) -> None:
    decide(
        session,
        request_id,
        Decision(Outcome.SUPPORT, "No risks found.", open_steps_reason=OPEN_REASON),
        ACTOR,
    )


def _with_statements(session: Session, read: Callable[[], Result]) -> tuple[Result, list[str]]:
    """What `read` gives over a session holding nothing, with the SQL statements it ran."""
    session.commit()
    session.expunge_all()
    statements: list[str] = []

    def note(*args: object) -> None:
        statements.append(str(args[2]))

    bind = session.get_bind()
    event.listen(bind, "before_cursor_execute", note)
    try:
        return read(), statements
    finally:
        event.remove(bind, "before_cursor_execute", note)


def test_a_screening_re_run_on_a_newer_list_shows_only_the_new_candidate(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    request_id = _screened_and_dismissed(session, first_list)

    newer = import_sanctions_list(session, newer_list, ACTOR, today=TODAY)

    report = rescreen_report(session, newer.id)
    (rescreened,) = report.requests
    assert rescreened.request_id == request_id
    assert [m.entry_id for m in rescreened.new_candidates] == ["nk-jansen"]
    assert rescreened.new_candidates[0].subject == "Erik Jansen"
    assert rescreened.new_candidates[0].judgement is Judgement.OPEN
    (judged,) = rescreened.already_judged
    assert (judged.entry_id, judged.subject) == ("nk-fictiehoven", "Peter van der Fictiehoven")
    assert (judged.judgement, judged.judged_by, judged.judgement_note) == (
        Judgement.DISMISSED,
        "Ama Mensah",
        NOTE,
    )
    assert judged.judged_at is not None
    record = get_request(session, request_id)
    assert record.screened_list is not None and record.screened_list.id == newer.id
    to_judge = [m.entry_id for m in record.matches if m.judgement is Judgement.OPEN]
    assert to_judge == ["nk-jansen"], "the dismissed candidate is not asked again"
    assert report.new_candidate_count == 1
    # The report reads the candidates apart from the request's record: they are the same.
    assert [*rescreened.new_candidates, *rescreened.already_judged] == [
        match for match in record.matches if match.entry_id in {"nk-jansen", "nk-fictiehoven"}
    ]
    actions = [entry.action for entry in entries_for(session, request_id)]
    assert actions[-2:] == ["screened", "rescreened"]
    assert verify_chain(session).is_intact


def test_the_report_reads_its_requests_in_one_query_however_many(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    # One read of each request (and of its collections) made the screening page's lists
    # section take ~70 ms at ten times the demo data, on the thread the window shares.
    import_sanctions_list(session, first_list, ACTOR, today=TODAY)
    for number in range(3):
        data = replace(DELTA, company_name=f"Oranje Delta Agro {number} B.V.")
        screen_request(session, create_request(session, data, ACTOR).id, ACTOR)
    newer = import_sanctions_list(session, newer_list, ACTOR, today=TODAY)
    report, statements = _with_statements(session, lambda: rescreen_report(session, newer.id))

    assert len(report.requests) == 3
    assert all(request.new_candidates for request in report.requests)
    assert sum("FROM support_requests" in statement for statement in statements) == 1


def test_the_lists_read_after_each_change_give_what_is_left_to_judge_in_a_few_queries(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    # The screening page reads this after every change: a request's record each (five
    # queries and ~30 ms over the four lists at ten times the demo data) was too slow.
    import_sanctions_list(session, first_list, ACTOR, today=TODAY)
    ids = []
    for number, directors in enumerate([DELTA.directors] * 3 + [("Pieter Baltic",)] * 2):
        data = replace(DELTA, company_name=f"Oranje Delta Agro {number} B.V.", directors=directors)
        ids.append(screen_request(session, create_request(session, data, ACTOR).id, ACTOR).id)
    newer = import_sanctions_list(session, newer_list, ACTOR, today=TODAY)
    first_new = rescreen_report(session, newer.id).requests[0].new_candidates[0]
    judge_match(session, first_new.id, Judgement.DISMISSED, NOTE, ACTOR)
    lists, statements = _with_statements(session, lambda: read_current_lists(session))

    assert lists.rescreen is not None
    assert [request.request_id for request in lists.rescreen.requests] == ids[1:3]
    assert lists.rescreen.requests == rescreen_report(session, newer.id).still_to_judge().requests
    assert [info.id for info in lists.current] == [newer.id]
    assert len(statements) <= 6, statements


def test_a_decided_request_gets_the_new_candidate_and_keeps_its_decision(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    request_id = _screened_and_dismissed(session, first_list)
    _decided(session, request_id)
    before = get_request(session, request_id)

    newer = import_sanctions_list(session, newer_list, ACTOR, today=TODAY)

    after = get_request(session, request_id)
    assert after.status is Status.DECIDED
    assert (after.decision, after.decided_at, after.decided_by) == (
        before.decision,
        before.decided_at,
        before.decided_by,
    )
    assert after.answers == before.answers
    assert after.screened_list == before.screened_list, "the decision's screening record stays"
    assert all(m in after.matches for m in before.matches), "earlier candidates stay as judged"
    (new,) = [m for m in after.matches if m not in before.matches]
    assert (new.entry_id, new.judgement) == ("nk-jansen", Judgement.OPEN)
    last = entries_for(session, request_id)[-1]
    assert last.action == "rescreened"
    assert last.details["list_id"] == newer.id
    assert [c["entry_id"] for c in last.details["new_candidates"]] == ["nk-jansen"]
    assert [c["note"] for c in last.details["already_judged"]] == [NOTE]
    (rescreened,) = rescreen_report(session, newer.id).with_new_candidates
    assert rescreened.is_decided
    assert verify_chain(session).is_intact


def test_a_request_decided_more_than_a_year_ago_is_not_screened_again(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    request_id = _screened_and_dismissed(session, first_list)
    _decided(session, request_id)
    row = session.get(SupportRequestRow, request_id)
    assert row is not None
    row.decided_at = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    session.commit()
    log_length = len(entries_for(session, request_id))

    newer = import_sanctions_list(session, newer_list, ACTOR, today=date(2025, 5, 2))

    assert rescreen_report(session, newer.id).requests == ()
    assert len(entries_for(session, request_id)) == log_length
    assert len(get_request(session, request_id).matches) == 1


def test_a_request_never_screened_is_left_for_the_officer(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    import_sanctions_list(session, first_list, ACTOR, today=TODAY)
    request_id = create_request(session, DELTA, ACTOR).id

    newer = import_sanctions_list(session, newer_list, ACTOR, today=TODAY)

    assert rescreen_report(session, newer.id).requests == ()
    assert get_request(session, request_id).screened_at is None


def test_screening_again_twice_on_the_same_list_changes_nothing(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    open_id = _screened_and_dismissed(session, first_list)
    decided_id = create_request(session, DELTA, ACTOR).id
    screen_request(session, decided_id, ACTOR)
    (candidate,) = get_request(session, decided_id).matches
    judge_match(session, candidate.id, Judgement.DISMISSED, NOTE, ACTOR)
    _decided(session, decided_id)
    newer = import_sanctions_list(session, newer_list, ACTOR, today=TODAY)
    logs = {request_id: entries_for(session, request_id) for request_id in (open_id, decided_id)}

    report = rescreen_after_import(session, newer.id, ACTOR, TODAY)

    assert [r.request_id for r in report.requests] == [open_id, decided_id]
    assert {r: entries_for(session, r) for r in logs} == logs
    assert import_sanctions_list(session, newer_list, ACTOR, today=TODAY) == newer


def test_new_candidates_judged_since_drop_out_of_what_is_still_to_judge(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    request_id = _screened_and_dismissed(session, first_list)
    newer = import_sanctions_list(session, newer_list, ACTOR, today=TODAY)
    (new,) = rescreen_report(session, newer.id).requests[0].new_candidates
    assert rescreen_report(session, newer.id).new_candidate_ids(request_id) == {new.id}

    judge_match(session, new.id, Judgement.DISMISSED, "Born 1961, our director in 1980", ACTOR)

    report = rescreen_report(session, newer.id)
    assert report.requests[0].new_candidates[0].judgement is Judgement.DISMISSED
    assert report.still_to_judge().requests == ()


def test_only_the_current_list_is_used_for_screening_again(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    first = import_sanctions_list(session, first_list, ACTOR, today=TODAY)
    import_sanctions_list(session, newer_list, ACTOR, today=TODAY)

    with pytest.raises(PostkitError, match="not the current list"):
        rescreen_after_import(session, first.id, ACTOR, TODAY)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2026, 3, 2), date(2025, 3, 2)), (date(2028, 2, 29), date(2027, 2, 28))],
)
def test_a_year_before_a_leap_day_is_the_28th(today: date, expected: date) -> None:
    assert year_before(today) == expected


def test_cancelling_stops_after_the_request_in_hand_and_a_later_run_finishes_the_rest(
    session: Session, first_list: Path, newer_list: Path
) -> None:
    first = import_sanctions_list(session, first_list, ACTOR, today=TODAY)
    request_ids = [create_request(session, DELTA, ACTOR).id for _ in range(4)]
    for request_id in request_ids:
        screen_request(session, request_id, ACTOR)
    reported: list[tuple[int, int]] = []

    def cancel_after_two(done: int, total: int) -> None:
        reported.append((done, total))
        if done == 2:
            raise CancelledError()

    with pytest.raises(CancelledError):
        import_list(session, newer_list, ACTOR, TODAY, progress=cancel_after_two)

    assert reported == [(0, 4), (1, 4), (2, 4)]
    session.rollback()
    (newer,) = [info for info in current_lists(session) if info.file_name == newer_list.name]
    assert newer.rescreened_at is None
    done = [r.request_id for r in rescreen_report(session, newer.id).requests]
    assert done == request_ids[:2]
    for request_id in request_ids:
        record = get_request(session, request_id)
        entry_ids = sorted(match.entry_id for match in record.matches)
        rescreened = request_id in done
        assert entry_ids == (["nk-fictiehoven", "nk-jansen"] if rescreened else ["nk-fictiehoven"])
        assert {listing.id for listing in record.screened_lists} == (
            {newer.id} if rescreened else {first.id}
        )
    assert verify_chain(session).is_intact

    assert finish_rescreening(session, ACTOR, TODAY) == [newer.id]

    report = rescreen_report(session, newer.id)
    assert [r.request_id for r in report.requests] == request_ids
    assert all(len(r.new_candidates) == 1 for r in report.requests)
    for request_id in request_ids:
        logged = [e for e in entries_for(session, request_id) if e.action == "rescreened"]
        assert len(logged) == 1
