"""Shapes of what the exchange back office sends cexdesk."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class DepositSeen(BaseModel):
    """A transfer to an exchange address seen on chain, and what the crawler did with it."""

    model_config = ConfigDict(extra="allow")

    chain: str = Field(min_length=2, max_length=16)
    tx_hash: str = Field(min_length=8, max_length=128)
    index: int = Field(ge=0)
    status: Literal["pending", "credited", "unmatched"]


class WithdrawalRequested(BaseModel):
    model_config = ConfigDict(extra="allow")

    withdrawal_id: str = Field(min_length=1, max_length=64)


class SecurityChanged(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: Literal["password", "2fa", "email", "phone", "anti_phishing_code"]


class LoggedIn(BaseModel):
    model_config = ConfigDict(extra="allow")

    device_id: str = Field(min_length=1, max_length=128)
    ip: str = Field(min_length=2, max_length=64)
    country: str = Field(min_length=2, max_length=2)


DATA_SHAPES: dict[str, type[BaseModel]] = {
    "deposit.seen": DepositSeen,
    "withdrawal.requested": WithdrawalRequested,
    "security.changed": SecurityChanged,
    "login": LoggedIn,
}


class ExchangeEventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=100)
    type: Literal["deposit.seen", "withdrawal.requested", "security.changed", "login"]
    occurred_at: AwareDatetime
    user_id: str | None = Field(default=None, max_length=64)
    data: dict[str, Any]


class ExchangeEventAck(BaseModel):
    id: str
    duplicate: bool
