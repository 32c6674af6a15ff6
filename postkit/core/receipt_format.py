"""The receipt format: what headquarters confirms to a post about the export files it received.

Headquarters writes receipts (`postkit.core.hq.receipts`), the post reads them
(`postkit.core.surveys.receipts`); both take the format from here.

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
- `signature`: headquarters' Ed25519 signature of the fields above (see `receipt_signing`); absent
  from receipts of postkit before it;
- `sha256`: `receipt_digest` of the object without this key (the signature included), so a
  receipt damaged on its way is detected. Only the signature tells who wrote it.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# The statuses of hq_received_exports as headquarters' service stores them (not imported from
# there: the post's side reads receipts without headquarters' modules).
ACCEPTED = "accepted"
REFUSED = "refused"
RECEIPT_FORMAT = "postkit-survey-receipt/1"
RECEIPT_SUFFIX = ".postkit-receipt.json"
STATUSES = (ACCEPTED, REFUSED)
# An annual return (postkit.core.returns) is confirmed by the same receipts: its entry's
# `form_id` is the return's format and its `version` the year. Kept here, where the post's
# receipt list reads it without loading the return's reader.
RETURN_FORMAT = "postkit-annual-return/1"


def is_return(form_id: str) -> bool:
    """Whether a sent file (or a receipt's entry) is an annual return, not a survey export."""
    return form_id == RETURN_FORMAT


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
            from postkit.core.receipt_signing import signature_of  # cryptography: loaded when used

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


def receipt_digest(content: dict[str, object]) -> str:
    """The SHA-256 of a receipt's canonical JSON: keys sorted, no spaces, `sha256` left out."""
    payload = {key: value for key, value in content.items() if key != "sha256"}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def post_slug(post: str) -> str:
    """The post's name as a file name part: ASCII letters and digits joined by hyphens."""
    plain = unicodedata.normalize("NFKD", post).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower())) or "post"


def base_name(file_name: str) -> str:
    """The file's name without its folders, whether written with / or \\."""
    return re.split(r"[\\/]", file_name)[-1]


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
