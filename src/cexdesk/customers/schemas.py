"""API shapes for customers; requests forbid unknown fields, strings are bounded."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from cexdesk.api.schemas import StrictModel

IdentityChannel = Literal["email", "telegram", "x", "phone"]
KycState = Literal["none", "pending", "verified", "failed", "rejected"]


class CustomerPatch(StrictModel):
    display_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
        | None
    ) = None
    language: Annotated[str, StringConstraints(min_length=2, max_length=16)] | None = None
    region: Annotated[str, StringConstraints(min_length=2, max_length=8)] | None = None
    vip_tier: int | None = Field(default=None, ge=0, le=9)
    kyc_state: KycState | None = None


class IdentityCreate(StrictModel):
    channel: IdentityChannel
    address: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)]
    verified: bool = False


class IdentityOut(BaseModel):
    id: int
    channel: str
    address: str
    verified: bool
    created_at: datetime


class CustomerOut(BaseModel):
    id: int
    exchange_uid: str | None
    display_name: str
    language: str
    region: str | None
    vip_tier: int
    kyc_state: str
    created_at: datetime
    updated_at: datetime


class RecentTicket(BaseModel):
    id: int
    subject: str
    status: str
    channel: str
    created_at: datetime


class CustomerDetail(CustomerOut):
    identities: list[IdentityOut]
    recent_tickets: list[RecentTicket]


class CustomerPage(BaseModel):
    items: list[CustomerOut]
    next_cursor: str | None


class TimelineItem(BaseModel):
    """One message of one of the customer's tickets, on whichever channel it came."""

    message_id: int
    ticket_id: int
    ticket_subject: str
    channel: str
    author_type: str
    author_id: int | None
    internal: bool
    created_at: datetime
    excerpt: str
    truncated: bool


class TimelinePage(BaseModel):
    items: list[TimelineItem]
    next_cursor: str | None


class CustomerMerge(StrictModel):
    """Fold another customer (known only by channel identities) into this one."""

    source_id: Annotated[int, Field(ge=1, le=2**63 - 1)]
