"""The websocket stream and the realtime handler, against a real uvicorn on loopback.

The server runs in the test's own event loop (so it shares the context, the fake clock
and the database with the personas); events go out when the test settles the outbox,
as the background runner would.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus

from cexdesk.app import AppContext, create_app
from cexdesk.core.realtime import MemoryHub
from cexdesk.realtime.handlers import topics_for
from cexdesk.tickets.events import MessageAdded, TicketAssigned, TicketCreated, TicketLinked
from tests.loopback import on_loopback
from tests.personas import Desk, Person

QUIET = 0.3  # seconds a stream must stay silent to count as "received nothing"


@pytest.fixture
async def base_url(ctx: AppContext) -> AsyncIterator[str]:
    """The app served by uvicorn on a free loopback port, inside this test's loop."""
    async with on_loopback(create_app(ctx, manage_lifecycle=False), ws="websockets-sansio") as url:
        yield url


class Stream:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws

    async def receive(self, wait: float = 5) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(await asyncio.wait_for(self.ws.recv(), wait))
        return message

    async def subscribe(self, *topics: str) -> dict[str, Any]:
        await self.ws.send(json.dumps({"subscribe": list(topics)}))
        return await self.receive()

    async def drain(self) -> list[dict[str, Any]]:
        """Everything received until the stream has been quiet for a moment."""
        messages = []
        while True:
            try:
                messages.append(await self.receive(QUIET))
            except TimeoutError:
                return messages


@asynccontextmanager
async def stream(
    base_url: str, person: Person | None = None, *, via_query: bool = False
) -> AsyncIterator[Stream]:
    url = f"ws://{base_url}/api/v1/stream"
    headers: dict[str, str] = {}
    if person is not None and via_query:
        url += f"?token={person.token}"
    elif person is not None:
        headers["Authorization"] = f"Bearer {person.token}"
    async with connect(url, additional_headers=headers) as ws:
        yield Stream(ws)


async def open_ticket(customer: Person, subject: str = "Deposit not credited") -> int:
    response = await customer.post(
        "/api/v1/tickets", json={"subject": subject, "body": "I sent 120 USDT on TRC20."}
    )
    assert response.status_code == 201, response.text
    ticket_id: int = response.json()["id"]
    return ticket_id


async def test_customer_sees_agent_reply_live_and_never_an_internal_note(
    desk: Desk, base_url: str
) -> None:
    alice = await desk.customer("alice", lang="vi")
    tom = await desk.staff("tom")
    async with (
        stream(base_url, alice, via_query=True) as alice_stream,
        stream(base_url, tom) as tom_stream,
    ):
        hello = await alice_stream.receive()
        assert hello["type"] == "hello"
        assert hello["topics"] == [f"customer:{alice.id}"]
        assert (await tom_stream.receive())["topics"] == [f"agent:{tom.id}"]
        assert (await tom_stream.subscribe("agents"))["refused"] == []

        ticket_id = await open_ticket(alice)
        await desk.settle()
        created = [m for m in await tom_stream.drain() if m["type"] == "ticket.created"]
        assert [(m["topic"], m["ticket_id"]) for m in created] == [("agents", ticket_id)]
        seen = await alice_stream.drain()
        assert {(m["topic"], m["type"]) for m in seen} == {
            (f"customer:{alice.id}", "ticket.created"),
            (f"customer:{alice.id}", "ticket.message_added"),
        }
        assert (await alice_stream.subscribe(f"ticket:{ticket_id}"))["refused"] == []

        note = await tom.post(
            f"/api/v1/tickets/{ticket_id}/notes", json={"body": "Looks like a wrong-network case."}
        )
        assert note.status_code == 201, note.text
        reply = await tom.post(
            f"/api/v1/tickets/{ticket_id}/replies",
            json={
                "body": "We found your deposit; it will be credited shortly.",
                "status": "pending",
            },
        )
        assert reply.status_code == 201, reply.text
        await desk.settle()

        seen = await alice_stream.drain()
        added = [m for m in seen if m["type"] == "ticket.message_added"]
        # The reply arrives on both of her topics; the note on neither.
        assert sorted(m["topic"] for m in added) == [f"customer:{alice.id}", f"ticket:{ticket_id}"]
        assert {m["message_id"] for m in added} == {reply.json()["message"]["id"]}
        assert all(m["internal"] is False for m in seen)
        assert note.json()["id"] not in {m.get("message_id") for m in seen}
        statuses = {
            (m["old_status"], m["new_status"]) for m in seen if m["type"] == "ticket.status_changed"
        }
        assert ("open", "pending") in statuses or ("new", "pending") in statuses

        # Staff see the note, flagged internal.
        staff_seen = await tom_stream.drain()
        notes = [m for m in staff_seen if m.get("message_id") == note.json()["id"]]
        assert notes and all(m["internal"] is True for m in notes)

        # The customer answers; the agent's console hears it.
        answer = await alice.post(
            f"/api/v1/tickets/{ticket_id}/replies", json={"body": "Thank you!"}
        )
        assert answer.status_code == 201
        await desk.settle()
        heard = [m for m in await tom_stream.drain() if m["type"] == "ticket.message_added"]
        # On the shared queue, and on his own feed now that replying made the ticket his.
        assert sorted((m["topic"], m["author_type"]) for m in heard) == [
            (f"agent:{tom.id}", "customer"),
            ("agents", "customer"),
        ]


