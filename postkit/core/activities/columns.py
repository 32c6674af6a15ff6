"""Every column an activity is shown in, declared once: the list, the Excel export and the
annual report's log all take their columns from here.

To show a new field: add an `ActivityColumn` to `COLUMNS` (its header in English and Dutch,
its width in characters, its kind and what to select), then name it in `LIST_COLUMNS` or
`REPORT_COLUMNS` if those should show it too; the export shows every column marked
`in_export`, in the order of `COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, func, select

from postkit.core.activities.models import Activity, ActivityLink, ActivitySector, ActivityTheme


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


def _by_activity(table: Table, column: str, order: str) -> Select[tuple[int, Any]]:
    """The values of one child-table column for a batch of activity ids (`ids`)."""
    return (
        select(table.c.activity_id, table.c[column])
        .where(table.c.activity_id.in_(bindparam("ids", expanding=True)))
        .order_by(table.c.activity_id, table.c[order])
    )


PARTICIPANTS = Activity.participants_women + Activity.participants_men + Activity.participants_other


@dataclass(frozen=True)
class ActivityColumn:
    """One column: headers, width in characters, kind and what it reads from the database.

    `sql` is selected per activity (DATES takes two expressions); CODES and LINKS read
    `children`, a statement over a child table keyed by activity id. `short_en`/`short_nl`
    are the headers where space is short (the list, the report); the export uses `en`/`nl`.
    """

    name: str
    en: str
    nl: str
    width: float
    kind: Kind = Kind.TEXT
    sql: tuple[ColumnElement[Any], ...] = ()
    reference: str | None = None
    short_en: str = ""
    short_nl: str = ""
    in_export: bool = True
    children: Select[tuple[int, Any]] | None = field(default=None, compare=False)

    def header(self, language: str, short: bool = False) -> str:
        if short:
            long = self.nl if language == "nl" else self.en
            text = self.short_nl if language == "nl" else self.short_en
            return text or long[:1].upper() + long[1:]
        return self.nl if language == "nl" else self.en

    @property
    def order_by(self) -> ColumnElement[Any]:
        """What sorting by this column sorts on."""
        if self.kind is Kind.TEXT and self.sql:
            return func.lower(self.sql[0])
        return self.sql[0]

    @property
    def is_numeric(self) -> bool:
        return self.kind is Kind.NUMBER


COLUMNS: tuple[ActivityColumn, ...] = (
    ActivityColumn("uuid", "uuid", "uuid", 38, sql=(Activity.uuid,)),
    ActivityColumn("post", "post", "post", 24, sql=(Activity.post_name,)),
    ActivityColumn(
        "core_task",
        "core task",
        "kerntaak",
        18,
        Kind.CORE_TASK,
        (Activity.core_task,),
    ),
    ActivityColumn(
        "core_task_label",
        "core task label",
        "kerntaak (omschrijving)",
        36,
        Kind.CODE,
        (Activity.core_task,),
        reference="core_tasks",
    ),
    ActivityColumn("title", "title", "titel", 50, sql=(Activity.title,)),
    ActivityColumn("description", "description", "omschrijving", 50, sql=(Activity.description,)),
    ActivityColumn(
        "start_date",
        "start date",
        "begindatum",
        12,
        Kind.DATE,
        (Activity.start_date,),
        short_en="Date",
        short_nl="Datum",
    ),
    ActivityColumn("end_date", "end date", "einddatum", 12, Kind.DATE, (Activity.end_date,)),
    ActivityColumn(
        "date",
        "date",
        "datum",
        24,
        Kind.DATES,
        (Activity.start_date, Activity.end_date),
        in_export=False,
    ),
    ActivityColumn(
        "type",
        "type",
        "soort",
        22,
        Kind.CODE,
        (Activity.activity_type,),
        reference="activity_types",
    ),
    ActivityColumn(
        "country", "country", "land", 18, Kind.CODE, (Activity.country,), reference="countries"
    ),
    ActivityColumn(
        "sectors",
        "sectors",
        "sectoren",
        30,
        Kind.CODES,
        reference="sectors",
        children=_by_activity(ActivitySector.__table__, "code", "code"),
    ),
    ActivityColumn(
        "themes",
        "themes",
        "thema's",
        30,
        Kind.CODES,
        reference="themes",
        children=_by_activity(ActivityTheme.__table__, "code", "code"),
    ),
    ActivityColumn("partners", "partners", "partners", 30, sql=(Activity.partners,)),
    ActivityColumn(
        "companies",
        "companies reached",
        "bereikte bedrijven",
        12,
        Kind.NUMBER,
        (Activity.unnamed_companies,),
        short_en="Companies",
        short_nl="Bedrijven",
    ),
    ActivityColumn("women", "women", "vrouwen", 9, Kind.NUMBER, (Activity.participants_women,)),
    ActivityColumn("men", "men", "mannen", 9, Kind.NUMBER, (Activity.participants_men,)),
    ActivityColumn(
        "other",
        "other/unknown",
        "anders/onbekend",
        11,
        Kind.NUMBER,
        (Activity.participants_other,),
    ),
    ActivityColumn(
        "participants",
        "participants total",
        "deelnemers totaal",
        12,
        Kind.NUMBER,
        (PARTICIPANTS,),
        short_en="Participants",
        short_nl="Deelnemers",
    ),
    ActivityColumn(
        "status",
        "status",
        "status",
        12,
        Kind.CODE,
        (Activity.status,),
        reference="activity_statuses",
    ),
    ActivityColumn("outcome", "outcome", "resultaat", 40, sql=(Activity.outcome,)),
    ActivityColumn("follow_up", "follow-up", "vervolg", 30, sql=(Activity.follow_up,)),
    ActivityColumn(
        "links",
        "links",
        "links",
        30,
        Kind.LINKS,
        children=_by_activity(ActivityLink.__table__, "url", "position"),
    ),
    ActivityColumn("created_by", "created by", "aangemaakt door", 16, sql=(Activity.created_by,)),
    ActivityColumn(
        "created", "created at", "aangemaakt op", 19, Kind.DATETIME, (Activity.created_at,)
    ),
    ActivityColumn("updated_by", "updated by", "gewijzigd door", 16, sql=(Activity.updated_by,)),
    ActivityColumn(
        "updated",
        "updated at",
        "gewijzigd op",
        19,
        Kind.DATETIME,
        (Activity.updated_at,),
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
