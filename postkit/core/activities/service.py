"""Creating, changing, duplicating, deleting and restoring activities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from postkit.core.activities.models import (
    Activity,
    ActivityAttachment,
    ActivityCompany,
    ActivityLink,
    ActivitySector,
    ActivityTheme,
)
from postkit.core.activities.records import ActivityInput, ActivityRecord
from postkit.core.activities.validation import validate_activity
from postkit.core.attachments import AttachmentRecord
from postkit.core.db.base import new_uuid, utc_now
from postkit.core.db.rows import get_row
from postkit.core.errors import NotFoundError
from postkit.core.profile import load_profile

# Every field of the input that is a column of `activities` itself; the collections
# (sectors, themes, links, companies) live in child tables. A new field needs no change here.
_COLLECTIONS = {"sectors", "themes", "links", "company_ids"}
_SCALAR_FIELDS = tuple(item.name for item in fields(ActivityInput) if item.name not in _COLLECTIONS)


def _normalised(data: ActivityInput) -> ActivityInput:
    return replace(
        data,
        title=data.title.strip(),
        country=data.country or None,
        sectors=tuple(sorted(set(data.sectors))),
        themes=tuple(sorted(set(data.themes))),
        links=tuple(link.strip() for link in data.links if link.strip()),
        company_ids=tuple(sorted(set(data.company_ids))),
    )


def _apply_input(activity: Activity, data: ActivityInput) -> None:
    for name in _SCALAR_FIELDS:
        setattr(activity, name, getattr(data, name))
    activity.sectors = [ActivitySector(code=code) for code in data.sectors]
    activity.themes = [ActivityTheme(code=code) for code in data.themes]
    activity.links = [ActivityLink(url=url, position=i) for i, url in enumerate(data.links)]
    activity.companies = [ActivityCompany(company_id=company_id) for company_id in data.company_ids]


def to_record(activity: Activity) -> ActivityRecord:
    data = ActivityInput(
        **{name: getattr(activity, name) for name in _SCALAR_FIELDS},
        sectors=tuple(sorted(s.code for s in activity.sectors)),
        themes=tuple(sorted(t.code for t in activity.themes)),
        links=tuple(link.url for link in activity.links),
        company_ids=tuple(sorted(link.company_id for link in activity.companies)),
    )
    attachments = tuple(a.record() for a in activity.attachments)
    return ActivityRecord(
        id=activity.id,
        uuid=activity.uuid,
        data=data,
        attachments=attachments,
        created_at=activity.created_at,
        created_by=activity.created_by,
        updated_at=activity.updated_at,
        updated_by=activity.updated_by,
    )


def _get(session: Session, activity_id: int) -> Activity:
    return get_row(session, Activity, activity_id, f"activity {activity_id} no longer exists")


def get_activity(session: Session, activity_id: int) -> ActivityRecord:
    return to_record(_get(session, activity_id))


def create_activity(
    session: Session,
    data: ActivityInput,
    actor: str,
    attachments: Iterable[AttachmentRecord] = (),
) -> ActivityRecord:
    """Validate and store a new activity; one entered without a post is the profile's post's."""
    data = _normalised(data)
    if not data.post_name:
        profile = load_profile(session)
        data = replace(data, post_name=profile.post_name if profile else "")
    validate_activity(data)
    now = utc_now()
    activity = Activity(
        uuid=new_uuid(), created_at=now, created_by=actor, updated_at=now, updated_by=actor
    )
    _apply_input(activity, data)
    activity.attachments = [ActivityAttachment.from_record(a) for a in attachments]
    session.add(activity)
    session.commit()
    return to_record(activity)


def update_activity(
    session: Session,
    activity_id: int,
    data: ActivityInput,
    actor: str,
    attachments: Iterable[AttachmentRecord] | None = None,
) -> ActivityRecord:
    """Validate and store new values; `attachments`, when given, replaces the attached files."""
    data = _normalised(data)
    validate_activity(data)
    activity = _get(session, activity_id)
    if not data.post_name:
        data = replace(data, post_name=activity.post_name)
    _apply_input(activity, data)
    if attachments is not None:
        activity.attachments = [ActivityAttachment.from_record(a) for a in attachments]
    activity.updated_at = utc_now()
    activity.updated_by = actor
    session.commit()
    return to_record(activity)


def duplicate_activity(
    session: Session, activity_id: int, actor: str, title_suffix: str = " (copy)"
) -> ActivityRecord:
    """A new activity with the same content (and the same attached files)."""
    original = get_activity(session, activity_id)
    title = (original.data.title + title_suffix)[:300]
    return create_activity(
        session, replace(original.data, title=title), actor, original.attachments
    )


def delete_activities(session: Session, activity_ids: Iterable[int]) -> list[ActivityRecord]:
    """Delete activities; returns snapshots from which `restore_activity` brings them back.

    Attached files stay in the files folder: they are content-addressed and may be shared,
    and an undo must find them again.
    """
    ids = list(dict.fromkeys(activity_ids))
    activities = session.scalars(select(Activity).where(Activity.id.in_(ids))).all()
    found = {a.id: a for a in activities}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"activity {missing[0]} no longer exists")
    snapshots = [to_record(found[i]) for i in ids]
    session.execute(delete(Activity).where(Activity.id.in_(ids)))
    session.commit()
    session.expunge_all()
    return snapshots


def restore_activity(session: Session, snapshot: ActivityRecord) -> ActivityRecord:
    """Put an activity back exactly as in the snapshot: same id, UUID and audit trail."""
    activity = session.get(Activity, snapshot.id)
    if activity is None:
        activity = Activity(id=snapshot.id, uuid=snapshot.uuid)
        session.add(activity)
    _apply_input(activity, snapshot.data)
    activity.attachments = [ActivityAttachment.from_record(a) for a in snapshot.attachments]
    activity.created_at = snapshot.created_at or utc_now()
    activity.created_by = snapshot.created_by
    activity.updated_at = snapshot.updated_at or utc_now()
    activity.updated_by = snapshot.updated_by
    session.commit()
    return to_record(activity)
