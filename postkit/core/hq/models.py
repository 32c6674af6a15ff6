"""Tables headquarters keeps: the export files received and the responses they carried."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.db.base import Base, UTCDateTime, utc_now


class ReceivedExportRow(Base):
    """One post export file as received: accepted, or refused with the reason."""

    __tablename__ = "hq_received_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(400))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    post_name: Mapped[str] = mapped_column(String(200), default="")
    form_id: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[str] = mapped_column(String(40), default="")
    exported_at: Mapped[str] = mapped_column(String(40), default="")
    response_count: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20))  # "accepted" or "refused"
    reason: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class CollectedResponseRow(Base):
    """A response from a post's export; identified by its UUID so it is never counted twice."""

    __tablename__ = "hq_responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    form_id: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[str] = mapped_column(String(40))
    post_name: Mapped[str] = mapped_column(String(200), index=True)
    submitted_at: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(20), default="")
    values: Mapped[str] = mapped_column(Text)  # JSON: column -> value, as in the export
    export_id: Mapped[int | None] = mapped_column(
        ForeignKey("hq_received_exports.id", ondelete="SET NULL")
    )
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class HqPostRow(Base):
    """A post on headquarters' own list of posts (imported from a file, see hq/posts.py): its
    names, kind, country, region and the amount of Dutch business activity in its country."""

    __tablename__ = "hq_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # the file's order
    code: Mapped[str] = mapped_column(String(100), unique=True)
    nl: Mapped[str] = mapped_column(String(200))
    en: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str] = mapped_column(String(60))
    city_nl: Mapped[str] = mapped_column(String(200))
    city_en: Mapped[str] = mapped_column(String(200))
    business: Mapped[str] = mapped_column(String(20), default="")
    source: Mapped[str] = mapped_column(String(400), default="")  # the file it came from
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
