"""Fictional annual returns of many posts, for headquarters' demos, tests and benchmarks.

Each file is what `write_return` writes, through the same writer (`format.write_return_file`),
but made without a database, so 150 posts take seconds. The posts are real ones from the
shipped list of posts (resources/reference/posts.json); what they did follows what the list
says of them, as the evaluation found it in reality:

- the amount of Dutch business in the country sets how much a post does and where: with much
  of it, more support to companies (core task 3) and more screening (core task 4); with little,
  more agenda-setting in the country (core task 5) and building expertise (core task 1); a
  permanent representation works on expertise and the agenda only;
- embassies do more than consulates-general, and both more than representations;
- the region sets the themes and sectors the work is about.

The same seed and arguments always give the same files.
"""

from __future__ import annotations

import math
import os
import random
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from postkit.core import reference
from postkit.core.errors import PostkitError
from postkit.core.returns.format import (
    CORE_TASKS,
    CORE_TASKS_SHEET,
    COUNTRIES_SHEET,
    NARRATIVE_SHEET,
    PRACTICES_SHEET,
    SCREENING_SHEET,
    SECTORS_SHEET,
    THEMES_SHEET,
    ReturnContent,
    return_file_name,
    write_return_file,
)
from postkit.core.revision import HEAD_REVISION

# Activities in a year of an embassy with a medium amount of Dutch business.
_BASE_ACTIVITIES = 32
_KIND_SCALE = {
    "embassy": 1.0,
    "consulate_general": 0.7,
    "representative_office": 0.45,
    "permanent_representation": 0.35,
}
_BUSINESS_SCALE = {"high": 1.45, "medium": 1.0, "low": 0.55, "": 1.0}
# Share of the activities per core task 1-5, by the amount of Dutch business.
_TASK_SHARES = {
    "high": (0.10, 0.24, 0.32, 0.18, 0.16),
    "medium": (0.16, 0.25, 0.22, 0.10, 0.27),
    "low": (0.26, 0.16, 0.10, 0.04, 0.44),
    "": (0.42, 0.0, 0.0, 0.0, 0.58),  # a permanent representation: no companies in a country
}
_QUARTER_SHARES = (0.21, 0.27, 0.19, 0.33)  # busiest before the year closes
_REGION_THEMES = {
    "africa": ("living_wage", "child_labour", "land_rights", "living_income", "gender"),
    "asia": ("forced_labour", "health_safety", "freedom_of_association", "living_wage"),
    "oceania": ("climate_environment", "indigenous_peoples", "biodiversity"),
    "europe": ("due_diligence", "responsible_purchasing", "circular_economy", "remediation"),
    "latin_america_caribbean": (
        "deforestation",
        "human_rights_defenders",
        "indigenous_peoples",
        "land_rights",
    ),
    "middle_east_north_africa": ("forced_labour", "water", "health_safety", "corruption"),
    "north_america": ("due_diligence", "climate_environment", "remediation"),
}
_GENERAL_THEMES = ("due_diligence", "gender", "climate_environment", "corruption")
_REGION_SECTORS = {
    "africa": ("floriculture", "cocoa", "agriculture_food", "metals_mining", "coffee_tea"),
    "asia": ("textiles_garments", "ict_electronics", "fisheries_aquaculture", "natural_stone"),
    "oceania": ("agriculture_food", "metals_mining", "tourism"),
    "europe": ("financial_services", "energy_renewables", "logistics_ports", "chemicals"),
    "latin_america_caribbean": (
        "fruit_vegetables",
        "coffee_tea",
        "metals_mining",
        "forestry_timber",
    ),
    "middle_east_north_africa": (
        "construction",
        "oil_gas",
        "water_management",
        "energy_renewables",
    ),
    "north_america": ("financial_services", "pension_funds", "energy_renewables", "pharma_health"),
}
_PRACTICES = {
    1: (
        "A country risk scan shared with the Dutch business network",
        "The post mapped the "
        "main RBC risks per sector with local NGOs and unions and shared the scan with "
        "companies and RVO.",
    ),
    2: (
        "An RBC session in every trade mission briefing",
        "Each trade mission briefing now "
        "opens with twenty minutes on due diligence and the IMVO-steunpunt.",
    ),
    3: (
        "Local partners for supply chain questions",
        "Companies asking about risks in their "
        "chain are introduced to a local partner organisation within a week.",
    ),
    4: (
        "Conditions agreed with mission participants followed up",
        "Participants that agreed "
        "on conditions report back after six months; the post checks and records the result.",
    ),
    5: (
        "A sector dialogue with government, business and unions",
        "The post convenes a dialogue twice a year on the sector's main risk, with EU embassies.",
    ),
}
_NARRATIVE = {
    "results": {
        "high": "Many Dutch companies asked for support; most of them now know the OECD "
        "Guidelines and the post's conditions for support.",
        "medium": "The post reached a steady group of Dutch companies and kept RBC on the "
        "agenda of its dialogue with the government.",
        "low": "With few Dutch companies in the country, the post put RBC on the agenda with "
        "the government and civil society.",
        "": "The post raised RBC in the organisation's meetings and built expertise among "
        "the delegations.",
    },
    "obstacles": (
        "Staff changes left the RBC portfolio unattended for some months.",
        "Companies find due diligence hard to start without examples from their own sector.",
        "Travel outside the capital was limited for security reasons.",
        "Local partners lacked the capacity to take up supply chain questions.",
    ),
    "plans": (
        "More sector sessions with the IMVO-steunpunt, and examples from other posts.",
        "Follow up the conditions agreed with mission participants more closely.",
        "A joint event with EU embassies on the due diligence directive.",
        "Train new staff on the guidelines in the first quarter.",
    ),
}


