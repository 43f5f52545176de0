from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue


class Offer(Base):
    """A chat offered to one agent, who accepts, declines or lets it time out."""

    __tablename__ = "routing_offers"
    __table_args__ = (
        Index("ix_routing_offers_ticket_status", "ticket_id", "status"),
        Index("ix_routing_offers_agent_status", "agent_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    # pending | accepted | declined | expired | cancelled
    status: Mapped[str] = mapped_column(String(12))
    offered_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    responded_at: Mapped[datetime | None]


class AgentRoutingState(Base):
    """What routing remembers about an agent: when they last got work (for longest idle)."""

    __tablename__ = "routing_agent_state"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"), primary_key=True)
    last_assigned_at: Mapped[datetime | None]


class Escalation(Base):
    """Tier 1 handing a ticket to tier 2: the child ticket and the written handover."""

    __tablename__ = "routing_escalations"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    from_agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    summary: Mapped[str] = mapped_column(Text)
    tried: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JsonValue, default=list)
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(Text)
