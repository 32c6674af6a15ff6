"""Support requests: recording them, the checklist, evidence, the decision and reopening.

Every change is logged in the audit trail in the same transaction. A decided request is
refused any change until it is reopened with a reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import column, delete, func, or_, select, table
from sqlalchemy.orm import Session

from postkit.core.attachments import store_attachment
from postkit.core.db.base import new_uuid, utc_now
from postkit.core.db.rows import get_row, in_batches, record_of
from postkit.core.errors import NotFoundError, PostkitError, ValidationError
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.audit import append_entry
from postkit.core.screening.models import (
    ChecklistAnswerRow,
    EvidenceFileRow,
    SanctionsListRow,
    SanctionsMatchRow,
    SanctionsScreenedListRow,
    SupportRequestRow,
)
from postkit.core.screening.records import (
    Answer,
    ChecklistAnswer,
    CompanyRequest,
    Decision,
    DirectorDetails,
    EvidenceFile,
    Judgement,
    MatchRecord,
    Outcome,
    RequestInput,
    RequestRecord,
    RequestRow,
    SanctionsListInfo,
    Status,
)
from postkit.core.screening.steps import open_steps
from postkit.core.screening.validation import (
    checked_actor,
    checked_item,
    checked_links,
    normalised,
    validate_decision,
    validate_request,
)

_INPUT_FIELDS = tuple(f.name for f in fields(RequestInput))
# Changing these makes an earlier sanctions screening no longer cover the request.
_SCREENED_FIELDS = ("company_name", "company_country", "directors", "director_details")


class RequestDecidedError(PostkitError):
    """A change was asked of a decided request that has not been reopened."""

    def __init__(self, request_id: int, company_name: str, decided_at: datetime | None) -> None:
        when = decided_at.date().isoformat() if decided_at else "an earlier date"
        super().__init__(
            f"request {request_id} ({company_name}) was decided on {when}; "
            "reopen it first, giving a reason"
        )
        self.request_id = request_id
        self.decided_at = decided_at


# Reading --------------------------------------------------------------------------------


def request_row(session: Session, request_id: int) -> SupportRequestRow:
    """The stored request, or NotFoundError."""
    return get_row(
        session, SupportRequestRow, request_id, f"support request {request_id} no longer exists"
    )


def refuse_if_decided(row: SupportRequestRow) -> None:
    """Raise RequestDecidedError when the request is decided."""
    if row.status == Status.DECIDED:
        raise RequestDecidedError(row.id, row.company_name, row.decided_at)


def list_info(row: SanctionsListRow) -> SanctionsListInfo:
    return record_of(SanctionsListInfo, row)


def to_input(row: SupportRequestRow) -> RequestInput:
    """What the officer recorded of the request, as stored."""
    stored = ("directors", "director_details")
    values = {name: getattr(row, name) for name in _INPUT_FIELDS if name not in stored}
    details = json.loads(row.director_details) if row.director_details else []
    return RequestInput(
        **values,
        directors=tuple(_lines(row.directors)),
        director_details=tuple(
            DirectorDetails(d["name"], d.get("birth_date", ""), d.get("nationality", ""))
            for d in details
        ),
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _match_record(row: SanctionsMatchRow, lists: dict[int, SanctionsListRow]) -> MatchRecord:
    listing = lists.get(row.list_id) if row.list_id is not None else None
    delisting = lists.get(row.delisted_list_id) if row.delisted_list_id is not None else None
    return record_of(
        MatchRecord,
        row,
        entry_details=json.loads(row.entry_details) if row.entry_details else {},
        explanation=tuple(_lines(row.explanation)),
        judgement=Judgement(row.judgement),
        list_source=listing.source if listing else "",
        list_date=listing.list_date if listing else "",
        delisted_on=delisting.list_date[:10] if delisting else "",
    )


def _answers(row: SupportRequestRow) -> dict[str, ChecklistAnswer]:
    evidence: dict[str, list[EvidenceFile]] = {}
    for file in sorted(row.evidence, key=lambda file: file.id or 0):
        evidence.setdefault(file.item, []).append(
            EvidenceFile(
                file.item,
                file.file_name,
                file.stored_name,
                file.sha256,
                file.size_bytes,
                file.added_at,
            )
        )
    stored = {answer.item: answer for answer in row.answers}
    order = {code: index for index, code in enumerate(screening_reference.checklist_codes())}
    answers: dict[str, ChecklistAnswer] = {}
    for item in sorted(stored.keys() | evidence.keys(), key=lambda code: order.get(code, 999)):
        files = tuple(evidence.get(item, ()))
        answer = stored.get(item)
        if answer is None:
            answers[item] = ChecklistAnswer(item, evidence=files)
            continue
        answers[item] = ChecklistAnswer(
            item=item,
            answer=Answer(answer.answer),
            note=answer.note,
            links=tuple(_lines(answer.links)),
            evidence=files,
            updated_at=answer.updated_at,
            updated_by=answer.updated_by,
        )
    return answers


def to_record(session: Session, row: SupportRequestRow) -> RequestRecord:
    """The request as a frozen value, with its answers, evidence and matches."""
    decision = None
    if row.outcome is not None:
        decision = Decision(
            outcome=Outcome(row.outcome),
            rationale=row.rationale,
            conditions=row.conditions,
            conditions_due=row.conditions_due,
            follow_up_on=row.follow_up_on,
            open_steps=tuple(_lines(row.open_steps)),
            open_steps_reason=row.open_steps_reason,
        )
    screened_ids = set(
        session.scalars(
            select(SanctionsScreenedListRow.list_id).where(
                SanctionsScreenedListRow.request_id == row.id
            )
        )
    )
    if row.screened_list_id is not None:
        screened_ids.add(row.screened_list_id)
    wanted = screened_ids | {
        list_id
        for match in row.matches
        for list_id in (match.list_id, match.delisted_list_id)
        if list_id is not None
    }
    lists = _lists_by_id(session, wanted)
    screened_lists = tuple(
        list_info(lists[list_id]) for list_id in sorted(screened_ids) if list_id in lists
    )
    matches = sorted(row.matches, key=lambda match: (-match.score, match.id or 0))
    return RequestRecord(
        id=row.id,
        uuid=row.uuid,
        data=to_input(row),
        status=Status(row.status),
        decision=decision,
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        answers=_answers(row),
        matches=tuple(_match_record(match, lists) for match in matches),
        screened_list=screened_lists[0] if screened_lists else None,
        screened_lists=screened_lists,
        screened_at=row.screened_at,
        matcher_version=row.matcher_version,
        match_threshold=row.match_threshold,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


def match_records(
    session: Session, request_ids: Iterable[int]
) -> dict[int, tuple[MatchRecord, ...]]:
    """The candidates of each request, as `to_record` gives them, in a query per 500
    requests and one for the lists they name: what a report over many requests needs of
    each, without their records."""
    ids = sorted(set(request_ids))
    found: dict[int, list[SanctionsMatchRow]] = {request_id: [] for request_id in ids}
    for batch in in_batches(ids):
        for match in session.scalars(
            select(SanctionsMatchRow).where(SanctionsMatchRow.request_id.in_(batch))
        ):
            found[match.request_id].append(match)
    wanted = {
        list_id
        for matches in found.values()
        for match in matches
        for list_id in (match.list_id, match.delisted_list_id)
        if list_id is not None
    }
    lists = _lists_by_id(session, wanted)
    return {
        request_id: tuple(
            _match_record(match, lists)
            for match in sorted(matches, key=lambda match: (-match.score, match.id or 0))
        )
        for request_id, matches in found.items()
    }


def _lists_by_id(session: Session, ids: set[int]) -> dict[int, SanctionsListRow]:
    if not ids:
        return {}
    rows = session.scalars(select(SanctionsListRow).where(SanctionsListRow.id.in_(ids)))
    return {row.id: row for row in rows}


def get_request(session: Session, request_id: int) -> RequestRecord:
    return to_record(session, request_row(session, request_id))


def list_requests(
    session: Session, status: Status | None = None, text: str = ""
) -> list[RequestRow]:
    """Requests newest first, optionally of one status and containing `text`."""
    open_matches = (
        select(func.count())
        .where(
            SanctionsMatchRow.request_id == SupportRequestRow.id,
            SanctionsMatchRow.judgement == Judgement.OPEN.value,
            SanctionsMatchRow.delisted_list_id.is_(None),
        )
        .correlate(SupportRequestRow)
        .scalar_subquery()
    )
    query = select(
        SupportRequestRow.id,
        SupportRequestRow.company_name,
        SupportRequestRow.support_kind,
        SupportRequestRow.requested_on,
        SupportRequestRow.status,
        SupportRequestRow.outcome,
        SupportRequestRow.handled_by,
        SupportRequestRow.follow_up_on,
        open_matches.label("open_matches"),
    ).order_by(SupportRequestRow.requested_on.desc(), SupportRequestRow.id.desc())
    if status is not None:
        query = query.where(SupportRequestRow.status == Status(status).value)
    text = text.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        SupportRequestRow.company_name,
                        SupportRequestRow.kvk_number,
                        SupportRequestRow.directors,
                        SupportRequestRow.handled_by,
                        SupportRequestRow.description,
                    )
                )
            )
        )
    return [
        RequestRow(
            **_request_heading(row),
            handled_by=row.handled_by,
            follow_up_on=row.follow_up_on,
            open_matches=row.open_matches,
        )
        for row in session.execute(query)
    ]


def _request_heading(row: Any) -> dict[str, Any]:
    """What a list line and a company's earlier request both say of a request."""
    return {
        "id": row.id,
        "company_name": row.company_name,
        "support_kind": row.support_kind,
        "requested_on": row.requested_on,
        "status": Status(row.status),
        "outcome": Outcome(row.outcome) if row.outcome else None,
    }


