from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.errors import NotFoundError, ValidationError
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.records import (
    Answer,
    Decision,
    Outcome,
    RequestInput,
    Status,
)
from postkit.core.screening.service import (
    RequestDecidedError,
    add_evidence,
    answer_item,
    create_request,
    decide,
    get_request,
    list_requests,
    remove_evidence,
    reopen,
    update_request,
)
from postkit.core.screening.steps import open_steps

ACTOR = "Tess Tester"
DATA = RequestInput(
    company_name="Zuidwind Energie B.V.",
    support_kind="trade_mission",
    requested_on=date(2026, 3, 2),
    kvk_number="12345678",
    company_country="NL",
    company_sector="energy_renewables",
    employees=120,
    turnover_eur=30_000_000,
    balance_sheet_eur=10_000_000,
    directors=("Anna de Boer", "Karel Smit"),
    operating_country="KE",
    operating_sector="energy_renewables",
    needed_by=date(2026, 5, 1),
    handled_by="Tess Tester",
    description="Wind turbines for Lake Turkana",
)
# These tests decide with the checklist still open, which takes a reason.
OPEN_REASON = "The trade mission leaves tomorrow; the checklist follows."
SUPPORT = Decision(
    Outcome.SUPPORT, "No red flags; due diligence in place.", open_steps_reason=OPEN_REASON
)


@pytest.fixture
def request_id(session: Session) -> int:
    return create_request(session, DATA, ACTOR).id


def _actions(session: Session, request_id: int) -> list[str]:
    return [entry.action for entry in entries_for(session, request_id)]


