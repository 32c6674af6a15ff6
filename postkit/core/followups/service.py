"""Follow-up of what was agreed: add, change, judge and list conditions and planned actions.

A condition's status changes go into its screening request's log (the tamper-evident trail
of how the post handled the request); a condition not met is answered by the step the
guidelines describe: first a dialogue with the company, then reconsidering the support.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from postkit.core.activities.models import Activity
from postkit.core.companies.models import CompanyRow
from postkit.core.db.base import utc_now
from postkit.core.errors import NotFoundError, ValidationError
from postkit.core.followups.models import FollowUpRow
from postkit.core.followups.records import (
    FollowUpInput,
    FollowUpKind,
    FollowUpRecord,
    FollowUpStatus,
    NextStep,
)
from postkit.core.followups.validation import checked_status, validate_follow_up
from postkit.core.screening.audit import append_entry, chain_anchor, entries_for
from postkit.core.screening.models import SupportRequestRow
from postkit.core.screening.records import ConditionLine, Decision, RequestRecord
from postkit.core.screening.risk import risk_summary
from postkit.core.screening.service import decide, get_request, reopen
from postkit.core.screening.validation import checked_actor

# The screening log's action for a condition's status change (see screening.log_text).
LOG_ACTION = "condition_status"


def _query() -> Select[Any]:
    return (
        select(FollowUpRow, SupportRequestRow.company_name, Activity.title, CompanyRow.name)
        .outerjoin(SupportRequestRow, SupportRequestRow.id == FollowUpRow.request_id)
        .outerjoin(Activity, Activity.id == FollowUpRow.activity_id)
        .outerjoin(CompanyRow, CompanyRow.id == FollowUpRow.company_id)
    )


def _record(
    row: FollowUpRow, request_company: str | None, activity_title: str | None, company: str | None
) -> FollowUpRecord:
    return FollowUpRecord(
        id=row.id,
        uuid=row.uuid,
        data=FollowUpInput(
            kind=row.kind,
            description=row.description,
            due_on=row.due_on,
            owner=row.owner,
            request_id=row.request_id,
            activity_id=row.activity_id,
            company_id=row.company_id,
        ),
        status=FollowUpStatus(row.status),
        status_note=row.status_note,
        status_changed_at=row.status_changed_at,
        status_changed_by=row.status_changed_by,
        source_title=request_company or activity_title or "",
        # The register's name when linked; else the name the request screened.
        company_name=company or request_company,
    )


def _records(session: Session, query: Select[Any]) -> list[FollowUpRecord]:
    ordered = query.order_by(FollowUpRow.due_on.is_(None), FollowUpRow.due_on, FollowUpRow.id)
    return [_record(*row) for row in session.execute(ordered)]


def get_follow_up(session: Session, follow_up_id: int) -> FollowUpRecord:
    found = session.execute(_query().where(FollowUpRow.id == follow_up_id)).first()
    if found is None:
        raise NotFoundError(f"follow-up {follow_up_id} does not exist")
    return _record(*found)


def _row(session: Session, follow_up_id: int) -> FollowUpRow:
    row = session.get(FollowUpRow, follow_up_id)
    if row is None:
        raise NotFoundError(f"follow-up {follow_up_id} does not exist")
    return row


def _checked_source(session: Session, data: FollowUpInput) -> FollowUpInput:
    """The follow-up with the company of its request filled in when it names none."""
    if data.request_id is not None:
        request = session.get(SupportRequestRow, data.request_id)
        if request is None:
            raise NotFoundError(f"request {data.request_id} does not exist")
        if data.company_id is None:
            data = replace(data, company_id=request.company_id)
    if data.activity_id is not None and session.get(Activity, data.activity_id) is None:
        raise NotFoundError(f"activity {data.activity_id} does not exist")
    return data


def _fill(row: FollowUpRow, data: FollowUpInput) -> None:
    row.kind = data.kind
    row.description = data.description
    row.due_on = data.due_on
    row.owner = data.owner
    row.request_id = data.request_id
    row.activity_id = data.activity_id
    row.company_id = data.company_id


def _new_row(session: Session, data: FollowUpInput, actor: str) -> FollowUpRow:
    data = _checked_source(session, validate_follow_up(data))
    row = FollowUpRow(status=FollowUpStatus.OPEN.value, created_by=actor, updated_by=actor)
    _fill(row, data)
    session.add(row)
    return row


def add_follow_up(session: Session, data: FollowUpInput, actor: str) -> FollowUpRecord:
    """Store a new, open follow-up."""
    actor = checked_actor(actor)
    row = _new_row(session, data, actor)
    session.commit()
    return get_follow_up(session, row.id)


def update_follow_up(
    session: Session, follow_up_id: int, data: FollowUpInput, actor: str
) -> FollowUpRecord:
    """Change what a follow-up says, when it is due and who owns it."""
    actor = checked_actor(actor)
    row = _row(session, follow_up_id)
    _fill(row, _checked_source(session, validate_follow_up(data)))
    row.updated_by = actor
    row.updated_at = utc_now()
    session.commit()
    return get_follow_up(session, row.id)


def remove_follow_up(session: Session, follow_up_id: int) -> FollowUpRecord:
    """Delete a follow-up; returns it as it was, so that it can be added again."""
    record = get_follow_up(session, follow_up_id)
    session.delete(_row(session, follow_up_id))
    session.commit()
    return record


def next_step(session: Session, follow_up_id: int) -> NextStep:
    """The step the guidelines describe after a condition is not met: a dialogue with the
    company the first time, reconsidering the support once a dialogue did not help (another
    condition of the same request was not met before)."""
    row = _row(session, follow_up_id)
    if row.request_id is None:
        return NextStep.DIALOGUE
    earlier = session.scalar(
        select(FollowUpRow.id)
        .where(
            FollowUpRow.request_id == row.request_id,
            FollowUpRow.id != row.id,
            FollowUpRow.status == FollowUpStatus.NOT_MET.value,
        )
        .limit(1)
    )
    return NextStep.RECONSIDER if earlier is not None else NextStep.DIALOGUE


def set_status(
    session: Session, follow_up_id: int, status: str, note: str, actor: str
) -> FollowUpRecord:
    """Judge a follow-up met, not met or dropped (with a reason), or open it again.

    A condition's change goes into its request's screening log, a "not met" with the next
    step the guidelines describe.
    """
    actor = checked_actor(actor)
    new_status, note = checked_status(status, note)
    row = _row(session, follow_up_id)
    old_status = row.status
    if old_status == new_status.value and row.status_note == note:
        return get_follow_up(session, follow_up_id)
    step = next_step(session, follow_up_id) if new_status == FollowUpStatus.NOT_MET else None
    row.status = new_status.value
    row.status_note = note
    row.status_changed_at = None if new_status == FollowUpStatus.OPEN else utc_now()
    row.status_changed_by = "" if new_status == FollowUpStatus.OPEN else actor
    row.updated_by = actor
    row.updated_at = utc_now()
    if row.kind == FollowUpKind.CONDITION.value and row.request_id is not None:
        details: dict[str, Any] = {
            "follow_up": row.uuid,
            "condition": row.description,
            "status": {"old": old_status, "new": new_status.value},
            "note": note,
        }
        if step is not None:
            details["next_step"] = step.value
        append_entry(session, row.request_id, actor, LOG_ACTION, details)
    session.commit()
    return get_follow_up(session, follow_up_id)


def follow_ups(
    session: Session,
    *,
    company_id: int | None = None,
    request_id: int | None = None,
    activity_id: int | None = None,
    open_only: bool = False,
) -> list[FollowUpRecord]:
    """Follow-ups by due date (those without one last), narrowed as asked."""
    query = _query()
    if company_id is not None:
        query = query.where(FollowUpRow.company_id == company_id)
    if request_id is not None:
        query = query.where(FollowUpRow.request_id == request_id)
    if activity_id is not None:
        query = query.where(FollowUpRow.activity_id == activity_id)
    if open_only:
        query = query.where(FollowUpRow.status == FollowUpStatus.OPEN.value)
    return _records(session, query)


def condition_lines(session: Session, request_id: int) -> list[ConditionLine]:
    """The request's conditions as its decision record lists them (the next steps planned
    after a condition not met are conditions too), by due date."""
    return [
        ConditionLine(
            record.data.description,
            record.data.due_on,
            record.data.owner,
            record.status.value,
            record.status_note,
        )
        for record in follow_ups(session, request_id=request_id)
        if record.data.kind == FollowUpKind.CONDITION.value
    ]


def due_between(session: Session, start: date, end: date) -> list[FollowUpRecord]:
    """Every follow-up due from `start` up to and including `end`, whatever its status
    (a list of what is due this month shows what was already met too)."""
    return _records(session, _query().where(FollowUpRow.due_on.between(start, end)))


def overdue(session: Session, today: date) -> list[FollowUpRecord]:
    """Open follow-ups whose due date lies before `today`."""
    return _records(
        session,
        _query().where(FollowUpRow.status == FollowUpStatus.OPEN.value, FollowUpRow.due_on < today),
    )


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week `day` falls in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def due_this_week_count(session: Session, today: date) -> int:
    """How many open follow-ups fall due in today's week (Monday to Sunday)."""
    monday, sunday = week_of(today)
    return sum(
        1 for record in due_between(session, monday, sunday) if record.status == FollowUpStatus.OPEN
    )


