"""The one inbound path: stored first, de-duplicated, threaded, failures kept and replayed.

A minimal JSON wire format on the generic "api" channel stands in for a channel here,
registered the way real adapters register; the adapters' own tests use their real
protocols.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from cexdesk.channels import inbound
from cexdesk.channels.models import InboundPayload
from cexdesk.channels.registry import PARSERS, register
from tests.personas import Desk

CHANNEL = "api"


def parse(raw: bytes, content_type: str) -> inbound.InboundMessage:
    data = json.loads(raw)
    if data.get("auto"):
        raise inbound.Ignored("auto-reply")
    if data.get("explode"):
        raise RuntimeError("parser bug")
    return inbound.InboundMessage(
        channel=CHANNEL,
        sender=data["from"],
        sender_name=data.get("name"),
        text=data["text"],
        subject=data.get("subject"),
        external_id=data["id"],
        thread_refs=tuple(data.get("refs", ())),
    )


@pytest.fixture(autouse=True)
def testwire() -> Iterator[None]:
    register(CHANNEL, parse)
    yield
    PARSERS.pop(CHANNEL, None)


async def deliver(desk: Desk, **data: object) -> int:
    raw = json.dumps(data).encode()
    async with desk.ctx.db.transaction() as session:
        stored = await inbound.store(session, CHANNEL, str(data["id"]), raw, "application/json")
    await desk.settle()
    return stored.payload_id


async def payload(desk: Desk, payload_id: int) -> InboundPayload:
    async with desk.ctx.db.reading() as session:
        found = await session.get(InboundPayload, payload_id)
        assert found is not None
        session.expunge(found)
        return found


async def test_messages_open_and_continue_one_conversation_once(desk: Desk) -> None:
    tom = await desk.staff("tom")
    first = await deliver(desk, id="m1", **{"from": "zoe"}, name="Zoe", subject="Deposit",
                          text="My BTC deposit is missing")  # fmt: skip
    again = await deliver(desk, id="m1", **{"from": "zoe"}, text="My BTC deposit is missing")
    assert again == first  # the same delivery twice is one payload
    reply = await deliver(desk, id="m2", **{"from": "zoe"}, text="any news?", refs=["m1"])
    stored = await payload(desk, first)
    assert stored.status == "processed", stored.error
    assert (await payload(desk, reply)).ticket_id == stored.ticket_id
    seen = (await tom.get(f"/api/v1/tickets/{stored.ticket_id}")).json()
    assert [m["body"] for m in seen["messages"]] == ["My BTC deposit is missing", "any news?"]
    assert seen["ticket"]["channel"] == CHANNEL


async def test_failures_are_kept_retried_quarantined_and_replayable(desk: Desk) -> None:
    ada = await desk.staff("ada")
    ignored = await deliver(desk, id="auto1", auto=True)
    assert (await payload(desk, ignored)).status == "ignored"
    broken = await deliver(desk, id="bad1", explode=True)
    failed = await payload(desk, broken)
    assert failed.status == "failed"
    assert failed.error is not None
    assert "parser bug" in failed.error
    for _ in range(inbound.MAX_ATTEMPTS):
        desk.ctx.clock.advance(3600)  # type: ignore[attr-defined]
        await desk.settle()
    quarantined = await payload(desk, broken)
    assert quarantined.status == "quarantined"
    assert quarantined.attempts == inbound.MAX_ATTEMPTS
    listed = await ada.get("/api/v1/admin/inbound", params={"status": "quarantined"})
    assert [p["id"] for p in listed.json()["items"]] == [broken]
    # The bug is fixed: the admin replays and the message lands.
    async with desk.ctx.db.transaction() as session:
        row = await session.get(InboundPayload, broken)
        assert row is not None
        row.raw = json.dumps({"id": "bad1", "from": "yan", "text": "hello"}).encode()
    replayed = await ada.post(f"/api/v1/admin/inbound/{broken}/replay")
    assert replayed.status_code == 200, replayed.text
    await desk.settle()
    assert (await payload(desk, broken)).status == "processed"
    tom = await desk.staff("tom")
    assert (await tom.get("/api/v1/admin/inbound")).status_code == 403


async def test_sender_must_own_the_thread(desk: Desk) -> None:
    await deliver(desk, id="a1", **{"from": "amy"}, text="my withdrawal is stuck")
    hijack = await deliver(desk, id="b1", **{"from": "bad"}, text="pay me", refs=["a1"])
    async with desk.ctx.db.reading() as session:
        tickets = set((await session.execute(select(InboundPayload.ticket_id))).scalars())
    assert len(tickets) == 2  # the stranger got a conversation of their own
    assert (await payload(desk, hijack)).status == "processed"


async def test_raw_bytes_are_scrubbed_once_the_message_is_stored(desk: Desk) -> None:
    secret = "abandon " * 11 + "about"
    done = await deliver(desk, id="s1", **{"from": "sam"}, text=f"my words: {secret}")
    ignored = await deliver(desk, id="s2", auto=True, text=secret)
    assert (await payload(desk, done)).raw == b""
    assert (await payload(desk, ignored)).raw == b""
    async with desk.ctx.db.reading() as session:
        bodies = (await session.execute(select(InboundPayload.raw))).scalars().all()
    assert all(b"abandon abandon" not in raw for raw in bodies)
