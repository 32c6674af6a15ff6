"""Two postkit processes on one database: they take turns, and no committed write is lost.

Two seeds at once both finish (as two seeds one after the other would); a restore started
during a seed waits for it, so the seed's rows are in the safety copy; a command that finds
the database locked longer than it waits says so in one line, never with a traceback.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from postkit.core.db import open_database
from postkit.core.db.backup import backup_database
from postkit.core.db.backup_files import list_backups
from postkit.core.demo_seed import seed_everything
from tests.faults.processes import count, integrity, run, start

SEED_ACTIVITIES = 1500


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A post's database with the demo in it, copied for each trial."""
    path = tmp_path_factory.mktemp("seeded") / "postkit.sqlite3"
    database = open_database(path)
    seed_everything(database, activities=300)
    database.dispose()
    return path


def _copy(seeded: Path, folder: Path) -> Path:
    """The seeded database with its files folder."""
    shutil.copytree(seeded.parent, folder)
    return folder / seeded.name


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(3))
def test_two_seeds_at_once_both_finish(seeded: Path, tmp_path: Path, trial: int) -> None:
    database = _copy(seeded, tmp_path / f"trial-{trial}")
    before = count(database, "activities")

    first = start(database, "demo", "seed", "--activities", str(SEED_ACTIVITIES))
    second = start(database, "demo", "seed", "--activities", str(SEED_ACTIVITIES))
    results = [process.communicate(timeout=300) for process in (first, second)]

    for process, (_out, err) in zip((first, second), results, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err
    assert integrity(database) == "ok"
    assert count(database, "activities") == before + 2 * SEED_ACTIVITIES


@pytest.mark.slow
def test_a_restore_during_a_seed_loses_none_of_the_seed(seeded: Path, tmp_path: Path) -> None:
    database = _copy(seeded, tmp_path / "post")
    backup = backup_database(database)
    before = count(database, "activities")
    activities = 8000

    seed = start(database, "demo", "seed", "--activities", str(activities))
    time.sleep(1.5)
    restore = run(database, "restore", str(backup), timeout=300)
    _out, seed_err = seed.communicate(timeout=300)

    assert seed.returncode == 0, seed_err
    assert restore.returncode == 0, restore.stderr
    assert integrity(database) == "ok"
    safety = [path for path in list_backups(database) if "before-restore" in path.name]
    assert len(safety) == 1
    # Every seeded row is somewhere: in the safety copy (the restore waited for the seed)
    # or in the restored database (the seed came after the restore).
    in_safety = count(safety[0], "activities") - before
    in_database = count(database, "activities") - count(backup, "activities")
    assert (in_safety, in_database) in ((activities, 0), (0, activities)), (
        in_safety,
        in_database,
    )


def _hold_write_lock(
    database: Path, seconds: float, done: threading.Event | None = None
) -> threading.Thread:
    """Another writer: holds the database's write lock for `seconds` (or until `done`)."""
    holding = threading.Event()
    done = done or threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(database, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        holding.set()
        done.wait(seconds)
        connection.execute("ROLLBACK")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait()
    return thread


@pytest.mark.slow
def test_commands_that_find_the_database_locked_fail_with_one_line(
    seeded: Path, tmp_path: Path
) -> None:
    database = _copy(seeded, tmp_path / "post")
    practices = tmp_path / "practices.postkit"
    assert run(database, "practices", "export", str(practices), "--all").returncode == 0
    commands = [
        ("demo", "seed", "--activities", "10"),
        ("practices", "import", str(practices)),
        ("survey", "export", "imvo_guidelines_evaluation", str(tmp_path / "out.csv")),
        ("survey", "aggregate", str(tmp_path), "--out", str(tmp_path / "summary.xlsx")),
        ("screening", "import-risk", str(tmp_path / "risk.xlsx"), "--kind", "country"),
        ("receipt", "import", str(tmp_path / "receipt.json")),
    ]
    done = threading.Event()
    holder = _hold_write_lock(database, 120, done)
    try:
        for command in commands:
            result = run(database, *command, POSTKIT_LOCK_WAIT="1")

            assert result.returncode == 1, (command, result.stderr)
            assert "Traceback" not in result.stderr, (command, result.stderr)
            told, error = result.stderr.splitlines()
            assert "waiting for it to finish" in told
            assert error.startswith("postkit: error: ")
            assert "another postkit is writing to this database" in error
    finally:
        done.set()
        holder.join()
    assert integrity(database) == "ok"
    assert count(database, "activities") == count(seeded, "activities")


@pytest.mark.slow
def test_a_command_waits_for_a_short_write_and_then_does_its_work(
    seeded: Path, tmp_path: Path
) -> None:
    database = _copy(seeded, tmp_path / "post")
    before = count(database, "activities")
    holder = _hold_write_lock(database, 3)

    result = run(database, "demo", "seed", "--activities", "10")
    holder.join()

    assert result.returncode == 0, result.stderr
    assert result.stderr.count("waiting for it to finish") == 1
    assert count(database, "activities") == before + 10
