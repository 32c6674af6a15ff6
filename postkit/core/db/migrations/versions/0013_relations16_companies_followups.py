"""The post's relations: a company register that activities, screenings and practices link to,
follow-ups of agreed conditions and planned actions, activities planned/done/cancelled, and
spreadsheet column mappings remembered per layout.

An activity's typed count of companies reached stays, as its count of unnamed companies; activities
dated after the upgrade are planned, the others done. A decision's
agreed conditions become open follow-ups (one per line, due on the conditions' due date, owned by
whoever handled the request), so nothing agreed before the upgrade drops out of follow-up.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _audit_columns() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("normalized_name", sa.String(300), nullable=False),
        sa.Column("trade_names", sa.Text(), nullable=False),
        sa.Column("kvk_number", sa.String(8), nullable=True),
        sa.Column("foreign_registration", sa.String(100), nullable=False),
        sa.Column("sector", sa.String(60), nullable=True),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("turnover_eur", sa.BigInteger(), nullable=True),
        sa.Column("balance_sheet_eur", sa.BigInteger(), nullable=True),
        sa.Column("operates_internationally", sa.Boolean(), nullable=False),
        sa.Column("website", sa.String(2000), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("merged_at", sa.DateTime(), nullable=True),
        *_audit_columns(),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["companies.id"],
            name="fk_companies_merged_into_id_companies",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_companies"),
        sa.UniqueConstraint("uuid", name="uq_companies_uuid"),
    )
    op.create_index("ix_companies_normalized_name", "companies", ["normalized_name"])
    op.create_index("ix_companies_kvk_number", "companies", ["kvk_number"])
    op.create_index("ix_companies_merged_into_id", "companies", ["merged_into_id"])

    op.create_table(
        "company_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(60), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name="fk_company_contacts_company_id_companies",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_company_contacts"),
    )
    op.create_index("ix_company_contacts_company_id", "company_contacts", ["company_id"])

    op.create_table(
        "activity_companies",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name="fk_activity_companies_activity_id_activities",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name="fk_activity_companies_company_id_companies",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "company_id", name="pk_activity_companies"),
    )
    op.create_index("ix_activity_companies_company_id", "activity_companies", ["company_id"])

    op.create_table(
        "practice_companies",
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name="fk_practice_companies_practice_id_practices",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name="fk_practice_companies_company_id_companies",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("practice_id", "company_id", name="pk_practice_companies"),
    )
    op.create_index("ix_practice_companies_company_id", "practice_companies", ["company_id"])

    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_note", sa.Text(), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(), nullable=True),
        sa.Column("status_changed_by", sa.String(120), nullable=False),
        *_audit_columns(),
        sa.CheckConstraint("kind IN ('condition', 'action')", name="ck_follow_ups_kind_known"),
        sa.CheckConstraint(
            "status IN ('open', 'met', 'not_met', 'dropped')", name="ck_follow_ups_status_known"
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["support_requests.id"],
            name="fk_follow_ups_request_id_support_requests",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name="fk_follow_ups_activity_id_activities",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name="fk_follow_ups_company_id_companies",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_follow_ups"),
        sa.UniqueConstraint("uuid", name="uq_follow_ups_uuid"),
    )
    for column in ("request_id", "activity_id", "company_id", "due_on", "status"):
        op.create_index(f"ix_follow_ups_{column}", "follow_ups", [column])

    op.create_table(
        "import_layouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_import_layouts"),
        sa.UniqueConstraint("kind", "signature", name="uq_import_layouts_kind_signature"),
    )

    # Plain ALTER TABLE statements that SQLite and PostgreSQL both run in place: a batch
    # rebuild of `activities` would drop its full-text search triggers with the old table.
    op.execute("ALTER TABLE activities RENAME COLUMN companies_reached TO unnamed_companies")
    op.execute(
        "ALTER TABLE activities ADD COLUMN status VARCHAR(20) DEFAULT 'done' NOT NULL "
        "CONSTRAINT ck_activities_status_known CHECK (status IN ('planned', 'done', 'cancelled'))"
    )
    op.create_index("ix_activities_status", "activities", ["status"])
    # support_requests has no triggers, so a batch rebuild loses nothing (the upgrade runs with
    # SQLite's foreign keys off, so its children's rows stay).
    with op.batch_alter_table("support_requests") as batch:
        batch.add_column(sa.Column("company_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_support_requests_company_id_companies",
            "companies",
            ["company_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_support_requests_company_id", ["company_id"])

    # What lies ahead was planned, not done.
    op.execute("UPDATE activities SET status = 'planned' WHERE start_date > CURRENT_DATE")
    _conditions_become_follow_ups()


def _conditions_become_follow_ups() -> None:
    connection = op.get_bind()
    decided = connection.execute(
        sa.text(
            "SELECT id, conditions, conditions_due, handled_by, decided_at, decided_by "
            "FROM support_requests WHERE conditions <> '' AND decided_at IS NOT NULL"
        )
    ).all()
    now = datetime.now(UTC).replace(tzinfo=None)
    follow_ups = sa.table(
        "follow_ups",
        *(
            sa.column(name)
            for name in [
                "uuid",
                "kind",
                "request_id",
                "description",
                "due_on",
                "owner",
                "status",
                "status_note",
                "status_changed_by",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
            ]
        ),
    )
    rows = []
    for request_id, conditions, due_on, handled_by, decided_at, decided_by in decided:
        for line in conditions.splitlines():
            condition = line.strip().lstrip("-•*").strip()
            if not condition:
                continue
            rows.append(
                {
                    "uuid": str(uuid.uuid4()),
                    "kind": "condition",
                    "request_id": request_id,
                    "description": condition,
                    "due_on": due_on,
                    "owner": handled_by or decided_by or "",
                    "status": "open",
                    "status_note": "",
                    "status_changed_by": "",
                    "created_at": decided_at or now,
                    "created_by": decided_by or "",
                    "updated_at": now,
                    "updated_by": "upgrade",
                }
            )
    if rows:
        op.bulk_insert(follow_ups, rows)


def downgrade() -> None:
    with op.batch_alter_table("support_requests") as batch:
        batch.drop_index("ix_support_requests_company_id")
        batch.drop_constraint("fk_support_requests_company_id_companies", type_="foreignkey")
        batch.drop_column("company_id")
    op.drop_index("ix_activities_status", table_name="activities")
    with op.batch_alter_table("activities") as batch:
        batch.drop_column("status")
    op.execute("ALTER TABLE activities RENAME COLUMN unnamed_companies TO companies_reached")
    op.drop_table("import_layouts")
    op.drop_table("follow_ups")
    op.drop_table("practice_companies")
    op.drop_table("activity_companies")
    op.drop_table("company_contacts")
    op.drop_table("companies")
