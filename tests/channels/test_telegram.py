"""Telegram: the Bot API webhook posted the way Telegram posts it, replies out to a real
HTTP server on loopback standing in for api.telegram.org."""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from cexdesk.channels.models import InboundPayload
from cexdesk.channels.telegram.parse import parse
from cexdesk.channels.telegram.send import chunks
from cexdesk.core.settings import Settings
from cexdesk.customers.models import CustomerIdentity
from cexdesk.tickets.models import Attachment, Message, Ticket
from tests import conftest
from tests.channels.fake_api import Call, FakeAPI, serving
from tests.personas import Desk

PAYLOADS = Path(__file__).parent / "payloads" / "telegram"
TOKEN = "6901234567:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"
SECRET = "wh-secret-Zq3vN8rT1yLx"
ANNA = 7340012345
WEBHOOK = "/api/v1/channels/telegram/webhook"


def load(name: str, **changes: Any) -> dict[str, Any]:
    update: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text())
    update.update(changes)
    return update


def sent_ok(call: Call) -> tuple[int, Any]:
    """Telegram's answer to sendMessage: the message as sent, with a fresh id (901...)."""
    answer = load("send_message_ok")
    result = answer["result"]
    result["message_id"] = 900 + next(_message_ids)
    if "document" in call.json:
        del result["text"]
        name = call.json["document"]["filename"]
        result["document"] = {"file_name": name, "file_id": "BQACAgQAAxkDAAIC"}
    else:
        result["text"] = call.json["text"]
    result["chat"]["id"] = int(call.json["chat_id"])
    return 200, answer


_message_ids = itertools.count(1)


@pytest.fixture
async def telegram_api() -> AsyncIterator[FakeAPI]:
    global _message_ids
    _message_ids = itertools.count(1)
    async with serving(sent_ok) as api:
        yield api


@pytest.fixture
def telegram_on() -> bool:
    return True


@pytest.fixture
def settings(
    database_url: str, tmp_path: Path, telegram_api: FakeAPI, telegram_on: bool
) -> Settings:
    if not telegram_on:
        return conftest.test_settings(database_url, tmp_path / "var")
    return conftest.test_settings(
        database_url, tmp_path / "var", telegram_bot_token=TOKEN,
        telegram_webhook_secret=SECRET, telegram_api_base=telegram_api.url,
    )  # fmt: skip


async def post(desk: Desk, update: Any, secret: str | None = SECRET) -> Any:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    body = update if isinstance(update, bytes) else json.dumps(update).encode()
    headers["content-type"] = "application/json"
    return await desk.anonymous().post(WEBHOOK, content=body, headers=headers)


async def deliver(desk: Desk, update: dict[str, Any]) -> InboundPayload:
    answered = await post(desk, update)
    assert answered.status_code == 200, answered.text
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        stored = await session.get(InboundPayload, answered.json()["payload_id"])
        assert stored is not None
        session.expunge(stored)
        return stored


async def count(desk: Desk, model: Any) -> int:
    async with desk.ctx.db.reading() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_forged_or_unconfigured_calls_store_nothing(desk: Desk) -> None:
    update = load("private_text")
    assert (await post(desk, update, secret=None)).status_code == 403
    wrong = await post(desk, update, secret=SECRET + "x")
    assert wrong.status_code == 403
    assert wrong.headers["content-type"] == "application/problem+json"
    assert (await post(desk, b"{not json")).status_code == 400
    missing = await post(desk, {"message": update["message"]})
    assert missing.status_code == 400
    assert missing.json()["status"] == 400
    assert (await post(desk, [1, 2])).status_code == 400
    assert await count(desk, InboundPayload) == 0


@pytest.mark.parametrize("telegram_on", [False])
async def test_webhook_is_absent_until_configured(desk: Desk) -> None:
    assert (await post(desk, load("private_text"))).status_code == 404
    assert await count(desk, InboundPayload) == 0


async def test_messages_open_and_continue_one_conversation_once(desk: Desk) -> None:
    first = await deliver(desk, load("private_text"))
    assert first.status == "processed", first.error
    again = await post(desk, load("private_text"))  # Telegram re-delivers after a timeout
    assert again.json() == {"ok": True, "payload_id": first.id, "duplicate": True}
    follow = load("private_text", update_id=815790002)
    follow["message"] = dict(follow["message"], message_id=54, text="tx id is 9c1f0e7a")
    second = await deliver(desk, follow)
    assert second.ticket_id == first.ticket_id
    assert await count(desk, InboundPayload) == 2
    tom = await desk.staff("tom")
    seen = (await tom.get(f"/api/v1/tickets/{first.ticket_id}")).json()
    assert [m["body"] for m in seen["messages"]] == [
        "Hi, my USDT deposit on TRC20 has not arrived after 2 hours",
        "tx id is 9c1f0e7a",
    ]
    assert seen["ticket"]["channel"] == "telegram"
    async with desk.ctx.db.reading() as session:
        identity = (await session.execute(select(CustomerIdentity))).scalar_one()
        assert (identity.channel, identity.address) == ("telegram", str(ANNA))
        customer_id = identity.customer_id
        ids = (await session.execute(select(Message.external_id).order_by(Message.id))).scalars()
        assert list(ids) == [f"tg:{ANNA}:52", f"tg:{ANNA}:54"]
    customer = (await tom.get(f"/api/v1/customers/{customer_id}")).json()
    assert customer["display_name"] == "Anna Kowalska"


