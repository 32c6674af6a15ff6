"""Post side: the survey exports sent to headquarters, and the receipts that confirm them.

Every .xlsx export the post writes is recorded (`record_sent_export`). A receipt from
headquarters (the format is in `postkit.core.receipt_format`) is checked whole before anything is
stored; each of its entries is matched to a sent export by the file's SHA-256, else by the file's
name (a file changed on its way has another hash but the same name), and the export takes the
entry's status. An entry older than the status already stored changes nothing, so importing
the same receipt twice, or an old one after a new one, undoes nothing.

Headquarters signs its receipts (see `postkit.core.receipt_signing`); the post checks the signature
with headquarters' public key, imported once (`import_hq_key`). A receipt whose signature does
not verify was changed after signing and is refused. One without a signature, or signed by a
key the post has not imported, is taken (older headquarters sign nothing) but flagged: the
import's `signature` and each export's `receipt_signature` say UNSIGNED or UNKNOWN_KEY.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.db.rows import record_of
from postkit.core.errors import PostkitError
from postkit.core.receipt_format import (
    RECEIPT_FORMAT,
    STATUSES,
    Receipt,
    ReceiptEntry,
    base_name,
    receipt_digest,
)
from postkit.core.surveys.sent_exports import ReceiptKeyRow, SentExportRow
from postkit.core.untrusted import UntrustedFileError, load_json

# An export without a receipt this long after it was written is flagged as never confirmed.
UNCONFIRMED_AFTER_DAYS = 14
MAX_RECEIPT_BYTES = 5 * 1024 * 1024
MAX_KEY_BYTES = 64 * 1024
# What the post knows about who wrote a receipt.
SIGNED = "signed"  # by a key of headquarters the post imported
UNSIGNED = "unsigned"
UNKNOWN_KEY = "unknown key"  # signed, but not by a key the post imported
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ReceiptError(PostkitError):
    """A receipt file that cannot be imported; `reason` says why in one sentence."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class SentExport:
    """An export the post wrote, with what headquarters' receipt said about it."""

    id: int
    file_name: str
    file_sha256: str
    form_id: str
    version: str
    post_name: str
    responses: int
    exported_at: datetime
    status: str  # "accepted", "refused" or "" (no receipt yet)
    reason: str
    counted: int | None
    received_at: datetime | None
    receipt_signature: str = ""  # SIGNED, UNSIGNED, UNKNOWN_KEY; "" before any receipt

    @property
    def is_receipt_verified(self) -> bool:
        """Whether the status comes from a receipt headquarters' key signed."""
        return self.receipt_signature == SIGNED

    @property
    def is_confirmed(self) -> bool:
        return bool(self.status)

    def is_overdue(self, now: datetime, days: int = UNCONFIRMED_AFTER_DAYS) -> bool:
        """Whether no receipt confirmed it although `days` have passed since it was written."""
        return not self.is_confirmed and now - self.exported_at >= timedelta(days=days)


@dataclass(frozen=True)
class ReceiptImport:
    """What importing one receipt did."""

    path: Path
    post: str
    issued_at: datetime
    updated: tuple[SentExport, ...]  # exports whose status the receipt set or changed
    unchanged: tuple[SentExport, ...]  # exports the receipt confirmed as already known
    unknown: tuple[ReceiptEntry, ...]  # files headquarters received that the post never sent
    signature: str = UNSIGNED  # SIGNED, UNSIGNED or UNKNOWN_KEY
    key_fingerprint: str = ""  # of the key that signed it, when SIGNED

    @property
    def is_verified(self) -> bool:
        return self.signature == SIGNED


@dataclass(frozen=True)
class HqKey:
    """A public key of headquarters the post holds."""

    fingerprint: str
    imported_at: datetime
    imported_by: str

    @property
    def short(self) -> str:
        return " ".join(self.fingerprint[i : i + 4] for i in range(0, 16, 4))


def record_sent_export(
    session: Session,
    path: str | os.PathLike[str],
    file_sha256: str,
    form_id: str,
    version: str,
    post_name: str,
    responses: int,
    exported_at: datetime,
) -> None:
    """Remember an export file the post wrote, so a receipt can confirm it later."""
    session.add(
        SentExportRow(
            file_name=base_name(str(path))[:400],
            file_sha256=file_sha256,
            form_id=form_id,
            version=version,
            post_name=post_name[:200],
            responses=responses,
            exported_at=exported_at,
            receipt_status="",
            receipt_reason="",
        )
    )
    session.commit()


def list_sent_exports(session: Session) -> list[SentExport]:
    """Every export the post wrote, the newest first."""
    statement = select(SentExportRow).order_by(
        SentExportRow.exported_at.desc(), SentExportRow.id.desc()
    )
    return [_sent_export(row) for row in session.scalars(statement)]


def read_receipt(path: str | os.PathLike[str]) -> Receipt:
    """Read and check a receipt file; raise ReceiptError saying what is wrong with it."""
    path = Path(path)
    return _receipt(path, _receipt_content(path))


