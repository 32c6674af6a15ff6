"""Column mappings remembered per spreadsheet layout, so a post's own sheet is mapped once.

A layout is known by the signature of its header row (see `layout_signature`); the mapping says,
per column of the sheet, which field it fills. Activities and companies imports share the table.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from postkit.core.db.base import Base, UTCDateTime, utc_now


class ImportLayoutRow(Base):
    __tablename__ = "import_layouts"
    __table_args__ = (
        UniqueConstraint("kind", "signature", name="uq_import_layouts_kind_signature"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # "activities" or "companies"
    signature: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[str] = mapped_column(Text)  # JSON: {sheet header: field name or ""}
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(120), default="")


def layout_signature(headers: Sequence[str]) -> str:
    """The same headers in the same order give the same signature, whatever their case or spaces."""
    normalized = [" ".join(str(header).split()).casefold() for header in headers]
    return hashlib.sha256(json.dumps(normalized).encode("utf-8")).hexdigest()


def recall_mapping(session: Session, kind: str, headers: Sequence[str]) -> dict[str, str] | None:
    row = session.scalar(
        select(ImportLayoutRow).where(
            ImportLayoutRow.kind == kind, ImportLayoutRow.signature == layout_signature(headers)
        )
    )
    return None if row is None else dict(json.loads(row.mapping))


def remember_mapping(
    session: Session, kind: str, headers: Sequence[str], mapping: dict[str, str], actor: str
) -> None:
    signature = layout_signature(headers)
    row = session.scalar(
        select(ImportLayoutRow).where(
            ImportLayoutRow.kind == kind, ImportLayoutRow.signature == signature
        )
    )
    if row is None:
        row = ImportLayoutRow(kind=kind, signature=signature, mapping="")
        session.add(row)
    row.mapping = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    row.updated_at = utc_now()
    row.updated_by = actor
