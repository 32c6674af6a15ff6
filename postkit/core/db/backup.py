"""Consistent copies of a SQLite database (the SQLite backup API, never a file copy).

The backups of a protected database are encrypted with the same passphrase.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from postkit.core.db.backup_files import backups_dir, list_backups
from postkit.core.db.encryption import (
    PassphraseRequiredError,
    WrongPassphraseError,
    apply_key,
    cipher_dbapi,
    copy_protected,
    encrypt_in_place,
    is_protected,
    passphrase_in_use,
    read_protected_revision,
    verify_passphrase,
)
from postkit.core.db.locking import LockWait, acquire, job_lock
from postkit.core.db.migrate import is_known_revision, newer_schema_message
from postkit.core.errors import DatabaseError, PostkitError

KEEP_BACKUPS = 10
AUTOMATIC_INTERVAL = timedelta(days=1)


def _passphrase_for(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to copy `path` with: None for a plain file, else the one given."""
    if not is_protected(path):
        return None
    passphrase = passphrase if passphrase is not None else passphrase_in_use(path)
    if passphrase is None:
        raise PassphraseRequiredError(path)
    return passphrase


def _copy(source: Path, target: Path, passphrase: str | None = None) -> None:
    """Copy with the backup API into a temporary file, then move it into place."""
    partial = target.with_name(target.name + ".part")
    passphrase = _passphrase_for(source, passphrase)
    if passphrase is not None:
        partial.unlink(missing_ok=True)
        try:
            copy_protected(source, partial, passphrase)
            os.replace(partial, target)
        except (PostkitError, OSError) as exc:
            partial.unlink(missing_ok=True)
            if isinstance(exc, PostkitError):
                raise
            raise DatabaseError(f"cannot copy {source} to {target}: {exc}") from exc
        return
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
            with sqlite3.connect(partial) as dst:
                src.backup(dst)
            dst.close()
        src.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"cannot copy {source} to {target}: {exc}") from exc


def backup_database(
    database_file: Path,
    label: str = "",
    now: datetime | None = None,
    passphrase: str | None = None,
) -> Path:
    """Write a consistent copy into the backups folder and keep the newest ten.

    A protected database needs its passphrase; its backup is encrypted with it.
    """
    database_file = Path(database_file)
    if not database_file.is_file():
        raise PostkitError(f"{database_file}: no database to back up")
    target = _new_backup_path(database_file, label, now)
    _copy(database_file, target, passphrase)
    _prune(database_file)
    return target


