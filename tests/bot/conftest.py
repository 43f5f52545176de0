"""Fixtures for the bot's conversation tests: the bot fronting the chat, a real chat
socket (uvicorn on loopback in the test's loop), the starter articles, the simulated
exchange."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from cexdesk.app import AppContext, create_app
from cexdesk.bot import runtime
from cexdesk.core import audit
from cexdesk.core.clock import FakeClock
from cexdesk.core.settings import Settings
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.kb import content as kb_content
from cexdesk.kb import flows as kb_flows
from tests import conftest
from tests.channels.test_chat import Chat
from tests.loopback import on_loopback
from tests.personas import Desk

ARTICLES = ("trading-fees", "2fa-reset", "deposit-missing-or-wrong-memo",
            "deposit-recovery-claim", "account-hacked", "api-keys")  # fmt: skip


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return conftest.test_settings(database_url, tmp_path / "var", bot_channels=["chat"])


@pytest.fixture
async def base_url(ctx: AppContext) -> AsyncIterator[str]:
    await runtime.intent_model(ctx.services)  # as serve's warm-up does before customers come
    async with on_loopback(create_app(ctx, manage_lifecycle=False), ws="websockets-sansio") as url:
        yield url


@pytest.fixture
async def kb(ctx: AppContext) -> None:
    wanted = [a for a in kb_content.read_articles() if a.slug in ARTICLES]
    async with ctx.db.transaction() as session:
        await kb_flows.load_content(session, wanted, audit.SYSTEM)


@pytest.fixture
def traffic(ctx: AppContext) -> TrafficGenerator:
    assert isinstance(ctx.clock, FakeClock)
    exchange = SimulatedExchange(ctx.clock, seed=4)
    use_back_office(ctx.services, exchange)
    return TrafficGenerator(exchange, ctx.clock, seed=4)


async def bot_says(conversation: Chat, desk: Desk, wait: float = 5) -> dict[str, Any]:
    """The next message the bot writes (frames in between are skipped); the outbox runs
    first, as the background runner would, to publish it to the socket."""
    await desk.settle()
    while True:
        frame = await conversation.receive(wait)
        if frame["type"] == "message" and frame["author_type"] == "bot":
            return frame


async def turn_done(conversation: Chat) -> None:
    """Wait until the socket has finished the bot's turn on the last message: a socket
    handles its frames in order, so a ping is answered after that turn. Frames in
    between are kept in ``conversation.skipped``."""
    await conversation.send(type="ping")
    while True:
        frame = await conversation.receive()
        if frame["type"] == "pong":
            return
        conversation.skipped.append(frame)
