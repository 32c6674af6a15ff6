"""The demo post's company register: Dutch companies active in Kenya and Somalia, and local
companies, in the sectors the post works on. Every company, number and person is invented;
KvK numbers are in the 9000xxxx range the screening demo uses, e-mail addresses at example.org.

The four companies of the screening demo are here under the same names and KvK numbers, so the
demo requests point at them; the seeding of the whole demo (core/demo_seed.py) links demo
activities, requests and practices to these records.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.companies.models import CompanyRow
from postkit.core.companies.records import CompanyData, ContactData
from postkit.core.companies.service import add_companies
from postkit.core.companies.validation import normalized_name
from postkit.core.demo_post import DEMO_USER


@dataclass(frozen=True)
class DemoCompany:
    key: str
    data: CompanyData
    # The countries of accreditation the company works in: the activities it may be named in.
    active_in: tuple[str, ...]

    @property
    def is_dutch(self) -> bool:
        return self.data.country == "NL"


def _dutch(
    key: str,
    name: str,
    kvk: str,
    sector: str,
    active_in: tuple[str, ...],
    employees: int,
    turnover: int,
    balance: int,
    contact: tuple[str, str, str],
    trade_names: tuple[str, ...] = (),
    website: str = "",
) -> DemoCompany:
    person, role, phone = contact
    email = person.split()[0].lower() + "@" + (website or key + ".example.org")
    return DemoCompany(
        key,
        CompanyData(
            name=name,
            trade_names=trade_names,
            kvk_number=kvk,
            sector=sector,
            country="NL",
            employees=employees,
            turnover_eur=turnover,
            balance_sheet_eur=balance,
            operates_internationally=True,
            website=f"https://{website}" if website else "",
            notes="Fictional demo company.",
            contacts=(ContactData(person, role, email, phone),),
        ),
        active_in,
    )


def _local(
    key: str,
    name: str,
    country: str,
    registration: str,
    sector: str,
    employees: int | None,
    contact: tuple[str, str, str] | None = None,
    trade_names: tuple[str, ...] = (),
) -> DemoCompany:
    contacts = ()
    if contact is not None:
        person, role, phone = contact
        contacts = (
            ContactData(person, role, person.split()[0].lower() + f"@{key}.example.org", phone),
        )
    return DemoCompany(
        key,
        CompanyData(
            name=name,
            trade_names=trade_names,
            foreign_registration=registration,
            sector=sector,
            country=country,
            employees=employees,
            notes="Fictional demo company.",
            contacts=contacts,
        ),
        (country,),
    )


DEMO_COMPANIES: tuple[DemoCompany, ...] = (
    # The screening demo's companies (same names, KvK numbers and figures as its requests).
    _dutch(
        "groenveld",
        "Groenveld Water Technologies B.V.",
        "90000001",
        "water_management",
        ("KE",),
        85,
        14_000_000,
        6_500_000,
        ("Marleen Dijkstra", "Managing director", "+31 20 555 0101"),
        trade_names=("Groenveld Water",),
        website="groenveld.example.org",
    ),
    _dutch(
        "savanne",
        "Savanne Bloemen B.V.",
        "90000002",
        "floriculture",
        ("KE",),
        620,
        58_000_000,
        31_000_000,
        ("Joost van Dijk", "CSR manager", "+31 297 555 020"),
        trade_names=("Savanne Flowers",),
        website="savanne.example.org",
    ),
    _dutch(
        "oranjedelta",
        "Oranje Delta Agro B.V.",
        "90000003",
        "agriculture_food",
        ("KE",),
        40,
        9_000_000,
        3_000_000,
        ("Pieter Bakker", "Director", "+31 10 555 0303"),
    ),
    _dutch(
        "kustlijn",
        "Kustlijn Logistiek B.V.",
        "90000004",
        "logistics_ports",
        ("KE", "SO"),
        210,
        35_000_000,
        12_000_000,
        ("Fatima el Amrani", "Operations manager", "+31 10 555 0404"),
    ),
    # Other Dutch companies active in the post's countries.
    _dutch(
        "tulpenhof",
        "Tulpenhof Plants B.V.",
        "90000005",
        "floriculture",
        ("KE",),
        140,
        22_000_000,
        9_000_000,
        ("Eva Smit", "Sustainability lead", "+31 252 555 050"),
    ),
    _dutch(
        "hollandroses",
        "Holland Roses International N.V.",
        "90000006",
        "floriculture",
        ("KE",),
        1_350,
        180_000_000,
        95_000_000,
        ("Bram de Groot", "Head of sourcing", "+31 20 555 0606"),
        trade_names=("HRI",),
    ),
    _dutch(
        "koffiekring",
        "De Koffiekring B.V.",
        "90000007",
        "coffee_tea",
        ("KE",),
        65,
        18_000_000,
        5_000_000,
        ("Lotte Vermeulen", "Buyer", "+31 30 555 0707"),
    ),
    _dutch(
        "theehuis",
        "Van Leeuwen Thee & Koffie B.V.",
        "90000008",
        "coffee_tea",
        ("KE",),
        780,
        95_000_000,
        41_000_000,
        ("Ruben Hendriks", "CSR director", "+31 40 555 0808"),
        trade_names=("Leeuwenthee",),
    ),
    _dutch(
        "versgroep",
        "Versgroep Import B.V.",
        "90000009",
        "fruit_vegetables",
        ("KE",),
        300,
        120_000_000,
        30_000_000,
        ("Sara Mulder", "Quality manager", "+31 174 555 090"),
    ),
    _dutch(
        "avocado",
        "Avocado Direct B.V.",
        "90000010",
        "fruit_vegetables",
        ("KE",),
        25,
        11_000_000,
        2_000_000,
        ("Daan Kok", "Owner", "+31 180 555 100"),
    ),
    _dutch(
        "zaadgoed",
        "Zaadgoed Seeds B.V.",
        "90000011",
        "agriculture_food",
        ("KE", "SO"),
        900,
        260_000_000,
        150_000_000,
        ("Noor Dekker", "Public affairs", "+31 228 555 110"),
    ),
    _dutch(
        "weefhuis",
        "Weefhuis Textiles B.V.",
        "90000012",
        "textiles_garments",
        ("KE",),
        55,
        16_000_000,
        4_000_000,
        ("Iris Peters", "Sourcing manager", "+31 53 555 0120"),
    ),
    _dutch(
        "modekade",
        "Modekade Retail N.V.",
        "90000013",
        "textiles_garments",
        ("KE",),
        2_400,
        610_000_000,
        320_000_000,
        ("Thomas Bos", "Head of CSR", "+31 20 555 0130"),
    ),
    _dutch(
        "zonnekracht",
        "Zonnekracht Africa B.V.",
        "90000014",
        "energy_renewables",
        ("KE", "SO"),
        90,
        28_000_000,
        19_000_000,
        ("Anouk Visser", "Country manager", "+31 30 555 0140"),
    ),
    _dutch(
        "windpoort",
        "Windpoort Energy B.V.",
        "90000015",
        "energy_renewables",
        ("KE",),
        520,
        240_000_000,
        410_000_000,
        ("Jasper Meijer", "ESG manager", "+31 70 555 0150"),
    ),
    _dutch(
        "havenlijn",
        "Havenlijn Shipping B.V.",
        "90000016",
        "logistics_ports",
        ("KE", "SO"),
        1_100,
        330_000_000,
        280_000_000,
        ("Sophie Willems", "Compliance officer", "+31 10 555 0160"),
    ),
    _dutch(
        "deltabouw",
        "Deltabouw Infra B.V.",
        "90000017",
        "construction",
        ("KE", "SO"),
        2_900,
        890_000_000,
        520_000_000,
        ("Lars Jacobs", "Tender manager", "+31 15 555 0170"),
    ),
    _dutch(
        "noordzeevis",
        "Noordzee Visserij Partners B.V.",
        "90000018",
        "fisheries_aquaculture",
        ("SO",),
        75,
        21_000_000,
        8_000_000,
        ("Femke Koster", "Director", "+31 255 555 180"),
    ),
    _dutch(
        "waterwerk",
        "Waterwerk Engineering B.V.",
        "90000019",
        "water_management",
        ("KE", "SO"),
        430,
        75_000_000,
        33_000_000,
        ("Koen van den Berg", "Project director", "+31 15 555 0190"),
    ),
    _dutch(
        "oranjefinance",
        "Oranje Impact Finance B.V.",
        "90000020",
        "financial_services",
        ("SO",),
        35,
        8_000_000,
        60_000_000,
        ("Mila Brouwer", "Investment officer", "+31 20 555 0200"),
    ),
    # Local companies the post meets in dialogues, events and matchmaking.
    _local(
        "naivashablooms",
        "Naivasha Blooms Ltd",
        "KE",
        "PVT-2009/114512",
        "floriculture",
        1_800,
        ("Grace Wanjiru", "HR manager", "+254 20 555 0210"),
    ),
    _local(
        "rift",
        "Rift Valley Roses Ltd",
        "KE",
        "PVT-2012/208841",
        "floriculture",
        950,
        ("Peter Otieno", "Farm manager", "+254 20 555 0220"),
    ),
    _local(
        "kiambu",
        "Kiambu Highlands Coffee Cooperative",
        "KE",
        "CS/2001/3345",
        "coffee_tea",
        4_000,
    ),
    _local(
        "kericho",
        "Kericho Tea Growers Ltd",
        "KE",
        "PVT-2005/098812",
        "coffee_tea",
        2_300,
        ("Mercy Chebet", "Sustainability officer", "+254 52 555 0240"),
    ),
    _local(
        "mtkenya",
        "Mount Kenya Fresh Produce Ltd",
        "KE",
        "PVT-2014/309921",
        "fruit_vegetables",
        420,
        trade_names=("MK Fresh",),
    ),
    _local(
        "nakuru",
        "Nakuru Grain Millers Ltd",
        "KE",
        "PVT-2010/187734",
        "agriculture_food",
        260,
    ),
    _local(
        "athiriver",
        "Athi River Apparel EPZ Ltd",
        "KE",
        "PVT-2016/402211",
        "textiles_garments",
        3_100,
        ("Ann Njeri", "Compliance manager", "+254 20 555 0270"),
    ),
    _local(
        "turkanasolar",
        "Turkana Solar Power Ltd",
        "KE",
        "PVT-2018/511092",
        "energy_renewables",
        150,
    ),
    _local(
        "mombasaport",
        "Mombasa Port Services Ltd",
        "KE",
        "PVT-2003/077124",
        "logistics_ports",
        700,
        ("Hassan Omar", "Operations director", "+254 41 555 0290"),
    ),
    _local(
        "nairobiwater",
        "Nairobi Water Solutions Ltd",
        "KE",
        "PVT-2015/344519",
        "water_management",
        90,
    ),
    _local(
        "kisumubuild",
        "Kisumu Builders Ltd",
        "KE",
        "PVT-2011/199002",
        "construction",
        380,
    ),
    _local(
        "hargeisafoods",
        "Hargeisa Food Processing Co.",
        "SO",
        "SL-2014-0412",
        "agriculture_food",
        180,
        ("Amina Yusuf", "General manager", "+252 2 555 0320"),
    ),
    _local(
        "berberafish",
        "Berbera Fisheries Company",
        "SO",
        "SL-2016-0877",
        "fisheries_aquaculture",
        120,
    ),
    _local(
        "bosasofish",
        "Bosaso Fish Exporters",
        "SO",
        "PL-2013-0156",
        "fisheries_aquaculture",
        95,
    ),
    _local(
        "mogadishuenergy",
        "Mogadishu Solar Energy Company",
        "SO",
        "SO-2017-2231",
        "energy_renewables",
        60,
    ),
    _local(
        "berberaport",
        "Berbera Port Logistics",
        "SO",
        "SL-2012-0098",
        "logistics_ports",
        430,
    ),
    _local(
        "somalibank",
        "Somali Microfinance Bank",
        "SO",
        "SO-2011-1407",
        "financial_services",
        240,
        ("Abdi Farah", "Chief risk officer", "+252 1 555 0370"),
    ),
    _local(
        "garowebuild",
        "Garowe Construction Company",
        "SO",
        "PL-2015-0334",
        "construction",
        110,
    ),
)


def seed_register_demo(session: Session, actor: str = DEMO_USER) -> dict[str, int]:
    """Add the demo register (companies already there by name are kept); returns the record
    id of every demo company by its key."""
    existing = dict(
        session.execute(
            select(CompanyRow.normalized_name, CompanyRow.id).where(
                CompanyRow.merged_into_id.is_(None)
            )
        ).all()
    )
    missing = [c for c in DEMO_COMPANIES if normalized_name(c.data.name) not in existing]
    added = dict(
        zip(
            [c.key for c in missing],
            add_companies(session, [c.data for c in missing], actor),
            strict=True,
        )
    )
    return {
        c.key: added.get(c.key) or existing[normalized_name(c.data.name)] for c in DEMO_COMPANIES
    }
