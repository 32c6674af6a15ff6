"""Plain values the activity services take and return; nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only named: the list's filter is made before SQLAlchemy (which attachments uses) loads.
    from postkit.core.attachments import AttachmentRecord

ACTIVITY_STATUSES = ("planned", "done", "cancelled")


@dataclass(frozen=True)
class ActivityInput:
    """What a user fills in for an activity."""

    core_task: int
    title: str
    start_date: date
    activity_type: str
    end_date: date | None = None
    description: str = ""
    country: str | None = None
    sectors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    partners: str = ""
    unnamed_companies: int = 0
    participants_women: int = 0
    participants_men: int = 0
    participants_other: int = 0
    outcome: str = ""
    follow_up: str = ""
    links: tuple[str, ...] = ()
    post_name: str = ""
    # Planned, done or cancelled (ACTIVITY_STATUSES).
    status: str = "done"
    # The register's companies the activity reached; `unnamed_companies` counts the others.
    company_ids: tuple[int, ...] = ()

    @property
    def participants_total(self) -> int:
        return self.participants_women + self.participants_men + self.participants_other


@dataclass(frozen=True)
class ActivityRecord:
    """An activity as stored, with its audit trail; also serves as an undo snapshot."""

    id: int
    uuid: str
    data: ActivityInput
    attachments: tuple[AttachmentRecord, ...] = ()
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True)
class ActivityRow:
    """One line of the activity list: only what the table shows."""

    id: int
    start_date: date
    end_date: date | None
    core_task: int
    title: str
    activity_type: str
    country: str | None
    companies_reached: int
    participants: int
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class ActivityFilter:
    """Which activities to show; empty fields filter nothing."""

    core_tasks: frozenset[int] = field(default_factory=frozenset)
    year: int | None = None
    quarter: int | None = None
    activity_type: str | None = None
    sector: str | None = None
    theme: str | None = None
    # Planned, done or cancelled (ACTIVITY_STATUSES); None: any.
    status: str | None = None
    text: str = ""
    # Whose activities: a database may hold several posts' (headquarters). None: every post.
    post_name: str | None = None

    @property
    def is_empty(self) -> bool:
        """Whether the user narrowed nothing (the post is not the user's choice on a list)."""
        return replace(self, post_name=None) == ActivityFilter()
