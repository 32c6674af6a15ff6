"""Matching names against 100,000 synthetic sanctions entries.

Target: under 200 ms per name (median and p95), after building the matcher in a few seconds.
The floor is a plain linear scan comparing normalised names with `==` over the same entries,
the least any screening must do without an index; the ratio says what fuzzy matching costs.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from postkit.core.screening.matching import NameMatcher, tokenise
from postkit.core.screening.sanctions import SanctionsEntry

ENTRIES = 100_000
QUERIES = 200
TARGET_SECONDS = 0.200

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


def main() -> int:
    entries = synthetic_entries(ENTRIES)
    start = time.perf_counter()
    matcher = NameMatcher(entries)
    build = time.perf_counter() - start
    print(f"built the matcher over {ENTRIES:,} entries in {build:.2f} s")

    rng = random.Random(7)
    sources = [rng.choice(entries) for _ in range(QUERIES)]
    queries = [variant(rng, entry.name) for entry in sources]
    normalised = [" ".join(tokenise(name)) for entry in entries for name in entry.names]

    floor_times = []
    for query in queries:
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
    verdict = median < TARGET_SECONDS and p95 < TARGET_SECONDS
    print(f"target < {TARGET_SECONDS * 1000:.0f} ms per name: {'ok' if verdict else 'OVER'}")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
