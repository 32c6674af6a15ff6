"""Receipts headquarters writes for each post: which export files arrived and what became of them.

A receipt is a UTF-8 JSON file, one per post, named
`receipt-<post-slug>-<date>.postkit-receipt.json`. It holds one object:

- `format`: RECEIPT_FORMAT;
- `issued_at`: when headquarters wrote it, ISO 8601 UTC such as `2026-03-15T10:04:05Z`;
- `post`: the post's name as its exports gave it;
- `files`: one object per file received from the post, in the order received: `file_name` (the
  name without folders), `file_sha256` (of the file's bytes, lower-case hex; empty when the file
  could no longer be read to hash it), `received_at` (ISO 8601 UTC), `status` (`accepted` or
  `refused`), `reason` (why it was refused; empty otherwise), `responses` (the responses
  counted; 0 for a refused file), `form_id` and `version` (empty when the file was refused
  before they could be read);
- `signature`: headquarters' Ed25519 signature of the fields above (see `hq.signing`); absent
  from receipts of postkit before it;
- `sha256`: `receipt_digest` of the object without this key (the signature included), so a
  receipt damaged on its way is detected. Only the signature tells who wrote it.

When one file (same SHA-256 and name) was received more than once, the receipt gives its latest
outcome. A refused file whose meta sheet could not be read names no
post, so no receipt can carry it; `ReceiptBatch.unattributed` lists those.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.files import atomic_output
from postkit.core.hq.models import ReceivedExportRow

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# The statuses of hq_received_exports as hq.aggregate stores them (not imported from there:
# the post's export module needs this one, and aggregate reads exports with that module).
ACCEPTED = "accepted"
REFUSED = "refused"
RECEIPT_FORMAT = "postkit-survey-receipt/1"
RECEIPT_SUFFIX = ".postkit-receipt.json"
STATUSES = (ACCEPTED, REFUSED)


@dataclass(frozen=True)
class ReceiptEntry:
    """One file headquarters received from a post, and its outcome."""

    file_name: str
    file_sha256: str
    received_at: datetime
    status: str
    reason: str
    responses: int
    form_id: str = ""
    version: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "file_name": self.file_name,
            "file_sha256": self.file_sha256,
            "received_at": iso_utc(self.received_at),
            "status": self.status,
            "reason": self.reason,
            "responses": self.responses,
            "form_id": self.form_id,
            "version": self.version,
        }


@dataclass(frozen=True)
class Receipt:
    """What headquarters confirms to one post."""

    post: str
    issued_at: datetime
    entries: tuple[ReceiptEntry, ...]

    def as_json(self, signing_key: Ed25519PrivateKey | None = None) -> dict[str, object]:
        """The receipt as written, signed with `signing_key` when given, its `sha256` last."""
        content: dict[str, object] = {
            "format": RECEIPT_FORMAT,
            "issued_at": iso_utc(self.issued_at),
            "post": self.post,
            "files": [entry.as_json() for entry in self.entries],
        }
        if signing_key is not None:
            from postkit.core.hq.signing import signature_of  # cryptography: loaded when used

            content["signature"] = signature_of(content, signing_key)
        content["sha256"] = receipt_digest(content)
        return content

    @property
    def file_name(self) -> str:
        return f"receipt-{post_slug(self.post)}-{self.issued_at:%Y-%m-%d}{RECEIPT_SUFFIX}"

    @property
    def accepted(self) -> int:
        return sum(1 for entry in self.entries if entry.status == ACCEPTED)

    @property
    def refused(self) -> int:
        return sum(1 for entry in self.entries if entry.status == REFUSED)


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


def receipt_digest(content: dict[str, object]) -> str:
    """The SHA-256 of a receipt's canonical JSON: keys sorted, no spaces, `sha256` left out."""
    payload = {key: value for key, value in content.items() if key != "sha256"}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_receipts(session: Session, issued_at: datetime | None = None) -> ReceiptBatch:
    """A receipt for each post headquarters received files from, in order of post name."""
    issued_at = issued_at or utc_now()
    rows = session.scalars(select(ReceivedExportRow).order_by(ReceivedExportRow.id)).all()
    by_post: dict[str, dict[str, ReceiptEntry]] = {}
    unattributed: dict[str, UnattributedFile] = {}
    for row in rows:
        name = base_name(row.file_name)
        if not row.post_name:
            unattributed[row.file_name] = UnattributedFile(name, row.reason)
            continue
        # Refusals are stored without a hash; the file is usually still where it was read.
        sha256 = row.file_sha256 or _file_sha256(row.file_name)
        entry = ReceiptEntry(
            file_name=name,
            file_sha256=sha256,
            received_at=row.received_at,
            status=row.status,
            reason=row.reason,
            responses=row.response_count if row.status == ACCEPTED else 0,
            form_id=row.form_id,
            version=row.version,
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
    from postkit.core.hq.signing import hq_signing_key

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


def post_slug(post: str) -> str:
    """The post's name as a file name part: ASCII letters and digits joined by hyphens."""
    plain = unicodedata.normalize("NFKD", post).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower())) or "post"


def base_name(file_name: str) -> str:
    """The file's name without its folders, whether written with / or \\."""
    return re.split(r"[\\/]", file_name)[-1]


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
