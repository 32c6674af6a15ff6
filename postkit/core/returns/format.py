"""The annual return's file: `postkit-annual-return/1`, an .xlsx a post sends headquarters.

A post writes it (`service.write_return`, `postkit return write`), headquarters reads it with
`read_return` here, so both sides share one definition of the sheets and one set of checks.

Every sheet has a header row, then data rows; cells are text or numbers, never formulas, and
codes are the reference lists' codes, never labels. The content sheets, in this order:

- `core_tasks`: one row per core task (1-5) and period ("Q1".."Q4", "year"), 25 rows always,
  so a core task without activity is a row of zeros, not a missing row;
- `themes`, `sectors`: core_task, code, done activities of the year (one row per pair > 0);
- `countries`: country, done activities of the year;
- `screening`: core task 4's requests, outcomes and conditions per period; no company names;
- `practices`: the year's published practices (title, summary, core tasks, themes, language);
- `narrative`: the post's own words on results, obstacles and plans.

The `meta` sheet (`key`, `value`) names the post, the year, the versions, when it was written,
the content sheets in order (`sheets`) and `sha256`: the lower-case hex SHA-256 of the UTF-8
bytes of `json.dumps([[sheet, header, rows] for each content sheet], ensure_ascii=False,
separators=(",", ":"))`, cells normalised by `surveys.export.canonical_value` as a survey
export's digest is (rows of blank cells left out, each row as wide as its header). A checksum
finds damage and careless edits; it is no signature.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import orjson

from postkit import __version__
from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError
from postkit.core.files import atomic_output
from postkit.core.receipt_format import RETURN_FORMAT, iso_utc, post_slug
from postkit.core.returns.records import (
    AnnualReturn,
    CodeCount,
    CoreTaskFigures,
    PracticeEntry,
    ScreeningFigures,
)
from postkit.core.screening.records import Outcome
from postkit.core.spreadsheet_digest import canonical_value
from postkit.core.untrusted import (
    CALAMINE_CELL_ERRORS,
    UntrustedFileError,
    XlsxFormulas,
    XlsxLimits,
    cell_error_reason,
    check_xlsx_package,
)

FORMAT = RETURN_FORMAT

META_SHEET = "meta"
META_COLUMNS = ("key", "value")
META_KEYS = (
    "format",
    "post",
    "post_code",
    "year",
    "postkit_version",
    "schema_version",
    "written_at",
    "sha256",
    "sheets",
)

CORE_TASKS = (1, 2, 3, 4, 5)
PERIODS = ("Q1", "Q2", "Q3", "Q4", "year")
NARRATIVE_SECTIONS = ("results", "obstacles", "plans")

CORE_TASKS_SHEET = "core_tasks"
CORE_TASKS_COLUMNS = (
    "core_task",
    "period",
    "activities_done",
    "activities_planned",
    "activities_cancelled",
    "unique_companies",
    "named_companies",
    "unnamed_companies",
    "participants_women",
    "participants_men",
    "participants_other",
)
THEMES_SHEET = "themes"
THEMES_COLUMNS = ("core_task", "theme", "activities")
SECTORS_SHEET = "sectors"
SECTORS_COLUMNS = ("core_task", "sector", "activities")
COUNTRIES_SHEET = "countries"
COUNTRIES_COLUMNS = ("country", "activities")
SCREENING_SHEET = "screening"
OUTCOME_COLUMNS = tuple(f"outcome_{outcome.value}" for outcome in Outcome)
SCREENING_COLUMNS = (
    "period",
    "requests_received",
    "requests_decided",
    *OUTCOME_COLUMNS,
    "conditions_agreed",
    "conditions_met",
    "conditions_not_met",
    "conditions_dropped",
    "conditions_open",
)
PRACTICES_SHEET = "practices"
PRACTICES_COLUMNS = ("title", "summary", "core_tasks", "themes", "language")
NARRATIVE_SHEET = "narrative"
NARRATIVE_COLUMNS = ("section", "text")

# The content sheets in the order they are written and hashed.
CONTENT_SHEETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (CORE_TASKS_SHEET, CORE_TASKS_COLUMNS),
    (THEMES_SHEET, THEMES_COLUMNS),
    (SECTORS_SHEET, SECTORS_COLUMNS),
    (COUNTRIES_SHEET, COUNTRIES_COLUMNS),
    (SCREENING_SHEET, SCREENING_COLUMNS),
    (PRACTICES_SHEET, PRACTICES_COLUMNS),
    (NARRATIVE_SHEET, NARRATIVE_COLUMNS),
)
SHEET_NAMES = tuple(name for name, _columns in CONTENT_SHEETS)

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000  # per sheet; a return has a few hundred at most
MAX_TEXT = 20_000  # characters in one cell (a narrative section is a few paragraphs)
# The widest sheet has 12 columns; cells past its header are not read, but a reader fills in
# the area up to them: a cell at ALK20001 made calamine give 20 million cells (1.1 s and
# 810 MB for one return). 64 columns bound a sheet to 1.3 million.
MAX_COLUMNS = 64
# A return holds values only; a formula would be one thing on the post's screen and another
# in headquarters' reader (which sees the cached value, or nothing). The package check looks
# for formulas in the worksheets it unpacks anyway.
_LIMITS = XlsxLimits(
    max_members=60,
    max_unpacked_bytes=50 * 1024 * 1024,
    max_rows=MAX_ROWS + 1,
    max_columns=MAX_COLUMNS,
    formulas=False,
)
_CODE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_EXACT = 10**15  # whole numbers below it are kept as they are (surveys.export.canonical_number)


class ReturnRejected(PostkitError):
    """A file is not a sound annual return; `reason` says why in one sentence."""

    def __init__(self, path: Path, reason: str, post: str = "", year: int | None = None) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        # The post and year named in the meta sheet, when it could be read: headquarters
        # records them with the refusal, and its receipt to that post says why.
        self.post = post
        self.year = year


# Writing


def return_file_name(post: str, year: int) -> str:
    """The name a post's return of `year` is offered under: `annual-return-<post>-<year>.xlsx`."""
    return f"annual-return-{post_slug(post)}-{year}.xlsx"


