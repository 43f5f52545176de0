"""Events the routing domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("routing.offered")
@dataclass(frozen=True)
class ChatOffered(Event):
    offer_id: int
    ticket_id: int
    agent_id: int
    expires_at: str


@event_type("routing.offer_closed")
@dataclass(frozen=True)
class OfferClosed(Event):
    offer_id: int
    ticket_id: int
    agent_id: int
    outcome: str  # accepted | declined | expired | cancelled


@event_type("routing.no_agent")
@dataclass(frozen=True)
class NoAgentAvailable(Event):
    """Nobody qualified is online: the conversation waits (and the customer is told)."""

    ticket_id: int
    channel: str
    language: str


@event_type("routing.escalated")
@dataclass(frozen=True)
class Escalated(Event):
    escalation_id: int
    parent_id: int
    child_id: int
    from_agent_id: int | None


@event_type("routing.escalation_resolved")
@dataclass(frozen=True)
class EscalationResolved(Event):
    escalation_id: int
    parent_id: int
    child_id: int
