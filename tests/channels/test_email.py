"""Email over real SMTP on loopback: smtplib → the listener → tickets; replies → a relay sink."""

from __future__ import annotations

import asyncio
import smtplib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import select

from cexdesk.app import AppContext
from cexdesk.channels.email.smtp import SmtpListener
from cexdesk.channels.models import InboundPayload
from cexdesk.core.settings import Settings
from cexdesk.tickets.models import Attachment, Message
from tests import conftest
from tests.personas import Desk

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@dataclass
class Sink:
    """An SMTP server standing in for the outbound relay; keeps what it was sent."""

    refuse: set[str] = field(default_factory=set)  # recipients answered with 550
    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or envelope.content
        assert isinstance(content, bytes)
        parsed = BytesParser(policy=policy.default).parsebytes(content)
        assert isinstance(parsed, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(
            lambda: SMTP(self, hostname="relay.test", loop=loop), "127.0.0.1", 0
        )

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()


def _send(port: int, raw: bytes, sender: str, recipients: list[str]) -> dict[str, Any]:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        return dict(client.sendmail(sender, recipients, raw))


async def smtp_send(
    port: int, raw: bytes, sender: str = "customer@example.com", to: str = "help@cexdesk.example"
) -> dict[str, Any]:
    """Deliver raw bytes with smtplib (in a thread: the server runs on this loop)."""
    return await asyncio.to_thread(_send, port, raw, sender, [to])


def mail(
    sender: str,
    subject: str,
    body: str,
    *,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "help@cexdesk.example"
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    return message.as_bytes(policy=policy.SMTP)


@pytest.fixture
async def sink() -> AsyncIterator[Sink]:
    relay = Sink()
    await relay.start()
    try:
        yield relay
    finally:
        await relay.stop()


@pytest.fixture
def settings(database_url: str, tmp_path: Path, sink: Sink) -> Settings:
    return conftest.test_settings(
        database_url, tmp_path / "var",
        smtp_listen_host="127.0.0.1", smtp_listen_port=0,
        smtp_inbound_domains=["cexdesk.example"],
        smtp_relay_host="127.0.0.1", smtp_relay_port=sink.port,
        mail_from="support@cexdesk.example", max_email_bytes=200_000,
    )  # fmt: skip


@pytest.fixture
async def listener(ctx: AppContext) -> AsyncIterator[SmtpListener]:
    found = [item for item in ctx.listeners if isinstance(item, SmtpListener)]
    assert len(found) == 1
    await found[0].start()
    try:
        yield found[0]
    finally:
        await found[0].stop()


async def payloads(desk: Desk) -> list[InboundPayload]:
    async with desk.ctx.db.reading() as session:
        rows = list(await session.scalars(select(InboundPayload).order_by(InboundPayload.id)))
        for row in rows:
            session.expunge(row)
        return rows


async def deliver(desk: Desk, listener: SmtpListener, raw: bytes) -> InboundPayload:
    before = {p.id for p in await payloads(desk)}
    await smtp_send(listener.port, raw)
    await desk.settle()
    after = [p for p in await payloads(desk) if p.id not in before]
    assert len(after) == 1
    return after[0]


async def test_mail_opens_a_ticket_and_replies_thread_into_it(
    desk: Desk, listener: SmtpListener
) -> None:
    tom = await desk.staff("tom")
    first = await deliver(desk, listener, mail(
        "Zoe Tan <zoe@example.com>", "USDT deposit missing",
        "I sent 500 USDT on TRON two hours ago.\n\n-- \nZoe",
        message_id="<z1@example.com>"))  # fmt: skip
    assert first.status == "processed", first.error
    seen = (await tom.get(f"/api/v1/tickets/{first.ticket_id}")).json()
    assert seen["ticket"]["subject"] == "USDT deposit missing"
    assert seen["ticket"]["channel"] == "email"
    assert seen["messages"][0]["body"] == "I sent 500 USDT on TRON two hours ago."
    reply = await deliver(desk, listener, mail(
        "zoe@example.com", "Re: USDT deposit missing", "Any news?\n\nOn Mon, Zoe wrote:\n> I sent",
        message_id="<z2@example.com>", in_reply_to="<z1@example.com>"))  # fmt: skip
    assert reply.ticket_id == first.ticket_id
    stranger = await deliver(desk, listener, mail(
        "mallory@example.net", "Re: USDT deposit missing", "send it to me",
        message_id="<m1@example.net>", in_reply_to="<z1@example.com>"))  # fmt: skip
    assert stranger.status == "processed"
    assert stranger.ticket_id != first.ticket_id
    token = await deliver(desk, listener, mail(
        "zoe@example.com", f"Still waiting [#{first.ticket_id}]", "Hello?",
        message_id="<z3@example.com>"))  # fmt: skip
    assert token.ticket_id == first.ticket_id
    hijack = await deliver(desk, listener, mail(
        "mallory@example.net", f"Re: [#{first.ticket_id}]", "me too",
        message_id="<m2@example.net>"))  # fmt: skip
    assert hijack.ticket_id not in (None, first.ticket_id)
    # The same mail delivered twice (a sender retrying) is one payload and one message.
    count = len(await payloads(desk))
    await smtp_send(listener.port, mail(
        "zoe@example.com", f"Still waiting [#{first.ticket_id}]", "Hello?",
        message_id="<z3@example.com>"))  # fmt: skip
    await desk.settle()
    assert len(await payloads(desk)) == count
    bodies = [m["body"] for m in (await tom.get(f"/api/v1/tickets/{first.ticket_id}")).json()[
        "messages"]]  # fmt: skip
    assert bodies == ["I sent 500 USDT on TRON two hours ago.", "Any news?", "Hello?"]


async def test_agent_reply_goes_out_threaded_and_the_answer_comes_back(
    desk: Desk, listener: SmtpListener, sink: Sink
) -> None:
    tom = await desk.staff("tom")
    first = await deliver(desk, listener, mail(
        "kim@example.com", "Withdrawal on hold", "Why is my withdrawal on hold?",
        message_id="<k1@example.com>"))  # fmt: skip
    ticket_id = first.ticket_id
    answer = await tom.post(f"/api/v1/tickets/{ticket_id}/replies",
                            json={"body": "We are checking it now."})  # fmt: skip
    assert answer.status_code == 201, answer.text
    await desk.settle()
    assert len(sink.received) == 1
    recipients, sent = sink.received[0]
    assert recipients == ["kim@example.com"]
    assert sent["Subject"] == f"Re: Withdrawal on hold [#{ticket_id}]"
    assert sent["From"] == "support@cexdesk.example"
    assert sent["In-Reply-To"] == "<k1@example.com>"
    assert sent["References"] == "<k1@example.com>"
    assert sent["Auto-Submitted"] is None
    assert sent.get_content().strip() == "We are checking it now."
    our_id = str(sent["Message-ID"])
    # Her client answers our Message-ID, dropping the subject token: still the same ticket.
    back = await deliver(desk, listener, mail(
        "kim@example.com", "Re: Withdrawal on hold", "Thanks!", message_id="<k2@example.com>",
        in_reply_to=our_id))  # fmt: skip
    assert back.ticket_id == ticket_id
    second = await tom.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": "Released."})
    assert second.status_code == 201
    await desk.settle()
    _, followup = sink.received[-1]
    assert followup["In-Reply-To"] == "<k2@example.com>"
    assert str(followup["References"]).split() == ["<k1@example.com>", our_id, "<k2@example.com>"]


async def test_auto_replies_and_bounces_are_ignored_and_never_answered(
    desk: Desk, listener: SmtpListener, sink: Sink
) -> None:
    auto = await deliver(desk, listener, mail(
        "boss@example.com", "Automatic reply: your request", "I am out of office",
        message_id="<a1@example.com>", headers={"Auto-Submitted": "auto-replied"}))  # fmt: skip
    bulk = await deliver(desk, listener, mail(
        "news@example.com", "Weekly", "news", message_id="<a2@example.com>",
        headers={"Precedence": "bulk"}))  # fmt: skip
    dsn = await deliver(desk, listener, (
        b"From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\n"
        b"To: support@cexdesk.example\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        b"Message-ID: <bounce1@mx.example.com>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
        b"--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        b"--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        b"Final-Recipient: rfc822; kim@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        b"--B--\r\n"))  # fmt: skip
    assert [auto.status, bulk.status, dsn.status] == ["ignored"] * 3
    assert all(p.ticket_id is None for p in (auto, bulk, dsn))
    await desk.settle()
    assert sink.received == []


async def test_the_listener_refuses_foreign_domains_and_oversized_mail(
    desk: Desk, listener: SmtpListener
) -> None:
    raw = mail("kim@example.com", "hi", "hello", message_id="<r1@example.com>")
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        await smtp_send(listener.port, raw, to="someone@elsewhere.example")
    assert refused.value.recipients["someone@elsewhere.example"][0] == 550
    huge = mail("kim@example.com", "big", "x" * 300_000, message_id="<r2@example.com>")
    with pytest.raises(smtplib.SMTPResponseException) as too_big:
        await smtp_send(listener.port, huge)
    assert too_big.value.smtp_code == 552
    assert await payloads(desk) == []


async def test_attachments_are_kept_and_refused_ones_noted(
    desk: Desk, listener: SmtpListener
) -> None:
    message = EmailMessage()
    message["From"] = "lee@example.com"
    message["To"] = "help@cexdesk.example"
    message["Subject"] = "Screenshot of the deposit"
    message["Message-ID"] = "<l1@example.com>"
    message.set_content("See the screenshot.")
    message.add_attachment(PNG, maintype="image", subtype="png", filename="deposit.png")
    message.add_attachment(b"MZ\x90\x00binary", maintype="application", subtype="octet-stream",
                           filename="tool.exe")  # fmt: skip
    message.add_attachment(b"\x78\x9f\x3e\x22tnef", maintype="application", subtype="ms-tnef",
                           filename="winmail.dat")  # fmt: skip
    stored = await deliver(desk, listener, message.as_bytes(policy=policy.SMTP))
    assert stored.status == "processed", stored.error
    async with desk.ctx.db.reading() as session:
        kept = [(a.filename, a.content_type, a.message_id)
                for a in await session.scalars(select(Attachment))]  # fmt: skip
        notes = list(await session.scalars(select(Message.body).where(Message.internal)))
    assert kept == [
        ("deposit.png", "image/png", stored.message_id)]  # fmt: skip
    assert len(notes) == 1
    assert "tool.exe" in notes[0]
    assert "winmail" not in notes[0]  # Outlook's wrapper is dropped silently