def _receipt_content(path: Path) -> dict[str, object]:
    """The receipt's JSON object, its format and SHA-256 checked."""
    try:
        if path.stat().st_size > MAX_RECEIPT_BYTES:
            raise ReceiptError(path, "the file is too large to be a receipt")
        data = path.read_bytes()
    except OSError as error:
        raise ReceiptError(path, f"cannot read the file: {error.strerror or error}") from error
    try:
        content = load_json(data)
    except UntrustedFileError as error:
        raise ReceiptError(
            path, f"not a receipt from headquarters (not JSON text postkit reads: {error.reason})"
        ) from error
    if not isinstance(content, dict) or content.get("format") != RECEIPT_FORMAT:
        found = content.get("format") if isinstance(content, dict) else None
        raise ReceiptError(
            path,
            f"not a receipt from headquarters (format {found or 'missing'}, "
            f"expected {RECEIPT_FORMAT})",
        )
    if content.get("sha256") != receipt_digest(content):
        raise ReceiptError(
            path,
            "the receipt does not match its SHA-256: it was damaged or changed after "
            "headquarters wrote it",
        )
    return content


def _receipt(path: Path, content: dict[str, object]) -> Receipt:
    post = content.get("post")
    files = content.get("files")
    if not isinstance(post, str) or not post or not isinstance(files, list):
        raise ReceiptError(path, "the receipt names no post or no files")
    issued_at = _moment(path, content.get("issued_at"), "issued_at")
    entries = tuple(_entry(path, number, item) for number, item in enumerate(files, 1))
    return Receipt(post, issued_at, entries)


def _signature(session: Session, path: Path, content: dict[str, object]) -> tuple[str, str]:
    """SIGNED, UNSIGNED or UNKNOWN_KEY, and the signing key's fingerprint when SIGNED;
    ReceiptError when the signature does not verify."""
    if "signature" not in content:
        return UNSIGNED, ""
    from postkit.core.receipt_signing import PublicKey, verify_signature  # loads cryptography

    keys = {
        row.fingerprint: PublicKey(row.public_key, row.fingerprint)
        for row in session.scalars(select(ReceiptKeyRow))
    }
    try:
        key = verify_signature(content, keys)
    except ValueError as error:
        raise ReceiptError(
            path,
            f"{error}: the receipt was changed after headquarters signed it; "
            "nothing of it was stored",
        ) from error
    return (SIGNED, key.fingerprint) if key is not None else (UNKNOWN_KEY, "")


def import_hq_key(session: Session, path: str | os.PathLike[str], actor: str) -> HqKey:
    """Store headquarters' public key from the file it exported; the same key twice is one."""
    from postkit.core.receipt_signing import parse_public_key  # loads cryptography

    path = Path(path)
    try:
        if path.stat().st_size > MAX_KEY_BYTES:
            raise ReceiptError(path, "the file is too large to be a receipt key")
        data = path.read_bytes()
    except OSError as error:
        raise ReceiptError(path, f"cannot read the file: {error.strerror or error}") from error
    try:
        key = parse_public_key(load_json(data))
    except UntrustedFileError as error:
        raise ReceiptError(path, f"not a receipt key from headquarters ({error.reason})") from error
    except ValueError as error:
        raise ReceiptError(path, str(error)) from error
    row = session.scalars(
        select(ReceiptKeyRow).where(ReceiptKeyRow.fingerprint == key.fingerprint)
    ).one_or_none()
    if row is None:
        row = ReceiptKeyRow(
            fingerprint=key.fingerprint,
            public_key=key.public_key,
            imported_at=utc_now(),
            imported_by=actor[:120],
        )
        session.add(row)
        session.commit()
    return _hq_key(row)


def list_hq_keys(session: Session) -> list[HqKey]:
    """Headquarters' keys the post holds, the first imported first."""
    return [
        _hq_key(row) for row in session.scalars(select(ReceiptKeyRow).order_by(ReceiptKeyRow.id))
    ]


def _hq_key(row: ReceiptKeyRow) -> HqKey:
    return HqKey(row.fingerprint, row.imported_at, row.imported_by)


