"""Transactional outbox: events are rows written with the change that caused them.

``record`` runs inside the use case's transaction; the ``Dispatcher`` delivers each
event to each subscribed handler after commit, at least once. A handler's effects are
committed together with the row that marks its delivery done, so its database effects
happen exactly once; a failure is retried with exponential back-off and, after
``outbox_max_attempts``, parks the delivery as dead for an admin to replay.

Batched handlers (the default) run many to a transaction, each inside a savepoint, so
one failing handler rolls back only its own work; the rows are locked (SKIP LOCKED on
PostgreSQL) for the length of that transaction, and a crash simply aborts it. Isolated
handlers, which do slow outside work, each get a transaction of their own under a lease.
"""

from __future__ import annotations

import logging
import time
import traceback
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.clock import Clock
from cexdesk.core.db import Database
from cexdesk.core.errors import NotFound
from cexdesk.core.events import Event, HandlerContext, Subscriptions, from_payload, to_payload
from cexdesk.core.leases import claim_due
from cexdesk.core.models import EventDelivery, OutboxEvent
from cexdesk.core.realtime import Hub

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 3600.0
BATCH_SIZE = 100
# Rows read at a time within a batch (which usually ends at its time budget first).
CHUNK_SIZE = 20


def session_clock(session: AsyncSession) -> Clock:
    clock: Clock = session.info["clock"]
    return clock


# Plain table statements, not ORM ones: an ORM-enabled insert goes through the bulk
# persistence machinery, which cost several times the statement itself on this path
# (every use case records an event).
_EVENTS: Any = OutboxEvent.__table__
_INSERT_EVENT: Any = insert(_EVENTS).returning(_EVENTS.c.id)
_DELIVERIES: Any = EventDelivery.__table__
_INSERT_DELIVERIES: Any = insert(_DELIVERIES)


async def record(session: AsyncSession, event: Event) -> int:
    """Store an event and one pending delivery per subscribed handler; never commits."""
    subscriptions: Subscriptions = session.info["subscriptions"]
    now = session_clock(session).now()
    event_id: int = (
        await session.execute(
            _INSERT_EVENT, {"type": event.type, "payload": to_payload(event), "created_at": now}
        )
    ).scalar_one()
    names = subscriptions.handlers_for(event)
    if names:
        await session.execute(
            _INSERT_DELIVERIES,
            [
                {
                    "event_id": event_id,
                    "handler": name,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                }
                for name in names
            ],
        )
        session.info["outbox_pending"] = True
    return event_id


def _describe(error: Exception) -> str:
    return "".join(traceback.format_exception_only(type(error), error)).strip()[:4000]


