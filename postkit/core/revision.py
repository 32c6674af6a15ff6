"""The schema revision this postkit writes, read from its migrations' file names.

Kept apart from `postkit.core.db` (whose package imports SQLAlchemy) so that start-up can
compare a database's revision with it before SQLAlchemy has loaded (see
`postkit.core.activities.first_screen`).
"""

from __future__ import annotations

from pathlib import Path

VERSIONS = Path(__file__).parent / "db" / "migrations" / "versions"


def newest_migration() -> str:
    """The revision of the newest file under migrations/versions (its name starts with it)."""
    return max(
        entry.name.split("_", 1)[0]
        for entry in VERSIONS.iterdir()
        if entry.name.endswith(".py") and entry.name[:4].isdigit()
    )


# Read from the file names (a test checks it against Alembic's head), so that an up-to-date
# database opens without importing Alembic, which costs start-up time, and a new migration
# needs no edit here.
HEAD_REVISION = newest_migration()
