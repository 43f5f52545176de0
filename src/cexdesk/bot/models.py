"""The bot's conversations: one session per stretch of a ticket the bot holds, its turns."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue

# Spelled out literally so both databases can prove a query implies the partial index.
ACTIVE_PREDICATE = "status = 'active'"


class BotSession(Base):
    """The bot holding a conversation (ticket) until it is solved or handed to a person.

    A ticket solved by the bot and reopened later gets a new session (a fresh context).
    """

    __tablename__ = "bot_sessions"
    __table_args__ = (
        Index("ix_bot_sessions_ticket", "ticket_id", "id"),
        Index("ix_bot_sessions_started", "started_at"),
        # At most one session holds a ticket; routing excludes the tickets held.
        Index(
            "uq_bot_sessions_active",
            "ticket_id",
            unique=True,
            sqlite_where=text(ACTIVE_PREDICATE),
            postgresql_where=text(ACTIVE_PREDICATE),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16))
    # active | contained (solved by the bot) | handed_off
    status: Mapped[str] = mapped_column(String(16), default="active")
    state: Mapped[dict[str, object]] = mapped_column(JsonValue, default=dict)
    turns: Mapped[int] = mapped_column(default=0)
    last_intent: Mapped[str | None] = mapped_column(String(60))
    handoff_reason: Mapped[str | None] = mapped_column(String(40))
    handoff_urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class BotTurn(Base):
    """One customer turn and the bot's answer to it."""

    __tablename__ = "bot_turns"
    __table_args__ = (
        Index("ix_bot_turns_session", "session_id", "id"),
        Index("ix_bot_turns_kind_created", "answer_kind", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("bot_sessions.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))  # None: a button
    reply_message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    question: Mapped[str] = mapped_column(Text)  # as stored: secrets already masked
    button: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16))
    intent: Mapped[str | None] = mapped_column(String(60))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    entities: Mapped[dict[str, object]] = mapped_column(JsonValue, default=dict)
    answer_kind: Mapped[str] = mapped_column(String(16))
    article_slug: Mapped[str | None] = mapped_column(String(120))
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime]
