"""Screening requests again when a newer sanctions list is imported.

Several lists are in use side by side, one version of each source (EU, UN, Dutch,
OpenSanctions). When a list arrives (a newer version, or a source not used before), open
requests and those decided within the last year are screened again if they were screened
before and not yet on that list. A run killed halfway is finished later: each request is
claimed under the write lock and checked against the log, so no request is screened twice
on one list, and the list's `rescreened_at` is set only when every request is done.

A request screened on an earlier version of the list's source is matched only against the
entries new or changed since that version (`list_delta`) and those its candidates stand on,
with the same candidates as a full re-screening gives: the entries scoring enough that it
has no candidate of are unchanged entries ranked below its candidates. Only a name whose
candidates the earlier version cut off at CANDIDATES_PER_NAME, one of them since removed or
changed, is matched against the whole list (an entry ranked below may now come in), as is a
request never screened on the source (or by another matcher version). Each list's name
index, and each delta's, is made once per run, not per request.

An open request's candidates on the source become those the list gives: a candidate judged
before for the same name and list entry keeps its judgement, so the officer is not asked
again. A decided request is not reopened: candidates it did not have are added, open, and its
decision, checklist and earlier candidates stay as they were; the officer reopens it to judge
them. In both, a candidate whose entry is no longer on the list is kept, judgement and all,
marked delisted. Each re-run is logged as "rescreened" with the new candidates, those already
judged and those delisted, which is what `rescreen_report` reads back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.db.rows import get_row, in_batches
from postkit.core.errors import PostkitError
from postkit.core.screening import sanctions_store
from postkit.core.screening.audit import append_entry
from postkit.core.screening.matching import (
    DEFAULT_THRESHOLD,
    MATCHER_VERSION,
    Candidate,
    NameMatcher,
)
from postkit.core.screening.models import (
    AuditEntryRow,
    SanctionsListRow,
    SanctionsMatchRow,
    SanctionsScreenedListRow,
    SupportRequestRow,
)
from postkit.core.screening.records import (
    Judgement,
    MatchRecord,
    RequestRecord,
    SanctionsListInfo,
    Status,
)
from postkit.core.screening.sanctions_store import (
    CANDIDATES_PER_NAME,
    ScreenedSubject,
    candidate_row,
    current_lists,
    entries_with_ids,
    list_delta,
    screened_subjects,
    screening_details,
    subject_candidates,
    update_candidate_row,
)
from postkit.core.screening.service import commit_record, list_info, match_records
from postkit.core.screening.validation import checked_actor

RESCREENED = "rescreened"
NEW = "new_candidates"  # in a "rescreened" entry: the candidates the request did not have
Progress = Callable[[int, int], None]
_Key = tuple[str, str]  # (screened name, list entry id)


@dataclass(frozen=True)
class RescreenedRequest:
    """One request screened again: the candidates it did not have, and those judged before."""

    request_id: int
    company_name: str
    status: Status
    new_candidates: tuple[MatchRecord, ...]
    already_judged: tuple[MatchRecord, ...]
    delisted: tuple[MatchRecord, ...] = ()

    @property
    def is_decided(self) -> bool:
        return self.status is Status.DECIDED


@dataclass(frozen=True)
class RescreenReport:
    """What screening the requests again on a newer list found."""

    list_id: int
    requests: tuple[RescreenedRequest, ...]

    @property
    def with_new_candidates(self) -> tuple[RescreenedRequest, ...]:
        return tuple(request for request in self.requests if request.new_candidates)

    @property
    def new_candidate_count(self) -> int:
        return sum(len(request.new_candidates) for request in self.requests)

    def new_candidate_ids(self, request_id: int) -> frozenset[int]:
        """The ids of the new candidates of one request (none when it was not screened)."""
        return frozenset(
            match.id
            for request in self.requests
            if request.request_id == request_id
            for match in request.new_candidates
        )

    def still_to_judge(self) -> RescreenReport:
        """Only the new candidates still open, and only the requests that have any."""
        requests = []
        for request in self.requests:
            still_open = tuple(
                match for match in request.new_candidates if match.judgement is Judgement.OPEN
            )
            if still_open:
                requests.append(
                    RescreenedRequest(
                        request.request_id,
                        request.company_name,
                        request.status,
                        still_open,
                        request.already_judged,
                        request.delisted,
                    )
                )
        return RescreenReport(self.list_id, tuple(requests))


def year_before(today: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def rescreen_after_import(
    session: Session,
    list_id: int,
    actor: str,
    today: date,
    progress: Progress | None = None,
    *,
    full: bool = False,
) -> RescreenReport:
    """Screen again, on the current list, the requests an earlier list screened.

    That is every open request screened before, and every decided one screened before and
    decided on or after the same day a year before `today`. A request already screened
    again on this list is left alone, so running this twice changes nothing. `full` matches
    every request against the whole list, as if none had been screened on its source before
    (what the delta must agree with).

    `progress(done, total)` is called before the first request and after each one, with
    every request screened so far committed; it may raise CancelledError, which leaves the
    list's re-screening unfinished for `finish_rescreening` to complete later.
    """
    actor = checked_actor(actor)
    listing = get_row(
        session, SanctionsListRow, list_id, f"sanctions list {list_id} no longer exists"
    )
    if list_id not in {info.id for info in current_lists(session)}:
        raise PostkitError(
            f"sanctions list {list_id} is not the current list of its source; requests are "
            "screened again only on the current ones"
        )
    since = year_before(today)
    rows = session.scalars(
        select(SupportRequestRow)
        .where(SupportRequestRow.screened_at.is_not(None))
        .order_by(SupportRequestRow.id)
    ).all()
    due: list[tuple[SupportRequestRow, Any]] = []
    for row in rows:
        if row.status == Status.OPEN.value:
            due.append((row, _rescreen_open))
        elif row.decided_at is not None and row.decided_at.astimezone().date() >= since:
            due.append((row, _rescreen_decided))
    run = _Run(session, listing, full)
    report = progress or _no_progress
    report(0, len(due))
    for done, (row, rescreen) in enumerate(due, start=1):
        screened_on = _claim(session, row, list_id)
        if screened_on is not None:
            rescreen(session, row, run, screened_on, actor)
        else:
            session.rollback()
        report(done, len(due))
    listing.rescreened_at = listing.rescreened_at or utc_now()
    session.commit()
    return rescreen_report(session, list_id)


def _no_progress(_done: int, _total: int) -> None:
    pass


def _claim(session: Session, row: SupportRequestRow, list_id: int) -> set[int] | None:
    """Take the write lock for the request; the lists it was screened on (its screening
    record and earlier re-screenings), or None when it needs no screening on this list.

    The lock makes a second process re-screening the same list (two imports of one file)
    wait, and then see that this request was screened on it already.
    """
    # The row is refreshed next, so the session need not look through the other requests
    # it holds for this one ("evaluate" would: quadratic over a few hundred requests).
    session.execute(
        update(SupportRequestRow)
        .where(SupportRequestRow.id == row.id)
        .values(updated_at=SupportRequestRow.updated_at)
        .execution_options(synchronize_session=False)
    )
    session.refresh(row)
    screened_on = set(
        session.scalars(
            select(SanctionsScreenedListRow.list_id).where(
                SanctionsScreenedListRow.request_id == row.id
            )
        )
    )
    if row.screened_at is None or list_id in screened_on or row.screened_list_id == list_id:
        return None
    if row.screened_list_id is not None:
        screened_on.add(row.screened_list_id)
    logged = session.scalars(
        select(AuditEntryRow.details).where(
            AuditEntryRow.action == RESCREENED, AuditEntryRow.request_id == row.id
        )
    )
    for details in logged:
        logged_id = json.loads(details).get("list_id")
        if logged_id == list_id:
            return None
        if isinstance(logged_id, int):
            screened_on.add(logged_id)
    return screened_on


def rescreen_report(session: Session, list_id: int) -> RescreenReport:
    """What re-screening on a list found, read back from the log, as the candidates are now.

    A candidate the request no longer has (its names were changed and screened again) is
    left out; one judged since keeps its place with its new judgement.
    """
    return _reports(session, _rescreen_entries(session, {list_id}))[0]


@dataclass(frozen=True)
class CurrentLists:
    """The current sanctions lists, and the new candidates on them still to judge."""

    current: list[SanctionsListInfo]
    rescreen: RescreenReport | None


def read_current_lists(session: Session) -> CurrentLists:
    """The current lists, with one report of the new candidates still to judge over all."""
    lists = current_lists(session)
    if not lists:
        return CurrentLists(lists, None)
    # Read after every change on the screening page: only the entries that found new
    # candidates can leave one to judge, so only their requests' candidates are read.
    entries = {
        list_id: [(request_id, details) for request_id, details in logged if details.get(NEW)]
        for list_id, logged in _rescreen_entries(session, {info.id for info in lists}).items()
    }
    reports = [report.still_to_judge() for report in _reports(session, entries)]
    return CurrentLists(lists, _merged(reports))


def _reports(
    session: Session, entries: dict[int, list[tuple[int, dict[str, Any]]]]
) -> list[RescreenReport]:
    """A report per list, in the order of `entries`, from its "rescreened" entries."""
    # The requests' candidates in a few queries for all of them: a record per request
    # (`to_record`, its own queries and loads) took ~30 ms over the four lists at ten times
    # the demo data, read after every change on the screening page.
    ids = sorted({request_id for logged in entries.values() for request_id, _ in logged})
    matches = match_records(session, ids)
    headings = {
        row.id: row
        for batch in in_batches(ids)
        for row in session.execute(
            select(
                SupportRequestRow.id, SupportRequestRow.company_name, SupportRequestRow.status
            ).where(SupportRequestRow.id.in_(batch))
        )
    }
    reports = []
    for list_id, logged in entries.items():
        requests = []
        for request_id, details in logged:
            heading = headings.get(request_id)
            if heading is None:
                continue
            by_key = {(match.subject, match.entry_id): match for match in matches[request_id]}
            requests.append(
                RescreenedRequest(
                    request_id,
                    heading.company_name,
                    Status(heading.status),
                    _found(by_key, details.get(NEW, [])),
                    _found(by_key, details.get("already_judged", [])),
                    _found(by_key, details.get("delisted", [])),
                )
            )
        reports.append(RescreenReport(list_id, tuple(requests)))
    return reports


def _merged(reports: list[RescreenReport]) -> RescreenReport:
    """One report of the new candidates still to judge, over the reports of several lists."""
    by_request: dict[int, RescreenedRequest] = {}
    for report in reports:
        for request in report.requests:
            earlier = by_request.get(request.request_id)
            if earlier is None:
                by_request[request.request_id] = request
            else:
                by_request[request.request_id] = RescreenedRequest(
                    request.request_id,
                    request.company_name,
                    request.status,
                    earlier.new_candidates + request.new_candidates,
                    earlier.already_judged + request.already_judged,
                )
    newest = max(report.list_id for report in reports)
    return RescreenReport(newest, tuple(by_request[key] for key in sorted(by_request)))


# Screening one request ------------------------------------------------------------------


class _Run:
    """One re-screening on one list: its name index and its deltas, each read once."""

    def __init__(self, session: Session, listing: SanctionsListRow, full: bool) -> None:
        self.session = session
        self.list_id = listing.id
        self.full = full
        self.source_ids = set(
            session.scalars(
                select(SanctionsListRow.id).where(SanctionsListRow.source == listing.source)
            )
        )
        self._matcher: NameMatcher | None = None
        self._deltas: dict[int, tuple[frozenset[str], NameMatcher] | None] = {}

    @property
    def matcher(self) -> NameMatcher:
        """The whole list's index (read only when some name needs it)."""
        if self._matcher is None:
            self._matcher = sanctions_store.matcher_for(self.session, self.list_id)
        return self._matcher

    def delta(self, previous_id: int) -> tuple[frozenset[str], NameMatcher] | None:
        """The ids of the entries changed since `previous_id`, and an index of those and of
        the entries the source's candidates stand on (as the list now has them); None when
        so much changed that the whole list is matched."""
        if previous_id not in self._deltas:
            delta = list_delta(self.session, previous_id, self.list_id)
            if len(delta.changed) > _MAX_DELTA_SHARE * delta.entry_count:
                self._deltas[previous_id] = None
            else:
                candidates = self.session.scalars(
                    select(SanctionsMatchRow.entry_id).where(
                        SanctionsMatchRow.list_id.in_(self.source_ids),
                        SanctionsMatchRow.delisted_list_id.is_(None),
                    )
                )
                standing = entries_with_ids(
                    self.session, self.list_id, set(candidates) - delta.changed_ids
                )
                index = NameMatcher([*delta.changed, *standing])
                self._deltas[previous_id] = (delta.changed_ids, index)
        return self._deltas[previous_id]


