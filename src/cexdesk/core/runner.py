"""The background runner: outbox deliveries and due timers, in ``serve`` or ``worker``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from cexdesk.core.clock import Clock
from cexdesk.core.outbox import Dispatcher
from cexdesk.core.timers import TimerRunner

log = logging.getLogger(__name__)


class Runner:
    # After a wake-up, wait this long so the commits of a busy moment go out as one batch
    # (one transaction for many deliveries) instead of a round per commit.
    GATHER_SECONDS = 0.02

    def __init__(
        self, dispatcher: Dispatcher, timers: TimerRunner, clock: Clock, poll_seconds: float
    ) -> None:
        self.dispatcher = dispatcher
        self.timers = timers
        self.clock = clock
        self.poll_seconds = poll_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """Called after a commit that wrote events or timers, so they go out at once."""
        self._wake.set()

    async def run_once(self) -> int:
        return await self.dispatcher.run_once() + await self.timers.run_once()

    async def drain(self, max_rounds: int = 100) -> int:
        """Run until nothing is due (tests call this instead of waiting)."""
        total = 0
        for _ in range(max_rounds):
            done = await self.run_once()
            total += done
            if done == 0:
                return total
        return total

    async def run_forever(self) -> None:
        while True:
            # Cleared before the round, not after: a commit that lands while the round
            # runs must still wake the next wait instead of waiting out a poll.
            self._wake.clear()
            try:
                busy = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("runner round failed; trying again")
                busy = 0
            if busy:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
                await asyncio.sleep(self.GATHER_SECONDS)

    def start(self) -> None:
        self._task = asyncio.create_task(self.run_forever(), name="cexdesk-runner")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


def wake_after_commit(session_info_key: str = "runner") -> None:
    """Install once: a committed session that recorded work wakes its runner."""

    @event.listens_for(Session, "after_commit")
    def _after_commit(session: Session) -> None:
        info: dict[str, Any] = session.info
        if info.pop("outbox_pending", False):
            runner = info.get(session_info_key)
            if runner is not None:
                runner.wake()
