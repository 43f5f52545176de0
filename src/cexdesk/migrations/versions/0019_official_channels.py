"""official channels

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-23 16:28:45.632183
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cexdesk.core.db

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "official_channels",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("created_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["agents.id"], name=op.f("fk_official_channels_created_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official_channels")),
        sa.UniqueConstraint("kind", "value", name="uq_official_channel"),
    )


def downgrade() -> None:
    op.drop_table("official_channels")
