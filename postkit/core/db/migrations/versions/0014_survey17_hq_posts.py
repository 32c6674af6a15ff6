"""Headquarters' own list of posts, with the amount of Dutch business activity of each post's
country, imported from an edited file (`postkit hq posts import`). Empty until then: the
shipped list (resources/reference/posts.json) serves.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hq_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(100), nullable=False),
        sa.Column("nl", sa.String(200), nullable=False),
        sa.Column("en", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("region", sa.String(60), nullable=False),
        sa.Column("city_nl", sa.String(200), nullable=False),
        sa.Column("city_en", sa.String(200), nullable=False),
        sa.Column("business", sa.String(20), nullable=False),
        sa.Column("source", sa.String(400), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_posts")),
        sa.UniqueConstraint("code", name=op.f("uq_hq_posts_code")),
    )


def downgrade() -> None:
    op.drop_table("hq_posts")
