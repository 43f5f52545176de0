"""Compensation tables: a batch of payouts, its lines (one per user) and their results."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId


class CompensationBatch(Base):
    """Payouts for one loss the platform caused, approved by two people before it runs."""

    __tablename__ = "compensation_batches"
    __table_args__ = (Index("ix_compensation_batches_status", "status", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    # The incident it comes from (its reference), or None for a batch made by hand.
    incident_ref: Mapped[str | None] = mapped_column(String(64))
    # draft → approved (second approval) → paid | partly_paid (some lines failed; run again)
    status: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    created_at: Mapped[datetime]
    first_approver_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    first_approved_at: Mapped[datetime | None]
    second_approver_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    second_approved_at: Mapped[datetime | None]
    # What the approvers saw (service.digest of the lines); lines are frozen once approved.
    approved_digest: Mapped[str | None] = mapped_column(String(64))
    last_run_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    last_run_at: Mapped[datetime | None]


class CompensationLine(Base):
    """One user's payout in a batch; its idempotency key is (batch, user)."""

    __tablename__ = "compensation_lines"
    __table_args__ = (
        UniqueConstraint("batch_id", "exchange_uid", name="uq_compensation_line_user"),
        Index("ix_compensation_lines_batch", "batch_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("compensation_batches.id"))
    exchange_uid: Mapped[str] = mapped_column(String(64))
    asset: Mapped[str] = mapped_column(String(24))
    amount: Mapped[str] = mapped_column(String(64))  # a decimal as text: exact everywhere
    # The user's ticket about the loss, where the notice goes (else a new "web" ticket).
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    status: Mapped[str] = mapped_column(String(12))  # pending | paid | failed
    credit_key: Mapped[str | None] = mapped_column(String(200))
    change_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(String(500))
    paid_at: Mapped[datetime | None]
    usd_value: Mapped[str | None] = mapped_column(String(64))  # at payout; None: no price
    # Where the user was told (the ticket the notice went to), once it went.
    notice_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))


class FundAdjustment(Base):
    """An agent's credit or debit to a user's account, asked for from a ticket.

    Within the requester's role limit it is approved at once; above it a second person
    approves. The outbox executes it with ``idempotency_key`` (fixed at request time),
    so a retried execution never moves the money again.
    """

    __tablename__ = "fund_adjustments"
    __table_args__ = (Index("ix_fund_adjustments_status", "status", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    exchange_uid: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(8))  # credit | debit
    asset: Mapped[str] = mapped_column(String(24))
    amount: Mapped[str] = mapped_column(String(64))
    usd_value: Mapped[str | None] = mapped_column(String(64))  # None: the asset has no price
    reason: Mapped[str] = mapped_column(Text)
    # pending_approval → approved → executed | failed; or rejected
    status: Mapped[str] = mapped_column(String(20))
    requested_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    requested_at: Mapped[datetime]
    limit_usd: Mapped[str] = mapped_column(String(64))  # the requester's limit at the time
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    approved_at: Mapped[datetime | None]
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    change_id: Mapped[str | None] = mapped_column(String(64))
    executed_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(500))
    decision_note: Mapped[str | None] = mapped_column(String(2000))
