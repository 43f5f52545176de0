"""What the console's pages show, assembled from the domains' services (read only).

Nothing here decides anything: who may see a ticket is ``tickets.access``, the queue
order is ``routing.service``, the clocks are ``sla.service``. This only gathers what
one page needs into plain dataclasses for the templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents import service as agent_service
from cexdesk.agents.models import Agent, Team
from cexdesk.compensation import order_cancellations
from cexdesk.core.auth import ROLE_PERMISSIONS, Perm, Principal, Role
from cexdesk.customers import service as customer_service
from cexdesk.customers.models import Customer
from cexdesk.exchange.protocol import ExchangeBackOffice, ExchangeError, UnknownUser
from cexdesk.exchange.service import ExchangeNotConfigured, back_office
from cexdesk.exchange.values import (
    Deposit,
    DepositStatus,
    UserProfile,
    Withdrawal,
    WithdrawalStatus,
)
from cexdesk.kb import service as kb_service
from cexdesk.routing import escalation
from cexdesk.routing import service as routing_service
from cexdesk.routing.models import Escalation
from cexdesk.sla import service as sla_service
from cexdesk.tickets import access
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.models import Attachment, Macro, Message, Ticket
from cexdesk.watchlist import service as watchlist_service
from cexdesk.watchlist.models import WatchItem

QUEUE_PAGE = 50
QUEUE_COUNT_CAP = 10_000
OPEN_STATUSES = ("new", "open", "pending", "on_hold")


@dataclass(frozen=True)
class AgentHeader:
    agent: Agent
    team_ids: list[int]
    team_names: list[str]

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMISSIONS[Role(self.agent.role)]

    @property
    def supervises(self) -> bool:
        return self.can(Perm.TICKETS_ASSIGN_OTHERS)

    @property
    def administers(self) -> bool:
        return self.can(Perm.OUTBOX_MANAGE) or self.can(Perm.AUDIT_READ)


@dataclass(frozen=True)
class OfferView:
    id: int
    ticket: Ticket
    expires_at: datetime
    seconds_left: float


@dataclass(frozen=True)
class MessageView:
    message: Message
    author: str


@dataclass(frozen=True)
class AccountView:
    """The customer's account at the exchange, as the back office reports it now."""

    profile: UserProfile | None
    deposits: list[Deposit]
    withdrawals: list[Withdrawal]
    flags: list[str]  # risk flags an agent must not miss
    unavailable: str | None = None  # why nothing could be shown
    # Open spot orders, newest first, with any cancellation already asked for.
    orders: list[order_cancellations.OpenOrder] = field(default_factory=list)


RECENT = 5
OPEN_ORDERS = 50  # the newest; the API lists them all
SECURITY_CHANGE_WINDOW = timedelta(days=7)


def exchange_of(services: dict[str, Any]) -> ExchangeBackOffice | None:
    """This desk's exchange back office, or None where none is configured."""
    try:
        return back_office(services)
    except ExchangeNotConfigured:
        return None


async def account_view(
    session: AsyncSession, exchange: ExchangeBackOffice | None, uid: str | None, now: datetime
) -> AccountView | None:
    """Deposits, withdrawals and risk flags from the back office (None: not an exchange user)."""
    if uid is None:
        return None
    if exchange is None:
        return AccountView(None, [], [], [], "no exchange back office is configured")
    try:
        profile = await exchange.get_user(uid)
        deposits = await exchange.list_deposits(uid)
        withdrawals = await exchange.list_withdrawals(uid)
        orders = (await order_cancellations.open_orders(session, exchange, uid))[:OPEN_ORDERS]
    except UnknownUser:
        return AccountView(None, [], [], [], "the exchange does not know this user id")
    except ExchangeError as error:
        return AccountView(None, [], [], [], f"the back office did not answer: {error}")
    flags = []
    if profile.frozen:
        flags.append("account frozen")
    if profile.withdrawals_locked_until is not None and profile.withdrawals_locked_until > now:
        flags.append(
            f"withdrawals locked until {profile.withdrawals_locked_until:%Y-%m-%d %H:%M} UTC"
        )
    if profile.whitelist_only:
        flags.append("withdrawals to address book only")
    recent = [c for c in profile.security_changes if now - c.at <= SECURITY_CHANGE_WINDOW]
    for change in recent:
        flags.append(
            f"security change: {change.kind} from {change.country} on {change.at:%Y-%m-%d}"
        )
    held = [w for w in withdrawals if w.status == WithdrawalStatus.HELD]
    if held:
        flags.append(f"{len(held)} withdrawal(s) held for review")
    if any(d.status == DepositStatus.UNMATCHED for d in deposits):
        flags.append("an unmatched deposit (possible misdeposit)")
    newest_deposits = sorted(deposits, key=lambda d: d.transfer.block_time, reverse=True)
    newest_withdrawals = sorted(withdrawals, key=lambda w: w.requested_at, reverse=True)
    return AccountView(
        profile, newest_deposits[:RECENT], newest_withdrawals[:RECENT], flags, orders=orders
    )


