"""Admin routes: dead outbox deliveries and dead timers (list, replay) and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.core import audit, outbox
from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import NotFound
from cexdesk.core.models import Timer

router = APIRouter(prefix="/admin", tags=["admin"])

Limit = Annotated[int, Query(ge=1, le=500)]
BeforeId = Annotated[int | None, Query(ge=1, description="cursor: the last id of the page")]
# No control characters in filters: PostgreSQL refuses U+0000 in text with an error.
PRINTABLE = r"^[^\x00-\x1f]*$"


def _actor(principal: Principal) -> audit.Actor:
    return audit.Actor(principal.kind, str(principal.id))


def _next(ids: list[int], limit: int) -> int | None:
    return ids[-1] if len(ids) == limit else None


class DeadLetterOut(BaseModel):
    id: int
    event_id: int
    event_type: str
    handler: str
    attempts: int
    last_error: str | None
    payload: dict[str, Any]
    created_at: datetime


class DeadLetterPage(BaseModel):
    items: list[DeadLetterOut]
    next_before_id: int | None


class Replayed(BaseModel):
    id: int
    status: str


@router.get("/dead-letters")
async def dead_letters(
    principal: CurrentStaff, session: ReadSession, limit: Limit = 50, before_id: BeforeId = None
) -> DeadLetterPage:
    """Outbox deliveries that ran out of attempts, newest first."""
    principal.require(Perm.OUTBOX_MANAGE)
    rows = await outbox.list_dead(session, limit=limit, before_id=before_id)
    return DeadLetterPage(
        items=[DeadLetterOut(**vars(row)) for row in rows],
        next_before_id=_next([row.id for row in rows], limit),
    )


@router.post("/dead-letters/{delivery_id}/replay")
async def replay_dead_letter(
    delivery_id: int, principal: CurrentStaff, session: DbSession
) -> Replayed:
    """Put a dead delivery back in line with a fresh set of attempts."""
    principal.require(Perm.OUTBOX_MANAGE)
    await outbox.replay_dead(session, delivery_id)
    await audit.append(
        session,
        _actor(principal),
        "outbox.delivery_replayed",
        subject_type="event_delivery",
        subject_id=delivery_id,
    )
    return Replayed(id=delivery_id, status="pending")


class DeadTimerOut(BaseModel):
    id: int
    kind: str
    key: str
    payload: dict[str, Any]
    due_at: datetime
    attempts: int
    last_error: str | None
    created_at: datetime


class DeadTimerPage(BaseModel):
    items: list[DeadTimerOut]
    next_before_id: int | None


# These two queries belong beside list_dead/replay_dead in core.timers; they live here
# until that module grows them, so that the timers' owner decides their final shape.
async def _list_dead_timers(
    session: AsyncSession, *, limit: int, before_id: int | None
) -> list[Timer]:
    query = select(Timer).where(Timer.status == "dead").order_by(Timer.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(Timer.id < before_id)
    return list((await session.execute(query)).scalars().all())


async def _replay_dead_timer(session: AsyncSession, timer_id: int) -> Timer:
    timer = await session.get(Timer, timer_id)
    if timer is None or timer.status != "dead":
        raise NotFound("dead timer", timer_id)
    timer.status = "pending"
    timer.attempts = 0
    timer.due_at = outbox.session_clock(session).now()
    timer.locked_until = None
    timer.locked_by = None
    session.info["outbox_pending"] = True  # wakes the runner after commit
    return timer


@router.get("/dead-timers")
async def dead_timers(
    principal: CurrentStaff, session: ReadSession, limit: Limit = 50, before_id: BeforeId = None
) -> DeadTimerPage:
    """Timers whose handler failed every attempt, newest first."""
    principal.require(Perm.OUTBOX_MANAGE)
    rows = await _list_dead_timers(session, limit=limit, before_id=before_id)
    return DeadTimerPage(
        items=[
            DeadTimerOut(
                id=row.id,
                kind=row.kind,
                key=row.key,
                payload=row.payload,
                due_at=row.due_at,
                attempts=row.attempts,
                last_error=row.last_error,
                created_at=row.created_at,
            )
            for row in rows
        ],
        next_before_id=_next([row.id for row in rows], limit),
    )


@router.post("/dead-timers/{timer_id}/replay")
async def replay_dead_timer(timer_id: int, principal: CurrentStaff, session: DbSession) -> Replayed:
    """Make a dead timer due now, with a fresh set of attempts."""
    principal.require(Perm.OUTBOX_MANAGE)
    timer = await _replay_dead_timer(session, timer_id)
    await audit.append(
        session,
        _actor(principal),
        "timer.replayed",
        subject_type="timer",
        subject_id=timer_id,
        data={"kind": timer.kind, "key": timer.key},
    )
    return Replayed(id=timer_id, status="pending")


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    actor_type: str
    actor_id: str | None
    action: str
    subject_type: str | None
    subject_id: str | None
    data: dict[str, Any]
    hash: str


class AuditPage(BaseModel):
    items: list[AuditEntryOut]
    next_before_id: int | None


@router.get("/audit")
async def audit_log(
    principal: CurrentStaff,
    session: ReadSession,
    limit: Limit = 50,
    before_id: BeforeId = None,
    action: Annotated[str | None, Query(max_length=80, pattern=PRINTABLE)] = None,
    actor_type: Annotated[str | None, Query(max_length=32, pattern=PRINTABLE)] = None,
    actor_id: Annotated[str | None, Query(max_length=64, pattern=PRINTABLE)] = None,
    subject_type: Annotated[str | None, Query(max_length=40, pattern=PRINTABLE)] = None,
    subject_id: Annotated[str | None, Query(max_length=64, pattern=PRINTABLE)] = None,
) -> AuditPage:
    """Audit entries, newest first, optionally filtered."""
    principal.require(Perm.AUDIT_READ)
    filters = {"action": action, "actor_type": actor_type, "actor_id": actor_id,
               "subject_type": subject_type, "subject_id": subject_id}  # fmt: skip
    rows = await audit.list_entries(session, limit=limit, before_id=before_id, filters=filters)
    return AuditPage(
        items=[
            AuditEntryOut(
                id=row.id,
                at=row.at,
                actor_type=row.actor_type,
                actor_id=row.actor_id,
                action=row.action,
                subject_type=row.subject_type,
                subject_id=row.subject_id,
                data=row.data,
                hash=row.hash,
            )
            for row in rows
        ],
        next_before_id=_next([row.id for row in rows], limit),
    )


class ChainOut(BaseModel):
    ok: bool
    checked: int
    first_bad_id: int | None
    reason: str | None


@router.get("/audit/verify")
async def verify_audit(principal: CurrentStaff, session: ReadSession) -> ChainOut:
    """Walk the whole hash chain; reports the first entry that does not fit."""
    principal.require(Perm.AUDIT_READ)
    report = await audit.verify_chain(session)
    return ChainOut(
        ok=report.ok, checked=report.checked, first_bad_id=report.first_bad_id, reason=report.reason
    )
