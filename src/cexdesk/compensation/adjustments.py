"""Agent powers: fund adjustments asked for from a ticket, within per-role limits.

An adjustment within the requester's role limit (in USD, at the exchange's reference
price) is approved at once; above it, or on an asset without a price, a second person
with ``money:move`` whose own limit covers it approves or rejects (``powers``).
Approved adjustments are executed by ``execute`` from the outbox with the key fixed
when they were asked for, so a retry after a crash never moves the money twice. Every
step is audited and noted on the ticket.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.compensation import powers, service
from cexdesk.compensation.events import AdjustmentApproved
from cexdesk.compensation.models import FundAdjustment
from cexdesk.compensation.schemas import AdjustmentForm
from cexdesk.core.auth import Principal, Role
from cexdesk.exchange.protocol import ExchangeBackOffice, ExchangeError, IdempotencyConflict
from cexdesk.exchange.values import BalanceChangeStatus
from cexdesk.tickets.models import Ticket

# Where a desk keeps its own limits: context.services[LIMITS_KEY] = {Role: USD}.
LIMITS_KEY = "adjustment_limits"
Limits = Mapping[Role, Decimal]
# What each role may adjust on its own, in USD; a role not listed needs approval always.
DEFAULT_LIMITS: Limits = {
    Role.AGENT: Decimal(100),
    Role.ENGINEER: Decimal(500),
    Role.VIP_AGENT: Decimal(1000),
    Role.SECURITY: Decimal(5000),
    Role.SUPERVISOR: Decimal(10000),
    Role.ADMIN: Decimal(50000),
}


def _within(value: Decimal | None, limit: Decimal) -> bool:
    """An asset without a reference price is never within anyone's limit on its own."""
    return value is not None and value <= limit


def _covered(adjustment: FundAdjustment, limit: Decimal) -> bool:
    value = None if adjustment.usd_value is None else Decimal(adjustment.usd_value)
    return _within(value, limit)


KIND = powers.PowerKind(
    FundAdjustment, "adjustment", "fund_adjustment", "Fund adjustment",
    approved=lambda adjustment: AdjustmentApproved(adjustment.id, adjustment.ticket_id),
    covered=_covered, limits_key=LIMITS_KEY, default_limits=DEFAULT_LIMITS,
    no_limit=Decimal(0),
)  # fmt: skip


async def request(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    ticket: Ticket,
    staff: Principal,
    form: AdjustmentForm,
    limits: Limits = DEFAULT_LIMITS,
) -> FundAdjustment:
    """Record the adjustment for the ticket's requester; approved at once within the limit."""
    exchange_uid = await powers.requester_uid(session, ticket)
    asset = form.asset.upper()
    price = await exchange.usd_price(asset)
    value = form.amount * price if price > 0 else None
    limit = KIND.limit_of(limits, staff.role)
    adjustment = FundAdjustment(
        ticket_id=ticket.id,
        exchange_uid=exchange_uid,
        direction=form.direction,
        asset=asset,
        amount=service.amount_text(form.amount),
        usd_value=None if value is None else service.amount_text(value),
        reason=form.reason,
        limit_usd=service.amount_text(limit),
        idempotency_key=f"adjustment:{ticket.id}:{uuid.uuid4().hex}",
    )
    return await powers.asked(
        session, KIND, adjustment, ticket, staff, limits,
        f"{adjustment.direction} of {adjustment.amount} {asset}", f"{adjustment.limit_usd} USD",
        {"direction": adjustment.direction, "asset": asset, "amount": adjustment.amount,
         "usd_value": adjustment.usd_value, "limit_usd": adjustment.limit_usd},
    )  # fmt: skip


async def execute(
    session: AsyncSession, exchange: ExchangeBackOffice, adjustment_id: int
) -> FundAdjustment | None:
    """Move the money for an approved adjustment, once (its key makes a retry a no-op)."""
    adjustment = await powers.for_update(session, KIND, adjustment_id)
    if adjustment.status != "approved":
        return None
    amount = Decimal(adjustment.amount)
    move = exchange.credit if adjustment.direction == "credit" else exchange.debit
    reason = f"adjustment {adjustment.id} on ticket {adjustment.ticket_id}: {adjustment.reason}"
    error: str | None = None
    try:
        result = await move(
            adjustment.idempotency_key, adjustment.exchange_uid, adjustment.asset, amount, reason
        )
    except IdempotencyConflict:
        error = "the exchange holds another request under this key"
    except ExchangeError as failure:
        error = f"{type(failure).__name__}: {failure}"[:500]
    else:
        if result.status is BalanceChangeStatus.APPLIED:
            adjustment.status, adjustment.change_id = "executed", result.change_id
        else:
            error = result.message or result.status.value  # a debit beyond the balance
    if error is not None:
        adjustment.status, adjustment.error = "failed", error
    done = f"{adjustment.direction} of {adjustment.amount} {adjustment.asset} " + (
        f"executed (change {adjustment.change_id})."
        if adjustment.status == "executed"
        else f"failed: {adjustment.error}"
    )
    await powers.carried_out(
        session, KIND, adjustment, done,
        {"idempotency_key": adjustment.idempotency_key, "change_id": adjustment.change_id,
         "direction": adjustment.direction, "asset": adjustment.asset,
         "amount": adjustment.amount},
    )  # fmt: skip
    return adjustment
