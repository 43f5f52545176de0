"""Events the SLA domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("sla.breached")
@dataclass(frozen=True)
class SlaBreached(Event):
    ticket_id: int
    instance_id: int
    metric: str
    policy: str
    actions: list[str]


@event_type("sla.near_breach")
@dataclass(frozen=True)
class SlaNearBreach(Event):
    ticket_id: int
    instance_id: int
    metric: str
    policy: str
    due_at: str
    actions: list[str]
