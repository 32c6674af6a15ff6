"""Bringing in last year's activity list: the post's own spreadsheet, or a postkit export.

The columns are mapped to fields (suggested from the headers, remembered per layout), every row
is read in the sheet's locale and checked as the editor checks it, and the import is planned
before anything is stored: which rows would be added, which are there already (the same UUID,
as a postkit export carries, or the same title, start date and core task), which are wrong
(naming row and column). Nothing is stored while any row is wrong.

Companies named in a column are linked through a `CompanyResolver` the caller passes (the
company register's find-or-create); this feature imports nothing of the register.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core import reference, spreadsheet_import
from postkit.core.activities.columns import column_named
from postkit.core.activities.models import Activity
from postkit.core.activities.records import ACTIVITY_STATUSES, ActivityInput
from postkit.core.activities.service import _apply_input, _normalised
from postkit.core.activities.validation import validate_activity
from postkit.core.db.base import new_uuid, utc_now
from postkit.core.errors import CancelledError, PostkitError, ValidationError
from postkit.core.import_layouts import remember_mapping
from postkit.core.profile import load_profile
from postkit.core.spreadsheet_import import (
    CellError,
    ImportField,
    ImportPlan,
    ImportSummary,
    ReferenceMatcher,
    RowError,
    RowReader,
    Table,
    guess_locale,
    import_file,
    plan_rows,
    read_table,
    shorten,
    split_names,
    split_values,
    table_mapping,
)

LAYOUT_KIND = "activities"
# (session, company name, actor) -> the register's id of that company, made when new.
CompanyResolver = Callable[[Session, str, str], int]


def _from_column(name: str, field_name: str, *synonyms: str, required: bool = False) -> ImportField:
    column = column_named(name)
    return ImportField(field_name, column.en, column.nl, synonyms, required)


# The fields a column may fill. Those of the export take its headers (columns.py), so an
# export maps itself; the synonyms are what posts call them in their own sheets.
FIELDS: tuple[ImportField, ...] = (
    _from_column("uuid", "uuid", "id"),
    _from_column("post", "post_name", "ambassade", "embassy", "posting"),
    _from_column(
        "core_task", "core_task", "kerntaak nr", "kerntaak nummer", "taak", "task", "kt",
        required=True,
    ),
    _from_column("title", "title", "activiteit", "naam activiteit", "naam", "onderwerp",
                 "activity", "name", "subject", "event", required=True),
    _from_column("description", "description", "beschrijving", "toelichting", "notes",
                 "opmerkingen"),
    _from_column("start_date", "start_date", "datum", "date", "startdatum", "van", "from",
                 "datum activiteit", "begin", required=True),
    _from_column("end_date", "end_date", "tot", "t m", "tot en met", "to", "until", "end"),
    _from_column("type", "activity_type", "soort activiteit", "activiteitstype", "vorm",
                 "type activiteit", "activity type", "kind", required=True),
    _from_column("country", "country", "landen"),
    _from_column("sectors", "sectors", "sector", "sector en", "sectors involved"),
    _from_column("themes", "themes", "thema", "themas", "thema s", "theme", "onderwerpen"),
    _from_column("partners", "partners", "partner", "samenwerkingspartners",
                 "partnerorganisaties"),
    _from_column("companies", "unnamed_companies", "aantal bedrijven", "bedrijven bereikt",
                 "# bedrijven", "number of companies", "companies", "bedrijven",
                 "unnamed companies", "onbenoemde bedrijven"),
    _from_column("women", "participants_women", "aantal vrouwen", "deelnemers vrouw",
                 "vrouw", "female", "v"),
    _from_column("men", "participants_men", "aantal mannen", "deelnemers man", "man",
                 "male", "m"),
    _from_column("other", "participants_other", "anders", "overig", "onbekend",
                 "other", "unknown", "x"),
    _from_column("outcome", "outcome", "resultaten", "uitkomst", "result", "results"),
    _from_column("follow_up", "follow_up", "vervolgactie", "vervolgacties", "follow up",
                 "next steps"),
    _from_column("links", "links", "link", "url", "website"),
    ImportField("status", "status", "status", ("stand", "state")),
    _from_column("company_names", "company_names", "company names", "namen bedrijven",
                 "bedrijfsnamen", "bedrijven namen", "deelnemende bedrijven", "companies named",
                 "named companies", "benoemde bedrijven"),
    _from_column("created_by", "created_by"),
    _from_column("created", "created_at"),
    _from_column("updated_by", "updated_by"),
    _from_column("updated", "updated_at"),
)  # fmt: skip
_COUNTS = ("unnamed_companies", "participants_women", "participants_men", "participants_other")
_TEXTS = ("title", "description", "partners", "outcome", "follow_up", "post_name")
_STATUS_WORDS = {
    "planned": "planned", "gepland": "planned", "done": "done", "gedaan": "done",
    "uitgevoerd": "done", "afgerond": "done", "cancelled": "cancelled", "canceled": "cancelled",
    "geannuleerd": "cancelled", "vervallen": "cancelled",
}  # fmt: skip


@dataclass(frozen=True)
class PlannedActivity:
    """One row of the sheet as it would be stored, or why it cannot be."""

    row: int
    data: ActivityInput | None
    uuid: str | None = None
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    company_names: tuple[str, ...] = ()
    is_present: bool = False
    errors: tuple[RowError, ...] = ()


class ActivityImportPlan(ImportPlan[PlannedActivity]):
    """What importing the sheet with this mapping would do."""


def read_activity_table(path: Path) -> Table:
    return read_table(path)


def initial_mapping(session: Session, table: Table) -> tuple[dict[str, str], bool]:
    """The mapping remembered for this layout, else one suggested from its headers; and
    whether it was remembered."""
    return spreadsheet_import.initial_mapping(session, table, LAYOUT_KIND, FIELDS)


def sheet_locale(table: Table) -> str:
    return guess_locale(table.headers, FIELDS)


def plan_activity_import(
    session: Session,
    table: Table,
    mapping: dict[str, str],
    locale: str,
    value_choices: dict[tuple[str, str], str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ActivityImportPlan:
    """Read every row with `mapping` (sheet header -> field name) in `locale`.

    `value_choices` maps (field, text of a cell) to the reference code the user chose for a
    value no list knows. `progress(done, total)` may raise CancelledError.
    """
    mapping = table_mapping(table, mapping, FIELDS)
    reader = _RowReader(table, mapping, locale, value_choices or {})
    rows = plan_rows(table, reader.read, _keys, _existing(session), progress)
    return ActivityImportPlan(table, mapping, locale, rows, reader.unknown_values())


@dataclass(frozen=True)
class ImportReading:
    """A sheet read for the import: its table, the mapping and locale it starts with
    (`remembered`: the mapping this layout had before), and the plan, or why the mapping
    cannot be used yet (`problem`, a mapping to finish by hand)."""

    table: Table
    mapping: dict[str, str]
    locale: str
    remembered: bool
    plan: ActivityImportPlan | None
    problem: str = ""


def read_activity_import(
    session: Session, path: Path, progress: Callable[[int, int], None] | None = None
) -> ImportReading:
    """Read the sheet at `path` and plan its import with the mapping it starts with."""
    table = read_activity_table(path)
    mapping, remembered = initial_mapping(session, table)
    locale = sheet_locale(table)
    try:
        plan = plan_activity_import(session, table, mapping, locale, progress=progress)
    except PostkitError as error:
        if isinstance(error, CancelledError):
            raise
        return ImportReading(table, mapping, locale, remembered, None, str(error))
    return ImportReading(table, mapping, locale, remembered, plan)


def apply_activity_import(
    session: Session,
    plan: ActivityImportPlan,
    actor: str,
    resolve_company: CompanyResolver | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Store every row to add, in one transaction, and remember the mapping for the layout.

    Refused (PostkitError, nothing stored) while any row has an error.
    """
    summary = plan.summary_to_store()
    # Added bottom-up: the list shows activities of one day newest first, so the sheet's
    # order comes back (and an export re-exports in the same order).
    to_add = [row for row in reversed(plan.rows) if not row.is_present and row.data is not None]
    if any(row.company_names for row in to_add) and resolve_company is None:
        raise PostkitError(
            f"{plan.table.file_name}: the sheet names companies, but no company register "
            "is available to link them to"
        )
    profile = load_profile(session)
    post_name = profile.post_name if profile else ""
    # The companies the sheet names are found or added in the same transaction as the
    # activities (the resolver does not commit): all of it goes in, or none.
    company_ids: dict[str, int] = {}
    try:
        if resolve_company is not None:
            for name in dict.fromkeys(name for row in to_add for name in row.company_names):
                company_ids[name] = resolve_company(session, name, actor)
        for done, row in enumerate(to_add, 1):
            assert row.data is not None
            data = row.data
            if row.company_names:
                ids = tuple(company_ids[name] for name in row.company_names)
                data = replace(data, company_ids=data.company_ids + ids)
            if not data.post_name:
                data = replace(data, post_name=post_name)
            session.add(_new_activity(_normalised(data), row, actor))
            if done % 500 == 0:
                session.flush()
                if progress:
                    progress(done, len(to_add))
        remember_mapping(session, LAYOUT_KIND, plan.table.headers, plan.mapping, actor)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    if progress:
        progress(len(to_add), len(to_add))
    return summary


