"""Exporting the activity log to an Excel workbook, streamed so 100,000 rows stay cheap."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import Connection, DateTime, Row, Select, Table, bindparam, select, type_coerce
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.listing import apply_filter, count_activities
from postkit.core.activities.models import (
    Activity,
    ActivityLink,
    ActivitySector,
    ActivityTheme,
)
from postkit.core.activities.records import ActivityFilter
from postkit.core.files import atomic_output
from postkit.core.spreadsheet_safety import xlsx_text_cell

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

SHEET_TITLE = "activities"
BATCH_SIZE = 2000


@dataclass(frozen=True)
class Column:
    en: str
    nl: str
    width: float

    def header(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


COLUMNS = (
    Column("uuid", "uuid", 38),
    Column("post", "post", 24),
    Column("core task", "kerntaak", 10),
    Column("core task label", "kerntaak (omschrijving)", 36),
    Column("title", "titel", 50),
    Column("description", "omschrijving", 50),
    Column("start date", "begindatum", 12),
    Column("end date", "einddatum", 12),
    Column("type", "soort", 22),
    Column("country", "land", 18),
    Column("sectors", "sectoren", 30),
    Column("themes", "thema's", 30),
    Column("partners", "partners", 30),
    Column("companies reached", "bereikte bedrijven", 12),
    Column("women", "vrouwen", 9),
    Column("men", "mannen", 9),
    Column("other/unknown", "anders/onbekend", 11),
    Column("participants total", "deelnemers totaal", 12),
    Column("outcome", "resultaat", 40),
    Column("follow-up", "vervolg", 30),
    Column("links", "links", 30),
    Column("created by", "aangemaakt door", 16),
    Column("created at", "aangemaakt op", 19),
    Column("updated by", "gewijzigd door", 16),
    Column("updated at", "gewijzigd op", 19),
)


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


_QUERY = select(
    Activity.id,
    Activity.uuid,
    Activity.post_name,
    Activity.core_task,
    Activity.title,
    Activity.description,
    Activity.start_date,
    Activity.end_date,
    Activity.activity_type,
    Activity.country,
    Activity.partners,
    Activity.companies_reached,
    Activity.participants_women,
    Activity.participants_men,
    Activity.participants_other,
    Activity.outcome,
    Activity.follow_up,
    Activity.created_by,
    # Read as stored (naive UTC): Excel has no time zones.
    type_coerce(Activity.created_at, DateTime()),
    Activity.updated_by,
    type_coerce(Activity.updated_at, DateTime()),
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
        sectors = _grouped(connection, _SECTOR_CODES, ids)
        themes = _grouped(connection, _THEME_CODES, ids)
        links = _grouped(connection, _LINK_URLS, ids)
        yield maker.rows(rows, sectors, themes, links)


class _RowMaker:
    """Turns query rows into sheet rows: labels in the chosen language, text made safe."""

    def __init__(self, language: str, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.task_labels = {
            int(item.code): item.label(language) for item in reference.core_tasks().items
        }
        self.type_labels = _labels(reference.activity_types(), language)
        self.country_labels = _labels(reference.countries(), language)
        self.sector_labels = _labels(reference.sectors(), language)
        self.theme_labels = _labels(reference.themes(), language)

    def text(self, value: str | None) -> object:
        """Text as a string cell that no spreadsheet takes for a formula; None when empty."""
        if not value:
            return None
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return xlsx_text_cell(self.sheet, value)

    def rows(
        self,
        rows: Sequence[Row[Any]],
        sectors: dict[int, list[str]],
        themes: dict[int, list[str]],
        links: dict[int, list[str]],
    ) -> Iterator[list[object]]:
        text = self.text
        task_labels, type_labels = self.task_labels, self.type_labels
        country_labels, sector_labels, theme_labels = (
            self.country_labels,
            self.sector_labels,
            self.theme_labels,
        )
        for (
            activity_id,
            activity_uuid,
            post_name,
            core_task,
            title,
            description,
            start_date,
            end_date,
            activity_type,
            country,
            partners,
            companies,
            women,
            men,
            other,
            outcome,
            follow_up,
            created_by,
            created_at,
            updated_by,
            updated_at,
        ) in rows:
            yield [
                text(activity_uuid),
                text(post_name),
                core_task,
                task_labels.get(core_task),
                text(title),
                text(description),
                start_date,
                end_date,
                type_labels.get(activity_type) or text(activity_type),
                country_labels.get(country) or text(country),
                text("; ".join([sector_labels.get(c, c) for c in sectors.get(activity_id, ())])),
                text("; ".join([theme_labels.get(c, c) for c in themes.get(activity_id, ())])),
                text(partners),
                companies,
                women,
                men,
                other,
                women + men + other,
                text(outcome),
                text(follow_up),
                text(" ".join(links.get(activity_id, ()))),
                text(created_by),
                created_at,
                text(updated_by),
                updated_at,
            ]


def _labels(items: reference.ReferenceList, language: str) -> dict[str, str]:
    return {item.code: item.label(language) for item in items.items}


def _by_activity(table: Table, column: str, order: str) -> Select[tuple[int, str]]:
    """Statement for one column of a child table for a batch of activity ids (`ids`)."""
    return (
        select(table.c.activity_id, table.c[column])
        .where(table.c.activity_id.in_(bindparam("ids", expanding=True)))
        .order_by(table.c.activity_id, table.c[order])
    )


_SECTOR_CODES = _by_activity(ActivitySector.__table__, "code", "code")
_THEME_CODES = _by_activity(ActivityTheme.__table__, "code", "code")
_LINK_URLS = _by_activity(ActivityLink.__table__, "url", "position")


def _grouped(
    connection: Connection, statement: Select[tuple[int, str]], ids: Sequence[int]
) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for activity_id, value in connection.execute(statement, {"ids": ids}).all():
        grouped[activity_id].append(value)
    return grouped
