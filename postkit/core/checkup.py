"""Whether postkit can do its work on this machine: what `postkit check` reports.

Beyond its window the app needs its database and, for every slow job (exports, reports,
imports, screening), a child process that opens the database itself (core/processes.py). A
locked-down laptop can forbid a program to start processes, and the shipped app starts them
its own way (from its fork server, or spawned); `check` runs one such job and compares what
the child read with what this process reads, so that a post or a helpdesk learns that jobs
fail before a person needs one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from postkit.core.activities.listing import count_activities
from postkit.core.db.migrate import current_revision
from postkit.core.errors import PostkitError
from postkit.core.processes import DatabaseAddress, run_in_process, session_call, start_method
from postkit.core.revision import HEAD_REVISION

if TYPE_CHECKING:
    from postkit.core.db import Database

# How each start method reads in the report.
_STARTED = {"forkserver": "from the fork server", "spawn": "spawned"}


@dataclass(frozen=True)
class Checkup:
    """What `check_setup` found; it raises PostkitError instead when something fails."""

    database: str
    revision: str
    activities: int
    jobs_started: str  # how a job's process starts here
    job_seconds: float  # a job's process started, opened the database, read and answered

    def lines(self) -> list[str]:
        return [
            f"database: {self.database} (schema {self.revision}, {self.activities} activities)",
            f"slow jobs: a job's process ({_STARTED.get(self.jobs_started, self.jobs_started)})"
            f" opened the database and answered in {self.job_seconds * 1000:.0f} ms",
        ]


def check_setup(database: Database) -> Checkup:
    """Check the database's schema and run one job in a process of its own over it."""
    revision = current_revision(database.engine)
    if revision != HEAD_REVISION:
        raise PostkitError(
            f"the database's schema is {revision or 'missing'}; this postkit needs "
            f"{HEAD_REVISION} (run `postkit db upgrade`)"
        )
    with database.session() as session:
        here = count_activities(session)
    started = time.perf_counter()
    try:
        there = run_in_process(DatabaseAddress.of(database), session_call(count_activities))
    except (OSError, PostkitError) as error:
        raise PostkitError(f"slow jobs cannot run: a job's process failed ({error})") from error
    seconds = time.perf_counter() - started
    if there != here:
        raise PostkitError(
            f"slow jobs cannot run: a job's process read {there} activities where this "
            f"process reads {here}"
        )
    return Checkup(database.url, revision, here, start_method(), seconds)
