"""SLA clocks on real tickets, driven through the API with the fake clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from cexdesk.app import build_context
from cexdesk.core.auth import Role
from cexdesk.core.clock import FakeClock
from cexdesk.core.models import OutboxEvent
from tests.personas import Desk, Person
from tests.ticket_helpers import refresh_sign_ins


async def open_ticket(person: Person, **fields: Any) -> int:
    body = {"subject": "Deposit not credited", "body": "My USDT deposit is missing", **fields}
    response = await person.post("/api/v1/tickets", json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def clocks(person: Person, ticket_id: int) -> dict[str, dict[str, Any]]:
    response = await person.get(f"/api/v1/tickets/{ticket_id}/sla")
    assert response.status_code == 200, response.text
    return {f"{c['metric']}#{c['cycle']}": c for c in response.json()}


async def advance(desk: Desk, seconds: float) -> None:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    clock.advance(seconds)
    if seconds > 11 * 3600:
        await refresh_sign_ins(desk)  # staff sessions last 12 h; signing in again is slow
    else:
        for person in desk.people.values():
            if person.role is Role.CUSTOMER:  # exchange tokens live minutes, not hours
                person.client.headers["Authorization"] = (
                    f"Bearer {desk.exchange_token(f'uid-{person.name}')}"
                )
    await desk.settle()


async def event_types(desk: Desk) -> list[str]:
    async with desk.ctx.db.reading() as session:
        return list((await session.execute(select(OutboxEvent.type))).scalars())


async def test_email_first_reply_warns_then_breaches(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ticket_id = await open_ticket(alice, channel="email")
    await desk.settle()
    first = (await clocks(tom, ticket_id))["first_reply#1"]
    assert first["target_seconds"] == 3600
    assert first["status"] == "active"
    await advance(desk, 47 * 60)
    assert "sla.near_breach" not in await event_types(desk)
    await advance(desk, 2 * 60)  # past 80 % of the hour
    assert "sla.near_breach" in await event_types(desk)
    assert not (await clocks(tom, ticket_id))["first_reply#1"]["breached"]
    await advance(desk, 12 * 60)
    breached = (await clocks(tom, ticket_id))["first_reply#1"]
    assert breached["breached"]
    assert breached["status"] == "active"  # still owed an answer
    assert "sla.breached" in await event_types(desk)
    await tom.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": "Looking into it"})
    await desk.settle()
    assert (await clocks(tom, ticket_id))["first_reply#1"]["status"] == "fulfilled"


async def test_pending_pauses_and_customer_reply_starts_next_reply(desk: Desk) -> None:
    bob = await desk.customer("bob")
    tom = await desk.staff("tom")
    ticket_id = await open_ticket(bob, channel="web")
    await desk.settle()
    await advance(desk, 10 * 60)
    reply = await tom.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "Please send the transaction hash", "status": "pending"},
    )
    assert reply.status_code in (200, 201), reply.text
    await desk.settle()
    after_reply = await clocks(tom, ticket_id)
    assert after_reply["first_reply#1"]["status"] == "fulfilled"
    assert not after_reply["first_reply#1"]["breached"]
    assert after_reply["resolution#1"]["status"] == "paused"
    # Three days waiting on the customer must not count against us.
    await advance(desk, 3 * 86400)
    assert not (await clocks(tom, ticket_id))["resolution#1"]["breached"]
    answer = await bob.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": "0xabc..."})
    assert answer.status_code in (200, 201), answer.text
    await desk.settle()
    reopened = await clocks(tom, ticket_id)
    assert reopened["resolution#1"]["status"] == "active"
    assert reopened["next_reply#1"]["status"] == "active"
    assert reopened["next_reply#1"]["target_seconds"] == 4 * 3600
    # Elapsed resolution time is the 10 minutes before the pause, not three days.
    assert reopened["resolution#1"]["remaining_seconds"] == 72 * 3600 - 600


async def test_chat_pickup_within_twenty_seconds(desk: Desk) -> None:
    carol = await desk.customer("carol")
    tom = await desk.staff("tom")
    quick = await open_ticket(carol, channel="chat")
    slow = await open_ticket(carol, channel="chat", subject="Second chat")
    await desk.settle()
    await advance(desk, 15)
    taken = await tom.patch(f"/api/v1/tickets/{quick}", json={"assignee_id": tom.id})
    assert taken.status_code == 200, taken.text
    await desk.settle()
    await advance(desk, 10)
    quick_pickup = (await clocks(tom, quick))["chat_pickup#1"]
    slow_pickup = (await clocks(tom, slow))["chat_pickup#1"]
    assert quick_pickup["status"] == "fulfilled"
    assert not quick_pickup["breached"]
    assert slow_pickup["breached"]


async def test_business_hours_policy_skips_nights_and_holidays(desk: Desk) -> None:
    sam = await desk.staff("sam")
    policy = {
        "name": "Hanoi office",
        "targets": [{"metric": "first_reply", "seconds": 7200, "business_hours": True}],
        "calendar": {
            "timezone": "Asia/Ho_Chi_Minh",
            "blocks": [{"weekday": d, "start": "09:00", "end": "18:00"} for d in range(5)],
            "holidays": ["2026-01-06"],
        },
    }
    saved = await sam.put("/api/v1/sla/policies", json={"policies": [policy]})
    assert saved.status_code == 200, saved.text
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    clock.set(datetime(2026, 1, 5, 10, 0, tzinfo=UTC))  # Monday 17:00 in Hanoi
    await refresh_sign_ins(desk)
    alice = await desk.customer("alice")
    ticket_id = await open_ticket(alice, channel="email")
    await desk.settle()
    first = (await clocks(sam, ticket_id))["first_reply#1"]
    # 1 h on Monday, Tuesday is a holiday, 1 h on Wednesday: due 10:00 Hanoi = 03:00 UTC.
    assert first["due_at"].startswith("2026-01-07T03:00")


async def test_policy_changes_need_permission_and_valid_input(desk: Desk) -> None:
    tom = await desk.staff("tom")
    sam = await desk.staff("sam")
    one = {"name": "x", "targets": [{"metric": "first_reply", "seconds": 60}]}
    assert (await tom.put("/api/v1/sla/policies", json={"policies": [one]})).status_code == 403
    bad_zone = {**one, "calendar": {"timezone": "Mars/Base"}}
    refused = await sam.put("/api/v1/sla/policies", json={"policies": [bad_zone]})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "policies.0.calendar"
    unknown = await sam.put("/api/v1/sla/policies", json={"policies": [{**one, "speed": 1}]})
    assert unknown.status_code == 422
    listed = await sam.get("/api/v1/sla/policies")
    assert listed.json()[0]["name"] == "Security emergencies"


async def test_breach_timer_fires_after_a_restart(desk: Desk) -> None:
    alice = await desk.customer("alice")
    ticket_id = await open_ticket(alice, channel="email")
    await desk.settle()
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    clock.advance(2 * 3600)
    # A new process on the same database, as after a crash: the timer is a row, not memory.
    reborn = build_context(desk.ctx.settings, clock=clock)
    await reborn.start(background=False)
    try:
        await reborn.runner.drain()
        async with reborn.db.reading() as session:
            types = list((await session.execute(select(OutboxEvent.type))).scalars())
    finally:
        await reborn.stop()
    assert "sla.breached" in types
    tom = await desk.staff("tom")
    assert (await clocks(tom, ticket_id))["first_reply#1"]["breached"]


async def test_reopen_after_solve_resumes_resolution_and_asks_for_a_next_reply(
    desk: Desk,
) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ticket_id = await open_ticket(alice, channel="email")
    await desk.settle()
    await advance(desk, 30 * 60)
    solved = await tom.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "Credited now, sorry for the wait.", "status": "solved"},
    )
    assert solved.status_code in (200, 201), solved.text
    await desk.settle()
    assert (await clocks(tom, ticket_id))["resolution#1"]["status"] == "paused"
    await advance(desk, 20 * 3600)  # solved for most of a day: not counted
    reopened = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "It is still missing!"}
    )
    assert reopened.status_code in (200, 201), reopened.text
    await desk.settle()
    after = await clocks(tom, ticket_id)
    assert after["resolution#1"]["status"] == "active"
    assert after["resolution#1"]["remaining_seconds"] == 72 * 3600 - 30 * 60
    assert after["next_reply#1"]["status"] == "active"
    assert after["first_reply#1"]["status"] == "fulfilled"


async def test_breach_actions_raise_escalate_and_reassign(desk: Desk) -> None:
    sam = await desk.staff("sam")
    tom = await desk.staff("tom")
    alice = await desk.customer("alice")
    policy = {
        "name": "Strict email",
        "targets": [{"metric": "first_reply", "seconds": 600, "warn_at": 0.5}],
        "warn_actions": ["notify", "escalate"],
        "breach_actions": ["notify", "raise_priority", "reassign"],
    }
    saved = await sam.put("/api/v1/sla/policies", json={"policies": [policy]})
    assert saved.status_code == 200, saved.text
    ticket_id = await open_ticket(alice, channel="email")
    taken = await tom.patch(f"/api/v1/tickets/{ticket_id}", json={"assignee_id": tom.id})
    assert taken.status_code == 200, taken.text
    await desk.settle()
    await advance(desk, 5 * 60 + 1)  # half-way: escalate
    seen = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert seen["ticket"]["priority"] == "high"
    assert any("Escalated to supervisors" in m["body"] for m in seen["messages"])
    assert seen["ticket"]["assignee_id"] == tom.id
    await advance(desk, 5 * 60)  # breached: one step up and back to the queue
    seen = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert seen["ticket"]["priority"] == "urgent"
    assert seen["ticket"]["assignee_id"] is None
