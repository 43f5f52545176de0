from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue


class SlaPolicyRow(Base):
    """An admin-editable policy; lower position is tried first."""

    __tablename__ = "sla_policies"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    position: Mapped[int] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # conditions, targets, calendar, pause_statuses, breach_actions, warn_actions
    definition: Mapped[dict[str, Any]] = mapped_column(JsonValue)
    updated_at: Mapped[datetime]


class SlaMetricInstance(Base):
    """One clock on one ticket; its history is the event rows below."""

    __tablename__ = "sla_metric_instances"
    __table_args__ = (
        UniqueConstraint("ticket_id", "metric", "cycle", name="uq_sla_instance_cycle"),
        Index("ix_sla_instances_open_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    metric: Mapped[str] = mapped_column(String(24))
    cycle: Mapped[int] = mapped_column(default=1)  # next_reply and periodic_update recur
    policy_name: Mapped[str] = mapped_column(String(120))
    target_seconds: Mapped[float] = mapped_column(Float)
    business_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    calendar: Mapped[dict[str, Any]] = mapped_column(JsonValue)
    # Denormalised from the events for fast queues and reports; replay() rebuilds them.
    status: Mapped[str] = mapped_column(String(12))  # active | paused | fulfilled
    breached: Mapped[bool] = mapped_column(Boolean, default=False)
    warned: Mapped[bool] = mapped_column(Boolean, default=False)
    elapsed_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    activated_at: Mapped[datetime]
    running_since: Mapped[datetime | None]
    due_at: Mapped[datetime | None]
    fulfilled_at: Mapped[datetime | None]
    breached_at: Mapped[datetime | None]


class SlaMetricEvent(Base):
    __tablename__ = "sla_metric_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("sla_metric_instances.id"), index=True)
    kind: Mapped[str] = mapped_column(
        String(12)
    )  # activated | paused | resumed | fulfilled | breached
    at: Mapped[datetime]