async def test_edits_join_the_conversation_as_new_entries(desk: Desk) -> None:
    first = await deliver(desk, load("private_text"))
    edited = await deliver(desk, load("edited"))
    assert edited.ticket_id == first.ticket_id
    async with desk.ctx.db.reading() as session:
        bodies = (await session.execute(select(Message.body).order_by(Message.id))).scalars()
        assert (
            list(bodies)[-1]
            == "(edited) Hi, my USDT deposit on TRC20 has not arrived after 3 hours"
        )


@pytest.mark.parametrize("name", ["start", "group_text", "my_chat_member", "pinned_service"])
async def test_what_is_not_a_customer_question_opens_nothing(desk: Desk, name: str) -> None:
    stored = await deliver(desk, load(name))
    assert stored.status == "ignored", stored.error
    assert await count(desk, Ticket) == 0


async def test_files_are_noted_in_the_text(desk: Desk) -> None:
    photo = await deliver(desk, load("photo_caption"))
    document = await deliver(desk, load("document"))
    assert document.ticket_id == photo.ticket_id
    async with desk.ctx.db.reading() as session:
        bodies = list((await session.execute(select(Message.body).order_by(Message.id))).scalars())
    assert bodies == [
        "[photo]\nscreenshot of the withdrawal page, it says pending since yesterday",
        "[file: bank_statement_june.pdf]",
    ]


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def files_api(files: dict[str, tuple[str, bytes]]) -> Any:
    """getFile and the file URL of the Bot API, over the files given by file_id."""

    def answer(call: Call) -> tuple[int, Any]:
        if call.path == f"/bot{TOKEN}/getFile":
            found = files.get(call.query.get("file_id", ""))
            if found is None:
                gone = "Bad Request: wrong file_id or the file is temporarily unavailable"
                return 400, {"ok": False, "error_code": 400, "description": gone}
            path, data = found
            result = {"file_id": call.query["file_id"], "file_size": len(data), "file_path": path}
            return 200, {"ok": True, "result": result}
        for path, data in files.values():
            if call.path == f"/file/bot{TOKEN}/{path}":
                return 200, data
        return 404, {"ok": False}

    return answer


async def test_files_are_fetched_and_kept_on_their_message(
    desk: Desk, telegram_api: FakeAPI
) -> None:
    telegram_api.responder = files_api({
        "AgACAgUAAxkBAAIBR2ZmAAFxQ2xhYmVsAAI": ("photos/file_7.jpg", JPEG),
        "BQACAgUAAxkBAAIBSGZmAAGNb3RoZXIAAQ": ("documents/file_8.pdf", PDF),
    })  # fmt: skip
    photo = await deliver(desk, load("photo_caption"))
    document = await deliver(desk, load("document"))
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        rows = (
            await session.execute(
                select(Attachment.filename, Attachment.message_id, Attachment.size).order_by(
                    Attachment.id
                )
            )
        ).all()
    # The photo's largest size only; each file on the message that carried it.
    assert [(name, message, size) for name, message, size in rows] == [
        ("photo_AQADqbwxG5x.jpg", photo.message_id, len(JPEG)),
        ("bank_statement_june.pdf", document.message_id, len(PDF)),
    ]
    # Fetching again (a retried delivery) attaches nothing twice.
    redelivered = await post(desk, load("document"))
    assert redelivered.status_code == 200
    await desk.settle()
    assert await count(desk, Attachment) == 2


async def test_a_file_telegram_no_longer_has_leaves_a_note(
    desk: Desk, telegram_api: FakeAPI
) -> None:
    telegram_api.responder = files_api({})
    stored = await deliver(desk, load("document"))
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        notes = list((await session.execute(
            select(Message.body).where(Message.ticket_id == stored.ticket_id,
                                       Message.internal.is_(True))
        )).scalars())  # fmt: skip
    assert len(notes) == 1
    assert notes[0].startswith("Files from telegram not kept:\nbank_statement_june.pdf: ")
    assert "wrong file_id" in notes[0]
    assert await count(desk, Attachment) == 0


