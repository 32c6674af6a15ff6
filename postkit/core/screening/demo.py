"""Fictional screening requests at the demo post, for demos and training.

Three requests go through the whole screening (one supported, one supported with
conditions, one declined after a sanctions hit, decided with steps still open and the reason
why) and one is left open for trainers to walk through. Every company and person is invented;
one director is deliberately named as a person on the shipped fictional sanctions list.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from postkit.core.demo_post import DEMO_PROFILE
from postkit.core.paths import resources_dir
from postkit.core.profile import load_profile, save_profile
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.records import (
    Answer,
    Decision,
    Judgement,
    Outcome,
    RequestInput,
    RequestRecord,
)
from postkit.core.screening.sanctions_store import judge_match, screen_request
from postkit.core.screening.service import (
    add_evidence,
    answer_item,
    create_request,
    decide,
    get_request,
)

SAMPLE_LIST = resources_dir() / "sanctions" / "sample-targets.simple.csv"
# The fictional samples of the official lists, screened beside the OpenSanctions sample.
OFFICIAL_SAMPLES = tuple(
    resources_dir() / "sanctions" / name
    for name in ("sample-eu-fsf.xml", "sample-un-consolidated.xml", "sample-nl-terrorism.xlsx")
)
_GOOD_ANSWERS = {
    "imvo_declaration": Answer.YES,
    "dd_embed": Answer.YES,
    "dd_identify": Answer.YES,
    "dd_prevent": Answer.YES,
    "dd_track": Answer.YES,
    "dd_communicate": Answer.YES,
    "dd_remediate": Answer.YES,
    "country_sector_risk": Answer.YES,
    "company_size": Answer.NO,
    "ncp_allegations": Answer.NO,
    "child_labour": Answer.NO,
    "gender": Answer.YES,
}


@dataclass(frozen=True)
class ScreeningDemo:
    """The demo requests, by the story each tells."""

    clean: RequestRecord
    with_conditions: RequestRecord
    declined: RequestRecord
    open: RequestRecord

    @property
    def requests(self) -> tuple[RequestRecord, ...]:
        return (self.clean, self.with_conditions, self.declined, self.open)


def _evidence_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _answer_all(
    session: Session,
    request_id: int,
    answers: dict[str, Answer],
    notes: dict[str, str],
    actor: str,
    links: dict[str, tuple[str, ...]] | None = None,
) -> None:
    for item, answer in answers.items():
        answer_item(
            session,
            request_id,
            item,
            answer,
            notes.get(item, ""),
            (links or {}).get(item, ()),
            actor=actor,
        )


def seed_screening_demo(
    session: Session,
    files_dir: Path,
    actor: str = DEMO_PROFILE.user_name,
    today: date | None = None,
    company_ids: Mapping[str, int] | None = None,
) -> ScreeningDemo:
    """Import the fictional sanctions lists and add the four demo requests.

    `company_ids` gives the register's record of a KvK number: the requests of those companies
    point at it (the whole demo seeds the register first).

    A database without a profile gets the demo post's (Embassy Nairobi), as `seed_demo` does.
    """
    if load_profile(session) is None:
        save_profile(session, DEMO_PROFILE)
    today = today or date.today()
    registered = company_ids or {}
    for sample in OFFICIAL_SAMPLES:
        import_sanctions_list(session, sample, actor, today=today)
    import_sanctions_list(session, SAMPLE_LIST, actor, today=today)
    with tempfile.TemporaryDirectory(prefix="postkit-demo-evidence-") as folder:
        evidence = Path(folder)
        clean = _clean_request(session, files_dir, evidence, actor, today, registered)
        with_conditions = _request_with_conditions(
            session, files_dir, evidence, actor, today, registered
        )
        declined = _declined_request(session, actor, today, registered)
    still_open = _open_request(session, actor, today, registered)
    return ScreeningDemo(clean, with_conditions, declined, still_open)


def _clean_request(
    session: Session,
    files_dir: Path,
    folder: Path,
    actor: str,
    today: date,
    registered: Mapping[str, int],
) -> RequestRecord:
    record = create_request(
        session,
        RequestInput(
            company_name="Groenveld Water Technologies B.V.",
            kvk_number="90000001",
            company_id=registered.get("90000001"),
            company_country="NL",
            company_sector="water_management",
            employees=85,
            turnover_eur=14_000_000,
            balance_sheet_eur=6_500_000,
            directors=("Maria Jansen", "Olga Scherbakova"),
            support_kind="matchmaking",
            operating_country="KE",
            operating_sector="water_management",
            requested_on=today - timedelta(days=60),
            needed_by=today - timedelta(days=20),
            handled_by=actor,
            description=(
                "Matchmaking with Kenyan county water utilities for drip-irrigation and "
                "water-metering projects."
            ),
        ),
        actor,
    )
    notes = {
        "imvo_declaration": "Signed declaration received by e-mail.",
        "dd_identify": "Risk analysis covers suppliers in the Netherlands, Israel and Kenya.",
        "country_sector_risk": "Water rights and land use discussed; handled in project plans.",
        "company_size": "85 employees: not a large company.",
        "gender": "Women's access to water is part of the project selection.",
    }
    links = {"dd_communicate": ("https://www.example.org/groenveld/rbc-report",)}
    _answer_all(session, record.id, _GOOD_ANSWERS, notes, actor, links)
    declaration = _evidence_file(
        folder,
        "IMVO declaration Groenveld Water Technologies.txt",
        "Fictional demo file: the IMVO declaration signed by Groenveld Water Technologies B.V.\n",
    )
    add_evidence(session, files_dir, record.id, "imvo_declaration", declaration, actor)
    record = screen_request(session, record.id, actor)
    for match in record.matches:
        judge_match(
            session,
            match.id,
            Judgement.DISMISSED,
            "Different person: our director was born in 1988 in Utrecht (passport seen); "
            "the listed person was born in 1969.",
            actor,
        )
    # The officer answers the sanctions step after reading the screening's result.
    sanctions_note = {"sanctions": "Screened: the one candidate was a different person."}
    _answer_all(session, record.id, {"sanctions": Answer.NO}, sanctions_note, actor)
    return decide(
        session,
        record.id,
        Decision(
            Outcome.SUPPORT,
            "No red flags. The company knows the OECD Guidelines, does due diligence in all "
            "six steps and addresses the medium country risk in its project plans.",
        ),
        actor,
    )


def _request_with_conditions(
    session: Session,
    files_dir: Path,
    folder: Path,
    actor: str,
    today: date,
    registered: Mapping[str, int],
) -> RequestRecord:
    record = create_request(
        session,
        RequestInput(
            company_name="Savanne Bloemen B.V.",
            kvk_number="90000002",
            company_id=registered.get("90000002"),
            company_country="NL",
            company_sector="floriculture",
            employees=620,
            turnover_eur=58_000_000,
            balance_sheet_eur=31_000_000,
            directors=("Jan de Vries", "Sophie Bakker"),
            support_kind="trade_mission",
            operating_country="KE",
            operating_sector="floriculture",
            requested_on=today - timedelta(days=45),
            needed_by=today + timedelta(days=30),
            handled_by=actor,
            description="A place on the horticulture trade mission to Naivasha.",
        ),
        actor,
    )
    answers = {
        **_GOOD_ANSWERS,
        "company_size": Answer.YES,
        "dd_track": Answer.NO,
        "gender": Answer.NO,
    }
    notes = {
        "imvo_declaration": "Signed declaration attached.",
        "dd_track": "No monitoring of the farms' labour conditions after the first audit.",
        "gender": "Risks for women farm workers (harassment, pay) not yet in the risk analysis.",
        "company_size": "620 employees, EUR 58M turnover: a large company.",
        "country_sector_risk": "Pesticide use and water use around Lake Naivasha discussed.",
    }
    _answer_all(session, record.id, answers, notes, actor)
    declaration = _evidence_file(
        folder,
        "IMVO declaration Savanne Bloemen.txt",
        "Fictional demo file: the IMVO declaration signed by Savanne Bloemen B.V.\n",
    )
    add_evidence(session, files_dir, record.id, "imvo_declaration", declaration, actor)
    screen_request(session, record.id, actor)
    sanctions_note = {"sanctions": "Screened: no candidates on the list."}
    _answer_all(session, record.id, {"sanctions": Answer.NO}, sanctions_note, actor)
    return decide(
        session,
        record.id,
        Decision(
            Outcome.SUPPORT_WITH_CONDITIONS,
            "The company does due diligence but does not yet track its results or look at "
            "risks for women workers. It agreed to close both gaps; support on that condition.",
            conditions=(
                "Monitor labour conditions at the supplying farms yearly and add a gender "
                "analysis to the risk assessment; send the first monitoring report."
            ),
            conditions_due=today + timedelta(days=120),
            follow_up_on=today + timedelta(days=130),
        ),
        actor,
    )


def _declined_request(
    session: Session, actor: str, today: date, registered: Mapping[str, int]
) -> RequestRecord:
    record = create_request(
        session,
        RequestInput(
            company_name="Oranje Delta Agro B.V.",
            kvk_number="90000003",
            company_id=registered.get("90000003"),
            company_country="NL",
            company_sector="agriculture_food",
            employees=40,
            turnover_eur=9_000_000,
            balance_sheet_eur=3_000_000,
            directors=("Peter van der Fictiehoven", "Erik Jansen"),
            support_kind="letter_of_support",
            operating_country="KE",
            operating_sector="agriculture_food",
            requested_on=today - timedelta(days=30),
            handled_by=actor,
            description="A letter of support for a tender for grain storage in Kenya.",
        ),
        actor,
    )
    record = screen_request(session, record.id, actor)
    for match in record.matches:
        if match.subject == "Peter van der Fictiehoven":
            judge_match(
                session,
                match.id,
                Judgement.CONFIRMED,
                "Same person: name, birth date (1 April 1955) and nationality match the "
                "listing; confirmed with the company's trade register extract.",
                actor,
            )
        else:
            judge_match(
                session, match.id, Judgement.DISMISSED, "Not the same name on review.", actor
            )
    answers = {
        "imvo_declaration": Answer.YES,
        "ncp_allegations": Answer.NO,
        "sanctions": Answer.YES,
    }
    notes = {"sanctions": "A director is on the sanctions list (confirmed in the screening)."}
    _answer_all(session, record.id, answers, notes, actor)
    return decide(
        session,
        record.id,
        Decision(
            Outcome.DECLINE,
            "A director of the company is on the sanctions list (confirmed); the post cannot "
            "lend its name. The company was told so in writing.",
            open_steps_reason=(
                "A confirmed sanctions match: EU sanctions law forbids the support whatever "
                "the remaining due-diligence answers."
            ),
        ),
        actor,
    )


def _open_request(
    session: Session, actor: str, today: date, registered: Mapping[str, int]
) -> RequestRecord:
    record = create_request(
        session,
        RequestInput(
            company_name="Kustlijn Logistiek B.V.",
            kvk_number="90000004",
            company_id=registered.get("90000004"),
            company_country="NL",
            company_sector="logistics_ports",
            employees=210,
            directors=("Youssef Kassimzadeh", "Anna de Graaf"),
            support_kind="introduction",
            operating_country="KE",
            operating_sector="logistics_ports",
            requested_on=today - timedelta(days=3),
            needed_by=today + timedelta(days=40),
            handled_by=actor,
            description="An introduction to the Kenya Ports Authority in Mombasa.",
        ),
        actor,
    )
    answers = {"imvo_declaration": Answer.UNKNOWN, "dd_embed": Answer.YES}
    notes = {
        "imvo_declaration": "Declaration promised; not yet received as a signed copy.",
        "dd_embed": "Supplier code of conduct seen on the company's website.",
    }
    _answer_all(session, record.id, answers, notes, actor)
    return get_request(session, record.id)
