"""Bot reactions: an agent taking a conversation the bot holds ends the bot's part."""

from __future__ import annotations

from cexdesk.bot import flows
from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.tickets.events import TicketAssigned


async def ticket_assigned(event: TicketAssigned, context: HandlerContext) -> None:
    await flows.agent_took_over(context.session, event.ticket_id)  # idempotent


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(
        TicketAssigned,
        "bot.ticket_assigned",
        ticket_assigned,
        only_if=lambda event: event.assignee_id is not None,
    )
