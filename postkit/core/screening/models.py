"""Tables of the IMVO-conditions screening: requests, answers, sanctions lists, matches, log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from postkit.core.attachments import StoredFileColumns

# The foreign keys below name these tables: they must be in the metadata whenever this is.
from postkit.core.companies import models as _companies_models  # noqa: F401
from postkit.core.db.base import (
    AuditMixin,
    Base,
    UTCDateTime,
    new_uuid,
    owned_rows,
    owner_key,
    utc_now,
)


class SanctionsListRow(Base):
    """An imported sanctions list file; the newest of each source is the one screenings use.

    A file is stored once, whoever imports it: its SHA-256 is unique. `rescreened_at` stays
    empty until the requests screened on earlier lists have been screened on this one.
    """

    __tablename__ = "sanctions_lists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    source: Mapped[str] = mapped_column(String(40), default="opensanctions")
    entry_count: Mapped[int] = mapped_column(Integer)
    list_date: Mapped[str] = mapped_column(String(40), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    imported_by: Mapped[str] = mapped_column(String(120), default="")
    rescreened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SanctionsScreenedListRow(Base):
    """A list (one version of one source) a request's latest screening ran against."""

    __tablename__ = "sanctions_screened_lists"

    request_id: Mapped[int] = owner_key("support_requests", primary_key=True)
    list_id: Mapped[int] = owner_key("sanctions_lists", primary_key=True)


class SanctionsEntryRow(Base):
    """One entry of a list; multi-valued fields are kept joined by ';' as in the file."""

    __tablename__ = "sanctions_entries"
    # A re-screening looks up the entries its candidates stand on, by id, in a newer list.
    __table_args__ = (Index("ix_sanctions_entries_list_id_entry_id", "list_id", "entry_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = owner_key("sanctions_lists")
    entry_id: Mapped[str] = mapped_column(String(200))
    schema: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[str] = mapped_column(Text, default="")
    birth_date: Mapped[str] = mapped_column(Text, default="")
    countries: Mapped[str] = mapped_column(Text, default="")
    addresses: Mapped[str] = mapped_column(Text, default="")
    identifiers: Mapped[str] = mapped_column(Text, default="")
    sanctions: Mapped[str] = mapped_column(Text, default="")
    program_ids: Mapped[str] = mapped_column(Text, default="")
    dataset: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[str] = mapped_column(String(40), default="")
    last_seen: Mapped[str] = mapped_column(String(40), default="")
    last_change: Mapped[str] = mapped_column(String(40), default="")


class RiskRatingRow(Base):
    """Country or sector risk level, from the shipped table or one the officer imported."""

    __tablename__ = "risk_ratings"
    __table_args__ = (UniqueConstraint("kind", "code", name="uq_risk_ratings_kind_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "country" or "sector"
    code: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(10))  # "low", "medium", "high"
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(255), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class SupportRequestRow(AuditMixin, Base):
    __tablename__ = "support_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    # The register's company; the name and figures below are what was screened, kept as they were.
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    company_name: Mapped[str] = mapped_column(String(300))
    kvk_number: Mapped[str] = mapped_column(String(20), default="")
    company_country: Mapped[str | None] = mapped_column(String(2))
    company_sector: Mapped[str | None] = mapped_column(String(60))
    employees: Mapped[int | None] = mapped_column(Integer)
    turnover_eur: Mapped[int | None] = mapped_column(Integer)
    balance_sheet_eur: Mapped[int | None] = mapped_column(Integer)
    directors: Mapped[str] = mapped_column(Text, default="")  # one name per line
    # JSON: [{"name", "birth_date", "nationality"}] for the directors something is known of.
    director_details: Mapped[str] = mapped_column(Text, default="")
    support_kind: Mapped[str] = mapped_column(String(40))
    operating_country: Mapped[str | None] = mapped_column(String(2))
    operating_sector: Mapped[str | None] = mapped_column(String(60))
    requested_on: Mapped[date] = mapped_column(Date)
    needed_by: Mapped[date | None] = mapped_column(Date)
    handled_by: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    outcome: Mapped[str | None] = mapped_column(String(40))
    rationale: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    conditions_due: Mapped[date | None] = mapped_column(Date)
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    # Checklist items open when decided (one per line) and why the officer decided anyway.
    open_steps: Mapped[str] = mapped_column(Text, default="")
    open_steps_reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    screened_list_id: Mapped[int | None] = mapped_column(
        ForeignKey("sanctions_lists.id", ondelete="SET NULL")
    )
    screened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    matcher_version: Mapped[str] = mapped_column(String(20), default="")
    match_threshold: Mapped[float | None] = mapped_column(Float)

    answers: Mapped[list[ChecklistAnswerRow]] = owned_rows()
    evidence: Mapped[list[EvidenceFileRow]] = owned_rows(order_by="EvidenceFileRow.id")
    matches: Mapped[list[SanctionsMatchRow]] = owned_rows(order_by="SanctionsMatchRow.score.desc()")


class ChecklistAnswerRow(Base):
    __tablename__ = "checklist_answers"

    request_id: Mapped[int] = owner_key("support_requests", primary_key=True)
    item: Mapped[str] = mapped_column(String(40), primary_key=True)
    answer: Mapped[str] = mapped_column(String(10), default="unknown")  # yes / no / unknown
    note: Mapped[str] = mapped_column(Text, default="")
    links: Mapped[str] = mapped_column(Text, default="")  # one per line
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(120), default="")


class EvidenceFileRow(StoredFileColumns, Base):
    """A file attached as evidence to one checklist item (stored like activity attachments)."""

    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = owner_key("support_requests")
    item: Mapped[str] = mapped_column(String(40))


class SanctionsMatchRow(Base):
    """A candidate the matcher found for a screened name, and the officer's judgement of it."""

    __tablename__ = "sanctions_matches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = owner_key("support_requests")
    list_id: Mapped[int | None] = mapped_column(
        ForeignKey("sanctions_lists.id", ondelete="SET NULL")
    )
    subject: Mapped[str] = mapped_column(Text)  # the screened name
    subject_kind: Mapped[str] = mapped_column(String(20))  # "company" or "director"
    entry_id: Mapped[str] = mapped_column(String(200))
    entry_name: Mapped[str] = mapped_column(Text)
    entry_schema: Mapped[str] = mapped_column(String(40), default="")
    entry_details: Mapped[str] = mapped_column(Text, default="")  # JSON of the list entry
    score: Mapped[float] = mapped_column(Float)
    matched_name: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")  # one reason per line
    judgement: Mapped[str] = mapped_column(String(20), default="open")  # open/confirmed/dismissed
    judged_by: Mapped[str] = mapped_column(String(120), default="")
    judged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    judgement_note: Mapped[str] = mapped_column(Text, default="")
    # The list version a re-screening found the entry removed from; None while it is listed.
    delisted_list_id: Mapped[int | None] = mapped_column(Integer)


class AuditEntryRow(Base):
    """Append-only, hash-chained log of every change to requests and decisions."""

    __tablename__ = "screening_audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int | None] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    details: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    previous_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
