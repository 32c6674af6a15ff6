from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.errors import NotFoundError, ValidationError
from postkit.core.followups.records import FollowUpInput, FollowUpStatus, NextStep
from postkit.core.followups.service import (
    add_follow_up,
    decide_with_conditions,
    due_between,
    due_this_week_count,
    follow_ups,
    next_step,
    overdue,
    reopen_with_conditions,
    set_status,
    update_follow_up,
)
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.records import Decision, Outcome, RequestInput, Status
from postkit.core.screening.service import create_request, get_request

ACTOR = "Tess Tester"
REQUEST = RequestInput(
    company_name="Zuidwind Energie B.V.",
    support_kind="trade_mission",
    requested_on=date(2026, 3, 2),
    handled_by=ACTOR,
)
WITH_CONDITIONS = Decision(
    Outcome.SUPPORT_WITH_CONDITIONS,
    "Supplier audit missing.",
    open_steps_reason="The mission leaves tomorrow.",
)


def _condition(text: str, due: date | None, owner: str = "Piet") -> FollowUpInput:
    return FollowUpInput("condition", text, due_on=due, owner=owner)


@pytest.fixture
def request_id(session: Session) -> int:
    return create_request(session, REQUEST, ACTOR).id


@pytest.fixture
def activity_id(session: Session) -> int:
    data = ActivityInput(1, "Risk scan training", date(2026, 4, 1), "training")
    return create_activity(session, data, ACTOR).id


def test_each_condition_of_a_decision_becomes_an_open_follow_up_with_its_own_due_date(
    session: Session, request_id: int
) -> None:
    record = decide_with_conditions(
        session,
        request_id,
        WITH_CONDITIONS,
        [
            _condition("Hand in the supplier audit", date(2026, 6, 1), "Piet"),
            _condition("  Sign the IMVO declaration ", date(2026, 4, 15), "Anna"),
        ],
        ACTOR,
    )

    assert record.status is Status.DECIDED
    assert record.decision is not None
    assert record.decision.conditions == "Hand in the supplier audit\nSign the IMVO declaration"
    assert record.decision.conditions_due == date(2026, 4, 15)
    found = follow_ups(session, request_id=request_id)
    assert [(f.data.description, f.data.due_on, f.data.owner, f.status) for f in found] == [
        ("Sign the IMVO declaration", date(2026, 4, 15), "Anna", FollowUpStatus.OPEN),
        ("Hand in the supplier audit", date(2026, 6, 1), "Piet", FollowUpStatus.OPEN),
    ]
    assert {f.source_title for f in found} == {"Zuidwind Energie B.V."}
    assert {f.company_name for f in found} == {"Zuidwind Energie B.V."}


def test_a_refused_decision_leaves_no_follow_up_behind(session: Session, request_id: int) -> None:
    no_reason = Decision(Outcome.SUPPORT_WITH_CONDITIONS, "")

    with pytest.raises(ValidationError):
        decide_with_conditions(
            session, request_id, no_reason, [_condition("Audit", date(2026, 6, 1))], ACTOR
        )

    assert follow_ups(session, request_id=request_id) == []
    assert get_request(session, request_id).status is Status.OPEN


def test_a_condition_without_text_is_refused(session: Session, request_id: int) -> None:
    with pytest.raises(ValidationError) as error:
        decide_with_conditions(session, request_id, WITH_CONDITIONS, [_condition(" ", None)], ACTOR)
    assert error.value.field == "description"


def test_an_action_belongs_to_an_activity_and_a_condition_to_a_request(
    session: Session,
) -> None:
    with pytest.raises(ValidationError) as error:
        add_follow_up(session, FollowUpInput("action", "Send the slides"), ACTOR)
    assert error.value.field == "activity_id"
    with pytest.raises(NotFoundError):
        add_follow_up(session, FollowUpInput("action", "Send", activity_id=999), ACTOR)
    with pytest.raises(ValidationError) as error:
        add_follow_up(session, FollowUpInput("visit", "x", activity_id=1), ACTOR)
    assert error.value.field == "kind"


