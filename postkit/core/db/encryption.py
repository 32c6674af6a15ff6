"""Encryption at rest: a post's SQLite database protected with a passphrase (SQLCipher).

SQLCipher derives the key from the passphrase with its own KDF (PBKDF2-HMAC-SHA512 and a
random salt kept in the file's first 16 bytes); postkit never writes the passphrase or the key
anywhere. A protected file therefore does not start with SQLite's "SQLite format 3" header,
which is how postkit tells it apart from a plain database without asking for anything.

Protecting an existing database exports it into a new encrypted file beside it, checks that
the new file opens with the passphrase and holds the same rows, and only then moves it over
the plain one (an atomic rename), so no plain copy is left behind. Its backups are encrypted
the same way, and re-keyed when the passphrase changes.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import ModuleType
from typing import Any

from postkit.core.db.backup_files import list_backups
from postkit.core.errors import DatabaseError, PostkitError, ValidationError
from postkit.core.paths import files_dir_for
from postkit.core.sealed_files import file_key, load_file_key, rewrap_file_key, seal_folder
from postkit.core.sealed_files import rotate_file_key as _rotate_file_key

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher writes whole pages, and its page sizes are powers of two from 512 bytes.
SMALLEST_PAGE = 512
_SAMPLE_BYTES = 1024
MIN_PASSPHRASE_LENGTH = 8
# The SQLCipher major version whose settings (KDF, iterations, HMAC, page size) postkit writes
# and reads, pinned so that a later SQLCipher with other defaults still opens a post's file.
CIPHER_COMPATIBILITY = 4
# SQLCipher takes a key of this form as the raw key in hex, not as a passphrase.
_RAW_KEY = re.compile(r"[xX]'[0-9A-Fa-f]*'")
INSTALL_HINT = "pip install sqlcipher3"


class EncryptionUnavailableError(DatabaseError):
    """The SQLCipher binding is not installed, so a protected database cannot be used."""

    def __init__(self) -> None:
        super().__init__(
            "protected databases need the SQLCipher binding, which is not installed "
            f"({INSTALL_HINT})"
        )


class PassphraseError(DatabaseError):
    """A protected database was opened without its passphrase, or with a wrong one."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class PassphraseRequiredError(PassphraseError):
    def __init__(self, path: Path) -> None:
        super().__init__(path, "the database is protected with a passphrase; give the passphrase")


class WrongPassphraseError(PassphraseError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "the passphrase is wrong (or the file is not a postkit database); nothing was changed",
        )


