"""The activity list's first screenful read with the standard library's sqlite3.

Start-up shows the list before SQLAlchemy has loaded (importing it, the ORM and the models
takes longer than showing the window): this reads the ids of the post's activities in the
list's first order and the values of the first rows, as `listing.activity_ids` and
`listing.activity_values` would, from the same column declarations (`columns.py`). Only a
plain SQLite file at this postkit's schema revision, with a profile and at most one person
to pick, is read so; anything else answers None and start-up takes the usual way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from postkit.core.activities.columns import ActivityColumn, Kind, column_named
from postkit.core.paths import default_database_path
from postkit.core.revision import HEAD_REVISION

SQLITE_URL = "sqlite:///"
PROFILE_ID = 1  # the one row of post_profile (as profile.py keeps it)


@dataclass(frozen=True)
class FirstScreen:
    """What the list shows first: the post, every id in order, the first rows' values."""

    post_name: str
    sort: str
    ids: list[int]
    rows: dict[int, tuple[object, ...]]


def database_file(location: str | None) -> Path | None:
    """The SQLite file `location` names (a path, a sqlite:/// URL or None: the default)."""
    if location is None:
        return default_database_path()
    if "://" not in location:
        return Path(location).expanduser().resolve()
    if location.startswith(SQLITE_URL) and "?" not in location:
        return Path(location.removeprefix(SQLITE_URL)).expanduser().resolve()
    return None


def _as_date(value: object) -> object:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _as_utc(value: object) -> object:
    # Stored as naive UTC text; SQLAlchemy's UTCDateTime hands it back aware.
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if isinstance(value, str) else value


def _converters(shown: Sequence[ActivityColumn]) -> list[Callable[[object], object]]:
    """How each selected value turns into what SQLAlchemy's column types give."""
    converters: list[Callable[[object], object]] = []
    for column in shown:
        if column.kind in (Kind.DATE, Kind.DATES):
            converter: Callable[[object], object] = _as_date
        elif column.kind is Kind.DATETIME:
            converter = _as_utc
        else:
            converter = lambda value: value  # noqa: E731
        converters += [converter] * len(column.select)
    return converters


def read_first_screen(
    location: str | None, shown: Sequence[ActivityColumn], sort: str, rows: int
) -> FirstScreen | None:
    """The list's ids sorted by `sort` (newest first) and the first `rows` rows' values of
    the `shown` columns; None when the database is not one this may read (see above)."""
    path = database_file(location)
    if path is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read(connection, shown, sort, rows)
    except (sqlite3.Error, ValueError, TypeError):
        # An encrypted file, another schema, a value stored otherwise: the usual way decides.
        return None
    finally:
        connection.close()


def _read(
    connection: sqlite3.Connection, shown: Sequence[ActivityColumn], sort: str, rows: int
) -> FirstScreen | None:
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if revision != [(HEAD_REVISION,)]:
        return None
    profile = connection.execute(
        "SELECT post_name FROM post_profile WHERE id = ?", (PROFILE_ID,)
    ).fetchone()
    (users,) = connection.execute("SELECT count(*) FROM post_users WHERE is_active").fetchone()
    if profile is None or users > 1:
        return None  # first run, or someone picks who works: the usual way asks
    (post_name,) = profile
    order = column_named(sort).order_sql
    ids = [
        activity_id
        for (activity_id,) in connection.execute(
            f"SELECT id FROM activities WHERE post_name = ? ORDER BY {order} DESC, id DESC",
            (post_name,),
        )
    ]
    first = ids[:rows]
    selected = ", ".join(sql for column in shown for sql in column.select)
    places = ", ".join("?" * len(first))
    converters = _converters(shown)
    values = {
        row[0]: tuple(convert(value) for convert, value in zip(converters, row[1:], strict=True))
        for row in connection.execute(
            f"SELECT id, {selected} FROM activities WHERE id IN ({places})", first
        )
    }
    return FirstScreen(post_name, sort, ids, values)
