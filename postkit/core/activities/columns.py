"""Every column an activity is shown in, declared once: the list, the Excel export and the
annual report's log all take their columns from here.

To show a new field: add an `ActivityColumn` to `COLUMNS` (its header in English and Dutch,
its width in characters, its kind and what to select: the field's column name), then name it
in `LIST_COLUMNS` or `REPORT_COLUMNS` if those should show it too; the export shows every
column marked `in_export`, in the order of `COLUMNS`.

What a column selects is written as SQL over the `activities` table (a column name, or column
names added up), not as SQLAlchemy objects: start-up reads the list's first screenful with
the standard library's sqlite3 before SQLAlchemy has loaded (`first_screen.py`). The
SQLAlchemy expressions the services select are derived from it when first asked for (`sql`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, reduce
from operator import add
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select


class Kind(StrEnum):
    """How a column's value is shown; each surface formats a kind in its own way."""

    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    DATES = "dates"  # start and end date: one date, or a range
    DATETIME = "datetime"  # stored in UTC
    CORE_TASK = "core_task"  # the number; the list and report add the short label
    CODE = "code"  # a code of the `reference` list, shown as its label
    CODES = "codes"  # codes in a child table, labels joined by "; "
    LINKS = "links"  # addresses in a child table, joined by spaces
    NAMES = "names"  # names of the rows a child table points to, joined by "; "


_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_SUM = re.compile(r"[a-z_][a-z0-9_]*(\s*\+\s*[a-z_][a-z0-9_]*)*")


def _expression(sql: str) -> ColumnElement[Any]:
    """The SQLAlchemy expression of a column's SQL: a column of `Activity`, or a sum of them
    (typed like the columns, so results convert as the ORM's do)."""
    from postkit.core.activities.models import Activity

    if not _SUM.fullmatch(sql):
        raise ValueError(f"not a column name or a sum of them: {sql!r}")
    return reduce(add, (getattr(Activity, name) for name in _NAME.findall(sql)))


@dataclass(frozen=True)
class ActivityColumn:
    """One column: headers, width in characters, kind and what it reads from the database.

    `select` is what is selected per activity, as SQL over `activities` (DATES takes two);
    CODES and LINKS read `child` instead: (child table, its column, its order), keyed by
    activity id; NAMES follows the child's column to `named` (table, column), ordered by it.
    `short_en`/`short_nl` are the headers where space is short (the list, the report); the
    export uses `en`/`nl`.
    """

    name: str
    en: str
    nl: str
    width: float
    kind: Kind = Kind.TEXT
    select: tuple[str, ...] = ()
    reference: str | None = None
    short_en: str = ""
    short_nl: str = ""
    in_export: bool = True
    child: tuple[str, str, str] | None = None
    named: tuple[str, str] | None = None

    def header(self, language: str, short: bool = False) -> str:
        if short:
            long = self.nl if language == "nl" else self.en
            text = self.short_nl if language == "nl" else self.short_en
            return text or long[:1].upper() + long[1:]
        return self.nl if language == "nl" else self.en

    @cached_property
    def sql(self) -> tuple[ColumnElement[Any], ...]:
        """What `select` says, as SQLAlchemy expressions (SQLAlchemy is imported now)."""
        return tuple(_expression(sql) for sql in self.select)

    @cached_property
    def children(self) -> Select[tuple[int, Any]] | None:
        """The values of `child` for a batch of activity ids (bound as `ids`)."""
        if self.child is None:
            return None
        from sqlalchemy import bindparam, select

        from postkit.core.activities import models

        name, column, order = self.child
        table = models.Base.metadata.tables[name]
        if self.named is not None:
            from sqlalchemy import column as sql_column
            from sqlalchemy import table as sql_table

            # Named, not imported: the register is another feature's table.
            target = sql_table(self.named[0], sql_column("id"), sql_column(self.named[1]))
            text = target.c[self.named[1]]
            return (
                select(table.c.activity_id, text)
                .join(target, target.c.id == table.c[column])
                .where(table.c.activity_id.in_(bindparam("ids", expanding=True)))
                .order_by(table.c.activity_id, text)
            )
        return (
            select(table.c.activity_id, table.c[column])
            .where(table.c.activity_id.in_(bindparam("ids", expanding=True)))
            .order_by(table.c.activity_id, table.c[order])
        )

    @property
    def order_sql(self) -> str:
        """What sorting by this column sorts on, as SQL (text sorts without case)."""
        if self.kind is Kind.TEXT and self.select:
            return f"lower({self.select[0]})"
        return self.select[0]

    @property
    def order_by(self) -> ColumnElement[Any]:
        """What sorting by this column sorts on."""
        if self.kind is Kind.TEXT and self.sql:
            from sqlalchemy import func

            return func.lower(self.sql[0])
        return self.sql[0]

    @property
    def is_numeric(self) -> bool:
        return self.kind is Kind.NUMBER


