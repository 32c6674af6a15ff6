"""Running postkit's command line in child processes, to kill them or run two at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def environment(**extra: str) -> dict[str, str]:
    """The environment of a child postkit: this worktree's code, no passphrase unless given."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("POSTKIT_")}
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def start(database: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    """`postkit --db DATABASE ARGS…` in a new process group (so its workers can be found),
    with a user data folder of its own beside the database."""
    env.setdefault("POSTKIT_DATA_DIR", str(database.parent / "user-data"))
    return subprocess.Popen(
        [sys.executable, "-m", "postkit", "--db", str(database), *args],
        cwd=ROOT,
        env=environment(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run(
    database: Path, *args: str, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    process = start(database, *args, **env)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def kill_after(
    process: subprocess.Popen[str], seconds: float, *, wait_for_pipes: bool = True
) -> bool:
    """SIGKILL the process (only it, not its group) after `seconds`; False if it ended first.

    Without `wait_for_pipes` only the process is waited for: its orphaned children, if any,
    would hold its output pipes open.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.01)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    if wait_for_pipes:
        process.communicate()
    else:
        process.wait()
    return killed


def group_members(group: int) -> list[int]:
    """The processes still alive in a process group (Linux: read from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command's name: state, ppid, pgrp; a zombie holds nothing open.
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def wait_until_gone(group: int, seconds: float) -> list[int]:
    """The members of the group still alive after waiting up to `seconds` for them to end."""
    deadline = time.monotonic() + seconds
    while True:
        alive = group_members(group)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def integrity(database: Path, passphrase: str | None = None) -> str:
    """PRAGMA integrity_check of a database file ("ok" when sound)."""
    if passphrase is None:
        connection = sqlite3.connect(database)
    else:
        from sqlcipher3 import dbapi2

        connection = dbapi2.connect(str(database))
        connection.execute(f"PRAGMA key = '{passphrase}'")
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def count(database: Path, table: str, passphrase: str | None = None) -> int:
    if passphrase is None:
        connection = sqlite3.connect(database)
    else:
        from sqlcipher3 import dbapi2

        connection = dbapi2.connect(str(database))
        connection.execute(f"PRAGMA key = '{passphrase}'")
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()