# A delta of more than this share of the list is matched as the whole list: its index is
# read from its file faster than the delta's is built.
_MAX_DELTA_SHARE = 0.3


@dataclass
class _Found:
    """What the list gives for a request's names, and which entries of its earlier
    candidates the list still holds."""

    # (subject kind, screened name, entry id): a sole trader's company may bear a director's
    # name, and is screened with the company's country.
    Key = tuple[str, str, str]

    candidates: dict[_Found.Key, tuple[ScreenedSubject, Candidate]]
    present: set[str]


def _find(
    run: _Run, row: SupportRequestRow, screened_on: set[int], threshold: float
) -> tuple[_Found, list[SanctionsMatchRow]]:
    """Match the request's names on the run's list; with the request's candidates from the
    list's source (any version)."""
    previous = max((i for i in screened_on if i in run.source_ids), default=None)
    delta = None
    if not run.full and previous is not None and row.matcher_version == MATCHER_VERSION:
        delta = run.delta(previous)
    ours = [match for match in row.matches if match.list_id in run.source_ids]
    listed = [match for match in ours if match.delisted_list_id is None]
    present = {
        e.id for e in entries_with_ids(run.session, run.list_id, {m.entry_id for m in listed})
    }
    found = _Found({}, present)
    for subject in screened_subjects(row):
        index: NameMatcher | None = None
        if delta is not None:
            changed_ids, delta_index = delta
            earlier = [
                m for m in listed if (m.subject_kind, m.subject) == (subject.kind, subject.name)
            ]
            # Fewer earlier candidates than a name may have were all the entries scoring
            # enough; as many or more that all stand unchanged rank above every entry left
            # out. Either way no unchanged entry outside the delta index can come in.
            if len(earlier) < CANDIDATES_PER_NAME or all(
                m.entry_id in present and m.entry_id not in changed_ids for m in earlier
            ):
                index = delta_index
        if index is None:
            index = run.matcher
        for candidate in subject_candidates(index, subject, threshold):
            found.candidates[(subject.kind, subject.name, candidate.entry.id)] = (
                subject,
                candidate,
            )
    return found, ours


