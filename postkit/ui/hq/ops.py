"""The headquarters page's slow work, run by the runner's jobs off the GUI thread: reading
the stored summary and aggregating the posts' exports, each in a session of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from postkit.core.hq.forms import FormFiles, SortedExports, any_form, form_of, last_aggregated_form
from postkit.core.hq.service import CollectReport
from postkit.core.hq.summary import Summary, build_summary, collect_and_summarise

if TYPE_CHECKING:
    from postkit.core.db import Database

Progress = Callable[[int, int], None]


def read_stored_summary(database: Database) -> Callable[[Progress], Summary | None]:
    """The summary of the survey aggregated last, from what is stored (None: nothing yet)."""

    def work(_progress: Progress) -> Summary | None:
        with database.session() as session:
            form = last_aggregated_form(session)
            return None if form is None else build_summary(session, form)

    return work


def collect_exports(
    database: Database, found: SortedExports, chosen: FormFiles | None, progress: Progress
) -> tuple[CollectReport, Summary]:
    """Collect the chosen survey's exports and the files no survey can be told of (each
    refused with its reason); runs on the job's thread."""
    with database.session() as session:
        form = (
            any_form(session)
            if chosen is None
            else form_of(session, chosen.form_id, chosen.version)
        )
        paths = [*(chosen.paths if chosen else ()), *found.unreadable]
        return collect_and_summarise(session, paths, form, progress)
