"""Recovery API shapes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ClaimForm(BaseModel):
    """The self-service claim: the deposit as the user remembers sending it."""

    model_config = ConfigDict(extra="forbid")

    tx_hash: str = Field(min_length=8, max_length=128, pattern=r"^[0-9A-Za-z_\-+/=]+$")
    asset: str = Field(min_length=1, max_length=24)
    network: str = Field(min_length=2, max_length=16)
    amount: Decimal = Field(gt=0, max_digits=38)
    source_address: str = Field(min_length=10, max_length=128)
    note: str | None = Field(
        default=None, max_length=2000
    )  # anything else the reviewer should know


class ClaimOut(BaseModel):
    id: int
    customer_id: int
    network: str
    tx_hash: str
    asset: str
    amount: str
    source_address: str
    filed_at: datetime
    case: str
    status: str
    reasons: list[str]
    fee: str
    net_amount: str
    needs_second_approver: bool
    credited_at: datetime | None


class ClaimReview(ClaimOut):
    """What a reviewer sees: the decision's evidence and who approved."""

    outcome: str
    usd_value: str | None
    proposed_owner: str | None
    evidence: dict[str, Any]
    first_approver_id: int | None
    second_approver_id: int | None
    closed_note: str | None


class ClaimPage(BaseModel):
    items: list[ClaimReview]


class Rejection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=3, max_length=2000)


class RecoveryFigures(BaseModel):
    recovered_automatically: int
    recovered_by_hand: int
    in_review: int
    value_recovered_automatically_usd: str
    value_recovered_by_hand_usd: str
    largest_recovery_usd: str
    # From the deposit reaching the chain to the money back in the account.
    median_hours_to_recover: float | None


class DetectionOut(BaseModel):
    id: int
    network: str
    tx_hash: str
    index: int
    asset: str
    amount: str
    usd_value: str | None
    case: str
    outcome: str
    proposed_owner: str | None
    reasons: list[str]
    detected_at: datetime


class DetectionPage(BaseModel):
    items: list[DetectionOut]
