"""Agent powers: fund adjustments asked for from a ticket, within per-role limits.

An adjustment within the requester's role limit (in USD, at the exchange's reference
price) is approved at once; above it, or on an asset without a price, a second person
with ``money:move`` whose own limit covers it approves or rejects. Approved adjustments
are executed by ``execute`` from the outbox with the key fixed when they were asked
for, so a retry after a crash never moves the money twice. Every step is audited and
noted on the ticket.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.compensation import service
from cexdesk.compensation.events import AdjustmentApproved
from cexdesk.compensation.models import FundAdjustment
from cexdesk.compensation.schemas import AdjustmentForm
from cexdesk.core import audit, outbox
from cexdesk.core.auth import Perm, Principal, Role
from cexdesk.core.errors import Conflict, Forbidden, Invalid, NotFound
from cexdesk.customers.models import Customer
from cexdesk.exchange.protocol import ExchangeBackOffice, ExchangeError, IdempotencyConflict
from cexdesk.exchange.values import BalanceChangeStatus
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets.models import Ticket

# Where a desk keeps its own limits: context.services[LIMITS_KEY] = {Role: USD}.
LIMITS_KEY = "adjustment_limits"
# What each role may adjust on its own, in USD; a role not listed needs approval always.
DEFAULT_LIMITS: Mapping[Role, Decimal] = {
    Role.AGENT: Decimal(100),
    Role.ENGINEER: Decimal(500),
    Role.VIP_AGENT: Decimal(1000),
    Role.SECURITY: Decimal(5000),
    Role.SUPERVISOR: Decimal(10000),
    Role.ADMIN: Decimal(50000),
}


async def _note(
    session: AsyncSession, ticket: Ticket, author: ticket_flows.Author, text: str
) -> None:
    """An internal note on the ticket, unless it is closed (the audit log has it anyway)."""
    if ticket.status != "closed":
        await ticket_flows.add_note(session, ticket, author, text)


def limit_for(limits: Mapping[Role, Decimal], role: Role) -> Decimal:
    return limits.get(role, Decimal(0))


def _within(value: Decimal | None, limit: Decimal) -> bool:
    """An asset without a reference price is never within anyone's limit on its own."""
    return value is not None and value <= limit


async def request(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    ticket: Ticket,
    staff: Principal,
    form: AdjustmentForm,
    limits: Mapping[Role, Decimal] = DEFAULT_LIMITS,
) -> FundAdjustment:
    """Record the adjustment for the ticket's requester; approved at once within the limit."""
    customer = await session.get(Customer, ticket.requester_id)
    if customer is None or customer.exchange_uid is None:
        raise Invalid("ticket_id", "the ticket's requester is not a known exchange user")
    asset = form.asset.upper()
    price = await exchange.usd_price(asset)
    value = form.amount * price if price > 0 else None
    limit = limit_for(limits, staff.role)
    now = outbox.session_clock(session).now()
    within = _within(value, limit)
    adjustment = FundAdjustment(
        ticket_id=ticket.id,
        exchange_uid=customer.exchange_uid,
        direction=form.direction,
        asset=asset,
        amount=service.amount_text(form.amount),
        usd_value=None if value is None else service.amount_text(value),
        reason=form.reason,
        status="approved" if within else "pending_approval",
        requested_by=staff.id,
        requested_at=now,
        limit_usd=service.amount_text(limit),
        approved_by=staff.id if within else None,
        approved_at=now if within else None,
        idempotency_key=f"adjustment:{ticket.id}:{uuid.uuid4().hex}",
    )
    session.add(adjustment)
    await session.flush()
    actor = audit.Actor("agent", str(staff.id))
    await audit.append(
        session, actor, "adjustment.requested",
        subject_type="fund_adjustment", subject_id=adjustment.id,
        data={"ticket_id": ticket.id, "exchange_uid": adjustment.exchange_uid,
              "direction": adjustment.direction, "asset": asset, "amount": adjustment.amount,
              "usd_value": adjustment.usd_value, "limit_usd": adjustment.limit_usd,
              "within_limit": within, "reason": form.reason},
    )  # fmt: skip
    what = f"{adjustment.direction} of {adjustment.amount} {asset}"
    note = (
        f"Fund adjustment #{adjustment.id}: {what} ({form.reason}), within the limit; executing."
        if within
        else f"Fund adjustment #{adjustment.id}: {what} ({form.reason}) is above the "
        f"requester's limit of {adjustment.limit_usd} USD and waits for a second approver."
    )
    await _note(session, ticket, ticket_flows.Author("agent", staff.id), note)
    if within:
        await outbox.record(session, AdjustmentApproved(adjustment.id, ticket.id))
    return adjustment


