"""Processing stored payloads from the outbox, and retrying failed ones on a timer."""

from __future__ import annotations

from typing import Any

from cexdesk.channels import inbound, outbound
from cexdesk.channels.chat import handlers as chat_handlers
from cexdesk.channels.events import PayloadReceived
from cexdesk.channels.models import InboundPayload
from cexdesk.channels.registry import PARSERS
from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.core.timers import TimerKinds
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


async def payload_received(event: PayloadReceived, context: HandlerContext) -> None:
    await _process(context, event.payload_id)


async def retry(payload: dict[str, Any], context: HandlerContext) -> None:
    await _process(context, int(payload["payload_id"]))


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(PayloadReceived, "channels.process_payload", payload_received)
    outbound.subscribe(subscriptions)
    chat_handlers.subscribe(subscriptions)


def register(kinds: TimerKinds) -> None:
    kinds.register(inbound.RETRY_TIMER, retry)
