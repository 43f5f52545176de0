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


class AgentPower:
    """What every agent power asked for from a ticket records (fund adjustments, order
    cancellations): whose account, why, who asked and who approved, how it ended.

    pending_approval → approved → executed (or failed, partly_executed); or rejected.
    """

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    exchange_uid: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    requested_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    requested_at: Mapped[datetime]
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    approved_at: Mapped[datetime | None]
    executed_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(500))
    decision_note: Mapped[str | None] = mapped_column(String(2000))


class FundAdjustment(AgentPower, Base):
    """An agent's credit or debit to a user's account, asked for from a ticket.

    Within the requester's role limit it is approved at once; above it a second person
    approves. The outbox executes it with ``idempotency_key`` (fixed at request time),
    so a retried execution never moves the money again.
    """

    __tablename__ = "fund_adjustments"
    __table_args__ = (Index("ix_fund_adjustments_status", "status", "id"),)

    direction: Mapped[str] = mapped_column(String(8))  # credit | debit
    asset: Mapped[str] = mapped_column(String(24))
    amount: Mapped[str] = mapped_column(String(64))
    usd_value: Mapped[str | None] = mapped_column(String(64))  # None: the asset has no price
    limit_usd: Mapped[str] = mapped_column(String(64))  # the requester's limit at the time
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    change_id: Mapped[str | None] = mapped_column(String(64))


class OrderCancellationRequest(AgentPower, Base):
    """An agent's request to cancel some of a user's open spot orders, from a ticket.

    Within the requester's role limits (the orders' remaining value in USD and their
    count) it is approved at once; above them a second person approves. Each order is
    cancelled from the outbox with its item's key, fixed at request time.
    """

    __tablename__ = "order_cancellations"
    __table_args__ = (Index("ix_order_cancellations_status", "status", "id"),)

    orders: Mapped[int]
    # What the orders still stood for together, in USD; None: one could not be priced.
    usd_value: Mapped[str | None] = mapped_column(String(64))
    limit_usd: Mapped[str] = mapped_column(String(64))  # the requester's limits at the time
    limit_orders: Mapped[int]


class OrderCancellationItem(Base):
    """One order of a cancellation request, and what the exchange answered for it."""

    __tablename__ = "order_cancellation_items"
    __table_args__ = (
        Index("ix_order_cancellation_items_request", "cancellation_id", "id"),
        Index("ix_order_cancellation_items_order", "order_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    cancellation_id: Mapped[int] = mapped_column(ForeignKey("order_cancellations.id"))
    order_id: Mapped[str] = mapped_column(String(64))
    # The order as the agent saw it when asking.
    market: Mapped[str] = mapped_column(String(50))
    side: Mapped[str] = mapped_column(String(8))
    order_type: Mapped[str] = mapped_column(String(16))
    price: Mapped[str | None] = mapped_column(String(64))
    remaining: Mapped[str] = mapped_column(String(64))
    usd_value: Mapped[str | None] = mapped_column(String(64))
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(12))  # pending | cancelled | failed
    released_asset: Mapped[str | None] = mapped_column(String(24))
    released_amount: Mapped[str | None] = mapped_column(String(64))
    cancelled_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(500))
