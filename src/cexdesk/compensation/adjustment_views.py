"""Agent powers: fund adjustments asked for from a ticket, and their second approval."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, status
from sqlalchemy import select

from cexdesk.api.deps import Ctx, CurrentStaff, DbSession, ReadSession
from cexdesk.compensation import adjustments
from cexdesk.compensation.models import FundAdjustment
from cexdesk.compensation.schemas import (
    AdjustmentDecision,
    AdjustmentForm,
    AdjustmentOut,
    AdjustmentPage,
)
from cexdesk.core.auth import Perm, Role
from cexdesk.core.errors import NotFound
from cexdesk.exchange.service import back_office, back_office_errors
from cexdesk.tickets import access as ticket_access

router = APIRouter(tags=["compensation"])

Status = Literal["pending_approval", "approved", "executed", "failed", "rejected"]


def _limits(services: dict[str, Any]) -> Mapping[Role, Decimal]:
    """The desk's own limits if it set them (services[LIMITS_KEY]), else the defaults."""
    found: Mapping[Role, Decimal] | None = services.get(adjustments.LIMITS_KEY)
    return adjustments.DEFAULT_LIMITS if found is None else found


def _out(a: FundAdjustment) -> AdjustmentOut:
    return AdjustmentOut(
        id=a.id, ticket_id=a.ticket_id, exchange_uid=a.exchange_uid, direction=a.direction,
        asset=a.asset, amount=a.amount, usd_value=a.usd_value, reason=a.reason,
        status=a.status, requested_by=a.requested_by, requested_at=a.requested_at,
        limit_usd=a.limit_usd, approved_by=a.approved_by, approved_at=a.approved_at,
        idempotency_key=a.idempotency_key, change_id=a.change_id, executed_at=a.executed_at,
        error=a.error, decision_note=a.decision_note,
    )  # fmt: skip


@router.post(
    "/tickets/{ticket_id}/adjustments",
    response_model=AdjustmentOut,
    status_code=status.HTTP_201_CREATED,
)
async def request_adjustment(
    ticket_id: int, form: AdjustmentForm, session: DbSession, staff: CurrentStaff, context: Ctx
) -> AdjustmentOut:
    """Credit or debit the ticket's requester: at once within your role's limit, else
    once a second person approves."""
    ticket_access.check_staff_write(staff)
    ticket = await ticket_access.access_ticket_by_id(session, staff, ticket_id, write=True)
    with back_office_errors():
        adjustment = await adjustments.request(
            session, back_office(context.services), ticket, staff, form,
            _limits(context.services),
        )  # fmt: skip
    return _out(adjustment)


@router.get("/adjustments", response_model=AdjustmentPage)
async def list_adjustments(
    session: ReadSession,
    staff: CurrentStaff,
    status: Annotated[Status | None, Query()] = None,
    ticket_id: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> AdjustmentPage:
    """Newest first; ``status=pending_approval`` is the approvers' queue."""
    staff.require(Perm.CUSTOMERS_READ)
    query = select(FundAdjustment)
    if status is not None:
        query = query.where(FundAdjustment.status == status)
    if ticket_id is not None:
        query = query.where(FundAdjustment.ticket_id == ticket_id)
    rows = await session.scalars(query.order_by(FundAdjustment.id.desc()).limit(limit))
    return AdjustmentPage(items=[_out(a) for a in rows.all()])


@router.get("/adjustments/{adjustment_id}", response_model=AdjustmentOut)
async def show_adjustment(
    adjustment_id: int, session: ReadSession, staff: CurrentStaff
) -> AdjustmentOut:
    staff.require(Perm.CUSTOMERS_READ)
    found = await session.get(FundAdjustment, adjustment_id)
    if found is None:
        raise NotFound("fund adjustment", adjustment_id)
    return _out(found)


@router.post("/adjustments/{adjustment_id}/approve", response_model=AdjustmentOut)
async def approve(
    adjustment_id: int,
    body: AdjustmentDecision,
    session: DbSession,
    staff: CurrentStaff,
    context: Ctx,
) -> AdjustmentOut:
    """A second person (money:move, a limit that covers it) lets it go."""
    return _out(
        await adjustments.decide(
            session, adjustment_id, staff, True, body.note, _limits(context.services)
        )
    )


@router.post("/adjustments/{adjustment_id}/reject", response_model=AdjustmentOut)
async def reject(
    adjustment_id: int,
    body: AdjustmentDecision,
    session: DbSession,
    staff: CurrentStaff,
    context: Ctx,
) -> AdjustmentOut:
    return _out(
        await adjustments.decide(
            session, adjustment_id, staff, False, body.note, _limits(context.services)
        )
    )