def cipher_dbapi() -> ModuleType:
    """The SQLCipher DB-API module (sqlcipher3), or a clear error when it is missing."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise EncryptionUnavailableError() from exc
    return dbapi2


def is_protected(path: Path) -> bool:
    """Whether `path` is a database encrypted with a passphrase (never asks for one)."""
    try:
        size = path.stat().st_size
        if size == 0 or size % SMALLEST_PAGE:
            return False  # a new file, or a damaged one: not SQLCipher's whole pages
        with path.open("rb") as file:
            start = file.read(_SAMPLE_BYTES)
        return not start.startswith(SQLITE_HEADER) and _looks_random(start)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc}") from exc


def _looks_random(sample: bytes) -> bool:
    """Whether `sample` could be ciphertext: SQLCipher's first bytes (the salt, then the
    encrypted page) are uniformly random, so nearly every byte value turns up in them, while
    text, documents and other files that merely have whole pages use a few dozen values."""
    if len(sample) < SMALLEST_PAGE:
        return False
    expected = 256 * (1 - math.exp(-len(sample) / 256))  # distinct values of random bytes
    return len(set(sample)) >= 0.8 * expected


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short or with characters that cannot be typed again."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            "passphrase", f"the passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters"
        )
    if "\x00" in passphrase or passphrase != passphrase.strip():
        raise ValidationError(
            "passphrase", "the passphrase cannot start or end with a space or hold a NUL"
        )
    if _RAW_KEY.fullmatch(passphrase):
        raise ValidationError(
            "passphrase",
            "a passphrase of the form x'…' would be taken by SQLCipher as a raw key; "
            "choose another",
        )


def _normalized(passphrase: str) -> str:
    # A passphrase typed on a Mac (decomposed accents) must open the file on Windows too.
    return unicodedata.normalize("NFC", passphrase)


def _pragma_text(passphrase: str) -> str:
    return "'" + _normalized(passphrase).replace("'", "''") + "'"


def apply_key(dbapi_connection: Any, passphrase: str) -> None:
    """Key a fresh SQLCipher connection; must come before anything reads the file."""
    if "\x00" in passphrase:
        raise ValueError("a passphrase cannot hold a NUL character")
    cursor = dbapi_connection.cursor()
    try:
        # SQLCipher logs every failed page to stderr otherwise; a wrong key is reported here.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA key = {_pragma_text(passphrase)}")
        cursor.execute(f"PRAGMA cipher_compatibility = {CIPHER_COMPATIBILITY}")
    finally:
        cursor.close()


class DatabaseKey:
    """The passphrase of an open protected database, in memory only; keys each new connection.

    Mutable, so that after a change of passphrase the open engine's next connections use the
    new one.
    """

    __slots__ = ("_passphrase",)

    def __init__(self, passphrase: str) -> None:
        self._passphrase = passphrase

    @property
    def passphrase(self) -> str:
        return self._passphrase

    def replace(self, passphrase: str) -> None:
        self._passphrase = passphrase

    def apply(self, dbapi_connection: Any, _record: Any = None) -> None:
        apply_key(dbapi_connection, self._passphrase)

    def __repr__(self) -> str:
        return "DatabaseKey(…)"


def _connect(path: Path, passphrase: str | None, *, read_only: bool = False) -> Any:
    module = cipher_dbapi()
    try:
        if read_only:
            connection = module.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        else:
            connection = module.connect(str(path))
        if passphrase is not None:
            apply_key(connection, passphrase)
    except module.Error as exc:
        raise DatabaseError(f"cannot open {path}: {exc}") from exc
    return connection


@contextmanager
def _opened(path: Path, passphrase: str | None, *, read_only: bool = False) -> Iterator[Any]:
    connection = _connect(path, passphrase, read_only=read_only)
    try:
        yield connection
    finally:
        connection.close()


def verify_passphrase(path: Path, passphrase: str) -> None:
    """Raise WrongPassphraseError unless the passphrase opens `path`; writes nothing."""
    module = cipher_dbapi()
    if not passphrase or "\x00" in passphrase:
        raise WrongPassphraseError(path)
    with _opened(path, passphrase, read_only=True) as connection:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError as exc:
            raise WrongPassphraseError(path) from exc


def unlock(path: Path, passphrase: str | None) -> DatabaseKey | None:
    """The key to open the database file at `path` with, or None for a plain database.

    A protected file needs its passphrase (checked here, before anything else opens it), given
    here or to the run (`given_passphrase`). A new file given a passphrase is created
    protected; a plain one stays plain until `protect_database` encrypts it.
    """
    if passphrase is None:
        passphrase = _given.get()
    if is_protected(path):
        if passphrase is None:
            raise PassphraseRequiredError(path)
        verify_passphrase(path, passphrase)
        return DatabaseKey(passphrase)
    if passphrase is not None and not (path.is_file() and path.stat().st_size > 0):
        check_new_passphrase(passphrase)
        cipher_dbapi()
        return DatabaseKey(passphrase)
    return None


# The passphrase of the database `open_database` is opening on this thread, so that the
# backup taken before a schema upgrade is encrypted like the database it copies.
_opening: ContextVar[tuple[Path, DatabaseKey] | None] = ContextVar("_opening", default=None)
# The passphrase a headless run was given (`postkit --passphrase-file`), for every
# protected database it opens.
_given: ContextVar[str | None] = ContextVar("_given", default=None)


@contextmanager
def opening(path: Path, key: DatabaseKey) -> Iterator[None]:
    token = _opening.set((path.resolve(), key))
    try:
        yield
    finally:
        _opening.reset(token)


@contextmanager
def given_passphrase(passphrase: str | None) -> Iterator[None]:
    """Within this block, protected databases opened without a passphrase use this one."""
    token = _given.set(passphrase)
    try:
        yield
    finally:
        _given.reset(token)


def passphrase_in_use(path: Path | None = None) -> str | None:
    """The passphrase `path` is being opened with on this thread, or the one given to the run."""
    current = _opening.get()
    if current is not None and path is not None and current[0] == path.resolve():
        return current[1].passphrase
    return _given.get()


def copy_protected(source: Path, target: Path, passphrase: str) -> None:
    """A consistent copy of a protected database (the backup API), encrypted the same way."""
    module = cipher_dbapi()
    with _opened(source, passphrase, read_only=True) as src:
        try:
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError as exc:
            raise WrongPassphraseError(source) from exc
        with _opened(target, passphrase) as dst:
            try:
                src.backup(dst)
            except module.Error as exc:
                raise DatabaseError(f"cannot copy {source} to {target}: {exc}") from exc


def read_protected_revision(path: Path, passphrase: str) -> str | None:
    """Check a protected database's integrity; its schema revision (None without one)."""
    module = cipher_dbapi()
    with _opened(path, passphrase, read_only=True) as connection:
        try:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise DatabaseError(f"{path}: the database is damaged")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except module.DatabaseError as exc:
            if "no such table" in str(exc):
                return None
            raise WrongPassphraseError(path) from exc
    return None if row is None else str(row[0])


