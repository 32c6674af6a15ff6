"""Annual return files for headquarters tests: figures chosen by the test, written by the
post's own writer (`returns.format.write_return_file`), so headquarters reads what posts send.
A changed file is one whose meta sheet was edited after writing."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from postkit.core import reference
from postkit.core.returns import format as returns_format
from postkit.core.returns.format import (
    CORE_TASKS,
    CORE_TASKS_COLUMNS,
    PERIODS,
    SCREENING_COLUMNS,
    ReturnContent,
)

TASK_FIGURES = CORE_TASKS_COLUMNS[2:]
SCREENING_FIGURES = SCREENING_COLUMNS[1:]

Quarters = Sequence[int]  # done activities in Q1..Q4


def return_sheets(
    done: Mapping[int, Quarters] | None = None,
    companies: Mapping[int, int] | None = None,
    themes: Mapping[tuple[int, str], int] | None = None,
    sectors: Mapping[tuple[int, str], int] | None = None,
    countries: Mapping[str, int] | None = None,
    requests: int = 0,
    narrative: Mapping[str, str] | None = None,
) -> dict[str, list[list[object]]]:
    """The content sheets' rows (without headers): `done` activities per core task and
    quarter, `companies` unique companies per core task in the year (all in Q1)."""
    done, companies = done or {}, companies or {}
    core_tasks: list[list[object]] = []
    for task in CORE_TASKS:
        quarters = [*done.get(task, ()), 0, 0, 0, 0][:4]
        for index, period in enumerate(PERIODS):
            count = sum(quarters) if period == "year" else quarters[index]
            unique = companies.get(task, 0) if period in ("Q1", "year") else 0
            figures = dict.fromkeys(TASK_FIGURES, 0)
            # One activity planned in each quarter with activity, so the year's is their sum.
            planned = sum(1 for q in quarters if q) if period == "year" else int(count > 0)
            figures |= {
                "activities_done": count,
                "activities_planned": planned,
                "unique_companies": unique,
                "named_companies": unique,
                "participants_women": 2 * count,
                "participants_men": 3 * count,
            }
            core_tasks.append([task, period, *figures.values()])
    screening = []
    for period in PERIODS:
        figures = dict.fromkeys(SCREENING_FIGURES, 0)
        if period in ("Q1", "year"):
            figures |= {"requests_received": requests, "requests_decided": requests}
            figures["outcome_support"] = requests
        screening.append([period, *figures.values()])
    return {
        "core_tasks": core_tasks,
        "themes": [[t, code, n] for (t, code), n in (themes or {}).items()],
        "sectors": [[t, code, n] for (t, code), n in (sectors or {}).items()],
        "countries": [[code, n] for code, n in (countries or {}).items()],
        "screening": screening,
        "practices": [
            ["Living wage round table", "Producers and buyers met.", "2 5", "living_wage", "en"]
        ],
        "narrative": [
            [section, text]
            for section, text in (
                narrative
                or {
                    "results": "More companies asked about risks.",
                    "obstacles": "",
                    "plans": "More.",
                }
            ).items()
        ],
    }


def write_return_file(
    path: Path,
    post: str,
    year: int,
    *,
    post_code: str = "",
    written_at: str = "2027-01-15T10:00:00+00:00",
    sheets: Mapping[str, list[list[object]]] | None = None,
    sha256: str | None = None,
    **content: object,
) -> Path:
    """A return file as the post writes it; `sheets` or `content` (return_sheets' arguments)
    give its figures; `sha256` is written into the meta sheet afterwards (a changed file)."""
    sheets = dict(sheets) if sheets is not None else return_sheets(**content)  # type: ignore[arg-type]
    path.parent.mkdir(parents=True, exist_ok=True)
    returns_format.write_return_file(
        path,
        ReturnContent(
            post=post,
            post_code=post_code,
            year=year,
            schema_version="0016",
            sheets=sheets,
            written_at=datetime.fromisoformat(written_at),
            postkit_version="0.17.0",
        ),
    )
    if sha256 is not None:
        workbook = load_workbook(path)
        meta = workbook["meta"]
        for key, value in meta.iter_rows(min_row=2):
            if key.value == "sha256":
                value.value = sha256
        workbook.save(path)
    return path


def write_network_returns(
    folder: Path, year: int, posts: Sequence[reference.Post], seed: int = 17
) -> list[Path]:
    """Realistic returns of `posts` for `year`: more Dutch business, more core task 3 and 4."""
    themes = reference.themes().codes
    sectors = reference.sectors().codes
    weight = {"high": 3.0, "medium": 1.8, "low": 1.0, "": 0.6}
    paths = []
    for post in posts:
        rng = random.Random(f"{seed}-{year}-{post.code}")
        scale = weight.get(post.business, 1.0)
        done: dict[int, list[int]] = {}
        for task in CORE_TASKS:
            lean = scale if task in (3, 4) else 1.0
            active = rng.random() < min(0.97, 0.45 + 0.18 * lean)
            done[task] = [rng.randint(0, round(3 * lean)) if active else 0 for _ in range(4)]
        companies = {t: sum(q) * rng.randint(1, 3) for t, q in done.items() if t in (2, 3, 4)}
        picked_themes = {
            (t, rng.choice(themes)): max(1, sum(q) // 2) for t, q in done.items() if sum(q)
        }
        picked_sectors = {(t, rng.choice(sectors)): 1 for t, q in done.items() if sum(q)}
        name = f"return-{year}-{post.code}.xlsx"
        paths.append(
            write_return_file(
                folder / name,
                post.en,
                year,
                post_code=post.code,
                done=done,
                companies=companies,
                themes=picked_themes,
                sectors=picked_sectors,
                countries={post.country: sum(map(sum, done.values()))},
                requests=sum(done[4]),
            )
        )
    return paths
