"""Compensation queries and the digest approvers sign; nothing here commits."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.compensation.models import (
    AgentPower,
    CompensationBatch,
    CompensationLine,
    OrderCancellationItem,
    OrderCancellationRequest,
)

P = TypeVar("P", bound=AgentPower)


def amount_text(amount: Decimal) -> str:
    """One spelling per amount ("10", never "10.00"), so digests and keys compare equal."""
    return format(amount.normalize(), "f")


def credit_key(batch_id: int, exchange_uid: str) -> str:
    """One key per (batch, user): whatever reruns or races, a user is paid once per batch."""
    return f"compensation:{batch_id}:{exchange_uid}"


async def batch_for_update(session: AsyncSession, batch_id: int) -> CompensationBatch | None:
    """The batch row, locked until the transaction ends (PostgreSQL; SQLite has one writer)."""
    return (
        await session.execute(
            select(CompensationBatch).where(CompensationBatch.id == batch_id).with_for_update()
        )
    ).scalar_one_or_none()


async def lines_of(
    session: AsyncSession, batch_id: int, statuses: Sequence[str] | None = None
) -> list[CompensationLine]:
    query = select(CompensationLine).where(CompensationLine.batch_id == batch_id)
    if statuses is not None:
        query = query.where(CompensationLine.status.in_(statuses))
    return list((await session.scalars(query.order_by(CompensationLine.id))).all())


async def page_of_lines(
    session: AsyncSession, batch_id: int, after: int, limit: int, status: str | None
) -> list[CompensationLine]:
    query = select(CompensationLine).where(
        CompensationLine.batch_id == batch_id, CompensationLine.id > after
    )
    if status is not None:
        query = query.where(CompensationLine.status == status)
    return list((await session.scalars(query.order_by(CompensationLine.id).limit(limit))).all())


async def count_lines(session: AsyncSession, batch_ids: Sequence[int]) -> dict[int, int]:
    rows = await session.execute(
        select(CompensationLine.batch_id, func.count())
        .where(CompensationLine.batch_id.in_(batch_ids))
        .group_by(CompensationLine.batch_id)
    )
    return {batch_id: count for batch_id, count in rows.all()}


async def uids_in_batch(session: AsyncSession, batch_id: int, uids: Sequence[str]) -> set[str]:
    found = await session.scalars(
        select(CompensationLine.exchange_uid).where(
            CompensationLine.batch_id == batch_id, CompensationLine.exchange_uid.in_(uids)
        )
    )
    return set(found.all())


def digest(batch: CompensationBatch, lines: Sequence[CompensationLine]) -> str:
    """SHA-256 over the reason and every line: what an approver saw is what gets paid."""
    canonical = json.dumps(
        [
            batch.id,
            batch.reason,
            sorted([line.exchange_uid, line.asset, line.amount, line.ticket_id] for line in lines),
        ],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


async def list_batches(
    session: AsyncSession, status: str | None, limit: int
) -> list[CompensationBatch]:
    query = select(CompensationBatch)
    if status is not None:
        query = query.where(CompensationBatch.status == status)
    return list(
        (await session.scalars(query.order_by(CompensationBatch.id.desc()).limit(limit))).all()
    )


async def list_powers(
    session: AsyncSession, model: type[P], status: str | None, ticket_id: int | None, limit: int
) -> list[P]:
    """Agent powers of one kind, newest first (``pending_approval``: the approvers' queue)."""
    query = select(model)
    if status is not None:
        query = query.where(model.status == status)
    if ticket_id is not None:
        query = query.where(model.ticket_id == ticket_id)
    return list((await session.scalars(query.order_by(model.id.desc()).limit(limit))).all())


async def cancellation_items(
    session: AsyncSession, cancellation_ids: Sequence[int], status: str | None = None
) -> dict[int, list[OrderCancellationItem]]:
    """The orders of each cancellation request, in the order they were asked for."""
    query = select(OrderCancellationItem).where(
        OrderCancellationItem.cancellation_id.in_(cancellation_ids)
    )
    if status is not None:
        query = query.where(OrderCancellationItem.status == status)
    grouped: dict[int, list[OrderCancellationItem]] = {i: [] for i in cancellation_ids}
    for item in (await session.scalars(query.order_by(OrderCancellationItem.id))).all():
        grouped[item.cancellation_id].append(item)
    return grouped


async def orders_being_cancelled(session: AsyncSession, order_ids: Sequence[str]) -> dict[str, int]:
    """Which of these orders a cancellation still waiting or under way holds (order → its id)."""
    rows = await session.execute(
        select(OrderCancellationItem.order_id, OrderCancellationItem.cancellation_id)
        .join(OrderCancellationRequest,
              OrderCancellationRequest.id == OrderCancellationItem.cancellation_id)
        .where(
            OrderCancellationItem.order_id.in_(order_ids),
            OrderCancellationItem.status == "pending",
            OrderCancellationRequest.status.in_(("pending_approval", "approved")),
        )
    )  # fmt: skip
    return {order_id: cancellation_id for order_id, cancellation_id in rows.all()}
