"""Processing stored payloads from the outbox, and retrying failed ones on a timer."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from cexdesk.channels import inbound, outbound
from cexdesk.channels.chat import handlers as chat_handlers
from cexdesk.channels.events import PayloadReceived, RemoteFilesNoted
from cexdesk.channels.models import InboundPayload
from cexdesk.channels.registry import FETCHERS, PARSERS, RemoteFileGone
from cexdesk.core.errors import DomainError
from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.core.timers import TimerKinds
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets.models import Attachment, Message, Ticket
from cexdesk.tickets.storage import AttachmentStorage


async def _process(context: HandlerContext, payload_id: int) -> None:
    payload = await context.session.get(InboundPayload, payload_id)
    if payload is None:
        return
    parser = PARSERS.get(payload.channel)
    if parser is None:
        payload.status, payload.error = "quarantined", f"no parser for {payload.channel}"
        return
    settings = context.services.get("settings")
    attachments = (
        inbound.AttachmentPolicy(
            AttachmentStorage(settings.attachments_dir), settings.max_attachment_bytes
        )
        if settings is not None
        else None
    )
    await inbound.process(context.session, payload_id, parser, attachments)


async def fetch_remote_files(event: RemoteFilesNoted, context: HandlerContext) -> None:
    """Bring the files a channel only named and attach them to their message.

    Isolated (slow outside work). Idempotent: a file already attached to the message
    (same content) is not attached twice when a retry downloads it again.
    """
    fetch = FETCHERS.get(event.channel)
    settings = context.services.get("settings")
    session = context.session
    ticket = await session.get(Ticket, event.ticket_id)
    message = await session.get(Message, event.message_id)
    if fetch is None or settings is None or ticket is None or message is None:
        return
    storage = AttachmentStorage(settings.attachments_dir)
    author = ticket_flows.Author("customer", ticket.requester_id)
    have = set(
        (
            await session.execute(
                select(Attachment.sha256).where(Attachment.message_id == message.id)
            )
        ).scalars()
    )
    skipped: list[str] = []
    for ref, filename in event.files:
        label = filename or "file"
        try:
            fetched_name, data = await fetch(settings, str(ref), settings.max_attachment_bytes)
        except RemoteFileGone as why:
            skipped.append(f"{label}: {why}")
            continue
        if hashlib.sha256(data).hexdigest() in have:
            continue
        try:
            async with session.begin_nested():
                stored = await ticket_flows.add_attachment(
                    session, storage, ticket, author, filename or fetched_name, data,
                    max_bytes=settings.max_attachment_bytes,
                )  # fmt: skip
                stored.message_id = message.id
                await session.flush()
        except DomainError as why:
            skipped.append(f"{label}: {why}")
    if skipped:
        note = f"Files from {event.channel} not kept:\n" + "\n".join(skipped)
        await ticket_flows.add_note(session, ticket, ticket_flows.SYSTEM, note[:10000])


async def payload_received(event: PayloadReceived, context: HandlerContext) -> None:
    await _process(context, event.payload_id)


async def retry(payload: dict[str, Any], context: HandlerContext) -> None:
    await _process(context, int(payload["payload_id"]))


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(PayloadReceived, "channels.process_payload", payload_received)
    subscriptions.subscribe(
        RemoteFilesNoted, "channels.fetch_remote_files", fetch_remote_files, isolated=True
    )
    outbound.subscribe(subscriptions)
    chat_handlers.subscribe(subscriptions)


def register(kinds: TimerKinds) -> None:
    kinds.register(inbound.RETRY_TIMER, retry)
