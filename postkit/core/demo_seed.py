"""The whole demo database: every feature's demo data for the demo post, in one go."""

from __future__ import annotations

import random
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from pathlib import Path

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from postkit.core.activities.demo import seed_demo
from postkit.core.activities.models import Activity, ActivityCompany, ActivitySector
from postkit.core.companies.demo import DEMO_COMPANIES, DemoCompany, seed_register_demo
from postkit.core.db import Database
from postkit.core.db.locking import job_lock
from postkit.core.demo_post import DEMO_PROFILE
from postkit.core.followups.demo import seed_followups_demo
from postkit.core.practices.demo import seed_practices_demo
from postkit.core.screening.demo import seed_screening_demo
from postkit.core.surveys.demo import seed_survey_demo

# The staff at the post who answer the evaluation survey.
DEMO_RESPONDENTS = 6


# The demo practice of the post's own that names companies of the register, and which.
_PRACTICE_COMPANIES = {"nairobi-flower-wages": ("savanne", "hollandroses", "naivashablooms")}


def seed_everything(database: Database, activities: int = 600, today: date | None = None) -> None:
    """The whole demo: the company register, activities (linked to the companies they reached),
    screenings of support requests, survey responses, practices."""
    with _seeding_alone(database), database.session() as session:
        register = seed_register_demo(session)
        # A second seed adds activities to the first's: only the new ones get their links.
        before = session.scalar(select(func.max(Activity.id))) or 0
        seed_demo(session, activities=activities, today=today)
        link_demo_activities(session, register, after_id=before)
        by_kvk = {c.data.kvk_number: register[c.key] for c in DEMO_COMPANIES if c.data.kvk_number}
        screening = seed_screening_demo(
            session, database.files_dir, today=today, company_ids=by_kvk
        )
        seed_followups_demo(
            session, screening.with_conditions.id, DEMO_PROFILE.user_name, today=today
        )
        seed_survey_demo(
            session, [DEMO_PROFILE.post_name], respondents_per_post=DEMO_RESPONDENTS, today=today
        )
        involved = {
            practice: tuple(register[key] for key in keys)
            for practice, keys in _PRACTICE_COMPANIES.items()
        }
        seed_practices_demo(session, database.files_dir, today=today, company_ids=involved)


def demo_company_fits(company: DemoCompany, country: str | None, sectors: set[str]) -> bool:
    """Whether the activity (its country, its sectors) could plausibly have reached it."""
    return company.data.sector in sectors and country in company.active_in


def link_demo_activities(
    session: Session, register: dict[str, int], seed: int = 16, after_id: int = 0
) -> int:
    """Name some of the companies the demo activities reached: companies of the activity's
    sector working in its country (Dutch ones where the activity was for a Dutch company). Each
    named company comes off the activity's typed count of unnamed companies, so the total
    reached stays what it was. Returns the number of links."""
    rng = random.Random(seed)
    sectors: dict[int, set[str]] = {}
    for activity_id, code in session.execute(
        select(ActivitySector.activity_id, ActivitySector.code)
    ):
        sectors.setdefault(activity_id, set()).add(code)
    activities = session.execute(
        select(
            Activity.id,
            Activity.country,
            Activity.unnamed_companies,
            Activity.activity_type,
            Activity.title,
        )
        .where(
            Activity.id > after_id,
            Activity.post_name == DEMO_PROFILE.post_name,
            Activity.unnamed_companies > 0,
        )
        .order_by(Activity.id)
    ).all()
    links, counts = [], []
    for activity_id, country, unnamed, activity_type, title in activities:
        # The post knows who came to most of its events, not to all of them.
        if rng.random() < 0.3:
            continue
        for_dutch = activity_type == "company_advice" or any(
            word in title for word in ("Dutch", "Nederland")
        )
        pool = [
            c
            for c in DEMO_COMPANIES
            if demo_company_fits(c, country, sectors.get(activity_id, set()))
            and (c.is_dutch or not for_dutch)
        ]
        if not pool:
            continue
        named = rng.sample(pool, rng.randint(1, min(3, unnamed, len(pool))))
        links += [{"activity_id": activity_id, "company_id": register[c.key]} for c in named]
        counts.append({"id": activity_id, "unnamed_companies": unnamed - len(named)})
    if links:
        session.execute(insert(ActivityCompany), links)
        session.execute(update(Activity), counts)
    session.commit()
    return len(links)


def _seeding_alone(database: Database) -> AbstractContextManager[None]:
    """Two seeds of one database file take turns: each part commits on its own, and the demo
    practices replace earlier copies, so interleaved seeds would collide halfway."""
    name = database.engine.url.database
    if not database.is_sqlite or not name:
        return nullcontext()
    return job_lock(Path(name), "demo-seed")