def sync_activity_actions(
    session: Session, activity_id: int, actions: Sequence[FollowUpInput], actor: str
) -> list[FollowUpRecord]:
    """Make the activity's open follow-up actions those given (matched by their text): new
    ones are added, changed due dates and owners stored, open ones no longer given removed.
    Actions already judged (met, not met, dropped) stay as they are."""
    checked = checked_actor(actor)
    wanted = {
        item.description: item
        for item in (
            validate_follow_up(replace(a, kind=FollowUpKind.ACTION.value, activity_id=activity_id))
            for a in actions
        )
    }
    existing = session.scalars(
        select(FollowUpRow).where(
            FollowUpRow.activity_id == activity_id,
            FollowUpRow.kind == FollowUpKind.ACTION.value,
        )
    ).all()
    by_text = {row.description: row for row in existing}
    for row in existing:
        if row.description not in wanted and row.status == FollowUpStatus.OPEN.value:
            session.delete(row)
    for text, item in wanted.items():
        row = by_text.get(text)
        if row is None:
            _new_row(session, item, checked)
        elif (row.due_on, row.owner) != (item.due_on, item.owner):
            row.due_on, row.owner = item.due_on, item.owner
            row.updated_by, row.updated_at = checked, utc_now()
    session.commit()
    return follow_ups(session, activity_id=activity_id)


