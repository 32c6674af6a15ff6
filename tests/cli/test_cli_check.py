"""`postkit check`: the database opens, and a slow job's process (started as the app starts
them) opens it too and reads what this process reads."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core import processes
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.checkup import check_setup
from postkit.core.db import open_database
from postkit.core.db.database import connect
from postkit.core.db.encryption import protect_database
from postkit.core.errors import PostkitError

ROOT = Path(__file__).resolve().parents[2]
ACTIVITIES = (
    (2, "Seminar on living wages", "seminar_event"),
    (1, "Staff training on due diligence", "training"),
    (5, "Round table on mining", "stakeholder_dialogue"),
)


def _post_database(tmp_path: Path) -> Path:
    path = tmp_path / "post.sqlite3"
    database = open_database(path)
    with database.session() as session:
        for task, title, kind in ACTIVITIES:
            create_activity(session, ActivityInput(task, title, date(2026, 3, 4), kind), "Tess")
        session.commit()
    database.dispose()
    return path


def test_check_runs_a_job_in_a_process_of_its_own_that_reads_what_the_app_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(_post_database(tmp_path)), "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("database: sqlite:///") and "3 activities" in lines[1]
    started = "from the fork server" if sys.platform != "win32" else "spawned"
    assert f"slow jobs: a job's process ({started}) opened the database" in lines[2]


def test_check_opens_a_protected_database_in_the_jobs_process_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _post_database(tmp_path)
    protect_database(path, "kilimanjaro at dawn")
    secret = tmp_path / "passphrase.txt"
    secret.write_text("kilimanjaro at dawn", encoding="utf-8")
    secret.chmod(0o600)
    assert main(["--db", str(path), "--passphrase-file", str(secret), "check"]) == 0
    assert "3 activities" in capsys.readouterr().out


class _ForbiddingContext:
    """A machine whose security tool stops the app from starting processes."""

    def __init__(self, real: object) -> None:
        self._real = real

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    def Process(self, *args: object, **kwargs: object) -> object:  # multiprocessing names it so
        process = self._real.Process(*args, **kwargs)  # type: ignore[attr-defined]

        def start() -> None:
            raise PermissionError(1, "Operation not permitted")

        process.start = start
        return process


def test_check_says_slow_jobs_cannot_run_where_no_process_may_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = processes._job_context()
    monkeypatch.setattr(processes, "_job_context", lambda: _ForbiddingContext(real))
    assert main(["--db", str(_post_database(tmp_path)), "check"]) == 1
    err = capsys.readouterr().err
    assert "slow jobs cannot run" in err and "Operation not permitted" in err


def test_check_names_the_upgrade_a_database_of_an_older_schema_needs(tmp_path: Path) -> None:
    old = tmp_path / "post_0001.sqlite3"
    shutil.copy(ROOT / "tests" / "data" / "databases" / "post_0001.sqlite3", old)
    database = connect(old)  # as a script holding it would: not upgraded
    try:
        with pytest.raises(PostkitError, match=r"schema is 0001.*postkit db upgrade"):
            check_setup(database)
    finally:
        database.dispose()