@dataclass(frozen=True)
class ReturnContent:
    """What a return file holds: the meta facts and the rows of each content sheet."""

    post: str
    post_code: str
    year: int
    schema_version: str
    sheets: Mapping[str, Sequence[Sequence[object]]]
    written_at: datetime = field(default_factory=utc_now)
    postkit_version: str = __version__

    def digest(self) -> str:
        return content_digest(self.sheets)


def content_digest(sheets: Mapping[str, Sequence[Sequence[object]]]) -> str:
    """The meta sheet's sha256 of the content sheets' rows (missing sheets have none)."""
    return _digest(
        {name: _canonical_rows(sheets.get(name, ()), columns) for name, columns in CONTENT_SHEETS}
    )


def _digest(canonical: Mapping[str, list[list[object]]]) -> str:
    """content_digest of rows canonical already (as wide as their header, no blank rows)."""
    payload = [[name, list(columns), canonical[name]] for name, columns in CONTENT_SHEETS]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_digest(tables: Mapping[str, list[list[object]]]) -> str:
    """_digest of checked tables, encoded with orjson (a fifth of the time of json.dumps).

    The same text: the checks leave only whole numbers below 10**9, text and None in the
    tables, which orjson writes as json.dumps(ensure_ascii=False, separators=(",", ":"))
    does (every character but lone surrogates, which no workbook's text holds, was
    compared). The writer keeps json.dumps: its cells are not checked this way.
    """
    payload = [[name, list(columns), tables[name]] for name, columns in CONTENT_SHEETS]
    try:
        text = orjson.dumps(payload)
    except TypeError:  # a value orjson does not take: json.dumps decides, as the writer did
        return _digest(tables)
    return hashlib.sha256(text).hexdigest()


def _canonical_rows(rows: Sequence[Sequence[object]], columns: Sequence[str]) -> list[list[object]]:
    width = len(columns)
    canonical = []
    for row in rows:
        cells = [canonical_value(value) for value in list(row)[:width]]
        cells.extend([None] * (width - len(cells)))
        if any(cell is not None for cell in cells):
            canonical.append(cells)
    return canonical