def backoff(base_seconds: float, attempts: int) -> timedelta:
    return timedelta(seconds=min(base_seconds * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


@dataclass(frozen=True)
class _Due:
    """A due delivery and its event, as read for a batch."""

    id: int
    handler: str
    attempts: int
    event_id: int
    event_type: str
    payload: dict[str, Any]
    occurred_at: datetime


@dataclass
class DeadDelivery:
    id: int
    event_id: int
    event_type: str
    handler: str
    attempts: int
    last_error: str | None
    payload: dict[str, Any]
    created_at: datetime


class Dispatcher:
    def __init__(
        self,
        db: Database,
        subscriptions: Subscriptions,
        clock: Clock,
        hub: Hub,
        *,
        services: dict[str, Any],
        max_attempts: int,
        backoff_seconds: float,
        lease_seconds: float,
    ) -> None:
        self.db = db
        self.subscriptions = subscriptions
        self.clock = clock
        self.hub = hub
        self.services = services
        self.max_attempts = max_attempts
        self.backoff_seconds = backoff_seconds
        self.lease = timedelta(seconds=lease_seconds)
        self.worker_id = uuid.uuid4().hex[:16]

    async def claim(self, limit: int) -> list[int]:
        """Lease due deliveries of isolated handlers to this worker."""
        return await claim_due(
            self.db,
            EventDelivery,
            EventDelivery.next_attempt_at,
            clock=self.clock,
            lease=self.lease,
            worker_id=self.worker_id,
            limit=limit,
            where=EventDelivery.handler.in_(sorted(self.subscriptions.isolated)),
        )

    async def run_once(self, limit: int = BATCH_SIZE) -> int:
        done = await self.run_batch(limit)
        if self.subscriptions.isolated:
            for delivery_id in await self.claim(limit):
                await self.deliver(delivery_id)
                done += 1
        return done

    async def run_batch(self, limit: int = BATCH_SIZE) -> int:
        """Deliver due batched deliveries in one transaction; returns how many were tried.

        Rows are read as plain tuples a chunk at a time (a batch often stops at its time
        budget long before ``limit``, and turning a hundred rows into ORM objects to run
        a few was most of an idle-ish round's cost); the successful ones are marked done
        by one UPDATE at the end, inside the same transaction as their handlers' work.
        """
        now = self.clock.now()
        deliveries, events = _DELIVERIES.c, _EVENTS.c
        due = (
            deliveries.status == "pending",
            deliveries.next_attempt_at <= now,
            deliveries.handler.not_in(sorted(self.subscriptions.isolated)),
        )
        # A quick look from a reader first: an idle round must not take the writer.
        async with self.db.reading() as peek:
            if (await peek.execute(select(deliveries.id).where(*due).limit(1))).first() is None:
                return 0
        started = time.monotonic()
        tried: list[int] = []
        done: list[int] = []
        async with self.db.transaction() as session:
            while len(tried) < limit:
                if tried and time.monotonic() - started > self.db.batch_seconds:
                    break  # keep the transaction short: on SQLite it holds the only writer
                wanted = min(CHUNK_SIZE, limit - len(tried))
                query = (
                    select(deliveries.id, deliveries.handler, deliveries.attempts,
                           events.id, events.type, events.payload, events.created_at)
                    .join(_EVENTS, events.id == deliveries.event_id)
                    .where(*due)
                    .order_by(deliveries.next_attempt_at, deliveries.id)
                    .limit(wanted)
                )  # fmt: skip
                if tried:
                    # A delivery that failed here with no back-off is due again at once;
                    # it gets its next try in a later round, not in this one.
                    query = query.where(deliveries.id.not_in(tried))
                if self.db.dialect == "postgresql":
                    query = query.with_for_update(of=_DELIVERIES, skip_locked=True)
                rows = (await session.execute(query)).all()
                for row in rows:
                    if tried and time.monotonic() - started > self.db.batch_seconds:
                        break
                    delivery = _Due(*row)
                    tried.append(delivery.id)
                    try:
                        async with session.begin_nested():
                            await self._run_due(session, delivery)
                        done.append(delivery.id)
                    except Exception as error:
                        log.warning("handler %s failed on event %s: %r",
                                    delivery.handler, delivery.event_id, error)  # fmt: skip
                        await self._record_batch_failure(session, delivery, error)
                if len(rows) < wanted:
                    break
            if done:
                await session.execute(
                    update(_DELIVERIES)
                    .where(deliveries.id.in_(done))
                    .values(status="done", attempts=deliveries.attempts + 1,
                            done_at=self.clock.now(), locked_until=None, last_error=None)
                )  # fmt: skip
        return len(tried)

    async def _run_due(self, session: AsyncSession, delivery: _Due) -> None:
        handler = self.subscriptions.handler(delivery.handler)
        event = from_payload(delivery.event_type, delivery.payload)
        context = HandlerContext(
            session=session,
            clock=self.clock,
            hub=self.hub,
            event_id=delivery.event_id,
            attempt=delivery.attempts + 1,
            services=self.services,
            occurred_at=delivery.occurred_at,
        )
        await handler(event, context)

    async def _record_batch_failure(
        self, session: AsyncSession, delivery: _Due, error: Exception
    ) -> None:
        attempts = delivery.attempts + 1
        values: dict[str, Any] = {
            "attempts": attempts,
            "last_error": _describe(error),
            "locked_until": None,
        }
        if attempts >= self.max_attempts:
            values["status"] = "dead"
        else:
            values["next_attempt_at"] = self.clock.now() + backoff(self.backoff_seconds, attempts)
        await session.execute(
            update(_DELIVERIES).where(_DELIVERIES.c.id == delivery.id).values(**values)
        )

    async def _run_handler(
        self, session: AsyncSession, delivery: EventDelivery, outbox_event: OutboxEvent
    ) -> None:
        handler = self.subscriptions.handler(delivery.handler)
        event = from_payload(outbox_event.type, outbox_event.payload)
        context = HandlerContext(
            session=session,
            clock=self.clock,
            hub=self.hub,
            event_id=outbox_event.id,
            attempt=delivery.attempts + 1,
            services=self.services,
            occurred_at=outbox_event.created_at,
        )
        await handler(event, context)
        delivery.status = "done"
        delivery.attempts += 1
        delivery.done_at = self.clock.now()
        delivery.locked_until = None
        delivery.last_error = None

    def _record_failure(self, delivery: EventDelivery, error: Exception) -> None:
        delivery.attempts += 1
        delivery.last_error = _describe(error)
        delivery.locked_until = None
        if delivery.attempts >= self.max_attempts:
            delivery.status = "dead"
        else:
            delivery.next_attempt_at = self.clock.now() + backoff(
                self.backoff_seconds, delivery.attempts
            )

    async def deliver(self, delivery_id: int) -> bool:
        """Run one leased delivery of an isolated handler; True when the handler succeeded."""
        try:
            async with self.db.transaction() as session:
                row = (
                    await session.execute(
                        select(EventDelivery, OutboxEvent)
                        .join(OutboxEvent, OutboxEvent.id == EventDelivery.event_id)
                        .where(EventDelivery.id == delivery_id)
                        # Held until commit: a worker that took the delivery over after
                        # our lease ran out waits here, then sees it done and skips it.
                        .with_for_update(of=EventDelivery)
                    )
                ).one_or_none()
                if row is None:
                    return False
                delivery, outbox_event = row
                if delivery.status != "pending" or delivery.locked_by != self.worker_id:
                    return False  # another worker took it over after our lease ran out
                await self._run_handler(session, delivery, outbox_event)
            return True
        except Exception as error:
            log.warning("handler failed for delivery %s: %r", delivery_id, error)
            async with self.db.transaction() as session:
                failed = await session.get(EventDelivery, delivery_id, with_for_update=True)
                if failed is not None and failed.locked_by == self.worker_id:
                    self._record_failure(failed, error)
            return False


async def list_dead(
    session: AsyncSession, *, limit: int = 100, before_id: int | None = None
) -> list[DeadDelivery]:
    query = (
        select(EventDelivery, OutboxEvent)
        .join(OutboxEvent, OutboxEvent.id == EventDelivery.event_id)
        .where(EventDelivery.status == "dead")
        .order_by(EventDelivery.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        query = query.where(EventDelivery.id < before_id)
    rows = (await session.execute(query)).all()
    return [
        DeadDelivery(
            id=d.id,
            event_id=e.id,
            event_type=e.type,
            handler=d.handler,
            attempts=d.attempts,
            last_error=d.last_error,
            payload=e.payload,
            created_at=e.created_at,
        )
        for d, e in rows
    ]


async def replay_dead(session: AsyncSession, delivery_id: int) -> None:
    """Put a dead delivery back in line with a fresh set of attempts; never commits."""
    delivery = await session.get(EventDelivery, delivery_id)
    if delivery is None or delivery.status != "dead":
        raise NotFound("dead delivery", delivery_id)
    delivery.status = "pending"
    delivery.attempts = 0
    delivery.next_attempt_at = session_clock(session).now()
    delivery.locked_until = None
    delivery.locked_by = None
    session.info["outbox_pending"] = True


async def pending_count(session: AsyncSession) -> int:
    result = await session.execute(
        select(func.count()).select_from(EventDelivery).where(EventDelivery.status == "pending")
    )
    return int(result.scalar_one())
