"""The whole demo database: every feature's demo data for the demo post, in one go."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from datetime import date
from pathlib import Path

from postkit.core.activities.demo import seed_demo
from postkit.core.db import Database
from postkit.core.db.locking import job_lock
from postkit.core.demo_post import DEMO_PROFILE
from postkit.core.practices.demo import seed_practices_demo
from postkit.core.screening.demo import seed_screening_demo
from postkit.core.surveys.demo import seed_survey_demo

# The staff at the post who answer the evaluation survey.
DEMO_RESPONDENTS = 6


def seed_everything(database: Database, activities: int = 600, today: date | None = None) -> None:
    """The whole demo: activities, screenings of support requests, survey responses, practices."""
    with _seeding_alone(database), database.session() as session:
        seed_demo(session, activities=activities, today=today)
        seed_screening_demo(session, database.files_dir, today=today)
        seed_survey_demo(
            session, [DEMO_PROFILE.post_name], respondents_per_post=DEMO_RESPONDENTS, today=today
        )
        seed_practices_demo(session, database.files_dir, today=today)


def _seeding_alone(database: Database) -> AbstractContextManager[None]:
    """Two seeds of one database file take turns: each part commits on its own, and the demo
    practices replace earlier copies, so interleaved seeds would collide halfway."""
    name = database.engine.url.database
    if not database.is_sqlite or not name:
        return nullcontext()
    return job_lock(Path(name), "demo-seed")
