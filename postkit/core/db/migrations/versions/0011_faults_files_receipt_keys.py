"""Headquarters' public keys at the post, and whether each receipt's signature was checked.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_receipt_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("imported_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_receipt_keys")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_survey_receipt_keys_fingerprint")),
    )
    with op.batch_alter_table("survey_sent_exports") as batch:
        batch.add_column(
            sa.Column("receipt_signature", sa.String(20), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("survey_sent_exports") as batch:
        batch.drop_column("receipt_signature")
    op.drop_table("survey_receipt_keys")
