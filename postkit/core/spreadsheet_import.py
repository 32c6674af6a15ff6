"""Reading a table someone kept in Excel (or CSV) into postkit: the part every such import shares.

An import of the post's own spreadsheet goes in four steps, each here or in the feature's module:

1. `read_table` reads the first sheet of a workbook (or a CSV file) as a header row and data
   rows. A workbook meets the guard every importer shares (`postkit.core.untrusted`: bounded
   size, parts and cell area, no DTD, no links) and is read with calamine, which runs no
   formula: a formula cell gives its cached value or nothing.
2. `suggest_mapping` says which field each column fills, from the header's words and the
   synonyms a field declares; the feature recalls a mapping the user confirmed for the same
   layout before (`postkit.core.import_layouts`).
3. `CellReader` turns cells into values in the sheet's locale: dates as Excel stores them or
   typed in Dutch (15-4-2025, 15 april 2025) or English (4/15/2025, April 15, 2025) form or as
   ISO 8601; whole numbers with Dutch ('1.234') or English ('1,234') thousands; labels of a
   reference list in either language, or its codes. A cell that cannot be read raises
   `CellError`, which the feature turns into an error naming the row and the column.
4. The feature plans the import (what would be added, what is there already, what is wrong)
   and stores it all or nothing. What every plan shares is here too: the mapping recalled or
   suggested (`initial_mapping`), a `RowReader` that reads a row's cells by field and names
   the column of each error, `plan_rows` that marks the rows already present, and the
   `ImportPlan` with its summary. A feature's import says only what differs: its fields, how
   a row becomes a record, and what makes two records the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from postkit.core.csv_files import open_csv
from postkit.core.errors import PostkitError
from postkit.core.import_layouts import recall_mapping
from postkit.core.reference import ReferenceList
from postkit.core.untrusted import XlsxLimits, first_sheet_cells

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
# A sheet someone keeps by hand; an export of 100,000 activities has 24 columns.
LIMITS = XlsxLimits(max_rows=MAX_ROWS + 50, max_columns=MAX_COLUMNS, max_cells=5_000_000)
LOCALES = ("nl", "en")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TABLE_SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv", ".txt")

Cell = object  # str, int, float, bool, date, datetime or None, as calamine gives them


@dataclass(frozen=True)
class Table:
    """A sheet's header row and its data rows; `first_row` is the sheet row of `rows[0]`."""

    file_name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    first_row: int = 2

    def row_number(self, index: int) -> int:
        return self.first_row + index


@dataclass(frozen=True)
class ImportField:
    """A field a column may fill: its headers in English and Dutch and other words for it."""

    name: str
    en: str
    nl: str
    synonyms: tuple[str, ...] = ()
    is_required: bool = False

    def label(self, language: str = "en") -> str:
        return self.nl if language == "nl" else self.en


class CellError(ValueError):
    """A cell that does not hold what its column should; the message says what it holds."""


