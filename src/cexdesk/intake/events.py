"""Events the intake pipeline records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("intake.flagged")
@dataclass(frozen=True)
class MessageFlagged(Event):
    """A customer message raised something a person must look at now or soon.

    Flags: security_emergency (the security team is alerted at once), complaint,
    manager_request, strongly_negative (the supervisors' watch list), secret_shared.
    """

    ticket_id: int
    message_id: int | None
    requester_id: int
    flags: list[str]
    category: str | None
    priority: str