def company_requests(
    session: Session, company_id: int, *, except_request: int | None = None
) -> list[CompanyRequest]:
    """The requests of this register company and their decisions, newest first (leaving out
    `except_request`, the one being edited)."""
    query = (
        select(SupportRequestRow)
        .where(SupportRequestRow.company_id == company_id)
        .order_by(SupportRequestRow.requested_on.desc(), SupportRequestRow.id.desc())
    )
    if except_request is not None:
        query = query.where(SupportRequestRow.id != except_request)
    return [
        CompanyRequest(
            **_request_heading(row),
            decided_at=row.decided_at,
            rationale=row.rationale,
            conditions=row.conditions,
        )
        for row in session.scalars(query)
    ]


# Changing -------------------------------------------------------------------------------


def _apply_input(row: SupportRequestRow, data: RequestInput) -> None:
    for name in _INPUT_FIELDS:
        value = getattr(data, name)
        if name == "directors":
            value = "\n".join(value)
        elif name == "director_details":
            value = json.dumps([d._asdict() for d in value], ensure_ascii=False) if value else ""
        setattr(row, name, value)


def _touch(row: SupportRequestRow, actor: str) -> None:
    row.updated_at = utc_now()
    row.updated_by = actor


def commit_record(session: Session, row: SupportRequestRow) -> RequestRecord:
    """Commit the caller's changes and return the request as it now is."""
    try:
        session.commit()
    except Exception:
        session.rollback()
        raise
    return to_record(session, row)


