"""Feeding the watch list: intake flags, SLA warnings and breaches, repeat contacts."""

from __future__ import annotations

from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.intake.events import MessageFlagged
from cexdesk.sla.events import SlaBreached, SlaNearBreach
from cexdesk.tickets.events import TicketCreated
from cexdesk.tickets.models import Ticket
from cexdesk.watchlist import flows

WATCHED_FLAGS = ("security_emergency", "complaint", "manager_request", "strongly_negative")


async def message_flagged(event: MessageFlagged, context: HandlerContext) -> None:
    for flag in event.flags:
        if flag in WATCHED_FLAGS:
            await flows.raise_reason(
                context.session, event.ticket_id, flag, event.category or "", context.occurred_at
            )


async def near_breach(event: SlaNearBreach, context: HandlerContext) -> None:
    detail = f"{event.metric} due {event.due_at}"
    await flows.raise_reason(
        context.session, event.ticket_id, "near_breach", detail, context.occurred_at
    )


async def breached(event: SlaBreached, context: HandlerContext) -> None:
    await flows.raise_reason(
        context.session, event.ticket_id, "breached", event.metric, context.occurred_at
    )


async def ticket_created(event: TicketCreated, context: HandlerContext) -> None:
    ticket = await context.session.get(Ticket, event.ticket_id)
    if ticket is not None and ticket.channel != "internal":
        await flows.note_repeat_contact(context.session, ticket, context.occurred_at)


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(MessageFlagged, "watchlist.flagged", message_flagged)
    subscriptions.subscribe(SlaNearBreach, "watchlist.near_breach", near_breach)
    subscriptions.subscribe(SlaBreached, "watchlist.breached", breached)
    subscriptions.subscribe(TicketCreated, "watchlist.repeat_contact", ticket_created)
