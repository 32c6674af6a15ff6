"""Plain values the follow-up services take and return; nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class FollowUpKind(StrEnum):
    CONDITION = "condition"  # agreed in a screening decision
    ACTION = "action"  # planned in an activity


class FollowUpStatus(StrEnum):
    OPEN = "open"
    MET = "met"
    NOT_MET = "not_met"
    DROPPED = "dropped"


class NextStep(StrEnum):
    """What the guidelines have a post do when a company does not meet an agreed condition:
    first talk with the company and ask what it does about it, then reconsider the support."""

    DIALOGUE = "dialogue"
    RECONSIDER = "reconsider"


@dataclass(frozen=True)
class FollowUpInput:
    """What a user fills in for one follow-up."""

    kind: str
    description: str
    due_on: date | None = None
    owner: str = ""
    request_id: int | None = None
    activity_id: int | None = None
    company_id: int | None = None


@dataclass(frozen=True)
class FollowUpRecord:
    """A follow-up as stored, with where it comes from in words."""

    id: int
    uuid: str
    data: FollowUpInput
    status: FollowUpStatus
    status_note: str = ""
    status_changed_at: datetime | None = None
    status_changed_by: str = ""
    # The request's company or the activity's title: what the follow-up belongs to.
    source_title: str = ""
    company_name: str | None = None

    def is_overdue(self, today: date) -> bool:
        return (
            self.status == FollowUpStatus.OPEN
            and self.data.due_on is not None
            and self.data.due_on < today
        )


@dataclass(frozen=True)
class StatusUndo:
    """What a status change replaced, so that it can be put back."""

    follow_up_id: int
    status: FollowUpStatus
    status_note: str
    status_changed_at: datetime | None
    status_changed_by: str