# The register's table, read by name: a request links to a company by id only, so screening
# imports nothing of the register (see the architecture contract).
_COMPANIES = table("companies", column("id"), column("merged_into_id"))


def _check_company(session: Session, company_id: int | None) -> None:
    if company_id is None:
        return
    merged = session.execute(
        select(_COMPANIES.c.merged_into_id).where(_COMPANIES.c.id == company_id)
    ).first()
    if merged is None or merged[0] is not None:
        raise ValidationError("company_id", f"company {company_id} is not in the register")


def create_request(session: Session, data: RequestInput, actor: str) -> RequestRecord:
    """Validate and store a new request; logged as "created"."""
    actor = checked_actor(actor)
    data = normalised(data)
    validate_request(data)
    _check_company(session, data.company_id)
    now = utc_now()
    row = SupportRequestRow(
        uuid=new_uuid(),
        status=Status.OPEN.value,
        created_at=now,
        created_by=actor,
        updated_at=now,
        updated_by=actor,
    )
    _apply_input(row, data)
    session.add(row)
    session.flush()
    details = {name: getattr(data, name) for name in _INPUT_FIELDS}
    append_entry(session, row.id, actor, "created", details)
    return commit_record(session, row)


def update_request(
    session: Session, request_id: int, data: RequestInput, actor: str
) -> RequestRecord:
    """Store new values for an open request; logs the changed fields with old and new values.

    A new company name or new directors void the earlier sanctions screening (its candidates
    stay until the names are screened again).
    """
    actor = checked_actor(actor)
    row = request_row(session, request_id)
    refuse_if_decided(row)
    data = normalised(data)
    validate_request(data)
    if data.company_id != row.company_id:
        _check_company(session, data.company_id)
    old = to_input(row)
    changes: dict[str, Any] = {
        name: {"old": getattr(old, name), "new": getattr(data, name)}
        for name in _INPUT_FIELDS
        if getattr(old, name) != getattr(data, name)
    }
    if not changes:
        return to_record(session, row)
    _apply_input(row, data)
    _touch(row, actor)
    details: dict[str, Any] = {"changes": changes}
    if row.screened_at is not None and any(name in changes for name in _SCREENED_FIELDS):
        row.screened_at = None
        row.screened_list_id = None
        session.execute(
            delete(SanctionsScreenedListRow).where(SanctionsScreenedListRow.request_id == row.id)
        )
        details["screening_voided"] = True
    append_entry(session, row.id, actor, "updated", details)
    return commit_record(session, row)


