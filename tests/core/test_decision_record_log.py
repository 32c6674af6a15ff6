"""The decision record's log reads as words: "Field: old → new" in the record's language, steps
by number, labels for codes, local times. The chain in the database stays as it was."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from postkit.core.paths import resources_dir
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.decision_record import write_decision_record
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.records import (
    Answer,
    AuditEntry,
    Decision,
    Judgement,
    Outcome,
    RequestInput,
    RequestRecord,
)
from postkit.core.screening.reference import checklist_codes
from postkit.core.screening.risk import risk_summary
from postkit.core.screening.sanctions_store import clear_matcher_cache, judge_match, screen_request
from postkit.core.screening.service import answer_item, create_request, decide, update_request
from tests.pdf_text import pdf_text

SAMPLE_LIST = resources_dir() / "sanctions" / "sample-targets.simple.csv"
TULIP = RequestInput(
    company_name="Tulip Trading B.V.",
    support_kind="trade_mission",
    requested_on=date(2026, 5, 1),
    directors=("Anna de Vries", "Pieter van der Fictiehoven"),
    operating_country="KE",
    operating_sector="floriculture",
    handled_by="Tess",
)


@pytest.fixture(autouse=True)
def _post_in_nairobi() -> Iterator[None]:
    """The record prints local time: the post's computer is set to Nairobi's (UTC+03:00)."""
    earlier = os.environ.get("TZ")
    os.environ["TZ"] = "Africa/Nairobi"
    time.tzset()
    clear_matcher_cache()
    yield
    if earlier is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = earlier
    time.tzset()


def _step(code: str) -> int:
    return checklist_codes().index(code) + 1


def _screened_and_decided(session: Session) -> RequestRecord:
    request = create_request(session, TULIP, "Tess")
    update_request(session, request.id, replace(TULIP, employees=45), "Tess")
    answer_item(session, request.id, "dd_identify", Answer.YES, actor="Tess")
    answer_item(
        session, request.id, "sanctions", Answer.NO, "Checked the EU list by hand", actor="Tess"
    )
    import_sanctions_list(session, SAMPLE_LIST, "Tess")
    [match] = screen_request(session, request.id, "Tess").matches
    judge_match(session, match.id, Judgement.DISMISSED, "Born in 1988, not 1955", "Tess")
    return decide(
        session,
        request.id,
        Decision(
            Outcome.SUPPORT_WITH_CONDITIONS,
            "Young but serious due diligence.",
            conditions="Add a gender analysis.",
            conditions_due=date(2026, 9, 30),
            follow_up_on=date(2026, 10, 15),
            open_steps_reason="A first contact; the other steps follow at the visit.",
        ),
        "Tess",
    )


def _write(session: Session, record: RequestRecord, path: Path, language: str) -> str:
    log = entries_for(session, record.id)
    write_decision_record(
        record, risk_summary(session, record), log, path, language, "Embassy Nairobi", "Tess"
    )
    return " ".join(pdf_text(path).split())


def _local(entry: AuditEntry) -> str:
    """Nairobi is three hours ahead of UTC all year."""
    return (entry.at + timedelta(hours=3)).strftime("%H:%M")


def test_the_log_reads_field_old_new_with_labels_and_local_times(
    session: Session, tmp_path: Path
) -> None:
    record = _screened_and_decided(session)
    log = entries_for(session, record.id)

    text = _write(session, record, tmp_path / "record.pdf", "en")

    log_text = text[text.index("6. Audit trail") :]
    for expected in (
        "Times are local time (UTC+03:00).",
        "Request recorded",
        "Company: Tulip Trading B.V.",
        "Support asked: Place on a trade mission",
        "Country of operation: Kenya",
        "Request changed Employees: – → 45",
        "Checklist answered",
        f"Step {_step('dd_identify')} – Answer: Unknown → Yes",
        f"Step {_step('sanctions')} – Answer: Unknown → No",
        f"Step {_step('sanctions')} – Note: – → Checked the EU list by hand",
        "Sanctions screening Sanctions list: sample-targets.simple.csv",
        "Candidates: pk-sample-016 for Pieter van der Fictiehoven, score 100",
        "Candidate judged",
        "Judgement: Not judged → Dismissed",
        "Note: – → Born in 1988, not 1955",
        "Outcome: Support with conditions",
        "Conditions due: 30 September 2026",
        "Follow-up on: 15 October 2026",
    ):
        assert expected in log_text, expected
    for raw in ('{"', '"new"', "dd_identify", "support_with_conditions", "trade_mission", "+00:00"):
        assert raw not in log_text, raw
    first = log[0].at + timedelta(hours=3)
    assert f"{first.day} " in log_text and _local(log[0]) in log_text
    assert "UTC " not in log_text.replace("UTC+03:00", "")
    assert verify_chain(session).is_intact, "the chain in the database is left as it was"


def test_the_log_is_in_dutch_in_a_dutch_record(session: Session, tmp_path: Path) -> None:
    record = _screened_and_decided(session)

    text = _write(session, record, tmp_path / "verslag.pdf", "nl")

    log_text = text[text.index("6. Logboek") :]
    for expected in (
        "Tijden zijn lokale tijd (UTC+03:00).",
        "Verzoek vastgelegd",
        "Land van de activiteit: Kenia",
        f"Stap {_step('dd_identify')} – Antwoord: Onbekend → Ja",
        f"Stap {_step('sanctions')} – Antwoord: Onbekend → Nee",
        "Kandidaat beoordeeld",
        "Oordeel: Niet beoordeeld → Verworpen",
        "Uitkomst: Steunen onder voorwaarden",
        "Voorwaarden uiterlijk: 30 september 2026",
    ):
        assert expected in log_text, expected
    assert "Checklist answered" not in log_text
    assert "Unknown" not in log_text


def test_the_sanctions_answer_shows_who_gave_it_and_the_screening_beside_it(
    session: Session, tmp_path: Path
) -> None:
    record = _screened_and_decided(session)
    answer = record.answer("sanctions")
    assert (answer.answer, answer.note) == (Answer.NO, "Checked the EU list by hand")

    text = _write(session, record, tmp_path / "record.pdf", "en")

    checklist_text = text[text.index("2. Checklist") : text.index("3. Risk summary")]
    day = (record.screened_at + timedelta(hours=3)).date()  # type: ignore[operator]
    screened = f"{day.day} {day.strftime('%B')} {day.year}"
    for expected in (
        "Note: Checked the EU list by hand",
        "Answered",
        "by Tess",
        f"Sanctions screening on {screened}: 1 candidate dismissed.",
    ):
        assert expected in checklist_text, expected
