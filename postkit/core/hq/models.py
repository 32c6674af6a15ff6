"""Tables headquarters keeps: the export files received and the responses they carried, the
list of posts, and the posts' annual returns (several years)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
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


class ReceivedReturnRow(Base):
    """An annual return file as received: accepted (it is or was a post's return of the year),
    or refused with the reason."""

    __tablename__ = "hq_received_returns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(400))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    post_name: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(20))  # "accepted" or "refused", as receipts say
    reason: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class NetworkReturnRow(Base):
    """A post's annual return of a year as held: one per post and year, the newest written."""

    __tablename__ = "hq_returns"
    __table_args__ = (UniqueConstraint("post_key", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_key: Mapped[str] = mapped_column(String(200))  # the list's code, else the name's key
    post_name: Mapped[str] = mapped_column(String(200))
    post_code: Mapped[str] = mapped_column(String(100), default="")
    year: Mapped[int] = mapped_column(Integer, index=True)
    written_at: Mapped[str] = mapped_column(String(40))
    content_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(400))
    postkit_version: Mapped[str] = mapped_column(String(40), default="")
    schema_version: Mapped[str] = mapped_column(String(40), default="")
    # The figures as read, JSON (orjson reads 1,500 returns' figures in milliseconds, where
    # rows per core task and period made holding ten years slow): "tasks" [[core task, period,
    # *TASK_FIGURES]], "themes"/"sectors" [[core task, code, activities]], "countries"
    # [[code, activities]].
    figures: Mapped[str] = mapped_column(Text)
    screening: Mapped[str] = mapped_column(Text, default="{}")  # JSON: period -> figures
    practices: Mapped[str] = mapped_column(Text, default="[]")  # JSON: list of practices
    narrative: Mapped[str] = mapped_column(Text, default="{}")  # JSON: section -> text
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
