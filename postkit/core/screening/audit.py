"""The screening's append-only, hash-chained audit log.

Each entry's hash covers its content and the hash of the entry before it, so a changed,
removed or inserted entry breaks the chain from that point on. On SQLite, triggers also
refuse to change or delete an entry.

What this proves, said plainly: the log is tamper-evident against edits that do not recompute
the chain. Someone with the database file can drop the triggers, edit entries and recompute
every hash, or restore an older copy; the chain then holds together again. Only an anchor kept
outside the database shows that: the entry count and head hash printed on each decision record
(and by `postkit screening verify`), which `verify_chain` compares with the log. Restores and
passphrase changes are entries of the log too.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.db.rows import record_of
from postkit.core.errors import PostkitError
from postkit.core.screening.models import AuditEntryRow
from postkit.core.screening.records import AuditEntry, ChainAnchor, ChainCheck

if TYPE_CHECKING:
    from pathlib import Path

GENESIS_HASH = "0" * 64
# How an anchor is written where a program should find it again (a decision record's metadata).
ANCHOR_MARK = "postkit-chain-anchor"
_ANCHOR = re.compile(r"([0-9a-f]{64}):(\d{1,12})")
_MARKED_ANCHOR = re.compile(ANCHOR_MARK.encode() + rb"[ :]+([0-9a-f]{64}):(\d{1,12})")


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
    return record_of(
        AuditEntry, row, details=json.loads(row.details) if details is None else details
    )


def entries_for(session: Session, request_id: int) -> list[AuditEntry]:
    """The log of one request, oldest first."""
    rows = session.scalars(
        select(AuditEntryRow)
        .where(AuditEntryRow.request_id == request_id)
        .order_by(AuditEntryRow.id)
    )
    return [_to_entry(row) for row in rows]


def chain_anchor(session: Session) -> ChainAnchor:
    """The log's head now: its entry count and the hash of its last entry."""
    count = session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0
    return ChainAnchor(count, _last_hash(session))


def parse_anchor(text: str) -> ChainAnchor:
    """An anchor written as HASH:COUNT; PostkitError when the text is not one."""
    found = _ANCHOR.fullmatch(text.strip().lower())
    if found is None:
        raise PostkitError(
            f"{text}: not an anchor of the screening log (HASH:COUNT, or a decision record "
            "or file holding one)"
        )
    return ChainAnchor(int(found.group(2)), found.group(1), text.strip())


def anchors_in_file(path: Path) -> list[ChainAnchor]:
    """The anchors a decision record (or a text file with `verify`'s output) holds."""
    data = path.read_bytes()
    found = _MARKED_ANCHOR.findall(data)
    if not found and b"%PDF" not in data[:1024]:
        found = [
            (head.encode(), count.encode())
            for head, count in _ANCHOR.findall(data.decode("utf-8", errors="replace"))
        ]
    anchors = {
        (int(count), head.decode()): ChainAnchor(int(count), head.decode(), path.name)
        for head, count in found
    }
    if not anchors:
        raise PostkitError(f"{path}: holds no anchor of the screening log")
    return list(anchors.values())


class ChainMemo:
    """What earlier runs of `verify_chain` found sound: the log's rows, in order, up to the
    first that did not fit.

    Given to `verify_chain` again, rows still as they were are not hashed again: a row equal
    in every column to one found sound, after rows equal to those before it, hashes as it did.
    So a screen that shows the chain's state with each request it shows hashes only what was
    added since (the whole log took 18 ms at ten times the demo data, on the thread the
    window waits for the interpreter with). A row changed in any way, even one unchanged in
    its hashes, is hashed again: the check is the same as without the memo.
    """

    def __init__(self) -> None:
        self.rows: list[Row[Any]] = []


def verify_chain(
    session: Session, anchors: Sequence[ChainAnchor] = (), memo: ChainMemo | None = None
) -> ChainCheck:
    """Recompute every entry's hash in order; report the first entry that does not fit, and
    each earlier anchor the log no longer holds (rewritten or rolled back since). With a
    `memo`, rows unchanged since it was last given are taken as found then (see ChainMemo)."""
    wanted = {anchor.entries for anchor in anchors}
    hashes_at: dict[int, str] = {0: GENESIS_HASH}
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
    rows: Iterable[Row[Any]]
    if memo is None:
        count = session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0
        rows = session.execute(columns).yield_per(1000)  # a long log is not held whole
        known = 0
    else:
        fetched = session.execute(columns).all()
        rows, count = fetched, len(fetched)
        known = _same_start(memo.rows, fetched)  # equal to rows found sound before
    if known:
        for position in wanted:
            if position <= known:
                hashes_at[position] = fetched[position - 1].entry_hash
        expected_previous, previous_id = fetched[known - 1].entry_hash, fetched[known - 1].id
    broken: ChainCheck | None = None
    position = known
    for position, row in enumerate(itertools.islice(rows, known, None), start=known + 1):
        broken = _unfit(row, expected_previous, previous_id, count)
        if broken is not None:
            break
        if position in wanted:
            hashes_at[position] = row.entry_hash
        expected_previous = row.entry_hash
        previous_id = row.id
    if memo is not None:
        memo.rows = fetched if broken is None else fetched[: position - 1]
    if broken is not None:
        return broken
    problems = tuple(
        problem for anchor in anchors if (problem := _anchor_problem(anchor, count, hashes_at))
    )
    return ChainCheck(
        count,
        head_hash=expected_previous,
        anchors_matched=len(anchors) - len(problems),
        anchor_problems=problems,
    )


