"""Email: SMTP listener, IMAP polling, outbound SMTP with proper threading headers."""

from __future__ import annotations

from typing import Any

from cexdesk.channels import outbound, registry
from cexdesk.channels.email.parse import CHANNEL, parse
from cexdesk.channels.email.send import send


def register() -> None:
    """Register this channel's parser and sender (see channels.registry, outbound).

    The sender is always registered; whether a relay is configured is read from the
    settings each reply carries, so one process can serve several configurations.
    """
    registry.register(CHANNEL, parse)
    outbound.register(CHANNEL, send)


def listeners(context: Any) -> list[Any]:
    """Long-running pieces ``serve`` starts and stops (objects with start()/stop())."""
    from cexdesk.channels.email.imap import ImapPoller
    from cexdesk.channels.email.smtp import SmtpListener

    found: list[Any] = []
    if context.settings.smtp_listen_host:
        found.append(SmtpListener(context))
    if context.settings.imap_mailboxes:
        found.append(ImapPoller(context))
    return found
