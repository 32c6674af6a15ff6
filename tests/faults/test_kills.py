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
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from postkit.core.screening.records import ChainAnchor, ChainCheck
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
    from postkit.core.demo_seed import seed_everything

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
    from postkit.core.db.backup_files import list_backups

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
    from postkit.core.db.backup_files import list_backups

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
    from postkit.core.db.backup_files import list_backups
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


# Imports: a sanctions list (a stored list, then requests screened again on it) and a
# .postkit file of many practices. Each trial's kill time is a seeded fraction of how long
# the same command took without a kill on this machine, so the kills spread over the whole
# run (start-up, parsing, storing, re-screening) however fast the machine is.

LIST_ROWS = 30_000
EU_COPIES = 2_500  # four entities each: 10,000 entries
SHARED_PRACTICES = 500
IMPORT_TABLES = ("sanctions_lists", "sanctions_entries", "sanctions_screened_lists")


def _fractions(command: str, trials: int, low: float = 0.15, high: float = 1.05) -> list[float]:
    rng = random.Random(f"{SEED}-{command}")
    return [round(rng.uniform(low, high), 3) for _ in range(trials)]


def _timed_run(database: Path, *args: str) -> float:
    started = time.monotonic()
    result = run(database, *args)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - started


@dataclass(frozen=True)
class Clean:
    """What the same import writes when nothing kills it, and how long it takes."""

    file: Path
    seconds: float
    counts: dict[str, int]
    candidates: int


def _candidates(database: Path) -> int:
    """Candidates stored for requests (re-screening adds those the new list brings)."""
    return count(database, "sanctions_matches")


@pytest.fixture(scope="module")
def lists(post: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Clean]:
    from tests.faults.fictional_lists import write_eu_xml, write_opensanctions_csv

    folder = tmp_path_factory.mktemp("lists")
    files = {
        "csv": write_opensanctions_csv(folder / "targets.simple.csv", LIST_ROWS),
        "eu": write_eu_xml(folder / "eu-fsf.xml", EU_COPIES),
    }
    clean = {}
    for kind, file in files.items():
        database = _copy(post, folder / f"clean-{kind}")
        seconds = _timed_run(database, "screening", "import-list", str(file))
        counts = {table: count(database, table) for table in IMPORT_TABLES}
        clean[kind] = Clean(file, seconds, counts, _candidates(database))
    return clean


def _stored_lists(database: Path) -> list[tuple[str, int, int, bool]]:
    """Each stored list: its file's SHA-256, the entries it says it has, the entries stored,
    and whether requests were screened again on it."""
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            "SELECT sha256, entry_count, rescreened_at IS NOT NULL,"
            " (SELECT count(*) FROM sanctions_entries e WHERE e.list_id = l.id)"
            " FROM sanctions_lists l ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    return [(sha, said, stored, bool(rescreened)) for sha, said, rescreened, stored in rows]


def _verified_log(database: Path, *anchors: ChainAnchor) -> ChainCheck:
    """The screening log checked, against earlier anchors of it."""
    from postkit.core.db import open_database
    from postkit.core.screening.audit import verify_chain

    opened = open_database(database)
    try:
        with opened.session() as session:
            return verify_chain(session, anchors)
    finally:
        opened.dispose()


# Where each trial's kill landed, printed at the end of the module (the report's counts).
LANDED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_where_kills_landed() -> Iterator[None]:
    yield
    if LANDED:
        print("\nkill trials: " + ", ".join(f"{n} {what}" for what, n in sorted(LANDED.items())))


def _kill_import_list(post: Path, tmp_path: Path, clean: Clean, kind: str, fraction: float) -> None:
    from postkit.core.screening.list_formats import file_sha256

    database = _copy(post, tmp_path / "post")
    sha = file_sha256(clean.file)
    before = _opens(database)
    anchor = _verified_log(database).anchor

    killed = kill_after(
        start(database, "screening", "import-list", str(clean.file)), fraction * clean.seconds
    )

    assert integrity(database) == "ok"
    assert _opens(database) == before
    stored = _stored_lists(database)
    for list_sha, said, entries, _rescreened in stored:
        assert entries == said, f"list {list_sha[:12]} holds {entries} of its {said} entries"
    ours = [entry for entry in stored if entry[0] == sha]
    assert len(ours) <= 1
    if not ours:
        LANDED[f"{kind} before the list was stored"] += 1
    elif not ours[0][3]:
        LANDED[f"{kind} after storing, before re-screening finished"] += 1
    else:
        LANDED[f"{kind} after re-screening" if killed else f"{kind} finished first"] += 1

    again = run(database, "screening", "import-list", str(clean.file))

    assert again.returncode == 0, again.stderr
    said = "entries imported" if not ours else "nothing written"
    assert said in again.stdout, again.stdout
    assert integrity(database) == "ok"
    after = _stored_lists(database)
    assert sum(entry[0] == sha for entry in after) == 1  # the list once, whoever stored it
    assert all(rescreened for *_rest, rescreened in after), "re-screening left unfinished"
    assert {table: count(database, table) for table in IMPORT_TABLES} == clean.counts
    assert _candidates(database) == clean.candidates  # each request screened again once
    check = _verified_log(database, anchor)
    assert check.broken_at is None, check.problem
    assert not check.anchor_problems, check.anchor_problems  # nothing logged was lost


