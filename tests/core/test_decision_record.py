from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.flowables import KeepTogether

from postkit.core.errors import PostkitError
from postkit.core.pdf_pages import NumberedCanvas
from postkit.core.screening import decision_record
from postkit.core.screening.decision_record import build_story, write_decision_record
from postkit.core.screening.records import (
    Answer,
    AuditEntry,
    ChainAnchor,
    ChecklistAnswer,
    Decision,
    EvidenceFile,
    Judgement,
    MatchRecord,
    Outcome,
    RequestInput,
    RequestRecord,
    RiskFactor,
    RiskLevel,
    RiskSummary,
    SanctionsListInfo,
    Status,
)
from postkit.core.screening.reference import checklist
from tests.pdf_text import pdf_lines, pdf_text

AT = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
POST_TIME_ZONE = "Africa/Nairobi"  # UTC+03:00 all year
PRINTED_AT = datetime(2025, 4, 2, 16, 5, tzinfo=UTC)
SAMPLE_LIST = SanctionsListInfo(
    id=1,
    file_name="targets.simple.csv",
    sha256="9f2c" + "ab" * 30,
    entry_count=12_345,
    list_date="2025-03-01",
    imported_at=AT,
    imported_by="Tess",
)
CLEAN_ANSWERS = {
    item.code: ChecklistAnswer(
        item.code,
        Answer.NO if item.red_flag is Answer.YES else Answer.YES,
        updated_at=AT,
        updated_by="Tess",
    )
    for item in checklist()
}


@pytest.fixture(autouse=True)
def _post_in_nairobi() -> Iterator[None]:
    """The record prints local time: the post's computer is set to Nairobi's."""
    earlier = os.environ.get("TZ")
    os.environ["TZ"] = POST_TIME_ZONE
    time.tzset()
    yield
    if earlier is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = earlier
    time.tzset()


def _request(**changes: object) -> RequestInput:
    values: dict[str, object] = {
        "company_name": "Delta Cocoa Trading B.V.",
        "support_kind": "trade_mission",
        "requested_on": date(2025, 3, 3),
        "kvk_number": "12345678",
        "company_country": "NL",
        "company_sector": "cocoa",
        "employees": 640,
        "turnover_eur": 52_000_000,
        "balance_sheet_eur": 18_500_000,
        "directors": ("Anna de Vries", "Kofi Mensah"),
        "operating_country": "GH",
        "operating_sector": "cocoa",
        "needed_by": date(2025, 5, 1),
        "handled_by": "Tess",
        "description": "A place on the trade mission to Ghana in May.",
    }
    values.update(changes)
    return RequestInput(**values)  # type: ignore[arg-type]


def _log(request_id: int, *actions: str) -> tuple[AuditEntry, ...]:
    entries = []
    previous = "0" * 64
    for number, action in enumerate(actions, 1):
        entry_hash = f"{number:02d}" + "c3" * 31
        entries.append(
            AuditEntry(
                id=number,
                request_id=request_id,
                at=AT.replace(minute=number),
                actor="Tess",
                action=action,
                details={"field": "answer", "value": "yes", "note": "x" * 300},
                previous_hash=previous,
                entry_hash=entry_hash,
            )
        )
        previous = entry_hash
    return tuple(entries)


@pytest.fixture
def with_conditions() -> tuple[RequestRecord, RiskSummary, tuple[AuditEntry, ...]]:
    """Decided: support with conditions and a follow-up date, screened without candidates."""
    answers = dict(CLEAN_ANSWERS)
    answers["dd_track"] = ChecklistAnswer(
        "dd_track",
        Answer.UNKNOWN,
        note="Audits planned for the second half of the year.",
        links=("https://example.org/delta/" + "very-long-path-segment-" * 6,),
        evidence=(
            EvidenceFile(
                "dd_track",
                "audit-plan-2025.pdf",
                "stored/abc.pdf",
                "5d41402abc4b2a76b9719d911017c592" * 2,
                48_213,
                AT,
            ),
        ),
        updated_at=AT,
        updated_by="Tess",
    )
    record = RequestRecord(
        id=1,
        uuid="3f2a9c1e-7b44-4d2a-9e0f-1a2b3c4d5e6f",
        data=_request(),
        status=Status.DECIDED,
        decision=Decision(
            Outcome.SUPPORT_WITH_CONDITIONS,
            rationale="Due diligence is in place except for tracking.",
            conditions="Share the first supplier audit report.",
            conditions_due=date(2025, 9, 30),
            follow_up_on=date(2025, 10, 15),
            open_steps=("dd_track",),
            open_steps_reason="The mission leaves on Monday; the audits are planned.",
        ),
        decided_at=AT,
        decided_by="Tess",
        answers=answers,
        screened_list=SAMPLE_LIST,
        screened_at=AT,
        matcher_version="1",
        match_threshold=70.0,
        created_at=AT,
        created_by="Tess",
    )
    summary = RiskSummary(
        level=RiskLevel.MEDIUM,
        factors=(
            RiskFactor(
                "country",
                RiskLevel.MEDIUM,
                "Ghana: child labour in cocoa farming.",
                "Ghana: kinderarbeid in de cacaoteelt.",
                "weighs medium: the country's rating",
                "weegt middel: de beoordeling van het land",
            ),
            RiskFactor(
                "dd_track",
                RiskLevel.MEDIUM,
                "Tracking of results is not shown yet.",
                "Het volgen van resultaten is nog niet aangetoond.",
                "weighs medium: expected of a large company",
                "weegt middel: verwacht van een groot bedrijf",
            ),
        ),
        red_flags=(),
        open_items=("dd_track",),
        advice="Consider support with conditions on the open points.",
        advice_nl="Overweeg steun onder voorwaarden voor de open punten.",
    )
    return record, summary, _log(1, "create", "answer", "screen", "decide")


