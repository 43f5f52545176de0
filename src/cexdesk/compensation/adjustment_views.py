"""Agent powers: fund adjustments asked for from a ticket, and their second approval."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, status

from cexdesk.api.deps import Ctx, CurrentStaff, DbSession, ReadSession
from cexdesk.compensation import adjustments, powers, service
from cexdesk.compensation.models import FundAdjustment
from cexdesk.compensation.schemas import (
    AdjustmentDecision,
    AdjustmentForm,
    AdjustmentOut,
    AdjustmentPage,
)
from cexdesk.core.auth import Perm
from cexdesk.core.errors import NotFound
from cexdesk.exchange.service import back_office, back_office_errors
from cexdesk.tickets import access as ticket_access

router = APIRouter(tags=["compensation"])

Decision = Literal["approve", "reject"]
Status = Literal["pending_approval", "approved", "executed", "failed", "rejected"]


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
            session,
            back_office(context.services),
            ticket,
            staff,
            form,
            adjustments.KIND.limits(context.services),
        )
    return AdjustmentOut.model_validate(adjustment)


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
    rows = await service.list_powers(session, FundAdjustment, status, ticket_id, limit)
    return AdjustmentPage(items=[AdjustmentOut.model_validate(a) for a in rows])


@router.get("/adjustments/{adjustment_id}", response_model=AdjustmentOut)
async def show_adjustment(
    adjustment_id: int, session: ReadSession, staff: CurrentStaff
) -> AdjustmentOut:
    staff.require(Perm.CUSTOMERS_READ)
    found = await session.get(FundAdjustment, adjustment_id)
    if found is None:
        raise NotFound("fund adjustment", adjustment_id)
    return AdjustmentOut.model_validate(found)


@router.post("/adjustments/{adjustment_id}/{decision}", response_model=AdjustmentOut)
async def decide(
    adjustment_id: int,
    decision: Decision,
    body: AdjustmentDecision,
    session: DbSession,
    staff: CurrentStaff,
    context: Ctx,
) -> AdjustmentOut:
    """approve or reject: a second person (money:move; to approve, a limit that covers
    it; never the requester)."""
    decided = await powers.decide(
        session, adjustments.KIND, adjustment_id, staff, decision == "approve", body.note,
        adjustments.KIND.limits(context.services),
    )  # fmt: skip
    return AdjustmentOut.model_validate(decided)
