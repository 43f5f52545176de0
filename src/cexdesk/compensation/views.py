"""Compensation routes: draw up a batch, add lines (JSON or CSV), approve, run, report."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, status
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.api.deps import Ctx, CurrentStaff, DbSession, ReadSession
from cexdesk.compensation import flows, service
from cexdesk.compensation.access import access_batch_by_id
from cexdesk.compensation.models import CompensationBatch, CompensationLine
from cexdesk.compensation.schemas import (
    Approval,
    AssetTotal,
    BatchOut,
    BatchPage,
    BatchReport,
    LineOut,
    LinePage,
    NewBatch,
    NewLines,
)
from cexdesk.compensation.upload import lines_from_csv
from cexdesk.core.auth import Perm
from cexdesk.exchange.service import back_office, back_office_errors

router = APIRouter(tags=["compensation"])

BatchStatus = Literal["draft", "approved", "paid", "partly_paid"]
LineStatus = Literal["pending", "paid", "failed"]


async def _out(session: AsyncSession, batch: CompensationBatch) -> BatchOut:
    lines = await service.lines_of(session, batch.id)
    return _shape(batch, len(lines), service.digest(batch, lines))


def _shape(batch: CompensationBatch, lines: int, digest: str) -> BatchOut:
    return BatchOut(
        id=batch.id, title=batch.title, reason=batch.reason, incident_ref=batch.incident_ref,
        status=batch.status, created_by=batch.created_by, created_at=batch.created_at,
        first_approver_id=batch.first_approver_id, second_approver_id=batch.second_approver_id,
        approved_at=batch.second_approved_at, lines=lines, digest=digest,
        last_run_at=batch.last_run_at,
    )  # fmt: skip


def _line(line: CompensationLine) -> LineOut:
    return LineOut(
        id=line.id, exchange_uid=line.exchange_uid, asset=line.asset, amount=line.amount,
        ticket_id=line.ticket_id, status=line.status, credit_key=line.credit_key,
        change_id=line.change_id, error=line.error, paid_at=line.paid_at,
        usd_value=line.usd_value, notice_ticket_id=line.notice_ticket_id,
    )  # fmt: skip


@router.post("/compensation/batches", response_model=BatchOut, status_code=status.HTTP_201_CREATED)
async def create_batch(form: NewBatch, session: DbSession, staff: CurrentStaff) -> BatchOut:
    """A new, empty batch: the loss, its reason, and the incident it comes from if any."""
    staff.require(Perm.CUSTOMERS_WRITE)
    return await _out(session, await flows.create_batch(session, staff.id, form))


@router.get("/compensation/batches", response_model=BatchPage)
async def list_batches(
    session: ReadSession,
    staff: CurrentStaff,
    status: Annotated[BatchStatus | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> BatchPage:
    staff.require(Perm.CUSTOMERS_READ)
    batches = await service.list_batches(session, status, limit)
    counts = await service.count_lines(session, [b.id for b in batches])
    # The list leaves the digest out (it needs every line): open the batch to approve it.
    return BatchPage(items=[_shape(b, counts.get(b.id, 0), "") for b in batches])


@router.get("/compensation/batches/{batch_id}", response_model=BatchOut)
async def show_batch(batch_id: int, session: ReadSession, staff: CurrentStaff) -> BatchOut:
    return await _out(session, await access_batch_by_id(session, staff, batch_id))


@router.get("/compensation/batches/{batch_id}/lines", response_model=LinePage)
async def list_lines(
    batch_id: int,
    session: ReadSession,
    staff: CurrentStaff,
    status: Annotated[LineStatus | None, Query()] = None,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> LinePage:
    await access_batch_by_id(session, staff, batch_id)
    lines = await service.page_of_lines(session, batch_id, after, limit, status)
    return LinePage(
        items=[_line(line) for line in lines],
        next_after=lines[-1].id if len(lines) == limit else None,
    )


@router.post("/compensation/batches/{batch_id}/lines", response_model=BatchOut)
async def add_lines(
    batch_id: int, body: NewLines, session: DbSession, staff: CurrentStaff
) -> BatchOut:
    """Affected users with their amount and asset (and their ticket about it, if any)."""
    staff.require(Perm.CUSTOMERS_WRITE)
    await access_batch_by_id(session, staff, batch_id)
    return await _out(session, await flows.add_lines(session, batch_id, staff.id, body.lines))


@router.post("/compensation/batches/{batch_id}/lines.csv", response_model=BatchOut)
async def upload_lines(
    batch_id: int, request: Request, session: DbSession, staff: CurrentStaff
) -> BatchOut:
    """The same as a CSV body: ``exchange_uid,asset,amount[,ticket_id]`` with a header."""
    staff.require(Perm.CUSTOMERS_WRITE)
    await access_batch_by_id(session, staff, batch_id)
    lines = lines_from_csv(await request.body())
    return await _out(session, await flows.add_lines(session, batch_id, staff.id, lines))


@router.post("/compensation/batches/{batch_id}/approve", response_model=BatchOut)
async def approve(
    batch_id: int, body: Approval, session: DbSession, staff: CurrentStaff
) -> BatchOut:
    """Approve the lines with this digest; two people other than the creator must."""
    staff.require(Perm.MONEY_MOVE)
    await access_batch_by_id(session, staff, batch_id)
    return await _out(session, await flows.approve(session, batch_id, staff.id, body.digest))


@router.post("/compensation/batches/{batch_id}/run", response_model=BatchOut)
async def run(batch_id: int, session: DbSession, staff: CurrentStaff, context: Ctx) -> BatchOut:
    """Pay the batch (again: pays only what is not paid yet, never anyone twice)."""
    staff.require(Perm.MONEY_MOVE)
    await access_batch_by_id(session, staff, batch_id)
    with back_office_errors():
        batch = await flows.run(session, back_office(context.services), batch_id, staff.id)
    return await _out(session, batch)


@router.get("/compensation/batches/{batch_id}/report", response_model=BatchReport)
async def report(batch_id: int, session: ReadSession, staff: CurrentStaff) -> BatchReport:
    """Paid, failed and pending lines, totals per asset and in USD, who was told."""
    batch = await access_batch_by_id(session, staff, batch_id)
    lines = await service.lines_of(session, batch_id)
    by_status: dict[str, int] = defaultdict(int)
    requested: dict[str, Decimal] = defaultdict(Decimal)
    paid: dict[str, Decimal] = defaultdict(Decimal)
    per_asset: dict[str, int] = defaultdict(int)
    value = Decimal(0)
    for line in lines:
        by_status[line.status] += 1
        per_asset[line.asset] += 1
        requested[line.asset] += Decimal(line.amount)
        if line.status == "paid":
            paid[line.asset] += Decimal(line.amount)
            value += Decimal(line.usd_value or 0)
    return BatchReport(
        batch=_shape(batch, len(lines), service.digest(batch, lines)),
        lines=len(lines),
        paid=by_status["paid"],
        failed=by_status["failed"],
        pending=by_status["pending"],
        notified=sum(1 for line in lines if line.notice_ticket_id is not None),
        by_asset=[
            AssetTotal(
                asset=asset,
                lines=per_asset[asset],
                requested=service.amount_text(requested[asset]),
                paid=service.amount_text(paid[asset]),
            )
            for asset in sorted(per_asset)
        ],
        paid_value_usd=service.amount_text(value),
        failures=[_line(line) for line in lines if line.status == "failed"],
    )