def write_return_file(path: str | os.PathLike[str], content: ReturnContent) -> str:
    """Write `content` as a return workbook (atomically); return the file's SHA-256."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from postkit.core.spreadsheet_safety import xlsx_text_cell

    unknown = set(content.sheets) - set(SHEET_NAMES)
    if unknown:
        raise ValueError(f"not sheets of a return: {', '.join(sorted(unknown))}")
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)

    def header(sheet: object, names: Sequence[str]) -> list[object]:
        cells = []
        for name in names:
            cell = WriteOnlyCell(sheet, name)  # type: ignore[arg-type]
            cell.font = bold
            cells.append(cell)
        return cells

    def cell(sheet: object, value: object) -> object:
        # Text that looks like a formula is written as text: a return holds no formulas.
        return xlsx_text_cell(sheet, value) if isinstance(value, str) else value

    for name, columns in CONTENT_SHEETS:
        sheet = workbook.create_sheet(name)
        sheet.freeze_panes = "A2"
        sheet.append(header(sheet, columns))
        for row in content.sheets.get(name, ()):
            sheet.append([cell(sheet, value) for value in row])
    meta = workbook.create_sheet(META_SHEET)
    meta.column_dimensions["A"].width = 16
    meta.column_dimensions["B"].width = 66
    meta.append(header(meta, META_COLUMNS))
    values: dict[str, object] = {
        "format": FORMAT,
        "post": content.post,
        "post_code": content.post_code,
        "year": content.year,
        "postkit_version": content.postkit_version,
        "schema_version": content.schema_version,
        "written_at": iso_utc(content.written_at),
        "sha256": content.digest(),
        "sheets": " ".join(SHEET_NAMES),
    }
    for key in META_KEYS:
        meta.append([key, cell(meta, values[key])])
    with atomic_output(Path(path)) as temp:
        workbook.save(temp)
        return hashlib.sha256(temp.read_bytes()).hexdigest()


# Reading


def read_return(path: str | os.PathLike[str]) -> AnnualReturn:
    """Open, check and read one annual return; raise ReturnRejected saying why not.

    The file is hostile until checked: bounded size, a plain .xlsx package
    (`core.untrusted`), cells read with python-calamine (no formula is evaluated), then the
    format, the sheets and their columns, every cell's type, and the content's SHA-256.
    """
    return _annual_return(read_return_tables(path))


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReturnRejected(
                path,
                f"the file is {size / 1024 / 1024:.1f} MB, over the "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB a return may be",
            )
        return path.read_bytes()
    except OSError as error:
        raise ReturnRejected(path, f"cannot read the file: {error.strerror or error}") from error


def _sheets(path: Path, data: bytes) -> tuple[dict[str, object], dict[str, list[list[object]]]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            names = workbook.sheet_names
            if META_SHEET not in names:
                raise ReturnRejected(path, "not a postkit annual return: no meta sheet")
            meta = _meta(path, workbook.get_sheet_by_name(META_SHEET).to_python())
            _check_meta(path, meta)
            missing = [name for name in SHEET_NAMES if name not in names]
            if missing:
                raise ReturnRejected(path, f"no sheet {', '.join(missing)}")
            tables = {
                name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                for name in SHEET_NAMES
            }
            return meta, tables
        finally:
            workbook.close()
    except (CalamineError, *CALAMINE_CELL_ERRORS) as error:
        raise ReturnRejected(
            path, f"the workbook cannot be read ({cell_error_reason(error)})"
        ) from error


def _plain(value: object) -> object:
    """A cell as canonical_value gives it; a kind of cell a return never holds (a time of
    day, a duration) gives its text, which no check of a number accepts."""
    # The cells of a return are text and whole numbers: those without a call (headquarters
    # reads 150 returns at a time), the same values canonical_value gives.
    kind = type(value)
    if kind is str:
        if "\r" not in value:  # type: ignore[operator]
            return value or None
    elif kind is float:
        # calamine gives every number as a float; a whole one below 10**15 is what
        # canonical_number makes of it.
        if value.is_integer() and -_EXACT < value < _EXACT:  # type: ignore[attr-defined,operator]
            return int(value)  # type: ignore[call-overload]
    elif value is None:
        return None
    try:
        return canonical_value(value)
    except TypeError:
        return str(value)


def _meta(path: Path, rows: list[list[object]]) -> dict[str, object]:
    if not rows or [_plain(cell) for cell in rows[0][:2]] != list(META_COLUMNS):
        raise ReturnRejected(path, "not a postkit annual return: the meta sheet has no key/value")
    meta: dict[str, object] = {}
    for row in rows[1 : MAX_ROWS + 1]:
        if len(row) >= 2 and isinstance(row[0], str) and row[0]:
            meta[row[0]] = _plain(row[1])
    return meta


def _check_meta(path: Path, meta: dict[str, object]) -> None:
    if meta.get("format") != FORMAT:
        raise ReturnRejected(
            path,
            f"not a postkit annual return (format {meta.get('format') or 'missing'}, "
            f"expected {FORMAT})",
        )
    for key in ("post", "postkit_version", "schema_version", "written_at"):
        if not isinstance(meta.get(key), str):
            raise ReturnRejected(path, f"the meta sheet has no {key}")
    if meta.get("post_code") is not None and not isinstance(meta.get("post_code"), str):
        raise ReturnRejected(path, "the meta sheet's post_code is not text")
    year = meta.get("year")
    if type(year) is not int or not 1900 <= year <= 2999:
        raise ReturnRejected(path, f"the meta sheet's year is not a year ({year})")
    sha = meta.get("sha256")
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        raise ReturnRejected(path, "the meta sheet has no sha256 (64 lower-case hex digits)")
    if meta.get("sheets") != " ".join(SHEET_NAMES):
        raise ReturnRejected(
            path,
            f"the meta sheet lists the sheets {meta.get('sheets') or '(none)'}; "
            f"a {FORMAT} return has {' '.join(SHEET_NAMES)}",
        )


# Cell checks: whether a non-empty canonical value fits, and how to say what fits.
_Check = tuple[Callable[[object], bool], str]


def _count(value: object) -> bool:
    return type(value) is int and 0 <= value < 10**9


def _code(value: object) -> bool:
    return isinstance(value, str) and _CODE.fullmatch(value) is not None


def _text(value: object) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _codes(value: object) -> bool:
    return isinstance(value, str) and all(_code(code) for code in value.split())


_TASK_TEXTS = frozenset(str(task) for task in CORE_TASKS)


def _tasks(value: object) -> bool:
    if type(value) is int:
        return value in CORE_TASKS
    return isinstance(value, str) and all(part in _TASK_TEXTS for part in value.split())


COUNT: _Check = (_count, "a whole number of 0 or more")
TASK: _Check = (lambda v: v in CORE_TASKS, "a core task (1-5)")
PERIOD: _Check = (lambda v: v in PERIODS, "one of Q1, Q2, Q3, Q4, year")
CODE: _Check = (_code, "a code of a reference list")
TEXT: _Check = (_text, f"text of at most {MAX_TEXT} characters")
CODES: _Check = (_codes, "codes separated by spaces")
TASKS: _Check = (_tasks, "core tasks (1-5) separated by spaces")
SECTION: _Check = (lambda v: v in NARRATIVE_SECTIONS, "results, obstacles or plans")

_RULES: dict[str, tuple[_Check, ...]] = {
    CORE_TASKS_SHEET: (TASK, PERIOD, *[COUNT] * (len(CORE_TASKS_COLUMNS) - 2)),
    THEMES_SHEET: (TASK, CODE, COUNT),
    SECTORS_SHEET: (TASK, CODE, COUNT),
    COUNTRIES_SHEET: (CODE, COUNT),
    SCREENING_SHEET: (PERIOD, *[COUNT] * (len(SCREENING_COLUMNS) - 1)),
    PRACTICES_SHEET: (TEXT, TEXT, TASKS, CODES, CODE),
    NARRATIVE_SHEET: (SECTION, TEXT),
}
# Cells that may be left empty; every other cell must hold a value.
_OPTIONAL = {
    PRACTICES_SHEET: {"summary", "themes", "core_tasks"},
    NARRATIVE_SHEET: {"text"},
}


def _table(path: Path, name: str, cells: list[list[object]]) -> list[list[object]]:
    columns = dict(CONTENT_SHEETS)[name]
    if not cells:
        raise ReturnRejected(path, f"the {name} sheet is empty (no header row)")
    header = [_plain(cell) for cell in cells[0]]
    while header and header[-1] is None:
        header.pop()
    if tuple(header) != columns:
        raise ReturnRejected(
            path,
            f"the {name} sheet has the columns {', '.join(str(h) for h in header) or '(none)'}; "
            f"expected {', '.join(columns)}",
        )
    if len(cells) - 1 > MAX_ROWS:
        raise ReturnRejected(path, f"the {name} sheet has more than {MAX_ROWS} rows")
    fast = _fast_rows(name, cells, len(columns))
    if fast is not None:
        return fast
    rules = _RULES[name]
    optional = _OPTIONAL.get(name, set())
    rows = []
    for number, raw in enumerate(cells[1:], 2):
        row = [_plain(value) for value in list(raw)[: len(columns)]]
        row.extend([None] * (len(columns) - len(row)))
        if all(cell is None for cell in row):
            continue
        for column, value, (check, wanted) in zip(columns, row, rules, strict=True):
            if value is None:
                if column in optional:
                    continue
                raise ReturnRejected(path, f"{name} sheet, row {number}, {column}: empty")
            if not check(value):
                raise ReturnRejected(
                    path,
                    f"{name} sheet, row {number}, {column}: {str(value)[:40]!r} is not {wanted}",
                )
        rows.append(row)
    return rows


# Whole columns checked at once, with built-ins over the column (headquarters reads 150
# returns at a time, and a call per cell was most of the reading). Each takes calamine's cells
# of one column and gives what _plain gives them when every cell passes its check, else None:
# then _table checks cell by cell, which finds the first wrong cell and says what is wrong.
_FastColumn = Callable[[tuple[object, ...]], "list[object] | None"]
_FLOATS = {float}


def _fast_counts(values: tuple[object, ...]) -> list[object] | None:
    if (
        set(map(type, values)) == _FLOATS
        and min(values) >= 0  # type: ignore[type-var]
        and max(values) < 10**9  # type: ignore[type-var]
        and all(map(float.is_integer, values))  # type: ignore[arg-type]
    ):
        return list(map(int, values))  # type: ignore[arg-type]
    return None


def _fast_one_of(allowed: Sequence[object]) -> _FastColumn:
    # calamine gives numbers as floats; a whole one is compared as its int (1.0 == 1).
    def column(values: tuple[object, ...]) -> list[object] | None:
        kinds = int if isinstance(allowed[0], int) else str
        if all(type(value) is (float if kinds is int else str) for value in values) and set(
            values
        ) <= set(allowed):
            return list(map(kinds, values))  # type: ignore[arg-type]
        return None

    return column


def _fast_codes(values: tuple[object, ...]) -> list[object] | None:
    if all(type(value) is str for value in values) and all(map(_CODE.fullmatch, values)):  # type: ignore[arg-type]
        return list(values)
    return None


def _fast_texts(values: tuple[object, ...]) -> list[object] | None:
    if (
        all(type(value) is str and value and "\r" not in value for value in values)  # type: ignore[operator]
        and max(map(len, values), default=0) <= MAX_TEXT  # type: ignore[arg-type]
    ):
        return list(values)
    return None


_FAST: dict[_Check, _FastColumn] = {
    COUNT: _fast_counts,
    TASK: _fast_one_of(CORE_TASKS),
    PERIOD: _fast_one_of(PERIODS),
    SECTION: _fast_one_of(NARRATIVE_SECTIONS),
    CODE: _fast_codes,
    TEXT: _fast_texts,
}


def _fast_rows(name: str, cells: list[list[object]], width: int) -> list[list[object]] | None:
    """The sheet's rows as _table gives them when every cell is filled and fits (else None);
    optional columns and lists of codes are left to the cell by cell check."""
    body = cells[1:]
    if not body:
        return []
    if min(map(len, body)) < width:
        return None
    checked = []
    for values, rule in zip(zip(*body, strict=False), _RULES[name], strict=False):
        fast = _FAST.get(rule)
        column = fast(values) if fast is not None else None
        if column is None:
            return None
        checked.append(column)
    return [list(row) for row in zip(*checked, strict=True)]


@dataclass(frozen=True)
class ReturnTables:
    """A return read and checked, as its sheets' rows: what `read_return` builds its records
    from, and what headquarters stores without building them (150 returns at a time).

    `tables` hold each content sheet's rows as canonical values (whole numbers, text, None),
    core_tasks and screening in the order of CORE_TASKS and PERIODS.
    """

    path: Path
    file_sha256: str
    meta: Mapping[str, object]
    tables: Mapping[str, list[list[object]]]


def read_return_tables(path: str | os.PathLike[str]) -> ReturnTables:
    """`read_return`'s reading and every one of its checks, without building the records."""
    read = read_returns_tables([path])[0]
    if isinstance(read, ReturnRejected):
        raise read
    return read


