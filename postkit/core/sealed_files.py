"""Attached files of a protected post, sealed so the files folder shows nothing without its key.

A post that protects its database with a passphrase expects the files attached to its records
(company evidence, agendas, templates) to be protected too. Each is sealed with one random
256-bit file key: AES-256-GCM over chunks of 1 MiB (the STREAM construction: each chunk's
nonce holds its number and whether it is the last, so chunks cannot be dropped, reordered or
cut off unnoticed). The file key is kept in `<files folder>/file-key`, wrapped with a key
derived from the passphrase (scrypt), so changing the passphrase re-wraps 32 bytes and leaves
the files alone. Files stay content-addressed by the SHA-256 of their plain content; a sealed
copy's name is a hash of the file's name (`sealed_name`), so the folder does not tell what the
files are called either.

An open protected database remembers its file key for its files folder (`remember_key`),
so storing and opening attachments need nothing more than the folder.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import secrets
import shutil
import struct
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from postkit.core.errors import PostkitError

MAGIC = b"postkit-sealed-1\n"
KEY_FILE = "file-key"
SEALED_SUFFIX = ".sealed"
OPENED_PREFIX = "postkit-open-"  # the private folders of opened (plain) copies
_KEY_MAGIC = b"postkit-file-key-1\n"
_CHUNK = 1 << 20
_NONCE_PREFIX = 7  # bytes of random nonce prefix; 4 for the chunk number, 1 for "last"
_TAG = 16
_SCRYPT = {"length": 32, "n": 2**15, "r": 8, "p": 1}

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


def rewrap_file_key(files_dir: Path, old: str, new: str) -> bool:
    """Wrap the file key under a new passphrase; False when the folder has no key."""
    key = load_file_key(files_dir, old)
    if key is None:
        return False
    _write_wrapped(Path(files_dir) / KEY_FILE, key, new)
    return True


def _kek(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, **_SCRYPT).derive(passphrase.encode("utf-8"))


def _write_wrapped(path: Path, key: bytes, passphrase: str) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_kek(passphrase, salt)).encrypt(nonce, key, _KEY_MAGIC)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(_KEY_MAGIC + salt + nonce + wrapped)
    os.replace(partial, path)


def _unwrap(path: Path, data: bytes, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not data.startswith(_KEY_MAGIC) or len(data) != len(_KEY_MAGIC) + 16 + 12 + 32 + _TAG:
        raise SealedFileError(f"{path}: not a postkit file key")
    body = data[len(_KEY_MAGIC) :]
    salt, nonce, wrapped = body[:16], body[16:28], body[28:]
    try:
        return AESGCM(_kek(passphrase, salt)).decrypt(nonce, wrapped, _KEY_MAGIC)
    except InvalidTag as error:
        raise SealedFileError(f"{path}: the passphrase does not open the file key") from error


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


def key_for(files_dir: Path) -> bytes | None:
    """The file key of an open protected database's files folder, else None (files plain)."""
    entry = _keys.get(Path(files_dir).resolve())
    return entry[0] if entry else None


# Files


def sealed_name(plain: Path) -> Path:
    """Where the sealed copy of the file stored at `plain` lies."""
    digest = hashlib.sha256(plain.name.encode("utf-8")).hexdigest()[:24]
    return plain.with_name(digest + SEALED_SUFFIX)


def is_sealed(path: Path) -> bool:
    with Path(path).open("rb") as file:
        return file.read(len(MAGIC)) == MAGIC


def seal_file(key: bytes, source: Path, target: Path) -> None:
    """Write `source` sealed to `target` (another file)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cipher = AESGCM(key)
    chunks = _chunks(source)
    prefix = secrets.token_bytes(_NONCE_PREFIX)
    with Path(target).open("wb") as out:
        out.write(MAGIC + prefix)
        number = 0
        chunk = next(chunks, b"")
        while True:
            following = next(chunks, None)
            last = following is None
            out.write(cipher.encrypt(_nonce(prefix, number, last), chunk, None))
            if last:
                break
            chunk, number = following, number + 1


def unseal(key: bytes, path: Path) -> Iterator[bytes]:
    """The plain chunks of a sealed file; SealedFileError when it was damaged or cut off."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cipher = AESGCM(key)
    with Path(path).open("rb") as file:
        head = file.read(len(MAGIC) + _NONCE_PREFIX)
        if not head.startswith(MAGIC) or len(head) < len(MAGIC) + _NONCE_PREFIX:
            raise SealedFileError(f"{path}: not a sealed postkit file")
        prefix = head[len(MAGIC) :]
        number = 0
        block = file.read(_CHUNK + _TAG)
        while True:
            following = file.read(_CHUNK + _TAG)
            last = not following
            try:
                yield cipher.decrypt(_nonce(prefix, number, last), block, None)
            except InvalidTag as error:
                raise SealedFileError(f"{path}: damaged, or sealed with another key") from error
            if last:
                return
            block, number = following, number + 1


def _chunks(path: Path) -> Iterator[bytes]:
    with Path(path).open("rb") as file:
        while chunk := file.read(_CHUNK):
            yield chunk


def seal_folder(files_dir: Path, key: bytes) -> int:
    """Seal every plain attached file under the folder in place; returns how many."""
    root = Path(files_dir) / "attachments"
    count = 0
    if not root.is_dir():
        return 0
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix == ".partial":
            continue
        if path.suffix == SEALED_SUFFIX or is_sealed(path):
            continue
        target = sealed_name(path)
        partial = target.with_name(target.name + ".partial")
        seal_file(key, path, partial)
        os.replace(partial, target)
        path.unlink()
        count += 1
    return count


def opened_copy(files_dir: Path, stored: Path, file_name: str, digest: str) -> Path:
    """A plain copy of a sealed file for a viewer, in a private folder removed at exit."""
    key = key_for(files_dir)
    if key is None:
        raise SealedFileError(f"{stored}: sealed, and the database holding its key is not open")
    target = _private_dir() / digest / file_name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with partial.open("wb") as out:
            for chunk in unseal(key, stored):
                out.write(chunk)
        os.replace(partial, target)
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
