"""Risk tables: every screening decision, and the security cases that holds open."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue


class WithdrawalScreening(Base):
    """One answer to the exchange's "may this withdrawal go?"; one per withdrawal."""

    __tablename__ = "risk_screenings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    withdrawal_id: Mapped[str] = mapped_column(String(64), unique=True)
    exchange_uid: Mapped[str] = mapped_column(String(64), index=True)
    chain: Mapped[str] = mapped_column(String(16))
    asset: Mapped[str] = mapped_column(String(24))
    # Decimals as text: exact on every back end.
    amount: Mapped[str] = mapped_column(String(64))
    usd_value: Mapped[str] = mapped_column(String(64))
    destination: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(8))  # allow | hold | block
    score: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JsonValue, default=list)
    screened_at: Mapped[datetime]


class SecurityCase(Base):
    """A held withdrawal being checked with the user: released or cancelled in the end."""

    __tablename__ = "risk_security_cases"
    __table_args__ = (Index("ix_risk_security_cases_status", "status", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    screening_id: Mapped[int] = mapped_column(ForeignKey("risk_screenings.id"), unique=True)
    exchange_uid: Mapped[str] = mapped_column(String(64), index=True)
    withdrawal_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12))  # open | released | cancelled
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    resolution: Mapped[str | None] = mapped_column(Text)
    # The urgent ticket the security team works the case in (opened by a handler).
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    # The playbook: step name → {"at", "by", "note"}, each step timed and audited.
    steps: Mapped[dict[str, Any]] = mapped_column(JsonValue, default=dict)
    # What the user said from their signed-in session: confirmed | denied.
    user_response: Mapped[str | None] = mapped_column(String(12))
    user_responded_at: Mapped[datetime | None]


class Investigation(Base):
    """A stolen-funds investigation: a timeline, traced addresses, tasks, regular updates."""

    __tablename__ = "risk_investigations"
    __table_args__ = (Index("ix_risk_investigations_status", "status", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    exchange_uid: Mapped[str] = mapped_column(String(64), index=True)
    # The user's own conversation, where they are told of progress (optional).
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    summary: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8))  # open | closed
    opened_at: Mapped[datetime]
    opened_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    update_every_hours: Mapped[int] = mapped_column(Integer)
    next_update_due: Mapped[datetime]
    last_update_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    closing_note: Mapped[str | None] = mapped_column(Text)


class InvestigationEntry(Base):
    """One line of an investigation's timeline."""

    __tablename__ = "risk_investigation_entries"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    investigation_id: Mapped[int] = mapped_column(ForeignKey("risk_investigations.id"), index=True)
    at: Mapped[datetime]
    # opened | note | traced_address | task | update_sent | update_overdue | closed
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    team: Mapped[str | None] = mapped_column(String(16))  # tasks: security | legal
    chain: Mapped[str | None] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(128))
    done_at: Mapped[datetime | None]
