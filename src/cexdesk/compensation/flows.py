"""Compensation use cases: a batch is drawn up, approved by two others, paid, reported.

Four eyes: two approvers, different people, neither of them the batch's creator, each
confirming the digest of the lines they checked; the lines are frozen from the first
approval. Payouts go through the exchange's idempotent credit with one key per (batch,
user) (``service.credit_key``), so running a batch again, twice at once, or after a
crash between the credit and the commit never pays anyone twice. Every payout has an
audit entry; each paid user is told in their language by ``handlers.notify_paid``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.compensation import service
from cexdesk.compensation.events import BatchApproved, LinePaid
from cexdesk.compensation.models import CompensationBatch, CompensationLine
from cexdesk.compensation.schemas import NewBatch, NewLine
from cexdesk.core import audit, outbox
from cexdesk.core.errors import Conflict, Forbidden, Invalid, NotFound
from cexdesk.customers.models import Customer
from cexdesk.exchange.protocol import ExchangeBackOffice, ExchangeError, IdempotencyConflict
from cexdesk.exchange.values import BalanceChangeStatus
from cexdesk.tickets.models import Ticket

RUNNABLE = ("approved", "partly_paid")


def _actor(agent_id: int) -> audit.Actor:
    return audit.Actor("agent", str(agent_id))


async def _locked(session: AsyncSession, batch_id: int) -> CompensationBatch:
    batch = await service.batch_for_update(session, batch_id)
    if batch is None:
        raise NotFound("compensation batch", batch_id)
    return batch


async def create_batch(session: AsyncSession, agent_id: int, form: NewBatch) -> CompensationBatch:
    batch = CompensationBatch(
        title=form.title,
        reason=form.reason,
        incident_ref=form.incident_ref,
        status="draft",
        created_by=agent_id,
        created_at=outbox.session_clock(session).now(),
    )
    session.add(batch)
    await session.flush()
    await audit.append(
        session, _actor(agent_id), "compensation.batch_created",
        subject_type="compensation_batch", subject_id=batch.id,
        data={"title": form.title, "reason": form.reason, "incident_ref": form.incident_ref},
    )  # fmt: skip
    return batch


async def _check_tickets(session: AsyncSession, lines: Sequence[NewLine]) -> None:
    """A line's ticket must be the same user's: the notice goes to them, nobody else."""
    for number, line in enumerate(lines):
        if line.ticket_id is None:
            continue
        ticket = await session.get(Ticket, line.ticket_id)
        requester = None if ticket is None else await session.get(Customer, ticket.requester_id)
        if requester is None or requester.exchange_uid != line.exchange_uid:
            raise Invalid(
                f"lines.{number}.ticket_id",
                f"ticket {line.ticket_id} is not a ticket of {line.exchange_uid}",
            )


async def add_lines(
    session: AsyncSession, batch_id: int, agent_id: int, lines: Sequence[NewLine]
) -> CompensationBatch:
    """Add users to a draft batch (one line per user; none once anyone has approved)."""
    batch = await _locked(session, batch_id)
    if batch.status != "draft" or batch.first_approver_id is not None:
        raise Conflict("the batch is being approved; its lines can no longer change")
    seen: set[str] = set()
    for number, line in enumerate(lines):
        if line.exchange_uid in seen:
            raise Invalid(f"lines.{number}.exchange_uid", f"{line.exchange_uid} twice")
        seen.add(line.exchange_uid)
    already = await service.uids_in_batch(session, batch_id, sorted(seen))
    if already:
        raise Invalid("lines", f"already in this batch: {', '.join(sorted(already)[:20])}")
    await _check_tickets(session, lines)
    session.add_all(
        CompensationLine(
            batch_id=batch_id,
            exchange_uid=line.exchange_uid,
            asset=line.asset.upper(),
            amount=service.amount_text(line.amount),
            ticket_id=line.ticket_id,
            status="pending",
        )
        for line in lines
    )
    await session.flush()
    await audit.append(
        session, _actor(agent_id), "compensation.lines_added",
        subject_type="compensation_batch", subject_id=batch_id,
        data={"lines": len(lines)},
    )  # fmt: skip
    return batch


async def approve(
    session: AsyncSession, batch_id: int, agent_id: int, digest: str
) -> CompensationBatch:
    """One approval; the second, from someone else, makes the batch runnable.

    Replays are harmless: an approver approving again changes nothing.
    """
    batch = await _locked(session, batch_id)
    if agent_id == batch.created_by:
        raise Forbidden("the creator of a batch cannot approve it")
    if agent_id in (batch.first_approver_id, batch.second_approver_id):
        return batch
    if batch.status != "draft":
        raise Conflict(f"the batch is already {batch.status}")
    lines = await service.lines_of(session, batch_id)
    if not lines:
        raise Conflict("the batch has no lines")
    if digest != service.digest(batch, lines):
        raise Conflict("the lines are not the ones you checked: reload the batch and check again")
    now = outbox.session_clock(session).now()
    if batch.first_approver_id is None:
        batch.first_approver_id, batch.first_approved_at = agent_id, now
        batch.approved_digest = digest
    else:
        batch.second_approver_id, batch.second_approved_at = agent_id, now
        batch.status = "approved"
    await audit.append(
        session, _actor(agent_id), "compensation.approved",
        subject_type="compensation_batch", subject_id=batch.id,
        data={"digest": digest, "second": batch.status == "approved"},
    )  # fmt: skip
    if batch.status == "approved":
        assert batch.first_approver_id is not None and batch.second_approver_id is not None
        await outbox.record(
            session, BatchApproved(batch.id, batch.first_approver_id, batch.second_approver_id)
        )
    return batch


async def run(
    session: AsyncSession, exchange: ExchangeBackOffice, batch_id: int, agent_id: int
) -> CompensationBatch:
    """Pay every line not yet paid (a rerun retries the failed ones with the same keys).

    A paid batch is returned as it is; the batch row stays locked while it pays, so two
    runs at once take turns, and the exchange's idempotency keys cover the rest.
    """
    batch = await _locked(session, batch_id)
    if batch.status == "paid":
        return batch
    if batch.status not in RUNNABLE:
        raise Conflict("the batch needs two approvals before it can run")
    now = outbox.session_clock(session).now()
    prices: dict[str, Decimal] = {}
    paid = failed = 0
    for line in await service.lines_of(session, batch_id, ("pending", "failed")):
        key = service.credit_key(batch.id, line.exchange_uid)
        amount = Decimal(line.amount)
        line.credit_key = key
        try:
            result = await exchange.credit(
                key, line.exchange_uid, line.asset, amount,
                f"compensation batch {batch.id}: {batch.title}",
            )  # fmt: skip
        except IdempotencyConflict:
            line.status, line.error = "failed", "the exchange holds another payout under this key"
            failed += 1
            continue
        except ExchangeError as error:
            line.status, line.error = "failed", f"{type(error).__name__}: {error}"[:500]
            failed += 1
            continue
        if result.status is not BalanceChangeStatus.APPLIED:
            line.status, line.error = "failed", result.message or result.status.value
            failed += 1
            continue
        if line.asset not in prices:
            prices[line.asset] = await exchange.usd_price(line.asset)
        line.status, line.error, line.paid_at = "paid", None, now
        line.change_id = result.change_id
        line.usd_value = str(amount * prices[line.asset]) if prices[line.asset] > 0 else None
        paid += 1
        await audit.append(
            session, _actor(agent_id), "compensation.paid",
            subject_type="compensation_line", subject_id=line.id,
            data={"batch_id": batch.id, "exchange_uid": line.exchange_uid, "asset": line.asset,
                  "amount": line.amount, "idempotency_key": key, "change_id": result.change_id},
        )  # fmt: skip
        await outbox.record(
            session, LinePaid(batch.id, line.id, line.exchange_uid, line.asset, line.amount)
        )
    batch.status = "partly_paid" if failed else "paid"
    batch.last_run_by, batch.last_run_at = agent_id, now
    await audit.append(
        session, _actor(agent_id), "compensation.batch_run",
        subject_type="compensation_batch", subject_id=batch.id,
        data={"paid": paid, "failed": failed, "status": batch.status},
    )  # fmt: skip
    return batch
