"""Tables of the company register.

Other features link to a company by a foreign key to `companies.id` (activity_companies,
support_requests.company_id, practice_companies, follow_ups.company_id); the register itself
imports none of them, and merging two records re-points every such key (see the service).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from postkit.core.db.base import AuditMixin, Base, UTCDateTime, new_uuid


class CompanyRow(AuditMixin, Base):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(300))
    # Lower-cased, accents and legal forms stripped: lookup-as-you-type and duplicate detection.
    normalized_name: Mapped[str] = mapped_column(String(300), default="", index=True)
    trade_names: Mapped[str] = mapped_column(Text, default="")  # one per line
    # Dutch Chamber of Commerce number (8 digits); foreign companies have a registration instead.
    kvk_number: Mapped[str | None] = mapped_column(String(8), index=True)
    foreign_registration: Mapped[str] = mapped_column(String(100), default="")
    sector: Mapped[str | None] = mapped_column(String(60))
    country: Mapped[str | None] = mapped_column(String(2))
    # The size class follows from these (the letter's threshold); unknown figures stay None.
    employees: Mapped[int | None] = mapped_column(Integer)
    turnover_eur: Mapped[int | None] = mapped_column(BigInteger)
    balance_sheet_eur: Mapped[int | None] = mapped_column(BigInteger)
    operates_internationally: Mapped[bool] = mapped_column(Boolean, default=False)
    website: Mapped[str] = mapped_column(String(2000), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Set when this record was merged into another: it is hidden, and kept so a merge can be undone.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    merged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    contacts: Mapped[list[CompanyContactRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="CompanyContactRow.position",
    )
    lookup_keys: Mapped[list[CompanyLookupKeyRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class CompanyContactRow(Base):
    """A contact person: personal data that never leaves the post (exports and returns strip it)."""

    __tablename__ = "company_contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")


class CompanyLookupKeyRow(Base):
    """What lookup-as-you-type matches a company by (see validation.lookup_keys): its normalised
    name and trade names, whole and from each later word on. A prefix match on `key` is a range
    over the (kind, key) index, so a keystroke reads a few index entries, not the register."""

    __tablename__ = "company_lookup_keys"
    __table_args__ = (Index("ix_company_lookup_keys_kind_key", "kind", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    # 0 the name, 1 a trade name, 2 a later word of either: the order hits are ranked in.
    kind: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(300))
