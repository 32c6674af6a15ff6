"""Re-screening on a newer version of a list matches only the entries new or changed since the
version a request was screened on, with the same candidates as screening it again in full."""

from __future__ import annotations

import csv
import random
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.db.database import connect
from postkit.core.errors import CancelledError
from postkit.core.screening import sanctions_store
from postkit.core.screening.audit import entries_for, verify_chain
from postkit.core.screening.list_import import import_list, import_sanctions_list
from postkit.core.screening.records import Decision, Judgement, Outcome, RequestInput
from postkit.core.screening.rescreening import rescreen_after_import, rescreen_report
from postkit.core.screening.sanctions_store import (
    current_lists,
    judge_match,
    matcher_for,
    screen_request,
    screened_subjects,
    subject_candidates,
)
from postkit.core.screening.service import create_request, decide, get_request

ACTOR = "Tess Tester"
TODAY = date(2026, 6, 30)
COLUMNS = ("id", "schema", "name", "aliases", "birth_date", "countries", "last_change")
FIRST = ("Ivan", "Sergei", "Olga", "Pieter", "Anna", "Omar", "Karim", "Elena")
LAST = ("Fiktivov", "Vymyslov", "Nepravdin", "Fictiehoven", "Verzonnen", "Imaginov")
WORDS = ("Baltic", "Northern", "Quartz", "Harbour", "Delta", "Steppe", "Amber", "Falcon")


def _person(rng: random.Random) -> str:
    if rng.random() < 0.25:
        # Names listed more often than a screened name keeps candidates of.
        return rng.choice(("Ivan Fiktivov", "Olga Vymyslova"))
    middle = f" {rng.choice(FIRST)}ovich" if rng.random() < 0.3 else ""
    return f"{rng.choice(FIRST)}{middle} {rng.choice(LAST)}"


def _company(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(('LLC', 'Trading', 'B.V.'))}"


def _row(rng: random.Random, number: int) -> list[str]:
    if rng.random() < 0.7:
        birth = f"{rng.randint(1950, 1990)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return [f"gen-{number}", "Person", _person(rng), "", birth, rng.choice(("ru", "by", "")),
                "2026-01-01"]  # fmt: skip
    return [f"gen-{number}", "Company", _company(rng), "", "", rng.choice(("ru", "nl", "")),
            "2026-01-01"]  # fmt: skip


