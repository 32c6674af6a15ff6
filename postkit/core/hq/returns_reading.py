"""Reading a post's annual return (`postkit-annual-return/1`) for headquarters.

STOP-GAP ADAPTER, to switch at merge: the post side (returns17) writes
postkit/core/returns/format.py with `read_return(path)`, the one reader both sides should use.
Until it is merged, headquarters reads returns here, written to the format in
/work/wt/DESIGN17.md. At merge, make `read_return_file` call `read_return` and convert its
`AnnualReturn` into `ReturnFile` (or use `AnnualReturn` directly in network.py); nothing else in
core/hq reads a return file.

A return comes from outside, so it is checked as a survey export is: a bounded plain .xlsx
package (core/untrusted.py), the format, every sheet and column, numbers where numbers belong,
and the meta sheet's sha256 over the content as read. Any failure raises ReturnRefused with the
reason in one sentence.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from postkit.core.errors import PostkitError
from postkit.core.surveys.export import canonical_number, canonical_value
from postkit.core.untrusted import UntrustedFileError, XlsxLimits, check_xlsx_package

FORMAT = "postkit-annual-return/1"
PERIODS = ("Q1", "Q2", "Q3", "Q4", "year")
CORE_TASKS = (1, 2, 3, 4, 5)
TASK_FIGURES = (
    "activities_done", "activities_planned", "activities_cancelled", "unique_companies",
    "named_companies", "unnamed_companies", "participants_women", "participants_men",
    "participants_other",
)  # fmt: skip
SCREENING_OUTCOMES = ("support", "support_with_conditions", "decline", "refer_to_hq")
SCREENING_FIGURES = (
    "requests_received", "requests_decided",
    *(f"outcome_{code}" for code in SCREENING_OUTCOMES),
    "conditions_agreed", "conditions_met", "conditions_not_met", "conditions_dropped",
    "conditions_open",
)  # fmt: skip
SHEETS: dict[str, tuple[str, ...]] = {
    "core_tasks": ("core_task", "period", *TASK_FIGURES),
    "themes": ("core_task", "theme", "activities"),
    "sectors": ("core_task", "sector", "activities"),
    "countries": ("country", "activities"),
    "screening": ("period", *SCREENING_FIGURES),
    "practices": ("title", "summary", "core_tasks", "themes", "language"),
    "narrative": ("section", "text"),
}
META_KEYS = (
    "format", "post", "post_code", "year", "postkit_version", "schema_version", "written_at",
    "sha256", "sheets",
)  # fmt: skip
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
_EXACT = 10**15  # integers kept as they are, as canonical_number has it
_LIMITS = XlsxLimits(max_rows=MAX_ROWS, max_columns=50)
_NUMBER_COLUMNS = frozenset(
    {"core_task", "activities", *TASK_FIGURES, *SCREENING_FIGURES}
)  # fmt: skip


class ReturnRefused(PostkitError):
    """A file headquarters does not count, and why (one sentence)."""

    def __init__(self, path: Path, reason: str, post: str = "", year: int | None = None) -> None:
        self.path, self.reason, self.post, self.year = path, reason, post, year
        super().__init__(f"{path.name}: {reason}")


@dataclass(frozen=True)
class TaskFigures:
    """One row of the core_tasks sheet."""

    core_task: int
    period: str
    activities_done: int
    activities_planned: int
    activities_cancelled: int
    unique_companies: int
    named_companies: int
    unnamed_companies: int
    participants_women: int
    participants_men: int
    participants_other: int


@dataclass(frozen=True)
class ReturnFile:
    """An annual return as read and checked; codes as the reference lists have them."""

    path: Path
    post: str
    post_code: str
    year: int
    postkit_version: str
    schema_version: str
    written_at: str
    sha256: str
    tasks: tuple[TaskFigures, ...]
    themes: tuple[tuple[int, str, int], ...]  # core task, theme, activities
    sectors: tuple[tuple[int, str, int], ...]
    countries: tuple[tuple[str, int], ...]
    screening: dict[str, dict[str, int]]  # period -> figure -> number
    practices: tuple[dict[str, str], ...]
    narrative: dict[str, str]  # section -> text


def read_return_file(path: str | os.PathLike[str]) -> ReturnFile:
    """The return in `path`, checked; ReturnRefused naming what is wrong."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        check_xlsx_package(data, _LIMITS)
    except UntrustedFileError as error:
        raise ReturnRefused(path, error.reason) from error
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (CalamineError, ValueError) as error:
        raise ReturnRefused(path, f"not a readable .xlsx workbook ({error})") from error
    try:
        names = list(workbook.sheet_names)
        if "meta" not in names:
            raise ReturnRefused(path, "not a postkit annual return: no meta sheet")
        meta = _meta(path, workbook.get_sheet_by_name("meta").to_python())
        post, year = str(meta.get("post") or ""), meta.get("year")
        try:
            return _content(path, workbook, names, meta)
        except ReturnRefused as refused:
            refused.post = post
            refused.year = year if isinstance(year, int) else None
            raise
    except CalamineError as error:
        raise ReturnRefused(path, f"a sheet cannot be read ({error})") from error
    finally:
        workbook.close()


