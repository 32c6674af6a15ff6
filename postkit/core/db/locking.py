"""Waiting for another postkit that writes to the same SQLite database, and saying so.

SQLite lets one process write at a time. A headless run takes the write lock when each of its
transactions begins (BEGIN IMMEDIATE), so two runs doing the same job take turns instead of
reading the same state and colliding halfway; a run that has to wait says so once, and after
`LockWait.seconds` gives up with one line instead of a traceback.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from postkit.core.errors import DatabaseError

LOCK_WAIT_SECONDS = 30.0
_POLL_MS = 200


@dataclass(frozen=True)
class LockWait:
    """How long to wait for another writer, and who to tell that we are waiting."""

    seconds: float = LOCK_WAIT_SECONDS
    on_wait: Callable[[str], None] | None = None


class DatabaseBusyError(DatabaseError):
    """Another process kept the database locked for longer than we wait."""

    def __init__(self, path: Path | str, seconds: float) -> None:
        super().__init__(
            f"{path}: another postkit is writing to this database (waited {seconds:g} s); "
            "try again when it has finished"
        )


def waiting_message(path: Path | str) -> str:
    return f"{path}: another postkit is writing to this database; waiting for it to finish…"


def is_busy(error: BaseException) -> bool:
    """Whether a DB-API error says that another connection holds the lock."""
    text = str(error).lower()
    return "database is locked" in text or "database is busy" in text


_waiting: ContextVar[LockWait | None] = ContextVar("_waiting", default=None)


@contextmanager
def waiting_for_writers(wait: LockWait) -> Iterator[None]:
    """Within this block, databases opened take the write lock when a transaction begins."""
    token = _waiting.set(wait)
    try:
        yield
    finally:
        _waiting.reset(token)


def lock_wait() -> LockWait | None:
    return _waiting.get()


# An execution option: a connection that only reads begins a plain (deferred) transaction. In
# WAL mode a reader never waits for a writer, and a second connection of the same run that
# only reads (the name index fetching list entries) must not wait for the first to finish.
READ_ONLY = "postkit_read_only"


def read_only(engine: Engine) -> Engine:
    """The engine for connections that only read: they do not take the write lock."""
    return engine.execution_options(**{READ_ONLY: True})


def acquire(dbapi_connection: Any, statement: str, path: Path | str, wait: LockWait) -> None:
    """Run `statement` (BEGIN IMMEDIATE or EXCLUSIVE), waiting for other writers politely.

    The connection's busy timeout is lowered while polling, so the first wait is told at once.
    """
    deadline = time.monotonic() + wait.seconds
    told = False
    previous = dbapi_connection.execute("PRAGMA busy_timeout").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA busy_timeout = {_POLL_MS}")
    try:
        while True:
            try:
                dbapi_connection.execute(statement)
                return
            except Exception as error:  # the DB-API module's OperationalError
                if not is_busy(error):
                    raise
                if time.monotonic() >= deadline:
                    raise DatabaseBusyError(path, wait.seconds) from error
                if not told and wait.on_wait is not None:
                    wait.on_wait(waiting_message(path))
                    told = True
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {previous}")


@contextmanager
def job_lock(database_file: Path, job: str, wait: LockWait | None = None) -> Iterator[None]:
    """Run a job of several transactions (a demo seed) alone: a second run of it on the same
    database waits for the first to finish rather than interleave with it.

    An OS file lock beside the database, released by the OS when the process ends, however
    it ends.
    """
    wait = wait or lock_wait() or LockWait()
    lock_path = database_file.with_name(f"{database_file.name}.{job}.lock")
    deadline = time.monotonic() + wait.seconds
    told = False
    with lock_path.open("a+b") as handle:
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise DatabaseBusyError(database_file, wait.seconds)
            if not told and wait.on_wait is not None:
                wait.on_wait(waiting_message(database_file))
                told = True
            time.sleep(_POLL_MS / 1000)
        try:
            yield
        finally:
            _unlock(handle)


def _try_lock(handle: Any) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: Any) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
