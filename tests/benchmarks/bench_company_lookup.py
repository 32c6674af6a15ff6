"""Lookup-as-you-type in a company register of 50,000 companies.

Types several names a letter at a time ("g", "gr", "gro", ...), a trade name, a later word of a
name and a KvK number, and times each keystroke's `lookup_companies` (the service the company
picker calls) and the register list's filter (`company_ids`, every hit). Targets: every
keystroke under 50 ms; the median lookup keystroke within 20× the floor, the same indexed
queries as bare SQL on a plain sqlite3 connection in the same run (what is left is SQLAlchemy's
cost per statement and building the lines, about 0.1 ms per query). For comparison it also
prints what a substring scan (LIKE '%x%', the register's first lookup) costs per keystroke.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import median_seconds, report

COMPANIES = 50_000
REPEAT = 5
LIMIT = 20

_FIRST = """Groenveld Vandenberg Oranje Holland Delta Noord Zuid Oost West Rijn Maas Polder Tulp
Molen Dijk Haven Kaap Andes Nile Kilimanjaro Savanna Mekong Sahel Atlas Baobab Lotus Jade Condor
Amstel Zeeland Friesland Brabant Limburg Twente Veluwe Hollandia Batavia Nassau Hanze Vlieland
Texel Schelde Eems Waal IJssel Lek Vecht Gooi Kennemer Sunrise Horizon Summit Meridian Equator
Pacific Atlantic Baltic Nordic Alpine Sierra Pampa Kivu Victoria Tana Omo Rift Zambezi Limpopo
Kalahari Namib Sinai Nubia Ganges Indus Hoogland Laagland Middelburg Wageningen Eindhoven Delft
Utrecht Leiden Haarlem Gouda Edam Alkmaar Zwolle Deventer Arnhem Nijmegen Tilburg Breda""".split()  # noqa: SIM905
_SECOND = """Water Agri Foods Logistics Textiles Energy Solar Wind Flowers Horticulture Dairy Coffee
Cacao Tea Seeds Mining Metals Chemicals Plastics Packaging Shipping Dredging Engineering
Consultancy Trading Import Export Technologies Systems Solutions Digital Software Health Medical
Pharma Apparel Leather Timber Furniture Construction Infrastructure Fisheries Aquaculture
Poultry Livestock Grain Sugar Fruit Vegetables Spices Nuts Oils Rubber Cotton Recycling""".split()  # noqa: SIM905
_THIRD = [
    "",
    "",
    "",
    "International",
    "Holland",
    "Africa",
    "Trading",
    "Services",
    "Partners",
    "Industries",
    "Works",
    "& Co",
    "Nederland",
    "Europe",
    "East Africa",
]
_FORMS = [
    "B.V.",
    "B.V.",
    "N.V.",
    "Ltd",
    "Limited",
    "S.A.",
    "GmbH",
    "SARL",
    "PLC",
    "Pvt Ltd",
    "Holding B.V.",
    "Coöperatie U.A.",
    "",
]
_COUNTRIES = ["NL", "NL", "NL", "KE", "ET", "UG", "TZ", "GH", "BD", "IN", "VN", "CO", "PE"]


def register(count: int) -> list:
    """`count` fictional but realistic companies: Dutch ones with a KvK number."""
    from postkit.core.companies.records import CompanyData

    rng = random.Random(16)
    kvk_numbers = rng.sample(range(10_000_000, 99_999_999), count)
    companies = []
    for index in range(count):
        words = [rng.choice(_FIRST), rng.choice(_SECOND), rng.choice(_THIRD), rng.choice(_FORMS)]
        name = " ".join(word for word in words if word)
        if index % 7 == 0:  # a family name keeps names from repeating too much
            name = f"{rng.choice(_FIRST)} & {name}"
        country = rng.choice(_COUNTRIES)
        trade = (f"{words[0][:4].upper()}{words[1][:3].upper()}",) if index % 3 == 0 else ()
        companies.append(
            CompanyData(
                name=name,
                trade_names=trade,
                kvk_number=str(kvk_numbers[index]) if country == "NL" else None,
                country=country,
                employees=rng.choice([None, 12, 80, 250, 700, 3000]),
            )
        )
    return companies


def register_database() -> Path:
    from postkit.core.companies.service import add_companies
    from postkit.core.db import open_database

    path = Path(tempfile.gettempdir()) / f"postkit-bench-companies-{COMPANIES}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        database = open_database(partial)
        companies = register(COMPANIES)
        with database.session() as session:
            for start in range(0, COMPANIES, 5_000):
                add_companies(session, companies[start : start + 5_000], "bench")
        database.dispose()
        partial.rename(path)
    return path


def _typed(word: str) -> list[str]:
    return [word[: end + 1] for end in range(len(word))]


def _floor_seconds(connection: sqlite3.Connection, text: str) -> float:
    """The same tiers as the service, as bare SQL: the cost of the indexes themselves."""
    from postkit.core.companies.service import _ABOVE, _typed_kvk
    from postkit.core.companies.validation import normalized_name

    wanted, kvk = normalized_name(text), _typed_kvk(text)
    merged = "SELECT id FROM companies WHERE merged_into_id IS NOT NULL"

    def run() -> None:
        found: dict[int, None] = {}
        if kvk:
            found.update(
                dict.fromkeys(
                    row[0]
                    for row in connection.execute(
                        "SELECT id FROM companies WHERE merged_into_id IS NULL AND kvk_number >= ? "
                        "AND kvk_number < ? ORDER BY kvk_number LIMIT ?",
                        (kvk, kvk + ":", LIMIT),
                    )
                )
            )
        for kind in (0, 1, 2):
            if len(found) >= LIMIT or not wanted:
                break
            found.update(
                dict.fromkeys(
                    row[0]
                    for row in connection.execute(
                        "SELECT company_id FROM company_lookup_keys WHERE kind = ? AND key >= ? "
                        f"AND key < ? AND company_id NOT IN ({merged}) ORDER BY key LIMIT ?",
                        (kind, wanted, wanted + _ABOVE, LIMIT),
                    )
                )
            )
        ids = list(found)[:LIMIT]
        connection.execute(
            "SELECT id, name, kvk_number, country, sector, employees, turnover_eur, "
            f"balance_sheet_eur, operates_internationally FROM companies WHERE id IN "
            f"({','.join('?' * len(ids))})",
            ids,
        ).fetchall()

    return median_seconds(run, REPEAT)


def _substring_seconds(connection: sqlite3.Connection, text: str) -> float:
    from postkit.core.companies.validation import normalized_name

    wanted = normalized_name(text)
    return median_seconds(
        lambda: connection.execute(
            "SELECT id FROM companies WHERE merged_into_id IS NULL AND (normalized_name LIKE ? "
            "OR trade_names LIKE ?) ORDER BY normalized_name LIMIT ?",
            (f"%{wanted}%", f"%{text}%", LIMIT),
        ).fetchall(),
        REPEAT,
    )


def main() -> int:
    path = register_database()
    from postkit.core.companies.service import company_ids, get_company, lookup_companies
    from postkit.core.db import open_database

    database = open_database(path)
    connection = sqlite3.connect(path)
    rng = random.Random(5)
    with database.session() as session:
        picked = [get_company(session, rng.randint(1, COMPANIES)).data for _ in range(5)]
        with_kvk = next(data for data in register(COMPANIES)[:50] if data.kvk_number)
        with_trade = next(data for data in register(COMPANIES)[::3][:50] if data.trade_names)
        words = [data.name for data in picked]
        words += ["Kilimanjaro Coffee", "coffee", "solar", with_trade.trade_names[0]]
        words.append(str(with_kvk.kvk_number))
        keystrokes, floors, substrings, worst = [], [], [], (0.0, "")
        for word in words:
            for typed in _typed(word[:14]):
                seconds = median_seconds(
                    lambda t=typed: lookup_companies(session, t, LIMIT), REPEAT
                )
                keystrokes.append(seconds)
                floors.append(_floor_seconds(connection, typed))
                substrings.append(_substring_seconds(connection, typed))
                worst = max(worst, (seconds, typed))
            hits = lookup_companies(session, word, LIMIT)
            print(f"typed {word!r:42} {len(hits):2} hits, first {hits[0].name if hits else '-'!r}")
        # The register list filters as you type too: all hits' ids (the table reads lines
        # as it scrolls), so a short prefix costs more than the picker's page of 20.
        list_keys = [
            median_seconds(lambda t=typed: company_ids(session, t), REPEAT)
            for typed in _typed(words[0][:6])
        ]
    connection.close()
    database.dispose()

    median_key = statistics.median(keystrokes)
    print(
        f"{len(keystrokes)} keystrokes over {COMPANIES:,} companies: median "
        f"{median_key * 1000:.2f} ms, worst {worst[0] * 1000:.2f} ms (typing {worst[1]!r}); "
        f"target < 50 ms {'ok' if worst[0] < 0.05 else 'OVER'}"
    )
    print(
        f"substring scan (LIKE '%x%') for comparison: median "
        f"{statistics.median(substrings) * 1000:.2f} ms, worst {max(substrings) * 1000:.2f} ms"
    )
    print(
        f"register list filter typing {words[0][:6]!r}: worst keystroke "
        f"{max(list_keys) * 1000:.2f} ms; target < 50 ms "
        f"{'ok' if max(list_keys) < 0.05 else 'OVER'}"
    )
    ok = report(
        "keystroke vs the same queries as bare SQL", median_key, statistics.median(floors), 20.0
    )
    return 0 if ok and worst[0] < 0.05 and max(list_keys) < 0.05 else 1


if __name__ == "__main__":
    raise SystemExit(main())
