"""The good-practices page's work that the runner does off the GUI thread: reads that gather
what one screen needs, and the slow session jobs (exchange files, booklets)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from postkit.core.practices.privacy import Removal
from postkit.core.practices.records import PUBLISHED, ImportSummary, PracticeFilter, PracticeRecord
from postkit.core.practices.service import get_practice, list_practices

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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
    files_dir: Path,
    path: Path,
    ids: list[int] | None,
    post: str,
    keep_personal_data: bool,
) -> Callable[[Session, Progress], int]:
    def work(session: Session, _progress: Progress) -> int:
        from postkit.core.practices.exchange import export_practices

        return export_practices(
            session, files_dir, path, ids, post, keep_personal_data=keep_personal_data
        )

    return work


def import_exchange_files(
    files_dir: Path, files: list[Path]
) -> Callable[[Session, Progress], ImportSummary]:
    def work(session: Session, _progress: Progress) -> ImportSummary:
        from postkit.core.practices.exchange import import_practices

        return import_practices(session, files_dir, files)

    return work


def write_booklet_file(
    ids: list[int], path: Path, language: str, title: str
) -> Callable[[Session, Progress], Path]:
    def work(session: Session, progress: Progress) -> Path:
        # reportlab loads only when a booklet is asked for.
        from postkit.core.practices.booklet import write_booklet

        records = []
        for done, practice_id in enumerate(ids):
            progress(done, len(ids))
            records.append(get_practice(session, practice_id))
        write_booklet(records, path, language, title)
        return path

    return work
