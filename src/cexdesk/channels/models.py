from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId


class InboundPayload(Base):
    """Exactly what a channel delivered, stored before anything parses it.

    ``source_key`` is the channel's own id for the delivery (email Message-ID, Telegram
    update id, webhook event id): the same payload delivered twice is stored once.
    """

    __tablename__ = "inbound_payloads"
    __table_args__ = (
        UniqueConstraint("channel", "source_key", name="uq_inbound_payloads_source"),
        Index("ix_inbound_payloads_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    source_key: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime]
    # received | processed | ignored (auto-reply, bounce...) | failed (will retry) |
    # quarantined (gave up, or could not be read; an admin looks and may replay)
    status: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    processed_at: Mapped[datetime | None]