async def test_topics_customers_may_not_subscribe(desk: Desk, base_url: str) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    bobs_ticket = await open_ticket(bob)
    alices_ticket = await open_ticket(alice)
    await desk.settle()
    async with stream(base_url, alice) as s:
        await s.receive()
        answer = await s.subscribe(
            f"ticket:{alices_ticket}",
            f"ticket:{bobs_ticket}",
            f"customer:{bob.id}",
            "agents",
            "team:1",
            "agent:1",
            "ticket:999999",
            "ticket:01",
            "nonsense",
        )
        assert answer["type"] == "subscribed"
        assert answer["topics"] == sorted([f"customer:{alice.id}", f"ticket:{alices_ticket}"])
        assert len(answer["refused"]) == 8
        # Bob's activity never reaches her.
        await bob.post(f"/api/v1/tickets/{bobs_ticket}/replies", json={"body": "any news?"})
        await desk.settle()
        assert await s.drain() == []


async def test_staff_topics(desk: Desk, base_url: str) -> None:
    tom = await desk.staff("tom")
    sam = await desk.staff("sam")
    alice = await desk.customer("alice")
    ticket_id = await open_ticket(alice)
    async with stream(base_url, tom) as s:
        await s.receive()
        answer = await s.subscribe(
            "agents", f"ticket:{ticket_id}", "team:3", f"customer:{alice.id}", f"agent:{sam.id}"
        )
        assert answer["refused"] == [f"agent:{sam.id}"]  # another agent's feed is not his
        answer = await s.subscribe()
        await s.ws.send(json.dumps({"unsubscribe": ["agents"]}))
        assert "agents" not in (await s.receive())["topics"]
    async with stream(base_url, sam) as s:
        await s.receive()
        assert (await s.subscribe(f"agent:{tom.id}"))["refused"] == []  # supervisors may


async def test_bad_client_messages_get_an_error_and_the_stream_stays(
    desk: Desk, base_url: str
) -> None:
    tom = await desk.staff("tom")
    async with stream(base_url, tom) as s:
        await s.receive()
        for bad in ("not json", "[1]", '{"subscribe": "agents"}', '{"subscribe": [1]}', '{"x": 1}'):
            await s.ws.send(bad)
            assert (await s.receive())["type"] == "error"
        await s.ws.send(json.dumps({"type": "ping"}))
        assert await s.receive() == {"type": "pong"}
        assert (await s.subscribe("agents"))["topics"] == ["agent:" + str(tom.id), "agents"]


async def test_refused_without_valid_credentials(desk: Desk, base_url: str) -> None:
    url = f"ws://{base_url}/api/v1/stream"
    for kwargs in (
        {},
        {"additional_headers": {"Authorization": "Bearer cxs_not-a-session"}},
    ):
        with pytest.raises(InvalidStatus) as refused:
            async with connect(url, **kwargs):  # type: ignore[arg-type]
                pass
        assert refused.value.response.status_code == 403
    expired = desk.exchange_token("uid-eve", ttl=600)
    desk.ctx.clock.advance(601)  # type: ignore[attr-defined]
    with pytest.raises(InvalidStatus):
        async with connect(f"{url}?token={expired}"):
            pass


async def test_session_cookie_works_only_from_our_own_origin(desk: Desk, base_url: str) -> None:
    tom = await desk.staff("tom")
    url = f"ws://{base_url}/api/v1/stream"
    cookie = {"Cookie": f"cexdesk_session={tom.token}"}
    async with connect(url, additional_headers=cookie, origin=f"http://{base_url}") as ws:  # type: ignore[arg-type]
        assert json.loads(await ws.recv())["principal"]["id"] == tom.id
    with pytest.raises(InvalidStatus):
        async with connect(url, additional_headers=cookie, origin="https://evil.example"):  # type: ignore[arg-type]
            pass


def test_topic_table() -> None:
    created = TicketCreated(1, 2, "web", "normal", "en", 5)
    assert topics_for(created, 5, None) == (["ticket:1", "agents", "customer:2", "team:5"], False)
    reply = MessageAdded(1, 10, "agent", 7, False, 2)
    assert topics_for(reply, None, 7) == (["ticket:1", "agents", "customer:2", "agent:7"], False)
    note = MessageAdded(1, 11, "agent", 7, True, 2)
    assert topics_for(note, 5, 7) == (["ticket:1", "agents", "team:5", "agent:7"], True)
    moved = TicketAssigned(1, 8, 5, 7)
    assert topics_for(moved, 5, 8) == (["ticket:1", "agents", "team:5", "agent:7", "agent:8"], True)
    linked = TicketLinked("merge", 1, 3)
    assert topics_for(linked, None, None) == (["ticket:1", "ticket:3", "agents"], True)


async def test_memory_hub_retopic_keeps_queued_messages() -> None:
    hub = MemoryHub()
    subscription = hub.subscribe({"a"})
    await hub.publish("a", {"n": 1})
    hub.retopic(subscription, {"b"})
    await hub.publish("a", {"n": 2})
    await hub.publish("b", {"n": 3})
    assert [await subscription.get(), await subscription.get()] == [
        {"topic": "a", "n": 1},
        {"topic": "b", "n": 3},
    ]
    assert subscription.queue.empty()
    hub.unsubscribe(subscription)
    await hub.publish("b", {"n": 4})
    assert subscription.queue.empty()
