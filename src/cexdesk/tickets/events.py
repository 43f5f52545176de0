"""Events the tickets domain records; payloads carry ids and the facts handlers need."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("ticket.created")
@dataclass(frozen=True)
class TicketCreated(Event):
    ticket_id: int
    requester_id: int
    channel: str
    priority: str
    language: str
    team_id: int | None


@event_type("ticket.message_added")
@dataclass(frozen=True)
class MessageAdded(Event):
    ticket_id: int
    message_id: int
    author_type: str  # customer | agent | system | bot
    author_id: int | None
    internal: bool
    requester_id: int


@event_type("ticket.status_changed")
@dataclass(frozen=True)
class TicketStatusChanged(Event):
    ticket_id: int
    requester_id: int
    old_status: str
    new_status: str


@event_type("ticket.assigned")
@dataclass(frozen=True)
class TicketAssigned(Event):
    ticket_id: int
    assignee_id: int | None
    team_id: int | None
    previous_assignee_id: int | None


@event_type("ticket.updated")
@dataclass(frozen=True)
class TicketUpdated(Event):
    """Fields other than status and assignment changed (priority, category, tags...)."""

    ticket_id: int
    requester_id: int
    fields: list[str]


@event_type("ticket.linked")
@dataclass(frozen=True)
class TicketLinked(Event):
    kind: str  # escalation | merge | follow_up
    source_id: int
    target_id: int
