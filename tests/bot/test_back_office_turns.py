"""The bot's turn runs after the customer's message is committed: its back-office
lookups hold no transaction, a back office that fails or does not answer makes the bot
say it cannot check and hand over, and a turn a crash left unanswered is answered at
start, once."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from sqlalchemy import func, select, update

from cexdesk.app import AppContext
from cexdesk.bot import flows as bot_flows
from cexdesk.bot.models import BotSession, BotTurn
from cexdesk.bot.texts import bot_text
from cexdesk.channels import inbound
from cexdesk.channels.chat import CHANNEL, parse
from cexdesk.channels.models import InboundPayload
from cexdesk.core.clock import FakeClock
from cexdesk.exchange.protocol import ExchangeError
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.values import UserProfile, Withdrawal
from cexdesk.tickets.models import Message, Ticket
from tests.bot.conftest import bot_says
from tests.bot.test_conversations import clocks, notes, offers, sessions
from tests.channels.test_chat import chat
from tests.personas import Desk

QUESTION = "Where is my withdrawal? It has not arrived in my wallet"


class SilentBackOffice(SimulatedExchange):
    """A back office that takes the account's requests and never answers them."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock, seed=1)
        self.asked = asyncio.Event()

    async def _never(self) -> None:
        self.asked.set()
        await asyncio.Event().wait()

    async def list_withdrawals(self, user_id: str) -> list[Withdrawal]:
        await self._never()
        raise AssertionError("unreachable")

    async def get_user(self, user_id: str) -> UserProfile:
        await self._never()
        raise AssertionError("unreachable")


class FailingBackOffice(SimulatedExchange):
    """A back office that is down: every account request fails as the client reports it."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock, seed=1)
        self.asked = asyncio.Event()

    async def list_withdrawals(self, user_id: str) -> list[Withdrawal]:
        self.asked.set()
        raise ExchangeError("back office unreachable: connection refused")

    async def get_user(self, user_id: str) -> UserProfile:
        self.asked.set()
        raise ExchangeError("back office unreachable: connection refused")


@pytest.mark.parametrize("back_office", [SilentBackOffice, FailingBackOffice])
async def test_a_back_office_that_fails_or_is_silent_makes_the_bot_hand_over(
    desk: Desk, ctx: AppContext, base_url: str, clock: FakeClock,
    back_office: type[SilentBackOffice] | type[FailingBackOffice],
) -> None:  # fmt: skip
    exchange = back_office(clock)
    exchange.add_user("uid-alice")
    use_back_office(ctx.services, exchange)
    ctx.services[bot_flows.LOOKUP_TIMEOUT_KEY] = 1.0
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        ack = await conversation.say(QUESTION)
        assert ack["type"] == "ack"  # stored and acknowledged before the back office is asked
        await asyncio.wait_for(exchange.asked.wait(), 5)
        # While the back office is being asked, nothing holds the writer or the ticket.
        async with asyncio.timeout(0.5):
            async with ctx.db.transaction() as session:
                await session.execute(
                    update(Ticket).where(Ticket.id == ack["ticket_id"]).values(subject="x")
                )
        reply = await bot_says(conversation, desk)
    assert reply["body"] == bot_text("lookup_unavailable", "en")
    [held] = await sessions(ctx, ack["ticket_id"])
    assert (held.status, held.handoff_reason) == ("handed_off", bot_flows.REASON_UNAVAILABLE)
    [note] = await notes(ctx, ack["ticket_id"])
    assert f"Customer: {QUESTION}" in note and "exchange unavailable" in note
    await desk.settle()
    assert "first_reply" in await clocks(ctx, ack["ticket_id"])


async def test_a_turn_left_unanswered_by_a_crash_is_answered_at_start_once(
    desk: Desk, ctx: AppContext, base_url: str, kb: None
) -> None:
    bob = await desk.customer("bob", lang="en")
    async with chat(base_url, bob.token) as conversation:
        await conversation.receive()
        ack = await conversation.say("What are your trading fees for spot and futures?")
        await bot_says(conversation, desk)
    ticket_id = ack["ticket_id"]
    # The next message is stored and committed as the socket stores it, bot-held in its
    # own transaction; the process dies before the bot's turn.
    raw = json.dumps({"type": "message", "client_id": str(uuid.uuid4()),
                      "text": "How do I create an API key?"})  # fmt: skip
    async with ctx.db.transaction() as session:
        stored = await inbound.store(
            session, CHANNEL, f"{bob.id}:crash", parse.envelope(bob.id, raw),
            "application/json", queued=False,
        )  # fmt: skip
        await inbound.process(session, stored.payload_id, parse.parse)
        payload = await session.get(InboundPayload, stored.payload_id)
        assert payload is not None and payload.ticket_id == ticket_id
        message_id = payload.message_id
        assert message_id is not None
        assert await bot_flows.take(session, ctx.services, ticket_id, message_id)
    await desk.settle()
    # In between, people's routing leaves the conversation alone: the bot holds it.
    assert await offers(ctx, ticket_id) == []
    assert await bot_flows.pending(ctx.db) == [(ticket_id, message_id)]

    restarted = bot_flows.PendingTurns(ctx.db, ctx.services)
    assert await restarted.run() == 1
    assert await restarted.run() == 0  # idempotent by message id
    assert await bot_flows.answer(ctx.db, ctx.services, ticket_id, message_id) is None
    assert await bot_flows.pending(ctx.db) == []
    async with ctx.db.reading() as session:
        answered = await session.scalar(
            select(func.count()).select_from(BotTurn).where(BotTurn.message_id == message_id)
        )
        replies = list(
            (
                await session.execute(
                    select(Message.body)
                    .where(Message.ticket_id == ticket_id, Message.author_type == "bot")
                    .order_by(Message.id)
                )
            ).scalars()
        )
        active = await session.scalar(
            select(func.count()).select_from(BotSession).where(BotSession.status == "active")
        )
    assert answered == 1 and len(replies) == 2 and active == 1
    assert "/help/en/articles/api-keys" in replies[1]
