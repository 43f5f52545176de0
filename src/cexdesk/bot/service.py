"""Bot queries; never commits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents.models import Team
from cexdesk.bot.models import BotSession, BotTurn


def held_ticket_ids() -> Select[Any]:
    """The tickets the bot holds right now, for ``NOT IN`` (the partial unique index)."""
    return select(BotSession.ticket_id).where(BotSession.status == "active")


async def active_session(
    session: AsyncSession, ticket_id: int, *, for_update: bool = False
) -> BotSession | None:
    query = select(BotSession).where(
        BotSession.ticket_id == ticket_id, BotSession.status == "active"
    )
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def holds(session: AsyncSession, ticket_id: int) -> bool:
    """Whether the bot holds the ticket now (routing leaves it alone)."""
    found = await session.execute(
        select(BotSession.id).where(
            BotSession.ticket_id == ticket_id, BotSession.status == "active"
        )
    )
    return found.first() is not None


async def fronted(session: AsyncSession, ticket_id: int) -> bool:
    """Whether the bot took the ticket when it was opened (it then starts the clocks and
    routing when it hands off, not the creation)."""
    found = await session.execute(
        select(BotSession.id).where(BotSession.ticket_id == ticket_id).limit(1)
    )
    return found.first() is not None


async def last_session(session: AsyncSession, ticket_id: int) -> BotSession | None:
    return (
        await session.execute(
            select(BotSession)
            .where(BotSession.ticket_id == ticket_id)
            .order_by(BotSession.id.desc())
            .limit(1)
        )
    ).scalar_one_or_none()


async def turns(session: AsyncSession, session_id: int) -> list[BotTurn]:
    return list(
        (
            await session.execute(
                select(BotTurn).where(BotTurn.session_id == session_id).order_by(BotTurn.id)
            )
        ).scalars()
    )


async def sessions_of_ticket(session: AsyncSession, ticket_id: int) -> list[BotSession]:
    return list(
        (
            await session.execute(
                select(BotSession).where(BotSession.ticket_id == ticket_id).order_by(BotSession.id)
            )
        ).scalars()
    )


async def team_of_kind(session: AsyncSession, kind: str) -> Team | None:
    return (
        await session.execute(select(Team).where(Team.kind == kind).order_by(Team.id).limit(1))
    ).scalar_one_or_none()