def _key(match: SanctionsMatchRow) -> _Found.Key:
    return (match.subject_kind, match.subject, match.entry_id)


def _rescreen_open(
    session: Session, row: SupportRequestRow, run: _Run, screened_on: set[int], actor: str
) -> RequestRecord:
    """The request's candidates on the list's source become those the list gives."""
    threshold = row.match_threshold if row.match_threshold is not None else DEFAULT_THRESHOLD
    found, ours = _find(run, row, screened_on, threshold)
    existing = {_key(match): match for match in ours}
    judged: list[SanctionsMatchRow] = []
    delisted: list[SanctionsMatchRow] = []
    gone: list[SanctionsMatchRow] = []
    for key, match in existing.items():
        if key in found.candidates:
            update_candidate_row(match, run.list_id, found.candidates[key][1])
        elif match.delisted_list_id is not None:
            continue
        elif match.entry_id not in found.present:
            match.delisted_list_id = run.list_id
            delisted.append(match)
            continue
        else:
            gone.append(match)  # the entry scores too low now, as a new screening shows
            continue
        if match.judgement != Judgement.OPEN.value:
            judged.append(match)
    added = [
        candidate_row(run.list_id, subject.name, subject.kind, candidate)
        for key, (subject, candidate) in found.candidates.items()
        if key not in existing
    ]
    for match in gone:
        row.matches.remove(match)
    row.matches.extend(added)
    _screened_on_list(session, row, run, screened_on, threshold, actor, gone)
    session.flush()
    _log(session, row, actor, run.list_id, threshold, Status.OPEN, added, judged, delisted)
    return commit_record(session, row)


