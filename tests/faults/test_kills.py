"""SIGKILL at random points: the database stays sound, opens, and running again finishes.

Each write-heavy command is killed a bounded, seeded number of times (so a failure can be
replayed), then checked: PRAGMA integrity_check, that postkit opens the database, that what
was committed is whole (never half a batch), and that the same command run again completes.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from tests.faults.processes import (
    count,
    group_members,
    integrity,
    kill_after,
    run,
    start,
    wait_until_gone,
)

SEED = 13  # the trials' kill times follow from it


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Exports of enough posts that `survey aggregate` reads them in worker processes."""
    from postkit.core.hq.demo_exports import write_demo_exports

    folder = tmp_path_factory.mktemp("exports")
    write_demo_exports(folder, posts=20, responses=60)
    return folder


def _workers_started(process_group: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if len(group_members(process_group)) > 1:
            return True
        time.sleep(0.02)
    return False


@pytest.mark.slow
def test_aggregate_workers_die_with_their_killed_parent(tmp_path: Path, exports: Path) -> None:
    process = start(
        tmp_path / "hq.sqlite3",
        "survey",
        "aggregate",
        str(exports),
        "--out",
        str(tmp_path / "s.xlsx"),
    )
    try:
        assert _workers_started(process.pid, 60), "the aggregate never started its readers"
        process.send_signal(signal.SIGKILL)
        process.wait()  # not communicate(): orphaned workers would hold its pipes open

        left = wait_until_gone(process.pid, 5)

        assert left == [], f"reader processes outlived their parent: {left}"
    finally:
        for pid in group_members(process.pid):
            os.kill(pid, signal.SIGKILL)
        process.communicate()


# The kill harness. Each trial kills the command after a delay drawn from the seeded
# generator, between its start-up and its usual end, so the kills land at varied points.

PASSPHRASE = "kilimanjaro at dawn"
SEED_ACTIVITIES = 3000
TRIALS = 4


@pytest.fixture(scope="module")
def post(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A post's database with the demo in it and two backups, copied for each trial."""
    from postkit.core.db import open_database
    from postkit.core.db.backup import backup_database
    from postkit.core.demo import seed_everything

    path = tmp_path_factory.mktemp("post") / "postkit.sqlite3"
    database = open_database(path)
    seed_everything(database, activities=2000)
    database.dispose()
    backup_database(path, "first")
    backup_database(path, "second")
    return path


def _copy(post: Path, folder: Path) -> Path:
    shutil.copytree(post.parent, folder)
    return folder / post.name


def _delays(command: str, low: float, high: float, trials: int = TRIALS) -> list[float]:
    rng = random.Random(f"{SEED}-{command}")
    return [round(rng.uniform(low, high), 2) for _ in range(trials)]


def _opens(database: Path, passphrase: str | None = None) -> int:
    """Whether postkit opens the database (schema checked); its activity count."""
    from sqlalchemy import text

    from postkit.core.db import open_database

    opened = open_database(database, passphrase)
    try:
        with opened.session() as session:
            return int(session.scalar(text("SELECT count(*) FROM activities")) or 0)
    finally:
        opened.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("delay", _delays("seed", 0.8, 5.0))
def test_killed_demo_seed(post: Path, tmp_path: Path, delay: float) -> None:
    database = _copy(post, tmp_path / "post")
    before = count(database, "activities")

    kill_after(start(database, "demo", "seed", "--activities", str(SEED_ACTIVITIES)), delay)

    assert integrity(database) == "ok"
    after_kill = _opens(database)
    assert (after_kill - before) in (0, SEED_ACTIVITIES)  # the batch whole, or not at all
    again = run(database, "demo", "seed", "--activities", str(SEED_ACTIVITIES))
    assert again.returncode == 0, again.stderr
    assert _opens(database) == after_kill + SEED_ACTIVITIES


@pytest.mark.slow
@pytest.mark.parametrize("delay", _delays("backup", 0.5, 3.0))
def test_killed_backup(post: Path, tmp_path: Path, delay: float) -> None:
    from postkit.core.db.backup import list_backups

    database = _copy(post, tmp_path / "post")
    before = _opens(database)

    kill_after(start(database, "backup"), delay)

    assert integrity(database) == "ok"
    assert _opens(database) == before
    for backup in list_backups(database):
        assert integrity(backup) == "ok", backup.name
    again = run(database, "backup")
    assert again.returncode == 0, again.stderr
    newest = list_backups(database)[0]
    assert integrity(newest) == "ok" and count(newest, "activities") == before


@pytest.mark.slow
@pytest.mark.parametrize("delay", _delays("restore", 0.5, 3.0))
def test_killed_restore(post: Path, tmp_path: Path, delay: float) -> None:
    from postkit.core.db.backup import list_backups

    database = _copy(post, tmp_path / "post")
    backup = list_backups(database)[-1]
    run(database, "demo", "seed", "--activities", "500")  # written after the backup
    before, in_backup = _opens(database), count(backup, "activities")

    kill_after(start(database, "restore", str(backup)), delay)

    assert integrity(database) == "ok"
    found = _opens(database)
    assert found in (before, in_backup)
    if found == in_backup:  # restored before the kill: the database as it was is kept
        kept = [path for path in list_backups(database) if "before-restore" in path.name]
        assert [count(path, "activities") for path in kept] == [before]
    again = run(database, "restore", str(backup))
    assert again.returncode == 0, again.stderr
    assert _opens(database) == in_backup


@pytest.mark.slow
@pytest.mark.parametrize("delay", _delays("protect", 0.8, 6.0, trials=3))
def test_killed_db_protect(post: Path, tmp_path: Path, delay: float) -> None:
    from postkit.core.db.backup import list_backups
    from postkit.core.db.encryption import is_protected

    database = _copy(post, tmp_path / "post")
    before = _opens(database)

    kill_after(start(database, "db", "protect", POSTKIT_PASSPHRASE=PASSPHRASE), delay)

    key = PASSPHRASE if is_protected(database) else None
    assert integrity(database, key) == "ok"
    assert _opens(database, key) == before
    again = run(database, "db", "protect", POSTKIT_PASSPHRASE=PASSPHRASE)
    assert again.returncode == 0 or "protected already" in again.stderr, again.stderr
    assert is_protected(database)
    assert _opens(database, PASSPHRASE) == before
    for backup in list_backups(database):
        assert is_protected(backup), backup.name
        assert integrity(backup, PASSPHRASE) == "ok"


@pytest.mark.slow
@pytest.mark.parametrize("delay", _delays("aggregate", 1.0, 6.0, trials=3))
def test_killed_survey_aggregate(tmp_path: Path, exports: Path, delay: float) -> None:
    database = tmp_path / "hq" / "hq.sqlite3"
    database.parent.mkdir()
    out = str(tmp_path / "summary.xlsx")
    process = start(database, "survey", "aggregate", str(exports), "--out", out)

    killed = kill_after(process, delay, wait_for_pipes=False)

    assert wait_until_gone(process.pid, 5) == [], "reader processes outlived their parent"
    process.communicate()
    if database.exists():
        assert integrity(database) == "ok"
        stored = count(database, "hq_responses")
        assert stored in (0, 20 * 60) if killed else stored == 20 * 60
    again = run(database, "survey", "aggregate", str(exports), "--out", out)
    assert again.returncode == 0, again.stderr
    assert integrity(database) == "ok"
    assert count(database, "hq_responses") == 20 * 60