def test_an_activity_action_carries_the_activity_title(session: Session, activity_id: int) -> None:
    added = add_follow_up(
        session,
        FollowUpInput(
            "action", "Send the slides", date(2026, 4, 8), "Anna", activity_id=activity_id
        ),
        ACTOR,
    )
    assert added.source_title == "Risk scan training"
    assert added.company_name is None
    changed = update_follow_up(
        session,
        added.id,
        FollowUpInput(
            "action", "Send slides and notes", date(2026, 4, 9), "Anna", activity_id=activity_id
        ),
        ACTOR,
    )
    assert (changed.data.description, changed.data.due_on) == (
        "Send slides and notes",
        date(2026, 4, 9),
    )
    assert follow_ups(session, activity_id=activity_id) == [changed]


def test_dropping_needs_a_reason(session: Session, activity_id: int) -> None:
    added = add_follow_up(session, FollowUpInput("action", "Visit", activity_id=activity_id), ACTOR)
    with pytest.raises(ValidationError) as error:
        set_status(session, added.id, "dropped", "  ", ACTOR)
    assert error.value.field == "status_note"
    dropped = set_status(session, added.id, "dropped", "The company left the country", ACTOR)
    assert (dropped.status, dropped.status_note, dropped.status_changed_by) == (
        FollowUpStatus.DROPPED,
        "The company left the country",
        ACTOR,
    )
    assert dropped.status_changed_at is not None


def test_not_met_goes_into_the_screening_log_with_dialogue_first_then_reconsidering(
    session: Session, request_id: int
) -> None:
    decide_with_conditions(
        session,
        request_id,
        WITH_CONDITIONS,
        [_condition("Audit", date(2026, 6, 1)), _condition("Declaration", date(2026, 5, 1))],
        ACTOR,
    )
    declaration, audit = follow_ups(session, request_id=request_id)
    assert next_step(session, declaration.id) is NextStep.DIALOGUE

    set_status(session, declaration.id, "not_met", "Not signed after two reminders", ACTOR)
    assert next_step(session, audit.id) is NextStep.RECONSIDER
    set_status(session, audit.id, "not_met", "No audit", ACTOR)

    logged = [e for e in entries_for(session, request_id) if e.action == "condition_status"]
    assert [(e.details["condition"], e.details["next_step"]) for e in logged] == [
        ("Declaration", "dialogue"),
        ("Audit", "reconsider"),
    ]
    assert logged[0].details["status"] == {"old": "open", "new": "not_met"}
    assert logged[0].details["note"] == "Not signed after two reminders"
    assert verify_chain(session).is_intact


def test_undoing_a_status_puts_it_back_open_and_logs_that_too(
    session: Session, request_id: int
) -> None:
    decide_with_conditions(
        session, request_id, WITH_CONDITIONS, [_condition("Audit", date(2026, 6, 1))], ACTOR
    )
    [audit] = follow_ups(session, request_id=request_id)
    set_status(session, audit.id, "met", "", ACTOR)
    back = set_status(session, audit.id, "open", "", ACTOR)
    assert (back.status, back.status_changed_at, back.status_changed_by) == (
        FollowUpStatus.OPEN,
        None,
        "",
    )
    logged = [
        e.details["status"]
        for e in entries_for(session, request_id)
        if e.action == "condition_status"
    ]
    assert logged == [{"old": "open", "new": "met"}, {"old": "met", "new": "open"}]


def test_due_lists_overdue_and_this_weeks_count(session: Session, activity_id: int) -> None:
    def add(text: str, due: date | None) -> int:
        return add_follow_up(
            session, FollowUpInput("action", text, due, activity_id=activity_id), ACTOR
        ).id

    # Wednesday 10 June 2026: its week runs from Monday 8 to Sunday 14 June.
    today = date(2026, 6, 10)
    late = add("late", date(2026, 5, 20))
    monday = add("monday", date(2026, 6, 8))
    sunday = add("sunday", date(2026, 6, 14))
    add("next week", date(2026, 6, 15))
    add("no date", None)
    met = add("met this week", date(2026, 6, 11))
    set_status(session, met, "met", "", ACTOR)

    assert due_this_week_count(session, today) == 2
    assert [f.id for f in overdue(session, today)] == [late, monday]
    june = due_between(session, date(2026, 6, 1), date(2026, 6, 30))
    assert [f.data.description for f in june] == ["monday", "met this week", "sunday", "next week"]
    assert next(f for f in june if f.id == monday).is_overdue(today)
    assert not next(f for f in june if f.id == sunday).is_overdue(today)
    assert [f.data.description for f in follow_ups(session, open_only=True)] == [
        "late",
        "monday",
        "sunday",
        "next week",
        "no date",
    ]


