"""What the exchange reported to cexdesk: each event stored once, before it is acted on."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue


class ExchangeEvent(Base):
    """One signed webhook from the back office; its own id makes a re-delivery a no-op."""

    __tablename__ = "exchange_events"
    __table_args__ = (Index("ix_exchange_events_user", "user_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(100), unique=True)
    type: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime]
    data: Mapped[dict[str, Any]] = mapped_column(JsonValue, default=dict)