@dataclass(frozen=True)
class Conversation:
    ticket: Ticket
    messages: list[MessageView]
    more_messages: bool
    customer: Customer | None
    customer_tickets: list[Ticket]
    clocks: list[sla_service.Clock]
    assignee: str | None
    # As the parent: the escalations it made; as a tier-2 child: the one it carries.
    escalations: list[Escalation]
    carried: Escalation | None
    can_escalate: bool
    # Who the viewer may hand it to (supervisors); empty for everyone else.
    assignable: list[Agent]
    macros: list[Macro]
    account: AccountView | None
    teams: list[Team]
    attachments: dict[int | None, list[Attachment]]  # by message id (None: not sent yet)
    suggested: list[kb_service.Shown]  # help articles for what the customer asked
    # The customer's latest messages on every channel, across all their conversations.
    timeline: list[Any]


@dataclass(frozen=True)
class QueuePage:
    tickets: list[Ticket]
    after: str | None
    waiting: str  # a count, or "10000+" past the cap
    team_names: list[str]


async def agent_header(session: AsyncSession, agent_id: int) -> AgentHeader:
    agent = await agent_service.get_agent(session, agent_id)
    assert agent is not None  # the session resolved to this agent a moment ago
    team_ids = (await agent_service.team_ids_of(session, [agent_id])).get(agent_id, [])
    teams = {t.id: t.name for t in await agent_service.list_teams(session)}
    return AgentHeader(agent, team_ids, [teams[i] for i in team_ids if i in teams])


async def _names(session: AsyncSession, agent_ids: Sequence[int | None]) -> dict[int, str]:
    return await agent_service.names_of(session, [a for a in agent_ids if a is not None])


def _author(message: Message, customer: Customer | None, agents: dict[int, str]) -> str:
    if message.author_type == "customer":
        return customer.display_name if customer else "Customer"
    if message.author_type == "agent" and message.author_id is not None:
        return agents.get(message.author_id, f"Agent {message.author_id}")
    return {"system": "cexdesk", "bot": "Assistant"}.get(message.author_type, message.author_type)


async def _attachments_by_message(
    session: AsyncSession, ticket_id: int
) -> dict[int | None, list[Attachment]]:
    grouped: dict[int | None, list[Attachment]] = {}
    for attachment in await ticket_service.attachments_of(session, ticket_id):
        grouped.setdefault(attachment.message_id, []).append(attachment)
    return grouped


SUGGESTED = 3
TIMELINE = 15


async def _suggested(
    session: AsyncSession, ticket: Ticket, messages: Sequence[Message]
) -> list[kb_service.Shown]:
    """Help articles for the subject and what the customer wrote last, in their language."""
    asked = [m.body for m in messages if m.author_type == "customer"][-2:]
    return await kb_service.search_articles(
        session, ticket.language, " ".join([ticket.subject, *asked])[:2000], limit=SUGGESTED
    )


async def conversation(
    session: AsyncSession,
    viewer: Principal,
    ticket_id: int,
    exchange: ExchangeBackOffice | None = None,
    *,
    panel: bool = True,
) -> Conversation:
    """Everything the conversation view shows, for a staff member who may read it."""
    ticket = await access.access_ticket_by_id(session, viewer, ticket_id)
    messages, next_id = await ticket_service.messages_page(
        session, ticket.id, include_internal=True, limit=ticket_service.MESSAGES_PAGE
    )
    customer = await customer_service.get_customer(session, ticket.requester_id)
    agents = await _names(session, [m.author_id for m in messages if m.author_type == "agent"]
                          + [ticket.assignee_id])  # fmt: skip
    now = session.info["clock"].now()
    others, _ = await ticket_service.list_tickets(
        session,
        ticket_service.TicketFilters(requester_id=ticket.requester_id, status=OPEN_STATUSES),
        before_id=None,
        limit=10,
    )
    rows = await escalation.escalations_of(session, ticket.id)
    carried = next((r for r in rows if r.child_id == ticket.id), None)
    made = [r for r in rows if r.parent_id == ticket.id]
    can_escalate = (
        carried is None
        and ticket.channel not in ticket_service.STAFF_ONLY_CHANNELS
        and ticket.status not in ("solved", "closed")
        and not any(r.resolved_at is None for r in made)
    )
    return Conversation(
        ticket=ticket,
        messages=[MessageView(m, _author(m, customer, agents)) for m in messages],
        more_messages=next_id is not None,
        customer=customer,
        customer_tickets=[t for t in others if t.id != ticket.id],
        clocks=await sla_service.clocks_of(session, ticket.id, now),
        assignee=agents.get(ticket.assignee_id) if ticket.assignee_id else None,
        escalations=made,
        carried=carried,
        can_escalate=can_escalate,
        # The side panel and the forms; the live refresh of the timeline goes without.
        assignable=(
            await assignable_agents(session)
            if panel and viewer.can(Perm.TICKETS_ASSIGN_OTHERS)
            else []
        ),
        macros=await ticket_service.list_macros(session) if panel else [],
        account=(
            await account_view(session, exchange, customer.exchange_uid if customer else None, now)
            if panel
            else None
        ),
        teams=await agent_service.list_teams(session) if panel else [],
        attachments=await _attachments_by_message(session, ticket.id),
        suggested=await _suggested(session, ticket, messages) if panel else [],
        timeline=(
            (
                await customer_service.timeline(
                    session, ticket.requester_id, include_internal=False, limit=TIMELINE
                )
            )[0]
            if panel
            else []
        ),
    )