def import_activities(
    session: Session,
    path: Path,
    actor: str,
    *,
    dry_run: bool = False,
    locale: str | None = None,
    resolve_company: CompanyResolver | None = None,
) -> ActivityImportPlan:
    """Read, plan and (unless dry or wrong) store: the command's whole import."""
    return import_file(
        session,
        path,
        LAYOUT_KIND,
        FIELDS,
        plan_activity_import,
        lambda plan: apply_activity_import(session, plan, actor, resolve_company),
        dry_run=dry_run,
        locale=locale,
    )


def _new_activity(data: ActivityInput, row: PlannedActivity, actor: str) -> Activity:
    now = utc_now()
    activity = Activity(
        uuid=row.uuid or new_uuid(),
        created_at=row.created_at or now,
        created_by=row.created_by or actor,
        updated_at=row.updated_at or row.created_at or now,
        updated_by=row.updated_by or row.created_by or actor,
    )
    _apply_input(activity, data)
    return activity


def _key(title: str, start: date, core_task: int) -> tuple[str, date, int]:
    return (" ".join(title.split()).casefold(), start, core_task)


def _keys(row: PlannedActivity) -> list[Hashable]:
    """The same UUID (as a postkit export carries), or the same title, start and core task."""
    assert row.data is not None
    keys: list[Hashable] = [_key(row.data.title, row.data.start_date, row.data.core_task)]
    if row.uuid:
        keys.append(("uuid", row.uuid))
    return keys


