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
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.columns import column_named
from postkit.core.activities.models import Activity
from postkit.core.activities.records import ACTIVITY_STATUSES, ActivityInput
from postkit.core.activities.service import _apply_input, _normalised
from postkit.core.activities.validation import validate_activity
from postkit.core.db.base import new_uuid, utc_now
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.import_layouts import recall_mapping, remember_mapping
from postkit.core.profile import load_profile
from postkit.core.spreadsheet_import import (
    CellError,
    CellReader,
    ImportField,
    ImportSummary,
    ReferenceMatcher,
    RowError,
    Table,
    UnknownValue,
    checked_mapping,
    guess_locale,
    read_table,
    shorten,
    split_values,
    suggest_mapping,
    words,
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
_FIELD = {item.name: item for item in FIELDS}
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


@dataclass(frozen=True)
class ActivityImportPlan:
    """What importing the sheet with this mapping would do."""

    table: Table
    mapping: dict[str, str]
    locale: str
    rows: tuple[PlannedActivity, ...]
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


def read_activity_table(path: Path) -> Table:
    return read_table(path)


def initial_mapping(session: Session, table: Table) -> tuple[dict[str, str], bool]:
    """The mapping remembered for this layout, else one suggested from its headers; and
    whether it was remembered."""
    remembered = recall_mapping(session, LAYOUT_KIND, table.headers)
    if remembered is not None:
        # The signature ignores case and spacing, so the headers are matched the same way.
        by_words = {words(header): name for header, name in remembered.items()}
        return {header: by_words.get(words(header), "") for header in table.headers}, True
    return suggest_mapping(table.headers, FIELDS), False


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
    try:
        mapping = checked_mapping(mapping, table.headers, FIELDS)
    except PostkitError as error:
        raise PostkitError(f"{table.file_name}: {error}") from None
    reader = _RowReader(table, mapping, locale, value_choices or {})
    existing_uuids, existing_keys = _existing(session)
    seen_uuids: set[str] = set()
    seen_keys: set[tuple[str, date, int]] = set()
    planned: list[PlannedActivity] = []
    total = len(table.rows)
    for index, cells in enumerate(table.rows):
        row = reader.read(table.row_number(index), cells)
        if row.data is not None and not row.errors:
            key = _key(row.data.title, row.data.start_date, row.data.core_task)
            present = (row.uuid is not None and row.uuid in existing_uuids) or key in existing_keys
            again = (row.uuid is not None and row.uuid in seen_uuids) or key in seen_keys
            row = replace(row, is_present=present or again)
            seen_keys.add(key)
            if row.uuid:
                seen_uuids.add(row.uuid)
        planned.append(row)
        if progress and (index % 500 == 499 or index == total - 1):
            progress(index + 1, total)
    return ActivityImportPlan(table, mapping, locale, tuple(planned), reader.unknown_values())


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
    summary = plan.summary
    if summary.with_errors:
        first = plan.errors[0]
        raise PostkitError(
            f"{plan.table.file_name}: {summary.with_errors} row(s) with errors, nothing "
            f"imported; first: {first}"
        )
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
    table = read_activity_table(path)
    mapping, _ = initial_mapping(session, table)
    plan = plan_activity_import(session, table, mapping, locale or sheet_locale(table))
    if not dry_run and not plan.summary.with_errors:
        apply_activity_import(session, plan, actor, resolve_company)
    return plan


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


def _existing(session: Session) -> tuple[set[str], set[tuple[str, date, int]]]:
    rows = session.execute(
        select(Activity.uuid, func.lower(Activity.title), Activity.start_date, Activity.core_task)
    ).all()
    uuids = {row[0] for row in rows}
    keys = {_key(row[1], row[2], row[3]) for row in rows}
    return uuids, keys


class _RowReader:
    """Reads one sheet row into a PlannedActivity, collecting the values no list knows."""

    def __init__(
        self,
        table: Table,
        mapping: dict[str, str],
        locale: str,
        value_choices: dict[tuple[str, str], str],
    ) -> None:
        self.cells = CellReader(locale)
        self.column = {name: header for header, name in mapping.items() if name}
        names = column_named("company_names")
        self.is_export = self.column.get("company_names") in (names.en, names.nl)
        self.position = {name: table.headers.index(header) for name, header in self.column.items()}
        self.choices = value_choices
        self.core_tasks = ReferenceMatcher(reference.core_tasks())
        self.matchers = {
            "activity_type": ReferenceMatcher(reference.activity_types()),
            "country": ReferenceMatcher(reference.countries()),
            "sectors": ReferenceMatcher(reference.sectors()),
            "themes": ReferenceMatcher(reference.themes()),
        }
        self._unknown: dict[tuple[str, str], list[int]] = defaultdict(list)

    def unknown_values(self) -> tuple[UnknownValue, ...]:
        return tuple(
            UnknownValue(name, self.column[name], text, tuple(rows))
            for (name, text), rows in sorted(self._unknown.items())
        )

    def read(self, number: int, cells: Sequence[object]) -> PlannedActivity:
        errors: list[RowError] = []
        values: dict[str, object] = {}

        def cell(name: str) -> object:
            at = self.position.get(name)
            return None if at is None else cells[at]

        def attempt(name: str, read: Callable[[object], object]) -> None:
            try:
                values[name] = read(cell(name))
            except CellError as error:
                errors.append(RowError(number, self.column[name], str(error)))

        if not any(value not in (None, "") for value in cells):
            return PlannedActivity(number, None, errors=(RowError(number, "", "the row is empty"),))
        for name in _TEXTS:
            attempt(name, self.cells.text)
        attempt("uuid", self._uuid)
        attempt("core_task", self._core_task)
        attempt("start_date", self.cells.date)
        attempt("end_date", self.cells.date)
        for name in _COUNTS:
            attempt(name, self.cells.whole_number)
        attempt("status", self._status)
        attempt("links", lambda c: tuple(self.cells.text(c).split()))
        attempt("company_names", lambda c: tuple(split_companies(self.cells.text(c))))
        for name in ("created_at", "updated_at"):
            attempt(name, self.cells.datetime)
        for name in ("created_by", "updated_by"):
            attempt(name, self.cells.text)
        values["activity_type"] = self._code(number, "activity_type", cell("activity_type"), errors)
        values["country"] = self._code(number, "country", cell("country"), errors)
        for name in ("sectors", "themes"):
            text = self.cells.text(cell(name))
            codes = [self._code(number, name, part, errors) for part in split_values(text)]
            values[name] = tuple(code for code in codes if code)
        for name in ("title", "start_date", "core_task", "activity_type"):
            if (
                name in self.column
                and not values.get(name)
                and not _has_error(errors, self.column[name])
            ):
                errors.append(RowError(number, self.column[name], "empty; a value is required"))
        if errors:
            return PlannedActivity(number, None, errors=tuple(errors))
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
            column = self.column.get(error.field, "")
            return PlannedActivity(number, None, errors=(RowError(number, column, error.reason),))
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

    def _code(self, number: int, name: str, cell: object, errors: list[RowError]) -> str | None:
        if name not in self.column:
            return None
        text = self.cells.text(cell)
        if not text:
            return None
        code = self.matchers[name].code(text) or self.choices.get((name, text))
        if code is None:
            self._unknown[(name, text)].append(number)
            what = _FIELD[name].en
            errors.append(RowError(number, self.column[name], f"unknown {what}: {shorten(text)!r}"))
        return code


def _has_error(errors: list[RowError], column: str) -> bool:
    return any(error.column == column for error in errors)


def split_companies(text: str) -> list[str]:
    """Company names in one cell, separated by ';' or line breaks (a name may hold a comma)."""
    names = [" ".join(part.split()) for part in text.replace("\n", ";").split(";")]
    return list(dict.fromkeys(name for name in names if name))
