"""Undoable changes of follow-ups, free of Qt: the UI wraps them in QUndoCommands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from postkit.core.activities.models import Activity
from postkit.core.followups.records import FollowUpInput, FollowUpKind, FollowUpStatus
from postkit.core.followups.service import (
    add_follow_up,
    follow_ups,
    get_follow_up,
    remove_follow_up,
    set_status,
    sync_activity_actions,
)


class _Command(Protocol):
    def apply(self, session: Session) -> list[int]: ...
    def revert(self, session: Session) -> list[int]: ...


@dataclass
class ChangeStatus:
    """Judge a follow-up (met, not met, dropped); revert puts the earlier status back, and
    a condition's log records both ways. `next_step` is planned with it as a new follow-up."""

    follow_up_id: int
    status: str
    note: str
    actor: str
    next_step: FollowUpInput | None = None
    _before: tuple[str, str] | None = field(default=None, init=False)
    _planned: int | None = field(default=None, init=False)

    def apply(self, session: Session) -> list[int]:
        before = get_follow_up(session, self.follow_up_id)
        self._before = (before.status.value, before.status_note)
        set_status(session, self.follow_up_id, self.status, self.note, self.actor)
        ids = [self.follow_up_id]
        if self.next_step is not None:
            self._planned = add_follow_up(session, self.next_step, self.actor).id
            ids.append(self._planned)
        return ids

    def revert(self, session: Session) -> list[int]:
        assert self._before is not None
        ids = [self.follow_up_id]
        if self._planned is not None:
            remove_follow_up(session, self._planned)
            ids.append(self._planned)
            self._planned = None
        status, note = self._before
        set_status(session, self.follow_up_id, status, note, self.actor)
        return ids


@dataclass
class WithActions:
    """An activity saved (`saving`: create or update, whose first id is the activity's) with
    its follow-up actions; revert puts the actions back as they were, then the activity."""

    saving: _Command
    actions: Sequence[FollowUpInput]
    actor: str
    _before: list[FollowUpInput] | None = field(default=None, init=False)

    def apply(self, session: Session) -> list[int]:
        ids = self.saving.apply(session)
        activity_id = ids[0]
        if self._before is None:
            self._before = [
                record.data
                for record in follow_ups(session, activity_id=activity_id)
                if record.data.kind == FollowUpKind.ACTION.value
                and record.status == FollowUpStatus.OPEN
            ]
        sync_activity_actions(session, activity_id, self.actions, self.actor)
        return ids

    def revert(self, session: Session) -> list[int]:
        ids = self.saving.revert(session)
        # A new activity's revert deletes it, and its actions with it.
        if self._before is not None and session.get(Activity, ids[0]) is not None:
            sync_activity_actions(session, ids[0], self._before, self.actor)
        return ids
