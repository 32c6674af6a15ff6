"""The register's work that the runner does off the GUI thread, in one place: each function
takes a session and calls the register's services (postkit.core.companies), so the pages
name no service themselves.

History, usage counts, duplicates and merging come with the register's second part
(postkit.core.companies.history and the merge services); the module is reached through
`_history()` so the list and the page still show what they can on a register without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from postkit.core.companies import history, service
from postkit.core.companies.records import (
    CompanyData,
    CompanyLine,
    CompanyRecord,
    DuplicatePair,
    HistoryEntry,
)
from postkit.core.followups.service import follow_ups

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CompanyRow:
    """One line of the register's list: the company and what the post did with it."""

    line: CompanyLine
    activities: int | None
    screenings: int | None

    @property
    def id(self) -> int:
        return self.line.id


@dataclass(frozen=True)
class OpenFollowUp:
    """A follow-up still open, as the company page lists it."""

    id: int
    description: str
    due_on: date | None
    owner: str


@dataclass(frozen=True)
class CompanyPageData:
    """What the company page shows: the record, its timeline and the open follow-ups."""

    record: CompanyRecord
    history: list[HistoryEntry]
    follow_ups: list[OpenFollowUp]


# -- the list ---------------------------------------------------------------------------


def read_ids(session: Session, text: str) -> list[int]:
    return service.company_ids(session, text)


def read_rows(session: Session, ids: Sequence[int]) -> dict[int, CompanyRow]:
    lines = service.company_lines(session, list(ids))
    counts = history.usage_counts(session)
    return {line.id: CompanyRow(line, *counts.get(line.id, (0, 0))) for line in lines}


def lookup(session: Session, text: str) -> list[CompanyLine]:
    return service.lookup_companies(session, text)


def lines(session: Session, ids: Sequence[int]) -> list[CompanyLine]:
    return service.company_lines(session, list(ids))


# -- one company ------------------------------------------------------------------------


def read_company(session: Session, company_id: int) -> CompanyRecord:
    return service.get_company(session, company_id)


def read_page(session: Session, company_id: int) -> CompanyPageData:
    record = service.get_company(session, company_id)
    entries = history.company_history(session, company_id)
    return CompanyPageData(record, list(entries), read_open_follow_ups(session, company_id))


def read_open_follow_ups(session: Session, company_id: int) -> list[OpenFollowUp]:
    return [
        OpenFollowUp(f.id, f.data.description, f.data.due_on, f.data.owner)
        for f in follow_ups(session, company_id=company_id, open_only=True)
    ]


def save_company(
    session: Session, company_id: int | None, data: CompanyData, actor: str
) -> CompanyRecord:
    if company_id is None:
        return service.create_company(session, data, actor)
    return service.update_company(session, company_id, data, actor)


def create_named(session: Session, name: str, actor: str) -> int:
    """The company of this name, made when the register has none (the pickers' "create")."""
    return service.find_or_create_company(session, name, actor)


# -- duplicates and merging ---------------------------------------------------------------


def read_duplicates(session: Session) -> list[DuplicatePair]:
    return list(service.find_duplicates(session))


class MergeCompanies:
    """Merge `merge_id` into `keep_id`, undone by the register's `undo_merge` (a core
    command for RunnerUndoCommand: apply and revert return the ids they touched)."""

    def __init__(self, keep_id: int, merge_id: int, actor: str) -> None:
        self.keep_id = keep_id
        self.merge_id = merge_id
        self.actor = actor
        self._undo: Any = None

    def apply(self, session: Session) -> list[int]:
        self._undo = service.merge_companies(session, self.keep_id, self.merge_id, self.actor)
        return [self.keep_id, self.merge_id]

    def revert(self, session: Session) -> list[int]:
        service.undo_merge(session, self._undo, self.actor)
        return [self.keep_id, self.merge_id]
