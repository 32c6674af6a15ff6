"""Fictional post exports of the shipped evaluation survey, for demos and benchmarks.

Each file is what a post's `postkit survey export` writes: the rows come from the survey demo's
answers and go through the export module's own table, digest and workbook writer, but without a
database, so 150 posts take seconds. The posts are real ones from the list of posts
(`resources/reference/posts.json`), answering with the evaluation form's region of theirs and
the amount of Dutch business the list gives their country; with it, and by region, differs how
active a post is and how well it rates the guidelines.
The same seed and arguments always give the same files, UUIDs included.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import unicodedata
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from postkit import __version__
from postkit.core import reference
from postkit.core.errors import PostkitError
from postkit.core.files import atomic_output
from postkit.core.surveys.demo import (
    EVALUATION_FORM_ID,
    PostProfile,
    Respondent,
    demo_answers,
    make_respondent,
)
from postkit.core.surveys.export import (
    EXPORT_FORMAT,
    META_COLUMNS,
    ResponseTable,
    answer_cells,
    iso_utc,
    question_columns,
    write_workbook,
)
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import decode_answers, encode_answers, shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form

MAX_RESPONSES = 1000
DEMO_DAY = date(2026, 6, 30)

# The evaluation form's region choice for each region of the list of posts.
FORM_REGIONS = {
    "africa": "africa",
    "asia": "asia_oceania",
    "oceania": "asia_oceania",
    "europe": "europe",
    "latin_america_caribbean": "latin_america",
    "middle_east_north_africa": "mena",
    "north_america": "north_america",
}
# Chances of low, medium and high Dutch business activity per region.
_BUSINESS_WEIGHTS = {
    "africa": (5, 4, 1),
    "asia_oceania": (2, 4, 4),
    "europe": (1, 3, 6),
    "latin_america": (4, 4, 2),
    "mena": (3, 5, 2),
    "north_america": (1, 3, 6),
}
# Where there is more Dutch business, posts use the guidelines more and rate them higher.
_AGREE_SHIFT = {"low": -0.12, "medium": 0.0, "high": 0.07}
_REGION_SHIFT = {"africa": 0.03, "mena": -0.05, "latin_america": -0.02}


def listed_posts() -> tuple[reference.Post, ...]:
    """The bilateral posts of the shipped list (not headquarters' own copy: the same files
    everywhere); the permanent representations do not work with companies in a country."""
    listed = reference.load_posts(reference.shipped_posts_file()).posts
    return tuple(post for post in listed if post.kind != "permanent_representation")


def demo_posts(count: int | None = None, seed: int = 7) -> list[PostProfile]:
    """`count` real posts from `listed_posts` (all by default), the regions taking turns,
    each named in Dutch or English, with the amount of Dutch business the list gives its
    country."""
    listed = listed_posts()
    count = len(listed) if count is None else count
    if not 1 <= count <= len(listed):
        raise PostkitError(f"the number of posts must be between 1 and {len(listed)}")
    rng = random.Random(f"posts:{seed}")
    by_region: dict[str, list[reference.Post]] = {}
    for post in listed:
        by_region.setdefault(FORM_REGIONS[post.region], []).append(post)
    for posts in by_region.values():
        rng.shuffle(posts)
    queues = [by_region[region] for region in sorted(by_region)]
    chosen: list[tuple[str, reference.Post]] = []
    while len(chosen) < count:
        for region, queue in zip(sorted(by_region), queues, strict=True):
            if queue and len(chosen) < count:
                chosen.append((region, queue.pop()))
    profiles: list[PostProfile] = []
    for region, post in chosen:
        drawn = rng.choices(("low", "medium", "high"), weights=_BUSINESS_WEIGHTS[region])[0]
        # The country's amount from the list of posts; drawn only for a country it leaves open.
        business = post.business or drawn
        language = rng.choice(("nl", "en", "en"))
        profiles.append(PostProfile(post.label(language), region, business))
    return profiles


def write_demo_exports(
    folder: str | os.PathLike[str],
    posts: int | None = None,
    responses: int = 40,
    seed: int = 7,
    today: date = DEMO_DAY,
    form: Form | None = None,
) -> list[Path]:
    """Write one valid export per post (`posts` of the list, all by default) into `folder`;
    return the files in order."""
    if not 0 <= responses <= MAX_RESPONSES:
        raise PostkitError(f"the number of responses must be between 0 and {MAX_RESPONSES}")
    form = form or load_form(shipped_surveys_dir() / f"{EVALUATION_FORM_ID}.xlsx")
    form_sha256 = _shipped_form_sha256(form)
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PostkitError(f"cannot create {target}: {error.strerror or error}") from error
    written: list[Path] = []
    for number, post in enumerate(demo_posts(posts, seed), 1):
        table = _post_table(form, post, responses, seed, today)
        exported = datetime.combine(today, time(17, number % 60), UTC)
        meta = [
            ("format", EXPORT_FORMAT),
            ("form_id", form.form_id),
            ("version", form.version),
            ("form_title", form.text(form.title)),
            ("form_sha256", form_sha256),
            ("languages", " ".join(form.languages)),
            ("post", post.name),
            ("exported_at", iso_utc(exported)),
            ("responses", len(table.rows)),
            ("sha256", table.digest),
            ("postkit_version", __version__),
        ]
        path = target / f"{number:03d}-{_slug(post.name)}.xlsx"
        with atomic_output(path) as temp:
            write_workbook(temp, table, meta)
        written.append(path)
    return written


def _post_table(form: Form, post: PostProfile, count: int, seed: int, today: date) -> ResponseTable:
    """The responses sheet of one post, built as export.response_table builds it."""
    columns = question_columns(form)
    header = list(META_COLUMNS)
    for question in columns:
        header.append(question.name)
        if question.type == "select_multiple":
            header.extend(f"{question.name}/{choice.name}" for choice in form.choices(question))
    moments = []
    for index in range(count):
        rng = random.Random(f"{seed}:{post.name}:{index}")
        response_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        respondent = _respondent(rng, index, post)
        answers = decode_answers(
            form, encode_answers(demo_answers(form, post, respondent, rng, today))
        )
        day = today - timedelta(days=rng.randint(1, 45))
        submitted = datetime.combine(day, time(rng.randint(7, 16), rng.randint(0, 59)), UTC)
        row: list[object] = [
            response_uuid,
            iso_utc(submitted),
            respondent.language,
            1 if respondent.is_anonymous else 0,
            None if respondent.is_anonymous else respondent.name,
        ]
        for question in columns:
            row.extend(answer_cells(form, question, answers.get(question.name)))
        moments.append((submitted, index, row))
    moments.sort(key=lambda moment: (moment[0], moment[1]))  # in order of submission
    return ResponseTable(form, header, [row for _moment, _index, row in moments])


def _respondent(rng: random.Random, index: int, post: PostProfile) -> Respondent:
    respondent = make_respondent(rng, index)
    shift = _AGREE_SHIFT[post.business] + _REGION_SHIFT.get(post.region, 0.0)
    return replace(respondent, agrees=min(0.97, max(0.05, respondent.agrees + shift)))


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _shipped_form_sha256(form: Form) -> str:
    path = shipped_surveys_dir() / f"{form.form_id}.xlsx"
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