@dataclass(frozen=True)
class RowError:
    """What is wrong in one cell (or row, when `column` is empty) of the sheet."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column!r}" if self.column else f"row {self.row}"
        return f"{where}: {shorten(self.message, 300)}"


@dataclass(frozen=True)
class UnknownValue:
    """A value that matches no entry of a reference list, with the rows that hold it."""

    field: str
    column: str
    text: str
    rows: tuple[int, ...]


@dataclass(frozen=True)
class ImportSummary:
    """What an import did (or, dry, would do): the line the command prints."""

    to_add: int
    present: int
    with_errors: int
    errors: tuple[RowError, ...] = ()
    unknown: tuple[UnknownValue, ...] = field(default=())

    @property
    def line(self) -> str:
        return (
            f"{self.to_add} to add, {self.present} already present, {self.with_errors} with errors"
        )


# --- reading the file -------------------------------------------------------------------------


def read_table(path: Path, progress: Callable[[int, int], None] | None = None) -> Table:
    """The first sheet of a workbook, or a CSV file, as headers and rows; PostkitError naming
    the file when it cannot be read or is too large."""
    name = path.name
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise PostkitError(f"{name}: not an .xlsx workbook or a .csv file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PostkitError(
            f"{name}: the file is over the {MAX_FILE_BYTES // 2**20} MB an import may be"
        )
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        cells = first_sheet_cells(path.read_bytes(), name, LIMITS)
    else:
        with open_csv(path) as reader:
            cells = [row for _, row in zip(range(MAX_ROWS + 2), reader, strict=False)]
    return _table(name, cells)


def _table(name: str, cells: Sequence[Sequence[Cell]]) -> Table:
    # The header is the first row of two or more cells: a title above the table is skipped.
    header_at = next(
        (i for i, row in enumerate(cells) if sum(1 for c in row if _filled(c)) >= 2), None
    )
    if header_at is None:
        raise PostkitError(f"{name}: the sheet is empty")
    raw_headers = [shorten(cell_text(c), 100) for c in cells[header_at]]
    while raw_headers and not raw_headers[-1]:
        raw_headers.pop()
    if len(raw_headers) > MAX_COLUMNS:
        raise PostkitError(
            f"{name}: the sheet has {len(raw_headers)} columns; at most {MAX_COLUMNS}"
        )
    headers = _unique_headers(raw_headers)
    width = len(headers)
    rows: list[tuple[Cell, ...]] = []
    for row in cells[header_at + 1 :]:
        values = tuple(_plain(c) for c in list(row[:width]) + [None] * (width - len(row)))
        rows.append(values)
    while rows and not any(_filled(c) for c in rows[-1]):
        rows.pop()
    if len(rows) > MAX_ROWS:
        raise PostkitError(f"{name}: the sheet has more than {MAX_ROWS:,} rows; split it")
    return Table(name, tuple(headers), tuple(rows), first_row=header_at + 2)


def _unique_headers(headers: Sequence[str]) -> list[str]:
    """Headers told apart: an empty one gets its column letter, a repeated one a number."""
    seen: dict[str, int] = {}
    result = []
    for index, header in enumerate(headers):
        text = header or f"({column_letter(index)})"
        count = seen.get(text.casefold(), 0)
        seen[text.casefold()] = count + 1
        result.append(text if count == 0 else f"{text} ({count + 1})")
    return result


def column_letter(index: int) -> str:
    """Column A for index 0, as a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _filled(cell: Cell) -> bool:
    return cell is not None and cell != ""


def _plain(cell: Cell) -> Cell:
    if isinstance(cell, str):
        return cell.strip() or None
    return cell


def shorten(text: str, limit: int = 60) -> str:
    """Text as quoted in a message: a cell of a whole page is cut short."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cell_text(cell: Cell) -> str:
    """A cell as text: whole numbers without '.0', dates in ISO 8601."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ", timespec="seconds")
    if isinstance(cell, date):
        return cell.isoformat()
    return " ".join(str(cell).split()) if "\n" not in str(cell) else str(cell).strip()


# --- mapping columns to fields ----------------------------------------------------------------