def _new_backup_path(database_file: Path, label: str = "", now: datetime | None = None) -> Path:
    folder = backups_dir(database_file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    return folder / f"postkit-{stamp}{suffix}.sqlite3"


def _prune(database_file: Path) -> None:
    for old in list_backups(database_file)[KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)


def automatic_backup(
    database_file: Path, now: datetime | None = None, passphrase: str | None = None
) -> Path | None:
    """Back up at start, at most once a day; returns the new backup or None when not due."""
    database_file = Path(database_file)
    if not database_file.is_file():
        return None
    now = now or datetime.now(UTC)
    newest = list_backups(database_file)
    if newest:
        taken = datetime.fromtimestamp(newest[0].stat().st_mtime, UTC)
        if now - taken < AUTOMATIC_INTERVAL:
            return None
    return backup_database(database_file, "auto", now, passphrase)


def check_backup(
    backup_file: Path, passphrase: str | None = None, *, name: Path | None = None
) -> str:
    """Refuse a file that is not a sound postkit database; returns its schema revision.

    `name` is the file to name in a refusal when `backup_file` is a private copy of it.
    """
    shown = name or backup_file
    if is_protected(backup_file):
        if passphrase is None:
            raise PassphraseRequiredError(shown)
        try:
            protected_revision = read_protected_revision(backup_file, passphrase)
        except WrongPassphraseError as exc:
            raise WrongPassphraseError(shown) from exc
        except DatabaseError as exc:
            raise DatabaseError(str(exc).replace(str(backup_file), str(shown))) from exc
        if protected_revision is None:
            raise DatabaseError(f"{shown}: not a postkit database (no schema version)")
        return protected_revision
    try:
        # immutable: nothing is written beside the file (no -wal or -shm) while it is checked
        with sqlite3.connect(
            f"{backup_file.resolve().as_uri()}?mode=ro&immutable=1", uri=True
        ) as connection:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise DatabaseError(f"{shown}: the database is damaged")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{shown}: not a postkit database ({exc})") from exc
    if revision is None:
        raise DatabaseError(f"{shown}: not a postkit database (no schema version)")
    return str(revision[0])


def restore_database(
    database_file: Path,
    backup_file: Path,
    passphrase: str | None = None,
    wait: LockWait | None = None,
    check: Callable[[Path, str | None], None] | None = None,
) -> Path | None:
    """Replace the database by a backup, after backing up the current one.

    Returns the safety copy of the database as it was (None when there was none).

    Refused before anything changes: a damaged or foreign file, a backup of a newer postkit,
    a protected database without its passphrase, a backup `check` refuses (given the private
    copy and its passphrase, it raises DatabaseError saying why, in words naming no file).
    The backup given is only read, from a private copy. A protected database stays protected:
    a plain backup is encrypted with its passphrase.

    The restore holds the database exclusively from the safety copy to the end, waiting (up to
    `wait.seconds`) while another process has it open: so every write committed before is in
    the safety copy, and none can land in between.
    """
    database_file, backup_file = Path(database_file), Path(backup_file)
    wait = wait or LockWait()
    if not backup_file.is_file():
        raise PostkitError(f"{backup_file}: no such file")
    if passphrase is None:
        passphrase = passphrase_in_use(database_file)
    was_protected = is_protected(database_file)
    if was_protected:
        if passphrase is None:
            raise PassphraseRequiredError(database_file)
        verify_passphrase(database_file, passphrase)
    database_file.parent.mkdir(parents=True, exist_ok=True)
    work = database_file.with_name(database_file.name + ".restoring")
    _remove_with_sidecars(work)
    try:
        try:
            shutil.copyfile(backup_file, work)
        except OSError as exc:
            raise DatabaseError(f"cannot read {backup_file}: {exc}") from exc
        revision = check_backup(work, passphrase, name=backup_file)
        if not is_known_revision(revision):
            raise DatabaseError(
                f"{backup_file}: {newer_schema_message(revision)}; nothing was restored"
            )
        if check is not None:
            try:
                check(work, passphrase if is_protected(work) else None)
            except DatabaseError as exc:
                raise DatabaseError(f"{backup_file}: {exc}; nothing was restored") from exc
        if was_protected and not is_protected(work):
            assert passphrase is not None
            encrypt_in_place(work, passphrase)
        if not database_file.is_file():
            os.replace(work, database_file)
            return None
        # A demo seed is several transactions: the restore waits for the whole of it, not
        # only for the one being written, or the seed's next part finds its rows gone.
        with job_lock(database_file, "demo-seed", wait):
            return _restore_over(
                database_file, work, passphrase if is_protected(work) else None, wait
            )
    finally:
        _remove_with_sidecars(work)


def _restore_over(database_file: Path, work: Path, passphrase: str | None, wait: LockWait) -> Path:
    """Copy `work` over the database while holding it exclusively; returns the safety copy."""
    live_protected = is_protected(database_file)
    with _exclusively(database_file, passphrase if live_protected else None, wait) as live:
        safety = _new_backup_path(database_file, "before-restore")
        partial = safety.with_name(safety.name + ".part")
        try:
            _backup_api(live, partial, passphrase if live_protected else None)
            os.replace(partial, safety)
        except (PostkitError, OSError) as exc:
            partial.unlink(missing_ok=True)
            if isinstance(exc, PostkitError):
                raise
            raise DatabaseError(f"cannot copy {database_file} to {safety}: {exc}") from exc
        if live_protected == (passphrase is not None):
            # In place, through SQLite: a process that opens the database next reads the
            # restored one (a file moved over it could leave them writing to the old one).
            source = _connect_file(work, passphrase)
            try:
                source.backup(live)
            finally:
                source.close()
        else:
            # A plain database given an encrypted backup becomes protected: a different file.
            for leftover in (Path(f"{database_file}-wal"), Path(f"{database_file}-shm")):
                leftover.unlink(missing_ok=True)
            os.replace(work, database_file)
    _prune(database_file)
    return safety


def _connect_file(path: Path, passphrase: str | None) -> Any:
    if passphrase is None:
        return sqlite3.connect(str(path), isolation_level=None)
    connection = cipher_dbapi().connect(str(path), isolation_level=None)
    apply_key(connection, passphrase)
    return connection


@contextmanager
def _exclusively(database_file: Path, passphrase: str | None, wait: LockWait) -> Iterator[Any]:
    """A connection that alone has the database open: others wait, or it waits for them."""
    module: Any = sqlite3 if passphrase is None else cipher_dbapi()
    connection = _connect_file(database_file, passphrase)
    try:
        try:
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            acquire(connection, "BEGIN EXCLUSIVE", database_file, wait)
            connection.execute("COMMIT")  # the exclusive lock stays until the connection closes
        except module.Error as exc:
            raise DatabaseError(f"cannot open {database_file}: {exc}") from exc
        yield connection
    finally:
        connection.close()


def _backup_api(source: Any, target: Path, passphrase: str | None) -> None:
    target.unlink(missing_ok=True)
    destination = _connect_file(target, passphrase)
    try:
        source.backup(destination)
    finally:
        destination.close()


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)
