from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId


class WatchItem(Base):
    """One reason one ticket is at risk; cleared when a supervisor has dealt with it."""

    __tablename__ = "watch_items"
    __table_args__ = (
        UniqueConstraint("ticket_id", "reason", name="uq_watch_items_ticket_reason"),
        Index("ix_watch_items_open", "cleared_at", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    # complaint | manager_request | strongly_negative | repeat_contact | near_breach |
    # breached | security_emergency
    reason: Mapped[str] = mapped_column(String(24))
    detail: Mapped[str] = mapped_column(String(300), default="")
    raised_at: Mapped[datetime]
    raised_count: Mapped[int] = mapped_column(default=1)
    cleared_at: Mapped[datetime | None]
    cleared_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
