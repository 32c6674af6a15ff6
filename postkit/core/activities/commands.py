"""Undoable edits of the activity log, free of Qt: the UI wraps them in QUndoCommands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput, ActivityRecord
from postkit.core.activities.service import (
    create_activity,
    delete_activities,
    duplicate_activity,
    restore_activity,
    update_activity,
)
from postkit.core.attachments import AttachmentRecord


@dataclass
class CreateActivity:
    """Create an activity; revert deletes it, a redo restores it with the same id."""

    data: ActivityInput
    actor: str
    attachments: tuple[AttachmentRecord, ...] = ()
    created: ActivityRecord | None = field(default=None, init=False)

    def apply(self, session: Session) -> list[int]:
        if self.created is None:
            self.created = create_activity(session, self.data, self.actor, self.attachments)
        else:
            restore_activity(session, self.created)
        return [self.created.id]

    def revert(self, session: Session) -> list[int]:
        assert self.created is not None
        delete_activities(session, [self.created.id])
        return [self.created.id]


@dataclass
class DuplicateActivity:
    source_id: int
    actor: str
    title_suffix: str = " (copy)"
    created: ActivityRecord | None = field(default=None, init=False)

    def apply(self, session: Session) -> list[int]:
        if self.created is None:
            self.created = duplicate_activity(
                session, self.source_id, self.actor, self.title_suffix
            )
        else:
            restore_activity(session, self.created)
        return [self.created.id]

    def revert(self, session: Session) -> list[int]:
        assert self.created is not None
        delete_activities(session, [self.created.id])
        return [self.created.id]


@dataclass
class UpdateActivity:
    """Store new values; revert puts back the values (and audit trail) from before."""

    activity_id: int
    data: ActivityInput
    actor: str
    attachments: tuple[AttachmentRecord, ...] | None = None
    before: ActivityRecord | None = field(default=None, init=False)
    after: ActivityRecord | None = field(default=None, init=False)

    def apply(self, session: Session) -> list[int]:
        if self.after is None:
            from postkit.core.activities.service import get_activity

            self.before = get_activity(session, self.activity_id)
            self.after = update_activity(
                session, self.activity_id, self.data, self.actor, self.attachments
            )
        else:
            restore_activity(session, self.after)
        return [self.activity_id]

    def revert(self, session: Session) -> list[int]:
        assert self.before is not None
        restore_activity(session, self.before)
        return [self.activity_id]


@dataclass
class DeleteActivities:
    activity_ids: Sequence[int]
    snapshots: list[ActivityRecord] = field(default_factory=list, init=False)

    def apply(self, session: Session) -> list[int]:
        self.snapshots = delete_activities(session, self.activity_ids)
        return list(self.activity_ids)

    def revert(self, session: Session) -> list[int]:
        for snapshot in self.snapshots:
            restore_activity(session, snapshot)
        return [s.id for s in self.snapshots]