def read_returns_tables(
    paths: Sequence[str | os.PathLike[str]],
) -> list[ReturnTables | ReturnRejected]:
    """`read_return_tables` of each file, in order: its tables, or why it was refused.

    Stage by stage: every file is read, then every one checked as a package, then every
    one's cells read and its tables checked, each stage over the files the stages before
    passed. Headquarters reads returns in batches this way: a stage's code and data stay in
    the processor's caches from one file to the next, where going through each file's stages
    in turn evicted them (150 returns read in batches of 8: 149 -> 135 ms, best of 9). A
    file's cells are read and checked in one stage, so one file's cells are held at a time
    (a sheet may span a million cells); the tables they give are small.
    """
    refused: dict[int, ReturnRejected] = {}
    read = _each(_read_file, dict(enumerate(map(Path, paths))), refused)
    checked = _each(_checked_package, read, refused)
    tables = _each(_return_tables, checked, refused)
    return [tables[index] if index in tables else refused[index] for index in range(len(paths))]


_Item = TypeVar("_Item")
_Done = TypeVar("_Done")


def _each(
    step: Callable[[_Item], _Done], items: dict[int, _Item], refused: dict[int, ReturnRejected]
) -> dict[int, _Done]:
    """`step` of each item by its index, the items it refuses set apart in `refused`."""
    done: dict[int, _Done] = {}
    for index, item in items.items():
        try:
            done[index] = step(item)
        except ReturnRejected as error:
            refused[index] = error
    return done


