"""fund adjustments

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-23 16:25:48.622852
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cexdesk.core.db

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fund_adjustments",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("exchange_uid", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("asset", sa.String(length=24), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.Column("usd_value", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column(
            "requested_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("requested_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("limit_usd", sa.String(length=64), nullable=False),
        sa.Column(
            "approved_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("approved_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("idempotency_key", sa.String(length=120), nullable=False),
        sa.Column("change_id", sa.String(length=64), nullable=True),
        sa.Column("executed_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("decision_note", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["agents.id"], name=op.f("fk_fund_adjustments_approved_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["agents.id"], name=op.f("fk_fund_adjustments_requested_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_fund_adjustments_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_adjustments")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_fund_adjustments_idempotency_key")),
    )
    with op.batch_alter_table("fund_adjustments", schema=None) as batch_op:
        batch_op.create_index("ix_fund_adjustments_status", ["status", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_fund_adjustments_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("fund_adjustments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fund_adjustments_ticket_id"))
        batch_op.drop_index("ix_fund_adjustments_status")

    op.drop_table("fund_adjustments")
