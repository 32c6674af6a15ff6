from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.db.database import connect
from postkit.core.profile import load_profile
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.demo import seed_screening_demo
from postkit.core.screening.records import Answer, Judgement, Outcome, RiskLevel, Status
from postkit.core.screening.risk import risk_summary
from postkit.core.screening.sanctions_store import current_list
from postkit.core.screening.service import list_requests

TODAY = date(2026, 6, 1)


def _content(record: Any) -> dict[str, Any]:
    """What the demo decides, without ids, UUIDs and clock times."""
    values = asdict(record.data)
    values["status"] = record.status
    values["decision"] = record.decision
    values["answers"] = {
        item: (answer.answer, answer.note, answer.links, [e.sha256 for e in answer.evidence])
        for item, answer in record.answers.items()
    }
    values["matches"] = [
        (m.subject, m.entry_id, m.score, m.judgement, m.judgement_note) for m in record.matches
    ]
    return values


def test_the_demo_tells_the_three_stories_and_leaves_one_open(
    session: Session, database: Database
) -> None:
    demo = seed_screening_demo(session, database.files_dir, today=TODAY)

    assert current_list(session).file_name == "sample-targets.simple.csv"
    assert load_profile(session).post_name == "Embassy Testland"  # an existing profile stays
    assert [row.id for row in list_requests(session, Status.OPEN)] == [demo.open.id]
    assert len(list_requests(session)) == 4

    clean = demo.clean
    assert clean.decision.outcome is Outcome.SUPPORT
    assert clean.screened_at is not None
    assert all(match.judgement is Judgement.DISMISSED for match in clean.matches)
    assert all(answer.answer is not Answer.UNKNOWN for answer in clean.answers.values())
    clean_summary = risk_summary(session, clean)
    assert clean_summary.red_flags == clean_summary.open_items == ()
    assert clean_summary.advice.endswith("support.")
    assert clean.decision.open_steps == ()
    [evidence] = clean.answer("imvo_declaration").evidence
    assert (database.files_dir / "attachments" / evidence.stored_name).is_file()

    conditions = demo.with_conditions.decision
    assert conditions.outcome is Outcome.SUPPORT_WITH_CONDITIONS
    assert conditions.conditions
    assert conditions.conditions_due == date(2026, 9, 29)
    assert conditions.follow_up_on == date(2026, 10, 9)
    conditions_summary = risk_summary(session, demo.with_conditions)
    assert conditions_summary.red_flags == ("dd_track", "gender")
    assert conditions_summary.open_items == ()
    assert "conditions" in conditions_summary.advice

    declined = demo.declined
    assert declined.decision.outcome is Outcome.DECLINE
    [hit] = declined.matches
    assert (hit.subject, hit.entry_id, hit.judgement) == (
        "Peter van der Fictiehoven",
        "pk-sample-016",
        Judgement.CONFIRMED,
    )
    summary = risk_summary(session, declined)
    assert summary.level is RiskLevel.HIGH
    assert "sanctions" in summary.red_flags
    assert summary.advice.startswith("Incomplete")
    assert declined.decision.open_steps == summary.open_items
    assert "sanctions" in declined.decision.open_steps_reason

    still_open = demo.open
    assert still_open.screened_at is None
    assert risk_summary(session, still_open).open_items
    assert "reopened" not in [entry.action for entry in entries_for(session, clean.id)]
    assert verify_chain(session).is_intact


def test_the_demo_is_the_same_every_time(
    session: Session, database: Database, template_database: Path, tmp_path: Path
) -> None:
    first = seed_screening_demo(session, database.files_dir, today=TODAY)
    other_path = tmp_path / "other" / "postkit.sqlite3"
    other_path.parent.mkdir()
    other_path.write_bytes(template_database.read_bytes())
    other = connect(other_path)
    try:
        with other.session() as other_session:
            second = seed_screening_demo(other_session, other.files_dir, today=TODAY)
    finally:
        other.dispose()

    assert [_content(r) for r in first.requests] == [_content(r) for r in second.requests]
