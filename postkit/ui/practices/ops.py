"""The good-practices page's work that the runner does off the GUI thread: reads that gather
what one screen needs (the slow jobs are core functions run in a process of their own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from postkit.core.practices.privacy import Removal
from postkit.core.practices.records import PUBLISHED, PracticeFilter, PracticeRecord
from postkit.core.practices.service import get_practice, list_practices

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
