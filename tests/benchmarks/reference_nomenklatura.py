"""Score the labelled name-matching set with nomenklatura, the matcher behind OpenSanctions'
yente, as the reference bench_matching_quality.py sets postkit beside.

nomenklatura is not a postkit dependency (it needs PyICU, which has no Windows wheels): run
this with a Python that has it, e.g. a separate virtualenv:

    python -m venv /tmp/nk && /tmp/nk/bin/pip install nomenklatura
    /tmp/nk/bin/python tests/benchmarks/reference_nomenklatura.py OUT.json [ALGORITHM ...]

Every query is compared with every list entry (no blocking index), and the scores of each
query's best 20 entries and of its labelled entries are written to OUT.json. Algorithms
default to "name-based" (the name-only matcher) and "logic-v2" (yente's default).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from followthemoney import model
from matching_quality_set import build
from nomenklatura.matching import get_algorithm
from nomenklatura.matching.types import ScoringConfig

KEEP = 20


def entity(schema: str, entity_id: str, names, birth_date: str, countries: str):
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    proxy.add("name", names[0])
    for alias in names[1:]:
        proxy.add("alias", alias)
    if birth_date and schema == "Person":
        proxy.add("birthDate", birth_date)
    for country in filter(None, countries.split(";")):
        proxy.add("country", country)
    return proxy


def main() -> int:
    out = Path(sys.argv[1])
    algorithms = sys.argv[2:] or ["name-based", "logic-v2"]
    entries, pairs = build()
    listed = [
        entity(e.schema, e.id, (e.name, *e.aliases), e.birth_date, e.countries) for e in entries
    ]
    schema_of = {e.id: e.schema for e in entries}
    queries: dict[tuple[str, str, str, str], set[str]] = {}
    for pair in pairs:
        key = (pair.query, pair.birth_date, pair.country, schema_of[pair.entry_id])
        queries.setdefault(key, set()).add(pair.entry_id)
    results: dict[str, dict[str, object]] = {}
    for name in algorithms:
        algorithm = get_algorithm(name)
        start = time.perf_counter()
        by_query = []
        for number, ((query, birth_date, country, schema), labelled) in enumerate(queries.items()):
            # nomenklatura caches what it reads of a name by entity id: one id per query.
            subject = entity(schema, f"query-{number}", (query,), birth_date, country)
            scores = []
            for candidate in listed:
                if not subject.schema.can_match(candidate.schema):
                    continue
                config = ScoringConfig.defaults()
                scores.append((algorithm.compare(subject, candidate, config).score, candidate.id))
            scores.sort(key=lambda item: (-item[0], item[1]))
            by_id = dict((entry_id, score) for score, entry_id in scores)
            by_query.append(
                {
                    "query": query,
                    "birth_date": birth_date,
                    "country": country,
                    "top": [[entry_id, score] for score, entry_id in scores[:KEEP]],
                    "labelled": {entry_id: by_id.get(entry_id, 0.0) for entry_id in labelled},
                }
            )
        seconds = time.perf_counter() - start
        results[name] = {"seconds": seconds, "queries": by_query}
        print(f"{name}: {len(queries)} queries x {len(listed)} entries in {seconds:.0f} s")
    out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
