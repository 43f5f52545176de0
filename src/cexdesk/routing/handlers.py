"""Routing reactions: work is placed, freed capacity pulls from the queue, escalations return."""

from __future__ import annotations

from cexdesk.agents.events import AgentAvailabilityChanged
from cexdesk.bot import service as bot_service
from cexdesk.bot.events import BotHandedOff
from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.routing import escalation, flows, service
from cexdesk.tickets.events import TicketAssigned, TicketCreated, TicketStatusChanged

FREES_CAPACITY = frozenset({"pending", "on_hold", "solved", "closed"})


async def ticket_created(event: TicketCreated, context: HandlerContext) -> None:
    if await bot_service.fronted(context.session, event.ticket_id):
        return  # the bot answers first; its handoff routes the ticket
    await flows.route_ticket(context.session, event.ticket_id)


async def bot_handed_off(event: BotHandedOff, context: HandlerContext) -> None:
    if event.needs_routing:  # (not when a new team already sent it through ticket_assigned)
        await flows.route_ticket(context.session, event.ticket_id)


async def ticket_assigned(event: TicketAssigned, context: HandlerContext) -> None:
    if event.assignee_id is None:
        await flows.route_ticket(context.session, event.ticket_id)  # handed back to the queue
    elif event.previous_assignee_id is not None:
        await _pull_from_queue(context)  # the previous agent has room again


async def status_changed(event: TicketStatusChanged, context: HandlerContext) -> None:
    if event.new_status in escalation.FINISHED and event.old_status != "solved":
        # A solved (or merged away) escalation child hands its resolution back to the
        # parent, which reopens and routes through the branch below on its own event.
        await escalation.resolve_from_child(context.session, event.ticket_id)
    if event.new_status in FREES_CAPACITY and event.old_status in service.ACTIVE_STATUSES:
        await _pull_from_queue(context)
    elif event.new_status in service.ACTIVE_STATUSES:
        await flows.route_ticket(context.session, event.ticket_id)  # reopened and unowned


async def _pull_from_queue(context: HandlerContext) -> None:
    if await service.waiting_ticket_ids(context.session, 1):
        await flows.sweep(context.session)


async def agent_availability(event: AgentAvailabilityChanged, context: HandlerContext) -> None:
    if event.active and event.presence == "online":
        await _pull_from_queue(context)


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(
        AgentAvailabilityChanged, "routing.agent_availability", agent_availability
    )
    subscriptions.subscribe(TicketCreated, "routing.ticket_created", ticket_created)
    subscriptions.subscribe(BotHandedOff, "routing.bot_handed_off", bot_handed_off)
    subscriptions.subscribe(TicketAssigned, "routing.ticket_assigned", ticket_assigned)
    subscriptions.subscribe(TicketStatusChanged, "routing.status_changed", status_changed)