def _read_file(path: Path) -> tuple[Path, bytes]:
    return path, _read_bytes(path)


def _checked_package(read: tuple[Path, bytes]) -> tuple[Path, bytes]:
    path, data = read
    try:
        check_xlsx_package(data, _LIMITS)
    except XlsxFormulas as error:
        raise ReturnRejected(path, "a sheet holds formulas; a return holds values only") from error
    except UntrustedFileError as error:
        raise ReturnRejected(path, error.reason) from error
    return read


def _return_tables(read: tuple[Path, bytes]) -> ReturnTables:
    path, data = read
    meta, cells = _sheets(path, data)
    try:
        tables = _checked_tables(path, meta, cells)
    except ReturnRejected as error:
        error.post = meta["post"] if isinstance(meta.get("post"), str) else ""  # type: ignore[assignment]
        error.year = meta["year"]  # type: ignore[assignment]  (checked by _check_meta)
        raise
    return ReturnTables(path, hashlib.sha256(data).hexdigest(), meta, tables)


def _checked_tables(
    path: Path, meta: Mapping[str, object], cells: dict[str, list[list[object]]]
) -> dict[str, list[list[object]]]:
    tables = {name: _table(path, name, cells[name]) for name in SHEET_NAMES}
    if _read_digest(tables) != meta["sha256"]:
        raise ReturnRejected(
            path,
            "the checksum does not match: the content differs from the SHA-256 in the meta "
            "sheet (the file was damaged or edited after it was written)",
        )
    tables[CORE_TASKS_SHEET] = _core_tasks(path, tables[CORE_TASKS_SHEET])
    tables[SCREENING_SHEET] = _screening(path, tables[SCREENING_SHEET])
    _once(path, tables[NARRATIVE_SHEET], 1, "the narrative sheet has {} twice")
    _once(path, tables[THEMES_SHEET], 2, "the themes sheet has core task {} {} twice")
    _once(path, tables[SECTORS_SHEET], 2, "the sectors sheet has core task {} {} twice")
    _once(path, tables[COUNTRIES_SHEET], 1, "the countries sheet has {} twice")
    return tables


