"""Attached files of a protected post, sealed so the files folder shows nothing without its key.

A post that protects its database with a passphrase expects the files attached to its records
(company evidence, agendas, templates) to be protected too. Each is sealed with one random
256-bit file key: AES-256-GCM over chunks of 1 MiB (the STREAM construction: each chunk's
nonce holds its number and whether it is the last, so chunks cannot be dropped, reordered or
cut off unnoticed). Each chunk's associated data binds the file to its record (the record's
stored name, which holds the content's SHA-256), so a sealed file copied over another record's
does not open as that record's file; opening also checks the content against the record's
SHA-256. Files sealed before this binding (`MAGIC_UNBOUND`) still open, checked by digest.

The file key is kept in `<files folder>/file-key`, wrapped with a key derived from the
passphrase (scrypt, its parameters stored with the key so stronger ones can come later while
old keys stay readable), so changing the passphrase re-wraps 32 bytes and leaves the files
alone; `rotate_file_key` re-seals every file under a new key instead. A sealed copy lies at a
keyed hash (HMAC) of the record's stored name (`sealed_location`), so the folder shows neither
what the files are called nor what they hold. Once a folder has a file key, a plain file where
a sealed one belongs is refused.

An open protected database remembers its file key for its files folder (`remember_key`),
so storing and opening attachments need nothing more than the folder.
"""

from __future__ import annotations

import atexit
import hashlib
import hmac
import os
import secrets
import shutil
import struct
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from postkit.core.errors import PostkitError

MAGIC = b"postkit-sealed-2\n"  # chunks carry associated data binding them to their record
MAGIC_UNBOUND = b"postkit-sealed-1\n"  # sealed before the binding: still opened
KEY_FILE = "file-key"
SEALED_SUFFIX = ".sealed"
OPENED_PREFIX = "postkit-open-"  # the private folders of opened (plain) copies
_KEY_MAGIC_1 = b"postkit-file-key-1\n"  # scrypt N=2^15, r=8, p=1, passphrase as typed
_KEY_MAGIC = b"postkit-file-key-2\n"  # then log2(N), r, p; passphrase NFC-normalised
_CHUNK = 1 << 20
_NONCE_PREFIX = 7  # bytes of random nonce prefix; 4 for the chunk number, 1 for "last"
_TAG = 16
_WRAPPED = 16 + 12 + 32 + _TAG  # salt, nonce, key and tag
_SCRYPT_1 = (2**15, 8, 1)
# OWASP's minimum for scrypt (N=2^17, r=8, p=1): about a second on a post's laptop.
SCRYPT_PARAMETERS = (2**17, 8, 1)
_MAX_LOG2_N = 22  # a key file asking for more memory than this is not one postkit wrote

_keys: dict[Path, tuple[bytes, int]] = {}  # folder -> (file key, databases open on it)
_opened_dir: Path | None = None


class SealedFileError(PostkitError):
    """A sealed file or the file key is damaged, or the key does not fit."""


# The file key


def create_file_key(files_dir: Path, passphrase: str) -> bytes:
    """A new random file key, written wrapped under the passphrase; refuses to replace one."""
    path = Path(files_dir) / KEY_FILE
    if path.exists():
        raise SealedFileError(f"{path}: a file key exists already")
    key = secrets.token_bytes(32)
    _write_wrapped(path, key, passphrase)
    return key


def load_file_key(files_dir: Path, passphrase: str) -> bytes | None:
    """The file key of the folder, or None when it has none."""
    path = Path(files_dir) / KEY_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return _unwrap(path, data, passphrase)


def has_file_key(files_dir: Path) -> bool:
    """Whether the folder's files are sealed (it has a file key), open or not."""
    return (Path(files_dir) / KEY_FILE).exists()


def key_parameters(files_dir: Path) -> tuple[int, int, int]:
    """The scrypt parameters (N, r, p) the folder's file key is wrapped with."""
    path = Path(files_dir) / KEY_FILE
    return _parse_key_file(path, path.read_bytes())[0]


def rewrap_file_key(files_dir: Path, old: str, new: str) -> bool:
    """Wrap the file key under a new passphrase; False when the folder has no key."""
    key = load_file_key(files_dir, old)
    if key is None:
        return False
    _write_wrapped(Path(files_dir) / KEY_FILE, key, new)
    return True


