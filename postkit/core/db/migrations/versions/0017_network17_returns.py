"""Headquarters holds the posts' annual returns: one per post and year (a newer return of the
same post and year replaces the older) with its figures per core task, period, theme, sector
and country, and every return file received, refused ones with the reason.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hq_received_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_received_returns")),
    )
    op.create_index(
        op.f("ix_hq_received_returns_file_sha256"), "hq_received_returns", ["file_sha256"]
    )
    op.create_table(
        "hq_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_key", sa.String(200), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("post_code", sa.String(100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("written_at", sa.String(40), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("postkit_version", sa.String(40), nullable=False),
        sa.Column("schema_version", sa.String(40), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("screening", sa.Text(), nullable=False),
        sa.Column("practices", sa.Text(), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_returns")),
        sa.UniqueConstraint("post_key", "year", name=op.f("uq_hq_returns_post_key")),
    )
    op.create_index(op.f("ix_hq_returns_year"), "hq_returns", ["year"])


def downgrade() -> None:
    op.drop_table("hq_returns")
    op.drop_table("hq_received_returns")