@pytest.mark.slow
@pytest.mark.parametrize("fraction", _fractions("import-list-csv", 3))
def test_killed_import_of_a_large_opensanctions_list(
    post: Path, lists: dict[str, Clean], tmp_path: Path, fraction: float
) -> None:
    _kill_import_list(post, tmp_path, lists["csv"], "OpenSanctions CSV", fraction)


@pytest.mark.slow
@pytest.mark.parametrize("fraction", _fractions("import-list-eu", 2))
def test_killed_import_of_a_large_eu_list(
    post: Path, lists: dict[str, Clean], tmp_path: Path, fraction: float
) -> None:
    _kill_import_list(post, tmp_path, lists["eu"], "EU XML", fraction)


@pytest.fixture(scope="module")
def shared_practices(post: Path, tmp_path_factory: pytest.TempPathFactory) -> Clean:
    """A .postkit file of many practices (a few with an attached file) from another post."""
    from postkit.core.attachments import store_attachment
    from postkit.core.db import open_database
    from postkit.core.practices.exchange import export_practices
    from postkit.core.practices.records import PUBLISHED, PracticeInput
    from postkit.core.practices.service import create_practice

    folder = tmp_path_factory.mktemp("practices")
    other = open_database(folder / "other" / "postkit.sqlite3")
    rng = random.Random(f"{SEED}-practices")
    with other.session() as session:
        for number in range(SHARED_PRACTICES):
            attachments = []
            if number % 100 == 0:
                note = folder / f"note-{number}.txt"
                note.write_text(f"Notes of practice {number}\n" * 200, encoding="utf-8")
                attachments.append(store_attachment(other.files_dir, note))
            data = PracticeInput(
                title=f"Shared practice {number}: {rng.choice(('due diligence', 'audit'))}",
                core_tasks=(rng.randint(1, 5),),
                post_name="Embassy Elsewhere",
                summary="What another post did, to learn from. " * rng.randint(1, 20),
                status=PUBLISHED,
            )
            create_practice(session, data, "Other Officer", attachments)
        exported = folder / "shared.postkit"
        export_practices(
            session,
            other.files_dir,
            exported,
            exporting_post="Embassy Elsewhere",
            include_drafts=True,
        )
    other.dispose()
    database = _copy(post, folder / "clean")
    seconds = _timed_run(database, "practices", "import", str(exported))
    tables = ("practices", "practice_attachments")
    return Clean(exported, seconds, {table: count(database, table) for table in tables}, 0)


@pytest.mark.slow
# Drawn late: the import commits the whole file at its very end, after start-up and reading.
@pytest.mark.parametrize("fraction", _fractions("practices-import", 3, low=0.8, high=1.1))
def test_killed_practices_import(
    post: Path, shared_practices: Clean, tmp_path: Path, fraction: float
) -> None:
    from postkit.core.paths import files_dir_for

    database = _copy(post, tmp_path / "post")
    before = count(database, "practices")
    file = str(shared_practices.file)

    kill_after(start(database, "practices", "import", file), fraction * shared_practices.seconds)

    assert integrity(database) == "ok"
    assert _opens(database) > 0
    found = count(database, "practices")
    assert found in (before, shared_practices.counts["practices"])  # the file whole, or not
    LANDED["practices before the commit" if found == before else "practices after it"] += 1
    again = run(database, "practices", "import", file)
    assert again.returncode == 0, again.stderr
    added = 0 if found != before else SHARED_PRACTICES
    assert again.stdout.startswith(f"added {added}, updated 0"), again.stdout
    tables = {table: count(database, table) for table in shared_practices.counts}
    assert tables == shared_practices.counts  # each practice and attachment once
    connection = sqlite3.connect(database)
    try:
        names = [
            row[0] for row in connection.execute("SELECT stored_name FROM practice_attachments")
        ]
    finally:
        connection.close()
    files = files_dir_for(database)
    missing = [name for name in names if not (files / "attachments" / name).is_file()]
    assert not missing, f"attachment files missing: {missing}"
