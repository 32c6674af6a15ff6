"""Exporting the activity log to an Excel workbook, streamed so 100,000 rows stay cheap."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import ColumnElement, Connection, DateTime, Row, Select, select, type_coerce
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.columns import EXPORT_COLUMNS, ActivityColumn, Kind
from postkit.core.activities.listing import apply_filter, count_activities
from postkit.core.activities.models import Activity
from postkit.core.activities.records import ActivityFilter
from postkit.core.files import atomic_output
from postkit.core.spreadsheet_safety import xlsx_text_cell

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

SHEET_TITLE = "activities"
BATCH_SIZE = 2000


# The export's columns, in order (declared with the list's and the report's in columns.py).
COLUMNS = EXPORT_COLUMNS


def export_activities_xlsx(
    session: Session,
    path: str | os.PathLike[str],
    flt: ActivityFilter = ActivityFilter(),  # noqa: B008  (frozen, so sharing is safe)
    language: str = "en",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the activities matching `flt` to `path` in list order; returns the rows written.

    `progress(done, total)` is called after every batch and may raise CancelledError. The
    workbook goes to a temporary file beside `path` that replaces it only when complete.
    """
    with atomic_output(Path(path)) as temp:
        total = count_activities(session, flt) if progress else 0
        return _write_workbook(session, temp, flt, language, total, progress)


def _write_workbook(
    session: Session,
    path: Path,
    flt: ActivityFilter,
    language: str,
    total: int,
    progress: Callable[[int, int], None] | None,
) -> int:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for index, column in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, column.header(language))
        cell.font = bold
        header.append(cell)
    written = 0
    try:
        sheet.append(header)
        for batch in row_batches(session, flt, language, sheet):
            for row in batch:
                sheet.append(row)
                written += 1
            if progress:
                progress(written, max(total, written))
    except BaseException:
        _discard(sheet)
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{written + 1}"
    workbook.save(path)
    return written


def _discard(sheet: WriteOnlyWorksheet) -> None:
    """Delete the rows openpyxl streamed to its own temp file, which it keeps until exit."""
    if sheet._writer is None:
        return
    sheet.close()
    sheet._writer.cleanup()


def _selected(column: ActivityColumn) -> tuple[ColumnElement[Any], ...]:
    # Times read as stored (naive UTC): Excel has no time zones.
    if column.kind is Kind.DATETIME:
        return tuple(type_coerce(expression, DateTime()) for expression in column.sql)
    return column.sql


_QUERY = select(Activity.id, *[e for column in COLUMNS for e in _selected(column)])
_CHILDREN = tuple(
    dict.fromkeys(column.children for column in COLUMNS if column.children is not None)
)


def row_batches(
    session: Session,
    flt: ActivityFilter,
    language: str,
    sheet: WriteOnlyWorksheet,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Iterator[list[object]]]:
    """The export rows in list order, in batches of at most `batch_size`.

    Each batch makes its rows as they are consumed, so they die young and the garbage collector
    never walks thousands of them.
    """
    maker = _RowMaker(language, sheet)
    statement = apply_filter(_QUERY, session, flt).order_by(
        Activity.start_date.desc(), Activity.id.desc()
    )
    # Plain Core rows on the session's connection: no ORM row processing for 100,000 rows.
    connection = session.connection()
    result = connection.execution_options(yield_per=batch_size).execute(statement)
    for rows in result.partitions():
        ids = [row[0] for row in rows]
        children = [_grouped(connection, statement, ids) for statement in _CHILDREN]
        yield maker.rows(rows, children)


Cell = Callable[[Sequence[Any], list[dict[int, list[str]]]], object]


class _RowMaker:
    """Turns query rows into sheet rows: labels in the chosen language, text made safe."""

    def __init__(self, language: str, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.language = language
        # One function per column, made once: a row is then one pass over them.
        self.cells: list[Cell] = []
        position = 1  # after the id
        for column in COLUMNS:
            self.cells.append(self._cell(column, position))
            position += len(_selected(column))

    def text(self, value: str | None) -> object:
        """Text as a string cell that no spreadsheet takes for a formula; None when empty."""
        if not value:
            return None
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return xlsx_text_cell(self.sheet, value)

    def _cell(self, column: ActivityColumn, at: int) -> Cell:
        text, kind = self.text, column.kind
        if kind in (Kind.CODES, Kind.LINKS, Kind.NAMES):
            child = _CHILDREN.index(column.children)
            if kind is Kind.LINKS:
                return lambda row, children: text(" ".join(children[child].get(row[0], ())))
            if kind is Kind.NAMES:
                return lambda row, children: text("; ".join(children[child].get(row[0], ())))
            names = _labels(column.reference, self.language)
            return lambda row, children: text(
                "; ".join([names.get(code, code) for code in children[child].get(row[0], ())])
            )
        if kind is Kind.CODE:
            names = _labels(column.reference, self.language)
            return lambda row, _children: names.get(row[at]) or text(row[at])
        if kind is Kind.TEXT:
            return lambda row, _children: text(row[at])
        if kind is Kind.DATETIME:
            # To the nearest second: a cell keeps a time as a fraction of a day, and readers
            # round or cut its last digits differently, so an export imported and exported
            # again would differ in the milliseconds.
            return lambda row, _children: _to_second(row[at])
        return lambda row, _children: row[at]  # numbers and dates as they are

    def rows(
        self, rows: Sequence[Row[Any]], children: list[dict[int, list[str]]]
    ) -> Iterator[list[object]]:
        cells = self.cells
        for row in rows:
            yield [cell(row, children) for cell in cells]


def _to_second(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return (moment + timedelta(microseconds=500_000)).replace(microsecond=0)


def _labels(list_name: str | None, language: str) -> dict[Any, str]:
    items = getattr(reference, list_name or "")()
    codes = {item.code: item.label(language) for item in items.items}
    # Core tasks are stored as numbers.
    return codes | {int(code): label for code, label in codes.items() if code.isdigit()}


def _grouped(
    connection: Connection, statement: Select[tuple[int, str]], ids: Sequence[int]
) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for activity_id, value in connection.execute(statement, {"ids": ids}).all():
        grouped[activity_id].append(value)
    return grouped
