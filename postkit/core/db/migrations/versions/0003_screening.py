"""IMVO-conditions screening: support requests, checklist, sanctions lists and matches, audit log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The log may only grow: SQLite refuses to change or remove an entry.
_APPEND_ONLY = [
    "CREATE TRIGGER screening_audit_log_no_update BEFORE UPDATE ON screening_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the screening log is append-only'); END",
    "CREATE TRIGGER screening_audit_log_no_delete BEFORE DELETE ON screening_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the screening log is append-only'); END",
]


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], ondelete=ondelete, name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "sanctions_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("list_date", sa.String(40), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("imported_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sanctions_lists")),
    )
    op.create_table(
        "sanctions_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.String(200), nullable=False),
        sa.Column("schema", sa.String(40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        *[
            sa.Column(name, sa.Text(), nullable=False)
            for name in (
                "aliases",
                "birth_date",
                "countries",
                "addresses",
                "identifiers",
                "sanctions",
                "program_ids",
                "dataset",
            )
        ],
        sa.Column("first_seen", sa.String(40), nullable=False),
        sa.Column("last_seen", sa.String(40), nullable=False),
        sa.Column("last_change", sa.String(40), nullable=False),
        _fk("sanctions_entries", "list_id", "sanctions_lists", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sanctions_entries")),
    )
    op.create_index(op.f("ix_sanctions_entries_list_id"), "sanctions_entries", ["list_id"])
    op.create_table(
        "risk_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_ratings")),
        sa.UniqueConstraint("kind", "code", name="uq_risk_ratings_kind_code"),
    )
    op.create_table(
        "support_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("company_name", sa.String(300), nullable=False),
        sa.Column("kvk_number", sa.String(20), nullable=False),
        sa.Column("company_country", sa.String(2), nullable=True),
        sa.Column("company_sector", sa.String(60), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("turnover_eur", sa.Integer(), nullable=True),
        sa.Column("balance_sheet_eur", sa.Integer(), nullable=True),
        sa.Column("directors", sa.Text(), nullable=False),
        sa.Column("support_kind", sa.String(40), nullable=False),
        sa.Column("operating_country", sa.String(2), nullable=True),
        sa.Column("operating_sector", sa.String(60), nullable=True),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("needed_by", sa.Date(), nullable=True),
        sa.Column("handled_by", sa.String(120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(40), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("conditions_due", sa.Date(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.Column("decided_by", sa.String(120), nullable=False),
        sa.Column("screened_list_id", sa.Integer(), nullable=True),
        sa.Column("screened_at", UTCDateTime(), nullable=True),
        sa.Column("matcher_version", sa.String(20), nullable=False),
        sa.Column("match_threshold", sa.Float(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        _fk("support_requests", "screened_list_id", "sanctions_lists", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_requests")),
        sa.UniqueConstraint("uuid", name=op.f("uq_support_requests_uuid")),
    )
    op.create_index(op.f("ix_support_requests_status"), "support_requests", ["status"])
    op.create_table(
        "checklist_answers",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(40), nullable=False),
        sa.Column("answer", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        _fk("checklist_answers", "request_id", "support_requests", "CASCADE"),
        sa.PrimaryKeyConstraint("request_id", "item", name=op.f("pk_checklist_answers")),
    )
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(40), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("stored_name", sa.String(400), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        _fk("evidence_files", "request_id", "support_requests", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_files")),
    )
    op.create_index(op.f("ix_evidence_files_request_id"), "evidence_files", ["request_id"])
    op.create_table(
        "sanctions_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("subject_kind", sa.String(20), nullable=False),
        sa.Column("entry_id", sa.String(200), nullable=False),
        sa.Column("entry_name", sa.Text(), nullable=False),
        sa.Column("entry_schema", sa.String(40), nullable=False),
        sa.Column("entry_details", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("matched_name", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("judgement", sa.String(20), nullable=False),
        sa.Column("judged_by", sa.String(120), nullable=False),
        sa.Column("judged_at", UTCDateTime(), nullable=True),
        sa.Column("judgement_note", sa.Text(), nullable=False),
        _fk("sanctions_matches", "request_id", "support_requests", "CASCADE"),
        _fk("sanctions_matches", "list_id", "sanctions_lists", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sanctions_matches")),
    )
    op.create_index(op.f("ix_sanctions_matches_request_id"), "sanctions_matches", ["request_id"])
    op.create_table(
        "screening_audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_audit_log")),
    )
    op.create_index(
        op.f("ix_screening_audit_log_request_id"), "screening_audit_log", ["request_id"]
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in _APPEND_ONLY:
            op.execute(statement)


def downgrade() -> None:
    for table in (
        "screening_audit_log",
        "sanctions_matches",
        "evidence_files",
        "checklist_answers",
        "support_requests",
        "risk_ratings",
        "sanctions_entries",
        "sanctions_lists",
    ):
        op.drop_table(table)