def demo_posts(
    count: int | None = None, seed: int = 17, exclude: Iterable[str] = ()
) -> list[reference.Post]:
    """`count` posts of the shipped list (all by default) in a fixed order for `seed`, the
    regions taking turns; the posts called one of `exclude` (code or name) are left out."""
    left_out = {name.casefold() for name in exclude}
    listed = [
        post
        for post in reference.load_posts(reference.shipped_posts_file()).posts
        if not left_out & {post.code.casefold(), post.nl.casefold(), post.en.casefold()}
    ]
    count = len(listed) if count is None else count
    if not 1 <= count <= len(listed):
        raise PostkitError(f"the number of posts must be between 1 and {len(listed)}")
    rng = random.Random(f"returns:{seed}")
    by_region: dict[str, list[reference.Post]] = {}
    for post in listed:
        by_region.setdefault(post.region, []).append(post)
    queues = [by_region[region] for region in sorted(by_region)]
    for queue in queues:
        rng.shuffle(queue)
    chosen: list[reference.Post] = []
    while len(chosen) < count:
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop())
    return chosen


def write_demo_returns(
    folder: str | os.PathLike[str],
    posts: int | None = None,
    year: int = 2025,
    seed: int = 17,
    exclude: Iterable[str] = (),
) -> list[Path]:
    """Write one valid return of `year` per post (`posts` of the list) into `folder`; return
    the files in order."""
    if not 1900 <= year <= 2999:
        raise PostkitError(f"{year} is not a year")
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PostkitError(f"cannot create {target}: {error.strerror or error}") from error
    written = []
    for number, post in enumerate(demo_posts(posts, seed, exclude)):
        rng = random.Random(f"{seed}:{year}:{post.code}")
        name = post.label(rng.choice(("nl", "en", "en")))
        content = demo_content(post, name, year, rng)
        content = ReturnContent(
            **{
                **content.__dict__,
                "written_at": datetime(year + 1, 1, 10 + number % 20, 9, number % 60, tzinfo=UTC),
            }
        )
        path = target / return_file_name(name, year)
        write_return_file(path, content)
        written.append(path)
    return written


