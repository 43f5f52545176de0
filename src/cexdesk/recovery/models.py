"""Recovery tables: the claims users file for deposits that were not credited."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue


class RecoveryClaim(Base):
    """One user's claim on one transfer, the engine's decision, and what was paid."""

    __tablename__ = "recovery_claims"
    __table_args__ = (
        # A user claims a transfer once; filing again returns the same claim.
        UniqueConstraint(
            "exchange_uid", "chain", "tx_key", "transfer_index", name="uq_recovery_claim"
        ),
        Index("ix_recovery_claims_transfer", "chain", "tx_key", "transfer_index"),
        Index("ix_recovery_claims_status", "status", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    exchange_uid: Mapped[str] = mapped_column(String(64))
    chain: Mapped[str] = mapped_column(String(16))
    tx_hash: Mapped[str] = mapped_column(String(128))
    tx_key: Mapped[str] = mapped_column(String(128))  # tx_hash lower-cased, for lookups
    transfer_index: Mapped[int]
    # What the user declared; decimals as text, exact on every back end.
    asset: Mapped[str] = mapped_column(String(24))
    amount: Mapped[str] = mapped_column(String(64))
    from_address: Mapped[str] = mapped_column(String(128))
    filed_at: Mapped[datetime]
    # The decision: the engine's case and outcome, and where the claim stands now.
    case: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(24))
    # recovered | in_review | waiting | not_recoverable | rejected | nothing_to_do
    status: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list[str]] = mapped_column(JsonValue, default=list)
    evidence: Mapped[dict[str, Any]] = mapped_column(JsonValue, default=dict)
    usd_value: Mapped[str | None] = mapped_column(String(64))  # None: no reference price
    fee: Mapped[str] = mapped_column(String(64))
    net_amount: Mapped[str] = mapped_column(String(64))
    proposed_owner: Mapped[str | None] = mapped_column(String(64))
    needs_second_approver: Mapped[bool] = mapped_column(Boolean, default=False)
    first_approver_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    second_approver_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    credit_key: Mapped[str | None] = mapped_column(String(200))
    credited_at: Mapped[datetime | None]
    closed_note: Mapped[str | None] = mapped_column(String(2000))


class RecoveryDetection(Base):
    """An uncredited deposit the exchange reported, decided before anyone claimed it.

    The queue support works proactively: where the records point to one owner, that
    user can be told before they have to ask.
    """

    __tablename__ = "recovery_detections"
    __table_args__ = (
        UniqueConstraint("chain", "tx_key", "transfer_index", name="uq_recovery_detection"),
        Index("ix_recovery_detections_outcome", "outcome", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    chain: Mapped[str] = mapped_column(String(16))
    tx_hash: Mapped[str] = mapped_column(String(128))
    tx_key: Mapped[str] = mapped_column(String(128))
    transfer_index: Mapped[int]
    asset: Mapped[str] = mapped_column(String(80))
    amount: Mapped[str] = mapped_column(String(64))
    usd_value: Mapped[str | None] = mapped_column(String(64))
    case: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(24))
    proposed_owner: Mapped[str | None] = mapped_column(String(64))
    reasons: Mapped[list[str]] = mapped_column(JsonValue, default=list)
    detected_at: Mapped[datetime]