def _screened_on_list(
    session: Session,
    row: SupportRequestRow,
    run: _Run,
    screened_on: set[int],
    threshold: float,
    actor: str,
    gone: list[SanctionsMatchRow],
) -> None:
    """The open request's screening record: this list in place of its source's earlier one."""
    session.execute(
        delete(SanctionsScreenedListRow).where(
            SanctionsScreenedListRow.request_id == row.id,
            SanctionsScreenedListRow.list_id.in_(run.source_ids),
        )
    )
    session.add(SanctionsScreenedListRow(request_id=row.id, list_id=run.list_id))
    session.flush()
    lists = session.scalars(
        select(SanctionsListRow)
        .join(SanctionsScreenedListRow, SanctionsScreenedListRow.list_id == SanctionsListRow.id)
        .where(SanctionsScreenedListRow.request_id == row.id)
        .order_by(SanctionsListRow.id)
    ).all()
    row.screened_list_id = lists[0].id
    row.screened_at = utc_now()
    row.matcher_version = MATCHER_VERSION
    row.match_threshold = threshold
    row.updated_at = row.screened_at
    row.updated_by = actor
    listings = [list_info(listing) for listing in lists]
    judged_gone = [match for match in gone if match.judgement != Judgement.OPEN.value]
    details = screening_details(row, listings, threshold, row.matches, judged_gone)
    append_entry(session, row.id, actor, "screened", details)


