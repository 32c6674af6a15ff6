"""Screening requests again when a newer sanctions list is imported.

Several lists are in use side by side, one version of each source (EU, UN, Dutch,
OpenSanctions). When a list arrives (a newer version, or a source not used before), open
requests and those decided within the last year are screened again if they were screened
before and not yet on that list. A run killed halfway is finished later: each request is
claimed under the write lock and checked against the log, so no request is screened twice
on one list, and the list's `rescreened_at` is set only when every request is done.

An open request gets a full screening (`screen_request`): a
candidate judged before for the same name and list entry keeps its judgement, so the officer
is not asked again. A decided request is not reopened: candidates it did not have are added,
open, and its decision, checklist and earlier candidates stay as they were; the officer
reopens it to judge them. Each re-run is logged as "rescreened" with the new candidates and
those already judged, which is what `rescreen_report` reads back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.errors import NotFoundError, PostkitError
from postkit.core.screening.audit import append_entry
from postkit.core.screening.matching import DEFAULT_THRESHOLD, MATCHER_VERSION
from postkit.core.screening.models import (
    AuditEntryRow,
    SanctionsListRow,
    SanctionsScreenedListRow,
    SupportRequestRow,
)
from postkit.core.screening.records import Judgement, MatchRecord, RequestRecord, Status
from postkit.core.screening.sanctions_store import (
    candidate_row,
    current_lists,
    matcher_for,
    screen_request,
    screened_subjects,
    subject_candidates,
)
from postkit.core.screening.service import commit_record, to_record
from postkit.core.screening.validation import checked_actor

RESCREENED = "rescreened"
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
) -> RescreenReport:
    """Screen again, on the current list, the requests an earlier list screened.

    That is every open request screened before, and every decided one screened before and
    decided on or after the same day a year before `today`. A request already screened
    again on this list is left alone, so running this twice changes nothing.

    `progress(done, total)` is called before the first request and after each one, with
    every request screened so far committed; it may raise CancelledError, which leaves the
    list's re-screening unfinished for `finish_rescreening` to complete later.
    """
    actor = checked_actor(actor)
    listing = session.get(SanctionsListRow, list_id)
    if listing is None:
        raise NotFoundError(f"sanctions list {list_id} no longer exists")
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
    report = progress or _no_progress
    report(0, len(due))
    for done, (row, rescreen) in enumerate(due, start=1):
        if _claim(session, row, list_id):
            rescreen(session, row, list_id, actor)
        else:
            session.rollback()
        report(done, len(due))
    listing.rescreened_at = listing.rescreened_at or utc_now()
    session.commit()
    return rescreen_report(session, list_id)


def _no_progress(_done: int, _total: int) -> None:
    pass


def _claim(session: Session, row: SupportRequestRow, list_id: int) -> bool:
    """Take the write lock for the request; False when it needs no screening on the list.

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
        return False
    logged = session.scalars(
        select(AuditEntryRow.details).where(
            AuditEntryRow.action == RESCREENED, AuditEntryRow.request_id == row.id
        )
    )
    return all(json.loads(details).get("list_id") != list_id for details in logged)


def rescreen_report(session: Session, list_id: int) -> RescreenReport:
    """What re-screening on a list found, read back from the log, as the candidates are now.

    A candidate the request no longer has (its names were changed and screened again) is
    left out; one judged since keeps its place with its new judgement.
    """
    requests = []
    for request_id, details in _rescreen_entries(session, list_id):
        row = session.get(SupportRequestRow, request_id)
        if row is None:
            continue
        record = to_record(session, row)
        by_key = {(match.subject, match.entry_id): match for match in record.matches}
        requests.append(
            RescreenedRequest(
                record.id,
                record.data.company_name,
                record.status,
                _found(by_key, details.get("new_candidates", [])),
                _found(by_key, details.get("already_judged", [])),
            )
        )
    return RescreenReport(list_id, tuple(requests))


# Screening one request ------------------------------------------------------------------


def _rescreen_open(
    session: Session, row: SupportRequestRow, list_id: int, actor: str
) -> RequestRecord:
    before = {(match.subject, match.entry_id) for match in row.matches}
    threshold = row.match_threshold if row.match_threshold is not None else DEFAULT_THRESHOLD
    record = screen_request(session, row.id, actor, threshold)
    new = [match for match in record.matches if (match.subject, match.entry_id) not in before]
    judged = [
        match
        for match in record.matches
        if (match.subject, match.entry_id) in before and match.judgement is not Judgement.OPEN
    ]
    _log(session, record.id, actor, list_id, threshold, Status.OPEN, new, judged)
    return commit_record(session, row)


def _rescreen_decided(
    session: Session, row: SupportRequestRow, list_id: int, actor: str
) -> RequestRecord:
    """Add the candidates the request did not have; its decision and screening record stay."""
    threshold = row.match_threshold if row.match_threshold is not None else DEFAULT_THRESHOLD
    matcher = matcher_for(session, list_id)
    existing = {(match.subject, match.entry_id): match for match in row.matches}
    added = []
    found_again: dict[_Key, None] = {}
    for subject in screened_subjects(row):
        for candidate in subject_candidates(matcher, subject, threshold):
            key = (subject.name, candidate.entry.id)
            if key in existing:
                found_again[key] = None
                continue
            match = candidate_row(list_id, subject.name, subject.kind, candidate)
            existing[key] = match
            added.append(match)
    if added:
        row.matches.extend(added)
        row.updated_at = utc_now()
        row.updated_by = actor
        session.flush()
    record = to_record(session, row)
    added_ids = {match.id for match in added}
    new = [match for match in record.matches if match.id in added_ids]
    judged = [
        match
        for match in record.matches
        if (match.subject, match.entry_id) in found_again and match.judgement is not Judgement.OPEN
    ]
    _log(session, row.id, actor, list_id, threshold, Status.DECIDED, new, judged)
    return commit_record(session, row)


def _log(
    session: Session,
    request_id: int,
    actor: str,
    list_id: int,
    threshold: float,
    status: Status,
    new: Iterable[MatchRecord],
    judged: Iterable[MatchRecord],
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
        "new_candidates": [
            {
                "subject": match.subject,
                "entry_id": match.entry_id,
                "entry_name": match.entry_name,
                "score": match.score,
            }
            for match in new
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
            for match in judged
        ],
    }
    append_entry(session, request_id, actor, RESCREENED, details)


# Reading the log ------------------------------------------------------------------------


def _rescreen_entries(session: Session, list_id: int) -> list[tuple[int, dict[str, Any]]]:
    """The latest "rescreened" entry on the list of each request, by request id."""
    rows = session.execute(
        select(AuditEntryRow.request_id, AuditEntryRow.details)
        .where(AuditEntryRow.action == RESCREENED, AuditEntryRow.request_id.is_not(None))
        .order_by(AuditEntryRow.id)
    )
    latest: dict[int, dict[str, Any]] = {}
    for request_id, text in rows:
        details = json.loads(text)
        if details.get("list_id") == list_id:
            latest[request_id] = details
    return sorted(latest.items())


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
