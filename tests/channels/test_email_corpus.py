# ruff: noqa: E501  (the corpus holds literal mail lines)
"""A corpus of real-world-shaped mail ingested end to end: nothing crashes, nothing is lost.

Every payload ends processed (in the right conversation), ignored (auto-replies,
bounces) or quarantined with a reason; none is left failing or unprocessed.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest
from sqlalchemy import select

from cexdesk.channels import inbound
from cexdesk.channels.email.parse import CONTENT_TYPE, parse, source_key
from cexdesk.channels.models import InboundPayload
from cexdesk.core.settings import Settings
from cexdesk.tickets.models import Attachment, Message
from tests import conftest
from tests.personas import Desk

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n" + b"0" * 2000 + b"\n%%EOF\n"


@dataclass(frozen=True)
class Outcome:
    status: str
    error: str | None
    ticket_id: int | None


def raw(headers: str, body: bytes | str = b"Hello, my deposit is missing.\r\n") -> bytes:
    head = headers.strip().replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n"
    return head + (body.encode("utf-8") if isinstance(body, str) else body)


def plain(mid: str, sender: str = "user@example.com", subject: str = "Help", **extra: str) -> str:
    lines = [f"From: {sender}", "To: help@cexdesk.example", f"Subject: {subject}",
             f"Message-ID: <{mid}@example.com>", "Date: Mon, 1 Jan 2024 10:00:00 +0000"]  # fmt: skip
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in extra.items()]
    return "\n".join(lines)


def built(mid: str, sender: str, subject: str, text: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "help@cexdesk.example"
    message["Subject"] = subject
    message["Message-ID"] = f"<{mid}@example.com>"
    message.set_content(text)
    return message


def multipart(mid: str, kind: str, parts: list[tuple[str, bytes]], **extra: str) -> bytes:
    body = b""
    for part_headers, content in parts:
        body += b"--XYZ\r\n" + part_headers.replace("\n", "\r\n").encode() + b"\r\n\r\n"
        body += content + b"\r\n"
    body += b"--XYZ--\r\n"
    head = plain(mid, **extra) + f'\nMIME-Version: 1.0\nContent-Type: {kind}; boundary="XYZ"'
    return raw(head, body)


def _attached(mid: str, text: str, data: bytes, maintype: str, subtype: str, name: str) -> bytes:
    message = built(mid, "files@example.com", f"file {name}", text)
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes(policy=SMTP)


def corpus() -> list[tuple[str, str, bytes]]:
    """(name, expected status, raw bytes)."""
    html = b'<html><head><style>p{}</style><script>alert(1)</script></head><body><p>My <b>BTC</b> withdrawal</p><div class="gmail_quote">On Mon wrote:<blockquote>old</blockquote></div></body></html>'
    forwarded = built("fwd2", "fwd@example.com", "Fwd: scam", "Is this email from you?")
    forwarded.add_attachment(built("inner", "scam@phish.example", "Verify wallet", "Send seed"))
    signed = multipart("smime", 'multipart/signed; protocol="application/pkcs7-signature"', [
        ("Content-Type: text/plain", b"Signed request to unlock my account"),
        ('Content-Type: application/pkcs7-signature; name="smime.p7s"\n'
         'Content-Disposition: attachment; filename="smime.p7s"\nContent-Transfer-Encoding: base64',
         base64.encodebytes(b"\x30\x82\x01\x00signature")),
    ], sender="signed@example.com")  # fmt: skip
    return [
        ("plain ascii", "processed", raw(plain("p1", "Alice <alice@example.com>"))),
        (
            "reply threads by In-Reply-To",
            "thread:p1",
            raw(
                plain("p1r", "alice@example.com", "Re: Help", In_Reply_To="<p1@example.com>"),
                "Still nothing.\r\n\r\nOn Mon, 1 Jan 2024, Support wrote:\r\n> Hello\r\n",
            ),
        ),
        (
            "References only",
            "thread:p1",
            raw(
                plain("p1r2", "ALICE@Example.com", "Re: Help", References="<x@y> <p1@example.com>")
            ),
        ),
        (
            "stranger quoting alice's thread",
            "processed",
            raw(plain("p1x", "eve@example.org", "Re: Help", In_Reply_To="<p1@example.com>")),
        ),
        (
            "multipart/alternative",
            "processed",
            multipart(
                "alt",
                "multipart/alternative",
                [
                    ("Content-Type: text/plain; charset=utf-8", b"Plain part wins"),
                    ("Content-Type: text/html; charset=utf-8", b"<p>HTML part</p>"),
                ],
            ),
        ),
        (
            "html only with script and gmail quote",
            "processed",
            raw(
                plain("html1") + "\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8", html
            ),
        ),
        (
            "inline image (multipart/related)",
            "processed",
            multipart(
                "rel",
                "multipart/related",
                [
                    ("Content-Type: text/html", b'<p>See <img src="cid:img1"></p>'),
                    (
                        "Content-Type: image/png\nContent-ID: <img1>\nContent-Disposition: inline\n"
                        "Content-Transfer-Encoding: base64",
                        base64.encodebytes(PNG),
                    ),
                ],
            ),
        ),
        (
            "winmail.dat",
            "processed",
            multipart(
                "tnef",
                "multipart/mixed",
                [
                    ("Content-Type: text/plain", b"Outlook sent this"),
                    (
                        'Content-Type: application/ms-tnef; name="winmail.dat"\n'
                        "Content-Transfer-Encoding: base64",
                        base64.encodebytes(b"\x78\x9f\x3e\x22" * 50),
                    ),
                ],
            ),
        ),
        (
            "utf-8 body declared latin-1",
            "processed",
            raw(
                plain("cs1") + "\nContent-Type: text/plain; charset=iso-8859-1",
                "Dépôt non reçu — 100 €".encode(),
            ),
        ),
        (
            "unknown charset",
            "processed",
            raw(
                plain("cs2") + "\nContent-Type: text/plain; charset=x-martian", b"caf\xe9 \xff\xfe"
            ),
        ),
        (
            "gb2312 declared, GBK bytes",
            "processed",
            raw(
                plain("cs3") + "\nContent-Type: text/plain; charset=gb2312",
                "提币一直在审核中，请帮忙查看。镕".encode("gbk"),
            ),
        ),
        (
            "no Message-ID",
            "processed",
            raw("From: nomid@example.com\nTo: help@cexdesk.example\nSubject: no id"),
        ),
        (
            "no Subject, Date or To",
            "processed",
            raw("From: bare@example.com\nMessage-ID: <bare@example.com>"),
        ),
        ("no From", "quarantined", raw("To: help@cexdesk.example\nSubject: who am I")),
        (
            "From without address",
            "quarantined",
            raw("From: Just A Name\nSubject: hi\nMessage-ID: <noaddr@example.com>"),
        ),
        ("empty payload", "quarantined", b""),
        ("binary garbage", "quarantined", bytes(range(256)) * 8),
        (
            "8-bit UTF-8 headers",
            "processed",
            raw(plain("8bit1", "Иван Петров <ivan@example.ru>", "Не пришёл депозит USDT")),
        ),
        (
            "8-bit latin-1 headers",
            "processed",
            plain("8bit2", subject="").encode()
            + b"\r\nSubject: d\xe9p\xf4t perdu\r\nFrom: Ren\xe9 <rene@example.fr>\r\n\r\nHelp\r\n",
        ),
        (
            "broken encoded word",
            "processed",
            raw(plain("ew", "=?utf-8?q?Bro=ken?= <ew@example.com>", "=?utf-8?b?!!!notbase64?=")),
        ),
        (
            "huge attachment",
            "processed",
            _attached(
                "huge",
                "Here is the statement",
                PDF + b"1" * 120_000,
                "application",
                "pdf",
                "statement.pdf",
            ),
        ),
        (
            "pdf attachment",
            "processed",
            _attached("pdf", "Here is my ID", PDF, "application", "pdf", "id.pdf"),
        ),
        (
            "csv attachment",
            "processed",
            _attached(
                "csv", "My trades", b"time,pair,amount\n1,BTCUSDT,2\n", "text", "csv", "trades.csv"
            ),
        ),
        (
            "executable attachment",
            "processed",
            _attached(
                "exe",
                "Run this",
                b"MZ\x90\x00\x03" + b"\x00" * 100,
                "application",
                "octet-stream",
                "setup.exe",
            ),
        ),
        (
            "forwarded inline chain",
            "processed",
            raw(
                plain("fwd1", subject="Fwd: Fwd: notice"),
                "---------- Forwarded message ---------\r\nFrom: Exchange <no@ex.example>\r\n"
                "Date: Mon\r\nSubject: notice\r\n\r\nYour account is locked.\r\n",
            ),
        ),
        ("forwarded as attachment", "processed", forwarded.as_bytes(policy=SMTP)),
        (
            "Outlook original message",
            "processed",
            raw(
                plain("ol1"),
                "Please unlock.\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nold text\r\n",
            ),
        ),
        (
            "Outlook From/Sent block",
            "processed",
            raw(
                plain("ol2"),
                "Thanks\r\n________________________________\r\nFrom: Support <s@x>\r\n"
                "Sent: Monday\r\nTo: me\r\nSubject: RE\r\n\r\nold\r\n",
            ),
        ),
        (
            "Chinese quoted reply",
            "processed",
            raw(
                plain("zh1", "李雷 <lilei@example.cn>", "充值未到账")
                + "\nContent-Type: text/plain; charset=utf-8",
                "我充值的USDT还没有到账。\r\n\r\n在 2024年1月1日 10:00，客服 <support@cexdesk.example> 写道：\r\n> 您好\r\n",
            ),
        ),
        (
            "Traditional Chinese big5",
            "processed",
            raw(
                plain("zh2") + "\nContent-Type: text/plain; charset=big5",
                "我的帳戶被凍結了".encode("big5"),
            ),
        ),
        (
            "Russian koi8-r quoted reply",
            "processed",
            raw(
                plain("ru1", "olga@example.ru", "Вывод")
                + "\nContent-Type: text/plain; charset=koi8-r",
                "Вывод завис уже сутки.\r\n\r\n12.01.2024, 10:00, Поддержка написал:\r\n> Здравствуйте\r\n".encode(
                    "koi8-r"
                ),
            ),
        ),
        (
            "Vietnamese quoted reply",
            "processed",
            raw(
                plain("vi1", "minh@example.vn", "Nạp tiền")
                + "\nContent-Type: text/plain; charset=utf-8",
                "Tôi đã nạp 100 USDT nhưng chưa nhận được.\r\n\r\nVào Th 2, 1 thg 1, 2024, Hỗ trợ <s@x> đã viết:\r\n> Xin chào\r\n",
            ),
        ),
        (
            "Arabic",
            "processed",
            raw(
                plain("ar1") + "\nContent-Type: text/plain; charset=utf-8",
                "لم يصل الإيداع الخاص بي",
            ),
        ),
        ("Auto-Submitted", "ignored", raw(plain("auto1", Auto_Submitted="auto-replied"))),
        ("X-Autoreply", "ignored", raw(plain("auto2", X_Autoreply="yes"))),
        ("Precedence junk", "ignored", raw(plain("auto3", Precedence="junk"))),
        ("mailing list", "ignored", raw(plain("list1", Precedence="list", List_Id="<x.list>"))),
        ("Outlook out of office", "ignored", raw(plain("ooo", subject="Automatic reply: Help"))),
        (
            "DSN bounce",
            "ignored",
            multipart(
                "dsn1",
                "multipart/report; report-type=delivery-status",
                [
                    ("Content-Type: text/plain", b"Delivery failed"),
                    ("Content-Type: message/delivery-status", b"Status: 5.1.1"),
                ],
                sender="MAILER-DAEMON@mx.example.com",
            ),
        ),
        ("postmaster bounce", "ignored", raw(plain("dsn2", "postmaster@example.com", "Returned"))),
        (
            "read receipt",
            "ignored",
            multipart(
                "mdn",
                "multipart/report; report-type=disposition-notification",
                [("Content-Type: text/plain", b"Your message was read")],
            ),
        ),
        ("empty body", "processed", raw(plain("empty"), b"")),
        (
            "broken base64",
            "processed",
            raw(
                plain("b64") + "\nContent-Type: text/plain\nContent-Transfer-Encoding: base64",
                b"SGVsbG8gd29ybGQ=!!*%===\r\nbm90IHZhbGlk",
            ),
        ),
        (
            "quoted-printable",
            "processed",
            raw(
                plain("qp")
                + "\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable",
                b"A very long line that is soft=\r\n wrapped and has =C3=A9 accents",
            ),
        ),
        ("NUL bytes", "processed", raw(plain("nul"), b"abc\x00def\r\n")),
        ("very long subject", "processed", raw(plain("longsubj", subject="x" * 1200))),
        (
            "Reply-To differs",
            "processed",
            raw(plain("rt", "real@example.com", Reply_To="attacker@evil.example")),
        ),
        (
            "calendar invite",
            "processed",
            multipart(
                "cal",
                "multipart/mixed",
                [
                    ("Content-Type: text/plain", b"Call tomorrow?"),
                    (
                        "Content-Type: text/calendar; method=REQUEST",
                        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR",
                    ),
                ],
            ),
        ),
        ("S/MIME signed", "processed", signed),
    ]


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return conftest.test_settings(database_url, tmp_path / "var", max_attachment_bytes=100_000)


async def test_the_corpus_is_ingested_without_loss(desk: Desk) -> None:
    cases = corpus()
    assert len(cases) >= 40
    ids: dict[str, int] = {}
    async with desk.ctx.db.transaction() as session:
        for name, _, data in cases:
            ids[name] = (await inbound.store(session, "email", source_key(data), data,
                                             CONTENT_TYPE)).payload_id  # fmt: skip
    await desk.settle()
    async with desk.ctx.db.reading() as session:
        rows = {
            p.id: Outcome(p.status, p.error, p.ticket_id)
            for p in await session.scalars(select(InboundPayload))
        }
        by_mid = {
            m.external_id: m.ticket_id
            for m in await session.scalars(select(Message).where(Message.channel == "email"))
        }
        attachments = {(a.filename, a.content_type) for a in await session.scalars(
            select(Attachment))}  # fmt: skip
        notes = list(await session.scalars(select(Message.body).where(Message.internal)))
    assert len(rows) == len(cases)
    for name, expected, _ in cases:
        payload = rows[ids[name]]
        if expected.startswith("thread:"):
            assert payload.status == "processed", (name, payload.error)
            assert payload.ticket_id == by_mid[f"<{expected[7:]}@example.com>"], name
            continue
        assert payload.status == expected, (name, payload.status, payload.error)
        if expected == "quarantined":
            assert payload.error, name
        if expected == "processed":
            assert payload.ticket_id is not None, name
        else:
            assert payload.ticket_id is None, name
    stranger = rows[ids["stranger quoting alice's thread"]]
    assert stranger.ticket_id != by_mid["<p1@example.com>"]
    assert {("statement.pdf", "application/pdf")} - attachments  # too big: not kept
    assert ("id.pdf", "application/pdf") in attachments
    assert ("trades.csv", "text/csv") in attachments
    assert any("statement.pdf" in n for n in notes)
    assert any("setup.exe" in n for n in notes)
    assert not any("winmail" in n for n in notes)


@pytest.mark.parametrize("name", [c[0] for c in corpus()])
def test_each_mail_parses_or_is_refused_cleanly(name: str) -> None:
    """The parser alone: text is clean (no quotes kept, no NULs), HTML sanitised."""
    expected, data = next((c[1], c[2]) for c in corpus() if c[0] == name)
    try:
        message = parse(data)
    except inbound.Ignored:
        assert expected == "ignored"
        return
    except inbound.Unreadable:
        assert expected == "quarantined"
        return
    assert expected not in ("ignored", "quarantined")
    assert "\x00" not in message.text
    assert not any(line.startswith(">") for line in message.text.splitlines())
    for marker in ("写道", "написал", "đã viết", "Original Message", "wrote:", "old text"):
        assert marker not in message.text, (name, message.text)
    if message.html is not None:
        assert "<script" not in message.html
    assert message.sender == message.sender.strip() and "@" in message.sender