def decide_with_conditions(
    session: Session,
    request_id: int,
    decision: Decision,
    conditions: Sequence[FollowUpInput],
    actor: str,
) -> RequestRecord:
    """Decide a request; each condition agreed becomes an open follow-up of it, with its own
    due date and owner, in the decision's own transaction.

    The decision's `conditions` text lists them one a line and `conditions_due` is the
    earliest due date, as the decision record and the log have always shown them; the
    follow-up date, when not given, is that earliest date.
    """
    items = [
        validate_follow_up(replace(item, kind=FollowUpKind.CONDITION.value, request_id=request_id))
        for item in conditions
    ]
    for item in items:
        if item.due_on is None:
            raise ValidationError("conditions_due", f"say by when {item.description!r} is due")
    if items:
        earliest = min(item.due_on for item in items if item.due_on is not None)
        decision = replace(
            decision,
            conditions="\n".join(item.description for item in items),
            conditions_due=earliest,
            follow_up_on=decision.follow_up_on or earliest,
        )
    checked = checked_actor(actor)
    try:
        for item in items:
            _new_row(session, item, checked)
        # decide() commits the session, the follow-ups added here with it; when it refuses,
        # they go with the rollback.
        return decide(session, request_id, decision, actor)
    except BaseException:
        session.rollback()
        raise


def reopen_with_conditions(
    session: Session, request_id: int, reason: str, actor: str
) -> RequestRecord:
    """Reopen a decided request; its conditions still open are dropped with the reason, in
    the same transaction (the next decision agrees its own)."""
    checked = checked_actor(actor)
    if not reason.strip():
        raise ValidationError("reason", "say why the decided request is reopened")
    try:
        for row in session.scalars(
            select(FollowUpRow).where(
                FollowUpRow.request_id == request_id,
                FollowUpRow.kind == FollowUpKind.CONDITION.value,
                FollowUpRow.status == FollowUpStatus.OPEN.value,
            )
        ):
            row.status = FollowUpStatus.DROPPED.value
            row.status_note = reason.strip()
            row.status_changed_at = utc_now()
            row.status_changed_by = checked
        return reopen(session, request_id, reason, actor)
    except BaseException:
        session.rollback()
        raise


def write_decision_record_file(
    session: Session,
    request_id: int,
    target: Path,
    language: str,
    post_name: str,
    actor: str,
) -> Path:
    """Write the request's decision record, as stored now and with its conditions, to
    `target` as a PDF; the path written."""
    # Loaded here: reportlab and its fonts take a quarter of a second, and a process that
    # only reads this module's other services should not pay for them.
    from postkit.core.screening.decision_record import write_decision_record

    record = get_request(session, request_id)
    write_decision_record(
        record,
        risk_summary(session, record),
        entries_for(session, request_id),
        target,
        language,
        post_name,
        actor,
        anchor=chain_anchor(session),
        conditions=condition_lines(session, request_id),
    )
    return target
