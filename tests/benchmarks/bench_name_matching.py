"""Matching names against a million synthetic sanctions names, as screening does.

The EU, UN and OpenSanctions default lists together hold about a million names; the
synthetic list has ENTRIES entries with their aliases (pass another count as the first
argument). The list is stored in a SQLite database (made once, kept in the temp folder) and
the matcher is taken as screening takes it (`sanctions_store.matcher_for`): first built from
the entries and its index written beside the database ("cold"), then read back from that
file as every later session does ("load").

Targets: one name matches in under 100 ms median and 250 ms p95, and the list loads from the
database in under 2 s. The floor is a plain linear scan comparing normalised names with `==`
over the same names, the least any screening must do without an index; the ratio says what
fuzzy matching costs. The machine is shared: run it twice and take the better figures.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from postkit.core.db.base import utc_now
from postkit.core.screening.matching import NameMatcher, tokenise
from postkit.core.screening.sanctions import SanctionsEntry

ENTRIES = 700_000
QUERIES = 200
TARGET_MEDIAN = 0.100
TARGET_P95 = 0.250
TARGET_LOAD = 2.0

FIRST_NAMES = (
    "ivan", "sergei", "aleksandr", "yevgeny", "dmitri", "mikhail", "nikolai", "oleg", "pavel",
    "viktor", "andrei", "boris", "mohammed", "ahmed", "hassan", "hussein", "omar", "yusuf", "ali",
    "ibrahim", "khalid", "tariq", "karim", "said", "jan", "pieter", "hans", "klaus", "jurgen",
    "stefan", "lukas", "marco", "luca", "pierre", "jean", "li", "wei", "chen", "anna", "olga",
    "natalia", "elena", "maria", "fatima", "aisha", "leila", "sofia", "ingrid", "marta", "irina",
    "svetlana",
)  # fmt: skip
SYLLABLES = (
    "ka", "ro", "vel", "mir", "zan", "tor", "bek", "lan", "sko", "vin", "dra", "gor", "mel",
    "tas", "nov", "rid", "pol", "kas", "zel", "ven", "dor", "hal", "mun", "sar", "tel", "vor",
    "gan", "lis", "pet", "rov", "mak", "sim", "bar", "ish", "tak", "nur", "far", "haz", "qar",
    "ber", "gen", "dal", "mos", "tin", "rad", "kol", "yar", "ust", "lev",
)  # fmt: skip
SURNAME_ENDINGS = ("ov", "ova", "enko", "sky", "in", "ani", "i", "er", "mann", "an", "", "")
COMPANY_WORDS = (
    "acme", "global", "northern", "eastern", "united", "pacific", "atlas", "delta", "orion",
    "vega", "zenith", "summit", "trading", "shipping", "logistics", "energy", "metals", "mining",
    "petroleum", "textiles", "industries", "capital", "investments", "finance", "resources",
    "marine", "aviation", "chemicals", "technologies",
)  # fmt: skip
LEGAL_FORMS = ("Ltd", "LLC", "B.V.", "GmbH", "S.A.", "OOO", "JSC", "Inc.", "FZE", "PLC", "")
VESSEL_PREFIXES = ("MV", "MT", "")


def surname(rng: random.Random) -> str:
    syllables = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return (syllables + rng.choice(SURNAME_ENDINGS)).capitalize()


def synthetic_entries(count: int) -> list[SanctionsEntry]:
    rng = random.Random(7)
    entries = []
    for index in range(count):
        kind = rng.random()
        if kind < 0.6:
            first = rng.choice(FIRST_NAMES).capitalize()
            last = surname(rng)
            name = f"{first} {last}"
            aliases = (f"{last.upper()} {first}",) if rng.random() < 0.5 else ()
            if rng.random() < 0.2:
                aliases += (f"{first} {rng.choice(FIRST_NAMES).capitalize()}ovich {last}",)
            schema = "Person"
        elif kind < 0.9:
            words = rng.sample(COMPANY_WORDS, rng.randint(1, 2))
            name = " ".join([surname(rng), *(w.capitalize() for w in words)])
            name = f"{name} {rng.choice(LEGAL_FORMS)}".strip()
            aliases = (surname(rng) + " " + words[-1].capitalize(),) if rng.random() < 0.3 else ()
            schema = "Company"
        else:
            name = f"{rng.choice(VESSEL_PREFIXES)} {surname(rng)} {rng.choice(SYLLABLES)}".strip()
            aliases = ()
            schema = "Vessel"
        entries.append(SanctionsEntry(id=f"syn-{index}", schema=schema, name=name, aliases=aliases))
    return entries


def variant(rng: random.Random, name: str) -> str:
    """The kind of difference a screened name has from the listed one."""
    words = name.split()
    change = rng.randrange(4)
    if change == 0 and len(words) > 1:
        words.reverse()
    elif change == 1:
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        word = words[longest]
        if len(word) > 4:
            i = rng.randrange(1, len(word) - 2)
            words[longest] = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif change == 2:
        words = [w.lower() for w in words] + ["Ltd"]
    return " ".join(words).upper() if rng.random() < 0.3 else " ".join(words)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def stored_list(count: int) -> tuple[Path, list[SanctionsEntry]]:
    """A database holding the synthetic list (made once, kept in the temp folder)."""
    from postkit.core.db import open_database
    from postkit.core.screening.models import SanctionsEntryRow, SanctionsListRow
    from postkit.core.screening.sanctions_store import entry_values

    entries = synthetic_entries(count)
    path = Path(tempfile.gettempdir()) / f"postkit-bench-names-{count}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        database = open_database(partial)
        with database.session() as session:
            row = SanctionsListRow(
                file_name="synthetic.csv", sha256=f"synthetic-{count}", entry_count=count,
                list_date="", imported_at=utc_now(), imported_by="bench",
            )  # fmt: skip
            session.add(row)
            session.flush()
            session.execute(
                SanctionsEntryRow.__table__.insert(),
                [entry_values(row.id, entry) for entry in entries],
            )
            session.commit()
        database.dispose()
        partial.rename(path)
    return path, entries


def load_matcher(path: Path) -> tuple[NameMatcher, float]:
    from postkit.core.db.database import connect
    from postkit.core.screening.sanctions_store import (
        clear_matcher_cache,
        current_list,
        matcher_for,
    )

    clear_matcher_cache()
    database = connect(path)
    start = time.perf_counter()
    with database.session() as session:
        listing = current_list(session)
        assert listing is not None
        matcher = matcher_for(session, listing.id)
    return matcher, time.perf_counter() - start


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else ENTRIES
    path, entries = stored_list(count)
    names = sum(len(entry.names) for entry in entries)
    print(f"{count:,} synthetic entries, {names:,} names, stored in {path}")
    for index_file in path.parent.glob(f"{path.stem}-name-index/*.idx"):
        index_file.unlink()
    _, cold = load_matcher(path)
    print(f"cold: built the index from the database and wrote it in {cold:.1f} s", flush=True)
    matcher, load = load_matcher(path)
    print(f"load: read the list's index in {load:.2f} s (target < {TARGET_LOAD:.0f} s)")

    rng = random.Random(7)
    sources = [rng.choice(entries) for _ in range(QUERIES)]
    queries = [variant(rng, entry.name) for entry in sources]
    normalised = [" ".join(tokenise(name)) for entry in entries for name in entry.names]

    floor_times = []
    for query in queries[:20]:
        start = time.perf_counter()
        wanted = " ".join(tokenise(query))
        _ = [name for name in normalised if name == wanted]
        floor_times.append(time.perf_counter() - start)

    match_times = []
    found = 0
    for query, source in zip(queries, sources, strict=True):
        start = time.perf_counter()
        candidates = matcher.match(query)
        match_times.append(time.perf_counter() - start)
        found += source.id in {candidate.entry.id for candidate in candidates[:5]}
    median = statistics.median(match_times)
    p95 = percentile(match_times, 0.95)
    floor = statistics.median(floor_times)
    print(f"{QUERIES} names matched, {found} with the entry they vary in the top 5")
    print(f"match per name: median {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    print(f"floor (linear == scan) median {floor * 1000:.1f} ms; ratio {median / floor:.2f}")
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the process {peak:,.0f} MB")
    except ImportError:  # Windows
        pass
    verdict = median < TARGET_MEDIAN and p95 < TARGET_P95 and load < TARGET_LOAD
    print(
        f"targets median < {TARGET_MEDIAN * 1000:.0f} ms, p95 < {TARGET_P95 * 1000:.0f} ms, "
        f"load < {TARGET_LOAD:.0f} s: {'ok' if verdict else 'OVER'}"
    )
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
