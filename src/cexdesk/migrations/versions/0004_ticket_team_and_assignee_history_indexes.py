"""ticket team and assignee history indexes

Listing a team's or an agent's tickets without a status filter walks these newest first
instead of sorting the whole history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 13:24:52.730864
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_assignee_id", ["assignee_id", "id"], unique=False)
        batch_op.create_index("ix_tickets_team_id", ["team_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_team_id")
        batch_op.drop_index("ix_tickets_assignee_id")
