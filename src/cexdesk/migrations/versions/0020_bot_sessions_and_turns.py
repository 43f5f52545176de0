"""bot sessions and turns

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-23 17:40:10.220216
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import cexdesk.core.db

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bot_sessions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "customer_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "state",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("last_intent", sa.String(length=60), nullable=True),
        sa.Column("handoff_reason", sa.String(length=40), nullable=True),
        sa.Column("handoff_urgent", sa.Boolean(), nullable=False),
        sa.Column("started_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_bot_sessions_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_bot_sessions_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bot_sessions")),
    )
    with op.batch_alter_table("bot_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bot_sessions_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index("ix_bot_sessions_started", ["started_at"], unique=False)
        batch_op.create_index("ix_bot_sessions_ticket", ["ticket_id", "id"], unique=False)
        batch_op.create_index(
            "uq_bot_sessions_active",
            ["ticket_id"],
            unique=True,
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )

    op.create_table(
        "bot_turns",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "message_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "reply_message_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("button", sa.String(length=16), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("intent", sa.String(length=60), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column(
            "entities",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("answer_kind", sa.String(length=16), nullable=False),
        sa.Column("article_slug", sa.String(length=120), nullable=True),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.Column("created_at", cexdesk.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_bot_turns_message_id_messages")
        ),
        sa.ForeignKeyConstraint(
            ["reply_message_id"],
            ["messages.id"],
            name=op.f("fk_bot_turns_reply_message_id_messages"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["bot_sessions.id"], name=op.f("fk_bot_turns_session_id_bot_sessions")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_bot_turns_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bot_turns")),
    )
    with op.batch_alter_table("bot_turns", schema=None) as batch_op:
        batch_op.create_index(
            "ix_bot_turns_kind_created", ["answer_kind", "created_at"], unique=False
        )
        batch_op.create_index("ix_bot_turns_session", ["session_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bot_turns", schema=None) as batch_op:
        batch_op.drop_index("ix_bot_turns_session")
        batch_op.drop_index("ix_bot_turns_kind_created")

    op.drop_table("bot_turns")
    with op.batch_alter_table("bot_sessions", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_bot_sessions_active",
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )
        batch_op.drop_index("ix_bot_sessions_ticket")
        batch_op.drop_index("ix_bot_sessions_started")
        batch_op.drop_index(batch_op.f("ix_bot_sessions_customer_id"))

    op.drop_table("bot_sessions")
