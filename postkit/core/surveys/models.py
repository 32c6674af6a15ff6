"""Tables of the surveys: imported XLSForm definitions and the post's responses."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.db.base import Base, UTCDateTime, new_uuid, utc_now


class SurveyFormRow(Base):
    """One version of a survey: the XLSForm workbook itself, so it can be loaded again."""

    __tablename__ = "survey_forms"
    __table_args__ = (
        UniqueConstraint("form_id", "version", name="uq_survey_forms_form_id_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)  # JSON: language -> title
    default_language: Mapped[str] = mapped_column(String(20), default="")
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    workbook: Mapped[bytes] = mapped_column(LargeBinary)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    imported_by: Mapped[str] = mapped_column(String(120), default="")


class SurveyResponseRow(Base):
    """A respondent's answers: a draft while being filled in, then submitted."""

    __tablename__ = "survey_responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    form_pk: Mapped[int] = mapped_column(
        ForeignKey("survey_forms.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    is_anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    respondent: Mapped[str] = mapped_column(String(200), default="")  # empty when anonymous
    post_name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(20), default="")
    answers: Mapped[str] = mapped_column(Text, default="{}")  # JSON: name -> value
    page: Mapped[int] = mapped_column(Integer, default=0)  # where a draft was left
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