def _once(path: Path, rows: list[list[object]], width: int, twice: str) -> None:
    """Refuse the first row whose first `width` cells an earlier row has too."""
    seen: set[tuple[object, ...]] = set()
    for row in rows:
        key = tuple(row[:width])
        if key in seen:
            raise ReturnRejected(path, twice.format(*key))
        seen.add(key)


def _annual_return(read: ReturnTables) -> AnnualReturn:
    meta, tables = read.meta, read.tables
    return AnnualReturn(
        path=read.path,
        file_sha256=read.file_sha256,
        sha256=str(meta["sha256"]),
        post=str(meta["post"]),
        post_code=str(meta.get("post_code") or ""),
        year=int(meta["year"]),  # type: ignore[call-overload]
        postkit_version=str(meta["postkit_version"]),
        schema_version=str(meta["schema_version"]),
        written_at=str(meta["written_at"]),
        core_tasks=tuple(CoreTaskFigures(*row) for row in tables[CORE_TASKS_SHEET]),  # type: ignore[arg-type]
        themes=_pairs(tables[THEMES_SHEET]),
        sectors=_pairs(tables[SECTORS_SHEET]),
        countries=tuple(
            CodeCount(str(code), int(activities))  # type: ignore[call-overload]
            for code, activities in tables[COUNTRIES_SHEET]
        ),
        screening=tuple(
            ScreeningFigures(
                str(row[0]),
                row[1],  # type: ignore[arg-type]
                row[2],  # type: ignore[arg-type]
                dict(zip(_OUTCOMES, row[3 : 3 + len(_OUTCOMES)], strict=True)),  # type: ignore[arg-type]
                *row[3 + len(_OUTCOMES) :],  # type: ignore[arg-type]
            )
            for row in tables[SCREENING_SHEET]
        ),
        practices=tuple(
            PracticeEntry(
                title=str(title),
                summary=str(summary or ""),
                core_tasks=practice_tasks(tasks),
                themes=tuple(str(themes or "").split()),
                language=str(language),
            )
            for title, summary, tasks, themes, language in tables[PRACTICES_SHEET]
        ),
        narrative={str(section): str(text or "") for section, text in tables[NARRATIVE_SHEET]},
    )


