"""Load the demo desk through the domains' flows, in one transaction, deterministically.

Tickets are replayed as a timeline over the last three weeks: each step (a customer
opens a ticket, an agent answers, the customer writes back, the ticket is solved) runs
through ``tickets.flows`` with the session's clock set to the moment it happened, so
messages, events, audit entries and timers carry consistent times. Solved tickets
whose auto-close time has passed are closed by the ticket timers once the runner
starts, exactly as in production.
"""

from __future__ import annotations

import heapq
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pyotp
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents import flows as agent_flows
from cexdesk.agents.models import Agent, Team
from cexdesk.core import audit
from cexdesk.core.security import ExchangeIdentity, sign_exchange_token
from cexdesk.core.settings import DEMO_EXCHANGE_TOKEN_KEY
from cexdesk.customers import flows as customer_flows
from cexdesk.customers.models import CustomerIdentity
from cexdesk.demo import macros as demo_macros
from cexdesk.demo import people
from cexdesk.demo.plan import (
    HISTORY,
    SEED,
    DemoCustomer,
    DemoPlan,
    PlannedTicket,
)
from cexdesk.demo.plan import plan as demo_plan
from cexdesk.demo.scenarios import FOLLOW_UPS, REPLIES
from cexdesk.kb import content as kb_content
from cexdesk.kb import flows as kb_flows
from cexdesk.official import flows as official_flows
from cexdesk.official.check import Kind
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets.models import Ticket

if TYPE_CHECKING:
    from cexdesk.app import AppContext

DEMO_PASSWORD = "cexdesk-demo"  # noqa: S105 — printed on purpose: demo logins only
DEMO_LOCK_ID = 7210003


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    name: str
    totp_secret: str | None

    @property
    def otpauth_uri(self) -> str:
        if not self.totp_secret:
            return ""
        return pyotp.TOTP(self.totp_secret).provisioning_uri(
            name=self.email, issuer_name="cexdesk demo"
        )


@dataclass
class LoadReport:
    agents: int = 0
    customers: int = 0
    tickets: int = 0
    steps: int = 0


def current_totp(secret: str) -> str:
    return pyotp.TOTP(secret).now()