def words(text: str) -> str:
    """Text as compared: case, accents, punctuation and spacing left out."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z#]+", " ", plain).split())


def suggest_mapping(headers: Sequence[str], fields: Sequence[ImportField]) -> dict[str, str]:
    """Per header the field it most likely fills ("" for none); each field is given once.

    The header's words are compared with each field's English and Dutch header first and
    its synonyms after, so an export's own headers always win.
    """
    mapping = dict.fromkeys(headers, "")
    taken: set[str] = set()
    for pass_ in (0, 1):
        for header in headers:
            if mapping[header]:
                continue
            key = words(header)
            for item in fields:
                if item.name in taken:
                    continue
                names = (item.en, item.nl) if pass_ == 0 else item.synonyms
                if key in {words(name) for name in names}:
                    mapping[header] = item.name
                    taken.add(item.name)
                    break
    return mapping


def checked_mapping(
    mapping: dict[str, str], headers: Sequence[str], fields: Sequence[ImportField]
) -> dict[str, str]:
    """`mapping` kept to this sheet's headers and known fields; PostkitError when a field is
    given twice or a required one not at all."""
    known = {item.name for item in fields}
    result = {header: mapping.get(header, "") for header in headers}
    result = {h: (f if f in known else "") for h, f in result.items()}
    used: dict[str, str] = {}
    for header, name in result.items():
        if not name:
            continue
        if name in used:
            raise PostkitError(
                f"columns {used[name]!r} and {header!r} both give the {_label(fields, name)}"
            )
        used[name] = header
    missing = [item for item in fields if item.is_required and item.name not in used]
    if missing:
        raise PostkitError(
            "no column gives the " + ", the ".join(item.en for item in missing) + "; map one"
        )
    return result


def _label(fields: Sequence[ImportField], name: str) -> str:
    return next((item.en for item in fields if item.name == name), name)


def guess_locale(headers: Iterable[str], fields: Sequence[ImportField]) -> str:
    """'nl' when more headers are Dutch words than English ones, else 'en'."""
    dutch = english = 0
    for header in headers:
        key = words(header)
        for item in fields:
            if key == words(item.nl) and key != words(item.en):
                dutch += 1
            elif key == words(item.en) and key != words(item.nl):
                english += 1
    return "nl" if dutch > english else "en"


# --- reading cells in a locale ----------------------------------------------------------------

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2,
    "mrt": 3, "mar": 3, "maart": 3, "march": 3, "apr": 4, "april": 4,
    "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "augustus": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oct": 10, "oktober": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_NUMERIC_DATE = re.compile(
    r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})")
_MONTH_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2_958_465  # 9999-12-31
_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?"
)


class CellReader:
    """Reads cells as values in a locale: 'nl' reads 4-5-2025 as 4 May and '1.234' as 1234,
    'en' reads 4/5/2025 as April 5 and '1,234' as 1234. A date whose day and month can only
    be read one way is read that way in either locale."""

    def __init__(self, locale: str) -> None:
        if locale not in LOCALES:
            raise ValueError(f"unknown locale {locale!r}")
        self.locale = locale

    def date(self, cell: Cell) -> date | None:
        if not _filled(cell):
            return None
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        if isinstance(cell, (int, float)) and not isinstance(cell, bool):
            if 1 <= cell <= _MAX_SERIAL and float(cell).is_integer():
                return _EXCEL_EPOCH + timedelta(days=int(cell))
            raise CellError(f"not a date: {shorten(cell_text(cell))!r}")
        text = words_keep_digits(str(cell))
        parsed = self._date_text(text)
        if parsed is None:
            raise CellError(f"not a date: {shorten(cell_text(cell))!r}")
        return parsed

    def _date_text(self, text: str) -> date | None:
        if match := _ISO.fullmatch(text):
            return _valid_date(int(match[1]), int(match[2]), int(match[3]))
        if match := _NUMERIC_DATE.fullmatch(text):
            first, separator, second, year_text = match.groups()
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            a, b = int(first), int(second)
            # Dashes are the Dutch form whatever the locale; slashes and dots follow it.
            day_first = self.locale == "nl" or separator == "-"
            day, month = (a, b) if day_first else (b, a)
            return _valid_date(year, month, day) or _valid_date(year, day, month)
        if match := _DAY_MONTH_NAME.fullmatch(text):
            month = _MONTHS.get(match[2])
            return _valid_date(int(match[3]), month, int(match[1])) if month else None
        if match := _MONTH_NAME_DAY.fullmatch(text):
            month = _MONTHS.get(match[1])
            return _valid_date(int(match[3]), month, int(match[2])) if month else None
        return None

    def datetime(self, cell: Cell) -> datetime | None:
        """A moment in UTC: an Excel date-time cell (postkit's export writes UTC) or ISO text."""
        if not _filled(cell):
            return None
        if isinstance(cell, datetime):
            return cell.replace(tzinfo=UTC) if cell.tzinfo is None else cell.astimezone(UTC)
        if isinstance(cell, date):
            return datetime(cell.year, cell.month, cell.day, tzinfo=UTC)
        match = _DATETIME.fullmatch(str(cell).strip())
        if match is None:
            raise CellError(f"not a date and time: {shorten(cell_text(cell))!r}")
        try:
            moment = datetime.fromisoformat(str(cell).strip().replace("Z", "+00:00"))
        except ValueError as error:
            raise CellError(f"not a date and time: {shorten(cell_text(cell))!r}") from error
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

    def whole_number(self, cell: Cell) -> int | None:
        """A count of 0 or more; '1.234' is 1234 in Dutch and not whole in English."""
        if not _filled(cell):
            return None
        if isinstance(cell, bool):
            raise CellError(f"not a number: {shorten(cell_text(cell))!r}")
        value = float(cell) if isinstance(cell, (int, float)) else self._number_text(str(cell))
        if not value.is_integer():
            raise CellError(f"not a whole number: {shorten(cell_text(cell))!r}")
        if value < 0:
            raise CellError(f"must be 0 or more: {shorten(cell_text(cell))!r}")
        if value > 10**15:
            raise CellError(f"too large: {shorten(cell_text(cell))!r}")
        return int(value)

    def _number_text(self, text: str) -> float:
        original = text
        cleaned = re.sub(r"(?i)^\s*(eur|€|\$|usd)\s*|\s*(eur|€)\s*$", "", text).strip()
        cleaned = cleaned.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        thousands, decimal = (".", ",") if self.locale == "nl" else (",", ".")
        if not re.fullmatch(r"[+-]?[0-9.,]{1,40}", cleaned) or not any(
            c.isdigit() for c in cleaned
        ):
            raise CellError(f"not a number: {shorten(original)!r}")
        whole, _, fraction = cleaned.partition(decimal)
        if thousands in fraction or decimal in fraction:
            raise CellError(f"not a number: {shorten(original)!r}")
        if thousands in whole and not re.fullmatch(
            r"[+-]?\d{1,3}(" + re.escape(thousands) + r"\d{3})+", whole
        ):
            raise CellError(f"not a number: {shorten(original)!r}")
        whole = whole.replace(thousands, "")
        return float(f"{whole}.{fraction}" if fraction else whole)

    def text(self, cell: Cell) -> str:
        return cell_text(cell)


def words_keep_digits(text: str) -> str:
    """Text of a date cell made plain: lower case, accents and extra spaces gone, dots kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _valid_date(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- reference lists --------------------------------------------------------------------------


class ReferenceMatcher:
    """Finds the code a cell names in a reference list: its code, its Dutch or English label
    or short label, whatever the case and accents."""

    def __init__(self, items: ReferenceList, extra: dict[str, str] | None = None) -> None:
        self.items = items
        self._by_words: dict[str, str] = {}
        for item in items.items:
            for name in (item.code, item.nl, item.en, *item.extra.values()):
                key = words(str(name))
                if key:
                    self._by_words.setdefault(key, item.code)
        for text, code in (extra or {}).items():
            self._by_words[words(text)] = code

    def code(self, text: str) -> str | None:
        return self._by_words.get(words(text))


def split_values(text: str) -> list[str]:
    """The values of a cell that holds several: separated by ';', ',' or line breaks."""
    return [part.strip() for part in re.split(r"[;,\n]+", text) if part.strip()]


def split_names(text: str) -> list[str]:
    """Names in one cell, separated by ';' or line breaks (a name may hold a comma)."""
    names = [" ".join(part.split()) for part in text.replace("\n", ";").split(";")]
    return list(dict.fromkeys(name for name in names if name))


# --- planning an import -----------------------------------------------------------------------


def initial_mapping(
    session: Session, table: Table, kind: str, fields: Sequence[ImportField]
) -> tuple[dict[str, str], bool]:
    """The mapping remembered for this layout of a `kind` of import, else one suggested from
    its headers; and whether it was remembered."""
    remembered = recall_mapping(session, kind, table.headers)
    if remembered is not None:
        # The signature ignores case and spacing, so the headers are matched the same way.
        by_words = {words(header): name for header, name in remembered.items()}
        return {header: by_words.get(words(header), "") for header in table.headers}, True
    return suggest_mapping(table.headers, fields), False


def table_mapping(
    table: Table, mapping: dict[str, str], fields: Sequence[ImportField]
) -> dict[str, str]:
    """`checked_mapping` for this sheet, its error naming the file."""
    try:
        return checked_mapping(mapping, table.headers, fields)
    except PostkitError as error:
        raise PostkitError(f"{table.file_name}: {error}") from None


class PlannedRow(Protocol):
    """One row of the sheet as a feature plans it: its record (None when wrong), whether the
    record is there already, and what is wrong."""

    @property
    def row(self) -> int: ...
    @property
    def data(self) -> object | None: ...
    @property
    def is_present(self) -> bool: ...
    @property
    def errors(self) -> tuple[RowError, ...]: ...


Planned = TypeVar("Planned", bound=PlannedRow)


@dataclass(frozen=True)
class ImportPlan(Generic[Planned]):
    """What importing the sheet with this mapping would do."""

    table: Table
    mapping: dict[str, str]
    locale: str
    rows: tuple[Planned, ...]
    unknown: tuple[UnknownValue, ...] = field(default=())

    @property
    def errors(self) -> tuple[RowError, ...]:
        return tuple(error for row in self.rows for error in row.errors)

    @property
    def summary(self) -> ImportSummary:
        bad = sum(1 for row in self.rows if row.errors)
        present = sum(1 for row in self.rows if row.is_present and not row.errors)
        return ImportSummary(
            len(self.rows) - bad - present, present, bad, self.errors, self.unknown
        )

    def summary_to_store(self) -> ImportSummary:
        """The summary; PostkitError (nothing is to be stored) while any row has an error."""
        summary = self.summary
        if summary.with_errors:
            raise PostkitError(
                f"{self.table.file_name}: {summary.with_errors} row(s) with errors, nothing "
                f"imported; first: {self.errors[0]}"
            )
        return summary


def plan_rows(
    table: Table,
    read: Callable[[int, Sequence[Cell]], Planned],
    keys: Callable[[Planned], Sequence[Hashable]],
    existing: set[Hashable],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Planned, ...]:
    """Every row read; a good one is present when any of its `keys` is in `existing` or was
    given by a row above it. `progress(done, total)` may raise CancelledError."""
    seen = set(existing)
    planned: list[Planned] = []
    total = len(table.rows)
    for index, cells in enumerate(table.rows):
        row = read(table.row_number(index), cells)
        if row.data is not None and not row.errors:
            row_keys = keys(row)
            if any(key in seen for key in row_keys):
                row = replace(row, is_present=True)  # type: ignore[type-var]
            seen.update(row_keys)
        planned.append(row)
        if progress and (index % 500 == 499 or index == total - 1):
            progress(index + 1, total)
    return tuple(planned)


Plan = TypeVar("Plan", bound="ImportPlan[Any]")


def import_file(
    session: Session,
    path: Path,
    kind: str,
    fields: Sequence[ImportField],
    plan: Callable[[Session, Table, dict[str, str], str], Plan],
    store: Callable[[Plan], object],
    *,
    dry_run: bool = False,
    locale: str | None = None,
) -> Plan:
    """Read, plan with the remembered or suggested mapping and (unless dry or wrong) `store`:
    a command's whole import of a `kind` of sheet."""
    table = read_table(path)
    mapping, _ = initial_mapping(session, table, kind, fields)
    planned = plan(session, table, mapping, locale or guess_locale(table.headers, fields))
    if not dry_run and not planned.summary.with_errors:
        store(planned)
    return planned


class RowReader:
    """Reads the rows of one sheet with a mapping in a locale: the cells by field, reference
    values matched (or taken from `value_choices`, the user's answers for values no list
    knows), those still unknown collected for the plan. A feature's reader says its `fields`
    and the reference list of each field read by `RowValues.code`."""

    fields: Sequence[ImportField] = ()
    lists: dict[str, Callable[[], ReferenceList]] = {}

    def __init__(
        self,
        table: Table,
        mapping: dict[str, str],
        locale: str,
        value_choices: dict[tuple[str, str], str],
    ) -> None:
        self.cells = CellReader(locale)
        self.column = {name: header for header, name in mapping.items() if name}
        self.position = {name: table.headers.index(header) for name, header in self.column.items()}
        self.choices = value_choices
        self.field = {item.name: item for item in self.fields}
        self.matchers = {name: ReferenceMatcher(items()) for name, items in self.lists.items()}
        self._unknown: dict[tuple[str, str], list[int]] = defaultdict(list)

    def unknown_values(self) -> tuple[UnknownValue, ...]:
        return tuple(
            UnknownValue(name, self.column[name], text, tuple(rows))
            for (name, text), rows in sorted(self._unknown.items())
        )

    def row(self, number: int, cells: Sequence[Cell]) -> RowValues:
        return RowValues(self, number, cells)

    def note_unknown(self, name: str, text: str, number: int) -> None:
        self._unknown[(name, text)].append(number)


class RowValues:
    """One sheet row as it is read: the values by field, and the errors met, each naming its
    column. A row with nothing in it has the error 'the row is empty' from the start."""

    def __init__(self, reader: RowReader, number: int, cells: Sequence[Cell]) -> None:
        self.reader = reader
        self.number = number
        self._cells = cells
        self.values: dict[str, object] = {}
        self._errors: list[RowError] = []
        self.is_empty = not any(_filled(value) for value in cells)
        if self.is_empty:
            self._errors.append(RowError(number, "", "the row is empty"))

    @property
    def errors(self) -> tuple[RowError, ...]:
        return tuple(self._errors)

    def cell(self, name: str) -> Cell:
        at = self.reader.position.get(name)
        return None if at is None else self._cells[at]

    def read(self, name: str, read: Callable[[Cell], object]) -> None:
        """The value of field `name` read by `read`, when a column gives the field."""
        if name not in self.reader.column:
            return
        try:
            self.values[name] = read(self.cell(name))
        except CellError as error:
            self._errors.append(RowError(self.number, self.reader.column[name], str(error)))

    def code(self, name: str, cell: Cell) -> str | None:
        """The reference code `cell` names for field `name`; an error when no list knows it."""
        reader = self.reader
        if name not in reader.column:
            return None
        text = reader.cells.text(cell)
        if not text:
            return None
        code = reader.matchers[name].code(text) or reader.choices.get((name, text))
        if code is None:
            reader.note_unknown(name, text, self.number)
            what = reader.field[name].en
            self.error(name, f"unknown {what}: {shorten(text)!r}")
        return code

    def require(self, *names: str) -> None:
        """An error for each of these fields whose column is empty (and not already wrong)."""
        for name in names:
            column = self.reader.column.get(name)
            if column is None or self.values.get(name):
                continue
            if not any(error.column == column for error in self._errors):
                self.error(name, "empty; a value is required")

    def error(self, name: str, message: str) -> tuple[RowError, ...]:
        """Records what is wrong with field `name` (its column, or the row when no column
        gives it); returns the errors so far."""
        self._errors.append(RowError(self.number, self.reader.column.get(name, ""), message))
        return self.errors
