"""Risk API shapes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class ScreenRequest(BaseModel):
    """What the exchange sends before it broadcasts a withdrawal."""

    model_config = ConfigDict(extra="forbid")

    withdrawal_id: str = Field(min_length=1, max_length=64)
    user_id: str = Field(min_length=1, max_length=64)
    chain: str = Field(min_length=2, max_length=16)
    asset: str = Field(min_length=1, max_length=24)
    amount: Decimal = Field(gt=0, max_digits=38)
    destination: str = Field(min_length=10, max_length=128)
    memo: str | None = Field(default=None, max_length=128)
    requested_at: AwareDatetime
    device_id: str = Field(min_length=1, max_length=128)
    ip: str = Field(min_length=2, max_length=64)
    country: str = Field(min_length=2, max_length=2)


class ReasonOut(BaseModel):
    signal: str
    detail: str
    weight: int


class ScreenResponse(BaseModel):
    withdrawal_id: str
    action: str  # allow | hold | block
    score: int
    reasons: list[ReasonOut]
    case_id: int | None


class SecurityCaseOut(BaseModel):
    id: int
    exchange_uid: str
    withdrawal_id: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    closed_by: int | None
    resolution: str | None
    action: str
    score: int
    reasons: list[ReasonOut]


class CaseClose(BaseModel):
    model_config = ConfigDict(extra="forbid")

    resolution: str = Field(min_length=3, max_length=2000)


class CasePage(BaseModel):
    items: list[SecurityCaseOut]