COLUMNS: tuple[ActivityColumn, ...] = (
    ActivityColumn("uuid", "uuid", "uuid", 38, select=("uuid",)),
    ActivityColumn("post", "post", "post", 24, select=("post_name",)),
    ActivityColumn(
        "core_task",
        "core task",
        "kerntaak",
        18,
        Kind.CORE_TASK,
        ("core_task",),
    ),
    ActivityColumn(
        "core_task_label",
        "core task label",
        "kerntaak (omschrijving)",
        36,
        Kind.CODE,
        ("core_task",),
        reference="core_tasks",
    ),
    ActivityColumn("title", "title", "titel", 50, select=("title",)),
    ActivityColumn("description", "description", "omschrijving", 50, select=("description",)),
    ActivityColumn(
        "start_date",
        "start date",
        "begindatum",
        12,
        Kind.DATE,
        ("start_date",),
        short_en="Date",
        short_nl="Datum",
    ),
    ActivityColumn("end_date", "end date", "einddatum", 12, Kind.DATE, ("end_date",)),
    ActivityColumn(
        "date",
        "date",
        "datum",
        24,
        Kind.DATES,
        ("start_date", "end_date"),
        in_export=False,
    ),
    ActivityColumn(
        "type",
        "type",
        "soort",
        22,
        Kind.CODE,
        ("activity_type",),
        reference="activity_types",
    ),
    ActivityColumn(
        "country", "country", "land", 18, Kind.CODE, ("country",), reference="countries"
    ),
    ActivityColumn(
        "sectors",
        "sectors",
        "sectoren",
        30,
        Kind.CODES,
        reference="sectors",
        child=("activity_sectors", "code", "code"),
    ),
    ActivityColumn(
        "themes",
        "themes",
        "thema's",
        30,
        Kind.CODES,
        reference="themes",
        child=("activity_themes", "code", "code"),
    ),
    ActivityColumn("partners", "partners", "partners", 30, select=("partners",)),
    ActivityColumn(
        "companies",
        "companies reached",
        "bereikte bedrijven",
        12,
        Kind.NUMBER,
        ("unnamed_companies",),
        short_en="Companies",
        short_nl="Bedrijven",
    ),
    # The register's companies by name: an export read back links them again.
    ActivityColumn(
        "company_names",
        "companies (named)",
        "bedrijven (bij naam)",
        40,
        Kind.NAMES,
        child=("activity_companies", "company_id", "company_id"),
        named=("companies", "name"),
    ),
    ActivityColumn("women", "women", "vrouwen", 9, Kind.NUMBER, ("participants_women",)),
    ActivityColumn("men", "men", "mannen", 9, Kind.NUMBER, ("participants_men",)),
    ActivityColumn(
        "other",
        "other/unknown",
        "anders/onbekend",
        11,
        Kind.NUMBER,
        ("participants_other",),
    ),
    ActivityColumn(
        "participants",
        "participants total",
        "deelnemers totaal",
        12,
        Kind.NUMBER,
        ("participants_women + participants_men + participants_other",),
        short_en="Participants",
        short_nl="Deelnemers",
    ),
    ActivityColumn(
        "status",
        "status",
        "status",
        12,
        Kind.CODE,
        select=("status",),
        reference="activity_statuses",
    ),
    ActivityColumn("outcome", "outcome", "resultaat", 40, select=("outcome",)),
    ActivityColumn("follow_up", "follow-up", "vervolg", 30, select=("follow_up",)),
    ActivityColumn(
        "links",
        "links",
        "links",
        30,
        Kind.LINKS,
        child=("activity_links", "url", "position"),
    ),
    ActivityColumn("created_by", "created by", "aangemaakt door", 16, select=("created_by",)),
    ActivityColumn("created", "created at", "aangemaakt op", 19, Kind.DATETIME, ("created_at",)),
    ActivityColumn("updated_by", "updated by", "gewijzigd door", 16, select=("updated_by",)),
    ActivityColumn(
        "updated",
        "updated at",
        "gewijzigd op",
        19,
        Kind.DATETIME,
        ("updated_at",),
        short_en="Last changed",
        short_nl="Laatst gewijzigd",
    ),
)

_BY_NAME = {column.name: column for column in COLUMNS}


def column_named(name: str) -> ActivityColumn:
    return _BY_NAME[name]


def columns(names: Sequence[str]) -> tuple[ActivityColumn, ...]:
    """The columns of these names, in this order."""
    return tuple(_BY_NAME[name] for name in names)


EXPORT_COLUMNS = tuple(column for column in COLUMNS if column.in_export)
# The list's columns: the last ("updated") starts hidden; the user may show or hide any but
# the title.
LIST_COLUMNS = columns(
    (
        "date",
        "core_task",
        "title",
        "type",
        "country",
        "companies",
        "participants",
        "status",
        "updated",
    )
)
# The annual report's log of the year's activities; the title takes the width left over.
REPORT_COLUMNS = columns(
    ("start_date", "core_task", "title", "type", "country", "companies", "participants")
)