def import_receipt(
    session: Session, path: str | os.PathLike[str], post_name: str | None
) -> ReceiptImport:
    """Store what a receipt says about the post's exports; nothing when the file is refused.

    `post_name` is the post's name in its profile; a receipt for another post is refused unless
    it names a post the sent exports were written under (the profile may have been renamed).
    """
    path = Path(path)
    content = _receipt_content(path)
    signature, fingerprint = _signature(session, path, content)
    receipt = _receipt(path, content)
    rows = list(session.scalars(select(SentExportRow).order_by(SentExportRow.id)))
    own_names = {row.post_name for row in rows} | ({post_name} if post_name else set())
    if receipt.post not in own_names:
        shown = f" ({post_name})" if post_name else ""
        raise ReceiptError(path, f"a receipt for {receipt.post}, not for this post{shown}")
    rows = [row for row in rows if row.post_name == receipt.post]
    by_sha: dict[str, list[SentExportRow]] = {}
    by_name: dict[str, SentExportRow] = {}
    for row in rows:  # in order written: the latest export of a name wins
        by_sha.setdefault(row.file_sha256, []).append(row)
        by_name[row.file_name] = row
    updated: dict[int, SentExportRow] = {}
    unchanged: dict[int, SentExportRow] = {}
    unknown: list[ReceiptEntry] = []
    try:
        for entry in receipt.entries:
            row = _match(entry, by_sha, by_name)
            if row is None:
                unknown.append(entry)
                continue
            if _apply(row, entry, signature):
                updated[row.id] = row
                unchanged.pop(row.id, None)
            elif row.id not in updated:
                unchanged[row.id] = row
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return ReceiptImport(
        path=path,
        post=receipt.post,
        issued_at=receipt.issued_at,
        updated=tuple(_sent_export(row) for row in updated.values()),
        unchanged=tuple(_sent_export(row) for row in unchanged.values()),
        unknown=tuple(unknown),
        signature=signature,
        key_fingerprint=fingerprint,
    )


def import_receipts(
    session: Session, paths: Sequence[str | os.PathLike[str]], post_name: str | None
) -> tuple[list[ReceiptImport], list[PostkitError]]:
    """Import receipt files one by one, each taken whole or not at all: what each imported
    file did, and the errors of those refused."""
    results: list[ReceiptImport] = []
    errors: list[PostkitError] = []
    for path in paths:
        try:
            results.append(import_receipt(session, path, post_name))
        except PostkitError as error:
            errors.append(error)
    return results, errors


def _match(
    entry: ReceiptEntry,
    by_sha: dict[str, list[SentExportRow]],
    by_name: dict[str, SentExportRow],
) -> SentExportRow | None:
    """The sent export an entry is about: same bytes (the same name first), else same name."""
    same_bytes = by_sha.get(entry.file_sha256, []) if entry.file_sha256 else []
    # Two exports written within a second can be byte for byte the same file.
    named = [row for row in same_bytes if row.file_name == entry.file_name]
    if named or same_bytes:
        return (named or same_bytes)[-1]
    return by_name.get(entry.file_name)


def _apply(row: SentExportRow, entry: ReceiptEntry, signature: str) -> bool:
    """Give the export the entry's outcome unless what it has is as new; True if it changed.

    The same outcome from a better-signed receipt upgrades the stored signature (not counted
    as a change); a worse-signed one never downgrades it.
    """
    stored = (row.receipt_status, row.receipt_reason, row.receipt_counted, row.receipt_received_at)
    if row.receipt_received_at is not None and row.receipt_received_at > entry.received_at:
        return False
    outcome = (entry.status, entry.reason, entry.responses, entry.received_at)
    if stored == outcome:
        if signature == SIGNED:
            row.receipt_signature = SIGNED
        return False
    row.receipt_status, row.receipt_reason, row.receipt_counted, row.receipt_received_at = outcome
    row.receipt_signature = signature
    return True


def _sent_export(row: SentExportRow) -> SentExport:
    return record_of(
        SentExport,
        row,
        status=row.receipt_status,
        reason=row.receipt_reason,
        counted=row.receipt_counted,
        received_at=row.receipt_received_at,
    )


# A count of responses a receipt may give: far more than any export holds, and within what a
# database's INTEGER holds (10**30 passed the check, then SQLite raised OverflowError).
MAX_RESPONSES = 10**9


def _entry(path: Path, number: int, item: object) -> ReceiptEntry:
    where = f"file {number} of the receipt"
    if not isinstance(item, dict):
        raise ReceiptError(path, f"{where} is not an object")
    name, sha256 = item.get("file_name"), item.get("file_sha256")
    status, reason = item.get("status"), item.get("reason", "")
    responses = item.get("responses")
    if not isinstance(name, str) or not name:
        raise ReceiptError(path, f"{where} has no file_name")
    if not isinstance(sha256, str) or (sha256 and not _SHA256.fullmatch(sha256)):
        raise ReceiptError(path, f"{where} ({name}) has no valid file_sha256")
    if status not in STATUSES:
        raise ReceiptError(path, f"{where} ({name}) has status {status!r}, not accepted or refused")
    if not isinstance(reason, str):
        raise ReceiptError(path, f"{where} ({name}) has a reason that is not text")
    if type(responses) is not int or not 0 <= responses <= MAX_RESPONSES:
        raise ReceiptError(path, f"{where} ({name}) has no count of responses")
    return ReceiptEntry(
        file_name=base_name(name),
        file_sha256=sha256,
        received_at=_moment(path, item.get("received_at"), f"{where} ({name}): received_at"),
        status=status,
        reason=reason,
        responses=responses,
        form_id=str(item.get("form_id") or ""),
        version=str(item.get("version") or ""),
    )


def _moment(path: Path, value: object, field: str) -> datetime:
    """An ISO 8601 UTC moment as the receipt writes it (`…Z` or `…+00:00`)."""
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(value)
    except ValueError as error:
        raise ReceiptError(path, f"{field} is not a date and time in UTC") from error
    return moment
