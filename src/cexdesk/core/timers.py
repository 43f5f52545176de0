"""Timers: rows with a due time, claimed like outbox deliveries, so none lives in memory.

A timer's key names what it is about (``sla:ticket:42:first_reply``); scheduling the
same key again moves it, so a use case can re-arm a clock without looking first.
"""

from __future__ import annotations

import logging
import time
import traceback
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.clock import Clock
from cexdesk.core.db import Database
from cexdesk.core.events import HandlerContext
from cexdesk.core.leases import claim_due
from cexdesk.core.models import Timer
from cexdesk.core.outbox import backoff, session_clock
from cexdesk.core.realtime import Hub

log = logging.getLogger(__name__)

TimerHandler = Callable[[dict[str, Any], HandlerContext], Awaitable[None]]
ARMED = "timers_armed"
BATCH_SIZE = 100


class TimerKinds:
    """Timer kind to handler; like outbox handlers, batched unless ``isolated``."""

    def __init__(self) -> None:
        self._handlers: dict[str, TimerHandler] = {}
        self.isolated: set[str] = set()

    def register(self, kind: str, handler: TimerHandler, *, isolated: bool = False) -> None:
        if kind in self._handlers and self._handlers[kind] is not handler:
            raise ValueError(f"timer kind {kind!r} registered twice")
        self._handlers[kind] = handler
        if isolated:
            self.isolated.add(kind)

    def handler(self, kind: str) -> TimerHandler:
        return self._handlers[kind]


_TIMER_COLUMNS = ("kind", "key", "payload", "due_at", "status", "attempts", "locked_until",
                  "locked_by", "last_error", "created_at", "done_at")  # fmt: skip


@cache
def _upsert(dialect: str) -> Any:
    """INSERT ... ON CONFLICT (key) DO UPDATE, built once per dialect; values bound per call."""
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = cast(Table, Timer.__table__)
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            name: statement.excluded[name]
            for name in _TIMER_COLUMNS
            if name not in {"key", "created_at"}
        },
    )


async def schedule(
    session: AsyncSession,
    kind: str,
    key: str,
    due_at: datetime,
    payload: dict[str, Any] | None = None,
) -> None:
    """Arm (or re-arm) the timer ``key``; never commits."""
    now = session_clock(session).now()
    values = {
        "kind": kind,
        "key": key,
        "payload": payload or {},
        "due_at": due_at,
        "status": "pending",
        "attempts": 0,
        "locked_until": None,
        "locked_by": None,
        "last_error": None,
        "created_at": now,
        "done_at": None,
    }
    statement = _upsert(session.get_bind().dialect.name)
    await session.execute(statement, values)
    session.info["outbox_pending"] = True
    # Lets a firing timer see that its handler re-armed it (the upsert bypasses the ORM).
    session.info.setdefault(ARMED, set()).add(key)


async def cancel(session: AsyncSession, key: str) -> bool:
    """Cancel a pending timer; returns whether one was pending. Never commits."""
    result = await session.execute(
        update(Timer)
        .where(Timer.key == key, Timer.status == "pending")
        .values(status="cancelled", done_at=session_clock(session).now())
    )
    return bool(getattr(result, "rowcount", 0))


async def pending_timer(session: AsyncSession, key: str) -> Timer | None:
    return (
        await session.execute(select(Timer).where(Timer.key == key, Timer.status == "pending"))
    ).scalar_one_or_none()