def _rescreen_decided(
    session: Session, row: SupportRequestRow, run: _Run, screened_on: set[int], actor: str
) -> RequestRecord:
    """Add the candidates the request did not have; its decision and screening record stay."""
    threshold = row.match_threshold if row.match_threshold is not None else DEFAULT_THRESHOLD
    found, ours = _find(run, row, screened_on, threshold)
    existing = {_key(match): match for match in row.matches}
    added: list[SanctionsMatchRow] = []
    judged: list[SanctionsMatchRow] = []
    for key, (subject, candidate) in found.candidates.items():
        match = existing.get(key)
        if match is None:
            added.append(candidate_row(run.list_id, subject.name, subject.kind, candidate))
            continue
        if match.delisted_list_id is not None:  # listed again
            match.delisted_list_id = None
        if match.judgement != Judgement.OPEN.value:
            judged.append(match)
    delisted = [
        match
        for match in ours
        if match.delisted_list_id is None
        and match.entry_id not in found.present
        and _key(match) not in found.candidates
    ]
    for match in delisted:
        match.delisted_list_id = run.list_id
    if added or delisted:
        row.matches.extend(added)
        row.updated_at = utc_now()
        row.updated_by = actor
    session.flush()
    _log(session, row, actor, run.list_id, threshold, Status.DECIDED, added, judged, delisted)
    return commit_record(session, row)


