"""Agent powers: the requester's open orders on a ticket, cancelling some, the approvals."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Query, status

from cexdesk.api.deps import Ctx, CurrentStaff, DbSession, ReadSession
from cexdesk.compensation import order_cancellations, powers, service
from cexdesk.compensation.models import OrderCancellationItem, OrderCancellationRequest
from cexdesk.compensation.schemas import (
    AdjustmentDecision,
    OpenOrderOut,
    OpenOrderPage,
    OrderCancellationForm,
    OrderCancellationItemOut,
    OrderCancellationOut,
    OrderCancellationPage,
)
from cexdesk.core.auth import Perm
from cexdesk.core.errors import NotFound
from cexdesk.exchange.service import back_office, back_office_errors
from cexdesk.tickets import access as ticket_access

router = APIRouter(tags=["compensation"])

Decision = Literal["approve", "reject"]
Status = Literal[
    "pending_approval", "approved", "executed", "partly_executed", "failed", "rejected"
]


def _text(value: Decimal | None) -> str | None:
    return None if value is None else service.amount_text(value)


def _order_out(shown: order_cancellations.OpenOrder) -> OpenOrderOut:
    order = shown.order
    return OpenOrderOut(
        id=order.id, market=order.market, side=order.side.value, type=order.type.value,
        price=_text(order.price), stop_price=_text(order.stop_price),
        quantity=service.amount_text(order.quantity), filled=service.amount_text(order.filled),
        remaining=service.amount_text(order.remaining), status=order.status.value,
        placed_at=order.placed_at, usd_value=_text(shown.usd_value),
        cancellation_id=shown.cancellation_id,
    )  # fmt: skip


def _out(
    row: OrderCancellationRequest, items: Sequence[OrderCancellationItem]
) -> OrderCancellationOut:
    fields = {name: getattr(row, name) for name in OrderCancellationOut.model_fields
              if name != "items"}  # fmt: skip
    fields["items"] = [OrderCancellationItemOut.model_validate(i) for i in items]
    return OrderCancellationOut.model_validate(fields)


async def _with_items(
    session: DbSession | ReadSession, rows: Sequence[OrderCancellationRequest]
) -> list[OrderCancellationOut]:
    items = await service.cancellation_items(session, [r.id for r in rows])
    return [_out(row, items[row.id]) for row in rows]


@router.get("/tickets/{ticket_id}/orders", response_model=OpenOrderPage)
async def open_orders(
    ticket_id: int, session: ReadSession, staff: CurrentStaff, context: Ctx
) -> OpenOrderPage:
    """The ticket requester's open orders at the exchange now, newest first."""
    staff.require(Perm.CUSTOMERS_READ)
    ticket = await ticket_access.access_ticket_by_id(session, staff, ticket_id)
    exchange_uid = await powers.requester_uid(session, ticket)
    with back_office_errors():
        shown = await order_cancellations.open_orders(
            session, back_office(context.services), exchange_uid
        )
    return OpenOrderPage(exchange_uid=exchange_uid, items=[_order_out(s) for s in shown])


@router.post(
    "/tickets/{ticket_id}/order-cancellations",
    response_model=OrderCancellationOut,
    status_code=status.HTTP_201_CREATED,
)
async def request_cancellation(
    ticket_id: int,
    form: OrderCancellationForm,
    session: DbSession,
    staff: CurrentStaff,
    context: Ctx,
) -> OrderCancellationOut:
    """Cancel some of the requester's open orders: at once within your role's limits
    (their remaining value in USD and their count), else once a second person approves."""
    ticket_access.check_staff_write(staff)
    ticket = await ticket_access.access_ticket_by_id(session, staff, ticket_id, write=True)
    with back_office_errors():
        row = await order_cancellations.request(
            session,
            back_office(context.services),
            ticket,
            staff,
            form,
            order_cancellations.KIND.limits(context.services),
        )
    return (await _with_items(session, [row]))[0]


@router.get("/order-cancellations", response_model=OrderCancellationPage)
async def list_cancellations(
    session: ReadSession,
    staff: CurrentStaff,
    status: Annotated[Status | None, Query()] = None,
    ticket_id: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> OrderCancellationPage:
    """Newest first; ``status=pending_approval`` is the approvers' queue."""
    staff.require(Perm.CUSTOMERS_READ)
    rows = await service.list_powers(session, OrderCancellationRequest, status, ticket_id, limit)
    return OrderCancellationPage(items=await _with_items(session, rows))


@router.get("/order-cancellations/{cancellation_id}", response_model=OrderCancellationOut)
async def show_cancellation(
    cancellation_id: int, session: ReadSession, staff: CurrentStaff
) -> OrderCancellationOut:
    staff.require(Perm.CUSTOMERS_READ)
    found = await session.get(OrderCancellationRequest, cancellation_id)
    if found is None:
        raise NotFound("order cancellation", cancellation_id)
    return (await _with_items(session, [found]))[0]


@router.post(
    "/order-cancellations/{cancellation_id}/{decision}", response_model=OrderCancellationOut
)
async def decide(
    cancellation_id: int,
    decision: Decision,
    body: AdjustmentDecision,
    session: DbSession,
    staff: CurrentStaff,
    context: Ctx,
) -> OrderCancellationOut:
    """approve or reject: a second person (money:move; to approve, limits that cover it;
    never the requester)."""
    decided = await powers.decide(
        session, order_cancellations.KIND, cancellation_id, staff, decision == "approve",
        body.note, order_cancellations.KIND.limits(context.services),
    )  # fmt: skip
    return (await _with_items(session, [decided]))[0]
