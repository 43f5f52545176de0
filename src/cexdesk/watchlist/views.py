"""The watch list for supervisors: open items newest first, and clearing one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.core.auth import Perm
from cexdesk.tickets.models import Ticket
from cexdesk.watchlist import flows, service
from cexdesk.watchlist.models import WatchItem
from cexdesk.watchlist.schemas import WatchItemOut, WatchPage

router = APIRouter(tags=["watchlist"])


def _out(item: WatchItem, ticket: Ticket) -> WatchItemOut:
    return WatchItemOut(
        id=item.id, ticket_id=item.ticket_id, reason=item.reason, detail=item.detail,
        raised_at=item.raised_at, raised_count=item.raised_count, subject=ticket.subject,
        priority=ticket.priority, status=ticket.status, language=ticket.language,
        assignee_id=ticket.assignee_id,
    )  # fmt: skip


@router.get("/watchlist", response_model=WatchPage)
async def watchlist(
    session: ReadSession,
    staff: CurrentStaff,
    reason: Annotated[str | None, Query(max_length=24)] = None,
    before: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> WatchPage:
    """Conversations at risk that nobody has cleared yet (supervisors)."""
    staff.require(Perm.TICKETS_ASSIGN_OTHERS)
    rows, more = await service.open_items(session, reason=reason, before=before, limit=limit)
    items = [_out(item, ticket) for item, ticket in rows]
    return WatchPage(items=items, next_cursor=items[-1].id if more else None)


@router.post("/watchlist/{item_id}/clear", response_model=WatchItemOut)
async def clear(item_id: int, session: DbSession, staff: CurrentStaff) -> WatchItemOut:
    staff.require(Perm.TICKETS_ASSIGN_OTHERS)
    item = await flows.clear(session, item_id, staff.id)
    ticket = await session.get(Ticket, item.ticket_id)
    assert ticket is not None
    return _out(item, ticket)