def test_a_new_request_is_stored_open_and_logged(session: Session) -> None:
    record = create_request(session, replace(DATA, company_name="  Zuidwind Energie B.V. "), ACTOR)

    assert record.status is Status.OPEN
    assert record.data == DATA
    assert record.decision is None
    assert record.created_by == record.updated_by == ACTOR
    assert get_request(session, record.id) == record
    [entry] = entries_for(session, record.id)
    assert (entry.action, entry.actor) == ("created", ACTOR)
    assert entry.details["company_name"] == "Zuidwind Energie B.V."
    assert entry.details["directors"] == ["Anna de Boer", "Karel Smit"]
    assert entry.details["requested_on"] == "2026-03-02"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"company_name": "   "}, "company_name"),
        ({"company_name": "x" * 301}, "company_name"),
        ({"support_kind": "free_lunch"}, "support_kind"),
        ({"company_country": "XX"}, "company_country"),
        ({"operating_country": "Kenya"}, "operating_country"),
        ({"company_sector": "tulips"}, "company_sector"),
        ({"operating_sector": "tulips"}, "operating_sector"),
        ({"employees": -1}, "employees"),
        ({"turnover_eur": -5}, "turnover_eur"),
        ({"balance_sheet_eur": 1.5}, "balance_sheet_eur"),
        ({"kvk_number": "1" * 21}, "kvk_number"),
        ({"needed_by": date(2026, 3, 1)}, "needed_by"),
    ],
)
def test_invalid_requests_are_refused_naming_the_field(
    session: Session, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        create_request(session, replace(DATA, **changes), ACTOR)

    assert raised.value.field == field
    assert list_requests(session) == []
    assert verify_chain(session).entries == 0


def test_codes_are_tidied_before_they_are_checked(session: Session) -> None:
    record = create_request(
        session,
        replace(DATA, company_country="nl", operating_sector="", directors=(" A  B ", "", "A B")),
        ACTOR,
    )

    assert record.data.company_country == "NL"
    assert record.data.operating_sector is None
    assert record.data.directors == ("A B",)


def test_an_update_logs_each_changed_field_with_old_and_new(
    session: Session, request_id: int
) -> None:
    record = update_request(
        session, request_id, replace(DATA, employees=140, directors=("Anna de Boer",)), "Ann"
    )

    assert record.data.employees == 140
    assert record.updated_by == "Ann"
    entry = entries_for(session, request_id)[-1]
    assert entry.action == "updated"
    assert entry.details["changes"] == {
        "employees": {"old": 120, "new": 140},
        "directors": {"old": ["Anna de Boer", "Karel Smit"], "new": ["Anna de Boer"]},
    }


def test_an_update_that_changes_nothing_is_not_logged(session: Session, request_id: int) -> None:
    update_request(session, request_id, DATA, "Ann")

    assert _actions(session, request_id) == ["created"]
    assert get_request(session, request_id).updated_by == ACTOR


def test_an_unknown_request_is_not_found(session: Session) -> None:
    with pytest.raises(NotFoundError, match="support request 42"):
        get_request(session, 42)
    with pytest.raises(NotFoundError):
        update_request(session, 42, DATA, ACTOR)


def test_answering_an_item_stores_note_and_links_and_logs_it(
    session: Session, request_id: int
) -> None:
    record = answer_item(
        session,
        request_id,
        "imvo_declaration",
        Answer.YES,
        " Signed. ",
        ["https://example.org/imvo", "www.example.org", "mailto:ceo@example.org", " "],
        actor="Ann",
    )

    answer = record.answer("imvo_declaration")
    assert answer.answer is Answer.YES
    assert answer.note == "Signed."
    assert answer.links == ("https://example.org/imvo", "www.example.org", "mailto:ceo@example.org")
    assert answer.updated_by == "Ann"
    assert record.answer("gender").answer is Answer.UNKNOWN
    entry = entries_for(session, request_id)[-1]
    assert entry.action == "answered"
    assert entry.details["item"] == "imvo_declaration"
    assert entry.details["answer"] == {"old": "unknown", "new": "yes"}

    answer_item(session, request_id, "imvo_declaration", "no", "Signed.", answer.links, actor="A")
    assert entries_for(session, request_id)[-1].details == {
        "item": "imvo_declaration",
        "answer": {"old": "yes", "new": "no"},
    }


@pytest.mark.parametrize(
    ("item", "answer", "links", "field"),
    [
        ("free_lunch", Answer.YES, (), "item"),
        ("gender", "maybe", (), "answer"),
        ("gender", Answer.YES, ("ftp://example.org/x",), "links"),
        ("gender", Answer.YES, ("example.org",), "links"),
    ],
)
def test_invalid_answers_are_refused(
    session: Session, request_id: int, item: str, answer: str, links: tuple[str, ...], field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        answer_item(session, request_id, item, answer, "", links, actor=ACTOR)

    assert raised.value.field == field
    assert get_request(session, request_id).answers == {}
    assert _actions(session, request_id) == ["created"]


def test_evidence_is_copied_attached_to_its_item_and_removable(
    session: Session, database: Database, request_id: int, tmp_path: Path
) -> None:
    source = tmp_path / "declaration.pdf"
    source.write_bytes(b"%PDF-1.4 signed")

    record = add_evidence(session, database.files_dir, request_id, "imvo_declaration", source, "A")

    [evidence] = record.answer("imvo_declaration").evidence
    assert evidence.file_name == "declaration.pdf"
    assert (database.files_dir / "attachments" / evidence.stored_name).read_bytes() == (
        b"%PDF-1.4 signed"
    )
    with pytest.raises(ValidationError, match="already attached"):
        add_evidence(session, database.files_dir, request_id, "imvo_declaration", source, "A")
    with pytest.raises(ValidationError):
        add_evidence(session, database.files_dir, request_id, "free_lunch", source, "A")

    record = remove_evidence(session, request_id, evidence.stored_name, "A")

    assert record.answer("imvo_declaration").evidence == ()
    assert _actions(session, request_id) == ["created", "evidence_added", "evidence_removed"]
    assert entries_for(session, request_id)[1].details["sha256"] == evidence.sha256
    with pytest.raises(NotFoundError):
        remove_evidence(session, request_id, evidence.stored_name, "A")


def test_deciding_needs_a_rationale(session: Session, request_id: int) -> None:
    with pytest.raises(ValidationError) as raised:
        decide(session, request_id, Decision(Outcome.SUPPORT, "  "), ACTOR)

    assert raised.value.field == "rationale"
    assert get_request(session, request_id).status is Status.OPEN


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"conditions": ""}, "conditions"),
        ({"conditions_due": None}, "conditions_due"),
        ({"follow_up_on": None}, "follow_up_on"),
    ],
)
def test_support_with_conditions_needs_conditions_a_due_date_and_a_follow_up(
    session: Session, request_id: int, changes: dict[str, object], field: str
) -> None:
    complete = Decision(
        Outcome.SUPPORT_WITH_CONDITIONS,
        "Gaps in monitoring.",
        conditions="Monitor suppliers yearly.",
        conditions_due=date(2026, 9, 1),
        follow_up_on=date(2026, 9, 15),
        open_steps_reason=OPEN_REASON,
    )
    with pytest.raises(ValidationError) as raised:
        decide(session, request_id, replace(complete, **changes), ACTOR)
    assert raised.value.field == field

    record = decide(session, request_id, complete, ACTOR)
    assert replace(record.decision, open_steps=()) == complete
    assert list_requests(session)[0].follow_up_on == date(2026, 9, 15)


def test_conditions_are_refused_with_another_outcome(session: Session, request_id: int) -> None:
    with pytest.raises(ValidationError) as raised:
        decide(session, request_id, replace(SUPPORT, conditions="Do better."), ACTOR)
    assert raised.value.field == "conditions"


def test_deciding_with_open_steps_needs_a_reason_kept_with_the_decision(
    session: Session, request_id: int
) -> None:
    plain = Decision(Outcome.SUPPORT, "Looks fine.")
    with pytest.raises(ValidationError) as raised:
        decide(session, request_id, plain, ACTOR)
    assert raised.value.field == "open_steps_reason"
    assert "12 checklist step(s) are open" in str(raised.value)
    assert get_request(session, request_id).status is Status.OPEN

    record = decide(
        session, request_id, replace(plain, open_steps_reason=f"  {OPEN_REASON} "), ACTOR
    )

    assert record.decision.open_steps_reason == OPEN_REASON
    assert len(record.decision.open_steps) == 12
    assert record.decision.open_steps == open_steps(record)
    assert "sanctions" in record.decision.open_steps
    entry = entries_for(session, request_id)[-1]
    assert entry.details["open_steps"] == list(record.decision.open_steps)
    assert entry.details["open_steps_reason"] == OPEN_REASON
    reopened = reopen(session, request_id, "New facts.", ACTOR)
    assert reopened.decision is None
    assert (
        entries_for(session, request_id)[-1].details["earlier_decision"]["open_steps_reason"]
        == OPEN_REASON
    )


