"""Tables of the good-practices library."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.attachments import StoredFileColumns

# The foreign keys below name these tables: they must be in the metadata whenever this is.
from postkit.core.companies import models as _companies_models  # noqa: F401
from postkit.core.db.base import (
    AuditMixin,
    Base,
    CodeTag,
    UTCDateTime,
    new_uuid,
    owned_rows,
    owner_key,
    utc_now,
)


class PracticeRow(AuditMixin, Base):
    """A good practice. `uuid` is stable across posts; `version` changes with every edit and
    `lineage` lists the versions it descends from, so an import can tell a newer version from
    a conflicting one."""

    __tablename__ = "practices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    version: Mapped[str] = mapped_column(String(36), default=new_uuid)
    lineage: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of earlier versions
    title: Mapped[str] = mapped_column(String(300))
    core_tasks: Mapped[str] = mapped_column(String(20), default="")  # "1,3"
    post_name: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    year: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    what_was_done: Mapped[str] = mapped_column(Text, default="")
    what_worked: Mapped[str] = mapped_column(Text, default="")
    what_did_not: Mapped[str] = mapped_column(Text, default="")
    lessons: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="en")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    source_activity_uuid: Mapped[str | None] = mapped_column(String(36))

    themes: Mapped[list[PracticeThemeRow]] = owned_rows()
    sectors: Mapped[list[PracticeSectorRow]] = owned_rows()
    attachments: Mapped[list[PracticeAttachmentRow]] = owned_rows(
        order_by="PracticeAttachmentRow.id"
    )
    # The companies involved (from the register); personal data never travels with a practice,
    # and exchange files carry only the companies' names.
    companies: Mapped[list[PracticeCompanyRow]] = owned_rows()


class PracticeCompanyRow(Base):
    __tablename__ = "practice_companies"

    practice_id: Mapped[int] = owner_key("practices", primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class PracticeThemeRow(CodeTag, Base):
    __tablename__ = "practice_themes"

    practice_id: Mapped[int] = owner_key("practices", primary_key=True)


class PracticeSectorRow(CodeTag, Base):
    __tablename__ = "practice_sectors"

    practice_id: Mapped[int] = owner_key("practices", primary_key=True)


class PracticeAttachmentRow(StoredFileColumns, Base):
    """A tool or template attached to a practice, stored like activity attachments."""

    __tablename__ = "practice_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = owner_key("practices")


class PracticeUseRow(Base):
    """A post marked the practice as useful ("used at our post")."""

    __tablename__ = "practice_uses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = owner_key("practices")
    post_name: Mapped[str] = mapped_column(String(200))
    user_name: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class PracticeConflictRow(Base):
    """An imported version that conflicts with a local edit, kept until the user chooses."""

    __tablename__ = "practice_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_uuid: Mapped[str] = mapped_column(String(36), index=True)
    incoming: Mapped[str] = mapped_column(Text)  # the practice as JSON, as in the exchange file
    source_file: Mapped[str] = mapped_column(String(400), default="")
    source_post: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