@pytest.fixture
def declined() -> tuple[RequestRecord, RiskSummary, tuple[AuditEntry, ...]]:
    """Decided: declined after a confirmed sanctions match, with a dismissed look-alike."""
    answers = dict(CLEAN_ANSWERS)
    answers["sanctions"] = ChecklistAnswer(
        "sanctions", Answer.YES, note="Confirmed: the director is listed.", updated_by="Tess"
    )
    matches = (
        MatchRecord(
            id=1,
            subject="Viktor Petrov",
            subject_kind="director",
            entry_id="NK-abc123",
            entry_name="Viktor PETROV",
            entry_schema="Person",
            entry_details={"birth_date": ["1961-04-12"], "countries": ["ru"], "sanctions": []},
            score=96.5,
            matched_name="Viktor PETROV",
            explanation=("viktor = viktor", "petrov = petrov"),
            judgement=Judgement.CONFIRMED,
            judged_by="Tess",
            judged_at=AT,
            judgement_note="Same date of birth as in the company register.",
        ),
        MatchRecord(
            id=2,
            subject="Northwind Metals Ltd",
            subject_kind="company",
            entry_id="NK-def456",
            entry_name="Northwind Metal Works LLC",
            entry_schema="Company",
            entry_details={},
            score=74.0,
            matched_name="Northwind Metal Works",
            explanation=("northwind = northwind", "metals ~ metal (typo)", "works unmatched"),
            judgement=Judgement.DISMISSED,
            judged_by="Tess",
            judged_at=AT,
            judgement_note="Different country and address.",
        ),
    )
    record = RequestRecord(
        id=2,
        uuid="8e1d0b7a-0000-4000-8000-000000000002",
        data=_request(
            company_name="Northwind Metals Ltd",
            directors=("Viktor Petrov",),
            support_kind="letter_of_support",
            employees=None,
            turnover_eur=None,
            balance_sheet_eur=None,
        ),
        status=Status.DECIDED,
        decision=Decision(
            Outcome.DECLINE, rationale="A director is on the sanctions list.\nSee <b>4</b> & log."
        ),
        decided_at=AT,
        decided_by="Tess",
        answers=answers,
        matches=matches,
        screened_list=SAMPLE_LIST,
        screened_at=AT,
        matcher_version="1",
        match_threshold=70.0,
    )
    summary = RiskSummary(
        level=RiskLevel.HIGH,
        factors=(RiskFactor("sanctions", RiskLevel.HIGH, "A director is on a sanctions list."),),
        red_flags=("sanctions",),
        open_items=(),
        advice="Do not support while a party is sanctioned.",
    )
    return record, summary, _log(2, "create", "screen", "judge_match", "decide")


@pytest.fixture
def open_unscreened() -> tuple[RequestRecord, RiskSummary, tuple[AuditEntry, ...]]:
    record = RequestRecord(
        id=3,
        uuid="c0ffee00-1111-4222-8333-444455556666",
        data=_request(company_name="Sunrise Flowers", employees=40, support_kind="matchmaking"),
        status=Status.OPEN,
    )
    summary = RiskSummary(
        level=RiskLevel.MEDIUM,
        factors=(),
        red_flags=(),
        open_items=tuple(item.code for item in checklist()),
        advice="Answer the open questions first.",
    )
    return record, summary, ()


Sample = tuple[RequestRecord, RiskSummary, tuple[AuditEntry, ...]]


def _write(sample: Sample, path: Path, language: str = "en") -> Path:
    record, summary, log = sample
    write_decision_record(
        record,
        summary,
        log,
        path,
        language=language,
        post_name="Embassy Accra",
        printed_by="Tess Tester",
        printed_at=PRINTED_AT,
    )
    return path


