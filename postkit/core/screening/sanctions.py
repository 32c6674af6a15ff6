"""Sanctions lists in OpenSanctions' `targets.simple.csv` layout, read from a file.

The file may also be one an officer opened and saved again in Excel, in a Dutch or an
English locale: semicolons or commas, Windows-1252 or UTF-8, dates in the Dutch form
(see csv_files).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from postkit.core.csv_files import iso_date_text, open_csv
from postkit.core.errors import PostkitError

REQUIRED_COLUMNS = ("id", "schema", "name")
VALUE_SEPARATOR = ";"

# The columns read, in the order of SanctionsEntry's fields, and whether they hold several values.
_FIELDS = (
    ("id", False),
    ("schema", False),
    ("name", False),
    ("aliases", True),
    ("birth_date", True),
    ("countries", True),
    ("addresses", True),
    ("identifiers", True),
    ("sanctions", True),
    ("program_ids", True),
    ("dataset", True),
    ("first_seen", False),
    ("last_seen", False),
    ("last_change", False),
)
_DATE_COLUMNS = frozenset({"birth_date", "first_seen", "last_seen", "last_change"})


@dataclass(frozen=True)
class SanctionsEntry:
    """One listed person, company, organisation or vessel.

    Columns that may hold several values (joined by ';' in the file) are tuples, also
    `birth_date` (a person can be listed with several possible dates) and `dataset`.
    """

    id: str
    schema: str
    name: str
    aliases: tuple[str, ...] = ()
    birth_date: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    sanctions: tuple[str, ...] = ()
    program_ids: tuple[str, ...] = ()
    dataset: tuple[str, ...] = ()
    first_seen: str = ""
    last_seen: str = ""
    last_change: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class SanctionsList:
    """The entries of one list file, with what identifies the file it came from."""

    entries: tuple[SanctionsEntry, ...]
    file_name: str
    sha256: str
    source: str = "opensanctions"
    published_on: str = ""  # ISO date the publisher gave the file; "" when it gives none

    @property
    def entry_count(self) -> int:
        return len(self.entries)


def read_sanctions_csv(path: Path | str) -> SanctionsList:
    """Read a `targets.simple.csv` file; a file postkit cannot use raises PostkitError."""
    path = Path(path)
    try:
        sha256 = _file_sha256(path)
        entries = tuple(_read_entries(path))
    except OSError as error:
        raise PostkitError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    return SanctionsList(entries=entries, file_name=path.name, sha256=sha256)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _read_entries(path: Path) -> Iterator[SanctionsEntry]:
    name = path.name
    row_number = 0
    try:
        with open_csv(path) as reader:
            header = next(reader, None)
            if header is None:
                raise PostkitError(f"{name}: the file is empty")
            row_number = 1
            columns = _column_indexes(name, header)
            first_row = {}
            for row_number, row in enumerate(reader, start=2):
                if not row:
                    continue
                entry = _entry(name, row_number, row, columns)
                if entry.id in first_row:
                    raise PostkitError(
                        f"{name}, row {row_number}: id {entry.id!r} is also on row "
                        f"{first_row[entry.id]}"
                    )
                first_row[entry.id] = row_number
                yield entry
    except csv.Error as error:
        raise PostkitError(
            f"{name}, row {row_number + 1}: not readable as CSV ({error})"
        ) from error


def _column_indexes(name: str, header: list[str]) -> list[int | None]:
    """For each field of SanctionsEntry, the index of its column (None when absent)."""
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        columns.setdefault(title.strip().lower(), index)
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise PostkitError(f"{name}, row 1: no column {', '.join(missing)}")
    return [columns.get(column) for column, _ in _FIELDS]


def _split(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    if VALUE_SEPARATOR not in text:
        return (text,)
    return tuple(part for part in map(str.strip, text.split(VALUE_SEPARATOR)) if part)


def _entry(name: str, row_number: int, row: list[str], columns: list[int | None]) -> SanctionsEntry:
    width = len(row)
    values: list[str | tuple[str, ...]] = []
    for index, (column, is_multi_valued) in zip(columns, _FIELDS, strict=True):
        text = row[index].strip() if index is not None and index < width else ""
        if column in _DATE_COLUMNS and text:
            # A list re-saved by Excel in a Dutch locale has its dates as 25-11-2026.
            text = VALUE_SEPARATOR.join(map(iso_date_text, text.split(VALUE_SEPARATOR)))
        values.append(_split(text) if is_multi_valued else text)
    if not values[0]:
        raise PostkitError(f"{name}, row {row_number}: no id")
    if not values[2]:
        raise PostkitError(f"{name}, row {row_number}: no name")
    return SanctionsEntry(*values)  # type: ignore[arg-type]
