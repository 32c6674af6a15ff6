"""Several official lists at once: screening on each, one copy per file, re-screening resumed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.db import open_database
from postkit.core.errors import PostkitError
from postkit.core.paths import resources_dir
from postkit.core.screening import rescreening, sanctions_store
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.models import SanctionsListRow
from postkit.core.screening.records import RequestInput
from postkit.core.screening.rescreening import rescreen_report
from postkit.core.screening.sanctions_store import current_lists, old_lists, screen_request
from postkit.core.screening.service import create_request, get_request

SAMPLES = resources_dir() / "sanctions"
EU = SAMPLES / "sample-eu-fsf.xml"
UN = SAMPLES / "sample-un-consolidated.xml"
CSV = SAMPLES / "sample-targets.simple.csv"
ACTOR = "Tess Tester"
TODAY = date(2026, 12, 1)
# The company name as typed from a Cyrillic registration extract.
KVARTA = RequestInput(
    company_name="ООО «Северная Кварта»",
    support_kind="letter_of_support",
    requested_on=date(2026, 11, 30),
    directors=("Lin Haoxiang",),
)
NEW_EU_ENTITY = """
  <sanctionEntity euReferenceNumber="EU.9009.99" logicalId="909999" designationDate="2026-12-01">
    <regulation regulationType="regulation" organisationType="council" publicationDate="2026-12-01"
      numberTitle="2099/999 (OJ L 9999, fictional)" programme="SAMPLE-DPRK" logicalId="919999"/>
    <subjectType code="person" classificationCode="P"/>
    <nameAlias wholeName="Haoxiang Lin" strong="true" logicalId="929999"/>
  </sanctionEntity>
</export>"""


@pytest.fixture(autouse=True)
def _fresh_matchers() -> Iterator[None]:
    sanctions_store.clear_matcher_cache()
    yield
    sanctions_store.clear_matcher_cache()


def newer_eu(tmp_path: Path) -> Path:
    path = tmp_path / "eu-newer.xml"
    newer = EU.read_text(encoding="utf-8").replace("2026-11-20T18", "2026-12-01T18")
    path.write_text(newer.replace("</export>", NEW_EU_ENTITY), encoding="utf-8")
    return path


def newer_csv(tmp_path: Path) -> Path:
    """The OpenSanctions sample with one more person, who matches KVARTA's director."""
    path = tmp_path / "targets-newer.csv"
    added = "pk-new-1,Person,Haoxiang Lin" + "," * 13 + "\n"
    path.write_text(CSV.read_text(encoding="utf-8") + added, encoding="utf-8")
    return path


def test_a_screening_runs_on_the_eu_and_un_lists_and_records_both(session: Session) -> None:
    eu = import_sanctions_list(session, EU, ACTOR, today=TODAY)
    un = import_sanctions_list(session, UN, ACTOR, today=TODAY)
    request_id = create_request(session, KVARTA, ACTOR).id

    record = screen_request(session, request_id, ACTOR)

    assert [listing.id for listing in record.screened_lists] == [eu.id, un.id]
    assert {listing.source for listing in record.screened_lists} == {"eu-fsf", "un-sc"}
    by_entry = {match.entry_id: match for match in record.matches}
    assert {"EU.9001.01", "SKe.071", "SKi.044"} <= set(by_entry)
    eu_match = by_entry["EU.9001.01"]
    assert (eu_match.list_id, eu_match.list_source, eu_match.list_date) == (
        eu.id,
        "eu-fsf",
        "2026-11-20",
    )
    assert eu_match.regulations == ("Regulation 2099/101 (OJ L 901, fictional) of 2024-03-15",)
    assert eu_match.programmes == ("SAMPLE-RUS",)
    assert eu_match.listed_on == "2024-03-15"
    assert by_entry["SKe.071"].list_source == "un-sc"
    assert by_entry["SKe.071"].listed_on == "2022-11-14"
    (screened,) = [
        entry for entry in entries_for(session, request_id) if entry.action == "screened"
    ]
    assert [listing["sha256"] for listing in screened.details["lists"]] == [eu.sha256, un.sha256]


def test_a_newer_eu_list_replaces_the_eu_list_only_and_rescreens(
    session: Session, tmp_path: Path
) -> None:
    import_sanctions_list(session, EU, ACTOR, today=TODAY)
    un = import_sanctions_list(session, UN, ACTOR, today=TODAY)
    request_id = create_request(session, KVARTA, ACTOR).id
    screen_request(session, request_id, ACTOR)

    newer = import_sanctions_list(session, newer_eu(tmp_path), ACTOR, today=TODAY)

    assert [listing.id for listing in current_lists(session)] == [un.id, newer.id]
    (rescreened,) = rescreen_report(session, newer.id).requests
    assert [match.entry_id for match in rescreened.new_candidates] == ["EU.9009.99"]
    record = get_request(session, request_id)
    assert {listing.id for listing in record.screened_lists} == {un.id, newer.id}


def test_a_list_older_than_the_allowed_age_is_flagged(session: Session) -> None:
    import_sanctions_list(session, EU, ACTOR, today=TODAY)  # published 2026-11-20
    import_sanctions_list(session, UN, ACTOR, today=TODAY)  # published 2026-11-18

    def flagged(max_age: int, today: date) -> list[str]:
        return [listing.source for listing in old_lists(session, max_age, today)]

    assert flagged(30, date(2026, 12, 18)) == []
    assert flagged(30, date(2026, 12, 19)) == ["un-sc"]
    assert flagged(30, date(2026, 12, 21)) == ["eu-fsf", "un-sc"]
    assert flagged(10, date(2026, 12, 1)) == ["eu-fsf", "un-sc"]


