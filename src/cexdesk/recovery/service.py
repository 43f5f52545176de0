"""Recovery queries; never commits."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.recovery.models import RecoveryClaim


async def claim_of(
    session: AsyncSession, exchange_uid: str, chain: str, tx_key: str, index: int
) -> RecoveryClaim | None:
    return (
        await session.execute(
            select(RecoveryClaim).where(
                RecoveryClaim.exchange_uid == exchange_uid,
                RecoveryClaim.chain == chain,
                RecoveryClaim.tx_key == tx_key,
                RecoveryClaim.transfer_index == index,
            )
        )
    ).scalar_one_or_none()


async def claims_on_transfer(
    session: AsyncSession, chain: str, tx_key: str, index: int
) -> list[RecoveryClaim]:
    """Every claim filed on one transfer, by anyone."""
    return list(
        (
            await session.execute(
                select(RecoveryClaim)
                .where(
                    RecoveryClaim.chain == chain,
                    RecoveryClaim.tx_key == tx_key,
                    RecoveryClaim.transfer_index == index,
                )
                .order_by(RecoveryClaim.id)
            )
        )
        .scalars()
        .all()
    )


async def claim_for_update(session: AsyncSession, claim_id: int) -> RecoveryClaim | None:
    """The claim row, locked until the transaction ends (PostgreSQL; SQLite has one writer)."""
    return (
        await session.execute(
            select(RecoveryClaim).where(RecoveryClaim.id == claim_id).with_for_update()
        )
    ).scalar_one_or_none()


async def list_claims(
    session: AsyncSession, *, customer_id: int | None, status: str | None, limit: int
) -> list[RecoveryClaim]:
    query = select(RecoveryClaim).order_by(RecoveryClaim.id.desc()).limit(limit)
    if customer_id is not None:
        query = query.where(RecoveryClaim.customer_id == customer_id)
    if status is not None:
        query = query.where(RecoveryClaim.status == status)
    return list((await session.execute(query)).scalars().all())


async def recovered_claims(session: AsyncSession) -> list[RecoveryClaim]:
    return list(
        (await session.execute(select(RecoveryClaim).where(RecoveryClaim.status == "recovered")))
        .scalars()
        .all()
    )


async def count_claims(session: AsyncSession, status: str) -> int:
    query = select(func.count()).select_from(RecoveryClaim).where(RecoveryClaim.status == status)
    return int((await session.execute(query)).scalar_one())
