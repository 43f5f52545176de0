"""Tell a chat customer's socket what staff-side events mean for them.

Published to ``customer:{id}`` (the socket's one topic) as ``internal: false``:
``chat.agent_joined`` / ``chat.agent_left`` from ``TicketAssigned`` (the realtime
handler keeps assignment itself staff-only, so only the agent's display name goes out)
and ``chat.notice`` from ``NoAgentAvailable`` with the first-reply target of the
ticket's SLA policy. At least once, like all realtime messages: each carries
``event_id``.
"""

from __future__ import annotations

from typing import Any

from cexdesk.agents import service as agent_service
from cexdesk.channels.chat import CHANNEL, notices
from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.customers import service as customer_service
from cexdesk.routing.events import NoAgentAvailable
from cexdesk.sla import flows as sla_flows
from cexdesk.sla.policies import Metric
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.events import TicketAssigned
from cexdesk.tickets.models import Ticket

DEFAULT_FIRST_REPLY_SECONDS = 600.0


def topic(customer_id: int) -> str:
    return f"customer:{customer_id}"


async def _chat_ticket(context: HandlerContext, ticket_id: int) -> Ticket | None:
    ticket = await ticket_service.get_ticket(context.session, ticket_id)
    return ticket if ticket is not None and ticket.channel == CHANNEL else None


async def _publish(context: HandlerContext, ticket: Ticket, message: dict[str, Any]) -> None:
    await context.hub.publish(
        topic(ticket.requester_id),
        {**message, "ticket_id": ticket.id, "event_id": context.event_id, "internal": False},
    )


async def assigned(event: TicketAssigned, context: HandlerContext) -> None:
    if event.assignee_id == event.previous_assignee_id:
        return
    ticket = await _chat_ticket(context, event.ticket_id)
    if ticket is None:
        return
    for kind, agent_id in (("left", event.previous_assignee_id), ("joined", event.assignee_id)):
        if agent_id is None:
            continue
        agent = await agent_service.get_agent(context.session, agent_id)
        name = agent.display_name if agent is not None else "Support"
        await _publish(context, ticket, {"type": f"chat.agent_{kind}", "agent_name": name})


async def no_agent(event: NoAgentAvailable, context: HandlerContext) -> None:
    if event.channel != CHANNEL:
        return
    ticket = await _chat_ticket(context, event.ticket_id)
    if ticket is None:
        return
    policy = await sla_flows.policy_for(context.session, ticket)
    target = policy.target(Metric.FIRST_REPLY) if policy is not None else None
    seconds = target.seconds if target is not None else DEFAULT_FIRST_REPLY_SECONDS
    customer = await customer_service.get_customer(context.session, ticket.requester_id)
    language = customer.language if customer is not None else event.language
    text = notices.no_agent(language, seconds)
    await _publish(context, ticket, {"type": "chat.notice", "reason": "no_agent",
                                     "first_reply_seconds": seconds, "text": text})  # fmt: skip


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(TicketAssigned, "chat.agent_joined_left", assigned)
    subscriptions.subscribe(NoAgentAvailable, "chat.no_agent_notice", no_agent)
