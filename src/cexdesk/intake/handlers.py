"""Intake reactions: alert the security team and the supervisors' watch list live."""

from __future__ import annotations

import dataclasses

from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.intake.events import MessageFlagged

SECURITY_TOPIC = "security"
SUPERVISOR_TOPIC = "supervisors"


async def alert(event: MessageFlagged, context: HandlerContext) -> None:
    message = {"type": event.type, "event_id": context.event_id, "internal": True,
               **dataclasses.asdict(event)}  # fmt: skip
    if "security_emergency" in event.flags:
        await context.hub.publish(SECURITY_TOPIC, message)
    await context.hub.publish(SUPERVISOR_TOPIC, message)


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(MessageFlagged, "intake.alert", alert)
