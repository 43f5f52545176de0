"""X direct messages: Account Activity deliveries signed the way X signs them, replies out
to a real HTTP server on loopback standing in for the X API v2."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from cexdesk.channels.models import InboundPayload
from cexdesk.core.settings import Settings
from cexdesk.customers.models import CustomerIdentity
from cexdesk.tickets.models import Message, Ticket
from tests import conftest
from tests.channels.fake_api import Call, FakeAPI, serving
from tests.personas import Desk

PAYLOADS = Path(__file__).parent / "payloads" / "x"
CONSUMER_SECRET = "xcs-3bW9qLmT0pZr6VhN2yKd8sFj"
BEARER = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI"
OURS = "1456000000000000001"
CARLOS = "98765432"
WEBHOOK = "/api/v1/channels/x/webhook"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text())
    return data


def x_signature(data: bytes, secret: str = CONSUMER_SECRET) -> str:
    """Computed here independently of the code under test, as X documents it."""
    digest = hmac.new(secret.encode(), data, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


def dm_sent(call: Call) -> tuple[int, Any]:
    return 201, load("dm_sent")


@pytest.fixture
async def x_api() -> AsyncIterator[FakeAPI]:
    async with serving(dm_sent) as api:
        yield api


@pytest.fixture
def x_on() -> bool:
    return True


@pytest.fixture
def settings(database_url: str, tmp_path: Path, x_api: FakeAPI, x_on: bool) -> Settings:
    if not x_on:
        return conftest.test_settings(database_url, tmp_path / "var")
    return conftest.test_settings(
        database_url, tmp_path / "var", x_consumer_secret=CONSUMER_SECRET,
        x_bearer_token=BEARER, x_account_id=OURS, x_api_base=x_api.url,
    )  # fmt: skip


async def post(desk: Desk, delivery: dict[str, Any], signature: str | None = "good") -> Any:
    raw = json.dumps(delivery).encode()
    headers = {"content-type": "application/json"}
    if signature == "good":
        headers["x-twitter-webhooks-signature"] = x_signature(raw)
    elif signature is not None:
        headers["x-twitter-webhooks-signature"] = signature
    return await desk.anonymous().post(WEBHOOK, content=raw, headers=headers)


async def deliver(desk: Desk, delivery: dict[str, Any]) -> list[InboundPayload]:
    answered = await post(desk, delivery)
    assert answered.status_code == 200, answered.text
    await desk.settle()
    found = []
    async with desk.ctx.db.reading() as session:
        for payload_id in answered.json()["payload_ids"]:
            stored = await session.get(InboundPayload, payload_id)
            assert stored is not None
            session.expunge(stored)
            found.append(stored)
    return found


async def count(desk: Desk, model: Any) -> int:
    async with desk.ctx.db.reading() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_crc_challenge_is_answered_with_the_hmac(desk: Desk) -> None:
    token = "ZjYyNmI1ODUtODcwNC00ZTQzLWI2ZTYtYjEyYzkxNDFhOWM4"
    answered = await desk.anonymous().get(WEBHOOK, params={"crc_token": token})
    assert answered.status_code == 200, answered.text
    assert answered.json() == {"response_token": x_signature(token.encode())}
    assert (await desk.anonymous().get(WEBHOOK)).status_code == 422


@pytest.mark.parametrize("x_on", [False])
async def test_webhook_is_absent_until_configured(desk: Desk) -> None:
    assert (await desk.anonymous().get(WEBHOOK, params={"crc_token": "abc"})).status_code == 404
    assert (await post(desk, load("dm_in"))).status_code == 404


async def test_unsigned_or_forged_deliveries_store_nothing(desk: Desk) -> None:
    delivery = load("dm_in")
    assert (await post(desk, delivery, signature=None)).status_code == 403
    forged = x_signature(json.dumps(delivery).encode(), secret="someone-else")
    assert (await post(desk, delivery, signature=forged)).status_code == 403
    raw = json.dumps(delivery).encode()
    tampered = raw.replace(b"0.5 ETH", b"5.0 ETH")
    wrong = await desk.anonymous().post(
        WEBHOOK, content=tampered, headers={"x-twitter-webhooks-signature": x_signature(raw)}
    )
    assert wrong.status_code == 403
    assert wrong.headers["content-type"] == "application/problem+json"
    garbage = b"{nope"
    bad = await desk.anonymous().post(
        WEBHOOK, content=garbage, headers={"x-twitter-webhooks-signature": x_signature(garbage)}
    )
    assert bad.status_code == 400
    assert await count(desk, InboundPayload) == 0


async def test_direct_messages_open_and_continue_one_conversation(desk: Desk) -> None:
    [first] = await deliver(desk, load("dm_in"))
    assert first.status == "processed", first.error
    assert first.source_key == "x:1801234567890123456"
    again = await post(desk, load("dm_in"))  # X retries a delivery it thinks failed
    assert again.json()["payload_ids"] == [first.id]
    both = await deliver(desk, load("dm_two_events"))
    assert [p.status for p in both] == ["processed", "processed"]
    assert {p.ticket_id for p in both} == {first.ticket_id}
    async with desk.ctx.db.reading() as session:
        identity = (await session.execute(select(CustomerIdentity))).scalar_one()
        assert (identity.channel, identity.address) == ("x", CARLOS)
        customer_id = identity.customer_id
        rows = (await session.execute(select(Message.body, Message.external_id)
                                      .order_by(Message.id))).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        ("Hello, my withdrawal of 0.5 ETH is stuck as pending, see https://etherscan.io/tx/"
         "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
         "x:1801234567890123456"),
        ("the tx hash is in the link above", "x:1801234567890124001"),
        ("[photo]\nand a screenshot", "x:1801234567890124002"),
    ]  # fmt: skip
    tom = await desk.staff("tom")
    customer = (await tom.get(f"/api/v1/customers/{customer_id}")).json()
    assert customer["display_name"] == "Carlos Mendes"


@pytest.mark.parametrize("name", ["dm_echo", "follow"])
async def test_our_own_echo_and_other_activity_open_nothing(desk: Desk, name: str) -> None:
    stored = await deliver(desk, load(name))
    assert [p.status for p in stored] == ["ignored"]
    assert await count(desk, Ticket) == 0


async def test_typing_indicators_are_acknowledged_not_stored(desk: Desk) -> None:
    assert await deliver(desk, load("typing")) == []
    assert await count(desk, InboundPayload) == 0


async def test_reply_goes_out_as_a_direct_message(desk: Desk, x_api: FakeAPI) -> None:
    [stored] = await deliver(desk, load("dm_in"))
    tom = await desk.staff("tom")
    ticket = stored.ticket_id
    await tom.post(f"/api/v1/tickets/{ticket}/notes", json={"body": "chain explorer shows it"})
    reply = await tom.post(f"/api/v1/tickets/{ticket}/replies",
                           json={"body": "Your withdrawal is confirmed on chain now."})  # fmt: skip
    assert reply.status_code == 201, reply.text
    await desk.settle()
    [call] = x_api.calls  # the internal note never went out
    assert call.method == "POST"
    assert call.path == f"/2/dm_conversations/with/{CARLOS}/messages"
    assert call.headers["authorization"] == f"Bearer {BEARER}"
    assert call.json == {"text": "Your withdrawal is confirmed on chain now."}
    async with desk.ctx.db.reading() as session:
        sent = await session.get(Message, reply.json()["message"]["id"])
        assert sent is not None
        assert sent.external_id == "x:1801234567890200001"
    # X then delivers our own message back to the webhook: ignored, nothing added.
    echo = load("dm_echo")
    echo["direct_message_events"][0]["id"] = "1801234567890200001"
    assert [p.status for p in await deliver(desk, echo)] == ["ignored"]
    seen = (await tom.get(f"/api/v1/tickets/{ticket}")).json()
    assert len(seen["messages"]) == 3


async def test_a_refused_dm_leaves_a_note_on_the_ticket(desk: Desk, x_api: FakeAPI) -> None:
    [stored] = await deliver(desk, load("dm_in"))
    tom = await desk.staff("tom")
    x_api.answer_next(403, load("dm_forbidden"))
    await tom.post(f"/api/v1/tickets/{stored.ticket_id}/replies", json={"body": "Hello?"})
    await desk.settle()
    seen = (await tom.get(f"/api/v1/tickets/{stored.ticket_id}")).json()
    [note] = [m for m in seen["messages"] if m["internal"]]
    assert "did not reach the customer by x" in note["body"]
    assert "not permitted to send a message" in note["body"]
    assert BEARER not in note["body"]


async def test_rate_limits_are_retried(desk: Desk, x_api: FakeAPI) -> None:
    [stored] = await deliver(desk, load("dm_in"))
    tom = await desk.staff("tom")
    x_api.answer_next(429, {"title": "Too Many Requests", "detail": "Too Many Requests",
                            "type": "about:blank", "status": 429})  # fmt: skip
    await tom.post(f"/api/v1/tickets/{stored.ticket_id}/replies", json={"body": "Checking."})
    await desk.settle()
    for _ in range(3):
        desk.ctx.clock.advance(60)  # type: ignore[attr-defined]
        await desk.settle()
    assert [c.json for c in x_api.calls] == [{"text": "Checking."}] * 2
    seen = (await tom.get(f"/api/v1/tickets/{stored.ticket_id}")).json()
    assert not [m for m in seen["messages"] if m["internal"]]
