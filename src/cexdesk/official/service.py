"""Official-channel queries; nothing here commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.official.check import Entry, Kind
from cexdesk.official.models import OfficialChannel


async def list_channels(session: AsyncSession, *, active_only: bool) -> list[OfficialChannel]:
    query = select(OfficialChannel)
    if active_only:
        query = query.where(OfficialChannel.active.is_(True))
    return list((await session.scalars(query.order_by(OfficialChannel.id))).all())


async def registry(session: AsyncSession) -> list[Entry]:
    """The active entries, as the pure check takes them."""
    return [
        Entry(row.id, Kind(row.kind), row.value, row.label)
        for row in await list_channels(session, active_only=True)
    ]


async def channel_of(session: AsyncSession, kind: Kind, value: str) -> OfficialChannel | None:
    return (
        await session.execute(
            select(OfficialChannel).where(
                OfficialChannel.kind == kind.value, OfficialChannel.value == value
            )
        )
    ).scalar_one_or_none()
