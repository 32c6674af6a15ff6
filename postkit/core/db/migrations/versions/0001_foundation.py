"""Foundation: the post's profile and the activity log.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.db.base import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _audit_columns() -> list[sa.Column]:
    return [
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "post_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("countries", sa.String(400), nullable=False),
        sa.Column("user_name", sa.String(120), nullable=False),
        *_audit_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_profile")),
    )
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("post_name", sa.String(200), nullable=False),
        sa.Column("core_task", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("activity_type", sa.String(40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("partners", sa.Text(), nullable=False),
        sa.Column("companies_reached", sa.Integer(), nullable=False),
        sa.Column("participants_women", sa.Integer(), nullable=False),
        sa.Column("participants_men", sa.Integer(), nullable=False),
        sa.Column("participants_other", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        *_audit_columns(),
        sa.CheckConstraint("core_task BETWEEN 1 AND 5", name=op.f("ck_activities_core_task_range")),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_activities_end_after_start")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
        sa.UniqueConstraint("uuid", name=op.f("uq_activities_uuid")),
    )
    op.create_index(op.f("ix_activities_core_task"), "activities", ["core_task"])
    op.create_index(op.f("ix_activities_start_date"), "activities", ["start_date"])
    op.create_index(op.f("ix_activities_activity_type"), "activities", ["activity_type"])
    for table in ("activity_sectors", "activity_themes"):
        op.create_table(
            table,
            sa.Column("activity_id", sa.Integer(), nullable=False),
            sa.Column("code", sa.String(60), nullable=False),
            sa.ForeignKeyConstraint(
                ["activity_id"],
                ["activities.id"],
                ondelete="CASCADE",
                name=op.f(f"fk_{table}_activity_id_activities"),
            ),
            sa.PrimaryKeyConstraint("activity_id", "code", name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_code"), table, ["code"])


def downgrade() -> None:
    op.drop_table("activity_themes")
    op.drop_table("activity_sectors")
    op.drop_table("activities")
    op.drop_table("post_profile")
