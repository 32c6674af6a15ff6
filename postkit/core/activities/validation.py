"""The rules an activity must satisfy before it is stored."""

from __future__ import annotations

import re

from postkit.core import reference
from postkit.core.activities.records import ACTIVITY_STATUSES, ActivityInput
from postkit.core.errors import ValidationError

TITLE_MAX = 300
_LINK = re.compile(r"^(https?://|mailto:|www\.)\S+$", re.IGNORECASE)
_COUNTS = ("unnamed_companies", "participants_women", "participants_men", "participants_other")


def validate_activity(data: ActivityInput) -> None:
    """Raise ValidationError naming the first field that is wrong."""
    if data.core_task not in range(1, 6):
        raise ValidationError("core_task", "choose one of the five core tasks (1–5)")
    title = data.title.strip()
    if not title:
        raise ValidationError("title", "a title is required")
    if len(title) > TITLE_MAX:
        raise ValidationError("title", f"at most {TITLE_MAX} characters")
    if data.activity_type not in reference.activity_types():
        raise ValidationError("activity_type", f"unknown activity type {data.activity_type!r}")
    if data.end_date is not None and data.end_date < data.start_date:
        raise ValidationError("end_date", "the end date lies before the start date")
    if data.country and data.country not in reference.countries():
        raise ValidationError("country", f"unknown country code {data.country!r}")
    reference.refuse_unknown_codes("sectors", data.sectors, reference.sectors(), "sector")
    reference.refuse_unknown_codes("themes", data.themes, reference.themes(), "theme")
    if data.status not in ACTIVITY_STATUSES:
        raise ValidationError("status", f"unknown status {data.status!r}")
    for name in _COUNTS:
        value = getattr(data, name)
        if not isinstance(value, int) or value < 0:
            raise ValidationError(name, "must be a whole number of 0 or more")
    for link in data.links:
        if not _LINK.match(link.strip()):
            raise ValidationError("links", f"not a web or e-mail link: {link!r}")
