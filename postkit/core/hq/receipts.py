"""Receipts headquarters writes for each post: which export files and annual returns arrived and
what became of them (a return's entry names the return format as its form and its year as the
version).

The format is in `postkit.core.receipt_format`. When one file (same SHA-256 and name) was
received more than once, the receipt gives its latest outcome. A refused file whose meta sheet
could not be read names no post, so no receipt can carry it; `ReceiptBatch.unattributed` lists
those.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.files import atomic_output
from postkit.core.hq.models import ReceivedExportRow, ReceivedReturnRow
from postkit.core.receipt_format import (
    ACCEPTED,
    RECEIPT_SUFFIX,
    RETURN_FORMAT,
    Receipt,
    ReceiptEntry,
    base_name,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


@dataclass(frozen=True)
class UnattributedFile:
    """A refused file that named no post (its meta sheet could not be read)."""

    file_name: str
    reason: str


@dataclass(frozen=True)
class ReceiptBatch:
    """The receipts of every post, and the refused files no receipt can carry."""

    receipts: tuple[Receipt, ...]
    unattributed: tuple[UnattributedFile, ...]


def build_receipts(session: Session, issued_at: datetime | None = None) -> ReceiptBatch:
    """A receipt for each post headquarters received files from, in order of post name."""
    issued_at = issued_at or utc_now()
    rows: list[ReceivedExportRow | ReceivedReturnRow] = [
        *session.scalars(select(ReceivedExportRow).order_by(ReceivedExportRow.id)),
        *session.scalars(select(ReceivedReturnRow).order_by(ReceivedReturnRow.id)),
    ]
    # Survey exports and annual returns in the order they arrived (sort is stable).
    rows.sort(key=lambda row: row.received_at)
    by_post: dict[str, dict[str, ReceiptEntry]] = {}
    unattributed: dict[str, UnattributedFile] = {}
    for row in rows:
        name = base_name(row.file_name)
        if not row.post_name:
            unattributed[row.file_name] = UnattributedFile(name, row.reason)
            continue
        # Refusals are stored without a hash; the file is usually still where it was read.
        sha256 = row.file_sha256 or _file_sha256(row.file_name)
        if isinstance(row, ReceivedReturnRow):
            # A return counts no responses; its format and year stand for form and version.
            form_id, version, responses = RETURN_FORMAT, str(row.year or ""), 0
        else:
            form_id, version = row.form_id, row.version
            responses = row.response_count if row.status == ACCEPTED else 0
        entry = ReceiptEntry(
            file_name=name,
            file_sha256=sha256,
            received_at=row.received_at,
            status=row.status,
            reason=row.reason,
            responses=responses,
            form_id=form_id,
            version=version,
        )
        entries = by_post.setdefault(row.post_name, {})
        key = f"{sha256}/{name}"
        entries.pop(key, None)  # the latest outcome, in the order it arrived
        entries[key] = entry
    receipts = tuple(
        Receipt(post, issued_at, tuple(entries.values()))
        for post, entries in sorted(by_post.items())
    )
    return ReceiptBatch(receipts, tuple(unattributed.values()))


def write_receipts(
    batch: ReceiptBatch,
    folder: str | os.PathLike[str],
    signing_key: Ed25519PrivateKey | None = None,
) -> list[tuple[Path, Receipt]]:
    """Write each receipt of `batch` into `folder` (made if needed), signed with
    `signing_key` (default: headquarters' own, made on first use); the paths written."""
    from postkit.core.receipt_signing import hq_signing_key

    signing_key = signing_key or hq_signing_key()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, Receipt]] = []
    names: set[str] = set()
    for receipt in batch.receipts:
        name = receipt.file_name
        if name.casefold() in names:  # two post names with the same slug
            tag = hashlib.sha256(receipt.post.encode("utf-8")).hexdigest()[:8]
            name = name.removesuffix(RECEIPT_SUFFIX) + f"-{tag}{RECEIPT_SUFFIX}"
        names.add(name.casefold())
        path = folder / name
        text = json.dumps(receipt.as_json(signing_key), ensure_ascii=False, indent=2) + "\n"
        with atomic_output(path) as temp:
            temp.write_text(text, encoding="utf-8")
        written.append((path, receipt))
    return written


def write_receipts_of_arrivals(
    session: Session, folder: str | os.PathLike[str]
) -> list[tuple[Path, Receipt]]:
    """A receipt for each post whose files arrived (`build_receipts`), written into `folder`."""
    return write_receipts(build_receipts(session), folder)


def _file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
