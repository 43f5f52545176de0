"""Routing queries: snapshots of agents and work for the engine; never commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, literal, or_, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents.models import Agent, TeamMember
from cexdesk.bot.service import held_ticket_ids
from cexdesk.core.errors import Invalid
from cexdesk.customers.models import Customer
from cexdesk.routing.engine import REALTIME_CHANNELS, AgentSnapshot, WorkItem
from cexdesk.routing.models import AgentRoutingState, Offer
from cexdesk.tickets.models import WAITING_PREDICATE, Ticket

# Work that occupies an agent's capacity; pending and on-hold wait on someone else.
ACTIVE_STATUSES = ("new", "open")
ROUTABLE_ROLES = ("agent", "engineer", "vip_agent", "security", "supervisor")
FALLBACK_LANGUAGES = ("en",)
PRIORITY_ORDER = case(
    {"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=Ticket.priority, else_=2
)


async def agent_snapshots(
    session: AsyncSession, agent_ids: list[int] | None = None, *, online_only: bool = True
) -> list[AgentSnapshot]:
    """Active agents who take customer work (online ones, by default), with their load."""
    query = select(Agent).where(Agent.active.is_(True), Agent.role.in_(ROUTABLE_ROLES))
    if online_only:
        query = query.where(Agent.presence == "online")
    if agent_ids is not None:
        query = query.where(Agent.id.in_(agent_ids))
    agents = list((await session.execute(query)).scalars())
    if not agents:
        return []
    ids = [a.id for a in agents]
    realtime = Ticket.channel.in_(sorted(REALTIME_CHANNELS))
    load_rows = (
        await session.execute(
            select(Ticket.assignee_id, realtime.label("realtime"), func.count())
            .where(Ticket.assignee_id.in_(ids), Ticket.status.in_(ACTIVE_STATUSES))
            .group_by(Ticket.assignee_id, realtime)
        )
    ).all()
    chats = dict.fromkeys(ids, 0)
    tickets = dict.fromkeys(ids, 0)
    for agent_id, is_realtime, count in load_rows:
        if agent_id is not None:
            (chats if is_realtime else tickets)[agent_id] += count
    # A chat on offer is held for its agent until answered.
    for agent_id, count in (
        await session.execute(
            select(Offer.agent_id, func.count())
            .where(Offer.agent_id.in_(ids), Offer.status == "pending")
            .group_by(Offer.agent_id)
        )
    ).all():
        chats[agent_id] += count
    teams: dict[int, set[int]] = {}
    for team_id, agent_id in (
        await session.execute(
            select(TeamMember.team_id, TeamMember.agent_id).where(TeamMember.agent_id.in_(ids))
        )
    ).all():
        teams.setdefault(agent_id, set()).add(team_id)
    idle = dict(
        (
            await session.execute(
                select(AgentRoutingState.agent_id, AgentRoutingState.last_assigned_at).where(
                    AgentRoutingState.agent_id.in_(ids)
                )
            )
        ).all()
    )
    return [
        AgentSnapshot(
            id=a.id,
            tier=a.tier,
            languages=frozenset(a.languages),
            categories=frozenset(a.categories),
            teams=frozenset(teams.get(a.id, ())),
            is_vip=a.is_vip,
            online=True,
            chat_capacity=a.chat_capacity,
            ticket_capacity=a.ticket_capacity,
            active_chats=chats[a.id],
            active_tickets=tickets[a.id],
            idle_since=idle.get(a.id),
        )
        for a in agents
    ]


async def declined_by(session: AsyncSession, ticket_id: int) -> frozenset[int]:
    rows = await session.execute(
        select(Offer.agent_id).where(
            Offer.ticket_id == ticket_id, Offer.status.in_(("declined", "expired"))
        )
    )
    return frozenset(rows.scalars())


async def work_item(session: AsyncSession, ticket: Ticket) -> WorkItem:
    vip = (
        await session.execute(select(Customer.vip_tier).where(Customer.id == ticket.requester_id))
    ).scalar_one_or_none()
    return WorkItem(
        id=ticket.id,
        channel=ticket.channel,
        priority=ticket.priority,
        language=ticket.language,
        waiting_since=ticket.created_at,
        category=ticket.category,
        team_id=ticket.team_id,
        vip=(vip or 0) > 0,
        declined_by=await declined_by(session, ticket.id),
        fallback_languages=FALLBACK_LANGUAGES,
    )


async def pending_offer(session: AsyncSession, ticket_id: int) -> Offer | None:
    return (
        await session.execute(
            select(Offer).where(Offer.ticket_id == ticket_id, Offer.status == "pending")
        )
    ).scalar_one_or_none()


async def waiting_ticket_ids(session: AsyncSession, limit: int) -> list[int]:
    """Unassigned live tickets with no offer out, in queue order."""
    offered = select(Offer.ticket_id).where(Offer.status == "pending")
    rows = await session.execute(
        select(Ticket.id)
        .where(
            Ticket.assignee_id.is_(None),
            Ticket.status.in_(ACTIVE_STATUSES),
            Ticket.id.not_in(offered),
            Ticket.id.not_in(held_ticket_ids()),
        )
        .order_by(PRIORITY_ORDER, Ticket.created_at, Ticket.id)
        .limit(limit)
    )
    return list(rows.scalars())


async def last_assigned(session: AsyncSession, agent_id: int, at: datetime) -> None:
    state = await session.get(AgentRoutingState, agent_id)
    if state is None:
        session.add(AgentRoutingState(agent_id=agent_id, last_assigned_at=at))
    else:
        state.last_assigned_at = at


async def waiting_tickets(
    session: AsyncSession, *, team_id: int | None, language: str | None, limit: int = 200
) -> list[Ticket]:
    """The waiting queue as tickets, in queue order, for the supervisors' view."""
    offered = select(Offer.ticket_id).where(Offer.status == "pending")
    query = (
        select(Ticket)
        .where(
            Ticket.assignee_id.is_(None),
            Ticket.status.in_(ACTIVE_STATUSES),
            Ticket.id.not_in(offered),
            Ticket.id.not_in(held_ticket_ids()),
        )
        .order_by(PRIORITY_ORDER, Ticket.created_at, Ticket.id)
        .limit(limit)
    )
    if team_id is not None:
        query = query.where(Ticket.team_id == team_id)
    if language is not None:
        query = query.where(Ticket.language == language)
    return list((await session.execute(query)).scalars())


