"""The activity log of the demo post: a realistic, deterministic and wholly fictional data set
for demos, training and benchmarks (`demo_seed` seeds every feature's demo)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from postkit.core.activities.models import Activity, ActivitySector, ActivityTheme
from postkit.core.db.base import new_uuid, utc_now
from postkit.core.demo_post import DEMO_PROFILE, DEMO_USER
from postkit.core.profile import load_profile, save_profile

# The demo database is one post's: Embassy Nairobi, accredited to Kenya and Somalia. Its staff
# answer the survey; other posts' answers reach headquarters as files (`demo exports`). Two
# officers keep the log, one in English and one in Dutch; every title, description and outcome
# is in its writer's language.
DEMO_COUNTRIES = ("KE", "SO")
_COUNTRY_WEIGHTS = (4, 1)
_LANGUAGE_WEIGHTS = {"en": 7, "nl": 3}

# Sectors that matter in each country, with how often the post works on them.
_SECTORS_BY_COUNTRY: dict[str, dict[str, int]] = {
    "KE": {
        "floriculture": 6,
        "coffee_tea": 5,
        "fruit_vegetables": 4,
        "agriculture_food": 3,
        "textiles_garments": 3,
        "energy_renewables": 3,
        "logistics_ports": 2,
        "water_management": 2,
        "construction": 1,
    },
    "SO": {
        "agriculture_food": 4,
        "fisheries_aquaculture": 3,
        "energy_renewables": 2,
        "logistics_ports": 2,
        "financial_services": 2,
        "construction": 1,
    },
}
# The themes that arise in each sector; the first theme of an activity is the one its title names.
SECTOR_THEMES: dict[str, tuple[str, ...]] = {
    "floriculture": ("health_safety", "gender", "living_wage", "water", "freedom_of_association"),
    "coffee_tea": ("living_income", "child_labour", "gender", "living_wage", "climate_environment"),
    "fruit_vegetables": ("water", "living_income", "health_safety", "child_labour"),
    "agriculture_food": ("living_income", "land_rights", "gender", "climate_environment"),
    "textiles_garments": ("living_wage", "freedom_of_association", "gender", "health_safety"),
    "energy_renewables": ("land_rights", "indigenous_peoples", "human_rights_defenders"),
    "logistics_ports": ("health_safety", "freedom_of_association", "corruption"),
    "water_management": ("water", "climate_environment", "land_rights"),
    "construction": ("health_safety", "corruption", "land_rights"),
    "fisheries_aquaculture": ("forced_labour", "biodiversity", "health_safety"),
    "financial_services": ("corruption", "human_rights_defenders"),
}
# Themes any sector's activity may carry as well (never the one its title names).
GENERAL_THEMES = ("due_diligence", "responsible_purchasing", "remediation")

# Short forms for titles: the reference labels are written for lists, not sentences.
_SECTOR_WORDS = {
    "en": {
        "floriculture": "cut flower",
        "coffee_tea": "tea and coffee",
        "fruit_vegetables": "avocado and vegetable",
        "agriculture_food": "agri-food",
        "textiles_garments": "garment",
        "energy_renewables": "renewable energy",
        "logistics_ports": "port and logistics",
        "water_management": "water",
        "construction": "construction",
        "fisheries_aquaculture": "fisheries",
        "financial_services": "financial services",
    },
    "nl": {
        "floriculture": "sierteelt",
        "coffee_tea": "thee en koffie",
        "fruit_vegetables": "avocado's en groente",
        "agriculture_food": "agrofood",
        "textiles_garments": "kleding",
        "energy_renewables": "hernieuwbare energie",
        "logistics_ports": "havens en logistiek",
        "water_management": "waterbeheer",
        "construction": "bouw",
        "fisheries_aquaculture": "visserij",
        "financial_services": "financiële dienstverlening",
    },
}
_THEME_WORDS = {
    "en": {
        "health_safety": "occupational health and safety",
        "gender": "gender equality",
        "living_wage": "living wages",
        "living_income": "living incomes",
        "water": "water use",
        "freedom_of_association": "freedom of association",
        "child_labour": "child labour",
        "climate_environment": "climate and environment",
        "land_rights": "land rights",
        "indigenous_peoples": "indigenous peoples' rights",
        "human_rights_defenders": "human rights defenders",
        "corruption": "corruption",
        "forced_labour": "forced labour",
        "biodiversity": "biodiversity",
    },
    "nl": {
        "health_safety": "gezondheid en veiligheid op het werk",
        "gender": "gendergelijkheid",
        "living_wage": "leefbaar loon",
        "living_income": "leefbaar inkomen",
        "water": "watergebruik",
        "freedom_of_association": "vrijheid van vakvereniging",
        "child_labour": "kinderarbeid",
        "climate_environment": "klimaat en milieu",
        "land_rights": "landrechten",
        "indigenous_peoples": "rechten van inheemse volken",
        "human_rights_defenders": "mensenrechtenverdedigers",
        "corruption": "corruptie",
        "forced_labour": "dwangarbeid",
        "biodiversity": "biodiversiteit",
    },
}
_COUNTRY_WORDS = {"en": {"KE": "Kenya", "SO": "Somalia"}, "nl": {"KE": "Kenia", "SO": "Somalië"}}


@dataclass(frozen=True)
class _Kind:
    """One kind of activity: its core task and type, its title, and the reach it can have.

    The reach follows from what the activity is: a publication has readers, not participants;
    advice and a referral reach one company; a staff training reaches no company.
    """

    core_task: int
    activity_type: str
    en: str
    nl: str
    participants: tuple[int, int]
    companies: tuple[int, int]
    partners: tuple[str, ...]
    weight: int
    # The themes its title may name, where the counterpart limits them (a ministry of labour).
    themes: tuple[str, ...] = ()


LABOUR_THEMES = (
    "child_labour",
    "forced_labour",
    "living_wage",
    "health_safety",
    "freedom_of_association",
    "gender",
)

_KINDS = (
    _Kind(
        1,
        "training",
        "Staff training on OECD due diligence in the {sector} sector",
        "Training medewerkers over gepaste zorgvuldigheid in de sector {sector}",
        (4, 12),
        (0, 0),
        ("MVO Nederland", "RVO"),
        2,
    ),
    _Kind(
        1,
        "publication",
        "Risk scan of the {sector} sector in {country}: {theme}",
        "Risicoscan van de sector {sector} in {country}: {theme}",
        (0, 0),
        (0, 0),
        ("ILO country office", "Solidaridad"),
        2,
    ),
    _Kind(
        1,
        "meeting",
        "Meeting with the local NGO network on {theme}",
        "Overleg met het netwerk van lokale ngo's over {theme}",
        (3, 12),
        (0, 0),
        ("trade union federation", "Women Win", "Solidaridad"),
        2,
    ),
    _Kind(
        2,
        "seminar_event",
        "Seminar for Dutch companies on {theme} in the {sector} sector",
        "Seminar voor Nederlandse bedrijven over {theme} in de sector {sector}",
        (15, 90),
        (6, 30),
        ("MVO Nederland", "RVO", "local chamber of commerce"),
        3,
    ),
    _Kind(
        2,
        "seminar_event",
        "Webinar for Dutch {sector} companies on the OECD Guidelines",
        "Webinar voor Nederlandse bedrijven in de sector {sector} over de OESO-richtlijnen",
        (10, 60),
        (5, 25),
        ("MVO Nederland", "IMVO-steunpunt"),
        2,
    ),
    _Kind(
        2,
        "publication",
        "Newsletter item on {theme} in the {sector} sector",
        "Nieuwsbriefartikel over {theme} in de sector {sector}",
        (0, 0),
        (0, 0),
        ("IMVO-steunpunt",),
        3,
    ),
    _Kind(
        2,
        "trade_mission",
        "IMVO briefing for the {sector} trade mission",
        "IMVO-briefing voor de handelsmissie {sector}",
        (15, 40),
        (8, 20),
        ("RVO", "local chamber of commerce"),
        2,
    ),
    _Kind(
        3,
        "company_advice",
        "Advice to a Dutch {sector} company on {theme}",
        "Advies aan een Nederlands bedrijf in de sector {sector} over {theme}",
        (0, 0),
        (1, 1),
        ("IMVO-steunpunt", "MVO Nederland"),
        5,
    ),
    _Kind(
        3,
        "company_advice",
        "Referral of {a_sector} company to the IMVO-steunpunt",
        "Doorverwijzing van een bedrijf in de sector {sector} naar het IMVO-steunpunt",
        (0, 0),
        (1, 1),
        ("IMVO-steunpunt",),
        3,
    ),
    _Kind(
        3,
        "meeting",
        "Matchmaking meeting: a Dutch {sector} company and local partners on {theme}",
        "Matchmaking: een Nederlands bedrijf ({sector}) en lokale partners over {theme}",
        (3, 8),
        (1, 3),
        ("local chamber of commerce", "business association"),
        2,
    ),
    _Kind(
        4,
        "trade_mission",
        "IMVO screening of the {sector} trade mission's participants",
        "IMVO-toets van de deelnemers aan de handelsmissie {sector}",
        (0, 0),
        (6, 15),
        ("RVO",),
        1,
    ),
    _Kind(
        4,
        "company_advice",
        "Support request reviewed: letter of support for {a_sector} company",
        "Steunverzoek beoordeeld: steunbrief voor een bedrijf in de sector {sector}",
        (0, 0),
        (1, 1),
        ("RVO",),
        2,
    ),
    _Kind(
        4,
        "meeting",
        "Meeting with {a_sector} company after allegations of {theme}",
        "Gesprek met een bedrijf in de sector {sector} na signalen over {theme}",
        (2, 4),
        (1, 1),
        ("NCP", "IMVO-steunpunt"),
        1,
    ),
    _Kind(
        5,
        "stakeholder_dialogue",
        "Dialogue with the ministry of labour on {theme}",
        "Dialoog met het ministerie van arbeid over {theme}",
        (6, 20),
        (0, 0),
        ("ministry of labour", "ILO country office"),
        2,
        LABOUR_THEMES,
    ),
    _Kind(
        5,
        "stakeholder_dialogue",
        "EU embassies roundtable on {theme} in {country}",
        "Rondetafel van EU-ambassades over {theme} in {country}",
        (8, 25),
        (0, 0),
        ("EU delegation",),
        1,
    ),
    _Kind(
        5,
        "seminar_event",
        "Public event on {theme} in the {sector} sector",
        "Publiek evenement over {theme} in de sector {sector}",
        (30, 150),
        (5, 30),
        ("UNDP", "business association", "trade union federation"),
        1,
    ),
    _Kind(
        5,
        "meeting",
        "Meeting with the business association on {theme}",
        "Overleg met de brancheorganisatie over {theme}",
        (3, 10),
        (0, 0),
        ("business association",),
        1,
    ),
)
_KIND_WEIGHTS = tuple(kind.weight for kind in _KINDS)

_DESCRIPTIONS = {
    "en": {
        "group": "With local partners and Dutch companies active in {country}.",
        "publication": "Written for Dutch companies active in {country}.",
        "company": "For one Dutch company active in {country}.",
        "dialogue": "With local stakeholders in {country}.",
    },
    "nl": {
        "group": "Met lokale partners en Nederlandse bedrijven die actief zijn in {country}.",
        "publication": "Geschreven voor Nederlandse bedrijven die actief zijn in {country}.",
        "company": "Voor één Nederlands bedrijf dat actief is in {country}.",
        "dialogue": "Met lokale belanghebbenden in {country}.",
    },
}
_OUTCOMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "group": ("Follow-up meeting planned.", "Presentations shared with participants.", ""),
        "publication": (
            "Shared with the Dutch business community.",
            "Report sent to headquarters.",
        ),
        "company": (
            "The company will draw up a due diligence plan.",
            "Shared the sector risk scan with the company.",
            "",
        ),
        "dialogue": ("Follow-up meeting planned.", "Report sent to headquarters.", ""),
    },
    "nl": {
        "group": ("Vervolgafspraak gepland.", "Presentaties gedeeld met de deelnemers.", ""),
        "publication": (
            "Gedeeld met het Nederlandse bedrijfsleven.",
            "Gedeeld met het IMVO-steunpunt.",
        ),
        "company": (
            "Het bedrijf stelt een plan voor gepaste zorgvuldigheid op.",
            "Sectorrisicoscan met het bedrijf gedeeld.",
            "",
        ),
        "dialogue": ("Vervolgafspraak gepland.", "Verslag naar het departement gestuurd.", ""),
    },
}


def _with_article(words: str) -> str:
    return ("an " if words[0] in "aeiou" else "a ") + words


def _reach_group(kind: _Kind) -> str:
    if kind.activity_type == "publication":
        return "publication"
    if kind.companies == (1, 1):
        return "company"
    if kind.activity_type == "stakeholder_dialogue":
        return "dialogue"
    return "group"


def _activity_values(
    rng: random.Random, index: int, today: date
) -> tuple[dict, list[str], list[str]]:
    country = rng.choices(DEMO_COUNTRIES, weights=_COUNTRY_WEIGHTS)[0]
    language = rng.choices(tuple(_LANGUAGE_WEIGHTS), weights=tuple(_LANGUAGE_WEIGHTS.values()))[0]
    kind = rng.choices(_KINDS, weights=_KIND_WEIGHTS)[0]
    sector_weights = {
        code: weight
        for code, weight in _SECTORS_BY_COUNTRY[country].items()
        if not kind.themes or set(SECTOR_THEMES[code]) & set(kind.themes)
    }
    sector = rng.choices(tuple(sector_weights), weights=tuple(sector_weights.values()))[0]
    fitting = SECTOR_THEMES[sector]
    theme = rng.choice([code for code in fitting if not kind.themes or code in kind.themes])
    others = [code for code in fitting if code != theme]
    theme_codes = [theme, *rng.sample(others, rng.randint(0, 1))]
    # A general theme (due diligence itself, say) comes with some activities, never most.
    if rng.random() < 0.25:
        theme_codes.append(rng.choice(GENERAL_THEMES))
    sector_codes = [sector]
    title = getattr(kind, language).format(
        sector=_SECTOR_WORDS[language][sector],
        a_sector=_with_article(_SECTOR_WORDS[language][sector]),
        theme=_THEME_WORDS[language][theme],
        country=_COUNTRY_WORDS[language][country],
    )
    start = today - timedelta(days=rng.randint(0, 3 * 365))
    lasts_days = kind.activity_type in ("training", "trade_mission", "seminar_event")
    end = start + timedelta(days=rng.randint(1, 3)) if lasts_days and rng.random() < 0.3 else None
    companies = rng.randint(*kind.companies)
    # Company representatives are among the participants of an event for companies.
    size = max(rng.randint(*kind.participants), companies if kind.participants[1] else 0)
    other = rng.randint(0, size // 15)
    women = round((size - other) * rng.uniform(0.25, 0.65))
    men = size - other - women
    group = _reach_group(kind)
    stamp = utc_now()
    values = {
        "uuid": new_uuid(),
        "post_name": DEMO_PROFILE.post_name,
        "core_task": kind.core_task,
        "title": title[:1].upper() + title[1:],
        "start_date": start,
        "end_date": end,
        "activity_type": kind.activity_type,
        "description": f"{title[:1].upper() + title[1:]}. "
        + _DESCRIPTIONS[language][group].format(country=_COUNTRY_WORDS[language][country]),
        "country": country,
        "partners": "; ".join(rng.sample(kind.partners, rng.randint(1, len(kind.partners)))),
        "unnamed_companies": companies,
        "participants_women": women,
        "participants_men": men,
        "participants_other": other,
        "outcome": rng.choice(_OUTCOMES[language][group]),
        "follow_up": "",
        "created_at": stamp,
        "created_by": DEMO_USER,
        "updated_at": stamp,
        "updated_by": DEMO_USER,
    }
    return values, sector_codes, theme_codes


def seed_demo(
    session: Session,
    activities: int = 600,
    seed: int = 2021,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add `activities` of the demo post, Embassy Nairobi (and its profile when none is set).

    Returns the count. The same seed and day give the same data set, so demos and benchmarks
    are repeatable.
    """
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
