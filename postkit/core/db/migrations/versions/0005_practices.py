"""Good practices: the library, its themes, sectors, attachments, uses, import conflicts, search.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SEARCHED = "title, summary, context, what_was_done, what_worked, what_did_not, lessons"
_NEW = ", ".join(f"new.{column.strip()}" for column in _SEARCHED.split(","))
_OLD = ", ".join(f"old.{column.strip()}" for column in _SEARCHED.split(","))

# Ranked full-text search (bm25) on SQLite, kept in step by triggers; other databases use ILIKE.
_SQLITE_SEARCH = [
    f"CREATE VIRTUAL TABLE practice_search USING fts5({_SEARCHED}, content='practices', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER practices_search_insert AFTER INSERT ON practices BEGIN "
    f"INSERT INTO practice_search(rowid, {_SEARCHED}) VALUES (new.id, {_NEW}); END",
    "CREATE TRIGGER practices_search_delete AFTER DELETE ON practices BEGIN "
    f"INSERT INTO practice_search(practice_search, rowid, {_SEARCHED}) "
    f"VALUES ('delete', old.id, {_OLD}); END",
    "CREATE TRIGGER practices_search_update AFTER UPDATE ON practices BEGIN "
    f"INSERT INTO practice_search(practice_search, rowid, {_SEARCHED}) "
    f"VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO practice_search(rowid, {_SEARCHED}) VALUES (new.id, {_NEW}); END",
]


def _child(table: str) -> None:
    op.create_table(
        table,
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            ondelete="CASCADE",
            name=op.f(f"fk_{table}_practice_id_practices"),
        ),
        sa.PrimaryKeyConstraint("practice_id", "code", name=op.f(f"pk_{table}")),
    )
    op.create_index(op.f(f"ix_{table}_code"), table, ["code"])


def upgrade() -> None:
    op.create_table(
        "practices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.String(36), nullable=False),
        sa.Column("lineage", sa.Text(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("core_tasks", sa.String(20), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        *[
            sa.Column(name, sa.Text(), nullable=False)
            for name in (
                "summary",
                "context",
                "what_was_done",
                "what_worked",
                "what_did_not",
                "lessons",
                "contact",
            )
        ],
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("source_activity_uuid", sa.String(36), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practices")),
        sa.UniqueConstraint("uuid", name=op.f("uq_practices_uuid")),
    )
    op.create_index(op.f("ix_practices_status"), "practices", ["status"])
    _child("practice_themes")
    _child("practice_sectors")
    op.create_table(
        "practice_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("stored_name", sa.String(400), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            ondelete="CASCADE",
            name=op.f("fk_practice_attachments_practice_id_practices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_attachments")),
    )
    op.create_index(
        op.f("ix_practice_attachments_practice_id"), "practice_attachments", ["practice_id"]
    )
    op.create_table(
        "practice_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("user_name", sa.String(120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("marked_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            ondelete="CASCADE",
            name=op.f("fk_practice_uses_practice_id_practices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_uses")),
    )
    op.create_index(op.f("ix_practice_uses_practice_id"), "practice_uses", ["practice_id"])
    op.create_table(
        "practice_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_uuid", sa.String(36), nullable=False),
        sa.Column("incoming", sa.Text(), nullable=False),
        sa.Column("source_file", sa.String(400), nullable=False),
        sa.Column("source_post", sa.String(200), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_conflicts")),
    )
    op.create_index(
        op.f("ix_practice_conflicts_practice_uuid"), "practice_conflicts", ["practice_uuid"]
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER practices_search_{trigger}")
        op.execute("DROP TABLE practice_search")
    for table in (
        "practice_conflicts",
        "practice_uses",
        "practice_attachments",
        "practice_sectors",
        "practice_themes",
        "practices",
    ):
        op.drop_table(table)
