"""Events the recovery domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("recovery.claim_filed")
@dataclass(frozen=True)
class ClaimFiled(Event):
    claim_id: int
    customer_id: int
    case: str
    status: str


@event_type("recovery.recovered")
@dataclass(frozen=True)
class Recovered(Event):
    """Money was credited back: automatically, or after one or two approvals."""

    claim_id: int
    customer_id: int
    asset: str
    net_amount: str
    automatic: bool


@event_type("recovery.claim_rejected")
@dataclass(frozen=True)
class ClaimRejected(Event):
    claim_id: int
    customer_id: int
    agent_id: int