def _log(
    session: Session,
    row: SupportRequestRow,
    actor: str,
    list_id: int,
    threshold: float,
    status: Status,
    new: Iterable[SanctionsMatchRow],
    judged: Iterable[SanctionsMatchRow],
    delisted: Iterable[SanctionsMatchRow],
) -> None:
    listing = session.get(SanctionsListRow, list_id)
    assert listing is not None
    details: dict[str, Any] = {
        "list_id": list_id,
        "file_name": listing.file_name,
        "sha256": listing.sha256,
        "matcher_version": MATCHER_VERSION,
        "threshold": threshold,
        "status": status,
        NEW: [
            {
                "subject": match.subject,
                "entry_id": match.entry_id,
                "entry_name": match.entry_name,
                "score": match.score,
            }
            for match in sorted(new, key=_order)
        ],
        "already_judged": [
            {
                "subject": match.subject,
                "entry_id": match.entry_id,
                "judgement": match.judgement,
                "judged_by": match.judged_by,
                "judged_at": match.judged_at,
                "note": match.judgement_note,
            }
            for match in sorted(judged, key=_order)
        ],
    }
    delisted = sorted(delisted, key=_order)
    if delisted:
        # Candidates whose entry the list no longer holds: kept, with how they were judged.
        details["delisted"] = [
            {
                "subject": match.subject,
                "entry_id": match.entry_id,
                "entry_name": match.entry_name,
                "judgement": match.judgement,
                "note": match.judgement_note,
            }
            for match in delisted
        ]
    append_entry(session, row.id, actor, RESCREENED, details)


def _order(match: SanctionsMatchRow) -> tuple[float, str, str]:
    return (-match.score, match.subject, match.entry_id)


# Reading the log ------------------------------------------------------------------------


def _rescreen_entries(
    session: Session, list_ids: set[int]
) -> dict[int, list[tuple[int, dict[str, Any]]]]:
    """Per list, in the order of its id: the latest "rescreened" entry on it of each
    request, by request id."""
    rows = session.execute(
        select(AuditEntryRow.request_id, AuditEntryRow.details)
        .where(AuditEntryRow.action == RESCREENED, AuditEntryRow.request_id.is_not(None))
        .order_by(AuditEntryRow.id)
    )
    latest: dict[int, dict[int, dict[str, Any]]] = {list_id: {} for list_id in sorted(list_ids)}
    for request_id, text in rows:
        details = json.loads(text)
        list_id = details.get("list_id")
        on_list = latest.get(list_id) if isinstance(list_id, int) else None
        if on_list is not None:
            on_list[request_id] = details
    return {list_id: sorted(logged.items()) for list_id, logged in latest.items()}


def _found(
    by_key: dict[_Key, MatchRecord], logged: list[dict[str, Any]]
) -> tuple[MatchRecord, ...]:
    keys = [(str(item.get("subject", "")), str(item.get("entry_id", ""))) for item in logged]
    return tuple(by_key[key] for key in keys if key in by_key)


def finish_rescreening(
    session: Session,
    actor: str,
    today: date,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Screen again on each current list whose re-screening has not finished; their ids.

    A list stored by a run that was killed or cancelled before (or while) it screened the
    requests again is found here, on the next import or start, and its re-screening
    finished. `progress(done, total)` follows each list's requests in turn.
    """
    finished = []
    current_ids = {info.id for info in current_lists(session)}
    pending = session.scalars(
        select(SanctionsListRow)
        .where(SanctionsListRow.rescreened_at.is_(None))
        .order_by(SanctionsListRow.id)
    ).all()
    for row in pending:
        if row.id in current_ids:
            rescreen_after_import(session, row.id, actor, today, progress)
            finished.append(row.id)
        else:
            # A newer list of the same source came since; its re-screening covers this one.
            row.rescreened_at = utc_now()
            session.commit()
    return finished
