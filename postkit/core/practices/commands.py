"""Edits of good practices that can be undone (wrapped for Qt's undo stack by postkit.ui.undo)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from postkit.core.attachments import AttachmentRecord
from postkit.core.practices.records import PracticeInput, PracticeRecord
from postkit.core.practices.service import get_practice, update_practice


@dataclass
class EditPractice:
    """Store new values and attached files as one new version.

    Undoing stores the earlier values and files as another new version rather than winding
    the version back: a post that already received the edit then takes the undo as a newer
    version too, instead of seeing two histories in conflict.
    """

    practice_id: int
    data: PracticeInput
    attachments: tuple[AttachmentRecord, ...]
    actor: str
    before: PracticeRecord | None = field(default=None, init=False)

    def apply(self, session: Session) -> list[int]:
        if self.before is None:
            self.before = get_practice(session, self.practice_id)
        update_practice(session, self.practice_id, self.data, self.actor, self.attachments)
        return [self.practice_id]

    def revert(self, session: Session) -> list[int]:
        assert self.before is not None
        before = self.before
        update_practice(session, self.practice_id, before.data, self.actor, before.attachments)
        return [self.practice_id]