async def test_reply_goes_out_and_the_answer_threads_back(
    desk: Desk, telegram_api: FakeAPI
) -> None:
    stored = await deliver(desk, load("private_text"))
    tom = await desk.staff("tom")
    ticket = stored.ticket_id
    note = await tom.post(f"/api/v1/tickets/{ticket}/notes", json={"body": "checking TRON node"})
    assert note.status_code == 201, note.text
    reply = await tom.post(f"/api/v1/tickets/{ticket}/replies",
                           json={"body": "We are checking your deposit now."})  # fmt: skip
    assert reply.status_code == 201, reply.text
    await desk.settle()
    [call] = [c for c in telegram_api.calls if c.json["text"] != "checking TRON node"]
    assert len(telegram_api.calls) == 1  # the internal note never went out
    assert call.method == "POST"
    assert call.path == f"/bot{TOKEN}/sendMessage"
    assert call.json["chat_id"] == str(ANNA)
    assert call.json["text"] == "We are checking your deposit now."
    assert call.json["reply_to_message_id"] == 52
    async with desk.ctx.db.reading() as session:
        sent = await session.get(Message, reply.json()["message"]["id"])
        assert sent is not None
        assert sent.external_id == f"tg:{ANNA}:901"
    # Anna answers with Telegram's "reply" on the bot's message, days later: the reply
    # reference finds the ticket even after the recent-conversation window.
    desk.ctx.clock.advance(5 * 86400)  # type: ignore[attr-defined]
    answer = load("private_text", update_id=815790003)
    answer["message"] = dict(answer["message"], message_id=55, text="thanks, waiting",
                             reply_to_message={**load("send_message_ok")["result"],
                                               "message_id": 901})  # fmt: skip
    answered = await deliver(desk, answer)
    assert answered.ticket_id == ticket


async def test_files_on_a_reply_go_out_with_send_document(
    desk: Desk, telegram_api: FakeAPI
) -> None:
    stored = await deliver(desk, load("private_text"))
    tom = await desk.staff("tom")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    file = {"file": ("deposit-guide.pdf", pdf, "application/pdf")}
    uploaded = await tom.post(f"/api/v1/tickets/{stored.ticket_id}/attachments", files=file)
    assert uploaded.status_code == 201, uploaded.text
    reply = await tom.post(f"/api/v1/tickets/{stored.ticket_id}/replies",
                           json={"body": "Here is the guide.",
                                 "attachment_ids": [uploaded.json()["id"]]})  # fmt: skip
    assert reply.status_code == 201, reply.text
    await desk.settle()
    text, document = telegram_api.calls
    assert text.path == f"/bot{TOKEN}/sendMessage"
    assert document.path == f"/bot{TOKEN}/sendDocument"
    assert document.json["chat_id"] == str(ANNA)
    assert document.json["document"]["filename"] == "deposit-guide.pdf"
    assert document.json["document"]["data"] == pdf


async def test_a_blocked_bot_leaves_a_note_on_the_ticket(desk: Desk, telegram_api: FakeAPI) -> None:
    stored = await deliver(desk, load("private_text"))
    tom = await desk.staff("tom")
    telegram_api.answer_next(403, load("send_message_blocked"))
    reply = await tom.post(f"/api/v1/tickets/{stored.ticket_id}/replies",
                           json={"body": "Could you send the transaction hash?"})  # fmt: skip
    assert reply.status_code == 201, reply.text
    await desk.settle()
    assert len(telegram_api.calls) == 1
    seen = (await tom.get(f"/api/v1/tickets/{stored.ticket_id}")).json()
    notes = [m for m in seen["messages"] if m["internal"]]
    assert len(notes) == 1
    assert "did not reach the customer by telegram" in notes[0]["body"]
    assert "bot was blocked by the user" in notes[0]["body"]
    assert TOKEN not in notes[0]["body"]


async def test_rate_limits_and_outages_are_retried(desk: Desk, telegram_api: FakeAPI) -> None:
    stored = await deliver(desk, load("private_text"))
    tom = await desk.staff("tom")
    telegram_api.answer_next(429, load("send_message_flood"))
    telegram_api.answer_next(502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
    await tom.post(f"/api/v1/tickets/{stored.ticket_id}/replies", json={"body": "On it."})
    await desk.settle()
    for _ in range(4):
        desk.ctx.clock.advance(60)  # type: ignore[attr-defined]
        await desk.settle()
    assert [c.json["text"] for c in telegram_api.calls] == ["On it."] * 3
    seen = (await tom.get(f"/api/v1/tickets/{stored.ticket_id}")).json()
    assert not [m for m in seen["messages"] if m["internal"]]


def test_long_replies_are_split_within_the_limit() -> None:
    text = ("line of an answer\n" * 400).strip()
    parts = chunks(text)
    assert len(parts) == 2
    assert all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == text
    assert chunks("x" * 5000) == ["x" * 4096, "x" * 904]


def test_parser_reads_names_and_refuses_garbage() -> None:
    update = copy.deepcopy(load("private_text"))
    del update["message"]["from"]["first_name"], update["message"]["from"]["last_name"]
    assert parse(json.dumps(update).encode(), "application/json").sender_name == "@anna_k"
    with pytest.raises(Exception, match="not JSON"):
        parse(b"\xff", "application/json")
