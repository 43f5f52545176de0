"""Outbound email: a reply with proper Message-ID, In-Reply-To, References and ticket token.

The customer's mail client threads our reply under their message; the ``[#id]`` token
in the subject threads their answer back even when a client drops the headers. Mail
goes to ``smtp_relay_host`` with the stdlib ``smtplib`` in a worker thread; without a
relay configured, replies stay in the ticket (read in the help centre).
"""

from __future__ import annotations

import asyncio
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from cexdesk.channels.email.parse import TICKET_TOKEN, message_ids
from cexdesk.channels.outbound import Outgoing, PermanentFailure

MAX_REFERENCES = 20
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|fwd?|回复|答复|回覆|ответ|trả lời)\s*[:：]\s*", re.I)
# Codes that mean "this message to this address will never go through" (RFC 3463).
# 530/535 (authentication) are our configuration, retried until fixed.
_RETRYABLE_5XX = {530, 534, 535, 538}


def reply_subject(subject: str, ticket_id: int) -> str:
    base = TICKET_TOKEN.sub("", subject).strip()
    while _REPLY_PREFIX.match(base):
        base = _REPLY_PREFIX.sub("", base, count=1).strip()
    return f"Re: {base or 'Your request'} [#{ticket_id}]"


def build_reply(outgoing: Outgoing) -> EmailMessage:
    """The reply as it goes on the wire."""
    settings = outgoing.settings
    domain = str(settings.mail_from).rpartition("@")[2] or "cexdesk.example"
    refs = [ref for ref in outgoing.thread if message_ids(ref) == [ref]][-MAX_REFERENCES:]
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = outgoing.recipient
    message["Subject"] = reply_subject(outgoing.ticket.subject, outgoing.ticket.id)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(idstring=f"t{outgoing.ticket.id}", domain=domain)
    if refs:
        message["In-Reply-To"] = refs[-1]
        message["References"] = " ".join(refs)
    if outgoing.message.author_type in {"system", "bot"}:
        # Tells the customer's auto-responder not to answer us (RFC 3834).
        message["Auto-Submitted"] = "auto-replied"
    message["X-Cexdesk-Ticket"] = str(outgoing.ticket.id)
    message.set_content(outgoing.message.body)
    return message


def _deliver(settings: Any, message: EmailMessage) -> None:
    with smtplib.SMTP(settings.smtp_relay_host, settings.smtp_relay_port, timeout=30) as client:
        if settings.smtp_relay_starttls:
            client.starttls(context=ssl.create_default_context())
        if settings.smtp_relay_username:
            client.login(settings.smtp_relay_username, settings.smtp_relay_password or "")
        client.send_message(message)


async def send(outgoing: Outgoing) -> str | None:
    """Send one reply; returns its Message-ID. 5xx refusals are ``PermanentFailure``."""
    settings = outgoing.settings
    if settings is None or not settings.smtp_relay_host:
        return None  # no relay: the reply stays in the ticket
    message = build_reply(outgoing)
    try:
        await asyncio.to_thread(_deliver, settings, message)
    except smtplib.SMTPRecipientsRefused as refused:
        codes = {code for code, _ in refused.recipients.values()}
        if all(500 <= code < 600 for code in codes):
            reasons = "; ".join(f"{rcpt}: {code} {text!r}" for rcpt, (code, text) in
                                refused.recipients.items())  # fmt: skip
            raise PermanentFailure(f"the mail server refused the address ({reasons})") from None
        raise
    except smtplib.SMTPResponseException as error:
        if 500 <= error.smtp_code < 600 and error.smtp_code not in _RETRYABLE_5XX:
            raise PermanentFailure(
                f"the mail server refused the reply: {error.smtp_code} {error.smtp_error!r}"
            ) from None
        raise
    return str(message["Message-ID"])