class _SteppedClock:
    """The session's clock while the history is replayed: it reads what the loader set."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def now(self) -> datetime:
        return self.at

    async def sleep(self, seconds: float) -> None:  # pragma: no cover - never waits
        return None


async def demo_present(session: AsyncSession) -> bool:
    found = await session.execute(select(Team.id).where(Team.slug == people.MARKER_TEAM))
    return found.first() is not None


async def database_empty(session: AsyncSession) -> bool:
    agents = (await session.execute(select(func.count()).select_from(Agent))).scalar_one()
    tickets = (await session.execute(select(Ticket.id).limit(1))).first()
    return agents == 0 and tickets is None


async def load(context: AppContext, *, seed: int = SEED) -> LoadReport | None:
    """Load the demo data unless it is already there; None when nothing was done."""
    return await _load(context, seed=seed, only_if_empty=False)


async def load_if_empty(context: AppContext, *, seed: int = SEED) -> bool:
    """Load the demo data into a database that holds no agents and no tickets yet."""
    return await _load(context, seed=seed, only_if_empty=True) is not None


async def _load(context: AppContext, *, seed: int, only_if_empty: bool) -> LoadReport | None:
    async with context.db.transaction() as session:
        if context.db.dialect == "postgresql":
            # Two processes starting on one empty database: the second waits, then sees it.
            await session.execute(text(f"SELECT pg_advisory_xact_lock({DEMO_LOCK_ID})"))
        if await demo_present(session):
            return None
        if only_if_empty and not await database_empty(session):
            return None
        # The real clock of the process is "now"; history is replayed before it.
        clock = _SteppedClock(context.clock.now())
        session.info["clock"] = clock
        try:
            return await _Builder(session, clock, demo_plan(seed)).build()
        finally:
            session.info["clock"] = context.clock


async def logins(context: AppContext) -> list[DemoLogin]:
    """The featured demo logins as stored now (TOTP secrets are per installation)."""
    featured = [a.email for a in people.AGENTS if a.featured]
    async with context.db.reading() as session:
        rows = await session.execute(
            select(Agent.email, Agent.role, Agent.display_name, Agent.totp_secret).where(
                Agent.email.in_(featured)
            )
        )
        by_email = {row.email: DemoLogin(row.role, row.email, row.display_name, row.totp_secret)
                    for row in rows}  # fmt: skip
    return [by_email[email] for email in featured if email in by_email]


def customer_token(exchange_token_key: str, now: datetime, uid: str = "demo-10000001") -> str:
    """A short-lived signed end-user token for a demo customer (demo key only)."""
    if exchange_token_key != DEMO_EXCHANGE_TOKEN_KEY:
        raise ValueError("customer tokens are minted here only with the demo exchange key")
    stamp = int(now.timestamp())
    return sign_exchange_token(exchange_token_key, {"uid": uid, "iat": stamp, "exp": stamp + 900})


Step = Callable[[], Awaitable[None]]

# The demo exchange's own channels: anything else that claims to be support is not.
OFFICIAL_CHANNELS = (
    (Kind.DOMAIN, "demo.cexdesk.dev", "The exchange's website and e-mail"),
    (Kind.TELEGRAM, "cexdesk_support_bot", "Support bot on Telegram"),
    (Kind.X, "cexdesk_support", "Support on X"),
    (Kind.PHONE, "+442080000000", "Support hotline (calls back only, never asks for codes)"),
)


@dataclass(order=True)
class _Planned:
    at: datetime
    order: int
    step: Step = field(compare=False)


class _Builder:
    def __init__(self, session: AsyncSession, clock: _SteppedClock, plan: DemoPlan) -> None:
        self.session = session
        self.clock = clock
        self.plan = plan
        self.end = clock.at
        self.report = LoadReport()
        self.teams: dict[str, int] = {}
        self.agents: dict[str, int] = {}
        self.customer_ids: dict[int, int] = {}  # plan's number -> customers.id
        self.tickets: dict[int, Ticket] = {}
        self._timeline: list[_Planned] = []
        self._order = 0

    async def build(self) -> LoadReport:
        # Staff and customers exist before the history starts.
        self.clock.at = self.end - HISTORY - timedelta(days=30)
        await self._teams_and_agents()
        await self._macros()
        await self._official_channels()
        # The starter knowledge base shipped with cexdesk, published as written.
        await kb_flows.load_content(self.session, kb_content.read_articles(), audit.SYSTEM)
        await self._customers(self.plan.customers)
        for ticket in self.plan.tickets:
            self._schedule(ticket)
        while self._timeline:
            planned = heapq.heappop(self._timeline)
            self.clock.at = planned.at
            await planned.step()
            self.report.steps += 1
        self.clock.at = self.end
        await self.session.flush()
        return self.report

    # Staff

    async def _official_channels(self) -> None:
        """What users can check an address against (the KB's phishing articles send them)."""
        for kind, value, label in OFFICIAL_CHANNELS:
            await official_flows.add_channel(self.session, self.agents["ada"], kind, value, label)

    async def _macros(self) -> None:
        for macro in demo_macros.MACROS:
            await ticket_flows.save_macro(
                self.session, author=ticket_flows.SYSTEM, name=macro.name, texts=macro.texts,
                category=macro.category, set_status=macro.set_status,
            )  # fmt: skip

    async def _teams_and_agents(self) -> None:
        for team in people.TEAMS:
            row = await agent_flows.create_team(
                self.session, team.slug, team.name, team.kind, team.description
            )
            self.teams[team.slug] = row.id
        for demo in people.AGENTS:
            agent = await agent_flows.create_agent(
                self.session,
                agent_flows.NewAgent(
                    email=demo.email,
                    display_name=demo.name,
                    role=demo.role,
                    password=DEMO_PASSWORD,
                    tier=demo.tier,
                    languages=demo.languages,
                    categories=demo.categories,
                    is_vip=demo.role.value == "vip_agent",
                    chat_capacity=4 if demo.tier == 1 else 2,
                    ticket_capacity=25 if demo.tier == 1 else 12,
                ),
                actor=audit.SYSTEM,
            )
            self.agents[demo.key] = agent.id
            for slug in demo.teams:
                await agent_flows.add_to_team(self.session, self.teams[slug], agent.id)
            self.report.agents += 1

    # Customers

    async def _customers(self, customers: tuple[DemoCustomer, ...]) -> None:
        for planned in customers:
            identity = ExchangeIdentity(
                uid=planned.uid,
                name=planned.name,
                email=None,
                language=planned.language,
                region=planned.region,
                vip_tier=planned.vip_tier,
                kyc_state=planned.kyc_state,
                issued_at=0,
                expires_at=0,
            )
            customer = await customer_flows.sync_exchange_customer(self.session, identity)
            await self.session.flush()
            # No flow adds channel identities yet (intake will); these rows say where the
            # customer can be reached, as the exchange's records would.
            for channel, address in planned.identities:
                self.session.add(
                    CustomerIdentity(
                        customer_id=customer.id,
                        channel=channel,
                        address=address,
                        verified=channel == "email",
                        created_at=self.clock.at,
                    )
                )
            self.customer_ids[planned.number] = customer.id
            self.report.customers += 1

    # Tickets

    def _at(self, when: datetime, step: Step) -> None:
        if when <= self.end:
            self._order += 1
            heapq.heappush(self._timeline, _Planned(when, self._order, step))

    def _schedule(self, planned: PlannedTicket) -> None:
        number, scenario, agent = planned.number, planned.scenario, planned.agent
        customer_id = self.customer_ids[planned.customer.number]
        subject, body = scenario.opening[planned.language]

        async def opening() -> None:
            created = await ticket_flows.create_ticket(
                self.session,
                customer_id,
                subject.format(**planned.details),
                body.format(**planned.details),
                planned.channel,
                priority=planned.priority,
                category=scenario.category,
                subcategory=scenario.subcategory,
                language=planned.language,
                tags=scenario.tags,
                team_id=self.teams[planned.team],
            )
            self.tickets[number] = created.ticket
            self.report.tickets += 1

        opened = self.end - planned.age
        self._at(opened, opening)
        first = opened + planned.first_reply_after
        if planned.note is not None:
            written = opened + (first - opened) * 0.8
            self._at(written, self._note(number, agent, planned.note))
        if scenario.complaint:
            self._at(opened + (first - opened) * 0.9, self._flag_complaint(number, agent))
        replies = REPLIES[planned.language if planned.language in REPLIES else "en"]
        first_text = replies[1] if planned.asks and len(replies) > 2 else replies[0]
        status = "pending" if planned.asks else "open"
        self._at(first, self._reply(number, agent, first_text, status))
        if planned.customer_after is None:
            return
        language = planned.language
        follow_ups = FOLLOW_UPS[language if language in FOLLOW_UPS else "en"]
        said = follow_ups[1] if planned.asks and len(follow_ups) > 2 else follow_ups[0]
        answered = first + planned.customer_after
        self._at(answered, self._customer_says(number, customer_id, said))
        if planned.last_after is None:
            return
        later = answered + planned.last_after
        if planned.engineer is not None:
            self._at(later, self._escalate(number, planned.engineer))
            return
        self._at(later, self._reply(number, agent, replies[-1], "solved"))

    def _note(self, number: int, agent: str, body: str) -> Step:
        async def step() -> None:
            ticket = self.tickets[number]
            author = ticket_flows.Author("agent", self.agents[agent])
            await ticket_flows.add_note(self.session, ticket, author, body)

        return step

    def _flag_complaint(self, number: int, agent: str) -> Step:
        async def step() -> None:
            author = ticket_flows.Author("agent", self.agents[agent])
            await ticket_flows.update_ticket(
                self.session, self.tickets[number], {"is_complaint": True}, author=author
            )

        return step

    def _reply(self, number: int, agent: str, body: str, status: str) -> Step:
        async def step() -> None:
            author = ticket_flows.Author("agent", self.agents[agent])
            await ticket_flows.add_reply(
                self.session, self.tickets[number], author, body, status=status
            )

        return step

    def _customer_says(self, number: int, customer_id: int, body: str) -> Step:
        async def step() -> None:
            author = ticket_flows.Author("customer", customer_id)
            await ticket_flows.add_reply(self.session, self.tickets[number], author, body)

        return step

    def _escalate(self, number: int, engineer: str) -> Step:
        """Tier 1 hands the case to a support engineer and waits on them (on-hold)."""

        async def step() -> None:
            ticket = self.tickets[number]
            author = ticket_flows.Author("agent", ticket.assignee_id)
            await ticket_flows.add_note(
                self.session, ticket, author, "Escalating to tier 2: needs an on-chain check."
            )
            await ticket_flows.update_ticket(
                self.session,
                ticket,
                {
                    "assignee_id": self.agents[engineer],
                    "team_id": self.teams["t2-engineers"],
                    "status": "on_hold",
                    "add_tags": ["escalated"],
                },
                author=author,
            )

        return step


__all__ = [
    "DEMO_PASSWORD",
    "DemoLogin",
    "LoadReport",
    "current_totp",
    "customer_token",
    "load",
    "load_if_empty",
    "logins",
]
