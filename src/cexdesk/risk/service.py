"""Risk queries; never commits."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
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


async def case_for_withdrawal(session: AsyncSession, withdrawal_id: str) -> SecurityCase | None:
    """The case of a held withdrawal, locked until the transaction ends."""
    return (
        await session.execute(
            select(SecurityCase)
            .where(SecurityCase.withdrawal_id == withdrawal_id)
            .with_for_update()
        )
    ).scalar_one_or_none()


async def figures(session: AsyncSession) -> dict[str, Any]:
    """Held, blocked, false holds, users protected and value kept (see the view)."""
    actions = dict(
        (
            await session.execute(
                select(WithdrawalScreening.action, func.count()).group_by(
                    WithdrawalScreening.action
                )
            )
        ).all()
    )
    closed = (
        await session.execute(
            select(SecurityCase.status, SecurityCase.user_response, WithdrawalScreening.usd_value)
            .join(WithdrawalScreening, WithdrawalScreening.id == SecurityCase.screening_id)
            .where(SecurityCase.status != "open")
        )
    ).all()
    blocked_users = (
        await session.execute(
            select(WithdrawalScreening.exchange_uid)
            .where(WithdrawalScreening.action == "block")
            .distinct()
        )
    ).scalars()
    denied_users = (
        await session.execute(
            select(SecurityCase.exchange_uid)
            .where(SecurityCase.user_response == "denied")
            .distinct()
        )
    ).scalars()
    kept = [Decimal(value) for status, answer, value in closed if answer == "denied"]
    return {
        "held": actions.get("hold", 0),
        "blocked": actions.get("block", 0),
        "false_holds": sum(status == "released" for status, _, _ in closed),
        "users_protected": len(set(blocked_users) | set(denied_users)),
        "value_kept_usd": str(sum(kept, Decimal(0))),
    }


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
