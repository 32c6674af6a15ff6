"""The demo is one coherent post whose activities a person would find plausible."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.activities.demo import GENERAL_THEMES, SECTOR_THEMES, seed_demo
from postkit.core.activities.models import Activity, ActivitySector, ActivityTheme
from postkit.core.activities.report import write_annual_report
from postkit.core.db import open_database
from postkit.core.profile import load_profile
from tests.pdf_text import pdf_text

SEED_DAY = date(2026, 6, 30)

# What a title says the activity is, checked in this order (first match wins).
TYPE_WORDS = (
    ("trade_mission", ("trade mission", "handelsmissie")),
    ("publication", ("newsletter", "nieuwsbrief", "risk scan", "risicoscan")),
    ("seminar_event", ("seminar", "webinar", "event", "evenement")),
    ("training", ("training",)),
    ("company_advice", ("advice", "advies", "referral", "doorverwijzing", "support request")),
    ("company_advice", ("steunverzoek",)),
    ("stakeholder_dialogue", ("dialogue", "dialoog", "roundtable", "rondetafel")),
    ("meeting", ("meeting", "overleg", "gesprek", "matchmaking")),
)
# Words that belong to one language only; a title has words of at most one of them.
ENGLISH = {"the", "on", "for", "with", "and", "of", "a", "to", "company", "companies", "diligence"}
DUTCH = {"de", "het", "een", "over", "voor", "met", "en", "van", "naar", "bedrijf", "bedrijven"}
DUTCH_ONLY = DUTCH - ENGLISH


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    with database.session() as session:
        seed_demo(session, activities=2000, today=SEED_DAY)
    database.dispose()
    return path


@pytest.fixture
def demo_session(demo: Path):  # type: ignore[no-untyped-def]
    database = open_database(demo)
    with database.session() as session:
        yield session
    database.dispose()


def _activities(session: Session) -> list[Activity]:
    return list(session.scalars(select(Activity).order_by(Activity.id)))


def _implied_type(title: str) -> str | None:
    lowered = title.lower()
    for activity_type, words in TYPE_WORDS:
        if any(word in lowered for word in words):
            return activity_type
    return None


def test_the_demo_is_one_post_in_its_countries_of_accreditation(demo_session: Session) -> None:
    profile = load_profile(demo_session)
    assert profile is not None
    assert (profile.post_name, profile.countries) == ("Embassy Nairobi", ("KE", "SO"))
    activities = _activities(demo_session)
    assert {a.post_name for a in activities} == {"Embassy Nairobi"}
    assert {a.country for a in activities} == {"KE", "SO"}


def test_each_activity_type_matches_its_title(demo_session: Session) -> None:
    wrong = [
        (a.title, a.activity_type)
        for a in _activities(demo_session)
        if _implied_type(a.title) != a.activity_type
    ]
    assert wrong == []


def test_the_reach_fits_the_kind_of_activity(demo_session: Session) -> None:
    for a in _activities(demo_session):
        participants = a.participants_women + a.participants_men + a.participants_other
        title = a.title.lower()
        if a.activity_type == "publication":
            assert participants == 0, a.title
        if a.activity_type == "company_advice":
            assert a.unnamed_companies == 1, a.title
            assert participants == 0, a.title
        if "staff training" in title or "training medewerkers" in title:
            assert a.unnamed_companies == 0, a.title
        if a.activity_type in ("seminar_event", "training", "stakeholder_dialogue"):
            assert participants > 0, a.title
        if a.activity_type in ("seminar_event", "training") and participants:
            # Companies are reached through the people they send.
            assert a.unnamed_companies <= participants, a.title
        assert a.participants_women >= 0 and a.participants_men >= 0, a.title


def test_every_title_is_in_one_language(demo_session: Session) -> None:
    languages_seen = set()
    for a in _activities(demo_session):
        words = set(re.findall(r"\w+", a.title.lower()))
        is_english, is_dutch = bool(words & ENGLISH), bool(words & DUTCH_ONLY)
        assert not (is_english and is_dutch), a.title
        description = set(re.findall(r"\w+", a.description.lower()))
        if is_english:
            assert not description & DUTCH_ONLY, a.description
            languages_seen.add("en")
        if is_dutch:
            assert not description & ENGLISH - DUTCH, a.description
            languages_seen.add("nl")
    assert languages_seen == {"en", "nl"}


def test_themes_fit_the_sectors(demo_session: Session) -> None:
    sectors: dict[int, set[str]] = {}
    for activity_id, code in demo_session.execute(
        select(ActivitySector.activity_id, ActivitySector.code)
    ):
        sectors.setdefault(activity_id, set()).add(code)
    themes: dict[int, set[str]] = {}
    for activity_id, code in demo_session.execute(
        select(ActivityTheme.activity_id, ActivityTheme.code)
    ):
        themes.setdefault(activity_id, set()).add(code)
    for activity_id, codes in themes.items():
        fitting = {t for s in sectors[activity_id] for t in SECTOR_THEMES[s]}
        assert codes <= fitting | set(GENERAL_THEMES), (activity_id, codes, sectors[activity_id])
        assert codes & fitting, (activity_id, codes)


def test_the_sector_theme_table_agrees_with_known_risks() -> None:
    # Independent of how the table was written: a few facts of these sectors.
    assert "conflict_minerals" not in {t for themes in SECTOR_THEMES.values() for t in themes}
    assert "child_labour" in SECTOR_THEMES["coffee_tea"]
    assert "forced_labour" in SECTOR_THEMES["fisheries_aquaculture"]
    assert "land_rights" in SECTOR_THEMES["energy_renewables"]
    assert "animal_welfare" not in SECTOR_THEMES["floriculture"]


def test_the_demo_states_no_law_as_in_force_that_is_not() -> None:
    import postkit.core.activities.demo as demo_module

    source = Path(demo_module.__file__).read_text(encoding="utf-8").lower()
    assert "child labour due diligence act" not in source
    assert "zorgplicht kinderarbeid" not in source


def test_the_same_seed_and_day_give_the_same_activities(session: Session, demo: Path) -> None:
    seed_demo(session, activities=300, today=SEED_DAY)
    database = open_database(demo)
    with database.session() as other:
        first = other.execute(
            select(Activity.title, Activity.start_date, Activity.unnamed_companies)
            .order_by(Activity.id)
            .limit(300)
        ).all()
    database.dispose()
    again = session.execute(
        select(Activity.title, Activity.start_date, Activity.unnamed_companies).order_by(
            Activity.id
        )
    ).all()
    assert again == first


def test_the_demo_annual_report_names_only_the_posts_countries(
    demo_session: Session, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    write_annual_report(demo_session, 2025, out)
    text = pdf_text(out)
    assert "Embassy Nairobi" in text
    assert "Kenya" in text and "Somalia" in text
    for elsewhere in ("Peru", "Türkiye", "Colombia", "Ghana", "Viet Nam", "Indonesia"):
        assert elsewhere not in text


def test_the_ministry_of_labour_is_met_on_labour_themes(demo_session: Session) -> None:
    labour = ("child labour", "forced labour", "living wage", "health and safety")
    labour += ("freedom of association", "gender")
    labour_nl = ("kinderarbeid", "dwangarbeid", "leefbaar loon", "veiligheid", "vakvereniging")
    labour_nl += ("gender",)
    for a in _activities(demo_session):
        title = a.title.lower()
        if "ministry of labour" in title:
            assert any(word in title for word in labour), a.title
        if "ministerie van arbeid" in title:
            assert any(word in title for word in labour_nl), a.title


def test_english_titles_take_an_before_a_vowel(demo_session: Session) -> None:
    wrong = [a.title for a in _activities(demo_session) if re.search(r"\ba [aeiou]", a.title)]
    assert wrong == []


def test_the_whole_demo_holds_only_the_posts_own_survey_responses(tmp_path: Path) -> None:
    from postkit.core.demo_post import DEMO_PROFILE
    from postkit.core.demo_seed import DEMO_RESPONDENTS, seed_everything
    from postkit.core.surveys.models import SurveyResponseRow

    database = open_database(tmp_path / "everything.sqlite3")
    seed_everything(database, activities=50, today=SEED_DAY)
    with database.session() as session:
        posts = list(session.scalars(select(SurveyResponseRow.post_name)))
        assert load_profile(session).post_name == DEMO_PROFILE.post_name
    database.dispose()
    assert posts == [DEMO_PROFILE.post_name] * DEMO_RESPONDENTS
