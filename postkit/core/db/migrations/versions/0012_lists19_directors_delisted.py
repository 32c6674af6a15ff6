"""Directors' dates of birth and nationalities, candidates whose list entry was removed, and
list entries found by their id (re-screening looks its candidates' entries up in a newer list).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("support_requests") as batch:
        # JSON: [{"name", "birth_date", "nationality"}] for the directors something is known of.
        batch.add_column(
            sa.Column("director_details", sa.Text(), nullable=False, server_default="")
        )
    with op.batch_alter_table("sanctions_matches") as batch:
        # The list version a re-screening found the candidate's entry removed from.
        batch.add_column(sa.Column("delisted_list_id", sa.Integer(), nullable=True))
    op.create_index(
        "ix_sanctions_entries_list_id_entry_id", "sanctions_entries", ["list_id", "entry_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_sanctions_entries_list_id_entry_id", table_name="sanctions_entries")
    with op.batch_alter_table("sanctions_matches") as batch:
        batch.drop_column("delisted_list_id")
    with op.batch_alter_table("support_requests") as batch:
        batch.drop_column("director_details")
