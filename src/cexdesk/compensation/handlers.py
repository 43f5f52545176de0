"""Reactions to compensation events: each paid user is told, in their language, once."""

from __future__ import annotations

from cexdesk.compensation import adjustments, notices, order_cancellations
from cexdesk.compensation.events import AdjustmentApproved, LinePaid, OrderCancellationApproved
from cexdesk.compensation.models import CompensationBatch, CompensationLine
from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.core.security import ExchangeIdentity
from cexdesk.customers import flows as customer_flows
from cexdesk.customers import service as customer_service
from cexdesk.customers.models import Customer
from cexdesk.exchange.service import back_office
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service


async def _customer(context: HandlerContext, exchange_uid: str) -> Customer:
    """The desk's customer for the user; one made from the exchange's profile if new."""
    found = await customer_service.customer_by_exchange_uid(context.session, exchange_uid)
    if found is not None:
        return found
    profile = await back_office(context.services).get_user(exchange_uid)
    now = int(context.occurred_at.timestamp())
    return await customer_flows.sync_exchange_customer(
        context.session,
        ExchangeIdentity(
            uid=profile.user_id, name=None, email=None, language=profile.language,
            region=None, vip_tier=profile.vip_tier, kyc_state=profile.kyc.value,
            issued_at=now, expires_at=now,
        ),
    )  # fmt: skip


async def notify_paid(event: LinePaid, context: HandlerContext) -> None:
    """A public message on the line's ticket, else a new "web" ticket, solved at once."""
    session = context.session
    line = await session.get(CompensationLine, event.line_id)
    if line is None or line.notice_ticket_id is not None:
        return
    batch = await session.get(CompensationBatch, line.batch_id)
    assert batch is not None and batch.last_run_by is not None
    customer = await _customer(context, line.exchange_uid)
    subject, body = notices.paid(customer.language, line.amount, line.asset, batch.id)
    # The person who ran the payout signs the notice: a person stands behind money sent.
    author = ticket_flows.Author("agent", batch.last_run_by)
    if line.ticket_id is not None:
        ticket = await ticket_service.get_ticket(session, line.ticket_id, for_update=True)
        if ticket is not None:
            replied = await ticket_flows.add_reply(session, ticket, author, body)
            line.notice_ticket_id = replied.ticket.id
            return
    created = await ticket_flows.create_ticket(
        session, customer, subject, body, "web", author=author, status="pending",
        tags=["compensation"], idempotency_key=f"compensation-line-{line.id}",
    )  # fmt: skip
    if created.created:
        await ticket_flows.change_status(session, created.ticket, "solved", author=author)
    line.notice_ticket_id = created.ticket.id


async def execute_adjustment(event: AdjustmentApproved, context: HandlerContext) -> None:
    """Move the money of an approved fund adjustment (a redelivery finds it done)."""
    await adjustments.execute(context.session, back_office(context.services), event.adjustment_id)


async def execute_order_cancellation(
    event: OrderCancellationApproved, context: HandlerContext
) -> None:
    """Cancel the orders of an approved request (a redelivery finds them done)."""
    await order_cancellations.execute(
        context.session, back_office(context.services), event.cancellation_id
    )


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(LinePaid, "compensation.notify_paid", notify_paid)
    # Isolated: it waits on the exchange back office, outside work like a webhook.
    subscriptions.subscribe(
        AdjustmentApproved, "compensation.execute_adjustment", execute_adjustment, isolated=True
    )
    subscriptions.subscribe(
        OrderCancellationApproved, "compensation.execute_order_cancellation",
        execute_order_cancellation, isolated=True,
    )  # fmt: skip
