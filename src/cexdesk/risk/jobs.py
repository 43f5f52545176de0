"""Risk timers: the update clock of stolen-funds investigations."""

from __future__ import annotations

from typing import Any

from cexdesk.core.events import HandlerContext
from cexdesk.core.timers import TimerKinds
from cexdesk.risk import investigations


async def investigation_update_due(payload: dict[str, Any], context: HandlerContext) -> None:
    await investigations.update_due(context.session, int(payload["investigation_id"]))


def register(kinds: TimerKinds) -> None:
    kinds.register(investigations.UPDATE_TIMER, investigation_update_due)
