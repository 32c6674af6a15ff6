"""A realistic, deterministic and wholly fictional data set for demos, training and benchmarks."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.activities.models import Activity, ActivitySector, ActivityTheme
from postkit.core.db import Database
from postkit.core.db.base import new_uuid, utc_now
from postkit.core.profile import PostProfile, save_profile

DEMO_PROFILE = PostProfile("Embassy Nairobi", ("KE", "SO"), "Demo user")


@dataclass(frozen=True)
class DemoPost:
    name: str
    country: str
    language: str


DEMO_POSTS = (
    DemoPost("Embassy Nairobi", "KE", "en"),
    DemoPost("Ambassade Accra", "GH", "nl"),
    DemoPost("Embassy Dhaka", "BD", "en"),
    DemoPost("Ambassade Hanoi", "VN", "nl"),
    DemoPost("Consulaat-generaal Shanghai", "CN", "nl"),
    DemoPost("Embassy Bogotá", "CO", "en"),
    DemoPost("Ambassade Lima", "PE", "nl"),
    DemoPost("Embassy Ankara", "TR", "en"),
    DemoPost("Ambassade Jakarta", "ID", "nl"),
)

_TITLES: dict[int, dict[str, tuple[str, ...]]] = {
    1: {
        "en": (
            "Staff training on OECD due diligence for {sector}",
            "Risk scan of the {sector} sector: {theme}",
            "Meeting local NGO network on {theme}",
            "Briefing new trade officer on IMVO tools",
        ),
        "nl": (
            "Training medewerkers over OESO-gepaste zorgvuldigheid in {sector}",
            "Risicoscan sector {sector}: {theme}",
            "Netwerkoverleg met lokale ngo's over {theme}",
            "Inwerken nieuwe handelsmedewerker in IMVO-instrumenten",
        ),
    },
    2: {
        "en": (
            "Seminar for Dutch companies: {theme} in {sector}",
            "Newsletter item on {theme}",
            "IMVO briefing for trade mission {sector}",
            "Webinar on the Child Labour Due Diligence Act",
        ),
        "nl": (
            "Seminar voor Nederlandse bedrijven: {theme} in {sector}",
            "Nieuwsbriefartikel over {theme}",
            "IMVO-briefing handelsmissie {sector}",
            "Webinar over de Wet zorgplicht kinderarbeid",
        ),
    },
    3: {
        "en": (
            "Advice to a {sector} exporter on {theme}",
            "Referral of a company to the IMVO-steunpunt",
            "Connecting a Dutch importer with local partners on {theme}",
            "Answering questions on local risks in {sector}",
        ),
        "nl": (
            "Advies aan exporteur in {sector} over {theme}",
            "Doorverwijzing bedrijf naar het IMVO-steunpunt",
            "Nederlandse importeur in contact gebracht met lokale partners over {theme}",
            "Vragen over lokale risico's in {sector} beantwoord",
        ),
    },
    4: {
        "en": (
            "IMVO screening of trade mission participants ({sector})",
            "Support request reviewed: letter of support, {sector}",
            "Conversation with company after allegations on {theme}",
        ),
        "nl": (
            "IMVO-toets deelnemers handelsmissie ({sector})",
            "Steunverzoek beoordeeld: steunbrief, {sector}",
            "Gesprek met bedrijf na signalen over {theme}",
        ),
    },
    5: {
        "en": (
            "Dialogue with the ministry of labour on {theme}",
            "EU embassies roundtable on {theme}",
            "Public event on {theme} in {sector}",
            "Meeting business association on {theme}",
        ),
        "nl": (
            "Dialoog met ministerie van arbeid over {theme}",
            "Rondetafel EU-ambassades over {theme}",
            "Publiek evenement over {theme} in {sector}",
            "Overleg met brancheorganisatie over {theme}",
        ),
    },
}
_TYPES_BY_TASK = {
    1: ("training", "meeting", "publication", "other"),
    2: ("seminar_event", "publication", "trade_mission", "training"),
    3: ("company_advice", "meeting", "company_advice"),
    4: ("company_advice", "trade_mission", "meeting"),
    5: ("stakeholder_dialogue", "seminar_event", "meeting"),
}
_PARTNERS = (
    "MVO Nederland",
    "RVO",
    "IMVO-steunpunt",
    "local chamber of commerce",
    "ILO country office",
    "Solidaridad",
    "Fairtrade",
    "trade union federation",
    "ministry of labour",
    "EU delegation",
    "Women Win",
    "UNDP",
    "business association",
    "Rainforest Alliance",
    "NCP",
)
_OUTCOMES = {
    "en": (
        "Follow-up meeting planned.",
        "Company agreed to a due diligence plan.",
        "Shared the sector risk scan.",
        "Report sent to headquarters.",
        "",
    ),
    "nl": (
        "Vervolgafspraak gepland.",
        "Bedrijf stemde in met een plan voor gepaste zorgvuldigheid.",
        "Sectorrisicoscan gedeeld.",
        "Verslag naar het departement gestuurd.",
        "",
    ),
}


def _activity_values(
    rng: random.Random, index: int, today: date
) -> tuple[dict, list[str], list[str]]:
    post = DEMO_POSTS[index % len(DEMO_POSTS)]
    task = rng.choices((1, 2, 3, 4, 5), weights=(2, 4, 5, 2, 3))[0]
    sector_codes = rng.sample(reference.sectors().codes, rng.randint(1, 2))
    theme_codes = rng.sample(reference.themes().codes, rng.randint(1, 3))
    sector = reference.sectors().label(sector_codes[0], post.language).lower()
    theme = reference.themes().label(theme_codes[0], post.language).lower()
    title = rng.choice(_TITLES[task][post.language]).format(sector=sector, theme=theme)
    start = today - timedelta(days=rng.randint(0, 3 * 365))
    end = start + timedelta(days=rng.randint(1, 3)) if rng.random() < 0.2 else None
    activity_type = rng.choice(_TYPES_BY_TASK[task])
    group_event = activity_type in (
        "seminar_event",
        "training",
        "trade_mission",
        "stakeholder_dialogue",
    )
    size = rng.randint(8, 80) if group_event else rng.randint(0, 4)
    other = rng.randint(0, size // 15)
    women = round((size - other) * rng.uniform(0.25, 0.65))
    men = size - other - women
    stamp = utc_now()
    values = {
        "uuid": new_uuid(),
        "post_name": post.name,
        "core_task": task,
        "title": title[:1].upper() + title[1:],
        "start_date": start,
        "end_date": end,
        "activity_type": activity_type,
        "description": f"{title}. "
        + (
            "Met de post, lokale partners en Nederlandse bedrijven."
            if post.language == "nl"
            else "With the post, local partners and Dutch companies."
        ),
        "country": post.country,
        "partners": "; ".join(rng.sample(_PARTNERS, rng.randint(1, 3))),
        "companies_reached": rng.randint(0, 25) if task in (2, 3, 4) else rng.randint(0, 3),
        "participants_women": women,
        "participants_men": men,
        "participants_other": other,
        "outcome": rng.choice(_OUTCOMES[post.language]),
        "follow_up": "",
        "created_at": stamp,
        "created_by": "Demo user",
        "updated_at": stamp,
        "updated_by": "Demo user",
    }
    return values, sector_codes, theme_codes


def seed_demo(
    session: Session,
    activities: int = 600,
    seed: int = 2021,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add `activities` demo activities (and the demo profile when none is set); returns the count.

    The same seed and day give the same data set, so demos and benchmarks are repeatable.
    """
    from postkit.core.profile import load_profile

    if load_profile(session) is None:
        save_profile(session, DEMO_PROFILE)
    rng = random.Random(seed)
    today = today or date.today()
    next_id = (session.scalar(select(func.max(Activity.id))) or 0) + 1
    batch = 5000
    for offset in range(0, activities, batch):
        rows, sectors, themes = [], [], []
        for index in range(offset, min(offset + batch, activities)):
            values, sector_codes, theme_codes = _activity_values(rng, index, today)
            activity_id = next_id + index
            rows.append({"id": activity_id, **values})
            sectors += [{"activity_id": activity_id, "code": code} for code in sector_codes]
            themes += [{"activity_id": activity_id, "code": code} for code in theme_codes]
        session.execute(insert(Activity), rows)
        session.execute(insert(ActivitySector), sectors)
        session.execute(insert(ActivityTheme), themes)
        if progress:
            progress(offset + len(rows), activities)
    session.commit()
    return activities


def seed_everything(database: Database, activities: int = 600, today: date | None = None) -> None:
    """The whole demo: activities, screenings of support requests, survey responses, practices."""
    from postkit.core.practices.demo import seed_practices_demo
    from postkit.core.screening.demo import seed_screening_demo
    from postkit.core.surveys.demo import seed_survey_demo

    with database.session() as session:
        seed_demo(session, activities=activities, today=today)
        seed_screening_demo(session, database.files_dir, today=today)
        seed_survey_demo(session, [post.name for post in DEMO_POSTS], today=today)
        seed_practices_demo(session, database.files_dir, today=today)
