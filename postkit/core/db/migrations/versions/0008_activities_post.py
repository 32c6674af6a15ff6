"""Every activity carries its post: those stored without one get the profile's post.

Reports, exports and lists select a post's activities by name, so an activity with an empty
post would drop out of the post's own annual report.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE activities SET post_name = (SELECT post_name FROM post_profile WHERE id = 1) "
        "WHERE post_name = '' AND EXISTS (SELECT 1 FROM post_profile WHERE id = 1)"
    )


def downgrade() -> None:
    # Which rows were empty is not kept; their post is right either way.
    pass
