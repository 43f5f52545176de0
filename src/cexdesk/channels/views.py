"""Admin routes over inbound payloads: what failed or was quarantined, and replaying it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.channels import inbound
from cexdesk.channels.models import InboundPayload
from cexdesk.channels.schemas import PayloadOut, PayloadPage
from cexdesk.core import audit
from cexdesk.core.auth import Perm

router = APIRouter(tags=["channels"])

Status = Literal["received", "processed", "ignored", "failed", "quarantined"]


def _out(payload: InboundPayload, size: int) -> PayloadOut:
    return PayloadOut(
        id=payload.id, channel=payload.channel, source_key=payload.source_key,
        content_type=payload.content_type, size=size, received_at=payload.received_at,
        status=payload.status, attempts=payload.attempts, error=payload.error,
        ticket_id=payload.ticket_id, message_id=payload.message_id,
    )  # fmt: skip


@router.get("/admin/inbound", response_model=PayloadPage)
async def list_payloads(
    session: ReadSession,
    staff: CurrentStaff,
    status: Status | None = None,
    channel: Annotated[str | None, Query(max_length=16)] = None,
    before: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> PayloadPage:
    """Inbound payloads newest first, e.g. ``?status=quarantined`` (admins)."""
    staff.require(Perm.OUTBOX_MANAGE)
    rows = await inbound.list_payloads(
        session, status=status, channel=channel, before=before, limit=limit + 1
    )
    items = [_out(p, int(size or 0)) for p, size in rows[:limit]]
    return PayloadPage(items=items, next_cursor=items[-1].id if len(rows) > limit else None)


@router.post("/admin/inbound/{payload_id}/replay", response_model=PayloadOut)
async def replay(payload_id: int, session: DbSession, staff: CurrentStaff) -> PayloadOut:
    staff.require(Perm.OUTBOX_MANAGE)
    payload = await inbound.replay(session, payload_id, audit.Actor("agent", str(staff.id)))
    return _out(payload, len(payload.raw))