class TimerRunner:
    def __init__(
        self,
        db: Database,
        kinds: TimerKinds,
        clock: Clock,
        hub: Hub,
        *,
        services: dict[str, Any],
        max_attempts: int,
        backoff_seconds: float,
        lease_seconds: float,
    ) -> None:
        self.db = db
        self.kinds = kinds
        self.clock = clock
        self.hub = hub
        self.services = services
        self.max_attempts = max_attempts
        self.backoff_seconds = backoff_seconds
        self.lease = timedelta(seconds=lease_seconds)
        self.worker_id = uuid.uuid4().hex[:16]

    async def run_once(self, limit: int = BATCH_SIZE) -> int:
        fired = await self.run_batch(limit)
        if self.kinds.isolated:
            ids = await claim_due(
                self.db,
                Timer,
                Timer.due_at,
                clock=self.clock,
                lease=self.lease,
                worker_id=self.worker_id,
                limit=limit,
                where=Timer.kind.in_(sorted(self.kinds.isolated)),
            )
            for timer_id in ids:
                await self.fire(timer_id)
            fired += len(ids)
        return fired

    async def run_batch(self, limit: int = BATCH_SIZE) -> int:
        """Fire due batched timers in one transaction, each in a savepoint."""
        now = self.clock.now()
        due = (
            Timer.status == "pending",
            Timer.due_at <= now,
            Timer.kind.not_in(sorted(self.kinds.isolated)),
            or_(Timer.locked_until.is_(None), Timer.locked_until < now),
        )
        # A quick look from a reader first: an idle round must not take the writer.
        async with self.db.reading() as peek:
            if (await peek.execute(select(Timer.id).where(*due).limit(1))).first() is None:
                return 0
        started = time.monotonic()
        tried = 0
        async with self.db.transaction() as session:
            query = select(Timer).where(*due).order_by(Timer.due_at, Timer.id).limit(limit)
            if self.db.dialect == "postgresql":
                query = query.with_for_update(skip_locked=True)
            for timer in (await session.execute(query)).scalars().all():
                if tried and time.monotonic() - started > self.db.batch_seconds:
                    break
                tried += 1
                try:
                    async with session.begin_nested():
                        await self._run_handler(session, timer)
                except Exception as error:
                    log.warning("timer %s (%s) failed: %r", timer.id, timer.kind, error)
                    self._record_failure(timer, error)
        return tried

    async def _run_handler(self, session: AsyncSession, timer: Timer) -> None:
        handler = self.kinds.handler(timer.kind)
        context = HandlerContext(
            session=session,
            clock=self.clock,
            hub=self.hub,
            event_id=0,
            attempt=timer.attempts + 1,
            services=self.services,
            occurred_at=timer.due_at,
        )
        armed: set[str] = session.info.setdefault(ARMED, set())
        armed.discard(timer.key)
        await handler(dict(timer.payload), context)
        if timer.key in armed:
            # The handler re-armed this same key for later: that timer stays pending.
            armed.discard(timer.key)
            await session.refresh(timer)
            return
        timer.status = "done"
        timer.done_at = self.clock.now()
        timer.attempts += 1
        timer.locked_until = None

    def _record_failure(self, timer: Timer, error: Exception) -> None:
        timer.attempts += 1
        timer.last_error = "".join(traceback.format_exception_only(type(error), error)).strip()[
            :4000
        ]
        timer.locked_until = None
        if timer.attempts >= self.max_attempts:
            timer.status = "dead"
        else:
            timer.due_at = self.clock.now() + backoff(self.backoff_seconds, timer.attempts)

    async def fire(self, timer_id: int) -> bool:
        """Fire one leased timer of an isolated kind; True when its handler succeeded."""
        try:
            async with self.db.transaction() as session:
                # Locked until commit, so a worker whose lease ran out and one that took
                # the timer over never both mark it (PostgreSQL; SQLite has one writer).
                timer = await session.get(Timer, timer_id, with_for_update=True)
                if timer is None or timer.status != "pending" or timer.locked_by != self.worker_id:
                    return False
                await self._run_handler(session, timer)
            return True
        except Exception as error:
            log.warning("timer %s failed: %r", timer_id, error)
            async with self.db.transaction() as session:
                failed = await session.get(Timer, timer_id, with_for_update=True)
                if failed is not None and failed.locked_by == self.worker_id:
                    self._record_failure(failed, error)
            return False
