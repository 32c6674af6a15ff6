"""The screening's append-only, hash-chained audit log.

Each entry's hash covers its content and the hash of the entry before it, so a changed,
removed or inserted entry breaks the chain from that point on. On SQLite, triggers also
refuse to change or delete an entry.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.screening.models import AuditEntryRow
from postkit.core.screening.records import AuditEntry, ChainCheck

GENESIS_HASH = "0" * 64


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(f"{type(value).__name__} cannot go into the screening log")


def canonical_json(value: object) -> str:
    """The one text a value has in the log: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(
        value,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_json_default,
    )


def _timestamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(
    previous_hash: str,
    request_id: int | None,
    at: datetime,
    actor: str,
    action: str,
    details: dict[str, Any],
) -> str:
    """The SHA-256 of an entry's canonical JSON, chained to the previous entry's hash."""
    payload = {
        "previous_hash": previous_hash,
        "request_id": request_id,
        "at": _timestamp(at),
        "actor": actor,
        "action": action,
        "details": details,
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def _last_hash(session: Session) -> str:
    last = session.scalar(
        select(AuditEntryRow.entry_hash).order_by(AuditEntryRow.id.desc()).limit(1)
    )
    return last or GENESIS_HASH


def append_entry(
    session: Session, request_id: int | None, actor: str, action: str, details: dict[str, Any]
) -> AuditEntry:
    """Add an entry to the log in the caller's transaction (the caller commits)."""
    details_text = canonical_json(details)
    plain_details = json.loads(details_text)
    previous = _last_hash(session)
    at = utc_now()
    row = AuditEntryRow(
        request_id=request_id,
        at=at,
        actor=actor,
        action=action,
        details=details_text,
        previous_hash=previous,
        entry_hash=entry_hash(previous, request_id, at, actor, action, plain_details),
    )
    session.add(row)
    session.flush()
    return _to_entry(row, plain_details)


def _to_entry(row: AuditEntryRow, details: dict[str, Any] | None = None) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        request_id=row.request_id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        details=json.loads(row.details) if details is None else details,
        previous_hash=row.previous_hash,
        entry_hash=row.entry_hash,
    )


def entries_for(session: Session, request_id: int) -> list[AuditEntry]:
    """The log of one request, oldest first."""
    rows = session.scalars(
        select(AuditEntryRow)
        .where(AuditEntryRow.request_id == request_id)
        .order_by(AuditEntryRow.id)
    )
    return [_to_entry(row) for row in rows]


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every entry's hash in order; report the first entry that does not fit."""
    count = session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0
    expected_previous = GENESIS_HASH
    previous_id: int | None = None
    columns = select(
        AuditEntryRow.id,
        AuditEntryRow.request_id,
        AuditEntryRow.at,
        AuditEntryRow.actor,
        AuditEntryRow.action,
        AuditEntryRow.details,
        AuditEntryRow.previous_hash,
        AuditEntryRow.entry_hash,
    ).order_by(AuditEntryRow.id)
    for row in session.execute(columns).yield_per(1000):
        if row.previous_hash != expected_previous:
            after = f"entry {previous_id}" if previous_id is not None else "the start of the log"
            return ChainCheck(
                count,
                row.id,
                f"entry {row.id}: its previous hash does not match the hash of {after}; "
                "an entry was removed, inserted or changed",
            )
        try:
            details = json.loads(row.details)
        except ValueError:
            return ChainCheck(count, row.id, f"entry {row.id}: its details are not valid JSON")
        computed = entry_hash(
            row.previous_hash, row.request_id, row.at, row.actor, row.action, details
        )
        if computed != row.entry_hash:
            return ChainCheck(
                count,
                row.id,
                f"entry {row.id}: its stored hash does not match its content; "
                "the entry was changed or forged",
            )
        expected_previous = row.entry_hash
        previous_id = row.id
    return ChainCheck(count)
