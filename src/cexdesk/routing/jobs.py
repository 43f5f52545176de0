"""Routing timers: offer time-outs, the queue sweep and language overflow."""

from __future__ import annotations

from typing import Any

from cexdesk.core.events import HandlerContext
from cexdesk.core.timers import TimerKinds
from cexdesk.routing import flows


async def offer_expired(payload: dict[str, Any], context: HandlerContext) -> None:
    await flows.expire_offer(context.session, int(payload["offer_id"]))


async def sweep(payload: dict[str, Any], context: HandlerContext) -> None:
    await flows.sweep(context.session)


async def overflow(payload: dict[str, Any], context: HandlerContext) -> None:
    await flows.route_ticket(context.session, int(payload["ticket_id"]))


def register(kinds: TimerKinds) -> None:
    kinds.register(flows.OFFER_TIMER, offer_expired)
    kinds.register(flows.SWEEP_TIMER, sweep)
    kinds.register(flows.OVERFLOW_TIMER, overflow)
