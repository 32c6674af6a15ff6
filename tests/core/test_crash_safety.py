"""The database survives a process killed mid-write, and two processes writing at once."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from postkit.core.db import open_database

WRITER = """
import sys
from datetime import date
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import open_database

database = open_database(sys.argv[1])
prefix, count = sys.argv[2], int(sys.argv[3])
with database.session() as session:
    for number in range(count):
        data = ActivityInput(core_task=1 + number % 5, title=f"{prefix}-{number}",
                             start_date=date(2025, 1, 1), activity_type="meeting",
                             description="x" * 2000)
        create_activity(session, data, "writer")
        print(f"{prefix}-{number}", flush=True)
"""

KILLS = 12


def _titles(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = {row[0] for row in connection.execute("SELECT title FROM activities")}
    connection.close()
    return titles


def _writer(path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, str(count)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_killing_a_writer_mid_stream_keeps_every_committed_record(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    open_database(path).dispose()
    rng = random.Random(4)
    committed: set[str] = set()
    for round_number in range(KILLS):
        process = _writer(path, f"r{round_number}", 100_000)
        assert process.stdout is not None
        for _ in range(rng.randint(3, 60)):
            committed.add(process.stdout.readline().strip())
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL
        assert committed <= _titles(path), f"lost records after kill {round_number}"
    # The database still opens, migrates nothing and takes new writes after all the kills.
    assert open_database(path).is_sqlite


def test_two_instances_can_write_to_one_database_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    open_database(path).dispose()
    writers = [_writer(path, name, 150) for name in ("first", "second")]
    outputs = [writer.communicate(timeout=120)[0] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0]
    assert all(len(output.split()) == 150 for output in outputs)
    titles = _titles(path)
    assert {f"first-{n}" for n in range(150)} <= titles
    assert {f"second-{n}" for n in range(150)} <= titles
