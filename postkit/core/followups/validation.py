"""The rules a follow-up must satisfy before it is stored."""

from __future__ import annotations

from dataclasses import replace

from postkit.core.errors import ValidationError
from postkit.core.followups.records import FollowUpInput, FollowUpKind, FollowUpStatus

DESCRIPTION_MAX = 2000
OWNER_MAX = 120


def validate_follow_up(data: FollowUpInput) -> FollowUpInput:
    """The follow-up with its texts trimmed; ValidationError naming the first wrong field."""
    try:
        kind = FollowUpKind(data.kind)
    except ValueError:
        raise ValidationError("kind", f"unknown kind {data.kind!r}") from None
    description = data.description.strip()
    if not description:
        raise ValidationError("description", "say what was agreed or planned")
    if len(description) > DESCRIPTION_MAX:
        raise ValidationError("description", f"at most {DESCRIPTION_MAX} characters")
    owner = " ".join(data.owner.split())
    if len(owner) > OWNER_MAX:
        raise ValidationError("owner", f"at most {OWNER_MAX} characters")
    if kind == FollowUpKind.CONDITION and data.request_id is None:
        raise ValidationError("request_id", "a condition belongs to a screening request")
    if kind == FollowUpKind.ACTION and data.activity_id is None:
        raise ValidationError("activity_id", "an action belongs to an activity")
    return replace(data, kind=kind.value, description=description, owner=owner)


def checked_status(status: str, note: str) -> tuple[FollowUpStatus, str]:
    """The status and its note trimmed; dropping one needs a reason."""
    try:
        known = FollowUpStatus(status)
    except ValueError:
        raise ValidationError("status", f"unknown status {status!r}") from None
    note = note.strip()
    if known == FollowUpStatus.DROPPED and not note:
        raise ValidationError("status_note", "say why the follow-up is dropped")
    return known, note
