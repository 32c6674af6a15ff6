from __future__ import annotations

import io
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from postkit.cli import main
from postkit.core.activities.listing import count_activities
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database, open_database
from postkit.core.db.backup import automatic_backup, backup_database, check_backup, restore_database
from postkit.core.db.backup_files import list_backups
from postkit.core.db.database import connect
from postkit.core.db.encryption import (
    SQLITE_HEADER,
    EncryptionUnavailableError,
    PassphraseRequiredError,
    WrongPassphraseError,
    change_passphrase,
    cipher_dbapi,
    is_protected,
    protect_database,
)
from postkit.core.db.migrate import current_revision, upgrade
from postkit.core.errors import DatabaseError, ValidationError
from postkit.core.profile import load_profile
from tests.conftest import TEST_PROFILE

PASSPHRASE = "kilimanjaro at dawn"
NEW_PASSPHRASE = "tsavo-east-2026"
SECRET_TITLE = "Workshop on cobalt due diligence in Lubumbashi"


def _activity(title: str = SECRET_TITLE) -> ActivityInput:
    return ActivityInput(
        core_task=1, title=title, start_date=date(2025, 3, 4), activity_type="meeting"
    )


def _file(database: Database) -> Path:
    return Path(str(database.engine.url.database))


def _count(path: Path, passphrase: str | None = None) -> int:
    database = open_database(path, passphrase)
    try:
        with database.session() as session:
            return count_activities(session)
    finally:
        database.dispose()


def _protected(database: Database) -> Path:
    """The fixture's database with one activity, then protected with PASSPHRASE."""
    with database.session() as session:
        create_activity(session, _activity(), "Tess")
    database.dispose()
    path = _file(database)
    protect_database(path, PASSPHRASE)
    return path


