"""`db protect` cut short by a kill is finished by running it again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import open_database
from postkit.core.db.backup import backup_database
from postkit.core.db.backup_files import backups_dir, list_backups
from postkit.core.db.encryption import is_protected, protect_database

PASSPHRASE = "kilimanjaro at dawn"


def _post(path: Path) -> Path:
    database = open_database(path)
    with database.session() as session:
        create_activity(
            session,
            ActivityInput(
                core_task=1, title="Visit", start_date=date(2025, 3, 4), activity_type="meeting"
            ),
            "Tess",
        )
    database.dispose()
    return path


def _killed_after_the_database(database: Path) -> None:
    """As a SIGKILL leaves `db protect`: the database encrypted, its backups still plain."""
    folder = backups_dir(database)
    aside = folder.with_name("aside")
    folder.rename(aside)
    protect_database(database, PASSPHRASE)
    aside.rename(folder)


def test_protect_killed_after_the_database_is_finished_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = _post(tmp_path / "postkit.sqlite3")
    backups = [backup_database(database) for _ in range(2)]
    _killed_after_the_database(database)
    monkeypatch.setenv("POSTKIT_PASSPHRASE", PASSPHRASE)

    assert main(["--db", str(database), "db", "protect"]) == 0, capsys.readouterr().err

    assert "protecting finished (2 backups encrypted)" in capsys.readouterr().out
    assert all(is_protected(backup) for backup in list_backups(database))
    assert sorted(list_backups(database)) == sorted(backups)
    # Done now: a further run says so, and changes nothing. (A run takes the passphrase out
    # of its environment once read, so the next run is given it again.)
    monkeypatch.setenv("POSTKIT_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(database), "db", "protect"]) == 1
    assert "protected already" in capsys.readouterr().err


def test_finishing_a_protect_needs_the_same_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = _post(tmp_path / "postkit.sqlite3")
    backup = backup_database(database)
    _killed_after_the_database(database)
    monkeypatch.setenv("POSTKIT_PASSPHRASE", "another passphrase")

    assert main(["--db", str(database), "db", "protect"]) == 1

    assert "passphrase is wrong" in capsys.readouterr().err
    assert not is_protected(backup)
