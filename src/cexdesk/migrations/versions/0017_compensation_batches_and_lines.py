"""compensation batches and lines

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-23 16:22:03.839547
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cexdesk.core.db

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "compensation_batches",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("incident_ref", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "created_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("created_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "first_approver_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("first_approved_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "second_approver_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column("second_approved_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("approved_digest", sa.String(length=64), nullable=True),
        sa.Column(
            "last_run_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("last_run_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["agents.id"], name=op.f("fk_compensation_batches_created_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["first_approver_id"],
            ["agents.id"],
            name=op.f("fk_compensation_batches_first_approver_id_agents"),
        ),
        sa.ForeignKeyConstraint(
            ["last_run_by"], ["agents.id"], name=op.f("fk_compensation_batches_last_run_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["second_approver_id"],
            ["agents.id"],
            name=op.f("fk_compensation_batches_second_approver_id_agents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compensation_batches")),
    )
    with op.batch_alter_table("compensation_batches", schema=None) as batch_op:
        batch_op.create_index("ix_compensation_batches_status", ["status", "id"], unique=False)

    op.create_table(
        "compensation_lines",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("exchange_uid", sa.String(length=64), nullable=False),
        sa.Column("asset", sa.String(length=24), nullable=False),
        sa.Column("amount", sa.String(length=64), nullable=False),
        sa.Column("ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("credit_key", sa.String(length=200), nullable=True),
        sa.Column("change_id", sa.String(length=64), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("paid_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("usd_value", sa.String(length=64), nullable=True),
        sa.Column(
            "notice_ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["compensation_batches.id"],
            name=op.f("fk_compensation_lines_batch_id_compensation_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["notice_ticket_id"],
            ["tickets.id"],
            name=op.f("fk_compensation_lines_notice_ticket_id_tickets"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_compensation_lines_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compensation_lines")),
        sa.UniqueConstraint("batch_id", "exchange_uid", name="uq_compensation_line_user"),
    )
    with op.batch_alter_table("compensation_lines", schema=None) as batch_op:
        batch_op.create_index("ix_compensation_lines_batch", ["batch_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("compensation_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_compensation_lines_batch")

    op.drop_table("compensation_lines")
    with op.batch_alter_table("compensation_batches", schema=None) as batch_op:
        batch_op.drop_index("ix_compensation_batches_status")

    op.drop_table("compensation_batches")
