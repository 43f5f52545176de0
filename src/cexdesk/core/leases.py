"""Claiming due rows (outbox deliveries, timers) for one worker among many."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update

from cexdesk.core.clock import Clock
from cexdesk.core.db import Database


async def claim_due(
    db: Database,
    model: Any,
    due_column: Any,
    *,
    clock: Clock,
    lease: timedelta,
    worker_id: str,
    limit: int,
    where: Any = None,
) -> list[int]:
    """Lease up to ``limit`` pending rows whose time has come; SKIP LOCKED on PostgreSQL.

    A lease that runs out (its worker died) makes the row claimable again, which is
    what turns a crash into a retry instead of a lost timer or event.
    """
    now = clock.now()
    async with db.transaction() as session:
        query = (
            select(model.id)
            .where(
                model.status == "pending",
                due_column <= now,
                or_(model.locked_until.is_(None), model.locked_until < now),
            )
            .order_by(due_column, model.id)
            .limit(limit)
        )
        if where is not None:
            query = query.where(where)
        if db.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ids = list((await session.execute(query)).scalars())
        if ids:
            await session.execute(
                update(model)
                .where(model.id.in_(ids))
                .values(locked_until=now + lease, locked_by=worker_id)
            )
    return ids


async def release_leases(db: Database) -> int:
    """Clear every lease on pending work (start-up of the only process of a database)."""
    from cexdesk.core.models import EventDelivery, Timer

    released = 0
    async with db.transaction() as session:
        for model in (EventDelivery, Timer):
            result = await session.execute(
                update(model)
                .where(model.status == "pending", model.locked_until.is_not(None))
                .values(locked_until=None, locked_by=None)
            )
            released += int(getattr(result, "rowcount", 0) or 0)
    return released
