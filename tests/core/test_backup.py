from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from postkit.cli import main
from postkit.core.activities.listing import count_activities
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database, open_database
from postkit.core.db.backup import KEEP_BACKUPS, automatic_backup, backup_database, restore_database
from postkit.core.db.backup_files import list_backups
from postkit.core.db.database import connect
from postkit.core.db.migrate import current_revision, upgrade
from postkit.core.errors import DatabaseError

MEETING = ActivityInput(
    core_task=1, title="Meeting", start_date=date(2025, 1, 5), activity_type="meeting"
)


def _file(database: Database) -> Path:
    return Path(str(database.engine.url.database))


def _count(path: Path) -> int:
    database = open_database(path)
    with database.session() as session:
        count = count_activities(session)
    database.dispose()
    return count


def test_backup_is_a_consistent_copy_including_uncheckpointed_writes(database: Database) -> None:
    with database.session() as session:
        create_activity(session, MEETING, "Tess")
    # The write still sits in the WAL file while the engine holds the database open.
    backup = backup_database(_file(database))
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT title FROM activities").fetchall() == [("Meeting",)]
    assert list_backups(_file(database)) == [backup]


def test_only_the_newest_ten_backups_are_kept(database: Database) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [backup_database(_file(database), now=start + timedelta(hours=i)) for i in range(13)]
    kept = list_backups(_file(database))
    assert len(kept) == KEEP_BACKUPS
    assert kept == list(reversed(made[-KEEP_BACKUPS:]))


def test_automatic_backup_runs_at_most_daily(database: Database) -> None:
    first = automatic_backup(_file(database))
    assert first is not None
    assert automatic_backup(_file(database)) is None
    tomorrow = datetime.now(UTC) + timedelta(days=1, minutes=1)
    assert automatic_backup(_file(database), now=tomorrow) is not None


def test_restore_keeps_a_copy_of_the_current_database_first(database: Database) -> None:
    path = _file(database)
    backup = backup_database(path)
    with database.session() as session:
        create_activity(session, MEETING, "Tess")
    database.dispose()
    safety = restore_database(path, backup)
    assert _count(path) == 0
    assert safety is not None and _count(safety) == 1


def test_restore_refuses_a_file_that_is_not_a_postkit_database(
    database: Database, tmp_path: Path
) -> None:
    path = _file(database)
    with database.session() as session:
        create_activity(session, MEETING, "Tess")
    database.dispose()
    other = tmp_path / "notes.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00not sqlite" * 50)
    for bad in (other, garbage):
        with pytest.raises(DatabaseError, match="not a postkit database"):
            restore_database(path, bad)
    assert _count(path) == 1
    assert list_backups(path) == []


def test_an_older_database_is_backed_up_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = connect(path)
    upgrade(old.engine, "0001")
    old.dispose()
    open_database(path).dispose()
    [backup] = list_backups(path)
    assert "before-upgrade-0001" in backup.name
    assert current_revision(connect(backup).engine) == "0001"


def test_backup_and_restore_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "post.sqlite3"
    assert main(["--db", str(db), "demo", "seed", "--activities", "5"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "backup"]) == 0
    backup = Path(capsys.readouterr().out.strip())
    assert backup.is_file()
    assert main(["--db", str(db), "demo", "seed", "--activities", "3"]) == 0
    assert main(["--db", str(db), "restore", str(backup)]) == 0
    assert "restored from" in capsys.readouterr().out
    assert _count(db) == 5


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ('DROP TABLE "screening_audit_log"', "the backup has no table screening_audit_log"),
        ("ALTER TABLE post_profile DROP COLUMN countries", "has no column countries"),
        ("UPDATE post_profile SET created_at = 5", "cannot be read as a postkit database"),
    ],
)
def test_a_backup_that_is_no_sound_postkit_database_is_refused_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str, reason: str
) -> None:
    """Each passed the file checks (sound SQLite, a schema version), replaced the database,
    and then crashed writing the restore into the log (found by fuzzing the importers)."""
    db = tmp_path / "post.sqlite3"
    assert main(["--db", str(db), "demo", "seed", "--activities", "5"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    backup = Path(capsys.readouterr().out.strip().splitlines()[-1])
    with sqlite3.connect(backup) as connection:
        connection.execute(damage)
    connection.close()
    assert main(["--db", str(db), "demo", "seed", "--activities", "3"]) == 0
    before = _count(db)
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert reason in err and "nothing was restored" in err and len(err.splitlines()) == 1
    assert _count(db) == before == 8


def test_restore_command_with_a_missing_file_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "p.sqlite3"), "restore", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and len(err.splitlines()) == 1


def test_wal_mode_survives_a_restore(database: Database) -> None:
    path = _file(database)
    backup = backup_database(path)
    database.dispose()
    restore_database(path, backup)
    restored = open_database(path)
    with restored.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_a_restore_does_not_replay_the_old_databases_wal_into_the_backup(
    database: Database, tmp_path: Path
) -> None:
    path = _file(database)
    with database.session() as session:
        create_activity(session, MEETING, "Tess")
    backup = backup_database(path)
    database.dispose()
    # A crash leaves the old database's last writes in its -wal (and -shm) beside it.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("UPDATE activities SET title = 'Written after the backup'")
    connection.commit()
    leftovers = {suffix: Path(f"{path}{suffix}").read_bytes() for suffix in ("-wal", "-shm")}
    connection.close()
    for suffix, content in leftovers.items():
        Path(f"{path}{suffix}").write_bytes(content)

    safety = restore_database(path, backup)

    assert safety is not None
    with sqlite3.connect(safety) as kept:
        # The copy of the database as it was holds those writes: nothing is lost.
        assert kept.execute("SELECT title FROM activities").fetchall() == [
            ("Written after the backup",)
        ]
    kept.close()
    restored = sqlite3.connect(path)
    try:
        assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert restored.execute("SELECT title FROM activities").fetchall() == [("Meeting",)]
    finally:
        restored.close()
