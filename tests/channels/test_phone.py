"""Phone: signed call events from the provider become one conversation; calls logged by hand."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from cexdesk.channels.models import InboundPayload
from cexdesk.channels.phone.parse import duration_text
from cexdesk.channels.phone.views import signature
from cexdesk.core.models import AuditEntry
from cexdesk.core.settings import Settings
from cexdesk.customers.models import CustomerIdentity
from tests.personas import Desk

SECRET = "phone-webhook-test-secret"
URL = "/api/v1/channels/phone/events"
CALLER = "+84901234567"
SEED = "abandon ability able about above absent absorb abstract absurd abuse access accident"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"phone_webhook_secret": SECRET})


def call_event(
    event: str,
    sequence: int,
    data: dict[str, Any] | None = None,
    *,
    call_id: str = "CA5e1f7c2d",
    number: str = CALLER,
    direction: str = "inbound",
) -> dict[str, Any]:
    """The shape the provider posts (see channels/phone/views.py)."""
    ours = "+442071234567"
    return {
        "id": f"evt_{call_id}_{sequence}",
        "event": event,
        "sequence": sequence,
        "occurred_at": "2024-05-01T08:30:00Z",
        "call": {
            "id": call_id,
            "direction": direction,
            "from": number if direction == "inbound" else ours,
            "to": ours if direction == "inbound" else number,
            "caller_name": "NGUYEN VAN AN",
        },
        "data": data or {},
    }  # fmt: skip


def signed(desk: Desk, body: bytes, *, age: int = 0, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(desk.ctx.clock.now().timestamp()) - age)
    return {
        "Content-Type": "application/json",
        "X-Timestamp": stamp,
        "X-Signature": signature(secret, stamp, body),
    }


async def post(desk: Desk, event: dict[str, Any], **kw: Any) -> httpx.Response:
    body = json.dumps(event).encode()
    return await desk.anonymous().post(URL, content=body, headers=signed(desk, body, **kw))


async def stored_count(desk: Desk) -> int:
    async with desk.ctx.db.reading() as session:
        return int((await session.execute(select(func.count(InboundPayload.id)))).scalar_one())


def a_call(
    call_id: str = "CA5e1f7c2d", transcript: str = "Hi, my USDT deposit is missing."
) -> list[dict[str, Any]]:
    return [
        call_event("call.ringing", 1, call_id=call_id),
        call_event("call.answered", 2, {"agent": {"extension": "1042",
                                                  "email": "tom@cexdesk.test"}}, call_id=call_id),
        call_event("call.ended", 3, {"duration_seconds": 252, "disposition": "completed"},
                   call_id=call_id),
        call_event("call.recording_available", 4, {"recording": {
            "url": "https://media.provider.test/RE1.mp3", "duration_seconds": 250,
            "format": "mp3"}}, call_id=call_id),
        call_event("call.transcript_available", 5, {"transcript": {
            "text": transcript, "language": "en", "confidence": 0.91}}, call_id=call_id),
    ]  # fmt: skip


async def test_bad_signatures_are_refused_and_nothing_is_stored(desk: Desk) -> None:
    event = json.dumps(call_event("call.ringing", 1)).encode()
    client = desk.anonymous()
    missing = await client.post(URL, content=event)
    wrong = await client.post(URL, content=event, headers=signed(desk, event, secret="guess"))
    stale = await client.post(URL, content=event, headers=signed(desk, event, age=301))
    future = await client.post(URL, content=event, headers=signed(desk, event, age=-301))
    headers = signed(desk, event)
    tampered = await client.post(URL, content=event.replace(b"+849", b"+848"), headers=headers)
    # The timestamp is signed with the body: a fresh one on a captured body does not verify.
    replayed = {**signed(desk, event, age=200), "X-Timestamp": headers["X-Timestamp"]}
    moved = await client.post(URL, content=event, headers=replayed)
    for response in (missing, wrong, stale, future, tampered, moved):
        assert response.status_code == 403, response.text
    assert await stored_count(desk) == 0
    fresh = await client.post(URL, content=event, headers=signed(desk, event, age=299))
    assert fresh.status_code == 200, fresh.text
    assert await stored_count(desk) == 1


async def test_phone_is_off_until_configured(desk: Desk) -> None:
    desk.ctx.settings = desk.ctx.settings.model_copy(update={"phone_webhook_secret": None})
    assert (await post(desk, call_event("call.ringing", 1))).status_code == 404
    assert await stored_count(desk) == 0


async def test_a_calls_events_become_one_phone_ticket_once(desk: Desk) -> None:
    tom = await desk.staff("tom")
    events = a_call()
    for event in events:
        assert (await post(desk, event)).status_code == 200
        await desk.settle()
    for event in events:  # the provider retries every one of them
        again = await post(desk, event)
        assert again.status_code == 200
        assert again.json()["duplicate"] is True
    await desk.settle()
    assert await stored_count(desk) == len(events)
    async with desk.ctx.db.reading() as session:
        payloads = (
            await session.execute(
                select(InboundPayload.status, InboundPayload.error, InboundPayload.ticket_id)
            )
        ).all()
        number, customer_id = (
            await session.execute(
                select(CustomerIdentity.address, CustomerIdentity.customer_id).where(
                    CustomerIdentity.channel == "phone"
                )
            )
        ).one()
    assert {p.status for p in payloads} == {"processed"}, [p.error for p in payloads]
    assert len({p.ticket_id for p in payloads}) == 1
    assert number == CALLER
    shown = (await tom.get(f"/api/v1/tickets/{payloads[0].ticket_id}")).json()
    assert shown["ticket"]["channel"] == "phone"
    assert shown["ticket"]["requester_id"] == customer_id
    assert shown["ticket"]["subject"] == f"Phone call from {CALLER}"
    assert [m["body"] for m in shown["messages"]] == [
        f"Incoming call from {CALLER}, ringing",
        "Call answered by tom@cexdesk.test (ext. 1042)",
        "Call ended after 4:12",
        "Recording: https://media.provider.test/RE1.mp3",
        "Transcript (en): Hi, my USDT deposit is missing.",
    ]
    assert {m["author_type"] for m in shown["messages"]} == {"customer"}
    customer = (await tom.get(f"/api/v1/customers/{customer_id}")).json()
    assert customer["display_name"] == "NGUYEN VAN AN"
    assert customer["exchange_uid"] is None


async def test_later_events_thread_onto_the_call_and_a_new_call_joins_the_conversation(
    desk: Desk,
) -> None:
    tom = await desk.staff("tom")
    # Delivered out of order: the end arrives before the ring.
    for event in (a_call()[2], a_call()[0], a_call("CA0002")[0]):
        assert (await post(desk, event)).status_code == 200
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        tickets = set((await session.execute(select(InboundPayload.ticket_id))).scalars())
    assert len(tickets) == 1  # phone is threadless: a recent open conversation continues
    shown = (await tom.get(f"/api/v1/tickets/{tickets.pop()}")).json()
    assert [m["body"] for m in shown["messages"]] == [
        "Call ended after 4:12",
        f"Incoming call from {CALLER}, ringing",
        f"Incoming call from {CALLER}, ringing",
    ]


async def test_transcript_goes_through_intake(desk: Desk) -> None:
    tom = await desk.staff("tom")
    for event in a_call(transcript=f"my seed is {SEED}, please help"):
        assert (await post(desk, event)).status_code == 200
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        ticket_id = (await session.execute(select(InboundPayload.ticket_id))).scalars().first()
        raws = b"".join((await session.execute(select(InboundPayload.raw))).scalars())
    bodies = [m["body"] for m in (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["messages"]]
    transcript = next(b for b in bodies if b.startswith("Transcript"))
    assert "abandon ability" not in transcript
    assert "[seed phrase removed]" in transcript
    assert any("seed phrase" in b for b in bodies if b != transcript)  # the warning
    assert b"abandon ability" not in raws  # scrubbed once the masked message is stored


async def test_unreadable_and_unknown_events_are_kept(desk: Desk) -> None:
    ada = await desk.staff("ada")
    garbage = b'{"event": "call.ringing", "call": {"id": "CA9", "from": "not a number"}}'
    answer = await desk.anonymous().post(URL, content=garbage, headers=signed(desk, garbage))
    assert answer.status_code == 200
    assert (await post(desk, call_event("call.queued", 1, call_id="CA10"))).status_code == 200
    await desk.settle()
    listed = (await ada.get("/api/v1/admin/inbound", params={"channel": "phone"})).json()
    assert sorted(p["status"] for p in listed["items"]) == ["ignored", "quarantined"]


async def test_missed_and_outbound_calls(desk: Desk) -> None:
    tom = await desk.staff("tom")
    number = "+4915112345678"
    events = [
        call_event("call.ringing", 1, call_id="CA20", number=number, direction="outbound"),
        call_event("call.ended", 2, {"duration_seconds": 0, "disposition": "no-answer"},
                   call_id="CA20", number=number, direction="outbound"),
    ]  # fmt: skip
    for event in events:
        assert (await post(desk, event)).status_code == 200
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        ticket_id = (await session.execute(select(InboundPayload.ticket_id))).scalars().first()
    shown = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert shown["ticket"]["subject"] == f"Phone call to {number}"
    assert [m["body"] for m in shown["messages"]] == [
        f"Calling {number}, ringing",
        "Call ended after 0:00, no answer",
    ]
    assert duration_text(3723) == "1:02:03"


async def test_agents_log_calls_as_notes_or_new_tickets(desk: Desk) -> None:
    alice = await desk.customer("alice", lang="vi")
    tom = await desk.staff("tom")
    url = f"/api/v1/customers/{alice.id}/calls"
    opened = await tom.post(url, json={
        "direction": "inbound", "phone": "+84 90 111 2222", "duration_seconds": 95,
        "summary": "Asked why her withdrawal is pending; explained the review."})  # fmt: skip
    assert opened.status_code == 201, opened.text
    assert opened.json()["created_ticket"] is True
    ticket_id = opened.json()["ticket_id"]
    shown = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert shown["ticket"]["channel"] == "phone"
    assert shown["ticket"]["language"] == "vi"  # the profile's, not the English write-up's
    assert shown["ticket"]["requester_id"] == alice.id
    assert shown["ticket"]["assignee_id"] == tom.id
    first = shown["messages"][0]
    assert first["author_type"] == "agent"
    assert first["body"].startswith("Inbound call from +84901112222, 1:35\n\n")
    noted = await tom.post(url, json={
        "direction": "outbound", "duration_seconds": 30, "summary": "Called back, resolved.",
        "ticket_id": ticket_id})  # fmt: skip
    assert noted.status_code == 201, noted.text
    assert noted.json() == {"ticket_id": ticket_id, "message_id": noted.json()["message_id"],
                            "created_ticket": False}  # fmt: skip
    mine = (await alice.get(f"/api/v1/tickets/{ticket_id}")).json()["messages"]
    assert [m["author_type"] for m in mine] == ["agent"]  # the note stays internal
    # The number now finds alice when she calls.
    detail = (await tom.get(f"/api/v1/customers/{alice.id}")).json()
    assert ("phone", "+84901112222") in {(i["channel"], i["address"]) for i in detail["identities"]}
    async with desk.ctx.db.reading() as session:
        logged = await session.execute(
            select(func.count()).where(AuditEntry.action == "phone.call_logged")
        )
        assert logged.scalar_one() == 2
    bob = await desk.customer("bob")
    other = await tom.post(
        f"/api/v1/customers/{bob.id}/calls",
        json={
            "direction": "inbound",
            "duration_seconds": 5,
            "summary": "x",
            "ticket_id": ticket_id,
        },
    )
    assert other.status_code == 422  # alice's ticket is not bob's
    assert (await alice.post(url, json={"direction": "inbound", "duration_seconds": 1,
                                        "summary": "me"})).status_code == 403  # fmt: skip
    missing = await tom.post(
        "/api/v1/customers/999999/calls",
        json={"direction": "inbound", "duration_seconds": 1, "summary": "?"},
    )
    assert missing.status_code == 404
