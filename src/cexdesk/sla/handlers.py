"""SLA reactions to ticket events: which clock starts, stops or pauses on what.

Clocks are dated by when the event happened (``occurred_at``), not when the handler
ran, so a backlog or a restart does not eat into anyone's target.
"""

from __future__ import annotations

from sqlalchemy import func, select

from cexdesk.bot import service as bot_service
from cexdesk.bot.events import BotHandedOff
from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.sla.events import SlaBreached, SlaNearBreach
from cexdesk.sla.flows import Clocks, apply_actions
from cexdesk.sla.policies import Metric
from cexdesk.tickets.events import MessageAdded, TicketAssigned, TicketCreated, TicketStatusChanged
from cexdesk.tickets.models import Message, Ticket

PICKED_UP = frozenset({Metric.CHAT_PICKUP.value})
ANSWERED = frozenset(
    {Metric.CHAT_PICKUP.value, Metric.FIRST_REPLY.value, Metric.NEXT_REPLY.value,
     Metric.PERIODIC_UPDATE.value}
)  # fmt: skip


async def _clocks(context: HandlerContext, ticket_id: int) -> Clocks | None:
    ticket = await context.session.get(Ticket, ticket_id)
    if ticket is None:
        return None
    clocks = await Clocks.load(context.session, ticket)
    return clocks if clocks.policy is not None else None


async def ticket_created(event: TicketCreated, context: HandlerContext) -> None:
    if await bot_service.fronted(context.session, event.ticket_id):
        return  # the bot answers first: people's clocks start when it hands over
    await _start(context, event.ticket_id)


async def bot_handed_off(event: BotHandedOff, context: HandlerContext) -> None:
    # People's clocks start now, except what a person already did: an agent who took
    # the conversation over has picked it up, and may have answered already.
    answered = await context.session.scalar(
        select(Message.id)
        .where(
            Message.ticket_id == event.ticket_id,
            Message.author_type == "agent",
            Message.internal.is_(False),
        )
        .limit(1)
    )
    await _start(context, event.ticket_id, answered=answered is not None, handed_off=True)


async def _start(
    context: HandlerContext, ticket_id: int, *, answered: bool = False, handed_off: bool = False
) -> None:
    clocks = await _clocks(context, ticket_id)
    if clocks is None:
        return
    at = context.occurred_at
    picked_up = handed_off and clocks.ticket.assignee_id is not None
    if clocks.ticket.channel == "chat" and not (answered or picked_up):
        await clocks.start(Metric.CHAT_PICKUP, at)
    if not answered:
        await clocks.start(Metric.FIRST_REPLY, at)
    await clocks.start(Metric.RESOLUTION, at)


async def message_added(event: MessageAdded, context: HandlerContext) -> None:
    if event.internal or event.author_type in ("system", "bot"):
        return  # only a human's public answer counts as an answer
    clocks = await _clocks(context, event.ticket_id)
    if clocks is None:
        return
    at = context.occurred_at
    if event.author_type == "agent":
        opening = await context.session.scalar(
            select(func.min(Message.id)).where(Message.ticket_id == event.ticket_id)
        )
        if opening == event.message_id:
            return  # staff opening a ticket (a call written up, a hand-over) is no answer
        await clocks.fulfil(ANSWERED, at)
        if clocks.ticket.status in ("new", "open", "on_hold"):
            # Long investigations: the customer hears from us at a set interval.
            await clocks.start(Metric.PERIODIC_UPDATE, at)
        return
    if any(i.status == "fulfilled" for i in clocks.of(Metric.FIRST_REPLY)):
        await clocks.start(Metric.NEXT_REPLY, at)


async def ticket_assigned(event: TicketAssigned, context: HandlerContext) -> None:
    if event.assignee_id is None:
        return
    clocks = await _clocks(context, event.ticket_id)
    if clocks is not None and clocks.ticket.channel == "chat":
        # A chat is picked up when a human takes it.
        await clocks.fulfil(PICKED_UP, context.occurred_at)


async def status_changed(event: TicketStatusChanged, context: HandlerContext) -> None:
    clocks = await _clocks(context, event.ticket_id)
    if clocks is not None:
        await clocks.on_status_change(event.old_status, event.new_status, context.occurred_at)


async def breached(event: SlaBreached, context: HandlerContext) -> None:
    why = f"{event.metric.replace('_', ' ')} target of {event.policy!r} breached"
    await apply_actions(context.session, event.ticket_id, event.actions, why)


async def near_breach(event: SlaNearBreach, context: HandlerContext) -> None:
    why = f"{event.metric.replace('_', ' ')} due at {event.due_at}"
    await apply_actions(context.session, event.ticket_id, event.actions, why)


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(SlaBreached, "sla.breach_actions", breached)
    subscriptions.subscribe(SlaNearBreach, "sla.warn_actions", near_breach)
    subscriptions.subscribe(TicketCreated, "sla.ticket_created", ticket_created)
    subscriptions.subscribe(BotHandedOff, "sla.bot_handed_off", bot_handed_off)
    subscriptions.subscribe(MessageAdded, "sla.message_added", message_added)
    subscriptions.subscribe(TicketAssigned, "sla.ticket_assigned", ticket_assigned)
    subscriptions.subscribe(TicketStatusChanged, "sla.status_changed", status_changed)
