"""Core task 4 per quarter: requests received and decided, outcomes, conditions agreed and met."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from postkit.core.followups.figures import screening_rows, screening_year
from postkit.core.followups.models import FollowUpRow
from postkit.core.followups.records import FollowUpInput
from postkit.core.followups.service import decide_with_conditions, follow_ups, set_status
from postkit.core.screening.models import SupportRequestRow
from postkit.core.screening.records import Decision, Outcome, RequestInput
from postkit.core.screening.service import create_request, decide

ACTOR = "Tess"
WHY = "The mission leaves tomorrow."


def _request(session: Session, name: str, on: date) -> int:
    return create_request(
        session, RequestInput(name, "trade_mission", requested_on=on, handled_by=ACTOR), ACTOR
    ).id


def _decided_on(session: Session, request_id: int, moment: datetime) -> None:
    session.execute(
        update(SupportRequestRow)
        .where(SupportRequestRow.id == request_id)
        .values(decided_at=moment)
    )
    session.execute(
        update(FollowUpRow).where(FollowUpRow.request_id == request_id).values(created_at=moment)
    )
    session.commit()


def test_requests_outcomes_and_conditions_per_quarter(session: Session) -> None:
    plain = _request(session, "Alfa", date(2026, 2, 10))
    decide(session, plain, Decision(Outcome.SUPPORT, "Fine", open_steps_reason=WHY), ACTOR)
    _decided_on(session, plain, datetime(2026, 3, 31, 23, 0, tzinfo=UTC))
    conditional = _request(session, "Bravo", date(2026, 3, 20))
    decide_with_conditions(
        session,
        conditional,
        Decision(Outcome.SUPPORT_WITH_CONDITIONS, "Gaps", open_steps_reason=WHY),
        [
            FollowUpInput("condition", "Audit", date(2026, 6, 1)),
            FollowUpInput("condition", "Declaration", date(2026, 5, 1)),
        ],
        ACTOR,
    )
    _decided_on(session, conditional, datetime(2026, 4, 2, 9, 0, tzinfo=UTC))
    declaration = next(
        f
        for f in follow_ups(session, request_id=conditional)
        if f.data.description == "Declaration"
    )
    set_status(session, declaration.id, "met", "", ACTOR)
    session.execute(
        update(FollowUpRow)
        .where(FollowUpRow.id == declaration.id)
        .values(status_changed_at=datetime(2026, 8, 15, tzinfo=UTC))
    )
    session.commit()
    _request(session, "Charlie", date(2025, 12, 31))  # last year

    figures = screening_year(session, 2026)

    q1, q2, q3, q4 = figures.quarters
    assert (q1.received, q1.decided, q1.outcomes["support"]) == (2, 1, 1)
    assert (q2.received, q2.decided, q2.outcomes["support_with_conditions"]) == (0, 1, 1)
    assert (q2.conditions_agreed, q2.conditions_met) == (2, 0)
    assert (q3.conditions_agreed, q3.conditions_met) == (0, 1)
    assert q4 == type(q4)(outcomes={o.value: 0 for o in Outcome})
    total = figures.total
    assert (total.received, total.decided, total.conditions_agreed, total.conditions_met) == (
        2,
        2,
        2,
        1,
    )
    rows = dict(screening_rows(figures, "en"))
    assert rows["Requests received"] == [2, 0, 0, 0, 2]
    assert rows["Conditions met"] == [0, 0, 1, 0, 1]
    assert not figures.is_empty
    assert screening_year(session, 2024).is_empty
