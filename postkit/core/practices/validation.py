"""What a practice must hold before it is stored, written here or received from another post.

`validate_practice` raises ValidationError naming the first field that is wrong.
"""

from __future__ import annotations

from dataclasses import replace

from postkit.core import reference
from postkit.core.errors import ValidationError
from postkit.core.practices.records import LANGUAGES, STATUSES, PracticeInput

TITLE_MAX = 300
POST_NAME_MAX = 200
YEARS = range(1990, 2101)


def normalised(data: PracticeInput) -> PracticeInput:
    """Trimmed text, sorted unique codes, no empty country."""
    return replace(
        data,
        title=data.title.strip(),
        post_name=data.post_name.strip(),
        country=(data.country or "").strip().upper() or None,
        core_tasks=tuple(sorted(set(data.core_tasks))),
        themes=tuple(sorted(set(data.themes))),
        sectors=tuple(sorted(set(data.sectors))),
        company_ids=tuple(sorted(set(data.company_ids))),
    )


def validate_practice(data: PracticeInput) -> None:
    """Raise ValidationError naming the first field that is wrong."""
    if not data.title.strip():
        raise ValidationError("title", "a title is required")
    if len(data.title.strip()) > TITLE_MAX:
        raise ValidationError("title", f"at most {TITLE_MAX} characters")
    if not data.core_tasks:
        raise ValidationError("core_tasks", "choose at least one core task")
    for task in data.core_tasks:
        if isinstance(task, bool) or task not in range(1, 6):
            raise ValidationError("core_tasks", f"not one of the five core tasks (1–5): {task!r}")
    if len(data.post_name) > POST_NAME_MAX:
        raise ValidationError("post_name", f"at most {POST_NAME_MAX} characters")
    if data.country and data.country not in reference.countries():
        raise ValidationError("country", f"unknown country code {data.country!r}")
    if data.year is not None and (isinstance(data.year, bool) or data.year not in YEARS):
        raise ValidationError("year", f"a year from {YEARS[0]} to {YEARS[-1]}")
    if data.language not in LANGUAGES:
        raise ValidationError("language", f"one of {', '.join(LANGUAGES)}")
    if data.status not in STATUSES:
        raise ValidationError("status", f"one of {', '.join(STATUSES)}")
    reference.refuse_unknown_codes("themes", data.themes, reference.themes(), "theme")
    reference.refuse_unknown_codes("sectors", data.sectors, reference.sectors(), "sector")
