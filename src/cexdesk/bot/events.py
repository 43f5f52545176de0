"""Events the bot domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("bot.handed_off")
@dataclass(frozen=True)
class BotHandedOff(Event):
    """The bot let go of a conversation: from now on it is people's work.

    ``needs_routing``: False when the ticket is already in front of routing or with
    someone (the handoff moved it to a team, whose assignment routes it; an agent took
    it over).
    """

    session_id: int
    ticket_id: int
    reason: str
    urgent: bool
    needs_routing: bool


@event_type("bot.session_ended")
@dataclass(frozen=True)
class BotSessionEnded(Event):
    """The customer said the bot solved it (contained)."""

    session_id: int
    ticket_id: int