def _answer_row(row: SupportRequestRow, item: str) -> ChecklistAnswerRow | None:
    return next((answer for answer in row.answers if answer.item == item), None)


def set_answer(
    row: SupportRequestRow,
    item: str,
    answer: Answer,
    note: str,
    links: tuple[str, ...],
    actor: str,
) -> dict[str, Any] | None:
    """Store an answer on the row (no commit, no log); the changes, or None when none."""
    stored = _answer_row(row, item)
    old_answer = Answer(stored.answer) if stored else Answer.UNKNOWN
    old_note = stored.note if stored else ""
    old_links = tuple(_lines(stored.links)) if stored else ()
    changes: dict[str, Any] = {}
    if old_answer != answer:
        changes["answer"] = {"old": old_answer, "new": answer}
    if old_note != note:
        changes["note"] = {"old": old_note, "new": note}
    if old_links != links:
        changes["links"] = {"old": old_links, "new": links}
    if not changes:
        return None
    if stored is None:
        stored = ChecklistAnswerRow(item=item)
        row.answers.append(stored)
    stored.answer = answer.value
    stored.note = note
    stored.links = "\n".join(links)
    stored.updated_at = utc_now()
    stored.updated_by = actor
    _touch(row, actor)
    return changes


def _checked_answer(answer: Answer | str) -> Answer:
    try:
        return Answer(answer)
    except ValueError:
        raise ValidationError("answer", f"answer yes, no or unknown, not {answer!r}") from None


def answer_item(
    session: Session,
    request_id: int,
    item: str,
    answer: Answer | str,
    note: str = "",
    links: Iterable[str] = (),
    *,
    actor: str,
) -> RequestRecord:
    """Answer one checklist item with yes / no / unknown, a note and links; logged "answered"."""
    actor = checked_actor(actor)
    row = request_row(session, request_id)
    refuse_if_decided(row)
    item = checked_item(item)
    changes = set_answer(
        row, item, _checked_answer(answer), note.strip(), checked_links(links), actor
    )
    if changes is None:
        return to_record(session, row)
    append_entry(session, row.id, actor, "answered", {"item": item, **changes})
    return commit_record(session, row)


def confirm_answer(
    session: Session, request_id: int, item: str, *, actor: str, reason: str = ""
) -> RequestRecord:
    """The officer keeps an answer given earlier, now that more is known; logged "confirmed".

    The answer, note and links stay as they are; who confirmed and when become the answer's
    latest save, and the log keeps both the first answer and the confirmation.
    """
    actor = checked_actor(actor)
    row = request_row(session, request_id)
    refuse_if_decided(row)
    item = checked_item(item)
    stored = _answer_row(row, item)
    if stored is None:
        raise ValidationError("answer", f"{item} has no answer yet to confirm; answer it first")
    stored.updated_at = utc_now()
    stored.updated_by = actor
    _touch(row, actor)
    details: dict[str, Any] = {"item": item, "answer": Answer(stored.answer)}
    if reason.strip():
        details["reason"] = reason.strip()
    append_entry(session, row.id, actor, "confirmed", details)
    return commit_record(session, row)


def add_evidence(
    session: Session, files_dir: Path, request_id: int, item: str, path: Path | str, actor: str
) -> RequestRecord:
    """Copy a file into the files folder as evidence for one checklist item."""
    actor = checked_actor(actor)
    row = request_row(session, request_id)
    refuse_if_decided(row)
    item = checked_item(item)
    stored = store_attachment(Path(files_dir), Path(path))
    if any(f.item == item and f.stored_name == stored.stored_name for f in row.evidence):
        raise ValidationError("evidence", f"{stored.file_name} is already attached to {item}")
    row.evidence.append(EvidenceFileRow.from_record(stored, item=item))
    _touch(row, actor)
    details = {
        "item": item,
        "file_name": stored.file_name,
        "stored_name": stored.stored_name,
        "sha256": stored.sha256,
        "size_bytes": stored.size_bytes,
    }
    append_entry(session, row.id, actor, "evidence_added", details)
    return commit_record(session, row)