def return_digest(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]]) -> str:
    """The meta sheet's sha256 over content sheets as (name, header, rows), as DESIGN17 defines."""
    payload = [
        [name, [canonical_value(cell) for cell in header],
         [[canonical_value(cell) for cell in row] for row in rows]]
        for name, header, rows in sheets
    ]  # fmt: skip
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReturnRefused(
                path, f"the file is {size / 2**20:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB "
                "a return may be",
            )  # fmt: skip
        return path.read_bytes()
    except OSError as error:
        raise ReturnRefused(path, f"cannot read the file: {error.strerror or error}") from error


def _meta(path: Path, rows: list[list[object]]) -> dict[str, object]:
    if not rows or [canonical_value(_cell(c)) for c in rows[0][:2]] != ["key", "value"]:
        raise ReturnRefused(path, "not a postkit annual return: the meta sheet has no key/value")
    meta: dict[str, object] = {}
    for row in rows[1:]:
        if len(row) >= 2 and isinstance(row[0], str) and row[0]:
            meta[row[0]] = _number_or_text(row[1])
    if meta.get("format") != FORMAT:
        raise ReturnRefused(
            path, f"not a postkit annual return (format {meta.get('format') or 'missing'}, "
            f"expected {FORMAT})",
        )  # fmt: skip
    missing = [key for key in META_KEYS if key not in meta]
    if missing:
        raise ReturnRefused(path, f"the meta sheet lacks {', '.join(missing)}")
    if not isinstance(meta["post"], str) or not meta["post"].strip():
        raise ReturnRefused(path, "the meta sheet names no post")
    year = meta["year"]
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ReturnRefused(path, f"the meta sheet's year {year!r} is not a year")
    return meta


