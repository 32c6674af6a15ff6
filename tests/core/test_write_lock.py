"""A headless run's transactions take the write lock; its read-only connections do not."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from postkit.core.db import open_database
from postkit.core.db.locking import LockWait, read_only, waiting_for_writers


def test_a_reader_of_the_same_run_does_not_wait_for_its_writer(tmp_path: Path) -> None:
    with waiting_for_writers(LockWait(seconds=1)):
        database = open_database(tmp_path / "locked.sqlite3")
        try:
            with database.engine.connect() as writer, writer.begin():
                writer.execute(text("CREATE TABLE held (x INTEGER)"))
                # The writer holds the write lock until its block ends; a second connection
                # that only reads sees the last committed state at once.
                with read_only(database.engine).connect() as reader:
                    count = reader.execute(text("SELECT count(*) FROM alembic_version")).scalar()
            assert count == 1
        finally:
            database.dispose()
