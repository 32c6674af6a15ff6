"""Imported sanctions lists in the database, and screening a request's names against them."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.db.locking import read_only
from postkit.core.db.rows import get_row
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.screening.audit import append_entry
from postkit.core.screening.matching import (
    DEFAULT_THRESHOLD,
    MATCHER_VERSION,
    Candidate,
    NameMatcher,
)
from postkit.core.screening.models import (
    SanctionsEntryRow,
    SanctionsListRow,
    SanctionsMatchRow,
    SanctionsScreenedListRow,
    SupportRequestRow,
)
from postkit.core.screening.name_index import ListEntries, index_file, read_index, write_index
from postkit.core.screening.records import (
    Judgement,
    RequestRecord,
    SanctionsListInfo,
    ScreeningFinding,
)
from postkit.core.screening.sanctions import VALUE_SEPARATOR, SanctionsEntry
from postkit.core.screening.service import (
    commit_record,
    list_info,
    refuse_if_decided,
    request_row,
    to_input,
    to_record,
)
from postkit.core.screening.validation import checked_actor

SANCTIONS_ITEM = "sanctions"
CANDIDATES_PER_NAME = 10
_ENTRY_COLUMNS = (
    SanctionsEntryRow.entry_id,
    SanctionsEntryRow.schema,
    SanctionsEntryRow.name,
    SanctionsEntryRow.aliases,
    SanctionsEntryRow.birth_date,
    SanctionsEntryRow.countries,
    SanctionsEntryRow.addresses,
    SanctionsEntryRow.identifiers,
    SanctionsEntryRow.sanctions,
    SanctionsEntryRow.program_ids,
    SanctionsEntryRow.dataset,
    SanctionsEntryRow.first_seen,
    SanctionsEntryRow.last_seen,
    SanctionsEntryRow.last_change,
)


# Lists ----------------------------------------------------------------------------------


def _joined(values: tuple[str, ...]) -> str:
    return VALUE_SEPARATOR.join(values)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(VALUE_SEPARATOR) if part) if text else ()


def entry_values(list_id: int, entry: SanctionsEntry) -> dict[str, Any]:
    values: dict[str, Any] = {"list_id": list_id, "entry_id": entry.id}
    for field in dataclasses.fields(SanctionsEntry):
        if field.name == "id":
            continue
        value = getattr(entry, field.name)
        values[field.name] = _joined(value) if isinstance(value, tuple) else value
    return values


def current_lists(session: Session) -> list[SanctionsListInfo]:
    """The newest imported list of each source, which screenings use, oldest source first."""
    newest = (
        select(func.max(SanctionsListRow.id)).group_by(SanctionsListRow.source).scalar_subquery()
    )
    rows = session.scalars(
        select(SanctionsListRow)
        .where(SanctionsListRow.id.in_(newest))
        .order_by(SanctionsListRow.id)
    )
    return [list_info(row) for row in rows]


def current_list(session: Session) -> SanctionsListInfo | None:
    """The newest imported list of any source."""
    row = session.scalar(select(SanctionsListRow).order_by(SanctionsListRow.id.desc()).limit(1))
    return list_info(row) if row else None


def old_lists(session: Session, max_age_days: int, today: date) -> list[SanctionsListInfo]:
    """The current lists published more than `max_age_days` before `today`."""
    return [info for info in current_lists(session) if info.is_older_than(max_age_days, today)]


def list_entries(session: Session, list_id: int) -> list[SanctionsEntry]:
    """The entries of one imported list, in file order."""
    rows = session.execute(
        select(*_ENTRY_COLUMNS)
        .where(SanctionsEntryRow.list_id == list_id)
        .order_by(SanctionsEntryRow.id)
    )
    return [_row_entry(row) for row in rows]


def _row_entry(row: Any) -> SanctionsEntry:
    values = list(row)
    for index in range(3, 11):
        values[index] = _split(values[index])
    return SanctionsEntry(*values)


def _entries_by_row_id(engine: Engine, row_ids: Sequence[int]) -> list[SanctionsEntry]:
    """The entries of these database rows, in that order (for a matcher read from a file)."""
    with Session(read_only(engine)) as session:
        rows = session.execute(
            select(SanctionsEntryRow.id, *_ENTRY_COLUMNS).where(SanctionsEntryRow.id.in_(row_ids))
        )
        found = {row[0]: _row_entry(row[1:]) for row in rows}
    return [found[row_id] for row_id in row_ids]


def _entry_row_ids(session: Session, list_id: int) -> range | list[int]:
    """The row ids of a list's entries in file order: a range when they run on, as an import
    writes them."""
    in_list = SanctionsEntryRow.list_id == list_id
    first, last, count = session.execute(
        select(func.min(SanctionsEntryRow.id), func.max(SanctionsEntryRow.id), func.count()).where(
            in_list
        )
    ).one()
    if count and last - first + 1 == count:
        return range(first, last + 1)
    return list(
        session.scalars(select(SanctionsEntryRow.id).where(in_list).order_by(SanctionsEntryRow.id))
    )


# What decides whether an entry matches a name as before: a change elsewhere (a programme, a
# date seen) leaves its candidates as they were.
_MATCHED_COLUMNS = (
    SanctionsEntryRow.schema,
    SanctionsEntryRow.name,
    SanctionsEntryRow.aliases,
    SanctionsEntryRow.birth_date,
    SanctionsEntryRow.countries,
)


@dataclass(frozen=True)
class ListDelta:
    """The entries of a list new or changed (as matching reads them) since an earlier version
    of it. Entries removed are not here: a re-screening asks the list for the entries of the
    candidates it holds."""

    previous_id: int
    list_id: int
    changed: list[SanctionsEntry]
    entry_count: int

    @cached_property
    def changed_ids(self) -> frozenset[str]:
        return frozenset(entry.id for entry in self.changed)


def list_delta(session: Session, previous_id: int, list_id: int) -> ListDelta:
    """The entries of list `list_id` that list `previous_id` (an earlier version of the same
    source) does not hold as they are.

    The database compares the two (EXCEPT): reading a million entries into Python to compare
    them would take ten times as long. An id that stands on several entries (no official
    list has one) changes when any of its entries in the newer list does.
    """

    def matched(of_list: int) -> Any:
        return select(SanctionsEntryRow.entry_id, *_MATCHED_COLUMNS).where(
            SanctionsEntryRow.list_id == of_list
        )

    differing = matched(list_id).except_(matched(previous_id)).subquery()
    changed_ids = sorted(set(session.scalars(select(differing.c.entry_id))))
    changed = entries_with_ids(session, list_id, changed_ids)
    listing = session.get(SanctionsListRow, list_id)
    return ListDelta(previous_id, list_id, changed, listing.entry_count if listing else 0)


def entries_with_ids(
    session: Session, list_id: int, entry_ids: Iterable[str]
) -> list[SanctionsEntry]:
    """The entries of a list with these ids, in file order."""
    found: list[tuple[int, SanctionsEntry]] = []
    wanted = sorted(set(entry_ids))
    for start in range(0, len(wanted), 500):
        # Sorted here, not by the query: ORDER BY id makes SQLite walk the list's entries
        # in order instead of looking the ids up.
        rows = session.execute(
            select(SanctionsEntryRow.id, *_ENTRY_COLUMNS).where(
                SanctionsEntryRow.list_id == list_id,
                SanctionsEntryRow.entry_id.in_(wanted[start : start + 500]),
            )
        )
        found += ((row[0], _row_entry(row[1:])) for row in rows)
    return [entry for _, entry in sorted(found, key=itemgetter(0))]


_MATCHER_CACHE_SIZE = 2
_matchers: OrderedDict[tuple[str, int, str], NameMatcher] = OrderedDict()
_matchers_lock = threading.Lock()


def matcher_for(session: Session, list_id: int) -> NameMatcher:
    """The name index of a list, built once and kept for the most recently used lists."""
    list_row = get_row(
        session, SanctionsListRow, list_id, f"sanctions list {list_id} no longer exists"
    )
    # The database is part of the key: another database may hold a list with the same id.
    key = (session.get_bind().engine.url.render_as_string(), list_id, list_row.sha256)
    with _matchers_lock:
        matcher = _matchers.get(key)
        if matcher is not None:
            _matchers.move_to_end(key)
            return matcher
    matcher = _load_matcher(session, list_id, list_row.sha256)
    with _matchers_lock:
        _matchers[key] = matcher
        while len(_matchers) > _MATCHER_CACHE_SIZE:
            _matchers.popitem(last=False)
    return matcher


def _load_matcher(session: Session, list_id: int, sha256: str) -> NameMatcher:
    """The list's index read from its file beside the database, or built and written there."""
    engine = session.get_bind().engine
    path = index_file(engine, sha256)
    if path is not None:
        entries = ListEntries(engine, _entries_by_row_id, _entry_row_ids(session, list_id))
        matcher = read_index(path, entries)
        if matcher is not None:
            return matcher
    matcher = NameMatcher(list_entries(session, list_id))
    if path is not None:
        write_index(path, matcher)
    return matcher


