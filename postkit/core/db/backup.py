"""Consistent copies of a SQLite database (the SQLite backup API, never a file copy).

The backups of a protected database are encrypted with the same passphrase.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from postkit.core.db.encryption import (
    PassphraseRequiredError,
    copy_protected,
    is_protected,
    passphrase_in_use,
    protect_database,
    read_protected_revision,
)
from postkit.core.errors import DatabaseError, PostkitError

KEEP_BACKUPS = 10
AUTOMATIC_INTERVAL = timedelta(days=1)
_NAME = re.compile(r"^postkit-(\d{8}-\d{6}-\d{6})(-[a-z0-9-]+)?\.sqlite3$")


def backups_dir(database_file: Path) -> Path:
    return database_file.parent / "backups"


def list_backups(database_file: Path) -> list[Path]:
    """The backups of a database, newest first."""
    folder = backups_dir(database_file)
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if _NAME.match(path.name)]
    return sorted(found, key=lambda path: path.name, reverse=True)


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
    folder = backups_dir(database_file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    target = folder / f"postkit-{stamp}{suffix}.sqlite3"
    _copy(database_file, target, passphrase)
    for old in list_backups(database_file)[KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)
    return target


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


def check_backup(backup_file: Path, passphrase: str | None = None) -> str:
    """Refuse a file that is not a sound postkit database; returns its schema revision."""
    if is_protected(backup_file):
        if passphrase is None:
            raise PassphraseRequiredError(backup_file)
        protected_revision = read_protected_revision(backup_file, passphrase)
        if protected_revision is None:
            raise DatabaseError(f"{backup_file}: not a postkit database (no schema version)")
        return protected_revision
    try:
        with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as connection:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise DatabaseError(f"{backup_file}: the database is damaged")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{backup_file}: not a postkit database ({exc})") from exc
    if revision is None:
        raise DatabaseError(f"{backup_file}: not a postkit database (no schema version)")
    return str(revision[0])


def restore_database(
    database_file: Path, backup_file: Path, passphrase: str | None = None
) -> Path | None:
    """Replace the database by a backup, after backing up the current one.

    Returns the safety copy of the database as it was (None when there was none). The
    database must not be open elsewhere while this runs. With a protected database (or
    backup) the passphrase opens both, and a plain backup is restored encrypted.
    """
    database_file, backup_file = Path(database_file), Path(backup_file)
    if not backup_file.is_file():
        raise PostkitError(f"{backup_file}: no such file")
    check_backup(backup_file, passphrase)
    was_protected = is_protected(database_file)
    safety = (
        backup_database(database_file, "before-restore", passphrase=passphrase)
        if database_file.is_file()
        else None
    )
    database_file.parent.mkdir(parents=True, exist_ok=True)
    # Leftover WAL files belong to the old database and must not be replayed into the new one.
    for leftover in (Path(f"{database_file}-wal"), Path(f"{database_file}-shm")):
        leftover.unlink(missing_ok=True)
    _copy(backup_file, database_file, passphrase)
    if was_protected and passphrase is not None and not is_protected(database_file):
        protect_database(database_file, passphrase)
    return safety