async def _for_update(session: AsyncSession, adjustment_id: int) -> FundAdjustment:
    found = (
        await session.execute(
            select(FundAdjustment).where(FundAdjustment.id == adjustment_id).with_for_update()
        )
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("fund adjustment", adjustment_id)
    return found


async def decide(
    session: AsyncSession,
    adjustment_id: int,
    staff: Principal,
    approve: bool,
    note: str,
    limits: Mapping[Role, Decimal] = DEFAULT_LIMITS,
) -> FundAdjustment:
    """A second person approves or rejects (replaying the same decision changes nothing)."""
    staff.require(Perm.MONEY_MOVE)
    adjustment = await _for_update(session, adjustment_id)
    wanted = "approved" if approve else "rejected"
    if adjustment.status != "pending_approval":
        decided_by_them = adjustment.approved_by == staff.id
        if decided_by_them and (adjustment.status == "rejected") != approve:
            return adjustment
        raise Conflict(f"the adjustment is already {adjustment.status}")
    if staff.id == adjustment.requested_by:
        raise Forbidden("someone other than the requester must decide")
    value = None if adjustment.usd_value is None else Decimal(adjustment.usd_value)
    if approve and not _within(value, limit_for(limits, staff.role)) and staff.role != Role.ADMIN:
        raise Forbidden("this is above your own limit too: ask someone whose limit covers it")
    now = outbox.session_clock(session).now()
    adjustment.status = wanted
    adjustment.approved_by, adjustment.approved_at = staff.id, now
    adjustment.decision_note = note or None
    await audit.append(
        session, audit.Actor("agent", str(staff.id)), f"adjustment.{wanted}",
        subject_type="fund_adjustment", subject_id=adjustment.id, data={"note": note},
    )  # fmt: skip
    ticket = await session.get(Ticket, adjustment.ticket_id)
    assert ticket is not None
    await _note(
        session, ticket, ticket_flows.Author("agent", staff.id),
        f"Fund adjustment #{adjustment.id} {wanted}" + (f": {note}" if note else "."),
    )  # fmt: skip
    if approve:
        await outbox.record(session, AdjustmentApproved(adjustment.id, adjustment.ticket_id))
    return adjustment


async def execute(
    session: AsyncSession, exchange: ExchangeBackOffice, adjustment_id: int
) -> FundAdjustment | None:
    """Move the money for an approved adjustment, once (its key makes a retry a no-op)."""
    adjustment = await _for_update(session, adjustment_id)
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
            adjustment.executed_at = outbox.session_clock(session).now()
        else:
            error = result.message or result.status.value  # a debit beyond the balance
    if error is not None:
        adjustment.status, adjustment.error = "failed", error
    await audit.append(
        session, audit.Actor("system", "compensation"), f"adjustment.{adjustment.status}",
        subject_type="fund_adjustment", subject_id=adjustment.id,
        data={"idempotency_key": adjustment.idempotency_key, "change_id": adjustment.change_id,
              "error": adjustment.error, "direction": adjustment.direction,
              "asset": adjustment.asset, "amount": adjustment.amount},
    )  # fmt: skip
    ticket = await session.get(Ticket, adjustment.ticket_id)
    assert ticket is not None
    done = f"Fund adjustment #{adjustment.id}: {adjustment.direction} of {adjustment.amount} "
    done += f"{adjustment.asset} " + (
        f"executed (change {adjustment.change_id})."
        if adjustment.status == "executed"
        else f"failed: {adjustment.error}"
    )
    await _note(session, ticket, ticket_flows.SYSTEM, done)
    return adjustment
