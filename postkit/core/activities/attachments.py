"""Files attached to records, copied into the database's files folder.

In the folder of a protected database (one whose file key is at hand, see sealed_files) the
copies are sealed; `readable_attachment` gives a path a viewer or an export can read.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from postkit.core.activities.records import AttachmentRecord
from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError
from postkit.core.sealed_files import is_sealed, key_for, opened_copy, seal_file, sealed_name

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024


def _safe_file_name(name: str) -> str:
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
    file_name = _safe_file_name(source.name)
    stored_name = f"{sha[:2]}/{sha}/{file_name}"
    target = target_root / stored_name
    if target.exists() or sealed_name(target).exists():
        os.unlink(tmp.name)
        return AttachmentRecord(file_name, stored_name, sha, size, utc_now())
    target.parent.mkdir(parents=True, exist_ok=True)
    key = key_for(files_dir)
    if key is None:
        shutil.move(tmp.name, target)
    else:
        sealed = sealed_name(target)
        partial = sealed.with_name(sealed.name + ".partial")
        try:
            seal_file(key, Path(tmp.name), partial)
            os.replace(partial, sealed)
        finally:
            os.unlink(tmp.name)
    return AttachmentRecord(file_name, stored_name, sha, size, utc_now())


def attachment_path(files_dir: Path, record: AttachmentRecord) -> Path:
    """Where the stored copy is: under its own name, or sealed (in a protected post's folder)."""
    plain = files_dir / "attachments" / record.stored_name
    sealed = sealed_name(plain)
    return sealed if sealed.exists() else plain


def readable_attachment(files_dir: Path, record: AttachmentRecord) -> Path:
    """A path holding the file's plain content: the stored copy, or an opened one if sealed."""
    path = attachment_path(files_dir, record)
    try:
        sealed = is_sealed(path)
    except OSError as error:
        raise PostkitError(
            f"{path}: the attached file cannot be read ({error.strerror})"
        ) from error
    if not sealed:
        return path
    return opened_copy(files_dir, path, record.file_name, record.sha256)
