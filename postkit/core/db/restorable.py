"""Whether a backup may replace the post's database, opened as postkit opens it once restored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from postkit.core.db.database import connect
from postkit.core.db.migrate import ensure_schema
from postkit.core.db.models import metadata
from postkit.core.errors import DatabaseError, PostkitError
from postkit.core.profile import load_profile
from postkit.core.screening.audit import chain_anchor

__all__ = ["check_restorable"]


def check_restorable(database_file: Path, passphrase: str | None) -> None:
    """Open a private copy of a backup as postkit will open it once restored: upgraded to
    this postkit's schema, every table and column of it there, the post's profile and the log
    readable; DatabaseError saying what is wrong otherwise (`restore_database`'s check).

    A backup with a table dropped or a profile's date made a number passed the file checks,
    replaced the database, and then crashed writing the restore into the log.
    """
    database = connect(database_file, passphrase)
    try:
        ensure_schema(database.engine)  # the copy only: the database is not touched yet
        inspector = inspect(database.engine)
        for table in metadata.sorted_tables:
            if not inspector.has_table(table.name):
                raise DatabaseError(f"the backup has no table {table.name}")
            present = {column["name"] for column in inspector.get_columns(table.name)}
            missing = [column.name for column in table.columns if column.name not in present]
            if missing:
                raise DatabaseError(f"the backup's table {table.name} has no column {missing[0]}")
        with database.session() as session:
            load_profile(session)
            chain_anchor(session)
    except PostkitError:
        raise
    except (SQLAlchemyError, TypeError, ValueError, KeyError) as error:
        reason = str(error).splitlines()[0][:200]
        raise DatabaseError(
            f"the backup cannot be read as a postkit database ({reason})"
        ) from error
    finally:
        database.engine.dispose()