def test_reopening_drops_the_open_conditions_with_the_reason(
    session: Session, request_id: int
) -> None:
    decide_with_conditions(
        session, request_id, WITH_CONDITIONS, [_condition("Audit", date(2026, 6, 1))], ACTOR
    )
    reopen_with_conditions(session, request_id, "New facts came in", ACTOR)

    [audit] = follow_ups(session, request_id=request_id)
    assert (audit.status, audit.status_note) == (FollowUpStatus.DROPPED, "New facts came in")
    assert get_request(session, request_id).status is Status.OPEN


def test_a_condition_without_a_due_date_is_refused(session: Session, request_id: int) -> None:
    with pytest.raises(ValidationError) as error:
        decide_with_conditions(
            session, request_id, WITH_CONDITIONS, [_condition("Audit", None)], ACTOR
        )
    assert error.value.field == "conditions_due"
    assert follow_ups(session) == []


def test_a_status_change_with_its_planned_next_step_is_undone_whole(
    session: Session, request_id: int
) -> None:
    from postkit.core.followups.commands import ChangeStatus

    decide_with_conditions(
        session, request_id, WITH_CONDITIONS, [_condition("Audit", date(2026, 6, 1))], ACTOR
    )
    [audit] = follow_ups(session, request_id=request_id)
    step = FollowUpInput(
        "condition", "Talk about the audit", date(2026, 6, 15), request_id=request_id
    )
    command = ChangeStatus(audit.id, "not_met", "No audit", ACTOR, next_step=step)

    command.apply(session)
    assert [(f.data.description, f.status) for f in follow_ups(session, request_id=request_id)] == [
        ("Audit", FollowUpStatus.NOT_MET),
        ("Talk about the audit", FollowUpStatus.OPEN),
    ]
    command.revert(session)
    assert [(f.data.description, f.status) for f in follow_ups(session, request_id=request_id)] == [
        ("Audit", FollowUpStatus.OPEN)
    ]
    command.apply(session)
    assert len(follow_ups(session, request_id=request_id)) == 2


def test_an_activitys_actions_follow_its_follow_up_lines_and_undo_with_it(
    session: Session, activity_id: int
) -> None:
    from postkit.core.activities.commands import UpdateActivity
    from postkit.core.activities.service import get_activity
    from postkit.core.followups.commands import WithActions
    from postkit.core.followups.service import sync_activity_actions

    def action(text: str, due: date | None, owner: str = "Anna") -> FollowUpInput:
        return FollowUpInput("action", text, due, owner)

    sync_activity_actions(
        session,
        activity_id,
        [action("Send the slides", date(2026, 4, 8)), action("Call RVO", date(2026, 4, 20))],
        ACTOR,
    )
    [slides] = [
        f for f in follow_ups(session, activity_id=activity_id) if "slides" in f.data.description
    ]
    set_status(session, slides.id, "met", "", ACTOR)

    data = get_activity(session, activity_id).data
    command = WithActions(
        UpdateActivity(activity_id, data, ACTOR),
        [action("Call RVO", date(2026, 5, 1), "Piet"), action("Visit the mine", date(2026, 6, 1))],
        ACTOR,
    )
    command.apply(session)
    assert [
        (f.data.description, f.data.due_on, f.data.owner, f.status)
        for f in follow_ups(session, activity_id=activity_id)
    ] == [
        # Met already: kept, though its line is gone.
        ("Send the slides", date(2026, 4, 8), "Anna", FollowUpStatus.MET),
        ("Call RVO", date(2026, 5, 1), "Piet", FollowUpStatus.OPEN),
        ("Visit the mine", date(2026, 6, 1), "Anna", FollowUpStatus.OPEN),
    ]
    command.revert(session)
    assert [
        (f.data.description, f.data.due_on, f.data.owner)
        for f in follow_ups(session, activity_id=activity_id)
    ] == [
        ("Send the slides", date(2026, 4, 8), "Anna"),
        ("Call RVO", date(2026, 4, 20), "Anna"),
    ]