def test_a_decision_closes_the_request_and_is_logged(session: Session, request_id: int) -> None:
    record = decide(session, request_id, SUPPORT, "Ann")

    assert record.status is Status.DECIDED and record.is_decided
    assert replace(record.decision, open_steps=()) == SUPPORT
    assert record.decided_by == "Ann"
    assert record.decided_at is not None
    entry = entries_for(session, request_id)[-1]
    assert entry.action == "decided"
    assert entry.details["outcome"] == "support"
    assert entry.details["rationale"] == SUPPORT.rationale


def test_a_decided_request_refuses_every_change_until_reopened(
    session: Session, database: Database, request_id: int, tmp_path: Path
) -> None:
    source = tmp_path / "evidence.txt"
    source.write_text("evidence")
    add_evidence(session, database.files_dir, request_id, "gender", source, ACTOR)
    stored_name = get_request(session, request_id).answer("gender").evidence[0].stored_name
    decided = decide(session, request_id, SUPPORT, ACTOR)
    log_length = len(entries_for(session, request_id))

    attempts = [
        lambda: update_request(session, request_id, replace(DATA, employees=1), ACTOR),
        lambda: answer_item(session, request_id, "gender", Answer.NO, actor=ACTOR),
        lambda: add_evidence(session, database.files_dir, request_id, "dd_embed", source, ACTOR),
        lambda: remove_evidence(session, request_id, stored_name, ACTOR),
        lambda: decide(session, request_id, replace(SUPPORT, rationale="Again."), ACTOR),
    ]
    for attempt in attempts:
        with pytest.raises(RequestDecidedError) as raised:
            attempt()
        message = str(raised.value)
        assert f"was decided on {decided.decided_at.date().isoformat()}" in message
        assert "reopen it first, giving a reason" in message

    session.expire_all()
    assert get_request(session, request_id) == decided
    assert len(entries_for(session, request_id)) == log_length


def test_reopening_needs_a_reason_and_logs_it_with_the_earlier_decision(
    session: Session, request_id: int
) -> None:
    decide(session, request_id, SUPPORT, "Ann")
    with pytest.raises(ValidationError) as raised:
        reopen(session, request_id, " ", ACTOR)
    assert raised.value.field == "reason"

    record = reopen(session, request_id, "New allegations in the press.", "Bob")

    assert record.status is Status.OPEN
    assert record.decision is None and record.decided_at is None
    entry = entries_for(session, request_id)[-1]
    assert (entry.action, entry.actor) == ("reopened", "Bob")
    assert entry.details["reason"] == "New allegations in the press."
    assert entry.details["earlier_decision"]["outcome"] == "support"
    assert entry.details["earlier_decision"]["decided_by"] == "Ann"
    assert _actions(session, request_id) == ["created", "decided", "reopened"]

    record = answer_item(session, request_id, "ncp_allegations", Answer.YES, actor="Bob")
    assert record.answer("ncp_allegations").answer is Answer.YES
    record = decide(
        session,
        request_id,
        Decision(Outcome.REFER_TO_HQ, "Ask HQ.", open_steps_reason=OPEN_REASON),
        "Bob",
    )
    assert record.decision.outcome is Outcome.REFER_TO_HQ
    assert verify_chain(session).is_intact


def test_only_a_decided_request_can_be_reopened(session: Session, request_id: int) -> None:
    with pytest.raises(ValidationError) as raised:
        reopen(session, request_id, "Why not.", ACTOR)
    assert raised.value.field == "status"


def test_the_list_is_newest_first_and_filters_by_status_and_text(session: Session) -> None:
    older = create_request(session, replace(DATA, requested_on=date(2026, 1, 5)), ACTOR)
    newer = create_request(
        session,
        replace(DATA, company_name="Noordster Agro B.V.", directors=("Piet Hein",)),
        ACTOR,
    )
    decide(session, older.id, SUPPORT, ACTOR)

    rows = list_requests(session)
    assert [row.id for row in rows] == [newer.id, older.id]
    assert rows[1].status is Status.DECIDED and rows[1].outcome is Outcome.SUPPORT
    assert rows[0].open_matches == 0
    assert [row.id for row in list_requests(session, Status.OPEN)] == [newer.id]
    assert [row.id for row in list_requests(session, Status.DECIDED)] == [older.id]
    assert [row.id for row in list_requests(session, text="noordster")] == [newer.id]
    assert [row.id for row in list_requests(session, text="piet HEIN")] == [newer.id]
    assert list_requests(session, text="100%") == []
