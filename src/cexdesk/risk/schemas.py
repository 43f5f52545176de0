"""Risk API shapes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

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
    ticket_id: int | None
    steps: dict[str, Any]
    user_response: str | None


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    step: str = Field(min_length=3, max_length=64)
    note: str = Field(default="", max_length=2000)


class UserAnswer(BaseModel):
    """The user's own answer about a held withdrawal: was it theirs?"""

    model_config = ConfigDict(extra="forbid")

    mine: bool


class UserAnswerOut(BaseModel):
    withdrawal_id: str
    user_response: str
    status: str


class RiskFigures(BaseModel):
    held: int
    blocked: int
    false_holds: int  # held, then released: it was the user after all
    users_protected: int  # blocked, or the user said a held one was not theirs
    value_kept_usd: str  # counted only when the user said it was not theirs


class CaseClose(BaseModel):
    model_config = ConfigDict(extra="forbid")

    resolution: str = Field(min_length=3, max_length=2000)


class CasePage(BaseModel):
    items: list[SecurityCaseOut]


class InvestigationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exchange_uid: str = Field(min_length=1, max_length=64)
    summary: str = Field(min_length=3, max_length=5000)
    update_every_hours: int = Field(default=72, ge=1, le=24 * 30)
    ticket_id: int | None = None


class EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["note", "traced_address", "task"]
    text: str = Field(min_length=1, max_length=5000)
    team: Literal["security", "legal"] | None = None
    chain: str | None = Field(default=None, max_length=16)
    address: str | None = Field(default=None, max_length=128)


class UpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=3, max_length=5000)


class CloseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=3, max_length=5000)


class EntryOut(BaseModel):
    id: int
    at: datetime
    kind: str
    text: str
    agent_id: int | None
    team: str | None
    chain: str | None
    address: str | None
    done_at: datetime | None


class InvestigationOut(BaseModel):
    id: int
    exchange_uid: str
    ticket_id: int | None
    summary: str
    status: str
    opened_at: datetime
    update_every_hours: int
    next_update_due: datetime
    last_update_at: datetime | None
    closed_at: datetime | None
    timeline: list[EntryOut]
