"""Files attached to records of any feature, copied into the database's files folder.

In the folder of a protected database (one whose file key is at hand, see sealed_files) the
copies are sealed, straight from the source so no plain copy touches the folder;
`readable_attachment` gives a path a viewer or an export can read, and refuses a plain file
where a sealed one belongs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.db.base import UTCDateTime, utc_now
from postkit.core.errors import PostkitError
from postkit.core.sealed_files import (
    SealedFileError,
    binding,
    has_file_key,
    is_sealed,
    key_for,
    opened_copy,
    seal_chunks,
    sealed_location,
    unbound_sealed_name,
)

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentRecord:
    """A file attached to a record (an activity, a practice, evidence, a survey answer)."""

    file_name: str
    stored_name: str
    sha256: str
    size_bytes: int
    added_at: datetime


class StoredFileColumns:
    """The columns of a table of attached files (mix in before `Base`).

    A feature's attachment table declares its `id`, the `owner_key` of what the files belong
    to and anything else it keeps per file; the columns below say which stored copy is meant.
    Their names, types and order are those of the tables made by the migrations, so mixing
    this in changes no schema. `record()` hands a row out as an `AttachmentRecord`.
    """

    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)

    def record(self) -> AttachmentRecord:
        """The stored copy this row names, as a plain value."""
        return AttachmentRecord(
            self.file_name, self.stored_name, self.sha256, self.size_bytes, self.added_at
        )

    @classmethod
    def from_record(cls, record: AttachmentRecord, **columns: Any) -> Self:
        """A new row naming `record`'s stored copy; `columns` are the table's own ones."""
        return cls(  # the mapped subclass takes its columns as keywords
            file_name=record.file_name,
            stored_name=record.stored_name,
            sha256=record.sha256,
            size_bytes=record.size_bytes,
            added_at=record.added_at,
            **columns,
        )


def safe_file_name(name: str) -> str:
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(". ")
    return cleaned or "file"


def store_attachment(files_dir: Path, source: Path) -> AttachmentRecord:
    """Copy `source` into the files folder, stored by content so copies are kept once."""
    source = Path(source)
    if not source.is_file():
        raise PostkitError(f"{source}: not a file that can be attached")
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise PostkitError(f"{source}: larger than {MAX_ATTACHMENT_BYTES // 2**20} MB")
    target_root = files_dir / "attachments"
    target_root.mkdir(parents=True, exist_ok=True)
    file_name = safe_file_name(source.name)
    key = key_for(files_dir)
    if key is not None:
        return _store_sealed(files_dir, key, source, file_name, size)
    digest = hashlib.sha256()
    # Copy to a temporary file first so a half-written copy never takes the final name.
    with tempfile.NamedTemporaryFile(dir=target_root, delete=False) as tmp:
        try:
            with source.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
                    tmp.write(chunk)
        except OSError as exc:
            tmp.close()
            os.unlink(tmp.name)
            raise PostkitError(f"{source}: cannot be read ({exc.strerror})") from exc
    sha = digest.hexdigest()
    stored_name = f"{sha[:2]}/{sha}/{file_name}"
    target = target_root / stored_name
    if target.exists() or unbound_sealed_name(target).exists():
        os.unlink(tmp.name)
        return AttachmentRecord(file_name, stored_name, sha, size, utc_now())
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(tmp.name, target)
    return AttachmentRecord(file_name, stored_name, sha, size, utc_now())


def _store_sealed(
    files_dir: Path, key: bytes, source: Path, file_name: str, size: int
) -> AttachmentRecord:
    """Seal `source` into the folder as it is read: its digest first, then the sealing, which
    checks that the file did not change in between."""
    try:
        sha = _sha256(source)
        stored_name = f"{sha[:2]}/{sha}/{file_name}"
        sealed = sealed_location(files_dir, key, stored_name)
        if sealed.exists():
            return AttachmentRecord(file_name, stored_name, sha, size, utc_now())
        sealed.parent.mkdir(parents=True, exist_ok=True)
        partial = sealed.with_name(sealed.name + ".partial")
        digest = hashlib.sha256()

        def chunks() -> Iterator[bytes]:
            with source.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
                    yield chunk

        try:
            seal_chunks(key, chunks(), partial, binding(stored_name, sha))
            if digest.hexdigest() != sha:
                raise PostkitError(f"{source}: the file changed while it was being attached")
            os.replace(partial, sealed)
        finally:
            partial.unlink(missing_ok=True)
    except OSError as exc:
        raise PostkitError(f"{source}: cannot be read ({exc.strerror})") from exc
    return AttachmentRecord(file_name, stored_name, sha, size, utc_now())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def attachment_path(files_dir: Path, record: AttachmentRecord) -> Path:
    """Where the stored copy is: sealed at its keyed name (while the protected database is
    open), sealed the older way beside its plain name, or under its own name."""
    plain = files_dir / "attachments" / record.stored_name
    key = key_for(files_dir)
    if key is not None:
        sealed = sealed_location(files_dir, key, record.stored_name)
        if sealed.exists():
            return sealed
    unbound = unbound_sealed_name(plain)
    return unbound if unbound.exists() else plain


def readable_attachment(files_dir: Path, record: AttachmentRecord) -> Path:
    """A path holding the file's plain content: the stored copy, or an opened one if sealed."""
    if key_for(files_dir) is None and has_file_key(files_dir):
        raise SealedFileError(
            f"{record.file_name}: sealed, and the database holding its key is not open"
        )
    path = attachment_path(files_dir, record)
    try:
        sealed = is_sealed(path)
    except OSError as error:
        raise PostkitError(
            f"{path}: the attached file cannot be read ({error.strerror})"
        ) from error
    if not sealed:
        if has_file_key(files_dir):
            raise PostkitError(
                f"{record.file_name}: the stored file is not sealed, though the post's files "
                "are; it was put there from outside postkit and is not opened"
            )
        return path
    return opened_copy(files_dir, path, record.file_name, record.sha256, record.stored_name)
