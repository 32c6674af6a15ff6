"""Headquarters: the post exports received and the responses collected from them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hq_received_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("form_id", sa.String(100), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("exported_at", sa.String(40), nullable=False),
        sa.Column("response_count", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_received_exports")),
    )
    op.create_index(
        op.f("ix_hq_received_exports_file_sha256"), "hq_received_exports", ["file_sha256"]
    )
    op.create_table(
        "hq_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("form_id", sa.String(100), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("submitted_at", sa.String(40), nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("values", sa.Text(), nullable=False),
        sa.Column("export_id", sa.Integer(), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["export_id"],
            ["hq_received_exports.id"],
            ondelete="SET NULL",
            name=op.f("fk_hq_responses_export_id_hq_received_exports"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_responses")),
        sa.UniqueConstraint("uuid", name=op.f("uq_hq_responses_uuid")),
    )
    op.create_index(op.f("ix_hq_responses_form_id"), "hq_responses", ["form_id"])
    op.create_index(op.f("ix_hq_responses_post_name"), "hq_responses", ["post_name"])


def downgrade() -> None:
    op.drop_table("hq_responses")
    op.drop_table("hq_received_exports")