def clear_matcher_cache() -> None:
    with _matchers_lock:
        _matchers.clear()


# Screening ------------------------------------------------------------------------------


def screening_finding(record: RequestRecord) -> ScreeningFinding | None:
    """What the screening found, beside the sanctions answer; None when not screened.

    The screening leaves the answer to the officer: it shows here, and the officer answers
    or confirms (nothing the officer entered changes without the officer).
    """
    if record.screened_at is None:
        return None
    counts = Counter(match.judgement for match in record.matches)
    judged = [match.judged_at for match in record.matches if match.judged_at is not None]
    return ScreeningFinding(
        screened_at=record.screened_at,
        list_file=", ".join(listing.file_name for listing in record.screened_lists),
        confirmed=counts[Judgement.CONFIRMED],
        dismissed=counts[Judgement.DISMISSED],
        # A delisted candidate left open is no longer one to judge (see MatchRecord).
        open=sum(1 for match in record.matches if match.is_to_judge),
        found_at=max([record.screened_at, *judged]),
        answer=record.answer(SANCTIONS_ITEM),
    )


class ScreenedSubject(NamedTuple):
    """A name a screening matches, its kind, and the country and date of birth the matcher
    weighs beside it."""

    name: str
    kind: str  # "company" or "director"
    country: str | None = None
    birth_date: str | None = None


