"""Routing use cases: offer chats one agent at a time, assign tickets, sweep the queue.

The decisions come from the pure engine over fresh snapshots; this module only loads
the snapshots, books the outcome through the tickets domain and arms the timers
(offer time-outs, the queue sweep, overflow to fallback languages).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.bot import service as bot_service
from cexdesk.core import outbox, timers
from cexdesk.core.errors import Conflict, Forbidden, NotFound
from cexdesk.routing import service
from cexdesk.routing.engine import REALTIME_CHANNELS, AgentPool, WorkItem, order_queue
from cexdesk.routing.events import ChatOffered, NoAgentAvailable, OfferClosed
from cexdesk.routing.models import Offer
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.models import Ticket

OFFER_SECONDS = 15.0  # leaves room inside the 20 s pickup target for one re-offer
SWEEP_SECONDS = 10.0
OVERFLOW_AFTER = {"chat": timedelta(seconds=60), "phone": timedelta(seconds=60)}
OVERFLOW_AFTER_DEFAULT = timedelta(minutes=30)
SWEEP_BATCH = 200

OFFER_TIMER = "routing.offer_expiry"
SWEEP_TIMER = "routing.sweep"
OVERFLOW_TIMER = "routing.overflow"
SWEEP_KEY = "routing:sweep"
ROUTING = ticket_flows.Author("system")


def offer_key(offer_id: int) -> str:
    return f"routing:offer:{offer_id}"


def overflow_key(ticket_id: int) -> str:
    return f"routing:overflow:{ticket_id}"


def _now(session: AsyncSession) -> datetime:
    return outbox.session_clock(session).now()


def _widened(item: WorkItem, now: datetime) -> bool:
    """Past the overflow threshold a conversation may go to fallback-language speakers."""
    threshold = OVERFLOW_AFTER.get(item.channel, OVERFLOW_AFTER_DEFAULT)
    return now - item.waiting_since >= threshold


async def _place(session: AsyncSession, ticket: Ticket, item: WorkItem, pool: AgentPool) -> str:
    """Offer or assign one ticket from the pool; returns what happened."""
    now = _now(session)
    chosen = pool.choose(item, widened=_widened(item, now))
    if chosen is None:
        return "waiting"
    pool.assign(item, chosen.id)
    if item.realtime:
        offer = Offer(
            ticket_id=ticket.id,
            agent_id=chosen.id,
            status="pending",
            offered_at=now,
            expires_at=now + timedelta(seconds=OFFER_SECONDS),
            responded_at=None,
        )
        session.add(offer)
        await session.flush()
        await timers.schedule(session, OFFER_TIMER, offer_key(offer.id), offer.expires_at,
                              {"offer_id": offer.id})  # fmt: skip
        await outbox.record(
            session, ChatOffered(offer.id, ticket.id, chosen.id, offer.expires_at.isoformat())
        )
        return "offered"
    await ticket_flows.update_ticket(session, ticket, {"assignee_id": chosen.id}, author=ROUTING)
    await service.last_assigned(session, chosen.id, now)
    return "assigned"


def _needs_routing(ticket: Ticket) -> bool:
    return ticket.assignee_id is None and ticket.status in service.ACTIVE_STATUSES


async def route_ticket(session: AsyncSession, ticket_id: int) -> str:
    """Find this ticket an agent now, or leave it queued with its overflow timer armed."""
    ticket = await ticket_service.get_ticket(session, ticket_id, for_update=True)
    if ticket is None or not _needs_routing(ticket):
        return "skipped"
    if await service.pending_offer(session, ticket_id) is not None:
        return "skipped"
    if await bot_service.holds(session, ticket_id):
        return "skipped"  # the bot answers it until it hands it over
    pool = AgentPool(await service.agent_snapshots(session))
    outcome = "waiting"
    if pool.agents:  # nobody online: no need to look at the ticket any closer
        outcome = await _place(session, ticket, await service.work_item(session, ticket), pool)
    if outcome == "waiting":
        threshold = OVERFLOW_AFTER.get(ticket.channel, OVERFLOW_AFTER_DEFAULT)
        due = ticket.created_at + threshold
        if due > _now(session):
            payload = {"ticket_id": ticket.id}
            await timers.schedule(session, OVERFLOW_TIMER, overflow_key(ticket.id), due, payload)
        if ticket.channel in REALTIME_CHANNELS and not pool.agents:
            event = NoAgentAvailable(ticket.id, ticket.channel, ticket.language)
            await outbox.record(session, event)
        await arm_sweep(session)
    return outcome


async def arm_sweep(session: AsyncSession, *, again: bool = False) -> None:
    """Make sure the queue is looked at again soon (one shared timer).

    ``again`` is for the sweep itself: its own timer still reads as pending while it runs.
    """
    if again or await timers.pending_timer(session, SWEEP_KEY) is None:
        await timers.schedule(
            session, SWEEP_TIMER, SWEEP_KEY, _now(session) + timedelta(seconds=SWEEP_SECONDS)
        )


async def sweep(session: AsyncSession) -> dict[str, int]:
    """Route the waiting queue in order with one snapshot of the floor."""
    counts = {"offered": 0, "assigned": 0, "waiting": 0}
    waiting = await service.waiting_ticket_ids(session, SWEEP_BATCH)
    if not waiting:
        return counts
    pool = AgentPool(await service.agent_snapshots(session))
    if not pool.agents:
        # Nobody to give work to: look again later (an agent going online sweeps at once).
        counts["waiting"] = len(waiting)
        await arm_sweep(session, again=True)
        return counts
    tickets = {}
    items = []
    for ticket_id in waiting:
        ticket = await ticket_service.get_ticket(session, ticket_id, for_update=True)
        if ticket is not None and _needs_routing(ticket):
            tickets[ticket_id] = ticket
            items.append(await service.work_item(session, ticket))
    for item in order_queue(items):
        counts[await _place(session, tickets[item.id], item, pool)] += 1
    if counts["waiting"]:
        await arm_sweep(session, again=True)
    return counts


async def _open_offer(session: AsyncSession, offer_id: int) -> Offer:
    offer = await session.get(Offer, offer_id, with_for_update=True)
    if offer is None:
        raise NotFound("offer", offer_id)
    return offer


async def _close(session: AsyncSession, offer: Offer, outcome: str) -> None:
    offer.status = outcome
    offer.responded_at = _now(session)
    await timers.cancel(session, offer_key(offer.id))
    await outbox.record(session, OfferClosed(offer.id, offer.ticket_id, offer.agent_id, outcome))


async def accept_offer(session: AsyncSession, offer_id: int, agent_id: int) -> Ticket:
    """The agent takes the chat: it is assigned to them and the pickup clock stops."""
    offer = await _open_offer(session, offer_id)
    if offer.agent_id != agent_id:
        raise Forbidden("this chat was offered to someone else")
    if offer.status != "pending" or offer.expires_at <= _now(session):
        raise Conflict(f"the offer is {offer.status if offer.status != 'pending' else 'expired'}")
    ticket = await ticket_service.get_ticket(session, offer.ticket_id, for_update=True)
    if ticket is None:
        raise NotFound("ticket", offer.ticket_id)
    await _close(session, offer, "accepted")
    await ticket_flows.update_ticket(
        session, ticket, {"assignee_id": agent_id}, author=ticket_flows.Author("agent", agent_id)
    )
    await service.last_assigned(session, agent_id, _now(session))
    return ticket


async def decline_offer(session: AsyncSession, offer_id: int, agent_id: int) -> str:
    """The agent passes; the chat goes straight to the next qualified agent."""
    offer = await _open_offer(session, offer_id)
    if offer.agent_id != agent_id:
        raise Forbidden("this chat was offered to someone else")
    if offer.status != "pending":
        raise Conflict(f"the offer is {offer.status}")
    await _close(session, offer, "declined")
    await session.flush()
    return await route_ticket(session, offer.ticket_id)


async def expire_offer(session: AsyncSession, offer_id: int) -> str:
    """Timer: nobody answered in time; re-offer to the next agent."""
    offer = await session.get(Offer, offer_id, with_for_update=True)
    if offer is None or offer.status != "pending":
        return "skipped"
    await _close(session, offer, "expired")
    await session.flush()
    return await route_ticket(session, offer.ticket_id)


async def pull_next(session: AsyncSession, agent_id: int) -> Ticket | None:
    """An agent asks for work: the first waiting ticket in queue order they qualify for.

    Chats are offered, never pulled (they need someone answering now); a pulled ticket is
    assigned at once, within the agent's capacity.
    """
    snapshots = await service.agent_snapshots(session, [agent_id], online_only=False)
    if not snapshots:
        raise Forbidden("only agents who take customer work can pull tickets")
    pool = AgentPool(snapshots)
    for ticket_id in await service.waiting_ticket_ids(session, SWEEP_BATCH):
        ticket = await ticket_service.get_ticket(session, ticket_id, for_update=True)
        if ticket is None or not _needs_routing(ticket) or ticket.channel in REALTIME_CHANNELS:
            continue
        item = await service.work_item(session, ticket)
        if pool.choose(item, widened=_widened(item, _now(session))) is None:
            continue
        author = ticket_flows.Author("agent", agent_id)
        await ticket_flows.update_ticket(session, ticket, {"assignee_id": agent_id}, author=author)
        await service.last_assigned(session, agent_id, _now(session))
        return ticket
    return None


async def check_capacity(session: AsyncSession, agent_id: int, channel: str) -> None:
    """Refuse handing an agent more than their capacity allows, by hand or by routing."""
    snapshots = await service.agent_snapshots(session, [agent_id], online_only=False)
    if not snapshots:
        return  # not a routable agent (an expert, an admin): capacity does not apply
    if snapshots[0].free(channel in REALTIME_CHANNELS) <= 0:
        kind = "chats" if channel in REALTIME_CHANNELS else "tickets"
        raise Conflict(f"agent {agent_id} is at capacity for {kind}; free some first")
