"""Compensation API shapes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

UID = Field(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_\-.:]+$")
ASSET = Field(min_length=1, max_length=24, pattern=r"^[0-9A-Za-z.\-]+$")


class NewBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3, max_length=200)
    reason: str = Field(min_length=3, max_length=4000)
    incident_ref: str | None = Field(default=None, min_length=1, max_length=64)


class NewLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exchange_uid: str = UID
    asset: str = ASSET
    amount: Decimal = Field(gt=0, max_digits=38, decimal_places=18)
    ticket_id: int | None = Field(default=None, ge=1)


class NewLines(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lines: list[NewLine] = Field(min_length=1, max_length=5000)


class Approval(BaseModel):
    """The approver confirms the digest of the lines they checked."""

    model_config = ConfigDict(extra="forbid")

    digest: str = Field(min_length=64, max_length=64)


class BatchOut(BaseModel):
    id: int
    title: str
    reason: str
    incident_ref: str | None
    status: str
    created_by: int
    created_at: datetime
    first_approver_id: int | None
    second_approver_id: int | None
    approved_at: datetime | None
    lines: int
    digest: str  # of the lines as they are now: what an approver approves
    last_run_at: datetime | None


class BatchPage(BaseModel):
    items: list[BatchOut]


class LineOut(BaseModel):
    id: int
    exchange_uid: str
    asset: str
    amount: str
    ticket_id: int | None
    status: str
    credit_key: str | None
    change_id: str | None
    error: str | None
    paid_at: datetime | None
    usd_value: str | None
    notice_ticket_id: int | None


class LinePage(BaseModel):
    items: list[LineOut]
    next_after: int | None


class AssetTotal(BaseModel):
    asset: str
    lines: int
    requested: str
    paid: str


class BatchReport(BaseModel):
    batch: BatchOut
    lines: int
    paid: int
    failed: int
    pending: int
    notified: int
    by_asset: list[AssetTotal]
    paid_value_usd: str  # at the prices when each line was paid
    failures: list[LineOut]


class AdjustmentForm(BaseModel):
    """A credit or debit for the ticket's requester."""

    model_config = ConfigDict(extra="forbid")

    direction: Literal["credit", "debit"]
    asset: str = ASSET
    amount: Decimal = Field(gt=0, max_digits=38, decimal_places=18)
    reason: str = Field(min_length=3, max_length=2000)


class AdjustmentDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=2000)


class AdjustmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    ticket_id: int
    exchange_uid: str
    direction: str
    asset: str
    amount: str
    usd_value: str | None
    reason: str
    status: str
    requested_by: int
    requested_at: datetime
    limit_usd: str
    approved_by: int | None
    approved_at: datetime | None
    idempotency_key: str
    change_id: str | None
    executed_at: datetime | None
    error: str | None
    decision_note: str | None


class AdjustmentPage(BaseModel):
    items: list[AdjustmentOut]


ORDER_ID = Field(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_\-.:]+$")


class OrderCancellationForm(BaseModel):
    """Some of the ticket's requester's open orders to cancel, and why."""

    model_config = ConfigDict(extra="forbid")

    order_ids: list[Annotated[str, ORDER_ID]] = Field(min_length=1, max_length=100)
    reason: str = Field(min_length=3, max_length=2000)


class OpenOrderOut(BaseModel):
    """One of the requester's open orders, as the exchange reports it now."""

    id: str
    market: str
    side: str
    type: str
    price: str | None
    stop_price: str | None
    quantity: str
    filled: str
    remaining: str
    status: str
    placed_at: datetime
    usd_value: str | None  # what is left of it, in USD; None: no reference price
    cancellation_id: int | None  # a cancellation already asked for and not finished


class OpenOrderPage(BaseModel):
    exchange_uid: str
    items: list[OpenOrderOut]


class OrderCancellationItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    order_id: str
    market: str
    side: str
    order_type: str
    price: str | None
    remaining: str
    usd_value: str | None
    idempotency_key: str
    status: str
    released_asset: str | None
    released_amount: str | None
    cancelled_at: datetime | None
    error: str | None


class OrderCancellationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    ticket_id: int
    exchange_uid: str
    reason: str
    status: str
    orders: int
    usd_value: str | None
    limit_usd: str
    limit_orders: int
    requested_by: int
    requested_at: datetime
    approved_by: int | None
    approved_at: datetime | None
    executed_at: datetime | None
    error: str | None
    decision_note: str | None
    items: list[OrderCancellationItemOut]


class OrderCancellationPage(BaseModel):
    items: list[OrderCancellationOut]
