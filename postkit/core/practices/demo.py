"""Fictional good practices from posts on several continents, for demos and training.

Every post, person and company below is invented. The practices keep the same UUIDs each
time they are seeded, so seeding again restores them as they were (the trainer's "reset
demo") instead of adding copies.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.attachments import store_attachment
from postkit.core.demo_post import DEMO_USER
from postkit.core.practices.models import PracticeRow
from postkit.core.practices.records import PUBLISHED, PracticeInput
from postkit.core.practices.service import create_practice, delete_practice, mark_used

DEMO_ACTOR = DEMO_USER
_NAMESPACE = uuid.UUID("6f0c2a52-5b0e-4f57-9d0e-2b1f3c7a9e11")


@dataclass(frozen=True)
class _DemoPractice:
    key: str
    years_ago: int
    data: PracticeInput
    tool: tuple[str, str] | None = None  # (file name, text) of an attached template
    used_by: tuple[tuple[str, str, str], ...] = ()  # (post, user, note)


def _practice(**fields: object) -> PracticeInput:
    return PracticeInput(status=PUBLISHED, **fields)  # type: ignore[arg-type]


_PRACTICES = (
    _DemoPractice(
        "nairobi-flower-wages",
        1,
        _practice(
            title="One living wage benchmark for the Kenyan flower sector",
            core_tasks=(2, 5),
            post_name="Embassy Nairobi",
            country="KE",
            summary="Growers, Dutch buyers and the workers' union agreed to use **one** living "
            "wage benchmark for Naivasha flower farms, and to report the gap each year.\n\n"
            "- a shared benchmark instead of five competing ones\n"
            "- a yearly wage-gap report by the growers' association",
            context="Dutch buyers each asked farms for a different wage figure. Farms spent time "
            "on paperwork instead of closing the gap.",
            what_was_done="The post hosted three round tables with growers, two importers, "
            "the union and a benchmark organisation, and paid for a neutral facilitator.",
            what_worked="Meeting at a farm rather than at the residence. Having the union at the "
            "table from the first meeting.",
            what_did_not="A public launch was planned too early and was postponed twice.",
            lessons="Let the sector own the benchmark; the post convenes and keeps the pace.",
            contact="nai-ea@example.org",
            language="en",
            themes=("living_wage", "freedom_of_association", "responsible_purchasing"),
            sectors=("floriculture",),
        ),
        tool=(
            "Round table agenda - living wage.txt",
            "Fictional demo file: agenda of the living wage round table.\n"
            "1. Welcome\n2. Which benchmark?\n3. Reporting the gap\n4. Next steps\n",
        ),
        used_by=(
            ("Ambassade Addis Abeba", "Hanna Tesfaye", "Used for the rose farms round table."),
        ),
    ),
    _DemoPractice(
        "accra-cocoa-women",
        2,
        _practice(
            title="Vrouwelijke cacaoboeren aan tafel bij de sectordialoog",
            core_tasks=(5,),
            post_name="Ambassade Accra",
            country="GH",
            summary="De post zorgde dat **vrouwelijke cacaoboeren** zelf spraken in de "
            "nationale dialoog over kinderarbeid en leefbaar inkomen, in plaats van erover "
            "te laten spreken.",
            context="Vrouwen doen een groot deel van het werk op cacaoboerderijen, maar waren "
            "in de dialoog nauwelijks vertegenwoordigd.",
            what_was_done="Samen met twee coöperaties selecteerden we twaalf boerinnen; de post "
            "betaalde reis en kinderopvang tijdens de bijeenkomsten.",
            what_worked="Kinderopvang regelen maakte het verschil voor deelname.",
            what_did_not="Tolken Twi–Engels waren niet op elke bijeenkomst beschikbaar.",
            lessons="Vraag vooraf wat deelname in de weg staat; meestal is het praktisch.",
            language="nl",
            themes=("gender", "child_labour", "living_income"),
            sectors=("cocoa",),
        ),
        used_by=(("Embassy Abidjan", "Koffi Yao", ""),),
    ),
    _DemoPractice(
        "dhaka-garment-wages",
        1,
        _practice(
            title="Wage-gap workshops for Dutch garment buyers in Dhaka",
            core_tasks=(3,),
            post_name="Embassy Dhaka",
            country="BD",
            summary="Half-day workshops showed Dutch fashion brands how their *purchasing "
            "prices* affect wages in the factories they buy from.",
            context="After the minimum wage rise, factories told buyers that prices did not "
            "follow. Several Dutch brands asked the post what to do.",
            what_was_done="Two workshops with a costing expert; each brand costed one product "
            "with labour cost ring-fenced.",
            what_worked="Working on a real product of the brand, not a textbook example.",
            what_did_not="Smaller brands found it hard to send a buyer for half a day.",
            lessons="Invite the buyers, not only the CSR staff: they set the prices.",
            language="en",
            themes=("living_wage", "responsible_purchasing", "due_diligence"),
            sectors=("textiles_garments",),
        ),
    ),
    _DemoPractice(
        "dhaka-women-safety-committees",
        3,
        _practice(
            title="Women leading factory safety committees",
            core_tasks=(5, 1),
            post_name="Embassy Dhaka",
            country="BD",
            summary="A pilot in eight factories trained women workers to chair the legally "
            "required safety committees.",
            context="Most garment workers are women; most safety committee chairs were men "
            "appointed by management.",
            what_was_done="With the ILO country office and a local NGO the post funded training "
            "and a peer network of committee chairs.",
            what_worked="The peer network kept going after the funding ended.",
            what_did_not="Two factories left the pilot after a change of management.",
            lessons="Agree with factory owners in writing before training starts.",
            language="en",
            themes=("gender", "health_safety"),
            sectors=("textiles_garments",),
        ),
    ),
    _DemoPractice(
        "hanoi-coffee-child-labour",
        2,
        _practice(
            title="Kinderarbeid in de koffieketen bespreekbaar gemaakt",
            core_tasks=(2, 3),
            post_name="Ambassade Hanoi",
            country="VN",
            summary="Een webinar en een risicokaart hielpen Nederlandse koffie-importeurs "
            "**risico's op kinderarbeid** bij hun Vietnamese leveranciers in kaart te brengen, "
            "als deel van hun gepaste zorgvuldigheid volgens de OESO-richtlijnen.",
            context="Tijdens de oogst helpen kinderen op familiebedrijven mee; importeurs wisten "
            "niet waar meehelpen ophoudt en kinderarbeid begint.",
            what_was_done="Met een lokale onderzoeker maakten we een risicokaart per provincie en "
            "organiseerden we een webinar met twee importeurs als sprekers.",
            what_worked="Importeurs die hun eigen aanpak lieten zien, ook wat nog niet lukte.",
            what_did_not="De risicokaart was snel verouderd; jaarlijks bijwerken is nodig.",
            lessons="Laat bedrijven elkaar vertellen wat werkt; de post faciliteert.",
            language="nl",
            themes=("child_labour", "due_diligence"),
            sectors=("coffee_tea",),
        ),
        tool=(
            "Risicokaart koffie - sjabloon.txt",
            "Fictief demobestand: sjabloon voor een risicokaart per provincie.\n"
            "Provincie; oogstmaanden; risico kinderarbeid; bronnen\n",
        ),
    ),
    _DemoPractice(
        "bogota-flower-gender",
        2,
        _practice(
            title="Tackling sexual harassment on Colombian flower farms",
            core_tasks=(3, 5),
            post_name="Embassy Bogotá",
            country="CO",
            summary="Dutch buyers and Colombian growers adopted a shared protocol against "
            "sexual harassment, with a grievance line run by a women's organisation.",
            context="Reports of harassment by supervisors reached Dutch buyers through an NGO "
            "study; growers denied there was a problem.",
            what_was_done="The post brought buyers, growers and the NGO together and funded the "
            "first year of the grievance line.",
            what_worked="An independent grievance line that workers trusted.",
            what_did_not="Growers outside the export association stayed away.",
            lessons="Start with the growers who want to move; others follow when buyers ask.",
            language="en",
            themes=("gender", "remediation"),
            sectors=("floriculture",),
        ),
    ),
    _DemoPractice(
        "lima-mining-water",
        3,
        _practice(
            title="Dialoog over water tussen mijnbouwbedrijf en boerengemeenschappen",
            core_tasks=(5,),
            post_name="Ambassade Lima",
            country="PE",
            summary="De post steunde een onafhankelijke watermonitor die boeren en een "
            "mijnbouwbedrijf samen opzetten.",
            context="Gemeenschappen vreesden dat een mijn hun irrigatiewater vervuilde; "
            "vertrouwen in de metingen van het bedrijf ontbrak.",
            what_was_done="Een Nederlands waterinstituut trainde boeren in het meten van "
            "waterkwaliteit; de resultaten worden maandelijks openbaar besproken.",
            what_worked="Boeren meten zelf; de cijfers worden niet meer betwist.",
            what_did_not="De eerste meetapparatuur was niet bestand tegen de hoogte.",
            lessons="Investeer in vertrouwen in de cijfers vóór je over oplossingen praat.",
            language="nl",
            themes=("water", "land_rights", "indigenous_peoples"),
            sectors=("metals_mining",),
        ),
    ),
    _DemoPractice(
        "ankara-hazelnut-child-labour",
        1,
        _practice(
            title="Seasonal migrant children and the hazelnut harvest",
            core_tasks=(3, 4),
            post_name="Embassy Ankara",
            country="TR",
            summary="Summer schools for children of seasonal workers, co-funded by Dutch "
            "buyers, kept children out of the orchards during the harvest.",
            context="Families of seasonal workers travel with their children; without "
            "childcare the children end up picking.",
            what_was_done="The post linked two Dutch confectionery buyers with a local NGO and "
            "the provincial education office.",
            what_worked="Buyers paid per child, which made the cost easy to explain.",
            what_did_not="Transport to the schools was underestimated in the first year.",
            lessons="Childcare is the practical answer to much seasonal child labour.",
            language="en",
            themes=("child_labour", "living_income"),
            sectors=("agriculture_food",),
        ),
        used_by=(("Ambassade Jakarta", "Dewi Santoso", "Idee voor de palmolieplantages."),),
    ),
    _DemoPractice(
        "jakarta-palm-oil-wages",
        2,
        _practice(
            title="Leefbaar loon op palmolieplantages: een nulmeting",
            core_tasks=(1, 5),
            post_name="Ambassade Jakarta",
            country="ID",
            summary="De post liet een nulmeting uitvoeren naar lonen op plantages van "
            "leveranciers van Nederlandse afnemers, als basis voor een sectorafspraak.",
            context="Er waren geen betrouwbare cijfers over lonen van plantagearbeiders, "
            "zeker niet van vrouwen met tijdelijke contracten.",
            what_was_done="Een lokale universiteit interviewde 600 arbeiders op twaalf "
            "plantages; resultaten gedeeld met bedrijven en vakbonden.",
            what_worked="Aparte cijfers voor vrouwen en tijdelijke krachten.",
            what_did_not="Niet alle plantages gaven toegang.",
            lessons="Zonder cijfers geen gesprek: een nulmeting opent deuren.",
            language="nl",
            themes=("living_wage", "gender"),
            sectors=("agriculture_food",),
        ),
    ),
    _DemoPractice(
        "addis-textile-training",
        1,
        _practice(
            title="Due diligence training for Dutch textile investors in Ethiopia",
            core_tasks=(1, 3),
            post_name="Ambassade Addis Abeba",
            country="ET",
            summary="A one-day training for Dutch investors in an industrial park on "
            "identifying and acting on risks for young women workers.",
            context="Most workers in the park are young women from rural areas, paid little "
            "and often living far from home.",
            what_was_done="With the park management and a Dutch consultancy the post ran a "
            "training and a follow-up visit six months later.",
            what_worked="The follow-up visit: companies had acted on two of three risks.",
            what_did_not="Park management wanted to keep results confidential.",
            lessons="Plan the follow-up at the start; it is where change shows.",
            language="en",
            themes=("due_diligence", "gender", "living_wage"),
            sectors=("textiles_garments",),
        ),
    ),
    _DemoPractice(
        "mexico-avocado-deforestation",
        2,
        _practice(
            title="Deforestation-free avocados from Michoacán",
            core_tasks=(2, 3),
            post_name="Embassy Mexico City",
            country="MX",
            summary="Satellite monitoring helped Dutch importers check that their avocado "
            "suppliers did not expand into forest.",
            context="Avocado orchards were replacing pine and oak forest; importers could not "
            "check their suppliers' land.",
            what_was_done="The post introduced importers to a monitoring service and hosted a "
            "meeting with growers' cooperatives.",
            what_worked="Cooperatives saw monitoring as a way to keep the European market.",
            what_did_not="Security risks kept the post from visiting some orchards.",
            lessons="Frame due diligence as market access, not as suspicion.",
            language="en",
            themes=("deforestation", "climate_environment", "biodiversity"),
            sectors=("fruit_vegetables",),
        ),
    ),
    _DemoPractice(
        "accra-gold-child-labour",
        3,
        _practice(
            title="Kinderarbeid in de ambachtelijke goudwinning",
            core_tasks=(5, 4),
            post_name="Ambassade Accra",
            country="GH",
            summary="Met EU-ambassades zette de post kinderarbeid in de kleinschalige "
            "goudwinning op de agenda van het ministerie van mijnbouw.",
            context="Nederlandse bedrijven kopen zelden direct goud uit Ghana, maar het goud "
            "komt wel in hun elektronica en sieraden.",
            what_was_done="Een gezamenlijke EU-verklaring, een werkbezoek van de minister en "
            "steun aan een registratie van mijnlocaties.",
            what_worked="Samen optrekken met andere EU-lidstaten gaf meer gewicht.",
            what_did_not="De registratie vorderde traag door gebrek aan personeel.",
            lessons="Zoek bondgenoten: als EU sta je sterker dan als één ambassade.",
            language="nl",
            themes=("child_labour", "conflict_minerals"),
            sectors=("metals_mining",),
        ),
    ),
)


def demo_uuid(key: str) -> str:
    """The fixed UUID of a demo practice."""
    return str(uuid.uuid5(_NAMESPACE, key))


def seed_practices_demo(
    session: Session,
    files_dir: Path,
    today: date | None = None,
    company_ids: Mapping[str, tuple[int, ...]] | None = None,
) -> int:
    """Add the demo practices, replacing earlier copies of them; returns how many.

    `company_ids` names the register's companies involved in a practice, by the practice's
    key (the whole demo seeds the register first)."""
    today = today or date.today()
    uuids = [demo_uuid(demo.key) for demo in _PRACTICES]
    earlier = session.scalars(select(PracticeRow.id).where(PracticeRow.uuid.in_(uuids))).all()
    for practice_id in earlier:
        delete_practice(session, practice_id)
    with tempfile.TemporaryDirectory(prefix="postkit-demo-tools-") as folder:
        for demo, practice_uuid in zip(_PRACTICES, uuids, strict=True):
            attachments = []
            if demo.tool is not None:
                file_name, content = demo.tool
                source = Path(folder) / file_name
                source.write_text(content, encoding="utf-8")
                attachments.append(store_attachment(files_dir, source))
            data = replace(
                demo.data,
                year=today.year - demo.years_ago,
                company_ids=(company_ids or {}).get(demo.key, ()),
            )
            record = create_practice(
                session, data, DEMO_ACTOR, attachments, practice_uuid=practice_uuid
            )
            for post_name, user_name, note in demo.used_by:
                mark_used(session, record.id, post_name, user_name, note)
    return len(_PRACTICES)
