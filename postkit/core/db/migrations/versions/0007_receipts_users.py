"""Exports sent by the post with the receipts headquarters returned; local user names.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_sent_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("form_id", sa.String(100), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("responses", sa.Integer(), nullable=False),
        sa.Column("exported_at", UTCDateTime(), nullable=False),
        sa.Column("receipt_status", sa.String(20), nullable=False),
        sa.Column("receipt_reason", sa.Text(), nullable=False),
        sa.Column("receipt_counted", sa.Integer(), nullable=True),
        sa.Column("receipt_received_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_sent_exports")),
    )
    op.create_index(
        op.f("ix_survey_sent_exports_file_sha256"), "survey_sent_exports", ["file_sha256"]
    )
    op.create_table(
        "post_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_users")),
        sa.UniqueConstraint("name", name=op.f("uq_post_users_name")),
    )


def downgrade() -> None:
    op.drop_table("post_users")
    op.drop_table("survey_sent_exports")
