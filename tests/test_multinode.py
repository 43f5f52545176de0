"""Two ``serve`` nodes on one PostgreSQL database share realtime events through Redis."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect

from cexdesk.agents import flows as agent_flows
from cexdesk.app import build_context
from cexdesk.core import audit
from cexdesk.core.auth import Role
from cexdesk.core.security import new_totp_secret, sign_exchange_token, totp_now
from cexdesk.core.settings import DEMO_EXCHANGE_TOKEN_KEY
from tests.conftest import REDIS_UP, REDIS_URL, PostgresDatabases
from tests.conftest import test_settings as settings_for
from tests.serverproc import ServerProcess

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not REDIS_UP, reason=f"Redis not reachable at {REDIS_URL}"),
]

PASSWORD = "correct horse battery staple"


@pytest.fixture
async def shared_db(postgres: PostgresDatabases) -> AsyncIterator[str]:
    name = await postgres.fresh()
    try:
        yield postgres.url_for(name)
    finally:
        await postgres.drop(name)


async def agent_token(database_url: str, tmp_path: Path, name: str) -> str:
    """An agent signed in through the domain code, as an admin would have set them up."""
    context = build_context(settings_for(database_url, tmp_path / "setup"))
    secret = new_totp_secret()
    try:
        async with context.db.transaction() as session:
            await agent_flows.create_agent(
                session,
                agent_flows.NewAgent(
                    email=f"{name}@cexdesk.test",
                    display_name=name.capitalize(),
                    role=Role.AGENT,
                    password=PASSWORD,
                    tier=1,
                    languages=("en",),
                    is_vip=False,
                    totp_secret=secret,
                ),
                actor=audit.SYSTEM,
            )
            signed = await agent_flows.sign_in(
                session,
                f"{name}@cexdesk.test",
                PASSWORD,
                totp_now(secret, context.clock.now()),
                ttl=timedelta(hours=1),
            )
        return signed.token
    finally:
        await context.db.dispose()


async def until(ws: ClientConnection, wanted: Any, seconds: float = 10) -> list[dict[str, Any]]:
    """Messages received until ``wanted(messages)`` holds; fails after ``seconds``."""
    messages: list[dict[str, Any]] = []
    deadline = time.monotonic() + seconds
    while not wanted(messages):
        left = deadline - time.monotonic()
        assert left > 0, f"not received in {seconds}s; got {messages}"
        try:
            messages.append(json.loads(await asyncio.wait_for(ws.recv(), left)))
        except TimeoutError:
            continue
    return messages


async def test_a_client_on_node_b_sees_what_happens_on_node_a(
    shared_db: str, tmp_path: Path
) -> None:
    # A namespace of this run's own, so parallel runs on one Redis never see each other.
    namespace = {"CEXDESK_REDIS_NAMESPACE": f"test-{uuid.uuid4().hex[:10]}"}
    a = ServerProcess(
        "a", database_url=shared_db, data_dir=tmp_path / "a", redis_url=REDIS_URL, env=namespace
    )
    # B runs no background work, so whatever its clients see was handled on A and crossed
    # over through Redis (with both runners on, B's could pick up A's events itself).
    b = ServerProcess(
        "b",
        database_url=shared_db,
        data_dir=tmp_path / "b",
        redis_url=REDIS_URL,
        env={**namespace, "CEXDESK_RUN_BACKGROUND": "0"},
    )
    try:
        # Started together: both migrate on start-up, one waits for the other's lock.
        await asyncio.gather(asyncio.to_thread(a.start), asyncio.to_thread(b.start))
        agent = await agent_token(shared_db, tmp_path, "tom")
        now = int(time.time())
        uid = f"multi-{uuid.uuid4().hex[:8]}"
        customer = sign_exchange_token(
            DEMO_EXCHANGE_TOKEN_KEY, {"uid": uid, "iat": now, "exp": now + 600, "name": "Mai"}
        )
        async with (
            httpx.AsyncClient(base_url=a.base_url, timeout=10) as on_a,
            connect(f"{b.ws_url}?token={customer}") as customer_on_b,
            connect(
                b.ws_url, additional_headers={"Authorization": f"Bearer {agent}"}
            ) as agent_on_b,
        ):
            hello = json.loads(await customer_on_b.recv())
            customer_id = hello["principal"]["id"]
            assert hello["topics"] == [f"customer:{customer_id}"]
            await agent_on_b.recv()
            await agent_on_b.send(json.dumps({"subscribe": ["agents"]}))
            assert json.loads(await agent_on_b.recv())["refused"] == []

            created = await on_a.post(
                "/api/v1/tickets",
                json={"subject": "P2P seller not releasing", "body": "Order 8812 paid 1 h ago."},
                headers={"Authorization": f"Bearer {customer}"},
            )
            assert created.status_code == 201, created.text
            ticket_id = created.json()["id"]

            def has(kind: str, **facts: Any) -> Any:
                return lambda ms: any(
                    m.get("type") == kind and all(m.get(k) == v for k, v in facts.items())
                    for m in ms
                )

            await until(agent_on_b, has("ticket.created", ticket_id=ticket_id, topic="agents"))
            await until(customer_on_b, has("ticket.created", ticket_id=ticket_id))

            reply = await on_a.post(
                f"/api/v1/tickets/{ticket_id}/replies",
                json={"body": "The seller has been reminded; we are watching the order."},
                headers={"Authorization": f"Bearer {agent}"},
            )
            assert reply.status_code == 201, reply.text
            message_id = reply.json()["message"]["id"]
            seen = await until(
                customer_on_b,
                has("ticket.message_added", message_id=message_id, topic=f"customer:{customer_id}"),
            )
            assert all(m.get("internal") is False for m in seen)
            await until(agent_on_b, has("ticket.message_added", message_id=message_id))

            # Live chat across nodes: the customer chats on A (and has a second tab on B);
            # the agent on B sees it, answers through B, and both tabs get the answer.
            chat = "/api/v1/channels/chat/ws?token=" + customer
            ws_a, ws_b = a.base_url.replace("http", "ws", 1), b.base_url.replace("http", "ws", 1)
            async with connect(ws_a + chat) as tab_a, connect(ws_b + chat) as tab_b:
                for tab in (tab_a, tab_b):
                    assert json.loads(await tab.recv())["type"] == "hello"
                client_id = str(uuid.uuid4())
                await tab_a.send(json.dumps({"type": "message", "client_id": client_id,
                                             "text": "Is my TRC20 deposit lost?"}))  # fmt: skip
                acked = await until(tab_a, lambda ms: any(m.get("type") == "ack" for m in ms))
                chat_id = next(m for m in acked if m.get("type") == "ack")["ticket_id"]
                await until(agent_on_b, has("ticket.created", ticket_id=chat_id))
                await until(tab_b, has("message", client_id=client_id, ticket_id=chat_id))
                async with httpx.AsyncClient(base_url=b.base_url, timeout=10) as on_b:
                    answer = await on_b.post(
                        f"/api/v1/tickets/{chat_id}/replies",
                        json={"body": "No: it is on its way, 3 of 20 confirmations."},
                        headers={"Authorization": f"Bearer {agent}"},
                    )
                assert answer.status_code == 201, answer.text
                for tab in (tab_a, tab_b):
                    await until(tab, has("message", author_type="agent", ticket_id=chat_id))
    finally:
        a.kill()
        b.kill()
