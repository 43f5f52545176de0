"""Reactions: an uncredited deposit the exchange reports is decided as it is seen, and
the claimant is kept informed in one conversation per claim, in their language."""

from __future__ import annotations

from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.customers.models import Customer
from cexdesk.exchange.events import ExchangeEventReceived
from cexdesk.exchange.flows import event_row
from cexdesk.exchange.service import back_office
from cexdesk.recovery import flows, notices
from cexdesk.recovery.events import ClaimFiled, ClaimRejected, Recovered
from cexdesk.recovery.models import RecoveryClaim
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service


async def deposit_seen(event: ExchangeEventReceived, context: HandlerContext) -> None:
    row = await event_row(context.session, event.row_id)
    if row is None or row.data.get("status") != "unmatched":
        return
    await flows.detect(
        context.session,
        back_office(context.services),
        str(row.data["chain"]),
        str(row.data["tx_hash"]),
        int(row.data["index"]),
        context.occurred_at,
    )


async def _tell(
    context: HandlerContext, claim_id: int, table: dict[str, str], **values: str
) -> None:
    """A public message from the desk on the claim's own conversation (opened on the
    first notice, found again by its idempotency key)."""
    session = context.session
    claim = await session.get(RecoveryClaim, claim_id)
    customer = await session.get(Customer, claim.customer_id) if claim is not None else None
    if claim is None or customer is None:
        return
    ref = str(claim.id)
    body = notices.text(table, customer.language, ref=ref, **values)
    key = f"recovery-claim-{claim.id}"
    ticket = await ticket_service.ticket_by_idempotency_key(session, customer.id, key)
    if ticket is None:
        subject = notices.text(notices.SUBJECT, customer.language, ref=ref)
        await ticket_flows.create_ticket(
            session, customer, subject, body, "web", author=ticket_flows.SYSTEM,
            category="deposit", tags=["recovery"], idempotency_key=key, status="pending",
        )  # fmt: skip
        return
    locked = await ticket_service.get_ticket(session, ticket.id, for_update=True)
    assert locked is not None
    await ticket_flows.add_reply(session, locked, ticket_flows.SYSTEM, body)


async def claim_filed(event: ClaimFiled, context: HandlerContext) -> None:
    # Where the claim stands now: one paid at once is "recovered" already, and the
    # Recovered event that follows says so.
    claim = await context.session.get(RecoveryClaim, event.claim_id)
    status = claim.status if claim is not None else event.status
    if status in ("in_review", "waiting"):
        await _tell(context, event.claim_id, notices.IN_REVIEW)
    elif status in ("not_recoverable", "nothing_to_do"):
        await _tell(context, event.claim_id, notices.NOT_RECOVERED)


async def recovered(event: Recovered, context: HandlerContext) -> None:
    await _tell(context, event.claim_id, notices.RECOVERED, amount=event.net_amount,
                asset=event.asset)  # fmt: skip


async def rejected(event: ClaimRejected, context: HandlerContext) -> None:
    await _tell(context, event.claim_id, notices.NOT_RECOVERED)


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(ClaimFiled, "recovery.tell_claim_filed", claim_filed)
    subscriptions.subscribe(Recovered, "recovery.tell_recovered", recovered)
    subscriptions.subscribe(ClaimRejected, "recovery.tell_rejected", rejected)
    subscriptions.subscribe(
        ExchangeEventReceived,
        "recovery.deposit_seen",
        deposit_seen,
        only_if=lambda event: event.kind == "deposit.seen",
    )