async def pending_offers(session: AsyncSession, agent_id: int, now: datetime) -> list[OfferView]:
    views = []
    for offer in await routing_service.pending_offers(session, agent_id, now):
        ticket = await ticket_service.get_ticket(session, offer.ticket_id)
        if ticket is not None:
            left = (offer.expires_at - now).total_seconds()
            views.append(OfferView(offer.id, ticket, offer.expires_at, left))
    return views


async def my_conversations(session: AsyncSession, agent_id: int) -> list[Ticket]:
    """What I am working on: my open tickets, newest first (capacity keeps it short)."""
    tickets, _ = await ticket_service.list_tickets(
        session,
        ticket_service.TicketFilters(assignee_id=agent_id, status=OPEN_STATUSES),
        before_id=None,
        limit=100,
    )
    return tickets


async def team_queue(session: AsyncSession, agent_id: int, after: str | None) -> QueuePage:
    header = await agent_header(session, agent_id)
    position = routing_service.QueuePosition.decode(after) if after else None
    tickets, last = await routing_service.waiting_page(
        session, team_ids=header.team_ids or None, after=position, limit=QUEUE_PAGE
    )
    waiting = await routing_service.waiting_count(
        session, team_ids=header.team_ids or None, cap=QUEUE_COUNT_CAP
    )
    shown = f"{QUEUE_COUNT_CAP}+" if waiting > QUEUE_COUNT_CAP else str(waiting)
    return QueuePage(tickets, last.encode() if last else None, shown, header.team_names)


@dataclass(frozen=True)
class QueueRow:
    team: str
    language: str
    waiting: int
    oldest_wait_seconds: float


@dataclass(frozen=True)
class AgentRow:
    agent: Agent
    active_chats: int
    active_tickets: int


@dataclass(frozen=True)
class Board:
    queues: list[QueueRow]
    agents: list[AgentRow]
    watch: list[tuple[WatchItem, Ticket]]
    attainment: list[sla_service.Attainment]
    day_start: datetime


async def supervisor_board(session: AsyncSession, now: datetime) -> Board:
    """Queues per team and language, who is working and how loaded, the watch list and
    today's SLA attainment (UTC day)."""
    teams = {t.id: t.name for t in await agent_service.list_teams(session)}
    queues = [
        QueueRow(
            teams.get(s.team_id, "no team yet") if s.team_id else "no team yet",
            s.language,
            s.waiting,
            (now - s.oldest).total_seconds(),
        )
        for s in await routing_service.queue_summaries(session)
    ]
    working: list[Agent] = []
    for presence in ("online", "away"):
        found, _ = await agent_service.list_agents(
            session, presence=presence, active=True, limit=200
        )
        working.extend(found)
    loads = {
        s.id: s
        for s in await routing_service.agent_snapshots(
            session, [a.id for a in working], online_only=False
        )
    }
    agents = [
        AgentRow(a, loads[a.id].active_chats if a.id in loads else 0,
                 loads[a.id].active_tickets if a.id in loads else 0)
        for a in sorted(working, key=lambda a: (a.presence != "online", a.display_name))
    ]  # fmt: skip
    watch, _ = await watchlist_service.open_items(session, limit=30)
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    attainment = await sla_service.attainment_since(session, day_start)
    return Board(queues, agents, watch, attainment, day_start)


async def assignable_agents(session: AsyncSession) -> list[Agent]:
    """Who a supervisor may hand a conversation to: active agents, online first."""
    agents, _ = await agent_service.list_agents(session, active=True, limit=500)
    return sorted(agents, key=lambda a: (a.presence != "online", a.display_name))