def _normalized(passphrase: str) -> str:
    # The database key is NFC too: a passphrase typed on a Mac (decomposed accents) must open
    # the files on Windows (composed), and the other way round.
    return unicodedata.normalize("NFC", passphrase)


def _kek(passphrase: str, salt: bytes, parameters: tuple[int, int, int]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    n, r, p = parameters
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _write_wrapped(path: Path, key: bytes, passphrase: str) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    n, r, p = SCRYPT_PARAMETERS
    header = _KEY_MAGIC + struct.pack(">BBB", n.bit_length() - 1, r, p)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = _kek(_normalized(passphrase), salt, SCRYPT_PARAMETERS)
    wrapped = AESGCM(kek).encrypt(nonce, key, header)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(header + salt + nonce + wrapped)
    os.replace(partial, path)


def _parse_key_file(path: Path, data: bytes) -> tuple[tuple[int, int, int], bytes, bytes]:
    """(scrypt parameters, associated data, salt + nonce + wrapped key) of a key file."""
    if data.startswith(_KEY_MAGIC_1) and len(data) == len(_KEY_MAGIC_1) + _WRAPPED:
        return _SCRYPT_1, _KEY_MAGIC_1, data[len(_KEY_MAGIC_1) :]
    header_length = len(_KEY_MAGIC) + 3
    if data.startswith(_KEY_MAGIC) and len(data) == header_length + _WRAPPED:
        log2_n, r, p = struct.unpack(">BBB", data[len(_KEY_MAGIC) : header_length])
        if 14 <= log2_n <= _MAX_LOG2_N and 1 <= r <= 32 and 1 <= p <= 16:
            return (2**log2_n, r, p), data[:header_length], data[header_length:]
    raise SealedFileError(f"{path}: not a postkit file key")


def _unwrap(path: Path, data: bytes, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    parameters, header, body = _parse_key_file(path, data)
    salt, nonce, wrapped = body[:16], body[16:28], body[28:]
    if header == _KEY_MAGIC_1:
        # Wrapped under the passphrase as typed: try the forms a system may have typed it in.
        forms = dict.fromkeys(
            (passphrase, _normalized(passphrase), unicodedata.normalize("NFD", passphrase))
        )
    else:
        forms = dict.fromkeys((_normalized(passphrase),))
    for form in forms:
        try:
            return AESGCM(_kek(form, salt, parameters)).decrypt(nonce, wrapped, header)
        except InvalidTag:
            continue
    raise SealedFileError(f"{path}: the passphrase does not open the file key")


# Which folders have their key at hand


def file_key(files_dir: Path, passphrase: str) -> bytes:
    """The folder's file key; made on first use, which seals the files already there."""
    key = load_file_key(files_dir, passphrase)
    if key is None:
        key = create_file_key(files_dir, passphrase)
        seal_folder(files_dir, key)
    return key


def remember_key(files_dir: Path, key: bytes) -> None:
    """Keep the key at hand while a database on the folder is open (counted per opening)."""
    folder = Path(files_dir).resolve()
    count = _keys.get(folder, (key, 0))[1]
    _keys[folder] = (key, count + 1)


def forget_key(files_dir: Path) -> None:
    folder = Path(files_dir).resolve()
    key, count = _keys.get(folder, (b"", 0))
    if count > 1:
        _keys[folder] = (key, count - 1)
    else:
        _keys.pop(folder, None)


def _replace_remembered(files_dir: Path, key: bytes) -> None:
    # A database open on the folder goes on sealing and opening with the new key.
    folder = Path(files_dir).resolve()
    if folder in _keys:
        _keys[folder] = (key, _keys[folder][1])


def key_for(files_dir: Path) -> bytes | None:
    """The file key of an open protected database's files folder, else None (files plain)."""
    entry = _keys.get(Path(files_dir).resolve())
    return entry[0] if entry else None


# Files


def binding(stored_name: str, digest: str) -> bytes:
    """What ties a sealed file to its record: the stored name and the content's SHA-256."""
    return stored_name.encode("utf-8") + b"\x00" + digest.encode("ascii")


def sealed_location(files_dir: Path, key: bytes, stored_name: str) -> Path:
    """Where the sealed copy of the file stored as `stored_name` lies: a keyed hash of the
    name, so the folder shows neither file names nor content digests to one without the key."""
    names_key = hmac.digest(key, b"postkit sealed file names", "sha256")
    digest = hmac.new(names_key, stored_name.encode("utf-8"), "sha256").hexdigest()
    return Path(files_dir) / "attachments" / digest[:2] / (digest[2:40] + SEALED_SUFFIX)


def unbound_sealed_name(plain: Path) -> Path:
    """Where a file sealed before the binding lies: beside its plain name, unkeyed."""
    digest = hashlib.sha256(plain.name.encode("utf-8")).hexdigest()[:24]
    return plain.with_name(digest + SEALED_SUFFIX)


def is_sealed(path: Path) -> bool:
    with Path(path).open("rb") as file:
        return file.read(len(MAGIC)) in (MAGIC, MAGIC_UNBOUND)


def seal_chunks(key: bytes, chunks: Iterable[bytes], target: Path, bound_to: bytes) -> None:
    """Write the plain chunks sealed to `target`, bound to `bound_to` (see `binding`)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cipher = AESGCM(key)
    associated = MAGIC + bound_to
    pieces = iter(chunks)
    prefix = secrets.token_bytes(_NONCE_PREFIX)
    with Path(target).open("wb") as out:
        out.write(MAGIC + prefix)
        number = 0
        chunk = next(pieces, b"")
        while True:
            following = next(pieces, None)
            last = following is None
            out.write(cipher.encrypt(_nonce(prefix, number, last), chunk, associated))
            if last:
                break
            chunk, number = following, number + 1


def seal_file(key: bytes, source: Path, target: Path, binding: bytes = b"") -> None:
    """Write `source` sealed to `target` (another file)."""
    seal_chunks(key, _chunks(source), target, binding)


def unseal(key: bytes, path: Path, binding: bytes = b"") -> Iterator[bytes]:
    """The plain chunks of a sealed file; SealedFileError when it was damaged or cut off, or
    sealed for another record than `binding` names."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cipher = AESGCM(key)
    with Path(path).open("rb") as file:
        head = file.read(len(MAGIC) + _NONCE_PREFIX)
        version = head[: len(MAGIC)]
        if version not in (MAGIC, MAGIC_UNBOUND) or len(head) < len(MAGIC) + _NONCE_PREFIX:
            raise SealedFileError(f"{path}: not a sealed postkit file")
        associated = MAGIC + binding if version == MAGIC else None
        prefix = head[len(MAGIC) :]
        number = 0
        block = file.read(_CHUNK + _TAG)
        while True:
            following = file.read(_CHUNK + _TAG)
            last = not following
            try:
                yield cipher.decrypt(_nonce(prefix, number, last), block, associated)
            except InvalidTag as error:
                raise SealedFileError(
                    f"{path}: damaged, sealed with another key, or the file of another record"
                ) from error
            if last:
                return
            block, number = following, number + 1


def _chunks(path: Path) -> Iterator[bytes]:
    with Path(path).open("rb") as file:
        while chunk := file.read(_CHUNK):
            yield chunk


def seal_folder(files_dir: Path, key: bytes) -> int:
    """Seal every plain attached file under the folder; returns how many.

    Plain files lie at `<2 hex>/<sha256>/<file name>`, which is their stored name; the
    emptied folders go, as their names are the files' digests.
    """
    root = Path(files_dir) / "attachments"
    count = 0
    if not root.is_dir():
        return 0
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix == ".partial":
            continue
        if path.suffix == SEALED_SUFFIX or is_sealed(path):
            continue
        stored_name = path.relative_to(root).as_posix()
        target = sealed_location(files_dir, key, stored_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        seal_file(key, path, partial, binding(stored_name, path.parent.name))
        os.replace(partial, target)
        path.unlink()
        _remove_empty_folders(path.parent, root)
        count += 1
    return count


def rotate_file_key(
    files_dir: Path, passphrase: str, stored: Iterable[tuple[str, str]]
) -> tuple[int, int]:
    """Seal every file again under a new file key, wrapped under `passphrase`.

    `stored` names each file a record refers to (stored name, SHA-256), in the database and
    in its backups. The new copies are written first, then the new key, then the old copies
    go: a crash before the key is replaced leaves the old key and files as they were. Returns
    (files sealed again, sealed files no record names, left as they were).
    """
    folder = Path(files_dir)
    old_key = load_file_key(folder, passphrase)
    if old_key is None:
        return 0, 0
    root = folder / "attachments"
    new_key = secrets.token_bytes(32)
    done: list[Path] = []
    for stored_name, digest in sorted(set(stored)):
        current = sealed_location(folder, old_key, stored_name)
        if not current.exists():
            current = unbound_sealed_name(root / stored_name)
            if not current.exists():
                continue  # a record whose file is missing already: nothing to carry over
        target = sealed_location(folder, new_key, stored_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        content = hashlib.sha256()
        chunks = _hashed(unseal(old_key, current, binding(stored_name, digest)), content)
        try:
            seal_chunks(new_key, chunks, partial, binding(stored_name, digest))
            if content.hexdigest() != digest:
                raise SealedFileError(f"{current}: not the file of {stored_name}")
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        done.append(current)
    _write_wrapped(folder / KEY_FILE, new_key, passphrase)
    _replace_remembered(folder, new_key)
    for path in done:
        path.unlink(missing_ok=True)
        _remove_empty_folders(path.parent, root)
    kept = [p for p in root.rglob("*" + SEALED_SUFFIX) if p not in done] if root.is_dir() else []
    named = {sealed_location(folder, new_key, name) for name, _digest in stored}
    return len(done), len([p for p in kept if p not in named])


def _hashed(chunks: Iterable[bytes], content: Any) -> Iterator[bytes]:
    for chunk in chunks:
        content.update(chunk)
        yield chunk


def _remove_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:  # not empty: a file sealed the old way still lies there
            return
        folder = folder.parent


def opened_copy(
    files_dir: Path, stored: Path, file_name: str, digest: str, stored_name: str = ""
) -> Path:
    """A plain copy of a sealed file for a viewer, in a private folder removed at exit.

    The content must be the record's (`digest`); a file sealed for another record, or
    swapped for another record's, is refused.
    """
    key = key_for(files_dir)
    if key is None:
        raise SealedFileError(f"{stored}: sealed, and the database holding its key is not open")
    # Unsealed and checked at every opening, so a copy opened earlier never stands in for a
    # stored file that was replaced since.
    target = _private_dir() / digest / file_name
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    content = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for chunk in unseal(key, stored, binding(stored_name, digest)):
                content.update(chunk)
                out.write(chunk)
        if not hmac.compare_digest(content.hexdigest(), digest):
            raise SealedFileError(
                f"{file_name}: the sealed file does not belong to this record "
                "(its content is not the file attached); it was replaced"
            )
        try:
            os.replace(partial, target)
        except OSError:
            # A viewer holds the earlier copy open (Windows locks it): that copy is the same
            # content, checked when it was written.
            if not target.exists():
                raise
    finally:
        partial.unlink(missing_ok=True)
    return target


def _private_dir() -> Path:
    global _opened_dir
    if _opened_dir is None:
        remove_left_behind()
        prefix = f"{OPENED_PREFIX}{os.getpid()}-"
        _opened_dir = Path(tempfile.mkdtemp(prefix=prefix))  # readable by this user only
        atexit.register(shutil.rmtree, _opened_dir, ignore_errors=True)
    return _opened_dir


def remove_left_behind(folder: Path | None = None) -> int:
    """Remove the opened copies of a postkit that did not close normally (a crash, a power
    cut), so plain copies do not outlive it; returns how many folders went."""
    removed = 0
    for opened in Path(folder or tempfile.gettempdir()).glob(f"{OPENED_PREFIX}*"):
        pid = opened.name.removeprefix(OPENED_PREFIX).partition("-")[0]
        if pid.isdigit() and opened.is_dir() and not _may_be_running(int(pid), opened):
            shutil.rmtree(opened, ignore_errors=True)
            removed += 1
    return removed


def _may_be_running(pid: int, opened: Path) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # no safe signal 0 there: a folder untouched for two days is stale
        return time.time() - opened.stat().st_mtime < 2 * 24 * 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", number, 1 if last else 0)
