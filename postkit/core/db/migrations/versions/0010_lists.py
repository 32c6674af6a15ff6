"""Several sanctions lists at once: each list's source, one row per content hash, the lists a
screening ran against, and whether the re-screening after an import finished.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    # Two processes importing the same file stored it twice before this revision: keep the
    # first copy and point everything that used a later one at it.
    duplicates = connection.execute(
        sa.text(
            "SELECT l.id, (SELECT MIN(f.id) FROM sanctions_lists f WHERE f.sha256 = l.sha256) "
            "FROM sanctions_lists l WHERE l.id > "
            "(SELECT MIN(f.id) FROM sanctions_lists f WHERE f.sha256 = l.sha256)"
        )
    ).all()
    for duplicate, first in duplicates:
        for table, column in (
            ("support_requests", "screened_list_id"),
            ("sanctions_matches", "list_id"),
        ):
            connection.execute(
                sa.text(f"UPDATE {table} SET {column} = :first WHERE {column} = :duplicate"),
                {"first": first, "duplicate": duplicate},
            )
        connection.execute(
            sa.text("DELETE FROM sanctions_entries WHERE list_id = :duplicate"),
            {"duplicate": duplicate},
        )
        connection.execute(
            sa.text("DELETE FROM sanctions_lists WHERE id = :duplicate"), {"duplicate": duplicate}
        )
    # Plain ADD COLUMN and an index, not a batch copy: copying sanctions_lists would drop the
    # old table, and with foreign keys on that deletes every entry (ON DELETE CASCADE).
    op.add_column(
        "sanctions_lists",
        sa.Column("source", sa.String(40), nullable=False, server_default="opensanctions"),
    )
    op.add_column("sanctions_lists", sa.Column("rescreened_at", sa.DateTime(), nullable=True))
    op.create_index(op.f("ix_sanctions_lists_sha256"), "sanctions_lists", ["sha256"], unique=True)
    # Lists imported before this revision were screened again in the same run.
    connection.execute(sa.text("UPDATE sanctions_lists SET rescreened_at = imported_at"))
    op.create_table(
        "sanctions_screened_lists",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["support_requests.id"],
            name=op.f("fk_sanctions_screened_lists_request_id_support_requests"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["sanctions_lists.id"],
            name=op.f("fk_sanctions_screened_lists_list_id_sanctions_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("request_id", "list_id", name=op.f("pk_sanctions_screened_lists")),
    )
    connection.execute(
        sa.text(
            "INSERT INTO sanctions_screened_lists (request_id, list_id) "
            "SELECT id, screened_list_id FROM support_requests "
            "WHERE screened_list_id IS NOT NULL"
        )
    )


def downgrade() -> None:
    op.drop_table("sanctions_screened_lists")
    op.drop_index(op.f("ix_sanctions_lists_sha256"), "sanctions_lists")
    op.drop_column("sanctions_lists", "rescreened_at")
    op.drop_column("sanctions_lists", "source")
