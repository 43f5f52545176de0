"""Watch-list use cases: raise a reason on a ticket (idempotently), clear it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit, outbox
from cexdesk.core.errors import NotFound
from cexdesk.tickets.models import Ticket
from cexdesk.watchlist.models import WatchItem

REPEAT_WINDOW = timedelta(days=7)


async def raise_reason(
    session: AsyncSession, ticket_id: int, reason: str, detail: str, at: datetime
) -> WatchItem:
    """Put a ticket on the list for a reason; raising it again counts, and re-opens it."""
    item = (
        await session.execute(
            select(WatchItem).where(WatchItem.ticket_id == ticket_id, WatchItem.reason == reason)
        )
    ).scalar_one_or_none()
    if item is None:
        item = WatchItem(ticket_id=ticket_id, reason=reason, detail=detail[:300], raised_at=at,
                         raised_count=1, cleared_at=None, cleared_by=None)  # fmt: skip
        session.add(item)
        await session.flush()
        return item
    item.raised_count += 1
    item.detail = detail[:300]
    if item.cleared_at is not None:
        item.cleared_at, item.cleared_by, item.raised_at = None, None, at
    return item


async def note_repeat_contact(session: AsyncSession, ticket: Ticket, at: datetime) -> bool:
    """A customer back on the same problem within a week is at risk of giving up on us."""
    if ticket.category is None:
        return False
    earlier = (
        await session.execute(
            select(func.count())
            .select_from(Ticket)
            .where(
                Ticket.requester_id == ticket.requester_id,
                Ticket.category == ticket.category,
                Ticket.id != ticket.id,
                Ticket.created_at >= at - REPEAT_WINDOW,
            )
        )
    ).scalar_one()
    if not earlier:
        return False
    await raise_reason(
        session, ticket.id, "repeat_contact",
        f"{earlier + 1} {ticket.category} tickets in {REPEAT_WINDOW.days} days", at,
    )  # fmt: skip
    return True


async def clear(session: AsyncSession, item_id: int, agent_id: int) -> WatchItem:
    item = await session.get(WatchItem, item_id, with_for_update=True)
    if item is None:
        raise NotFound("watch item", item_id)
    if item.cleared_at is None:
        item.cleared_at = outbox.session_clock(session).now()
        item.cleared_by = agent_id
        await audit.append(
            session, audit.Actor("agent", str(agent_id)), "watchlist.cleared",
            subject_type="ticket", subject_id=item.ticket_id, data={"reason": item.reason},
        )  # fmt: skip
    return item
