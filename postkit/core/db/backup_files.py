"""Where a database's backups are and which files there are backups, by name alone.

Apart from `backup` (which makes them) because protecting a database encrypts its backups too:
`encryption` finds them here without importing the module that imports it.
"""

from __future__ import annotations

import re
from pathlib import Path

_NAME = re.compile(r"^postkit-(\d{8}-\d{6}-\d{6})(-[a-z0-9-]+)?\.sqlite3$")


def backups_dir(database_file: Path) -> Path:
    return database_file.parent / "backups"


def list_backups(database_file: Path) -> list[Path]:
    """The backups of a database, newest first."""
    folder = backups_dir(database_file)
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if _NAME.match(path.name)]
    return sorted(found, key=lambda path: path.name, reverse=True)
