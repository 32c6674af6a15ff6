"""Links and attached files on activities, and the full-text search index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SEARCHED = "title, description, partners"

# SQLite keeps an FTS5 index in step with `activities` through triggers; other databases
# search with ILIKE (see activities/filters.py).
_SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE activity_search USING fts5("
    f"{_SEARCHED}, content='activities', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER activities_search_insert AFTER INSERT ON activities BEGIN "
    f"INSERT INTO activity_search(rowid, {_SEARCHED}) "
    "VALUES (new.id, new.title, new.description, new.partners); END",
    "CREATE TRIGGER activities_search_delete AFTER DELETE ON activities BEGIN "
    f"INSERT INTO activity_search(activity_search, rowid, {_SEARCHED}) "
    "VALUES ('delete', old.id, old.title, old.description, old.partners); END",
    "CREATE TRIGGER activities_search_update AFTER UPDATE OF title, description, partners "
    "ON activities BEGIN "
    f"INSERT INTO activity_search(activity_search, rowid, {_SEARCHED}) "
    "VALUES ('delete', old.id, old.title, old.description, old.partners); "
    f"INSERT INTO activity_search(rowid, {_SEARCHED}) "
    "VALUES (new.id, new.title, new.description, new.partners); END",
    "INSERT INTO activity_search(activity_search) VALUES ('rebuild')",
]


def upgrade() -> None:
    op.create_table(
        "activity_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            ondelete="CASCADE",
            name=op.f("fk_activity_links_activity_id_activities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_links")),
    )
    op.create_index(op.f("ix_activity_links_activity_id"), "activity_links", ["activity_id"])
    op.create_table(
        "activity_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("stored_name", sa.String(400), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            ondelete="CASCADE",
            name=op.f("fk_activity_attachments_activity_id_activities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_attachments")),
    )
    op.create_index(
        op.f("ix_activity_attachments_activity_id"), "activity_attachments", ["activity_id"]
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER activities_search_{trigger}")
        op.execute("DROP TABLE activity_search")
    op.drop_table("activity_attachments")
    op.drop_table("activity_links")
