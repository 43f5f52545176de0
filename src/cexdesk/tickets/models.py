from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue

# Spelled out literally (not as bound parameters) so that both SQLite and PostgreSQL can
# prove a query's WHERE implies the partial index's.
WAITING_PREDICATE = "status IN ('new', 'open') AND assignee_id IS NULL"


class Ticket(Base):
    """One conversation on any channel; statuses follow Zendesk's semantics."""

    __tablename__ = "tickets"
    __table_args__ = (
        # Every list the console shows is one of these, newest first by id.
        Index("ix_tickets_status_id", "status", "id"),
        Index("ix_tickets_assignee_status_id", "assignee_id", "status", "id"),
        Index("ix_tickets_team_status_id", "team_id", "status", "id"),
        Index("ix_tickets_requester_id", "requester_id", "id"),
        Index("ix_tickets_priority_status_id", "priority", "status", "id"),
        Index("ix_tickets_category_id", "category", "id"),
        # A team's or an agent's whole history, newest first, without sorting it all.
        Index("ix_tickets_team_id", "team_id", "id"),
        Index("ix_tickets_assignee_id", "assignee_id", "id"),
        Index("ix_tickets_channel_id", "channel", "id"),
        Index("uq_tickets_requester_idempotency", "requester_id", "idempotency_key", unique=True),
        # The waiting queue (unassigned new/open work) in queue order within a priority:
        # routing.service reads one priority at a time along this, so a page of a long
        # queue costs what a page of a short one does.
        Index(
            "ix_tickets_waiting",
            "priority",
            "created_at",
            "id",
            sqlite_where=text(WAITING_PREDICATE),
            postgresql_where=text(WAITING_PREDICATE),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    subject: Mapped[str] = mapped_column(String(300))
    # new | open | pending | on_hold | solved | closed
    status: Mapped[str] = mapped_column(String(16))
    # low | normal | high | urgent
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    category: Mapped[str | None] = mapped_column(String(40))
    subcategory: Mapped[str | None] = mapped_column(String(60))
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16), default="en")
    requester_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    is_complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    solved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # Idempotency for creation: a retried create with the same key returns the first ticket.
    idempotency_key: Mapped[str | None] = mapped_column(String(100))


class TicketTag(Base):
    __tablename__ = "ticket_tags"
    __table_args__ = (Index("ix_ticket_tags_tag_ticket", "tag", "ticket_id"),)

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(60), primary_key=True)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_ticket_id", "ticket_id", "id"),
        UniqueConstraint("channel", "external_id", name="uq_messages_external"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    # customer | agent | system | bot
    author_type: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[int | None]
    # public reply, or internal note never shown to the customer
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))
    # The channel's own id (email Message-ID, Telegram update id) for de-duplication.
    external_id: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime]


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(300))
    uploaded_by_type: Mapped[str] = mapped_column(String(16))
    uploaded_by_id: Mapped[int | None]
    created_at: Mapped[datetime]


class TicketLink(Base):
    """escalation (parent → child), merge (source → target), follow_up (closed → new)."""

    __tablename__ = "ticket_links"
    __table_args__ = (UniqueConstraint("kind", "source_id", "target_id", name="uq_ticket_link"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    created_at: Mapped[datetime]


class Macro(Base):
    """A canned reply: one text per language with placeholders (``tickets.macros``)."""

    __tablename__ = "macros"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    category: Mapped[str | None] = mapped_column(String(40))
    # language -> text; English is the fallback for a language without its own.
    texts: Mapped[dict[str, str]] = mapped_column(JsonValue)
    # The status the reply moves the ticket to ("pending" to await the customer), if any.
    set_status: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
