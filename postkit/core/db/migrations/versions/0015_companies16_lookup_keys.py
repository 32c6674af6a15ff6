"""Lookup keys of the company register: each company's normalised name and trade names, whole and
from each later word on, behind one index, so lookup-as-you-type over a register of 50,000
companies reads a few index entries per keystroke. Companies already stored get their keys.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from postkit.core.companies.validation import lookup_keys

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    keys = op.create_table(
        "company_lookup_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["companies.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_company_lookup_keys_company_id", "company_lookup_keys", ["company_id"])
    op.create_index("ix_company_lookup_keys_kind_key", "company_lookup_keys", ["kind", "key"])
    companies = op.get_bind().execute(sa.text("SELECT id, name, trade_names FROM companies"))
    rows = [
        {"company_id": company_id, "kind": kind, "key": key}
        for company_id, name, trade_names in companies
        for kind, key in lookup_keys(name, tuple(t for t in trade_names.splitlines() if t))
    ]
    if rows:
        op.bulk_insert(keys, rows)


def downgrade() -> None:
    op.drop_index("ix_company_lookup_keys_kind_key", table_name="company_lookup_keys")
    op.drop_index("ix_company_lookup_keys_company_id", table_name="company_lookup_keys")
    op.drop_table("company_lookup_keys")
