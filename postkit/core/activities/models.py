"""Tables of the activity log."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.attachments import StoredFileColumns

# The foreign keys below name these tables: they must be in the metadata whenever this is.
from postkit.core.companies import models as _companies_models  # noqa: F401
from postkit.core.db.base import (
    AuditMixin,
    Base,
    CodeTag,
    new_uuid,
    owned_rows,
    owner_key,
)


class Activity(AuditMixin, Base):
    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint("core_task BETWEEN 1 AND 5", name="core_task_range"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        CheckConstraint("status IN ('planned', 'done', 'cancelled')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    post_name: Mapped[str] = mapped_column(String(200), default="")
    core_task: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(300))
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    activity_type: Mapped[str] = mapped_column(String(40), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str | None] = mapped_column(String(2))
    partners: Mapped[str] = mapped_column(Text, default="")
    # Companies reached that are not named in the register (before the register existed, the
    # only count there was); the named ones are in `companies`.
    unnamed_companies: Mapped[int] = mapped_column(Integer, default=0)
    participants_women: Mapped[int] = mapped_column(Integer, default=0)
    participants_men: Mapped[int] = mapped_column(Integer, default=0)
    participants_other: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    # A post plans its year: planned, done or cancelled; reports set planned against done.
    status: Mapped[str] = mapped_column(String(20), default="done", index=True)

    sectors: Mapped[list[ActivitySector]] = owned_rows()
    themes: Mapped[list[ActivityTheme]] = owned_rows()
    links: Mapped[list[ActivityLink]] = owned_rows(order_by="ActivityLink.position")
    attachments: Mapped[list[ActivityAttachment]] = owned_rows(order_by="ActivityAttachment.id")
    companies: Mapped[list[ActivityCompany]] = owned_rows()


class ActivitySector(CodeTag, Base):
    __tablename__ = "activity_sectors"

    activity_id: Mapped[int] = owner_key("activities", primary_key=True)


class ActivityTheme(CodeTag, Base):
    __tablename__ = "activity_themes"

    activity_id: Mapped[int] = owner_key("activities", primary_key=True)


class ActivityLink(Base):
    __tablename__ = "activity_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = owner_key("activities")
    position: Mapped[int] = mapped_column(Integer, default=0)
    url: Mapped[str] = mapped_column(String(2000))


class ActivityAttachment(StoredFileColumns, Base):
    """A file copied into the data folder; `stored_name` is relative to the attachments folder."""

    __tablename__ = "activity_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = owner_key("activities")


class ActivityCompany(Base):
    """A company from the register that the activity reached."""

    __tablename__ = "activity_companies"

    activity_id: Mapped[int] = owner_key("activities", primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True, index=True
    )