def demo_content(post: reference.Post, name: str, year: int, rng: random.Random) -> ReturnContent:
    """A plausible year of `post`, as its return would say it."""
    business = post.business if post.kind != "permanent_representation" else ""
    total = _BASE_ACTIVITIES * _KIND_SCALE.get(post.kind, 0.6) * _BUSINESS_SCALE[business]
    total *= rng.uniform(0.6, 1.4)  # posts differ in staff and ambition
    per_task = {
        task: _poisson(rng, total * share)
        for task, share in zip(CORE_TASKS, _TASK_SHARES[business], strict=True)
    }
    core_rows: list[list[object]] = []
    themes: dict[tuple[int, str], int] = {}
    sectors: dict[tuple[int, str], int] = {}
    theme_pool = (*_REGION_THEMES.get(post.region, ()), *_GENERAL_THEMES)
    sector_pool = _REGION_SECTORS.get(post.region, ("agriculture_food",))
    done_total = 0
    task4_done = 0
    for task in CORE_TASKS:
        quarters: list[list[int]] = []
        named_quarters: list[int] = []
        for quarter_share in _QUARTER_SHARES:
            count = sum(1 for _ in range(per_task[task]) if rng.random() < quarter_share * 1.0)
            statuses = [_status(rng) for _ in range(count)]
            done = statuses.count("done")
            reaches = task in (2, 3, 4) and business != ""
            named = sum(rng.randint(0, 2) for _ in range(done)) if reaches else 0
            unnamed = sum(rng.randint(0, 9) for _ in range(done)) if reaches else 0
            women = sum(rng.randint(2, 14) for _ in range(done))
            men = sum(rng.randint(2, 16) for _ in range(done))
            other = sum(1 for _ in range(done) if rng.random() < 0.1)
            quarters.append(
                [
                    done,
                    statuses.count("planned"),
                    statuses.count("cancelled"),
                    named + unnamed,
                    named,
                    unnamed,
                    women,
                    men,
                    other,
                ]
            )
            named_quarters.append(named)
            for _ in range(done):
                for theme in rng.sample(theme_pool, k=min(len(theme_pool), rng.choice((1, 1, 2)))):
                    themes[(task, theme)] = themes.get((task, theme), 0) + 1
                if task != 1 or rng.random() < 0.5:
                    sector = rng.choice(sector_pool)
                    sectors[(task, sector)] = sectors.get((task, sector), 0) + 1
        # A company reached in two quarters counts once in the year.
        repeat = rng.uniform(0.6, 0.9)
        named_year = max([*named_quarters, math.floor(sum(named_quarters) * repeat)])
        year_row = [sum(q[i] for q in quarters) for i in range(9)]
        year_row[4] = named_year
        year_row[3] = named_year + year_row[5]
        for period, row in zip(("Q1", "Q2", "Q3", "Q4"), quarters, strict=True):
            core_rows.append([task, period, *row])
        core_rows.append([task, "year", *year_row])
        done_total += year_row[0]
        if task == 4:
            task4_done = year_row[0]
    screening = _screening(rng, task4_done, business)
    practices = [
        [*_PRACTICES[task], str(task), " ".join(sorted(rng.sample(theme_pool, k=2))), "en"]
        for task in sorted(rng.sample(CORE_TASKS, k=rng.choice((0, 1, 1, 2))))
        if per_task[task]
    ]
    narrative = [
        ["results", _NARRATIVE["results"][business]],
        ["obstacles", rng.choice(_NARRATIVE["obstacles"])],
        ["plans", rng.choice(_NARRATIVE["plans"])],
    ]
    return ReturnContent(
        post=name,
        post_code=post.code,
        year=year,
        schema_version=HEAD_REVISION,
        sheets={
            CORE_TASKS_SHEET: core_rows,
            THEMES_SHEET: [[t, code, n] for (t, code), n in sorted(themes.items())],
            SECTORS_SHEET: [[t, code, n] for (t, code), n in sorted(sectors.items())],
            COUNTRIES_SHEET: [[post.country, done_total]] if done_total else [],
            SCREENING_SHEET: screening,
            PRACTICES_SHEET: practices,
            NARRATIVE_SHEET: narrative,
        },
    )


def _status(rng: random.Random) -> str:
    draw = rng.random()
    return "done" if draw < 0.86 else "planned" if draw < 0.94 else "cancelled"


def _poisson(rng: random.Random, mean: float) -> int:
    """A count around `mean` (Knuth's method; the means here are small)."""
    if mean <= 0:
        return 0
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _screening(rng: random.Random, task4_done: int, business: str) -> list[list[object]]:
    """Requests, outcomes (support, with conditions, decline, to headquarters) and conditions
    per quarter, and the year's sums."""
    per_year = 0 if business == "" else _poisson(rng, task4_done * 1.3)
    rows: list[list[object]] = []
    totals = [0] * 11
    for period, share in zip(("Q1", "Q2", "Q3", "Q4"), _QUARTER_SHARES, strict=True):
        received = sum(1 for _ in range(per_year) if rng.random() < share)
        decided = sum(1 for _ in range(received) if rng.random() < 0.9)
        outcomes = [0, 0, 0, 0]
        for _ in range(decided):
            outcomes[rng.choices(range(4), weights=(60, 25, 5, 10))[0]] += 1
        agreed = sum(rng.randint(1, 2) for _ in range(outcomes[1]))
        met = sum(1 for _ in range(agreed) if rng.random() < 0.5)
        not_met = sum(1 for _ in range(agreed - met) if rng.random() < 0.1)
        dropped = sum(1 for _ in range(agreed - met - not_met) if rng.random() < 0.1)
        still_open = agreed - met - not_met - dropped
        row = [received, decided, *outcomes, agreed, met, not_met, dropped, still_open]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        rows.append([period, *row])
    rows.append(["year", *totals])
    return rows