def _same_start(before: Sequence[Row[Any]], now: Sequence[Row[Any]]) -> int:
    """How many rows at the start of `now` are, column for column, those of `before`."""
    shared = min(len(before), len(now))
    if before[:shared] == now[:shared]:  # the usual case: the log only grew
        return shared
    return next(index for index in range(shared) if before[index] != now[index])


def _unfit(
    row: Row[Any], expected_previous: str, previous_id: int | None, count: int
) -> ChainCheck | None:
    """Why the entry `row` does not fit after the one hashed `expected_previous`, or None."""
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
    computed = entry_hash(row.previous_hash, row.request_id, row.at, row.actor, row.action, details)
    if computed != row.entry_hash:
        return ChainCheck(
            count,
            row.id,
            f"entry {row.id}: its stored hash does not match its content; "
            "the entry was changed or forged",
        )
    return None


def _anchor_problem(anchor: ChainAnchor, count: int, hashes_at: dict[int, str]) -> str:
    named = f"the anchor {anchor.text}" + (
        f" (from {anchor.source})" if anchor.source and anchor.source != anchor.text else ""
    )
    if anchor.entries > count:
        return (
            f"{named} records {anchor.entries} entries, the log holds {count}: entries were "
            "removed since; the log was rolled back (an older copy restored) or rewritten"
        )
    if hashes_at.get(anchor.entries) != anchor.head_hash:
        return (
            f"{named}: entry {anchor.entries} of the log is not the one recorded then; the "
            "log was rewritten since (entries changed, removed or restored from an older copy, "
            "and the hashes recomputed)"
        )
    return ""


def _open_after_exclusive_use(
    database_file: Path, passphrase: str | None, open_database: Any
) -> Any:
    """Open a database that a restore has just held in SQLite's exclusive locking mode.

    A process that had it open meanwhile (waiting for the restore) rebuilds the WAL index as
    the exclusive connection closes; a connection opened in that moment reads "disk I/O
    error". It is transient: try again for a short while.
    """
    from postkit.core.errors import DatabaseError

    for attempt in range(_REOPEN_ATTEMPTS):
        try:
            return open_database(database_file, passphrase)
        except DatabaseError as error:
            if "disk I/O error" not in str(error) or attempt == _REOPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


_REOPEN_ATTEMPTS = 8


def log_database_event(
    database_file: Path,
    passphrase: str | None,
    action: str,
    details: dict[str, Any],
    actor: str | None = None,
) -> None:
    """Write what happened to the database as a whole (a restore, a new passphrase) into its
    log, so the log itself tells it; the actor defaults to the profile's user."""
    from postkit.core.db import open_database
    from postkit.core.profile import load_profile

    database = _open_after_exclusive_use(database_file, passphrase, open_database)
    try:
        with database.session() as session:
            if actor is None:
                profile = load_profile(session)
                actor = profile.user_name if profile else "postkit"
            append_entry(session, None, actor, action, details)
            session.commit()
    finally:
        database.dispose()


def log_restore(
    database_file: Path,
    passphrase: str | None,
    backup: Path,
    replaced: ChainAnchor | None,
    safety_copy: Path | None,
    actor: str | None = None,
) -> None:
    """Write a restore into the restored database's log, with the head of the log it replaced:
    a rollback to an older copy is then told by the log itself."""
    details: dict[str, Any] = {"backup": backup.name}
    if replaced is not None:
        details |= {"replaced_entries": replaced.entries, "replaced_head": replaced.head_hash}
    if safety_copy is not None:
        details["kept_as"] = safety_copy.name
    log_database_event(database_file, passphrase, "database_restored", details, actor)


def read_anchor(database_file: Path, passphrase: str | None) -> ChainAnchor | None:
    """The log's head of a database file, or None when it cannot be read (damaged, say)."""
    from postkit.core.db.database import connect

    try:
        database = connect(database_file, passphrase)
    except PostkitError:
        return None
    try:
        with database.session() as session:
            return chain_anchor(session)
    except (SQLAlchemyError, PostkitError):  # damaged or foreign: a restore replaces it anyway
        return None
    finally:
        database.engine.dispose()  # not dispose(): that would forget an open database's key
