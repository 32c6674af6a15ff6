"""Importing a sanctions list file: stored once, all entries or none, then the requests
screened before are screened again on it.

Apart from `sanctions_store` (the stored lists and screening against them) because importing
ends in re-screening, which screens with `sanctions_store`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.errors import PostkitError
from postkit.core.screening.audit import append_entry
from postkit.core.screening.list_formats import file_sha256, read_sanctions_list
from postkit.core.screening.models import SanctionsEntryRow, SanctionsListRow
from postkit.core.screening.records import SanctionsListInfo
from postkit.core.screening.rescreening import (
    CurrentLists,
    finish_rescreening,
    read_current_lists,
)
from postkit.core.screening.sanctions import SanctionsList
from postkit.core.screening.sanctions_store import current_lists, entry_values
from postkit.core.screening.service import list_info
from postkit.core.screening.validation import checked_actor


@dataclass(frozen=True)
class ListImport:
    """What importing a list file did: the list, and whether this run stored it."""

    list: SanctionsListInfo
    is_new: bool


def import_sanctions_list(
    session: Session, path: Path | str, actor: str, today: date | None = None
) -> SanctionsListInfo:
    """Store a list file (any of the four formats) as the current list of its source.

    See `import_list`; this returns only the list.
    """
    return import_list(session, path, actor, today).list


def import_list(
    session: Session,
    path: Path | str,
    actor: str,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ListImport:
    """Store a list file as the current list of its source, all entries or none.

    A file is stored once, by its SHA-256, whichever process imports it first; importing it
    again writes nothing. After a list is stored, the requests screened before are screened
    again (see `rescreening.rescreen_after_import`, which `progress` follows and may cancel:
    the list stays stored, its re-screening left to finish later). Re-screening a kill, a
    crash or a cancel left unfinished, on this list or another, is finished here too.
    """
    actor = checked_actor(actor)
    today = today or date.today()
    # A file stored before is not read again: a big list takes a while to parse.
    existing = _list_with_hash(session, file_sha256(path))
    is_new = existing is None
    if existing is None:
        listing = read_sanctions_list(path)
        if not listing.entries:
            raise PostkitError(f"{listing.file_name}: the file holds no entries")
        _refuse_if_older(session, listing)
        existing = _store(session, listing, actor)
        is_new = existing is not None
        if existing is None:  # another process stored the same file first
            existing = _list_with_hash(session, listing.sha256)
            assert existing is not None
    finish_rescreening(session, actor, today, progress)
    session.refresh(existing)
    return ListImport(list_info(existing), is_new)


def import_list_and_read_lists(
    session: Session,
    path: Path | str,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[ListImport, CurrentLists]:
    """`import_list`, then the current lists as they are after it: what the screening page
    shows once an import is done, read in the same job."""
    result = import_list(session, path, actor, progress=progress)
    return result, read_current_lists(session)


def _refuse_if_older(session: Session, listing: SanctionsList) -> None:
    """An official list older than the version in use would replace a newer one: refuse it."""
    if not listing.published_on:
        return
    for current in current_lists(session):
        if current.source == listing.source and current.list_date[:10] > listing.published_on:
            raise PostkitError(
                f"{listing.file_name}: published {listing.published_on}, before the list in "
                f"use ({current.file_name}, published {current.list_date[:10]}); import the "
                "newest version"
            )


def _list_with_hash(session: Session, sha256: str) -> SanctionsListRow | None:
    return session.scalar(select(SanctionsListRow).where(SanctionsListRow.sha256 == sha256))


def _store(session: Session, listing: SanctionsList, actor: str) -> SanctionsListRow | None:
    """The stored list; None when another process stored the same file meanwhile."""
    if listing.published_on:
        list_date = listing.published_on
    else:
        list_date = max((entry.last_change for entry in listing.entries), default="")
    try:
        row = SanctionsListRow(
            file_name=listing.file_name[:255],
            sha256=listing.sha256,
            source=listing.source,
            entry_count=listing.entry_count,
            list_date=list_date[:40],
            imported_at=utc_now(),
            imported_by=actor,
        )
        session.add(row)
        session.flush()
        # Core executemany: ORM objects for 100,000 entries would take far longer.
        session.execute(
            SanctionsEntryRow.__table__.insert(),
            [entry_values(row.id, entry) for entry in listing.entries],
        )
        details = {
            "list_id": row.id,
            "source": row.source,
            "file_name": row.file_name,
            "sha256": row.sha256,
            "entry_count": row.entry_count,
            "list_date": row.list_date,
        }
        append_entry(session, None, actor, "sanctions_list_imported", details)
        session.commit()
    except IntegrityError:
        session.rollback()
        if _list_with_hash(session, listing.sha256) is not None:
            return None
        raise
    except Exception:
        session.rollback()
        raise
    return row