def _content(
    path: Path, workbook: CalamineWorkbook, names: list[str], meta: dict[str, object]
) -> ReturnFile:
    listed = str(meta["sheets"] or "").split()
    if listed != list(SHEETS):
        raise ReturnRefused(
            path, f"the meta sheet lists the sheets {' '.join(listed) or '(none)'}, expected "
            f"{' '.join(SHEETS)}",
        )  # fmt: skip
    tables: dict[str, list[list[object]]] = {}
    for sheet, columns in SHEETS.items():
        if sheet not in names:
            raise ReturnRefused(path, f"the sheet {sheet} is missing")
        raw = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        rows = [[_cell(value) for value in row] for row in raw]
        rows = [row for row in rows if any(value is not None for value in row)]
        header = [str(value) for value in rows[0] if value is not None] if rows else []
        if header != list(columns):
            raise ReturnRefused(
                path,
                f"sheet {sheet}: the columns are {', '.join(header) or '(none)'}, "
                f"expected {', '.join(columns)}",
            )
        width = len(columns)
        numbers = [index for index, name in enumerate(columns) if name in _NUMBER_COLUMNS]
        body = []
        for number, row in enumerate(rows[1:], 2):
            cells = row[:width] if len(row) >= width else row + [None] * (width - len(row))
            for index in numbers:
                value = cells[index]
                if type(value) is not int or value < 0:
                    raise ReturnRefused(
                        path,
                        f"sheet {sheet}, row {number}, column {columns[index]}: {value!r} is "
                        "not a whole number of 0 or more",
                    )
            body.append(cells)
        tables[sheet] = body
    expected = str(meta["sha256"] or "").strip().lower()
    # The cells are canonical already (_cell), so only the hashing of return_digest is left.
    payload = [[sheet, list(SHEETS[sheet]), tables[sheet]] for sheet in SHEETS]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != expected:
        raise ReturnRefused(
            path, "the content does not match the meta sheet's sha256 (changed after writing)"
        )
    return ReturnFile(
        path=path,
        post=str(meta["post"]).strip(),
        post_code=str(meta["post_code"] or ""),
        year=int(meta["year"]),  # type: ignore[call-overload]
        postkit_version=str(meta["postkit_version"] or ""),
        schema_version=str(meta["schema_version"] or ""),
        written_at=str(meta["written_at"] or ""),
        sha256=expected,
        tasks=_tasks(path, tables["core_tasks"]),
        themes=_counts(path, "themes", tables["themes"]),
        sectors=_counts(path, "sectors", tables["sectors"]),
        countries=tuple((str(r[0] or ""), int(r[1])) for r in tables["countries"]),  # type: ignore[call-overload]
        screening={
            str(row[0]): dict(zip(SCREENING_FIGURES, row[1:], strict=True))  # type: ignore[misc]
            for row in tables["screening"]
        },
        practices=tuple(
            {name: str(value or "") for name, value in zip(SHEETS["practices"], row, strict=True)}
            for row in tables["practices"]
        ),
        narrative={str(row[0] or ""): str(row[1] or "") for row in tables["narrative"]},
    )


def _tasks(path: Path, rows: list[list[object]]) -> tuple[TaskFigures, ...]:
    tasks = {}
    for number, row in enumerate(rows, 2):
        task, period = row[0], row[1]
        if task not in CORE_TASKS or period not in PERIODS:
            raise ReturnRefused(
                path, f"sheet core_tasks, row {number}: core task {task!r} period {period!r} "
                "is not one of 1–5 and Q1–Q4/year",
            )  # fmt: skip
        if (task, period) in tasks:
            raise ReturnRefused(path, f"sheet core_tasks, row {number}: {task} {period} twice")
        tasks[(task, period)] = TaskFigures(task, period, *row[2:])  # type: ignore[arg-type]
    missing = [f"{t} {p}" for t in CORE_TASKS for p in PERIODS if (t, p) not in tasks]
    if missing:
        raise ReturnRefused(path, f"sheet core_tasks lacks the rows {', '.join(missing[:5])}")
    return tuple(tasks[(t, p)] for t in CORE_TASKS for p in PERIODS)


def _counts(path: Path, sheet: str, rows: list[list[object]]) -> tuple[tuple[int, str, int], ...]:
    counts = []
    for number, (task, code, activities) in enumerate(rows, 2):
        if task not in CORE_TASKS or not isinstance(code, str) or not code:
            raise ReturnRefused(path, f"sheet {sheet}, row {number}: no core task 1–5 and code")
        counts.append((int(task), code, int(activities)))  # type: ignore[call-overload]
    return tuple(counts)


def _cell(value: object) -> object:
    """A cell as return_digest's canonical_value gives it, the common kinds without a call."""
    kind = type(value)
    if kind is str:
        if "\r" in value:  # type: ignore[operator]
            value = value.replace("\r\n", "\n").replace("\r", "\n")  # type: ignore[attr-defined]
        return value or None
    if kind is float:
        # calamine gives every number as a float; a whole one under 10**15 is what
        # canonical_number makes of it, without its formatting.
        if value.is_integer() and -_EXACT < value < _EXACT:  # type: ignore[attr-defined,operator]
            return int(value)  # type: ignore[call-overload]
        return canonical_number(value)  # type: ignore[arg-type]
    if kind is int and -_EXACT < value < _EXACT:  # type: ignore[operator]
        return value
    return canonical_value(value)


def _number_or_text(value: object) -> object:
    return _cell(value)
