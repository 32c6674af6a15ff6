"""Post side: the survey export files written for headquarters, and what their receipts said."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.db.base import Base, UTCDateTime, utc_now


class SentExportRow(Base):
    """An export written at the post; a receipt from headquarters fills in the status."""

    __tablename__ = "survey_sent_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(400))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    form_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(40))
    post_name: Mapped[str] = mapped_column(String(200))
    responses: Mapped[int] = mapped_column(Integer, default=0)
    exported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    receipt_status: Mapped[str] = mapped_column(String(20), default="")  # accepted / refused
    receipt_reason: Mapped[str] = mapped_column(Text, default="")
    receipt_counted: Mapped[int | None] = mapped_column(Integer)
    receipt_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Whether headquarters' signature on that receipt was checked: surveys.receipts' SIGNED,
    # UNSIGNED or UNKNOWN_KEY ("" before any receipt, and for receipts stored before 0010).
    receipt_signature: Mapped[str] = mapped_column(String(20), default="")


class ReceiptKeyRow(Base):
    """A public key of headquarters the post imported, to check receipts' signatures."""

    __tablename__ = "survey_receipt_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))  # the raw 32 bytes, base64
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    imported_by: Mapped[str] = mapped_column(String(120))
