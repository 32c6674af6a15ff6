"""Plain values the register's services take and return; nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True)
class ContactData:
    """A contact person at a company: personal data that stays at the post."""

    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class CompanyData:
    """What a user fills in for a company or organisation."""

    name: str
    trade_names: tuple[str, ...] = ()
    kvk_number: str | None = None
    foreign_registration: str = ""
    sector: str | None = None
    country: str | None = None
    employees: int | None = None
    turnover_eur: int | None = None
    balance_sheet_eur: int | None = None
    operates_internationally: bool = False
    website: str = ""
    notes: str = ""
    contacts: tuple[ContactData, ...] = ()


class SizeClass(StrEnum):
    """The letter's target group of large companies, SMEs, or not enough known to say."""

    LARGE = "large"
    SME = "sme"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CompanyRecord:
    id: int
    uuid: str
    data: CompanyData
    size_class: SizeClass
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True)
class CompanyLine:
    """One line of the register's list, or one hit of a lookup."""

    id: int
    name: str
    kvk_number: str | None
    country: str | None
    sector: str | None
    size_class: SizeClass


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that look like the same company; `reason` is "kvk" or "name"."""

    first: CompanyLine
    second: CompanyLine
    reason: str


@dataclass(frozen=True)
class HistoryEntry:
    """One thing the post did with a company, for the company page's timeline.

    `kind` is "activity", "request", "decision", "practice" or "follow_up"; `ref_id` is the id of
    that record in its own feature. `codes` are what the page shows by its label: an activity's
    type and status, a request's kind of support, a decision's outcome, a follow-up's status.
    """

    on: date
    kind: str
    ref_id: int
    title: str
    detail: str = ""
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MovedLink:
    """A row whose company key a merge re-pointed: its table, the column, and the row's primary
    key after the merge (values in the table's primary-key column order)."""

    table: str
    column: str
    key: tuple[object, ...]


@dataclass(frozen=True)
class DroppedLink:
    """A link row a merge removed because the kept company already had the same link (both
    companies linked to one activity): the whole row, so undo puts it back."""

    table: str
    values: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class MergeUndo:
    """What merge_companies changed, so undo_merge can put every link back exactly."""

    keep_id: int
    merge_id: int
    moved: tuple[MovedLink, ...] = ()
    dropped: tuple[DroppedLink, ...] = ()