def practice_tasks(cell: object) -> tuple[int, ...]:
    """The core tasks of a practices row's checked core_tasks cell."""
    return tuple(int(task) for task in str(cell or "").split())


_OUTCOMES = tuple(outcome.value for outcome in Outcome)


def _core_tasks(path: Path, rows: list[list[object]]) -> list[list[object]]:
    """The rows in the order of CORE_TASKS and PERIODS, one for each, each year's additive
    figures the sum of its quarters'."""
    by_key: dict[tuple[object, object], list[object]] = {}
    for row in rows:
        key = (row[0], row[1])
        if key in by_key:
            raise ReturnRejected(
                path, f"the core_tasks sheet has core task {key[0]} {key[1]} twice"
            )
        by_key[key] = row
    missing = [f"{t} {p}" for t in CORE_TASKS for p in PERIODS if (t, p) not in by_key]
    if missing:
        raise ReturnRejected(
            path, f"the core_tasks sheet has no row for core task {', '.join(missing[:3])}"
        )
    ordered = [by_key[(t, p)] for t in CORE_TASKS for p in PERIODS]
    for task in CORE_TASKS:
        year = by_key[(task, "year")]
        q1, q2, q3, q4 = (by_key[(task, period)] for period in PERIODS[:4])
        for index, column in _ADDITIVE:
            quarters = q1[index] + q2[index] + q3[index] + q4[index]  # type: ignore[operator]
            if year[index] != quarters:
                raise ReturnRejected(
                    path,
                    f"core task {task}: the year's {column} ({year[index]}) is not "
                    f"the sum of the quarters' ({quarters})",
                )
    return ordered


# The core_tasks columns whose year is the sum of its quarters (unique companies are not).
_ADDITIVE = tuple(
    (index, column)
    for index, column in enumerate(CORE_TASKS_COLUMNS)
    if index >= 2 and "companies" not in column
)


def _screening(path: Path, rows: list[list[object]]) -> list[list[object]]:
    """The rows in the order of PERIODS, one for each."""
    periods: dict[object, list[object]] = {}
    for row in rows:
        if row[0] in periods:
            raise ReturnRejected(path, f"the screening sheet has {row[0]} twice")
        periods[row[0]] = row
    missing = [period for period in PERIODS if period not in periods]
    if missing:
        raise ReturnRejected(path, f"the screening sheet has no row for {', '.join(missing)}")
    return [periods[period] for period in PERIODS]


def _pairs(rows: list[list[object]]) -> tuple[CodeCount, ...]:
    return tuple(
        CodeCount(str(code), int(activities), int(task))  # type: ignore[call-overload]
        for task, code, activities in rows
    )
