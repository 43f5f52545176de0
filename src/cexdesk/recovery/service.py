"""Recovery queries; never commits."""

from __future__ import annotations

import statistics
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.recovery.models import RecoveryClaim, RecoveryDetection


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


async def figures(session: AsyncSession) -> dict[str, Any]:
    """Recovered automatically and by hand (count, value), the largest, time to recover."""
    recovered = (
        (await session.execute(select(RecoveryClaim).where(RecoveryClaim.status == "recovered")))
        .scalars()
        .all()
    )
    automatic = [c for c in recovered if c.first_approver_id is None]
    by_hand = [c for c in recovered if c.first_approver_id is not None]

    def value(claims: list[RecoveryClaim]) -> Decimal:
        return sum((Decimal(c.usd_value) for c in claims if c.usd_value), Decimal(0))

    hours = [
        (
            c.credited_at - datetime.fromisoformat(c.evidence["transfer"]["block_time"])
        ).total_seconds()
        / 3600
        for c in recovered
        if c.credited_at is not None
    ]
    largest = max((Decimal(c.usd_value) for c in recovered if c.usd_value), default=Decimal(0))
    return {
        "recovered_automatically": len(automatic),
        "recovered_by_hand": len(by_hand),
        "in_review": await count_claims(session, "in_review"),
        "value_recovered_automatically_usd": str(value(automatic)),
        "value_recovered_by_hand_usd": str(value(by_hand)),
        "largest_recovery_usd": str(largest),
        "median_hours_to_recover": round(statistics.median(hours), 2) if hours else None,
    }


async def count_claims(session: AsyncSession, status: str) -> int:
    query = select(func.count()).select_from(RecoveryClaim).where(RecoveryClaim.status == status)
    return int((await session.execute(query)).scalar_one())


async def detection_of(
    session: AsyncSession, chain: str, tx_key: str, index: int
) -> RecoveryDetection | None:
    return (
        await session.execute(
            select(RecoveryDetection).where(
                RecoveryDetection.chain == chain,
                RecoveryDetection.tx_key == tx_key,
                RecoveryDetection.transfer_index == index,
            )
        )
    ).scalar_one_or_none()


async def list_detections(
    session: AsyncSession, outcome: str | None, limit: int
) -> list[RecoveryDetection]:
    query = select(RecoveryDetection).order_by(RecoveryDetection.id.desc()).limit(limit)
    if outcome is not None:
        query = query.where(RecoveryDetection.outcome == outcome)
    return list((await session.execute(query)).scalars().all())