def _existing(session: Session) -> set[Hashable]:
    rows = session.execute(
        select(Activity.uuid, func.lower(Activity.title), Activity.start_date, Activity.core_task)
    ).all()
    return {("uuid", row[0]) for row in rows} | {_key(row[1], row[2], row[3]) for row in rows}


class _RowReader(RowReader):
    """Reads one sheet row into a PlannedActivity, collecting the values no list knows."""

    fields = FIELDS
    lists = {
        "activity_type": reference.activity_types,
        "country": reference.countries,
        "sectors": reference.sectors,
        "themes": reference.themes,
    }

    def __init__(
        self,
        table: Table,
        mapping: dict[str, str],
        locale: str,
        value_choices: dict[tuple[str, str], str],
    ) -> None:
        super().__init__(table, mapping, locale, value_choices)
        names = column_named("company_names")
        # A postkit export's count of companies reached already leaves the named ones out.
        self.is_export = self.column.get("company_names") in (names.en, names.nl)

    @cached_property
    def core_tasks(self) -> ReferenceMatcher:
        return ReferenceMatcher(reference.core_tasks())

    def read(self, number: int, cells: Sequence[object]) -> PlannedActivity:
        row = self.row(number, cells)
        if row.is_empty:
            return PlannedActivity(number, None, errors=row.errors)
        for name in _TEXTS:
            row.read(name, self.cells.text)
        row.read("uuid", self._uuid)
        row.read("core_task", self._core_task)
        row.read("start_date", self.cells.date)
        row.read("end_date", self.cells.date)
        for name in _COUNTS:
            row.read(name, self.cells.whole_number)
        row.read("status", self._status)
        row.read("links", lambda c: tuple(self.cells.text(c).split()))
        row.read("company_names", lambda c: tuple(split_names(self.cells.text(c))))
        for name in ("created_at", "updated_at"):
            row.read(name, self.cells.datetime)
        for name in ("created_by", "updated_by"):
            row.read(name, self.cells.text)
        values = row.values
        values["activity_type"] = row.code("activity_type", row.cell("activity_type"))
        values["country"] = row.code("country", row.cell("country"))
        for name in ("sectors", "themes"):
            text = self.cells.text(row.cell(name))
            codes = [row.code(name, part) for part in split_values(text)]
            values[name] = tuple(code for code in codes if code)
        row.require("title", "start_date", "core_task", "activity_type")
        if row.errors:
            return PlannedActivity(number, None, errors=row.errors)
        data = ActivityInput(
            core_task=int(values["core_task"]),  # type: ignore[call-overload]
            title=str(values["title"]),
            start_date=values["start_date"],  # type: ignore[arg-type]
            activity_type=str(values["activity_type"]),
            end_date=values.get("end_date"),  # type: ignore[arg-type]
            description=str(values.get("description") or ""),
            country=values.get("country") or None,  # type: ignore[arg-type]
            sectors=values["sectors"],  # type: ignore[arg-type]
            themes=values["themes"],  # type: ignore[arg-type]
            partners=str(values.get("partners") or ""),
            unnamed_companies=values.get("unnamed_companies") or 0,  # type: ignore[arg-type]
            participants_women=values.get("participants_women") or 0,  # type: ignore[arg-type]
            participants_men=values.get("participants_men") or 0,  # type: ignore[arg-type]
            participants_other=values.get("participants_other") or 0,  # type: ignore[arg-type]
            outcome=str(values.get("outcome") or ""),
            follow_up=str(values.get("follow_up") or ""),
            links=values.get("links") or (),  # type: ignore[arg-type]
            post_name=str(values.get("post_name") or ""),
            status=str(values.get("status") or "done"),
        )
        if (company_names := values.get("company_names")) and not self.is_export:
            # A post's own count is of every company reached; the named ones are linked, so
            # only the rest stay a bare number (a postkit export counts only the rest).
            named = len(company_names)  # type: ignore[arg-type]
            data = replace(data, unnamed_companies=max(0, data.unnamed_companies - named))
        data = _normalised(data)
        try:
            validate_activity(data)
        except ValidationError as error:
            return PlannedActivity(number, None, errors=row.error(error.field, error.reason))
        return PlannedActivity(
            number,
            data,
            uuid=values.get("uuid") or None,  # type: ignore[arg-type]
            created_at=values.get("created_at"),  # type: ignore[arg-type]
            created_by=str(values.get("created_by") or ""),
            updated_at=values.get("updated_at"),  # type: ignore[arg-type]
            updated_by=str(values.get("updated_by") or ""),
            company_names=values.get("company_names") or (),  # type: ignore[arg-type]
        )

    def _uuid(self, cell: object) -> str | None:
        text = self.cells.text(cell)
        if not text:
            return None
        try:
            return str(uuid.UUID(text))
        except ValueError:
            raise CellError(f"not a UUID: {shorten(text)!r}") from None

    def _core_task(self, cell: object) -> int | None:
        text = self.cells.text(cell)
        if not text:
            return None
        code = self.core_tasks.code(text)
        if code is None:
            # "2", "KT 2", "kerntaak 2 - bewustwording", "2. Bewustwording"
            match = re.fullmatch(r"(?i)\s*(?:kt|kerntaak|core task|task)?\s*([1-5])\b.*", text)
            code = match[1] if match else None
        if code is None:
            choice = self.choices.get(("core_task", text))
            if choice:
                return int(choice)
            raise CellError(f"not one of the five core tasks: {shorten(text)!r}")
        return int(code)

    def _status(self, cell: object) -> str | None:
        text = self.cells.text(cell)
        if not text:
            return None
        status = _STATUS_WORDS.get(text.casefold())
        if status is None or status not in ACTIVITY_STATUSES:
            raise CellError(f"not a status (planned, done, cancelled): {shorten(text)!r}")
        return status
