"""Reactions to risk events: a held withdrawal opens an urgent ticket for the security team."""

from __future__ import annotations

from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.core.security import ExchangeIdentity
from cexdesk.customers import flows as customer_flows
from cexdesk.exchange.service import back_office
from cexdesk.risk.events import WithdrawalStopped
from cexdesk.risk.flows import PLAYBOOK
from cexdesk.risk.models import SecurityCase, WithdrawalScreening
from cexdesk.tickets import flows as ticket_flows


def _body(screening: WithdrawalScreening) -> str:
    reasons = "\n".join(
        f"- {r['signal']} (+{r['weight']}): {r['detail']}" for r in screening.reasons
    )
    steps = "\n".join(f"{n}. {step.replace('_', ' ')}" for n, step in enumerate(PLAYBOOK, 1))
    return (
        f"Withdrawal {screening.withdrawal_id}: {screening.amount} {screening.asset} on "
        f"{screening.chain} to {screening.destination} (about {screening.usd_value} USD) "
        f"was held, score {screening.score}.\n\nWhy:\n{reasons}\n\nPlaybook:\n{steps}\n"
        "Then release or cancel the case. Never ask the user for passwords or codes."
    )


async def open_case_ticket(event: WithdrawalStopped, context: HandlerContext) -> None:
    """Open the case's urgent ticket (once: a redelivery finds the ticket already there)."""
    session = context.session
    case = await session.get(SecurityCase, event.case_id)
    if case is None or case.ticket_id is not None:
        return
    screening = await session.get(WithdrawalScreening, case.screening_id)
    assert screening is not None
    profile = await back_office(context.services).get_user(case.exchange_uid)
    now = int(context.occurred_at.timestamp())
    customer = await customer_flows.sync_exchange_customer(
        session,
        ExchangeIdentity(
            uid=profile.user_id, name=None, email=None, language=profile.language,
            region=None, vip_tier=profile.vip_tier, kyc_state=profile.kyc.value,
            issued_at=now, expires_at=now,
        ),
    )  # fmt: skip
    # Internal: the user is reached through a verified channel, not the (perhaps
    # compromised) session, so the case never shows in their own ticket list.
    created = await ticket_flows.create_ticket(
        session,
        customer,
        f"Withdrawal held for review: {screening.withdrawal_id}",
        _body(screening),
        "internal",
        author=ticket_flows.SYSTEM,
        priority="urgent",
        category="withdrawal",
        subcategory="risk-review-hold",
        tags=["security-case"],
        idempotency_key=f"risk-case-{case.id}",
    )
    case.ticket_id = created.ticket.id


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(
        WithdrawalStopped,
        "risk.open_case_ticket",
        open_case_ticket,
        only_if=lambda event: event.case_id is not None,
    )