@dataclass(frozen=True)
class QueuePosition:
    """Where a page of the waiting queue ended: the next page starts after it."""

    rank: int
    created_at: datetime
    ticket_id: int

    def encode(self) -> str:
        return f"{self.rank}~{self.created_at.isoformat()}~{self.ticket_id}"

    @classmethod
    def decode(cls, text: str) -> QueuePosition:
        try:
            rank, created, ticket_id = text.split("~")
            return cls(int(rank), datetime.fromisoformat(created), int(ticket_id))
        except ValueError as error:
            raise Invalid("after", "not a queue position this server gave out") from error


PRIORITIES_IN_QUEUE_ORDER = ("urgent", "high", "normal", "low")


def _waiting_query(team_ids: Sequence[int] | None, language: str | None) -> Select[Any]:
    offered = select(Offer.ticket_id).where(Offer.status == "pending")
    # The literal predicate of ix_tickets_waiting, so both databases use that index; the
    # conversations the bot holds (a handful beside the queue) are not waiting for people.
    query = select(Ticket).where(
        text(WAITING_PREDICATE), Ticket.id.not_in(offered), Ticket.id.not_in(held_ticket_ids())
    )
    if team_ids is not None:
        # Work no team has claimed yet is everyone's to see.
        query = query.where(or_(Ticket.team_id.in_(team_ids), Ticket.team_id.is_(None)))
    if language is not None:
        query = query.where(Ticket.language == language)
    return query


async def waiting_page(
    session: AsyncSession,
    *,
    team_ids: Sequence[int] | None,
    language: str | None = None,
    after: QueuePosition | None = None,
    limit: int = 50,
) -> tuple[list[Ticket], QueuePosition | None]:
    """One page of the waiting queue in queue order (priority, then oldest first).

    Read one priority at a time along ``ix_tickets_waiting`` with a keyset on
    (created_at, id), so a page of a queue of tens of thousands costs what a page of a
    short one does.
    """
    page: list[tuple[int, Ticket]] = []
    for rank, priority in enumerate(PRIORITIES_IN_QUEUE_ORDER):
        if after is not None and rank < after.rank:
            continue
        query = _waiting_query(team_ids, language).where(Ticket.priority == priority)
        if after is not None and rank == after.rank:
            query = query.where(
                tuple_(Ticket.created_at, Ticket.id)
                > tuple_(literal(after.created_at), literal(after.ticket_id))
            )
        wanted = limit + 1 - len(page)
        rows = (
            await session.execute(query.order_by(Ticket.created_at, Ticket.id).limit(wanted))
        ).scalars()
        page.extend((rank, ticket) for ticket in rows)
        if len(page) > limit:
            break
    tickets = [ticket for _, ticket in page[:limit]]
    if len(page) > limit:
        rank, last = page[limit - 1]
        return tickets, QueuePosition(rank, last.created_at, last.id)
    return tickets, None


async def waiting_count(
    session: AsyncSession,
    *,
    team_ids: Sequence[int] | None,
    language: str | None = None,
    cap: int = 10_000,
) -> int:
    """How many wait, counted up to ``cap + 1`` (more than ``cap`` reads as "cap+"),
    so the header of a huge queue costs no more than that of a long one."""
    waiting = _waiting_query(team_ids, language).with_only_columns(Ticket.id).limit(cap + 1)
    query = select(func.count()).select_from(waiting.subquery())
    return int((await session.execute(query)).scalar_one())


async def pending_offers(session: AsyncSession, agent_id: int, now: datetime) -> list[Offer]:
    """Chats offered to an agent that are still open to accept, oldest first."""
    query = (
        select(Offer)
        .where(Offer.agent_id == agent_id, Offer.status == "pending", Offer.expires_at > now)
        .order_by(Offer.id)
    )
    return list((await session.execute(query)).scalars())


@dataclass(frozen=True)
class QueueSummary:
    """Waiting work of one team in one language: how much, and since when."""

    team_id: int | None
    language: str
    waiting: int
    oldest: datetime


async def queue_summaries(session: AsyncSession) -> list[QueueSummary]:
    """The waiting queue per team and language, longest wait first (supervisors)."""
    waiting = _waiting_query(None, None).subquery()
    rows = (
        await session.execute(
            select(
                waiting.c.team_id, waiting.c.language, func.count(), func.min(waiting.c.created_at)
            ).group_by(waiting.c.team_id, waiting.c.language)
        )
    ).all()
    summaries = [
        QueueSummary(team, language, count, oldest) for team, language, count, oldest in rows
    ]
    return sorted(summaries, key=lambda s: s.oldest)
