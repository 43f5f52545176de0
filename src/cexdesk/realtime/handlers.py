"""Publishes ticket events to realtime topics, from the outbox after commit.

Topics: ``ticket:{id}`` (its requester and staff), ``customer:{id}`` (the requester's
own feed), ``agents`` (every agent console), ``team:{id}`` and ``agent:{id}``. A message
carries ``internal: true`` when only staff may see it (internal notes, assignment,
tags, priority, links); such a message never goes to ``customer:{id}``, and the stream
drops it for a customer on any topic, so an internal note cannot leak twice over. Every
event of a ticket on a staff-only channel (``internal``: tier-2 escalations) is
``internal``: its requester never learns the ticket exists.

Delivery is at least once (a crash between publishing and marking the delivery done
publishes again), so every message carries ``event_id`` for clients to de-duplicate.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select

from cexdesk.core.events import Event, HandlerContext, Subscriptions
from cexdesk.routing.events import ChatOffered, OfferClosed
from cexdesk.tickets.events import (
    MessageAdded,
    TicketAssigned,
    TicketCreated,
    TicketLinked,
    TicketStatusChanged,
    TicketUpdated,
)
from cexdesk.tickets.models import Ticket
from cexdesk.tickets.service import STAFF_ONLY_CHANNELS

HANDLER = "realtime.publish"
OFFER_HANDLER = "realtime.publish_offer"

# Events a customer may see on their own ticket; everything else is staff-only.
PUBLIC_EVENTS = (TicketCreated, TicketStatusChanged)


def message_for(event: Event, event_id: int, internal: bool) -> dict[str, Any]:
    return {
        "type": event.type,
        "event_id": event_id,
        "internal": internal,
        **dataclasses.asdict(event),
    }


async def _ticket_routing(
    context: HandlerContext, ticket_id: int
) -> tuple[int | None, int | None, bool]:
    """The ticket's current team and assignee (the event may predate a reassignment), and
    whether it is a staff-only ticket."""
    row = (
        await context.session.execute(
            select(Ticket.team_id, Ticket.assignee_id, Ticket.channel).where(Ticket.id == ticket_id)
        )
    ).one_or_none()
    if row is None:
        return None, None, False
    return row.team_id, row.assignee_id, row.channel in STAFF_ONLY_CHANNELS


def topics_for(
    event: Event, team_id: int | None, assignee_id: int | None, *, staff_only: bool = False
) -> tuple[list[str], bool]:
    """The topics an event goes to and whether it is staff-only.

    ``staff_only``: the ticket itself is hidden from its requester, so every event is.
    """
    if isinstance(event, TicketLinked):
        return [f"ticket:{event.source_id}", f"ticket:{event.target_id}", "agents"], True
    ticket_id: int = getattr(event, "ticket_id")  # noqa: B009 - every other ticket event has one
    internal = not isinstance(event, PUBLIC_EVENTS)
    if isinstance(event, MessageAdded):
        internal = event.internal
    internal = internal or staff_only
    topics = [f"ticket:{ticket_id}", "agents"]
    requester_id = getattr(event, "requester_id", None)
    if not internal and requester_id is not None:
        topics.append(f"customer:{requester_id}")
    if team_id is not None:
        topics.append(f"team:{team_id}")
    agents = {assignee_id}
    if isinstance(event, TicketAssigned):
        agents |= {event.assignee_id, event.previous_assignee_id}
    topics.extend(f"agent:{a}" for a in sorted(a for a in agents if a is not None))
    return topics, internal


async def publish_ticket_event(event: Event, context: HandlerContext) -> None:
    if isinstance(event, TicketLinked):
        team_id, assignee_id, staff_only = None, None, True
    else:
        ticket_id = getattr(event, "ticket_id")  # noqa: B009
        team_id, assignee_id, staff_only = await _ticket_routing(context, ticket_id)
    topics, internal = topics_for(event, team_id, assignee_id, staff_only=staff_only)
    message = message_for(event, context.event_id, internal)
    for topic in topics:
        await context.hub.publish(topic, message)


async def publish_offer_event(event: Event, context: HandlerContext) -> None:
    """A chat offered to an agent, or the offer closed: that agent's console only."""
    assert isinstance(event, ChatOffered | OfferClosed)
    message = message_for(event, context.event_id, internal=True)
    await context.hub.publish(f"agent:{event.agent_id}", message)


def subscribe(subscriptions: Subscriptions) -> None:
    for event_cls in (
        TicketCreated,
        MessageAdded,
        TicketStatusChanged,
        TicketAssigned,
        TicketUpdated,
        TicketLinked,
    ):
        subscriptions.subscribe(event_cls, HANDLER, publish_ticket_event)
    for offer_cls in (ChatOffered, OfferClosed):
        subscriptions.subscribe(offer_cls, OFFER_HANDLER, publish_offer_event)
