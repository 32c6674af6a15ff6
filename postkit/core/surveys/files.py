"""The files respondents attach to file questions (image, audio, video, file).

A chosen file is copied into the database's files folder as any attachment is (content
addressed, sealed in a protected post's folder; see activities.attachments), and the answer
keeps the file's name and SHA-256, e.g. `site.jpg (sha256:9f86…)`: enough to find the stored
copy and to check it, and nothing of where the file lay on the laptop, which is personal data
that an export must not carry.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from postkit.core.attachments import (
    AttachmentRecord,
    attachment_path,
    readable_attachment,
    safe_file_name,
    store_attachment,
)
from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError

_ANSWER = re.compile(r"(?P<name>[^/\\]+) \(sha256:(?P<sha256>[0-9a-f]{64})\)")


@dataclass(frozen=True)
class AttachedFile:
    """What a file answer says: the file's name and the SHA-256 of its content."""

    file_name: str
    sha256: str

    @property
    def answer(self) -> str:
        return f"{self.file_name} (sha256:{self.sha256})"

    @property
    def stored_name(self) -> str:
        """Its place in the files folder's attachments, as store_attachment names it."""
        return f"{self.sha256[:2]}/{self.sha256}/{self.file_name}"


def parse_file_answer(text: str) -> AttachedFile | None:
    """The file a stored answer names, or None for text that is not a file answer (a path)."""
    found = _ANSWER.fullmatch(text.strip())
    if found is None:
        return None
    return AttachedFile(found["name"], found["sha256"])


def store_survey_file(files_dir: Path, source: Path) -> AttachedFile:
    """Copy a chosen file into the files folder (sealed when protected); PostkitError if it
    cannot be read or is too large."""
    record = store_attachment(files_dir, source)
    return AttachedFile(record.file_name, record.sha256)


def describe_file(source: Path) -> AttachedFile:
    """A file's name and hash without keeping it: for a form shown without a files folder."""
    digest = hashlib.sha256()
    try:
        with Path(source).open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as error:
        raise PostkitError(f"{source}: cannot be read ({error.strerror})") from error
    return AttachedFile(safe_file_name(Path(source).name), digest.hexdigest())


def stored_file(files_dir: Path, attached: AttachedFile) -> Path:
    """A readable path of an attached file's stored copy (an opened copy if it is sealed)."""
    record = AttachmentRecord(
        attached.file_name, attached.stored_name, attached.sha256, 0, utc_now()
    )
    if not attachment_path(files_dir, record).exists():
        raise PostkitError(f"{attached.file_name}: the attached file is not in this post's files")
    return readable_attachment(files_dir, record)