def test_an_older_version_of_a_list_does_not_replace_the_one_in_use(
    session: Session, tmp_path: Path
) -> None:
    newer = import_sanctions_list(session, newer_eu(tmp_path), ACTOR, today=TODAY)

    with pytest.raises(PostkitError, match="published 2026-11-20, before the list in use"):
        import_sanctions_list(session, EU, ACTOR, today=TODAY)

    assert current_lists(session) == [newer]


def test_the_same_file_imported_again_after_another_list_is_still_one_list(
    session: Session,
) -> None:
    first = import_sanctions_list(session, EU, ACTOR, today=TODAY)
    import_sanctions_list(session, UN, ACTOR, today=TODAY)

    again = import_sanctions_list(session, EU, ACTOR, today=TODAY)

    assert again.id == first.id
    assert session.scalar(select(func.count()).select_from(SanctionsListRow)) == 2


def _entry_and_list_counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as connection:
        lists = connection.execute("SELECT COUNT(*) FROM sanctions_lists").fetchone()[0]
        entries = connection.execute("SELECT COUNT(*) FROM sanctions_entries").fetchone()[0]
    connection.close()
    return lists, entries


@pytest.mark.slow
def test_two_processes_importing_the_same_file_store_it_once(tmp_path: Path) -> None:
    # Big enough that both processes read it before either stores it.
    big = tmp_path / "targets.csv"
    rows = [f"fx-{n},Person,Fictius Numerus {n}" + "," * 13 for n in range(30_000)]
    big.write_text(CSV.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "post.sqlite3"
    open_database(db).dispose()
    command = [sys.executable, "-m", "postkit", "--db", str(db), "screening", "import-list"]
    runs = [
        subprocess.Popen([*command, str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [run.communicate(timeout=300) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], results
    assert _entry_and_list_counts(db) == (1, 30_041)
    outputs = [out.decode() for out, _err in results]
    assert sum("entries imported" in out for out in outputs) == 1
    assert sum("nothing written" in out for out in outputs) == 1


def test_a_kill_before_rescreening_is_finished_by_importing_again(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_sanctions_list(session, CSV, ACTOR, today=TODAY)
    request_id = create_request(session, KVARTA, ACTOR).id
    screen_request(session, request_id, ACTOR)
    newer_file = newer_csv(tmp_path)

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # what a kill leaves: the list stored, nobody screened again

    monkeypatch.setattr(rescreening, "rescreen_after_import", killed)
    with pytest.raises(KeyboardInterrupt):
        import_sanctions_list(session, newer_file, ACTOR, today=TODAY)
    monkeypatch.undo()
    session.expire_all()
    newer_id = session.scalar(select(func.max(SanctionsListRow.id)))
    assert rescreen_report(session, newer_id).requests == ()

    again = import_sanctions_list(session, newer_file, ACTOR, today=TODAY)

    assert again.id == newer_id
    (rescreened,) = rescreen_report(session, newer_id).requests
    assert [match.entry_id for match in rescreened.new_candidates] == ["pk-new-1"]
    assert session.scalar(select(func.count()).select_from(SanctionsListRow)) == 2
    assert verify_chain(session).is_intact
    # Importing once more changes nothing: the request is not screened a third time.
    import_sanctions_list(session, newer_file, ACTOR, today=TODAY)
    actions = [entry.action for entry in entries_for(session, request_id)]
    assert actions.count("rescreened") == 1


def test_unfinished_rescreening_is_found_and_finished_on_start(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_sanctions_list(session, EU, ACTOR, today=TODAY)
    request_id = create_request(session, KVARTA, ACTOR).id
    screen_request(session, request_id, ACTOR)
    monkeypatch.setattr(rescreening, "rescreen_after_import", lambda *_args: None)
    newer = import_sanctions_list(session, newer_eu(tmp_path), ACTOR, today=TODAY)
    monkeypatch.undo()
    assert newer.rescreened_at is None

    finished = rescreening.finish_rescreening(session, ACTOR, TODAY)

    assert finished == [newer.id]
    assert len(rescreen_report(session, newer.id).requests) == 1
    assert rescreening.finish_rescreening(session, ACTOR, TODAY) == []


def test_the_decision_record_names_each_list_and_each_candidates_regulation(
    session: Session, tmp_path: Path
) -> None:
    from postkit.core.screening.decision_record import write_decision_record
    from postkit.core.screening.risk import risk_summary
    from tests.pdf_text import pdf_text

    eu = import_sanctions_list(session, EU, ACTOR, today=TODAY)
    un = import_sanctions_list(session, UN, ACTOR, today=TODAY)
    request_id = create_request(session, KVARTA, ACTOR).id
    record = screen_request(session, request_id, ACTOR)
    out = tmp_path / "record.pdf"

    write_decision_record(
        record, risk_summary(session, record), entries_for(session, request_id), out
    )

    text = " ".join(pdf_text(out).split())
    for expected in (
        "EU sanctions list (Financial Sanctions Files) sample-eu-fsf.xml",
        eu.sha256,
        "UN Security Council consolidated list sample-un-consolidated.xml",
        un.sha256,
        "EU sanctions list (Financial Sanctions Files) of 2026-11-20",
        "Listed on: 2024-03-15",
        "Regulation 2099/101 (OJ L 901, fictional) of 2024-03-15",
        "UN Security Council consolidated list of 2026-11-18",
        "Listed on: 2022-11-14",
    ):
        assert expected in text, expected
