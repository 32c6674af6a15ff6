"""A receipt from headquarters confirms an annual return as it confirms a survey export."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from postkit.core.profile import load_profile
from postkit.core.receipt_format import ACCEPTED, REFUSED, Receipt
from postkit.core.returns.format import FORMAT, read_return
from postkit.core.returns.receipts import is_return, receipt_entry
from postkit.core.returns.service import write_return
from postkit.core.surveys.receipts import import_receipt, list_sent_exports


def test_a_written_return_is_recorded_and_its_receipt_read_back(
    session: Session, tmp_path: Path
) -> None:
    profile = load_profile(session)
    assert profile is not None
    first = write_return(session, 2025, tmp_path / "return-2025.xlsx")
    second = write_return(session, 2026, tmp_path / "return-2026.xlsx")
    [newer, older] = list_sent_exports(session)
    assert (older.file_name, older.form_id, older.version) == ("return-2025.xlsx", FORMAT, "2025")
    assert older.file_sha256 == hashlib.sha256(first.path.read_bytes()).hexdigest()
    assert is_return(newer.form_id) and newer.status == ""

    # Headquarters reads both and confirms them by the hash of the bytes it received.
    received = read_return(second.path)
    moment = datetime(2027, 1, 15, 10, 0, tzinfo=UTC)
    receipt = Receipt(
        profile.post_name,
        moment,
        (
            receipt_entry(str(first.path), first.file_sha256, moment, REFUSED, "late", 2025),
            receipt_entry(
                str(second.path), received.file_sha256, moment, ACCEPTED, year=received.year
            ),
        ),
    )
    path = tmp_path / receipt.file_name
    path.write_text(json.dumps(receipt.as_json()), encoding="utf-8")

    result = import_receipt(session, path, profile.post_name)

    assert result.unknown == () and len(result.updated) == 2
    statuses = {sent.version: (sent.status, sent.reason) for sent in list_sent_exports(session)}
    assert statuses == {"2025": (REFUSED, "late"), "2026": (ACCEPTED, "")}
