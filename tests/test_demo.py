"""The demo loader: a whole multilingual desk through the flows, once, on both back ends."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from cexdesk.agents.models import Agent
from cexdesk.app import AppContext
from cexdesk.core.audit import verify_chain
from cexdesk.customers.flows import LANGUAGES
from cexdesk.customers.models import Customer
from cexdesk.demo import loader
from cexdesk.demo.exchange import build_exchange
from cexdesk.demo.plan import plan
from cexdesk.exchange.service import back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.recovery.engine import MisdepositCase, classify_case
from cexdesk.recovery.evidence import gather_facts
from cexdesk.tickets.models import Message, Ticket
from tests.personas import Desk


async def _count(ctx: AppContext, model: type[object]) -> int:
    async with ctx.db.reading() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_demo_desk_is_complete_and_loads_once(desk: Desk) -> None:
    ctx = desk.ctx
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

    await _the_exchange_knows_the_demo_customers(desk)


async def _ticket_about(ctx: AppContext, subcategory: str) -> tuple[int, str, str]:
    """The first demo ticket on ``subcategory``: its id, requester's uid and first message."""
    async with ctx.db.reading() as session:
        row = (
            await session.execute(
                select(Ticket.id, Customer.exchange_uid, Message.body)
                .join(Customer, Customer.id == Ticket.requester_id)
                .join(Message, Message.ticket_id == Ticket.id)
                .where(Ticket.subcategory == subcategory)
                .order_by(Ticket.id, Message.id)
                .limit(1)
            )
        ).one()
    return row.id, row.exchange_uid, row.body


async def _the_exchange_knows_the_demo_customers(desk: Desk) -> None:
    ctx = desk.ctx
    exchange = back_office(ctx.services)
    assert isinstance(exchange, SimulatedExchange)
    async with ctx.db.reading() as session:
        customers = (
            await session.execute(
                select(
                    Customer.exchange_uid, Customer.language, Customer.vip_tier, Customer.kyc_state
                ).order_by(Customer.id)
            )
        ).all()
    # Every demo customer, once, as the desk shows them (the desk's "failed" is "rejected").
    assert sorted(exchange.user_ids()) == sorted(c.exchange_uid for c in customers)
    for customer in customers[:20]:
        assert customer.exchange_uid is not None
        profile = await exchange.get_user(customer.exchange_uid)
        assert (profile.language, profile.vip_tier) == (customer.language, customer.vip_tier)
        kyc = {"failed": "rejected"}.get(customer.kyc_state, customer.kyc_state)
        assert profile.kyc == kyc
        assert profile.registered_at < ctx.clock.now()

    # A demo agent opens a ticket of a customer who trades: the panel shows their money.
    async with ctx.db.reading() as session:
        rows = await session.execute(
            select(Ticket.id, Customer.exchange_uid)
            .join(Customer, Customer.id == Ticket.requester_id)
            .where(Customer.vip_tier >= 1)
            .order_by(Ticket.id)
        )
        ticket_id, uid = rows.first()  # type: ignore[misc]
    orders = await exchange.list_open_orders(uid)
    deposits = await exchange.list_deposits(uid)
    assert orders and deposits
    console = desk.anonymous()
    signed_in = await console.post(
        "/console/login",
        data={"email": "tom@demo.cexdesk.dev", "password": loader.DEMO_PASSWORD},
    )
    assert signed_in.status_code == 303, signed_in.text
    page = (await console.get(f"/console/tickets/{ticket_id}")).text
    assert "At the exchange" in page and "does not know" not in page
    assert re.search(r'state-credited">credited</span> [0-9.]+ \w+ · \w+', page)
    assert re.search(r'state-(broadcast|requested|held)">', page)
    newest = max(orders, key=lambda o: o.placed_at)
    assert newest.id in page

    # The XRP a missing-memo ticket names reached the shared address without its tag; the
    # recovery engine calls it that case, and the tag the ticket quotes is the writer's.
    _, uid, body = await _ticket_about(ctx, "missing-memo")
    tx = re.search(r"\b[0-9A-F]{64}\b", body)
    assert tx is not None
    [transfer] = await exchange.find_transfers("XRP", tx.group())
    assert transfer.memo is None
    facts = await gather_facts(exchange, transfer, None)
    assert classify_case(facts) is MisdepositCase.MISSING_MEMO
    memo = (await exchange.deposit_address(uid, "XRP")).memo
    assert memo is not None and memo in body

    # USDT over BNB Smart Chain to the ERC20 address the wrong-network ticket quotes.
    ticket_id, uid, body = await _ticket_about(ctx, "wrong-network")
    address = (await exchange.deposit_address(uid, "ETH")).address
    assert address.lower() in body.lower()
    page = (await console.get(f"/console/tickets/{ticket_id}")).text
    assert "an unmatched deposit (possible misdeposit)" in page
    [wrong] = [d for d in await exchange.list_deposits(uid) if d.transfer.chain == "BSC"]
    assert classify_case(await gather_facts(exchange, wrong.transfer, None)) is (
        MisdepositCase.WRONG_NETWORK
    )

    # Someone is under the 24-hour lock after a 2FA change, with a withdrawal waiting.
    now = ctx.clock.now()
    profiles = [await exchange.get_user(uid) for uid in exchange.user_ids()]
    locked = [
        p for p in profiles if p.withdrawals_locked_until and p.withdrawals_locked_until > now
    ]
    assert locked and any(c.kind == "2fa" for c in locked[0].security_changes)
    waiting = await exchange.list_withdrawals(locked[0].user_id)
    assert any(w.status == "requested" for w in waiting)
    assert any(p.frozen for p in profiles)
    held = [w for uid in exchange.user_ids() for w in await exchange.list_withdrawals(uid)]
    assert any(w.status == "held" for w in held)

    # Built again (a restart), the exchange is the same world.
    again = build_exchange(ctx.clock)
    assert again.user_ids() == exchange.user_ids()
    assert [d.id for d in await again.list_deposits(uid)] == [
        d.id for d in await exchange.list_deposits(uid)
    ]
    assert len(plan().customers) == len(customers)


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
