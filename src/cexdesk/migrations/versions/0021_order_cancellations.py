"""order cancellations

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-23 17:43:35.764452
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cexdesk.core.db

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "order_cancellations",
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("usd_value", sa.String(length=64), nullable=True),
        sa.Column("limit_usd", sa.String(length=64), nullable=False),
        sa.Column("limit_orders", sa.Integer(), nullable=False),
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("exchange_uid", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column(
            "requested_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("requested_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "approved_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("approved_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("executed_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("decision_note", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["agents.id"], name=op.f("fk_order_cancellations_approved_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["agents.id"], name=op.f("fk_order_cancellations_requested_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_order_cancellations_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_cancellations")),
    )
    with op.batch_alter_table("order_cancellations", schema=None) as batch_op:
        batch_op.create_index("ix_order_cancellations_status", ["status", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_order_cancellations_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "order_cancellation_items",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "cancellation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("market", sa.String(length=50), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("order_type", sa.String(length=16), nullable=False),
        sa.Column("price", sa.String(length=64), nullable=True),
        sa.Column("remaining", sa.String(length=64), nullable=False),
        sa.Column("usd_value", sa.String(length=64), nullable=True),
        sa.Column("idempotency_key", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("released_asset", sa.String(length=24), nullable=True),
        sa.Column("released_amount", sa.String(length=64), nullable=True),
        sa.Column("cancelled_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["cancellation_id"],
            ["order_cancellations.id"],
            name=op.f("fk_order_cancellation_items_cancellation_id_order_cancellations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_cancellation_items")),
        sa.UniqueConstraint(
            "idempotency_key", name=op.f("uq_order_cancellation_items_idempotency_key")
        ),
    )
    with op.batch_alter_table("order_cancellation_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_order_cancellation_items_order", ["order_id", "status"], unique=False
        )
        batch_op.create_index(
            "ix_order_cancellation_items_request", ["cancellation_id", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("order_cancellation_items", schema=None) as batch_op:
        batch_op.drop_index("ix_order_cancellation_items_request")
        batch_op.drop_index("ix_order_cancellation_items_order")

    op.drop_table("order_cancellation_items")
    with op.batch_alter_table("order_cancellations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_cancellations_ticket_id"))
        batch_op.drop_index("ix_order_cancellations_status")

    op.drop_table("order_cancellations")
