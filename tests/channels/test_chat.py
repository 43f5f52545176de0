"""Live chat over a real websocket: uvicorn on loopback inside the test's loop (so it
shares the fake clock and the database with the personas); the outbox runs when the
test settles it, as the background runner would."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy import func, select
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from cexdesk.app import AppContext, create_app
from cexdesk.channels.models import InboundPayload
from cexdesk.tickets.models import Message, Ticket
from tests.loopback import on_loopback
from tests.personas import Desk
from tests.test_realtime import stream

QUIET = 0.3


@pytest.fixture
async def base_url(ctx: AppContext) -> AsyncIterator[str]:
    async with on_loopback(create_app(ctx, manage_lifecycle=False), ws="websockets-sansio") as url:
        yield url


class Chat:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        # Frames that arrived while ``say`` waited for its ack (the echo of a message to
        # the customer's sockets may come right after its own ack): the next ``drain``
        # hands them out first.
        self.skipped: list[dict[str, Any]] = []

    async def receive(self, wait: float = 5) -> dict[str, Any]:
        frame: dict[str, Any] = json.loads(await asyncio.wait_for(self.ws.recv(), wait))
        return frame

    async def send(self, **frame: Any) -> None:
        await self.ws.send(json.dumps(frame))

    async def say(self, text: str, client_id: str | None = None) -> dict[str, Any]:
        """Send a message and return its ack (frames in between are skipped)."""
        client_id = client_id or str(uuid.uuid4())
        await self.send(type="message", client_id=client_id, text=text)
        while True:
            frame = await self.receive()
            if frame.get("client_id") == client_id and frame["type"] in ("ack", "error"):
                return frame
            self.skipped.append(frame)

    async def drain(self) -> list[dict[str, Any]]:
        frames, self.skipped = self.skipped, []
        while True:
            try:
                frames.append(await self.receive(QUIET))
            except TimeoutError:
                return frames


@asynccontextmanager
async def chat(base_url: str, token: str | None, *, header: bool = False) -> AsyncIterator[Chat]:
    url = f"ws://{base_url}/api/v1/channels/chat/ws"
    headers: dict[str, str] = {}
    if token is not None and header:
        headers["Authorization"] = f"Bearer {token}"
    elif token is not None:
        url += f"?token={token}"
    async with connect(url, additional_headers=headers) as ws:
        yield Chat(ws)


def messages(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f["type"] == "message"]


async def test_message_is_acked_after_commit_stored_once_and_replies_arrive_live(
    desk: Desk, ctx: AppContext, base_url: str
) -> None:
    alice = await desk.customer("alice", lang="vi")
    tom = await desk.staff("tom")
    async with chat(base_url, alice.token) as alice_chat:
        hello = await alice_chat.receive()
        assert hello == {"type": "hello", "customer_id": alice.id, "ticket_id": None,
                         "last_message_id": 0}  # fmt: skip
        client_id = str(uuid.uuid4())
        ack = await alice_chat.say("Tôi nạp 120 USDT qua TRC20 nhưng chưa thấy", client_id)
        assert ack["type"] == "ack" and ack["duplicate"] is False
        ticket_id, message_id = ack["ticket_id"], ack["message_id"]
        async with ctx.db.reading() as session:
            ticket = await session.get(Ticket, ticket_id)
            assert ticket is not None
            assert (ticket.channel, ticket.requester_id) == ("chat", alice.id)
            stored = await session.get(Message, message_id)
            assert stored is not None and stored.ticket_id == ticket_id

        again = await alice_chat.say("Tôi nạp 120 USDT qua TRC20 nhưng chưa thấy", client_id)
        assert again == {**ack, "duplicate": True}
        async with ctx.db.reading() as session:
            count = select(func.count()).select_from(Message).where(Message.ticket_id == ticket_id)
            assert (await session.execute(count)).scalar_one() == 1
            payloads = select(func.count()).select_from(InboundPayload)
            assert (await session.execute(payloads)).scalar_one() == 1

        await desk.settle()
        frames = await alice_chat.drain()
        echoed = messages(frames)
        assert [(m["id"], m["author_type"], m["client_id"]) for m in echoed] == [
            (message_id, "customer", client_id)
        ]
        notices = [f for f in frames if f["type"] == "notice"]
        assert len(notices) == 1, frames  # nobody is online
        assert "10 phút" in notices[0]["text"]  # the chat SLA's first-reply target, in Vietnamese

        reply = await tom.post(f"/api/v1/tickets/{ticket_id}/replies",
                               json={"body": "Chúng tôi đang kiểm tra giao dịch."})  # fmt: skip
        assert reply.status_code == 201, reply.text
        note = await tom.post(f"/api/v1/tickets/{ticket_id}/notes",
                              json={"body": "INTERNAL: looks like a wrong memo"})  # fmt: skip
        assert note.status_code == 201, note.text
        assigned = await tom.patch(f"/api/v1/tickets/{ticket_id}", json={"assignee_id": tom.id})
        assert assigned.status_code == 200, assigned.text
        await desk.settle()
        frames = await alice_chat.drain()
        assert [(m["author_type"], m["body"]) for m in messages(frames)] == [
            ("agent", "Chúng tôi đang kiểm tra giao dịch.")
        ]
        assert not any("INTERNAL" in json.dumps(f) for f in frames)
        joined = [f for f in frames if f["type"] == "agent_joined"]
        assert joined == [{"type": "agent_joined", "ticket_id": ticket_id, "agent_name": "Tom"}]

        typing = await tom.post(f"/api/v1/channels/chat/{ticket_id}/typing")
        assert typing.status_code == 202, typing.text
        assert (await alice_chat.receive())["type"] == "typing"
        refused = await alice.post(f"/api/v1/channels/chat/{ticket_id}/typing")
        assert refused.status_code == 403


async def test_resume_sends_exactly_what_was_missed_in_order(desk: Desk, base_url: str) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    async with chat(base_url, alice.token, header=True) as first:
        await first.receive()
        ack = await first.say("My withdrawal is stuck")
        ticket_id = ack["ticket_id"]
    await desk.settle()
    bodies = ["We are looking into it.", "It was held for a review.", "Released now."]
    for body in bodies[:2]:
        response = await tom.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": body})
        assert response.status_code == 201
    await tom.post(f"/api/v1/tickets/{ticket_id}/notes", json={"body": "INTERNAL risk hold"})
    async with chat(base_url, alice.token) as second:
        hello = await second.receive()
        assert hello["ticket_id"] == ticket_id
        await second.send(type="resume", after_message_id=ack["message_id"])
        await desk.settle()  # live events for what resume already sent: no duplicates
        response = await tom.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": bodies[2]})
        await desk.settle()
        got = messages(await second.drain())
        assert [m["body"] for m in got] == bodies
        assert [m["id"] for m in got] == sorted(m["id"] for m in got)
        assert got[-1]["id"] == response.json()["message"]["id"]

        await second.send(type="read", message_id=got[-1]["id"])
        await second.send(type="resume", after_message_id=0)
        everything = messages(await second.drain())
        assert [m["body"] for m in everything] == ["My withdrawal is stuck", *bodies]


async def test_staff_see_customer_typing_and_read_receipts(desk: Desk, base_url: str) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    async with chat(base_url, alice.token) as alice_chat, stream(base_url, tom) as tom_stream:
        await alice_chat.receive()
        await tom_stream.receive()
        ack = await alice_chat.say("Hello?")
        await tom_stream.subscribe(f"ticket:{ack['ticket_id']}")
        await alice_chat.send(type="typing")
        await alice_chat.send(type="read", message_id=ack["message_id"])
        seen = [m for m in await tom_stream.drain() if m["type"].startswith("chat.")]
        assert [(m["type"], m["ticket_id"]) for m in seen] == [
            ("chat.customer_typing", ack["ticket_id"]),
            ("chat.read", ack["ticket_id"]),
        ]


async def test_another_customer_sees_nothing_of_the_first(desk: Desk, base_url: str) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    tom = await desk.staff("tom")
    async with chat(base_url, alice.token) as alice_chat, chat(base_url, bob.token) as bob_chat:
        await alice_chat.receive()
        assert (await bob_chat.receive())["last_message_id"] == 0
        ack = await alice_chat.say("my secret balance question")
        await desk.settle()
        await tom.post(f"/api/v1/tickets/{ack['ticket_id']}/replies", json={"body": "for alice"})
        await desk.settle()
        await bob_chat.send(type="resume", after_message_id=0)
        await bob_chat.send(type="read", message_id=ack["message_id"])
        frames = await bob_chat.drain()
        assert [f["type"] for f in frames] == ["error"]
        assert "alice" not in json.dumps(frames)
        bob_ack = await bob_chat.say("my own question")
        assert bob_ack["ticket_id"] != ack["ticket_id"]
        assert len(messages(await alice_chat.drain())) == 2  # her own and tom's reply


@pytest.mark.parametrize("kind", ["none", "garbage", "expired", "staff"])
async def test_without_a_valid_exchange_token_the_socket_is_closed(
    desk: Desk, base_url: str, kind: str
) -> None:
    tom = await desk.staff("tom")
    token = {"none": None, "garbage": "exch.nope.nope", "staff": tom.token,
             "expired": desk.exchange_token("uid-late", ttl=-60)}[kind]  # fmt: skip
    async with chat(base_url, token) as refused:
        with pytest.raises(ConnectionClosed) as closed:
            await refused.receive()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401  # a staff token is not an exchange token either


async def test_bad_frames_get_clear_errors_and_store_nothing(
    desk: Desk, ctx: AppContext, base_url: str
) -> None:
    alice = await desk.customer("alice")
    async with chat(base_url, alice.token) as alice_chat:
        await alice_chat.receive()
        await alice_chat.ws.send("not json")
        await alice_chat.send(type="message", client_id="x", text="   ")
        await alice_chat.send(type="message", text="no client id")
        await alice_chat.send(type="resume", after_message_id=-1)
        await alice_chat.send(type="dance")
        frames = await alice_chat.drain()
        assert [f["type"] for f in frames] == ["error"] * 5
    async with ctx.db.reading() as session:
        assert (
            await session.execute(select(func.count()).select_from(InboundPayload))
        ).scalar() == 0
