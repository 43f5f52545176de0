"""The bot's figures for supervisors: containment over 72 hours, handoff reasons,
knowledge gaps and article helpfulness, through the chat, the API and the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from cexdesk.app import AppContext
from cexdesk.bot import datasets, intents, runtime
from cexdesk.bot.analytics import group_questions
from cexdesk.core.clock import FakeClock
from cexdesk.core.settings import Settings
from tests import conftest
from tests.bot.conftest import bot_says
from tests.channels.test_chat import chat
from tests.personas import Desk
from tests.web.test_console_pages import console_client

# The desk's engine is trained with examples of what it does not handle, so that Bob's
# questions below are refused whatever cexdesk's own set holds at the moment (an engine
# trained without out-of-scope examples names its nearest intent for anything).
OUT_OF_SCOPE = [
    "do you sell gift cards", "can I buy gift cards with crypto", "gift cards please",
    "what is the weather tomorrow", "tell me a joke", "who won the football match",
    "recommend a good restaurant", "how old are you", "what time is it in Tokyo",
    "play some music", "book a flight to Paris", "what is your favourite colour",
]  # fmt: skip


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    own = datasets.load(runtime.OWN_DATA)
    examples = own.train + [(text, intents.OUT_OF_SCOPE) for text in OUT_OF_SCOPE]
    path = tmp_path / "intents.npz"
    intents.train(examples, representations=("tfidf",)).save(path)
    return conftest.test_settings(
        database_url, tmp_path / "var", bot_channels=["chat"], bot_model=path
    )


def test_alike_questions_are_one_gap() -> None:
    gaps = group_questions(
        [
            ("do you sell gift cards", "en"),
            ("can I buy gift cards with crypto", "en"),
            ("gift cards for my friend?", "en"),
            ("Bạn có bán thẻ quà tặng không", "vi"),
            ("???", "en"),  # no words: nothing to group
        ]
    )
    assert [(g.count, g.language) for g in gaps] == [(3, "en"), (1, "vi")]
    assert {"gift", "cards"} <= set(gaps[0].words)
    assert gaps[0].example == "do you sell gift cards"


async def solve(desk: Desk, base_url: str, token: str, question: str) -> int:
    async with chat(base_url, token) as conversation:
        await conversation.receive()
        ack = await conversation.say(question)
        await bot_says(conversation, desk)
        await conversation.send(type="solved")
        assert await conversation.receive() == {"type": "bot", "button": "solved", "done": True}
        await bot_says(conversation, desk)
    return int(ack["ticket_id"])


async def test_figures_through_the_api_and_the_supervisor_page(
    desk: Desk, ctx: AppContext, base_url: str, kb: None, clock: FakeClock
) -> None:
    ada = await desk.staff("ada")
    alice = await desk.customer("alice", lang="en")
    await desk.customer("bob", lang="en")
    carol = await desk.customer("carol", lang="vi")

    # Alice: an article, a "helpful" vote, solved. Carol: solved, but back within the hour.
    await solve(desk, base_url, alice.token, "What are your trading fees?")
    voted = await alice.post(
        "/api/v1/kb/articles/trading-fees/votes", json={"language": "en", "helpful": True}
    )
    assert voted.status_code == 204
    await solve(desk, base_url, carol.token, "Phí giao dịch là bao nhiêu?")
    clock.advance(3600)
    async with chat(base_url, desk.exchange_token("uid-carol", lang="vi")) as conversation:
        await conversation.receive()
        await conversation.say("Tôi vẫn chưa hiểu phí giao dịch")
    # Bob: two questions the bot cannot answer, then a person (low confidence).
    async with chat(base_url, desk.exchange_token("uid-bob", lang="en")) as conversation:
        await conversation.receive()
        await conversation.say("do you sell gift cards")
        await bot_says(conversation, desk)
        await conversation.say("can I buy gift cards with crypto")
        await bot_says(conversation, desk)

    figures = (await ada.get("/api/v1/bot/figures", params={"days": 1})).json()
    assert figures["sessions"] == 4  # Carol's return opened a fresh session
    assert figures["handoff_reasons"] == {"low_confidence": 1}
    assert (figures["contained_pending"], figures["reopened"]) == (1, 1)
    [gap] = figures["knowledge_gaps"]
    assert gap["count"] == 2 and {"gift", "cards"} <= set(gap["words"])
    fees = next(a for a in figures["articles"] if a["slug"] == "trading-fees")
    # Given to Alice, to Carol, and to Carol again when she came back about the fees.
    assert (fees["served"], fees["helpful"], fees["helpful_share"]) == (3, 1, 1.0)

    # Three days on, Alice's conversation counts as contained: 1 of 3 decided.
    clock.advance(72 * 3600)
    sam = await desk.staff("sam")  # signed in now: sessions last 12 hours
    figures = (await sam.get("/api/v1/bot/figures", params={"days": 7})).json()
    assert (figures["contained"], figures["reopened"], figures["handed_off"]) == (1, 1, 1)
    assert round(figures["containment"], 3) == 0.333
    assert figures["median_seconds"] is not None and figures["median_latency_ms"] > 0
    dave = await desk.customer("dave")
    assert (await dave.get("/api/v1/bot/figures")).status_code == 403

    client, _ = await console_client(desk, "sam", clock)
    page = await client.get("/console/supervisor/bot?days=7")
    assert page.status_code == 200
    assert "33.3 %" in page.text and "low confidence" in page.text
    assert gap["example"] in page.text and "trading-fees" in page.text
