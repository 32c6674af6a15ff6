"""How well postkit's name matcher finds the right list entries, beside nomenklatura's.

The labelled set is matching_quality_set.py's (fictional names; 428 pairs of seven kinds,
and a list of their entries with 1,500 fictional fillers). Per matcher:

- precision and recall at its default threshold, over the labelled pairs (a pair is taken
  for a match when its entry scores at least the threshold for its query);
- recall@5: the share of matching pairs whose entry is among the query's five best over the
  whole list;
- false candidates: over all queries, the entries at or above the threshold that are not a
  labelled match of that query (hard negatives and fillers alike);
and the same per kind.

The reference figures come from reference_nomenklatura.py, run with a Python that has
nomenklatura (it is not a postkit dependency):

    /tmp/nk/bin/python tests/benchmarks/reference_nomenklatura.py /tmp/reference.json
    .venv/bin/python tests/benchmarks/bench_matching_quality.py --reference /tmp/reference.json

Goal: at least the reference's recall@5, with no more false candidates above the threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_quality_set import Pair, build

from postkit.core.screening.matching import DEFAULT_THRESHOLD, NameMatcher
from postkit.core.screening.sanctions import SanctionsEntry

REFERENCE_THRESHOLD = 0.70  # yente's default score threshold
# nomenklatura 4.17.4's scores of the set, kept so the comparison runs without it installed.
DEFAULT_REFERENCE = Path(__file__).resolve().parent / "data" / "reference_nomenklatura.json"


@dataclass
class Ranking:
    """One matcher's answer to one query: the entries' scores, best first."""

    ranked: list[tuple[str, float]]
    labelled: dict[str, float] = field(default_factory=dict)

    def score(self, entry_id: str) -> float:
        if entry_id in self.labelled:
            return self.labelled[entry_id]
        return dict(self.ranked).get(entry_id, 0.0)

    def rank(self, entry_id: str) -> int | None:
        for position, (found, _) in enumerate(self.ranked, 1):
            if found == entry_id:
                return position
        return None


Key = tuple[str, str, str]


def query_key(pair: Pair) -> Key:
    return (pair.query, pair.birth_date, pair.country)


def postkit_rankings(entries, pairs: list[Pair]) -> tuple[dict[Key, Ranking], float]:
    matcher = NameMatcher(
        SanctionsEntry(
            id=e.id,
            schema=e.schema,
            name=e.name,
            aliases=e.aliases,
            birth_date=(e.birth_date,) if e.birth_date else (),
            countries=tuple(filter(None, e.countries.split(";"))),
        )
        for e in entries
    )
    rankings: dict[Key, Ranking] = {}
    start = time.perf_counter()
    for pair in pairs:
        key = query_key(pair)
        if key in rankings:
            continue
        found = matcher.match(
            pair.query, limit=50, threshold=1, birth_date=pair.birth_date, country=pair.country
        )
        rankings[key] = Ranking([(c.entry.id, c.score) for c in found])
    return rankings, time.perf_counter() - start


def reference_rankings(path: Path) -> dict[str, tuple[dict[Key, Ranking], float]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    found = {}
    for algorithm, result in data.items():
        rankings = {}
        for query in result["queries"]:
            key = (query["query"], query["birth_date"], query["country"])
            rankings[key] = Ranking(
                [(entry_id, 100.0 * score) for entry_id, score in query["top"]],
                {entry_id: 100.0 * score for entry_id, score in query["labelled"].items()},
            )
        found[algorithm] = (rankings, result["seconds"])
    return found


@dataclass
class Figures:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    top5: int = 0
    positives: int = 0
    false_candidates: int = 0

    def line(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / self.positives if self.positives else 1.0
        at5 = self.top5 / self.positives if self.positives else 1.0
        return (
            f"P {precision:6.1%}  R {recall:6.1%}  R@5 {at5:6.1%}  "
            f"false pairs {self.fp:3d}  missed {self.fn:3d}  false candidates "
            f"{self.false_candidates:4d}"
        )


def evaluate(
    pairs: list[Pair], rankings: dict[Key, Ranking], threshold: float
) -> dict[str, Figures]:
    figures: dict[str, Figures] = defaultdict(Figures)
    matches: dict[Key, set[str]] = defaultdict(set)
    kinds: dict[Key, str] = {}
    for pair in pairs:
        key = query_key(pair)
        kinds.setdefault(key, pair.kind)
        if pair.label == "match":
            matches[key].add(pair.entry_id)
    for pair in pairs:
        ranking = rankings[query_key(pair)]
        above = ranking.score(pair.entry_id) >= threshold
        for name in ("all", pair.kind):
            counts = figures[name]
            if pair.label == "match":
                counts.positives += 1
                counts.tp += above
                counts.fn += not above
                rank = ranking.rank(pair.entry_id)
                counts.top5 += rank is not None and rank <= 5
            else:
                counts.fp += above
                counts.tn += not above
    for key, ranking in rankings.items():
        wrong = sum(
            1
            for entry_id, score in ranking.ranked
            if score >= threshold and entry_id not in matches[key]
        )
        figures["all"].false_candidates += wrong
        figures[kinds[key]].false_candidates += wrong
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reference",
        type=Path,
        default=DEFAULT_REFERENCE if DEFAULT_REFERENCE.exists() else None,
        help="reference_nomenklatura.py's output (default: the one kept in data/)",
    )
    args = parser.parse_args()
    entries, pairs = build()
    print(f"{len(pairs)} labelled pairs, {len(entries)} list entries")
    results = {"postkit": (postkit_rankings(entries, pairs), DEFAULT_THRESHOLD)}
    if args.reference:
        for name, found in reference_rankings(args.reference).items():
            results[f"nomenklatura {name}"] = (found, 100.0 * REFERENCE_THRESHOLD)
    evaluated = {}
    for name, ((rankings, seconds), threshold) in results.items():
        evaluated[name] = evaluate(pairs, rankings, threshold)
        print(f"{name:<26} threshold {threshold:.0f}, {len(rankings)} queries in {seconds:.1f} s")
    kinds = ["all", *sorted({pair.kind for pair in pairs})]
    for kind in kinds:
        print(f"\n{kind}")
        for name, figures in evaluated.items():
            print(f"  {name:<26} {figures[kind].line()}")
    if len(evaluated) > 1:
        ours = evaluated["postkit"]["all"]
        verdicts = []
        for name, figures in evaluated.items():
            if name == "postkit":
                continue
            theirs = figures["all"]
            ok = ours.top5 >= theirs.top5 and ours.false_candidates <= theirs.false_candidates
            verdicts.append(ok)
            print(
                f"\nagainst {name}: recall@5 {ours.top5} vs {theirs.top5}, false candidates "
                f"{ours.false_candidates} vs {theirs.false_candidates}: {'ok' if ok else 'SHORT'}"
            )
        return 0 if all(verdicts) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
