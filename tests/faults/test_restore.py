"""Restoring a backup never leaves a post worse off: refused before anything changes, a
protected post stays protected, and the backup given is not touched."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import open_database
from postkit.core.db.backup import backup_database, restore_database
from postkit.core.db.encryption import SQLITE_HEADER, is_protected, protect_database
from postkit.core.errors import DatabaseError

PASSPHRASE = "kilimanjaro at dawn"
TITLE = "Workshop on cobalt due diligence in Lubumbashi"


def _post(path: Path, titles: tuple[str, ...] = (TITLE,), passphrase: str | None = None) -> Path:
    database = open_database(path, passphrase)
    with database.session() as session:
        for title in titles:
            create_activity(
                session,
                ActivityInput(
                    core_task=1, title=title, start_date=date(2025, 3, 4), activity_type="meeting"
                ),
                "Tess",
            )
    database.dispose()
    return path


def _titles(path: Path, passphrase: str | None = None) -> list[str]:
    from sqlalchemy import text

    database = open_database(path, passphrase)
    with database.session() as session:
        titles = list(session.scalars(text("SELECT title FROM activities ORDER BY id")))
    database.dispose()
    return titles


def _newer_backup(tmp_path: Path) -> Path:
    newer = _post(tmp_path / "elsewhere" / "newer.sqlite3")
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    return newer


def test_a_backup_of_a_newer_postkit_is_refused_and_the_database_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = _post(tmp_path / "post" / "postkit.sqlite3")
    before = database.read_bytes()
    newer = _newer_backup(tmp_path)

    assert main(["--db", str(database), "restore", str(newer)]) == 1

    err = capsys.readouterr().err
    assert "newer version of postkit" in err and "9999" in err
    assert err.count("\n") == 1
    assert database.read_bytes() == before
    assert _titles(database) == [TITLE]  # every command still works


def test_restoring_an_encrypted_backup_of_a_protected_post_takes_the_given_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = _post(tmp_path / "post" / "postkit.sqlite3")
    protect_database(database, PASSPHRASE)
    backup = backup_database(database, passphrase=PASSPHRASE)
    assert is_protected(backup)
    _post(database, ("Written after the backup",), PASSPHRASE)
    monkeypatch.setenv("POSTKIT_PASSPHRASE", PASSPHRASE)

    assert main(["--db", str(database), "restore", str(backup)]) == 0, capsys.readouterr().err

    assert is_protected(database)
    assert _titles(database, PASSPHRASE) == [TITLE]


def test_a_plain_backup_restored_into_a_protected_post_is_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain_backup = _post(tmp_path / "old" / "plain.sqlite3", ("From the plain backup",))
    database = _post(tmp_path / "post" / "postkit.sqlite3")
    protect_database(database, PASSPHRASE)
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    passphrase_file.chmod(0o600)  # a passphrase file others can read is refused

    code = main(
        [
            "--db",
            str(database),
            "--passphrase-file",
            str(passphrase_file),
            "restore",
            str(plain_backup),
        ]
    )

    assert code == 0, capsys.readouterr().err
    assert not database.read_bytes().startswith(SQLITE_HEADER)
    assert b"From the plain backup" not in database.read_bytes()
    assert _titles(database, PASSPHRASE) == ["From the plain backup"]


def test_a_protected_post_is_not_restored_without_its_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain_backup = _post(tmp_path / "old" / "plain.sqlite3", ("From the plain backup",))
    database = _post(tmp_path / "post" / "postkit.sqlite3")
    protect_database(database, PASSPHRASE)
    before = database.read_bytes()

    assert main(["--db", str(database), "restore", str(plain_backup)]) == 1

    assert "give the passphrase" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_restore_leaves_nothing_beside_the_backup_it_reads(tmp_path: Path) -> None:
    database = _post(tmp_path / "post" / "postkit.sqlite3")
    backup = backup_database(database)
    shutil.copy(backup, tmp_path / "given.sqlite3")
    given = tmp_path / "given.sqlite3"
    before = sorted(path.name for path in tmp_path.iterdir())

    restore_database(database, given)

    assert sorted(path.name for path in tmp_path.iterdir()) == before
    assert given.read_bytes() == backup.read_bytes()


def test_restore_keeps_what_the_last_killed_process_committed_to_the_wal(tmp_path: Path) -> None:
    """A -wal left by a killed postkit holds committed writes: the safety copy keeps them."""
    database = _post(tmp_path / "post" / "postkit.sqlite3")
    backup = backup_database(database)
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE activities SET title = 'Committed just before the plug was pulled'")
    writer.commit()
    # As a SIGKILL leaves it: the WAL holds the commit, nobody checkpointed it.
    copy = tmp_path / "as-left"
    copy.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{database}{suffix}", copy / f"postkit.sqlite3{suffix}")
    writer.close()
    left = copy / "postkit.sqlite3"

    safety = restore_database(left, backup)

    assert safety is not None
    assert _titles(safety) == ["Committed just before the plug was pulled"]
    assert _titles(left) == [TITLE]


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "address-book.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
        connection.execute("INSERT INTO people VALUES ('Wanjiru')")
    connection.close()
    before = foreign.read_bytes()

    with pytest.raises(DatabaseError, match="not postkit's"):
        open_database(foreign)

    assert foreign.read_bytes() == before  # not switched to WAL mode
    assert sorted(path.name for path in tmp_path.iterdir()) == ["address-book.sqlite"]


def test_a_text_file_of_whole_pages_is_not_called_protected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes((b"Meeting notes, Nairobi, 4 March.\n" * 200)[:4096])

    assert main(["--db", str(notes), "activities", "export", str(tmp_path / "out.xlsx")]) == 1

    err = capsys.readouterr().err
    assert "passphrase" not in err
    assert "not a postkit database" in err or "not a database" in err
    assert err.count("\n") == 1


def test_protected_database_is_still_told_apart_from_a_plain_one(tmp_path: Path) -> None:
    database = _post(tmp_path / "post" / "postkit.sqlite3")
    protect_database(database, PASSPHRASE)
    assert is_protected(database)
    assert not is_protected(_post(tmp_path / "plain" / "postkit.sqlite3"))
