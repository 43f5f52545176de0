"""Routing API shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from cexdesk.api.schemas import Id, StrictModel

SLUG = r"^[a-z][a-z0-9_-]*$"


class OfferOut(BaseModel):
    id: int
    ticket_id: int
    agent_id: int
    status: str
    offered_at: datetime
    expires_at: datetime
    seconds_left: float


class AcceptedOut(BaseModel):
    offer_id: int
    ticket_id: int
    assignee_id: int | None


EvidenceKind = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40, pattern=SLUG)
]
MAX_EVIDENCE = 20


class EvidenceIn(StrictModel):
    """``kind``: what it is (tx_hash, address, order_id, log, url...); ``value``: the thing."""

    kind: EvidenceKind
    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class EscalationCreate(StrictModel):
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
    tried: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
    evidence: Annotated[list[EvidenceIn], Field(default_factory=list, max_length=MAX_EVIDENCE)]
    team_id: Id | None = None


class ConsultationCreate(StrictModel):
    question: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)
    ]
    team_id: Id | None = None


class EscalationCreated(BaseModel):
    escalation_id: int
    child_ticket_id: int
    team_id: int | None


class EvidenceOut(BaseModel):
    kind: str
    value: str


class EscalationOut(BaseModel):
    id: int
    parent_ticket_id: int
    child_ticket_id: int
    from_agent_id: int | None
    summary: str
    tried: str
    evidence: list[EvidenceOut]
    status: str  # open | resolved
    created_at: datetime
    resolved_at: datetime | None
    resolution: str | None


class PulledOut(BaseModel):
    ticket_id: int | None  # None: nothing waiting that you can take


class QueueItemOut(BaseModel):
    ticket_id: int
    subject: str
    channel: str
    priority: str
    language: str
    team_id: int | None
    category: str | None
    waiting_seconds: float
