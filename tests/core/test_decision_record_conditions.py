"""The decision record lists each condition with its due date, owner and follow-up, and its
audit trail says when a condition was not met and which step the guidelines describe next."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from postkit.core.followups.records import FollowUpInput
from postkit.core.followups.service import (
    condition_lines,
    decide_with_conditions,
    follow_ups,
    set_status,
)
from postkit.core.screening.audit import entries_for
from postkit.core.screening.decision_record import write_decision_record
from postkit.core.screening.records import Decision, Outcome, RequestInput
from postkit.core.screening.risk import risk_summary
from postkit.core.screening.service import create_request, get_request
from tests.pdf_text import pdf_text


def _write(session: Session, request_id: int, out: Path, language: str = "en") -> str:
    record = get_request(session, request_id)
    write_decision_record(
        record,
        risk_summary(session, record),
        entries_for(session, request_id),
        out,
        language,
        conditions=condition_lines(session, request_id),
    )
    return " ".join(pdf_text(out).split())


def test_the_record_lists_each_condition_with_its_due_date_and_what_came_of_it(
    session: Session, tmp_path: Path
) -> None:
    request_id = create_request(
        session, RequestInput("Zuidwind B.V.", "trade_mission", date(2026, 3, 2)), "Tess"
    ).id
    decide_with_conditions(
        session,
        request_id,
        Decision(Outcome.SUPPORT_WITH_CONDITIONS, "Gaps in the chain", open_steps_reason="Now"),
        [
            FollowUpInput("condition", "Sign the IMVO declaration", date(2026, 4, 15), "Anna"),
            FollowUpInput("condition", "Hand in the supplier audit", date(2026, 9, 30), "Piet"),
        ],
        "Tess",
    )
    declaration = follow_ups(session, request_id=request_id)[0]
    set_status(session, declaration.id, "not_met", "Not signed after two reminders", "Tess")

    text = _write(session, request_id, tmp_path / "record.pdf")

    assert (
        "Sign the IMVO declaration 15 April 2026 Anna Not met: Not signed after two reminders"
        in text
    )
    assert "Hand in the supplier audit 30 September 2026 Piet Open" in text
    assert "Condition followed up" in text
    assert "Next step: Talk with the company and ask what it does about it" in text
