"""A decision taken with open checklist steps keeps those steps and the reason to decide anyway.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("support_requests") as batch:
        batch.add_column(sa.Column("open_steps", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("open_steps_reason", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("support_requests") as batch:
        batch.drop_column("open_steps_reason")
        batch.drop_column("open_steps")
