"""Inbound SMTP: mail routed to cexdesk is stored, then processed from the outbox.

The listener answers 250 to DATA only after the raw message is committed, so a mail
the sending server saw accepted is never lost; a database failure answers 451 and the
sender retries. It accepts recipients only in ``smtp_inbound_domains`` (default: the
domain of ``mail_from``) and refuses mail over ``max_email_bytes`` (552).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from cexdesk.channels import inbound
from cexdesk.channels.email.parse import CHANNEL, CONTENT_TYPE, source_key

log = logging.getLogger(__name__)


def accepted_domains(settings: Any) -> frozenset[str]:
    domains = [d.lower().strip().lstrip("@") for d in settings.smtp_inbound_domains]
    if not domains:
        domains = [str(settings.mail_from).rpartition("@")[2].lower()]
    return frozenset(d for d in domains if d)


class InboundHandler:
    """aiosmtpd handler hooks: RCPT checks the domain, DATA stores the message."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.domains = accepted_domains(context.settings)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        domain = address.rpartition("@")[2].lower().rstrip(">")
        if domain not in self.domains:
            return "550 5.7.1 Relaying denied: not a mailbox of this desk"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        if not raw:
            return "554 5.6.0 Empty message"
        try:
            async with self.context.db.transaction() as db_session:
                await inbound.store(db_session, CHANNEL, source_key(raw), raw, CONTENT_TYPE)
        except Exception:
            log.exception("could not store an inbound mail; the sender will retry")
            return "451 4.3.0 Temporary failure, please retry"
        return "250 2.0.0 Message accepted"


class SmtpListener:
    """The SMTP server on ``smtp_listen_host:smtp_listen_port``; start()/stop()."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.handler = InboundHandler(context)
        self.server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        """The bound port (useful when configured as 0)."""
        assert self.server is not None, "not started"
        return int(self.server.sockets[0].getsockname()[1])

    def _protocol(self) -> SMTP:
        settings = self.context.settings
        return SMTP(
            self.handler,
            data_size_limit=settings.max_email_bytes,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname=settings.mail_from.rpartition("@")[2] or "cexdesk",
            loop=asyncio.get_running_loop(),
        )

    async def start(self) -> None:
        settings = self.context.settings
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(
            self._protocol, settings.smtp_listen_host, settings.smtp_listen_port
        )
        log.info("SMTP listener on %s:%s", settings.smtp_listen_host, self.port)

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None
