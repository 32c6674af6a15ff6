"""Receipts cover annual returns as they cover survey exports.

The post records each return it writes among its sent files (`surveys.receipts`), with
`form_id` FORMAT and `version` the year; headquarters names the return in its receipt by the
file's SHA-256 and name (`receipt_entry`), and the post's `import_receipt` matches it as it
matches a survey export, so the post sees the return accepted or refused.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from postkit.core.receipt_format import ReceiptEntry, base_name, is_return
from postkit.core.returns.format import FORMAT
from postkit.core.surveys.receipts import record_sent_export

__all__ = ["is_return", "receipt_entry", "record_sent_return"]


def record_sent_return(
    session: Session, path: str, file_sha256: str, post: str, year: int, written_at: datetime
) -> None:
    """Remember a return file the post wrote, so a receipt can confirm it later."""
    record_sent_export(session, path, file_sha256, FORMAT, str(year), post, 0, written_at)


def receipt_entry(
    file_name: str,
    file_sha256: str,
    received_at: datetime,
    status: str,
    reason: str = "",
    year: int | None = None,
) -> ReceiptEntry:
    """What headquarters' receipt says of one return it received (`year` unknown when the file
    was refused before it could be read)."""
    return ReceiptEntry(
        file_name=base_name(file_name),
        file_sha256=file_sha256,
        received_at=received_at,
        status=status,
        reason=reason,
        responses=0,
        form_id=FORMAT,
        version="" if year is None else str(year),
    )
