"""The demo loader: a whole multilingual desk through the flows, once, on both back ends."""

from __future__ import annotations

from sqlalchemy import func, select

from cexdesk.agents.models import Agent
from cexdesk.app import AppContext
from cexdesk.core.audit import verify_chain
from cexdesk.customers.flows import LANGUAGES
from cexdesk.customers.models import Customer
from cexdesk.demo import loader
from cexdesk.tickets.models import Message, Ticket


async def _count(ctx: AppContext, model: type[object]) -> int:
    async with ctx.db.reading() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_demo_desk_is_complete_and_loads_once(ctx: AppContext) -> None:
    report = await loader.load(ctx)
    assert report is not None and report.tickets >= 200

    async with ctx.db.reading() as session:
        agents = (await session.execute(select(Agent.role, Agent.languages))).all()
        spoken = {language for _, languages in agents for language in languages}
        assert spoken == set(LANGUAGES)
        roles = {role for role, _ in agents}
        assert {"agent", "engineer", "expert", "vip_agent", "qa", "security", "supervisor",
                "admin"} <= roles  # fmt: skip
        vip = await session.execute(select(func.count()).where(Customer.vip_tier >= 1))
        assert vip.scalar_one() > 0
        statuses = set((await session.execute(select(Ticket.status).distinct())).scalars())
        assert {"new", "open", "pending", "on_hold", "solved"} <= statuses
        languages = set((await session.execute(select(Ticket.language).distinct())).scalars())
        assert len(languages) >= 8
        assert (await verify_chain(session)).ok

    counts = [await _count(ctx, model) for model in (Agent, Customer, Ticket, Message)]
    assert counts[2] == report.tickets
    # A second load finds the demo data and adds nothing; so does "load if empty".
    assert await loader.load(ctx) is None
    assert await loader.load_if_empty(ctx) is False
    assert [await _count(ctx, model) for model in (Agent, Customer, Ticket, Message)] == counts

    logins = await loader.logins(ctx)
    assert {login.role for login in logins} >= {"admin", "supervisor", "agent"}
    admin = next(login for login in logins if login.role == "admin")
    assert admin.totp_secret and admin.otpauth_uri.startswith("otpauth://totp/")


async def test_load_if_empty_leaves_a_used_database_alone(ctx: AppContext) -> None:
    from cexdesk.agents import flows as agent_flows
    from cexdesk.core import audit
    from cexdesk.core.auth import Role

    async with ctx.db.transaction() as session:
        await agent_flows.create_agent(
            session,
            agent_flows.NewAgent("own@example.com", "Own", Role.AGENT, "a long password"),
            actor=audit.SYSTEM,
        )
    assert await loader.load_if_empty(ctx) is False
    assert await _count(ctx, Ticket) == 0