def _flat(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(flowables: Iterable[object]) -> Iterator[str]:
    """The plain text of every paragraph in the story, tables and kept groups included."""
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            # A line break reads as a space, as it would to someone reading the page.
            yield "".join(
                " " if getattr(frag, "lineBreak", False) else frag.text for frag in flowable.frags
            )
        elif isinstance(flowable, KeepTogether):
            yield from _paragraphs(flowable._content)
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    yield from _paragraphs(cell if isinstance(cell, list | tuple) else [cell])
        elif isinstance(flowable, list | tuple):
            yield from _paragraphs(flowable)


def story_text(sample: Sample, language: str = "en") -> list[str]:
    record, summary, log = sample
    story: list[Flowable] = build_story(record, summary, log, language, post_name="Embassy Accra")
    return list(_paragraphs(story))


def test_a_decision_with_conditions_shows_them_with_dates(
    with_conditions: Sample, tmp_path: Path
) -> None:
    text = _flat(pdf_text(_write(with_conditions, tmp_path / "record.pdf")))
    for expected in (
        "Decision record: IMVO conditions",
        "Embassy Accra",
        "3f2a9c1e",
        "Decided: Support with conditions",
        "Delta Cocoa Trading B.V.",
        "12345678",
        "Netherlands",
        "Cocoa",
        "Ghana",
        "Place on a trade mission",
        "EUR 52,000,000",
        "Yes: 500 or more employees",
        "Share the first supplier audit report.",
        "30 September 2025",
        "15 October 2025",
        "No candidates: no listed name scored at or above the threshold.",
        "targets.simple.csv",
        "12,345",
        "version 1, threshold 70",
        "audit-plan-2025.pdf",
        "Audits planned for the second half of the year.",
        "Step 5",  # dd_track's number in the checklist, as the risk factor's source
        "Consider support with conditions on the open points.",
        "Last hash of the chain",
        "04" + "c3" * 31,
        "Printed 2 April 2025, 19:05 by Tess Tester",  # 16:05 UTC, in Nairobi
    ):
        assert expected in text, expected
    assert "Not decided yet" not in text


def test_a_decision_with_open_steps_prints_them_and_the_reason_to_decide_anyway(
    with_conditions: Sample, tmp_path: Path
) -> None:
    english = _flat(pdf_text(_write(with_conditions, tmp_path / "record.pdf")))
    dutch = story_text(with_conditions, "nl")

    assert "Decided with open steps Step 5" in english
    assert "Reason to decide anyway The mission leaves on Monday; the audits are planned." in (
        english
    )
    assert "Besloten met open stappen" in dutch
    assert "Stap 5" in dutch
    assert "Reden om toch te besluiten" in dutch


def test_each_risk_factor_is_printed_with_its_weight(with_conditions: Sample) -> None:
    english = story_text(with_conditions)
    dutch = story_text(with_conditions, "nl")
    _record, summary, _log = with_conditions

    for factor in summary.factors:
        assert any(factor.weight in line for line in english), factor.weight
        assert any(factor.weighed("nl") in line for line in dutch), factor.weight_nl


def test_every_page_has_the_footer_with_its_number(with_conditions: Sample, tmp_path: Path) -> None:
    out = _write(with_conditions, tmp_path / "record.pdf")
    lines = pdf_lines(out)
    numbers = [line for line in lines if line.startswith("page ")]
    pages = len(numbers)
    assert pages >= 2
    assert numbers == [f"page {n} of {pages}" for n in range(1, pages + 1)]
    assert lines.count("Printed 2 April 2025, 19:05 by Tess Tester") == pages


def test_the_checklist_follows_the_reference_order_and_marks_red_flags(
    declined: Sample,
) -> None:
    lines = story_text(declined)
    questions = [item.en for item in checklist()]
    positions = [lines.index(question) for question in questions]
    assert positions == sorted(positions)
    # The sanctions question answered yes is the one red flag.
    assert lines.count("Yes RED FLAG") == 1
    assert lines.index("Yes RED FLAG") > lines.index(questions[-1])
    assert "Answered by Tess" in lines


def test_the_candidates_table_shows_each_judgement(declined: Sample, tmp_path: Path) -> None:
    lines = story_text(declined)
    for expected in (
        "Candidates (2)",
        "Viktor PETROV",
        "Person · NK-abc123",
        "birth_date: 1961-04-12",
        "96.5",
        "• petrov = petrov",
        "Confirmed: the same party",
        "Same date of birth as in the company register.",
        "Dismissed: not the same party",
        "Different country and address.",
        "14 March 2025, 12:30 by Tess",
        "Letter of support",
        "Unknown: the figures are incomplete",
    ):
        assert expected in lines, expected
    text = _flat(pdf_text(_write(declined, tmp_path / "declined.pdf")))
    assert "Confirmed: the same party" in text
    assert "Decided: Decline" in text


def test_an_open_request_says_it_is_not_decided_nor_screened(
    open_unscreened: Sample, tmp_path: Path
) -> None:
    lines = story_text(open_unscreened)
    assert "Not decided yet" in lines
    assert "Not screened: the names have not been checked against a sanctions list." in lines
    assert any(line.startswith("No: below the threshold of 500 or more") for line in lines)
    assert "The log holds no entries for this request." in lines
    assert lines[lines.index("Status") + 1] == "Open"
    assert "Candidates" not in " ".join(lines)
    text = _flat(pdf_text(_write(open_unscreened, tmp_path / "open.pdf")))
    assert "Not decided yet" in text
    assert "Not screened" in text


def test_user_text_is_shown_literally(declined: Sample, tmp_path: Path) -> None:
    lines = story_text(declined)
    assert "A director is on the sanctions list. See <b>4</b> & log." in lines
    text = pdf_text(_write(declined, tmp_path / "declined.pdf"))
    assert "See <b>4</b> & log." in text


def test_the_record_can_be_in_dutch(with_conditions: Sample, tmp_path: Path) -> None:
    lines = story_text(with_conditions, "nl")
    for expected in (
        "Besluitverslag: IMVO-voorwaarden",
        "1. Het verzoek",
        "Plaats in een handelsmissie",
        "Nederland",
        "Cacao",
        "EUR 52.000.000",
        "Besloten: Steunen onder voorwaarden",
        "Bedrijf",
        checklist()[0].nl,
        "Ja",
        "Onbekend",
        "Stap 5",
        "Voorwaarden uiterlijk",
        "Laatste hash van de keten: " + "04" + "c3" * 31,
    ):
        assert expected in lines, expected
    assert "Decision record: IMVO conditions" not in lines
    assert checklist()[0].en not in lines
    _record, summary, _log = with_conditions
    assert summary.advice_in("nl") in lines, "the advice is in Dutch too"
    assert summary.advice not in lines
    for factor in summary.factors:
        assert factor.explained("nl") in lines
    text = _flat(pdf_text(_write(with_conditions, tmp_path / "verslag.pdf", language="nl")))
    assert "Afgedrukt 2 april 2025, 19:05 door Tess Tester" in text
    assert "pagina 1 van" in text


def test_an_open_request_in_dutch_is_not_decided_yet(open_unscreened: Sample) -> None:
    lines = story_text(open_unscreened, "nl")
    assert "Nog niet besloten" in lines
    assert "Not decided yet" not in lines


def test_a_failed_rendering_leaves_the_previous_file_alone(
    with_conditions: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _write(with_conditions, tmp_path / "record.pdf")
    before = out.read_bytes()

    def fail_on_the_second_page(self: object, total: int) -> None:
        if self._pageNumber > 1:  # type: ignore[attr-defined]
            raise RuntimeError("disk gremlin")

    monkeypatch.setattr(NumberedCanvas, "draw_footer", fail_on_the_second_page)
    with pytest.raises(RuntimeError, match="disk gremlin"):
        _write(with_conditions, out)
    assert out.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["record.pdf"]


def test_a_failed_first_rendering_leaves_no_file(
    open_unscreened: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: object) -> list[Flowable]:
        raise RuntimeError("broken story")

    monkeypatch.setattr(decision_record._Document, "audit_trail", fail)
    with pytest.raises(RuntimeError):
        _write(open_unscreened, tmp_path / "record.pdf")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_path_is_a_postkit_error(open_unscreened: Sample, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "record.pdf"
    with pytest.raises(PostkitError, match="cannot write"):
        _write(open_unscreened, target)


def test_why_a_candidate_matched_reads_in_the_record_s_language(declined: Sample) -> None:
    record, summary, log = declined
    explained = dataclasses.replace(
        record.matches[0],
        explanation=("token 'viktor' = 'viktor'", "'ooo' ignored (legal form)"),
    )
    sample = (dataclasses.replace(record, matches=(explained, *record.matches[1:])), summary, log)

    dutch = " ".join(story_text(sample, "nl"))
    english = " ".join(story_text(sample, "en"))

    assert "woord 'viktor' = 'viktor'" in dutch and "'ooo' genegeerd (rechtsvorm)" in dutch
    assert "token 'viktor' = 'viktor'" in english and "token 'viktor'" not in dutch


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1 entry, last hash"), ("nl", "1 regel, laatste hash")],
)
def test_an_anchor_of_one_entry_reads_in_the_singular(
    open_unscreened: Sample, tmp_path: Path, language: str, expected: str
) -> None:
    record, summary, log = open_unscreened
    out = tmp_path / "record.pdf"
    anchor = ChainAnchor(entries=1, head_hash="ab" * 32)
    write_decision_record(
        record, summary, log, out, language=language, printed_at=PRINTED_AT, anchor=anchor
    )
    assert expected in pdf_text(out)
