"""Timers owned by tickets, registered in cexdesk.wiring."""

from __future__ import annotations

from typing import Any

from cexdesk.core.events import HandlerContext
from cexdesk.core.timers import TimerKinds
from cexdesk.tickets import flows


async def auto_close(payload: dict[str, Any], context: HandlerContext) -> None:
    """Close a solved ticket once its wait is over; a reopened ticket is left alone."""
    await flows.close_if_still_solved(context.session, int(payload["ticket_id"]))


def register(kinds: TimerKinds) -> None:
    kinds.register(flows.AUTO_CLOSE_TIMER, auto_close)
