"""Watch-list queries; never commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.tickets.models import Ticket
from cexdesk.watchlist.models import WatchItem


async def open_items(
    session: AsyncSession, *, reason: str | None = None, before: int | None = None, limit: int = 50
) -> tuple[list[tuple[WatchItem, Ticket]], bool]:
    """Uncleared items on conversations still open, newest first, and whether more follow."""
    query = (
        select(WatchItem, Ticket)
        .join(Ticket, Ticket.id == WatchItem.ticket_id)
        .where(WatchItem.cleared_at.is_(None), Ticket.status.not_in(("solved", "closed")))
        .order_by(WatchItem.id.desc())
        .limit(limit + 1)
    )
    if reason is not None:
        query = query.where(WatchItem.reason == reason)
    if before is not None:
        query = query.where(WatchItem.id < before)
    rows = [(item, ticket) for item, ticket in (await session.execute(query)).all()]
    return rows[:limit], len(rows) > limit
