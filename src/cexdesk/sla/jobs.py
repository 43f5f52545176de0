"""SLA timers: one check per running clock, at its near-breach point and then its breach."""

from __future__ import annotations

from typing import Any

from cexdesk.core.events import HandlerContext
from cexdesk.core.timers import TimerKinds
from cexdesk.sla import flows


async def check(payload: dict[str, Any], context: HandlerContext) -> None:
    await flows.check_clock(context.session, int(payload["instance_id"]))


def register(kinds: TimerKinds) -> None:
    kinds.register(flows.CHECK_TIMER, check)