def _folder_state(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_protected_file_holds_no_plain_text_of_an_activity_title(database: Database) -> None:
    path = _file(database)
    with database.session() as session:
        create_activity(session, _activity(), "Tess")
    database.dispose()
    assert SECRET_TITLE.encode() in path.read_bytes()  # the grep below finds plain text

    protect_database(path, PASSPHRASE)
    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert is_protected(path)
    protected = open_database(path, PASSPHRASE)
    with protected.session() as session:
        create_activity(session, _activity("Second " + SECRET_TITLE), "Tess")
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0  # the new activity sits in the WAL file, encrypted too
    for file in (path, wal):
        assert b"cobalt" not in file.read_bytes()
    with protected.engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(FULL)"))
    for file in (path, wal):
        assert b"cobalt" not in file.read_bytes()
    protected.dispose()
    assert b"cobalt" not in path.read_bytes()
    assert _count(path, PASSPHRASE) == 2


def test_protecting_keeps_every_record_and_the_schema(database: Database) -> None:
    path = _protected(database)
    reopened = open_database(path, PASSPHRASE)
    assert reopened.is_protected
    assert current_revision(reopened.engine) is not None
    with reopened.session() as session:
        assert load_profile(session) == TEST_PROFILE
        assert count_activities(session) == 1
    with reopened.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    reopened.dispose()


def test_protecting_leaves_no_plain_copy_behind(database: Database) -> None:
    path = _protected(database)
    for file in path.parent.rglob("*"):
        if file.is_file():
            assert not file.read_bytes().startswith(SQLITE_HEADER), file


def test_a_protected_database_cannot_be_opened_without_its_passphrase(
    database: Database,
) -> None:
    path = _protected(database)
    with pytest.raises(PassphraseRequiredError, match="protected with a passphrase"):
        open_database(path)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM activities").fetchone()


def test_a_wrong_passphrase_is_refused_and_touches_nothing(database: Database) -> None:
    path = _protected(database)
    before = _folder_state(path.parent)
    mtime = path.stat().st_mtime_ns
    for wrong in ("kilimanjaro at dusk", "", "it's a 'quote'", "nul\x00inside"):
        with pytest.raises(WrongPassphraseError, match="passphrase is wrong"):
            open_database(path, wrong)
    assert _folder_state(path.parent) == before
    assert path.stat().st_mtime_ns == mtime


def test_an_unprotected_database_opens_as_before(database: Database) -> None:
    path = _file(database)
    database.dispose()
    assert not is_protected(path)
    plain = open_database(path)
    assert not plain.is_protected and plain.passphrase is None
    assert plain.engine.dialect.dbapi is sqlite3.dbapi2
    plain.dispose()
    assert path.read_bytes().startswith(SQLITE_HEADER)


def test_a_new_database_given_a_passphrase_is_created_protected(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    created = open_database(path, PASSPHRASE)
    with created.session() as session:
        create_activity(session, _activity(), "Tess")
    created.dispose()
    assert is_protected(path)
    assert _count(path, PASSPHRASE) == 1


def test_a_damaged_file_is_not_taken_for_a_protected_one(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    assert not is_protected(broken)
    assert not is_protected(tmp_path / "missing.sqlite3")


def test_backups_of_a_protected_database_stay_encrypted(database: Database) -> None:
    path = _protected(database)
    backup = backup_database(path, passphrase=PASSPHRASE)
    assert not backup.read_bytes().startswith(SQLITE_HEADER)
    assert b"cobalt" not in backup.read_bytes()
    assert check_backup(backup, PASSPHRASE) == current_revision(connect(path, PASSPHRASE).engine)
    with pytest.raises(WrongPassphraseError):
        check_backup(backup, "not the passphrase")
    with pytest.raises(PassphraseRequiredError):
        check_backup(backup)
    with pytest.raises(PassphraseRequiredError):
        backup_database(path)
    assert _count(backup, PASSPHRASE) == 1


def test_an_automatic_backup_of_a_protected_database_is_encrypted(database: Database) -> None:
    path = _protected(database)
    backup = automatic_backup(path, passphrase=PASSPHRASE)
    assert backup is not None and is_protected(backup)


def test_protecting_encrypts_the_plain_backups_made_before(database: Database) -> None:
    path = _file(database)
    with database.session() as session:
        create_activity(session, _activity(), "Tess")
    old_backup = backup_database(path)
    database.dispose()
    assert SECRET_TITLE.encode() in old_backup.read_bytes()
    assert protect_database(path, PASSPHRASE) == [old_backup]
    assert is_protected(old_backup)
    assert b"cobalt" not in old_backup.read_bytes()
    assert _count(old_backup, PASSPHRASE) == 1


def test_restoring_a_protected_backup(database: Database) -> None:
    path = _protected(database)
    backup = backup_database(path, passphrase=PASSPHRASE)
    live = open_database(path, PASSPHRASE)
    with live.session() as session:
        create_activity(session, _activity("Later"), "Tess")
    live.dispose()
    with pytest.raises(WrongPassphraseError):
        restore_database(path, backup, "a wrong passphrase")
    assert _count(path, PASSPHRASE) == 2
    safety = restore_database(path, backup, PASSPHRASE)
    assert is_protected(path) and safety is not None and is_protected(safety)
    assert _count(path, PASSPHRASE) == 1
    assert _count(safety, PASSPHRASE) == 2


def test_a_plain_backup_restored_into_a_protected_database_is_encrypted(
    database: Database, tmp_path: Path
) -> None:
    path = _file(database)
    outside = tmp_path / "from-a-usb-stick.sqlite3"
    sqlite3.connect(path).backup(plain := sqlite3.connect(outside))
    plain.close()
    path = _protected(database)
    restore_database(path, outside, PASSPHRASE)
    assert is_protected(path)
    assert _count(path, PASSPHRASE) == 0


def test_changing_the_passphrase_rekeys_the_database_and_its_backups(
    database: Database,
) -> None:
    path = _protected(database)
    backup = backup_database(path, passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        change_passphrase(path, "not the passphrase", NEW_PASSPHRASE)
    assert change_passphrase(path, PASSPHRASE, NEW_PASSPHRASE) == [backup]
    with pytest.raises(WrongPassphraseError):
        open_database(path, PASSPHRASE)
    assert _count(path, NEW_PASSPHRASE) == 1
    with pytest.raises(WrongPassphraseError):
        check_backup(backup, PASSPHRASE)
    check_backup(backup, NEW_PASSPHRASE)


def test_an_open_database_follows_a_change_of_passphrase(database: Database) -> None:
    path = _protected(database)
    live = open_database(path, PASSPHRASE)
    live.dispose()
    change_passphrase(path, PASSPHRASE, NEW_PASSPHRASE)
    assert live.key is not None
    live.key.replace(NEW_PASSPHRASE)
    with live.session() as session:
        assert count_activities(session) == 1
    live.dispose()


def test_a_new_passphrase_must_be_long_enough(database: Database) -> None:
    path = _file(database)
    database.dispose()
    with pytest.raises(ValidationError, match="at least 8"):
        protect_database(path, "short")
    with pytest.raises(ValidationError, match="space"):
        protect_database(path, " padded passphrase ")
    assert not is_protected(path)


def test_protecting_twice_is_refused(database: Database) -> None:
    path = _protected(database)
    with pytest.raises(DatabaseError, match="protected already"):
        protect_database(path, PASSPHRASE)


def test_an_older_protected_database_is_backed_up_encrypted_before_its_upgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    old = connect(path, PASSPHRASE)
    upgrade(old.engine, "0001")
    old.dispose()
    open_database(path, PASSPHRASE).dispose()
    [backup] = list_backups(path)
    assert "before-upgrade-0001" in backup.name
    assert is_protected(backup)
    assert check_backup(backup, PASSPHRASE) == "0001"


def test_a_missing_binding_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    with pytest.raises(EncryptionUnavailableError, match="pip install sqlcipher3"):
        cipher_dbapi()


def test_the_binding_is_sqlcipher_4() -> None:
    connection = cipher_dbapi().connect(":memory:")
    version = connection.execute("PRAGMA cipher_version").fetchone()[0]
    connection.close()
    assert version.startswith("4.")


def test_the_protect_and_change_passphrase_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "post.sqlite3"
    secret, new_secret = tmp_path / "passphrase.txt", tmp_path / "new-passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    new_secret.write_text(NEW_PASSPHRASE, encoding="utf-8")
    secret.chmod(0o600)
    new_secret.chmod(0o600)
    assert main(["--db", str(db), "demo", "seed", "--activities", "3"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    assert main(["--db", str(db), "--passphrase-file", str(secret), "db", "protect"]) == 0
    assert "protected with the passphrase (1 backups encrypted)" in capsys.readouterr().out
    assert is_protected(db)

    assert main(["--db", str(db), "practices", "list"]) == 1
    err = capsys.readouterr().err
    assert "protected with a passphrase" in err and len(err.splitlines()) == 1
    assert main(["--db", str(db), "--passphrase-file", str(secret), "backup"]) == 0
    assert is_protected(Path(capsys.readouterr().out.strip()))

    command = ["--db", str(db), "--passphrase-file", str(secret), "db", "change-passphrase"]
    assert main([*command, "--new-passphrase-file", str(new_secret)]) == 0
    assert "2 backups re-keyed" in capsys.readouterr().out
    assert main(["--db", str(db), "--passphrase-file", str(secret), "practices", "list"]) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    monkeypatch.setenv("POSTKIT_PASSPHRASE", NEW_PASSPHRASE)
    assert main(["--db", str(db), "practices", "list"]) == 0
    assert _count(db, NEW_PASSPHRASE) == 3


def test_protect_command_without_a_passphrase_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POSTKIT_PASSPHRASE", raising=False)
    db = tmp_path / "post.sqlite3"
    open_database(db).dispose()
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    assert main(["--db", str(db), "db", "protect"]) == 1
    err = capsys.readouterr().err
    assert "--passphrase-file" in err and len(err.splitlines()) == 1
    assert not is_protected(db)
