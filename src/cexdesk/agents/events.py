"""Events the agents domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("agent.availability_changed")
@dataclass(frozen=True)
class AgentAvailabilityChanged(Event):
    """Presence, activity, capacity or languages changed: what routing can give them."""

    agent_id: int
    presence: str
    active: bool