def _list_pair(rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    """An old list, and a newer one with entries removed, changed (name, date of birth,
    country) and added; small name pools make many candidates per name."""
    old = [_row(rng, number) for number in range(240)]
    new = []
    for row in old:
        draw = rng.random()
        if draw < 0.1:
            continue  # removed
        row = list(row)
        if draw < 0.15:
            row[2] = row[2].replace("o", "a", 1)
        elif draw < 0.2 and row[4]:
            row[4] = f"{int(row[4][:4]) + 1}{row[4][4:]}"
        elif draw < 0.25:
            row[5] = "ir"
        new.append(row)
    new += [_row(rng, number) for number in range(1000, 1030)]
    return old, new


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def _requests(rng: random.Random, old: list[list[str]], new: list[list[str]]) -> list[Any]:
    listed = [row[2] for row in old + new]
    requests = []
    for index in range(36):
        # Some names few entries resemble, so that the delta alone decides them.
        company = rng.choice(listed) if rng.random() < 0.5 else f"Zeeland Agro {index} B.V."
        directors = tuple(
            rng.choice(listed) if rng.random() < 0.6 else f"Jan Pietersen{index}x{n}"
            for n in range(2)
        )
        requests.append(
            RequestInput(
                company_name=company,
                support_kind="letter_of_support",
                requested_on=date(2026, 3, 2),
                company_country=rng.choice(("NL", "RU", None)),
                directors=directors,
            )
        )
    return requests


@pytest.fixture(autouse=True)
def _fresh_matchers() -> Iterator[None]:
    sanctions_store.clear_matcher_cache()
    yield
    sanctions_store.clear_matcher_cache()


@pytest.fixture
def list_pair(tmp_path: Path) -> tuple[Path, Path, list[Any]]:
    rng = random.Random(19)
    old, new = _list_pair(rng)
    requests = _requests(rng, old, new)
    return _write(tmp_path / "old.csv", old), _write(tmp_path / "new.csv", new), requests


def _screened_on_old(session: Session, old: Path, requests: list[Any]) -> None:
    """Requests screened on the old list; some candidates dismissed, some requests decided."""
    import_sanctions_list(session, old, ACTOR, today=TODAY)
    for number, data in enumerate(requests):
        record = screen_request(session, create_request(session, data, ACTOR).id, ACTOR)
        deciding = number % 4 == 0
        for match in record.matches if deciding else record.matches[: number % 3]:
            judge_match(session, match.id, Judgement.DISMISSED, f"Other party {number}", ACTOR)
        if deciding:
            decision = Decision(Outcome.SUPPORT, "Fine.", open_steps_reason="Test request.")
            decide(session, record.id, decision, ACTOR)


def _stored_unscreened(session: Session, new: Path) -> int:
    """Store the newer list as an import does, its re-screening left to do (cancelled)."""

    def cancel(_done: int, _total: int) -> None:
        raise CancelledError()

    with pytest.raises(CancelledError):
        import_list(session, new, ACTOR, TODAY, progress=cancel)
    session.rollback()
    (listing,) = current_lists(session)
    return listing.id


def _candidates(session: Session, request_ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    found = {}
    for request_id in request_ids:
        record = get_request(session, request_id)
        found[request_id] = sorted(
            (m.subject, m.entry_id, m.score, m.matched_name, m.explanation, m.judgement,
             m.judgement_note, m.list_id, m.delisted_list_id, m.entry_details.get("name"))
            for m in record.matches
        )  # fmt: skip
    return found


def _logged(session: Session, list_id: int) -> dict[int, tuple[list[Any], ...]]:
    report = rescreen_report(session, list_id)
    return {
        request.request_id: tuple(
            sorted((m.subject, m.entry_id) for m in matches)
            for matches in (request.new_candidates, request.already_judged, request.delisted)
        )
        for request in report.requests
    }


def _second_database(database: Database, tmp_path: Path) -> Database:
    """A copy of the database as it is (its write-ahead log included)."""
    path = tmp_path / "full" / "postkit.sqlite3"
    path.parent.mkdir()
    with (
        sqlite3.connect(str(database.engine.url.database)) as source,
        sqlite3.connect(path) as copy,
    ):
        source.backup(copy)
    return connect(path)


@pytest.mark.slow
def test_a_delta_re_screening_finds_what_a_full_one_finds(
    database: Database, tmp_path: Path, list_pair: tuple[Path, Path, list[Any]]
) -> None:
    old, new, requests = list_pair
    with database.session() as session:
        _screened_on_old(session, old, requests)
        request_ids = [record.id for record in _all_requests(session)]
        newer_id = _stored_unscreened(session, new)
    full_database = _second_database(database, tmp_path)

    with database.session() as session:
        rescreen_after_import(session, newer_id, ACTOR, TODAY)
        delta = _candidates(session, request_ids)
        delta_log = _logged(session, newer_id)
        assert verify_chain(session).is_intact
    sanctions_store.clear_matcher_cache()
    with full_database.session() as session:
        rescreen_after_import(session, newer_id, ACTOR, TODAY, full=True)
        full = _candidates(session, request_ids)
        full_log = _logged(session, newer_id)
    full_database.dispose()

    assert delta == full
    assert delta_log == full_log
    # The generated pair exercises each kind of change.
    assert any(log[0] for log in delta_log.values()), "new candidates"
    assert any(log[2] for log in delta_log.values()), "candidates of removed entries"
    assert any(row[8] is not None and row[5] is Judgement.DISMISSED for rows in delta.values()
               for row in rows), "a dismissed candidate whose entry was removed"  # fmt: skip


@pytest.mark.slow
def test_an_open_request_re_screened_by_delta_has_the_candidates_the_new_list_gives(
    session: Session, list_pair: tuple[Path, Path, list[Any]]
) -> None:
    old, new, requests = list_pair
    _screened_on_old(session, old, requests)
    newer_id = _stored_unscreened(session, new)

    rescreen_after_import(session, newer_id, ACTOR, TODAY)

    matcher = matcher_for(session, newer_id)
    for row in _all_requests(session):
        record = get_request(session, row.id)
        if record.decision is not None:
            continue
        expected = {
            (subject.name, candidate.entry.id, candidate.score)
            for subject in screened_subjects(row)
            for candidate in subject_candidates(matcher, subject, record.match_threshold or 70)
        }
        listed = {(m.subject, m.entry_id, m.score) for m in record.matches if not m.is_delisted}
        assert listed == expected, row.company_name


def test_a_delta_re_screening_matches_only_the_new_and_changed_entries(
    session: Session, list_pair: tuple[Path, Path, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request screened on the previous version with fewer candidates than a name may have
    is matched against the changed entries alone: the newer list's full index is not used."""
    old, new, _requests = list_pair
    names = [row[2] for row in csv.reader(old.open(encoding="utf-8"))][1:]
    rare = [name for name in names if names.count(name) == 1 and " " in name][:3]
    requests = [
        RequestInput(
            company_name=f"Zeeland Agro {number} B.V.",
            support_kind="letter_of_support",
            requested_on=date(2026, 3, 2),
            directors=(name,),
        )
        for number, name in enumerate(rare, start=1)
    ]
    _screened_on_old(session, old, [requests[2], *requests])  # the first is decided
    newer_id = _stored_unscreened(session, new)
    sanctions_store.clear_matcher_cache()
    loaded: list[int] = []
    real = sanctions_store.matcher_for

    def counting(session: Session, list_id: int) -> Any:
        loaded.append(list_id)
        return real(session, list_id)

    monkeypatch.setattr(sanctions_store, "matcher_for", counting)

    report = rescreen_after_import(session, newer_id, ACTOR, TODAY)

    assert len(report.requests) == 4
    assert any(request.new_candidates for request in report.requests)
    assert newer_id not in loaded


@pytest.mark.parametrize(
    ("old_count", "removed", "added"),
    [
        # Ten candidates kept of twelve: three removed, the two cut off before come in.
        (12, ("twin-01", "twin-02", "twin-03"), 0),
        # Eight candidates, five entries added: ten of the thirteen are kept.
        (8, (), 5),
    ],
)
def test_a_name_with_more_listed_namesakes_than_candidates_kept_gets_the_full_list_s_best(
    session: Session, tmp_path: Path, old_count: int, removed: tuple[str, ...], added: int
) -> None:
    def twin(number: int) -> list[str]:
        return [f"twin-{number:02d}", "Person", "Ivan Fiktivov", "", "", "", "2026-01-01"]

    # Other names, so that the change is a small part of the list, as a delta is.
    rows = [[f"other-{n}", "Company", f"Zeeland Trading {n}", "", "", "", ""] for n in range(40)]
    rows += [twin(number) for number in range(1, old_count + 1)]
    import_sanctions_list(session, _write(tmp_path / "a.csv", rows), ACTOR, today=TODAY)
    data = RequestInput(
        company_name="Zeeland Agro B.V.",
        support_kind="letter_of_support",
        requested_on=date(2026, 3, 2),
        directors=("Ivan Fiktivov",),
    )
    request_id = screen_request(session, create_request(session, data, ACTOR).id, ACTOR).id
    newer_rows = [row for row in rows if row[0] not in removed]
    newer_rows += [twin(number) for number in range(50, 50 + added)]

    newer = import_sanctions_list(session, _write(tmp_path / "b.csv", newer_rows), ACTOR, TODAY)

    listed = sorted(row[0] for row in newer_rows if row[0].startswith("twin"))
    matches = get_request(session, request_id).matches
    assert sorted(m.entry_id for m in matches if not m.is_delisted) == listed[:10]
    assert sorted(m.entry_id for m in matches if m.is_delisted) == sorted(
        entry_id for entry_id in removed
    )
    assert all(m.list_id == newer.id for m in matches if not m.is_delisted)


def test_a_candidate_of_an_entry_removed_from_the_list_is_marked_delisted_with_its_dismissal(
    session: Session, tmp_path: Path
) -> None:
    rows = [
        ["nk-1", "Person", "Anton Orlovsky", "", "1970-01-01", "ru", "2026-01-01"],
        ["nk-2", "Person", "Erik Jansen", "", "1961-09-30", "by", "2026-01-01"],
    ]
    import_sanctions_list(session, _write(tmp_path / "a.csv", rows), ACTOR, today=TODAY)
    data = RequestInput(
        company_name="Oranje Delta Agro B.V.",
        support_kind="letter_of_support",
        requested_on=date(2026, 3, 2),
        directors=("Anton Orlovsky", "Erik Jansen"),
    )
    record = screen_request(session, create_request(session, data, ACTOR).id, ACTOR)
    orlovsky = next(m for m in record.matches if m.entry_id == "nk-1")
    judge_match(session, orlovsky.id, Judgement.DISMISSED, "Born 1981 per passport", ACTOR)

    newer = import_sanctions_list(session, _write(tmp_path / "b.csv", rows[1:]), ACTOR, TODAY)

    after = get_request(session, record.id)
    removed = next(m for m in after.matches if m.entry_id == "nk-1")
    assert removed.is_delisted and removed.delisted_list_id == newer.id
    assert (removed.judgement, removed.judgement_note) == (
        Judgement.DISMISSED,
        "Born 1981 per passport",
    )
    kept = next(m for m in after.matches if m.entry_id == "nk-2")
    assert not kept.is_delisted and kept.list_id == newer.id
    (rescreened,) = rescreen_report(session, newer.id).requests
    assert [m.entry_id for m in rescreened.delisted] == ["nk-1"]
    last = entries_for(session, record.id)[-1]
    assert last.action == "rescreened"
    assert last.details["delisted"] == [
        {
            "subject": "Anton Orlovsky",
            "entry_id": "nk-1",
            "entry_name": "Anton Orlovsky",
            "judgement": "dismissed",
            "note": "Born 1981 per passport",
        }
    ]
    assert verify_chain(session).is_intact


def _all_requests(session: Session) -> list[Any]:
    from sqlalchemy import select

    from postkit.core.screening.models import SupportRequestRow

    return list(session.scalars(select(SupportRequestRow).order_by(SupportRequestRow.id)))
