"""The follow-up table: one thing agreed or planned, with a due date, an owner and a status."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

# The foreign keys below name these tables: they must be in the metadata whenever this is.
from postkit.core.activities import models as _activities_models  # noqa: F401
from postkit.core.companies import models as _companies_models  # noqa: F401
from postkit.core.db.base import AuditMixin, Base, UTCDateTime, new_uuid
from postkit.core.screening import models as _screening_models  # noqa: F401

# A condition agreed in a screening decision, or an action planned in an activity.
KINDS = ("condition", "action")
STATUSES = ("open", "met", "not_met", "dropped")


class FollowUpRow(AuditMixin, Base):
    __tablename__ = "follow_ups"
    __table_args__ = (
        CheckConstraint("kind IN ('condition', 'action')", name="kind_known"),
        CheckConstraint("status IN ('open', 'met', 'not_met', 'dropped')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(20))
    # Where it was agreed or planned: a screening request (condition) or an activity (action).
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("support_requests.id", ondelete="CASCADE"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    owner: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    # Why it was dropped, or what was found when it was judged met or not met.
    status_note: Mapped[str] = mapped_column(Text, default="")
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_changed_by: Mapped[str] = mapped_column(String(120), default="")
