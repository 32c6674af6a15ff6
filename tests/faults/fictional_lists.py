"""Large fictional sanctions lists for the fault suite, in the formats postkit imports.

Names are made of random syllables (seeded, so a run can be replayed); a few rows are
variants of the demo's requests (a director, a company), so importing a list screens them
again with new candidates to store. Nothing in them is a real person or sanction.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from postkit.core.paths import resources_dir

_SYLLABLES = ("ka", "ro", "vi", "len", "mar", "tos", "bel", "fi", "dra", "nu", "sha", "qui")
# Close to names the demo's requests carry: re-screening them finds candidates.
DEMO_LOOKALIKES = (("Person", "Olga Shcherbakova"), ("Company", "Savanne Bloemen BV"))


def _name(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(words)
    )


def write_opensanctions_csv(path: Path, rows: int, seed: int = 13) -> Path:
    """An OpenSanctions targets.simple.csv of `rows` fictional entries (and the look-alikes)."""
    sample = resources_dir() / "sanctions" / "sample-targets.simple.csv"
    header = sample.read_text(encoding="utf-8").splitlines()[0]
    rng = random.Random(seed)
    lines = [header]
    lookalikes = {rng.randrange(rows): lookalike for lookalike in DEMO_LOOKALIKES}
    for number in range(rows):
        schema, name = lookalikes.get(number, ("", ""))
        if not name:
            schema = "Person" if rng.random() < 0.6 else "Company"
            name = _name(rng, 3 if schema == "Person" else 2)
        person = schema == "Person"
        born = f"19{rng.randint(40, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        lines.append(
            ",".join(
                (
                    f"fx-{number}",
                    schema,
                    name,
                    _name(rng, 3) if rng.random() < 0.4 else "",
                    born if person else "",
                    rng.choice(("ru", "by", "ir", "kp", "sy")),
                    "",
                    "",
                    "Fictional generated regime (not a real sanction)",
                    "",
                    "",
                    "FX-GEN",
                    "postkit fictional generated",
                    "2024-01-15T09:00:00",
                    "2026-11-30T09:00:00",
                    "2026-11-30T09:00:00",
                )
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_eu_xml(path: Path, copies: int, seed: int = 13) -> Path:
    """The shipped EU Financial Sanctions Files sample, its entities repeated `copies` times
    under fresh ids, references and names, generated a few days after the sample (so it is
    the newer EU list)."""
    text = (resources_dir() / "sanctions" / "sample-eu-fsf.xml").read_text(encoding="utf-8")
    start, end = text.index("  <sanctionEntity"), text.rindex("</export>")
    head, entities = text[:start], text[start:end]
    head = re.sub(r'generationDate="[^"]+"', 'generationDate="2026-11-30T18:04:12.123+01:00"', head)
    rng = random.Random(seed)
    parts = []
    for copy in range(copies):
        part = re.sub(r'logicalId="(\d+)"', rf'logicalId="\g<1>{copy:05d}"', entities)
        part = re.sub(r'euReferenceNumber="([^"]+)"', rf'euReferenceNumber="\g<1>.{copy}"', part)
        part = re.sub(r'wholeName="([^"]+)"', lambda m: f'wholeName="{m[1]} {_name(rng, 1)}"', part)
        parts.append(part)
    path.write_text(head + "".join(parts) + "</export>\n", encoding="utf-8")
    return path
