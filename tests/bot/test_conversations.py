"""The bot on the live chat, end to end: a real websocket, the simulated exchange, the
starter knowledge base, routing and the SLA clocks (named personas, fake clock)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from cexdesk.app import AppContext
from cexdesk.bot.models import BotSession, BotTurn
from cexdesk.bot.texts import bot_text
from cexdesk.core.clock import FakeClock
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import ChainTransfer
from cexdesk.routing.models import Offer
from cexdesk.sla.models import SlaMetricInstance
from cexdesk.tickets.models import Message, Ticket
from tests.bot.conftest import bot_says, turn_done
from tests.channels.test_chat import chat
from tests.personas import Desk
from tests.web.test_console_pages import console_client


async def ticket_of(ctx: AppContext, ticket_id: int) -> Ticket:
    async with ctx.db.reading() as session:
        ticket = await session.get(Ticket, ticket_id)
        assert ticket is not None
        session.expunge(ticket)
        return ticket


async def notes(ctx: AppContext, ticket_id: int) -> list[str]:
    async with ctx.db.reading() as session:
        rows = await session.execute(
            select(Message.body).where(Message.ticket_id == ticket_id, Message.internal.is_(True))
        )
        return list(rows.scalars())


async def sessions(ctx: AppContext, ticket_id: int) -> list[BotSession]:
    async with ctx.db.reading() as session:
        rows = await session.execute(
            select(BotSession).where(BotSession.ticket_id == ticket_id).order_by(BotSession.id)
        )
        found = list(rows.scalars())
        session.expunge_all()
        return found


async def offers(ctx: AppContext, ticket_id: int) -> list[Offer]:
    async with ctx.db.reading() as session:
        found = list(
            (await session.execute(select(Offer).where(Offer.ticket_id == ticket_id))).scalars()
        )
        session.expunge_all()
        return found


async def clocks(ctx: AppContext, ticket_id: int) -> set[str]:
    """The SLA metrics running (or run) on a ticket."""
    async with ctx.db.reading() as session:
        rows = await session.execute(
            select(SlaMetricInstance.metric).where(SlaMetricInstance.ticket_id == ticket_id)
        )
        return set(rows.scalars())


@pytest.mark.parametrize(
    ("name", "lang", "question", "title"),
    [
        ("alice", "en", "What are your trading fees for spot and futures?", "Trading fees: maker"),
        ("bob", "vi", "Phí giao dịch spot và futures là bao nhiêu?", None),
        ("carol", "zh-Hans", "现货和合约的交易手续费是多少？", None),
    ],
)
async def test_a_faq_is_answered_with_the_article_linked_in_the_customers_language(
    desk: Desk, ctx: AppContext, base_url: str, kb: None,
    name: str, lang: str, question: str, title: str | None,
) -> None:  # fmt: skip
    customer = await desk.customer(name, lang=lang)
    tom = await desk.staff("tom")
    online = await tom.patch(f"/api/v1/agents/{tom.id}", json={"presence": "online"})
    assert online.status_code == 200, online.text
    sam = await desk.staff("sam")
    article = (await customer.get(f"/api/v1/kb/articles/trading-fees?lang={lang}")).json()
    assert article["language"] == lang
    assert title is None or article["title"].startswith(title)
    async with chat(base_url, customer.token) as conversation:
        await conversation.receive()  # hello
        ack = await conversation.say(question)
        answer = await bot_says(conversation, desk)
    url = f"/help/{lang}/articles/trading-fees"
    assert article["title"] in answer["body"] and url in answer["body"]
    assert answer["buttons"] == ["solved"]  # a real answer: the widget offers "solved"
    assert answer["body"].startswith(
        bot_text("article_intro", lang, title=article["title"], url=url)
    )
    await desk.settle()
    # The bot holds the conversation: nobody is offered it, no clock runs for people.
    ticket = await ticket_of(ctx, ack["ticket_id"])
    assert (ticket.status, ticket.assignee_id) == ("new", None)
    assert await offers(ctx, ticket.id) == []
    assert await clocks(ctx, ticket.id) == set()
    queue = (await sam.get("/api/v1/routing/queue")).json()
    assert ticket.id not in [t["ticket_id"] for t in queue]
    async with ctx.db.reading() as session:
        turn = (await session.execute(select(BotTurn))).scalar_one()
        session.expunge(turn)
    assert (turn.intent, turn.answer_kind, turn.article_slug) == ("fees", "article", "trading-fees")
    assert turn.language == lang and turn.latency_ms > 0


async def test_a_deposit_without_its_memo_is_recognised_and_a_claim_offered(
    desk: Desk, ctx: AppContext, base_url: str, kb: None, traffic: TrafficGenerator
) -> None:
    traffic.exchange.add_user("uid-alice")
    scenario = traffic.misdeposit("missing_memo", "uid-alice")
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        await conversation.say(f"I sent {scenario.transfer.asset} without the memo, it is lost")
        asked = await bot_says(conversation, desk)
        assert asked["body"] == bot_text("ask_tx_hash", "en")
        assert asked["buttons"] == []  # a question back is no answer yet
        await conversation.say(scenario.transfer.tx_hash)
        answer = await bot_says(conversation, desk)
    assert answer["buttons"] == ["solved"]
    transfer = scenario.transfer
    claim_url = "/help/en/recovery/claim?" + urlencode(
        {"tx": transfer.tx_hash, "asset": transfer.asset, "network": transfer.chain,
         "amount": "250"}
    )  # fmt: skip
    assert answer["body"] == bot_text(
        "deposit_missing_memo_claim", "en", amount="250", asset=scenario.transfer.asset,
        url=claim_url,
    )  # fmt: skip
    # The claim the bot points to is the self-service one, and it pays this deposit.
    claim = await alice.post(
        "/api/v1/recovery/claims",
        json={"tx_hash": scenario.transfer.tx_hash, "asset": scenario.transfer.asset,
              "network": scenario.transfer.chain, "amount": str(scenario.transfer.amount),
              "source_address": scenario.transfer.from_address},
    )  # fmt: skip
    assert claim.status_code == 201 and claim.json()["case"] == "missing_memo"
    # The link opens the help centre's claim form with the deposit's facts filled in.
    visitor = desk.anonymous()
    token = desk.exchange_token("uid-alice", name="Alice", lang="en")
    assert (await visitor.post("/help/session", json={"token": token})).status_code == 204
    form_page = await visitor.get(claim_url)
    assert form_page.status_code == 200
    assert f'value="{transfer.tx_hash}"' in form_page.text and 'value="250"' in form_page.text


HUMAN = [
    ("zh-Hans", "我要人工客服"),
    ("vi", "Tôi muốn nói chuyện với nhân viên"),
    ("ru", "Хочу поговорить с живым человеком"),
    ("ar", "أريد التحدث مع موظف بشري"),
]


@pytest.mark.parametrize(("lang", "text"), HUMAN)
async def test_asking_for_a_person_hands_off_at_once_with_the_transcript(
    desk: Desk, ctx: AppContext, base_url: str, lang: str, text: str
) -> None:
    bob = await desk.customer("bob", lang=lang)
    async with chat(base_url, bob.token) as conversation:
        await conversation.receive()
        ack = await conversation.say(text)
        reply = await bot_says(conversation, desk)
    assert reply["body"] == bot_text("handoff_connecting", lang)
    [held] = await sessions(ctx, ack["ticket_id"])
    assert (held.status, held.handoff_reason, held.handoff_urgent) == ("handed_off", "asked", False)
    [note] = await notes(ctx, ack["ticket_id"])
    assert note.startswith("Bot handoff: asked") and f"Customer: {text}" in note
    assert "Transcript:" in note and "Detected intent:" in note
    # People have it now: routing queues it and the first-reply clock runs.
    await desk.settle()
    assert {"first_reply", "chat_pickup"} <= await clocks(ctx, ack["ticket_id"])


async def test_a_hacked_account_is_urgent_and_reaches_the_security_queue(
    desk: Desk, ctx: AppContext, base_url: str, clock: FakeClock
) -> None:
    sam = await desk.staff("sam")
    ada = await desk.staff("ada")
    team = await ada.post(
        "/api/v1/teams", json={"slug": "security", "name": "Security", "kind": "security"}
    )
    assert team.status_code == 201, team.text
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        ack = await conversation.say(
            "My account was hacked, someone changed my email and withdrew all my BTC"
        )
        reply = await bot_says(conversation, desk)
    assert reply["body"] == bot_text("handoff_security", "en")
    ticket = await ticket_of(ctx, ack["ticket_id"])
    assert ticket.priority == "urgent" and ticket.team_id == team.json()["id"]
    assert ticket.category == "security"
    [held] = await sessions(ctx, ticket.id)
    assert (held.handoff_reason, held.handoff_urgent) == ("security_emergency", True)
    [note] = await notes(ctx, ticket.id)
    assert "URGENT" in note and "account_hacked" in note
    await desk.settle()
    queue = await sam.get("/api/v1/routing/queue", params={"team_id": team.json()["id"]})
    assert queue.status_code == 200, queue.text
    assert ticket.id in [t["ticket_id"] for t in queue.json()]
    assert queue.json()[0]["priority"] == "urgent"
    # The agent opening it in the console reads the bot's note first.
    console, _ = await console_client(desk, "seth", clock)
    page = await console.get(f"/console/tickets/{ticket.id}")
    assert page.status_code == 200
    assert "Bot handoff: security emergency" in page.text and "account_hacked" in page.text


async def test_the_button_hands_off_at_any_moment(
    desk: Desk, ctx: AppContext, base_url: str, kb: None
) -> None:
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        ack = await conversation.say("How do I create an API key?")
        await bot_says(conversation, desk)
        await conversation.send(type="handoff")
        pressed = await conversation.receive()
        assert pressed == {"type": "bot", "button": "human", "done": True}
        reply = await bot_says(conversation, desk)
        assert reply["body"] == bot_text("handoff_connecting", "en")
        # After the handoff the bot stays silent.
        await conversation.say("Are you there?")
        assert [f for f in await conversation.drain() if f.get("author_type") == "bot"] == []
    [held] = await sessions(ctx, ack["ticket_id"])
    assert held.handoff_reason == "button"
    [note] = await notes(ctx, ack["ticket_id"])
    assert "Customer: How do I create an API key?" in note


async def test_the_button_before_the_first_message_sends_it_to_people(
    desk: Desk, ctx: AppContext, base_url: str
) -> None:
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        await conversation.send(type="handoff")
        assert await conversation.receive() == {"type": "bot", "button": "human", "done": False}
        ack = await conversation.say("Hello, my USDT deposit has not arrived yet")
        await turn_done(conversation)
    [held] = await sessions(ctx, ack["ticket_id"])
    assert (held.status, held.handoff_reason) == ("handed_off", "button")


async def test_solved_ends_the_conversation_and_resets_the_context(
    desk: Desk, ctx: AppContext, base_url: str, kb: None
) -> None:
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        ack = await conversation.say("My deposit has not arrived")
        assert (await bot_says(conversation, desk))["body"] == bot_text("ask_tx_hash", "en")
        await conversation.send(type="solved")
        assert await conversation.receive() == {"type": "bot", "button": "solved", "done": True}
        thanks = await bot_says(conversation, desk)
        assert thanks["body"] == bot_text("solved_thanks", "en")
        ticket = await ticket_of(ctx, ack["ticket_id"])
        assert ticket.status == "solved"
        # A new question later starts afresh: the bot no longer waits for a tx hash.
        again = await conversation.say("What are your trading fees?")
        assert again["ticket_id"] == ack["ticket_id"]
        answer = await bot_says(conversation, desk)
        assert "/help/en/articles/trading-fees" in answer["body"]
    first, second = await sessions(ctx, ack["ticket_id"])
    assert first.status == "contained" and first.ended_at is not None
    assert second.status == "active" and second.state["waiting_for"] is None
    await desk.settle()
    assert await offers(ctx, ack["ticket_id"]) == []


async def test_with_the_bot_off_the_chat_goes_straight_to_people(
    desk: Desk, ctx: AppContext, base_url: str
) -> None:
    object.__setattr__(ctx.settings, "bot_channels", [])
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        ack = await conversation.say("I want a human")
        frames = await conversation.drain()
    assert [f for f in frames if f.get("author_type") == "bot"] == []
    assert await sessions(ctx, ack["ticket_id"]) == []
    await desk.settle()
    assert "first_reply" in await clocks(ctx, ack["ticket_id"])


async def test_an_agent_taking_the_conversation_over_silences_the_bot_and_starts_the_clocks(
    desk: Desk, ctx: AppContext, base_url: str, kb: None
) -> None:
    sam = await desk.staff("sam")
    tom = await desk.staff("tom")
    alice = await desk.customer("alice", lang="en")
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        ack = await conversation.say("What are your trading fees?")
        await bot_says(conversation, desk)
        assert await clocks(ctx, ack["ticket_id"]) == set()
        # The supervisor hands it to Tom, who has not written yet.
        taken = await sam.patch(f"/api/v1/tickets/{ack['ticket_id']}", json={"assignee_id": tom.id})
        assert taken.status_code == 200, taken.text
        await desk.settle()
        [held] = await sessions(ctx, ack["ticket_id"])
        assert (held.status, held.handoff_reason) == ("handed_off", "agent_took_over")
        # Tom has picked it up: his first reply is due, the pickup clock has no business.
        running = await clocks(ctx, ack["ticket_id"])
        assert "first_reply" in running and "chat_pickup" not in running
        await conversation.say("Thanks, and for futures?")
        await desk.settle()
        assert [f for f in await conversation.drain() if f.get("author_type") == "bot"] == []


class BrokenExchange(SimulatedExchange):
    """A back office whose chain look-ups blow up with something nobody expected."""

    async def find_transfers(self, chain: str, tx_hash: str) -> list[ChainTransfer]:
        raise RuntimeError("the back office answered garbage")


async def test_a_failing_bot_hands_the_conversation_to_people_and_keeps_the_message(
    desk: Desk, ctx: AppContext, base_url: str, clock: FakeClock
) -> None:
    use_back_office(ctx.services, BrokenExchange(clock, seed=1))
    alice = await desk.customer("alice", lang="en")
    tx_hash = "f" * 64
    async with chat(base_url, alice.token) as conversation:
        await conversation.receive()
        ack = await conversation.say("My deposit has not arrived")
        await bot_says(conversation, desk)
        second = await conversation.say(f"here it is: {tx_hash}")
        assert second["type"] == "ack"  # stored, whatever the bot did
        await turn_done(conversation)
    [held] = await sessions(ctx, ack["ticket_id"])
    assert (held.status, held.handoff_reason) == ("handed_off", "bot_error")
    [note] = await notes(ctx, ack["ticket_id"])
    assert f"Customer: here it is: {tx_hash}" in note
    await desk.settle()
    assert "first_reply" in await clocks(ctx, ack["ticket_id"])


async def test_the_solved_button_follows_answers_not_i_did_not_understand(
    desk: Desk, base_url: str, kb: None
) -> None:
    dora = await desk.customer("dora", lang="en")
    async with chat(base_url, dora.token) as conversation:
        await conversation.receive()
        await conversation.say("zzqx vlorp brindle")
        unsure = await bot_says(conversation, desk)
    assert unsure["body"].startswith(bot_text("unknown", "en"))
    assert unsure["buttons"] == []