def screened_subjects(row: SupportRequestRow) -> list[ScreenedSubject]:
    """The names a screening matches: the company's, then each director's, with their kind.

    The company's country, and a director's nationality and date of birth where the request
    gives them, raise or lower a listed entry's score.
    """
    data = to_input(row)
    subjects = [ScreenedSubject(data.company_name, "company", data.company_country)]
    for name in data.directors:
        details = data.details_of(name)
        subjects.append(
            ScreenedSubject(
                name, "director", details.nationality or None, details.birth_date or None
            )
        )
    return subjects


def subject_candidates(
    matcher: NameMatcher, subject: ScreenedSubject, threshold: float
) -> list[Candidate]:
    """A subject's candidates on one list, its country and date of birth weighed in."""
    return matcher.match(
        subject.name,
        CANDIDATES_PER_NAME,
        threshold,
        country=subject.country,
        birth_date=subject.birth_date,
    )


def candidate_row(list_id: int, subject: str, kind: str, candidate: Candidate) -> SanctionsMatchRow:
    """A new, open candidate as stored, with the list entry and why it scored as it did."""
    match = SanctionsMatchRow(subject=subject, subject_kind=kind, judgement=Judgement.OPEN.value)
    update_candidate_row(match, list_id, candidate)
    return match


def update_candidate_row(match: SanctionsMatchRow, list_id: int, candidate: Candidate) -> None:
    """A stored candidate found again on a list: its entry and score as found; its judgement
    stays, and a candidate marked delisted before is listed again."""
    entry = candidate.entry
    match.list_id = list_id
    match.entry_id = entry.id
    match.entry_name = entry.name
    match.entry_schema = entry.schema
    match.entry_details = entry_details_text(entry)
    match.score = candidate.score
    match.matched_name = candidate.matched_name
    match.explanation = "\n".join(candidate.explanation)
    match.delisted_list_id = None


def entry_details_text(entry: SanctionsEntry) -> str:
    return json.dumps(dataclasses.asdict(entry), ensure_ascii=False)


def screen_request(
    session: Session, request_id: int, actor: str, threshold: float = DEFAULT_THRESHOLD
) -> RequestRecord:
    """Match the company and its directors against the current list; store the candidates.

    A candidate judged before for the same name and list entry keeps its judgement.
    """
    actor = checked_actor(actor)
    row = request_row(session, request_id)
    refuse_if_decided(row)
    if not 0 <= threshold <= 100:
        raise ValidationError("threshold", "a score between 0 and 100")
    listings = current_lists(session)
    if not listings:
        raise PostkitError(
            "no sanctions list imported yet; import the EU, UN or Dutch list (or an "
            "OpenSanctions targets.simple.csv, licensed for non-commercial use only) before "
            "screening"
        )
    judged = {
        (match.subject, match.entry_id): match
        for match in row.matches
        if match.judgement != Judgement.OPEN.value
    }
    new_matches: list[SanctionsMatchRow] = []
    for listing, subject, kind, candidate in _candidates(session, row, listings, threshold):
        match = candidate_row(listing.id, subject, kind, candidate)
        earlier = judged.pop((subject, candidate.entry.id), None)
        if earlier is not None:
            match.judgement = earlier.judgement
            match.judged_by = earlier.judged_by
            match.judged_at = earlier.judged_at
            match.judgement_note = earlier.judgement_note
        new_matches.append(match)
    row.matches = new_matches
    row.screened_list_id = listings[0].id
    session.execute(
        delete(SanctionsScreenedListRow).where(SanctionsScreenedListRow.request_id == row.id)
    )
    session.add_all(
        SanctionsScreenedListRow(request_id=row.id, list_id=listing.id) for listing in listings
    )
    row.screened_at = utc_now()
    row.matcher_version = MATCHER_VERSION
    row.match_threshold = threshold
    row.updated_at = row.screened_at
    row.updated_by = actor
    details = screening_details(row, listings, threshold, new_matches, list(judged.values()))
    append_entry(session, row.id, actor, "screened", details)
    return commit_record(session, row)


