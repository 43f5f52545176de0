"""Risk queries; never commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.risk.models import SecurityCase, WithdrawalScreening


async def screening_by_withdrawal(
    session: AsyncSession, withdrawal_id: str
) -> WithdrawalScreening | None:
    return (
        await session.execute(
            select(WithdrawalScreening).where(WithdrawalScreening.withdrawal_id == withdrawal_id)
        )
    ).scalar_one_or_none()


async def case_for_screening(session: AsyncSession, screening_id: int) -> SecurityCase | None:
    return (
        await session.execute(select(SecurityCase).where(SecurityCase.screening_id == screening_id))
    ).scalar_one_or_none()


async def case_for_update(session: AsyncSession, case_id: int) -> SecurityCase | None:
    """The case row, locked until the transaction ends (PostgreSQL; SQLite has one writer)."""
    return (
        await session.execute(
            select(SecurityCase).where(SecurityCase.id == case_id).with_for_update()
        )
    ).scalar_one_or_none()


async def list_cases(
    session: AsyncSession, status: str | None, limit: int
) -> list[tuple[SecurityCase, WithdrawalScreening]]:
    query = (
        select(SecurityCase, WithdrawalScreening)
        .join(WithdrawalScreening, WithdrawalScreening.id == SecurityCase.screening_id)
        .order_by(SecurityCase.id.desc())
        .limit(limit)
    )
    if status is not None:
        query = query.where(SecurityCase.status == status)
    return [(case, screening) for case, screening in (await session.execute(query)).all()]