def _contents(connection: Any, schema: str) -> dict[str, int]:
    """Each schema object, with the row count of each table (what a copy must keep)."""
    objects = connection.execute(
        f"SELECT type, name, sql FROM {schema}.sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    contents = {}
    for kind, name, sql in objects:
        # Virtual (full-text) tables hold no rows of their own: their shadow tables do.
        if kind == "table" and not (sql or "").upper().startswith("CREATE VIRTUAL"):
            quoted = name.replace('"', '""')
            query = f'SELECT count(*) FROM {schema}."{quoted}"'
            contents[f"table {name}"] = connection.execute(query).fetchone()[0]
        else:
            contents[f"{kind} {name}"] = 0
    return contents


def _export_encrypted(source: Path, passphrase: str) -> None:
    """Replace the plain database `source` by an encrypted one, checked before the swap."""
    module = cipher_dbapi()
    partial = source.with_name(source.name + ".protecting")
    partial.unlink(missing_ok=True)
    try:
        with _opened(source, None) as plain:
            # Everything still in the WAL goes into the file, so nothing plain is left in it.
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            plain.execute(
                "ATTACH DATABASE ? AS encrypted KEY ?", (str(partial), _normalized(passphrase))
            )
            plain.execute(f"PRAGMA encrypted.cipher_compatibility = {CIPHER_COMPATIBILITY}")
            plain.execute("SELECT sqlcipher_export('encrypted')")
            expected = _contents(plain, "main")
            found = _contents(plain, "encrypted")
            plain.execute("DETACH DATABASE encrypted")
        if found != expected:
            raise DatabaseError(f"{source}: the encrypted copy does not hold every row")
        with _opened(partial, passphrase, read_only=True) as check:
            if check.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise DatabaseError(f"{source}: the encrypted copy did not check out")
            if _contents(check, "main") != expected:
                raise DatabaseError(f"{source}: the encrypted copy does not hold every row")
        os.replace(partial, source)
    except module.Error as exc:
        raise DatabaseError(f"cannot protect {source}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    # Left by the plain database; empty after the checkpoint, and never to be replayed.
    for leftover in (Path(f"{source}-wal"), Path(f"{source}-shm")):
        leftover.unlink(missing_ok=True)


def encrypt_in_place(path: Path, passphrase: str) -> None:
    """Replace the plain database at `path` by a copy encrypted with `passphrase`."""
    _export_encrypted(path, passphrase)


def protect_database(database_file: Path, passphrase: str) -> list[Path]:
    """Encrypt a plain database in place, and its backups; returns the backups encrypted.

    The database must not be open elsewhere while this runs.
    """
    database_file = Path(database_file)
    check_new_passphrase(passphrase)
    if not database_file.is_file():
        raise PostkitError(f"{database_file}: no database to protect")
    files_dir = files_dir_for(database_file)
    if is_protected(database_file):
        # A protect cut short (a kill, a pulled plug) left the database encrypted but backups
        # or attached files plain: given the same passphrase, it is finished now.
        if not protect_unfinished(database_file):
            raise DatabaseError(f"{database_file}: the database is protected already")
        verify_passphrase(database_file, passphrase)
        load_file_key(files_dir, passphrase)  # a key made under another passphrase: stop here
    else:
        _export_encrypted(database_file, passphrase)
    seal_folder(files_dir, file_key(files_dir, passphrase))  # seals the attached files
    encrypted = []
    for backup in list_backups(database_file):
        if not is_protected(backup):
            _export_encrypted(backup, passphrase)
            encrypted.append(backup)
    return encrypted


def protect_unfinished(database_file: Path) -> bool:
    """Whether an encrypted database still has plain backups (a protect that was cut short)."""
    database_file = Path(database_file)
    return is_protected(database_file) and any(
        not is_protected(backup) for backup in list_backups(database_file)
    )


def _rekey(path: Path, old: str, new: str) -> None:
    module = cipher_dbapi()
    with _opened(path, old) as connection:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError as exc:
            raise WrongPassphraseError(path) from exc
        try:
            connection.execute(f"PRAGMA rekey = {_pragma_text(new)}")
        except module.Error as exc:
            raise DatabaseError(f"cannot change the passphrase of {path}: {exc}") from exc
    verify_passphrase(path, new)


def change_passphrase(
    database_file: Path, old: str, new: str, *, rotate_file_key: bool = False
) -> list[Path]:
    """Re-key a protected database and its backups (PRAGMA rekey); returns the backups re-keyed.

    Backups that the old passphrase does not open (made under an even older one) are left as
    they are. The file key is re-wrapped under the new passphrase, or with `rotate_file_key`
    replaced (every attached file sealed again, see `rotate_attached_files`). The database
    must not be open elsewhere while this runs.
    """
    database_file = Path(database_file)
    check_new_passphrase(new)
    if not is_protected(database_file):
        raise DatabaseError(f"{database_file}: the database is not protected with a passphrase")
    verify_passphrase(database_file, old)
    files_dir = files_dir_for(database_file)
    load_file_key(files_dir, old)  # a damaged file key stops this before anything changes
    _rekey(database_file, old, new)
    rewrap_file_key(files_dir, old, new)
    rekeyed = []
    for backup in list_backups(database_file):
        if not is_protected(backup):
            _export_encrypted(backup, new)
            rekeyed.append(backup)
            continue
        try:
            verify_passphrase(backup, old)
        except WrongPassphraseError:
            continue
        _rekey(backup, old, new)
        rekeyed.append(backup)
    if rotate_file_key:
        rotate_attached_files(database_file, new)
    return rekeyed


# The tables whose rows name an attached file (stored name and SHA-256).
_FILE_TABLES = ("activity_attachments", "practice_attachments", "evidence_files")


def _stored_files(path: Path, passphrase: str) -> set[tuple[str, str]]:
    module = cipher_dbapi()
    found: set[tuple[str, str]] = set()
    with _opened(path, passphrase, read_only=True) as connection:
        for table in _FILE_TABLES:
            try:
                rows = connection.execute(f"SELECT stored_name, sha256 FROM {table}").fetchall()
            except module.DatabaseError as exc:
                if "no such table" in str(exc):
                    continue  # a backup from before that table
                raise WrongPassphraseError(path) from exc
            found.update((str(name), str(digest)) for name, digest in rows)
    return found


def rotate_attached_files(database_file: Path, passphrase: str) -> tuple[int, int]:
    """Replace the file key: seal every file the database or a backup refers to again under a
    new one; returns (files sealed again, sealed files nothing refers to, left as they were)."""
    database_file = Path(database_file)
    stored = _stored_files(database_file, passphrase)
    for backup in list_backups(database_file):
        if is_protected(backup):
            try:
                stored |= _stored_files(backup, passphrase)
            except WrongPassphraseError:
                continue  # made under an older passphrase: its files cannot be named
    return _rotate_file_key(files_dir_for(database_file), passphrase, stored)