def screening_details(
    row: SupportRequestRow,
    listings: Sequence[SanctionsListInfo],
    threshold: float,
    matches: Sequence[SanctionsMatchRow],
    judged_gone: Sequence[SanctionsMatchRow] = (),
) -> dict[str, Any]:
    """What the log keeps of a screening: the lists, the names and the candidates."""
    details: dict[str, Any] = {
        "lists": [
            {
                "list_id": listing.id,
                "source": listing.source,
                "file_name": listing.file_name,
                "list_date": listing.list_date,
                "sha256": listing.sha256,
            }
            for listing in listings
        ],
        "matcher_version": MATCHER_VERSION,
        "threshold": threshold,
        "subjects": [subject.name for subject in screened_subjects(row)],
        "candidates": [
            {
                "subject": match.subject,
                "list_id": match.list_id,
                "entry_id": match.entry_id,
                "score": match.score,
                "judgement": match.judgement,
            }
            for match in matches
            # Candidates whose entry was removed from the list are logged as such when it is.
            if match.delisted_list_id is None
        ],
    }
    if judged_gone:
        # Judged candidates the new screening no longer finds; their judgements stay here.
        details["judged_candidates_gone"] = [
            {"subject": match.subject, "entry_id": match.entry_id, "judgement": match.judgement}
            for match in judged_gone
        ]
    return details


def _candidates(
    session: Session,
    row: SupportRequestRow,
    listings: list[SanctionsListInfo],
    threshold: float,
) -> Iterator[tuple[SanctionsListInfo, str, str, Candidate]]:
    """Each screened name's candidates on each list."""
    for listing in listings:
        matcher = matcher_for(session, listing.id)
        for subject in screened_subjects(row):
            for candidate in subject_candidates(matcher, subject, threshold):
                yield listing, subject.name, subject.kind, candidate


def match_current_lists(
    session: Session, name: str, limit: int, threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[SanctionsListInfo, Candidate]]:
    """A name's best candidates over all current lists, best first."""
    found = [
        (listing, candidate)
        for listing in current_lists(session)
        for candidate in matcher_for(session, listing.id).match(name, limit, threshold)
    ]
    found.sort(key=lambda pair: (-pair[1].score, pair[0].id, pair[1].entry.id))
    return found[:limit]


def judge_match(
    session: Session, match_id: int, judgement: Judgement | str, note: str, actor: str
) -> RequestRecord:
    """Confirm or dismiss a candidate (a note says why), or set it open again."""
    actor = checked_actor(actor)
    match = get_row(
        session, SanctionsMatchRow, match_id, f"sanctions candidate {match_id} no longer exists"
    )
    row = request_row(session, match.request_id)
    refuse_if_decided(row)
    try:
        judgement = Judgement(judgement)
    except ValueError:
        raise ValidationError("judgement", f"unknown judgement {judgement!r}") from None
    note = note.strip()
    if judgement is not Judgement.OPEN and not note:
        raise ValidationError("note", "say why the candidate is confirmed or dismissed")
    old = Judgement(match.judgement)
    old_note = match.judgement_note
    if old is judgement and old_note == note:
        return to_record(session, row)
    match.judgement = judgement.value
    match.judgement_note = note
    match.judged_by = actor if judgement is not Judgement.OPEN else ""
    match.judged_at = utc_now() if judgement is not Judgement.OPEN else None
    row.updated_at = utc_now()
    row.updated_by = actor
    details: dict[str, Any] = {
        "match_id": match.id,
        "subject": match.subject,
        "entry_id": match.entry_id,
        "entry_name": match.entry_name,
        "score": match.score,
        "judgement": {"old": old, "new": judgement},
        "note": {"old": old_note, "new": note},
    }
    append_entry(session, row.id, actor, "judged", details)
    return commit_record(session, row)