def remove_evidence(
    session: Session, request_id: int, stored_name: str, actor: str, item: str | None = None
) -> RequestRecord:
    """Detach an evidence file (of one item when `item` is given); the stored copy stays.

    Stored files are content-addressed and may be shared with other records.
    """
    actor = checked_actor(actor)
    row = request_row(session, request_id)
    refuse_if_decided(row)
    removed = [
        file
        for file in row.evidence
        if file.stored_name == stored_name and (item is None or file.item == item)
    ]
    if not removed:
        raise NotFoundError(f"request {request_id} has no evidence file {stored_name!r}")
    for file in removed:
        row.evidence.remove(file)
    _touch(row, actor)
    details = {
        "items": sorted({file.item for file in removed}),
        "file_name": removed[0].file_name,
        "stored_name": stored_name,
        "sha256": removed[0].sha256,
    }
    append_entry(session, row.id, actor, "evidence_removed", details)
    return commit_record(session, row)


def decide(session: Session, request_id: int, decision: Decision, actor: str) -> RequestRecord:
    """Record the outcome with its rationale; the request becomes DECIDED.

    Every sanctions candidate must have been judged first, so that the record says how;
    an open one whose entry a newer list no longer holds is shown as delisted instead.
    Deciding while checklist steps are open needs a reason; the open steps and the reason
    are kept with the decision.
    """
    actor = checked_actor(actor)
    row = request_row(session, request_id)
    refuse_if_decided(row)
    decision = validate_decision(decision)
    unjudged = [
        match
        for match in row.matches
        if match.judgement == Judgement.OPEN.value and match.delisted_list_id is None
    ]
    if unjudged:
        raise ValidationError(
            "matches",
            f"judge the {len(unjudged)} open sanctions candidate(s) before deciding",
        )
    still_open = open_steps(to_record(session, row))
    if still_open and not decision.open_steps_reason:
        raise ValidationError(
            "open_steps_reason",
            f"{len(still_open)} checklist step(s) are open: answer them, or say why you "
            "decide anyway",
        )
    now = utc_now()
    row.status = Status.DECIDED.value
    row.outcome = decision.outcome.value
    row.rationale = decision.rationale
    row.conditions = decision.conditions
    row.conditions_due = decision.conditions_due
    row.follow_up_on = decision.follow_up_on
    row.open_steps = "\n".join(still_open)
    row.open_steps_reason = decision.open_steps_reason if still_open else ""
    row.decided_at = now
    row.decided_by = actor
    _touch(row, actor)
    append_entry(session, row.id, actor, "decided", _decision_details(row))
    return commit_record(session, row)


def _decision_details(row: SupportRequestRow) -> dict[str, Any]:
    return {
        "outcome": row.outcome,
        "rationale": row.rationale,
        "conditions": row.conditions,
        "conditions_due": row.conditions_due,
        "follow_up_on": row.follow_up_on,
        "open_steps": _lines(row.open_steps),
        "open_steps_reason": row.open_steps_reason,
        "decided_at": row.decided_at,
        "decided_by": row.decided_by,
    }


def reopen(session: Session, request_id: int, reason: str, actor: str) -> RequestRecord:
    """Open a decided request again; the reason and the earlier decision go into the log."""
    actor = checked_actor(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError("reason", "say why the decided request is reopened")
    row = request_row(session, request_id)
    if row.status != Status.DECIDED:
        raise ValidationError("status", f"request {request_id} is not decided; nothing to reopen")
    details = {"reason": reason, "earlier_decision": _decision_details(row)}
    row.status = Status.OPEN.value
    row.outcome = None
    row.rationale = ""
    row.conditions = ""
    row.conditions_due = None
    row.follow_up_on = None
    row.open_steps = ""
    row.open_steps_reason = ""
    row.decided_at = None
    row.decided_by = ""
    _touch(row, actor)
    append_entry(session, row.id, actor, "reopened", details)
    return commit_record(session, row)
