"""Routing on a live desk: chats offered one agent at a time, tickets assigned by load."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cexdesk.core.clock import FakeClock
from cexdesk.core.models import OutboxEvent
from tests.personas import Desk, Person


async def online(person: Person) -> None:
    response = await person.patch(f"/api/v1/agents/{person.id}", json={"presence": "online"})
    assert response.status_code == 200, response.text


async def set_capacity(admin: Person, agent: Person, **capacity: int) -> None:
    response = await admin.patch(f"/api/v1/agents/{agent.id}", json=capacity)
    assert response.status_code == 200, response.text


async def open_ticket(
    person: Person, channel: str, subject: str = "Help", body: str = "Where is my deposit?"
) -> int:
    response = await person.post(
        "/api/v1/tickets", json={"subject": subject, "body": body, "channel": channel}
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def offers(person: Person) -> list[dict[str, Any]]:
    response = await person.get("/api/v1/routing/offers")
    assert response.status_code == 200, response.text
    return list(response.json())


async def ticket(person: Person, ticket_id: int) -> dict[str, Any]:
    response = await person.get(f"/api/v1/tickets/{ticket_id}")
    assert response.status_code == 200, response.text
    return dict(response.json()["ticket"])


def advance(desk: Desk, seconds: float) -> None:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    clock.advance(seconds)


async def test_chat_is_offered_accepted_and_picked_up(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    await online(tom)
    chat = await open_ticket(alice, "chat")
    await desk.settle()
    [offer] = await offers(tom)
    assert offer["ticket_id"] == chat
    assert offer["seconds_left"] == 15
    advance(desk, 5)
    accepted = await tom.post(f"/api/v1/routing/offers/{offer['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    await desk.settle()
    assert (await ticket(tom, chat))["assignee_id"] == tom.id
    clocks = (await tom.get(f"/api/v1/tickets/{chat}/sla")).json()
    pickup = next(c for c in clocks if c["metric"] == "chat_pickup")
    assert pickup["status"] == "fulfilled"
    assert not pickup["breached"]
    assert await offers(tom) == []


async def test_declined_or_ignored_chats_go_to_the_next_agent(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    erin = await desk.staff("erin")
    await online(tom)
    await online(erin)
    chat = await open_ticket(alice, "chat")
    await desk.settle()
    first = (await offers(tom)) + (await offers(erin))
    assert len(first) == 1
    first_agent = tom if first[0]["agent_id"] == tom.id else erin
    other = erin if first_agent is tom else tom
    declined = await first_agent.post(f"/api/v1/routing/offers/{first[0]['id']}/decline")
    assert declined.status_code == 200, declined.text
    await desk.settle()
    [second] = await offers(other)
    assert second["ticket_id"] == chat
    assert await offers(first_agent) == []
    # Nobody answers: the offer times out and, with everyone tried, the chat waits.
    advance(desk, 16)
    await desk.settle()
    assert await offers(other) == []
    assert (await ticket(tom, chat))["assignee_id"] is None
    late = await other.post(f"/api/v1/routing/offers/{second['id']}/accept")
    assert late.status_code == 409


async def test_tickets_are_assigned_by_least_load_within_capacity(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ada = await desk.staff("ada")
    await online(tom)
    await set_capacity(ada, tom, ticket_capacity=1)
    first = await open_ticket(alice, "email", "First")
    second = await open_ticket(alice, "email", "Second")
    await desk.settle()
    assert (await ticket(tom, first))["assignee_id"] == tom.id
    assert (await ticket(tom, second))["assignee_id"] is None  # tom is full
    solved = await tom.post(
        f"/api/v1/tickets/{first}/replies", json={"body": "Credited now.", "status": "solved"}
    )
    assert solved.status_code in (200, 201), solved.text
    await desk.settle()
    assert (await ticket(tom, second))["assignee_id"] == tom.id


async def test_vip_customers_reach_only_the_vip_team(desk: Desk) -> None:
    whale = await desk.customer("whale", vip=3)
    tom = await desk.staff("tom")
    vera = await desk.staff("vera")
    await online(tom)
    chat = await open_ticket(whale, "chat")
    await desk.settle()
    assert await offers(tom) == []  # tier 1 never sees VIP work
    await online(vera)
    # Going online pulls from the queue at once; no wait for the periodic sweep.
    await desk.settle()
    [offer] = await offers(vera)
    assert offer["ticket_id"] == chat


async def test_no_agent_online_is_announced_and_overflow_widens_language(desk: Desk) -> None:
    ivan = await desk.customer("ivan", lang="tr")
    tom = await desk.staff("tom")  # speaks en and vi, not tr
    chat = await open_ticket(
        ivan, "chat", "Yardım", "Para yatırma işlemim hesabıma gelmedi, yardım eder misiniz?"
    )
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        types = list((await session.execute(select(OutboxEvent.type))).scalars())
    assert "routing.no_agent" in types
    await online(tom)
    advance(desk, 11)
    await desk.settle()
    assert await offers(tom) == []  # no Turkish speaker yet
    advance(desk, 60)  # past the chat overflow threshold: English speakers may take it
    await desk.settle()
    [offer] = await offers(tom)
    assert offer["ticket_id"] == chat


async def test_offers_belong_to_their_agent(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    erin = await desk.staff("erin")
    await online(tom)
    await open_ticket(alice, "chat")
    await desk.settle()
    [offer] = await offers(tom)
    stolen = await erin.post(f"/api/v1/routing/offers/{offer['id']}/accept")
    assert stolen.status_code == 403
    missing = await tom.post("/api/v1/routing/offers/999999/accept")
    assert missing.status_code == 404
    assert (await alice.get("/api/v1/routing/offers")).status_code == 403


async def test_agents_pull_tickets_and_nobody_goes_above_capacity(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    sam = await desk.staff("sam")
    ada = await desk.staff("ada")
    await set_capacity(ada, tom, ticket_capacity=1)
    low = await open_ticket(alice, "email", "Suggestion", "Would be nice to have a dark mode")
    hacked = await open_ticket(alice, "web", "Help", "My account was hacked!")
    await desk.settle()
    queue = (await sam.get("/api/v1/routing/queue")).json()
    assert [item["ticket_id"] for item in queue] == [hacked, low]  # urgent first
    assert (await tom.get("/api/v1/routing/queue")).status_code == 403
    pulled = await tom.post("/api/v1/routing/next")
    assert pulled.json()["ticket_id"] == hacked
    assert (await tom.post("/api/v1/routing/next")).json()["ticket_id"] is None  # full
    # Not by hand either: the supervisor cannot push a second ticket onto tom.
    pushed = await sam.patch(f"/api/v1/tickets/{low}", json={"assignee_id": tom.id})
    assert pushed.status_code == 409
    assert (await alice.post("/api/v1/routing/next")).status_code == 403
