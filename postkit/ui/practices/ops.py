"""The good-practices page's work that the runner does off the GUI thread: reads that gather
what one screen needs, and the slow jobs (exchange files, booklets) with their own session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from postkit.core.practices.privacy import Removal
from postkit.core.practices.records import PUBLISHED, ImportSummary, PracticeFilter, PracticeRecord
from postkit.core.practices.service import get_practice, list_practices

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.core.db import Database

Progress = Callable[[int, int], None]


class ExportChoice(NamedTuple):
    """What the export dialog tells before asking: how many are published, and the personal
    data that would leave with the selection (True) or with all published practices (False)."""

    published: int
    removals: dict[bool, list[Removal]]


def read_export_choice(session: Session, selected: Sequence[int]) -> ExportChoice:
    from postkit.core.practices.exchange import personal_data_in_export

    published = len(list_practices(session, PracticeFilter(status=PUBLISHED)))
    removals = {
        True: list(personal_data_in_export(session, list(selected))),
        False: list(personal_data_in_export(session, None)),
    }
    return ExportChoice(published, removals)


def read_practice_set(session: Session, flt: PracticeFilter) -> list[PracticeRecord]:
    """Every practice the filter shows, whole, in the list's order (trainer mode)."""
    return [get_practice(session, row.id) for row in list_practices(session, flt)]


def export_exchange_file(
    database: Database,
    path: Path,
    ids: list[int] | None,
    post: str,
    keep_personal_data: bool,
) -> Callable[[Progress], int]:
    def work(_progress: Progress) -> int:
        from postkit.core.practices.exchange import export_practices

        with database.session() as session:
            return export_practices(
                session, database.files_dir, path, ids, post, keep_personal_data=keep_personal_data
            )

    return work


def import_exchange_files(
    database: Database, files: list[Path]
) -> Callable[[Progress], ImportSummary]:
    def work(_progress: Progress) -> ImportSummary:
        from postkit.core.practices.exchange import import_practices

        with database.session() as session:
            return import_practices(session, database.files_dir, files)

    return work


def write_booklet_file(
    database: Database, ids: list[int], path: Path, language: str, title: str
) -> Callable[[Progress], Path]:
    def work(progress: Progress) -> Path:
        # reportlab loads only when a booklet is asked for.
        from postkit.core.practices.booklet import write_booklet

        with database.session() as session:
            records = []
            for done, practice_id in enumerate(ids):
                progress(done, len(ids))
                records.append(get_practice(session, practice_id))
        write_booklet(records, path, language, title)
        return path

    return work
