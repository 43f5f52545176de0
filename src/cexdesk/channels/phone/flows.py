"""Calls agents log by hand: a note on the customer's ticket, or a new phone ticket."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.channels.phone.parse import CHANNEL, duration_text
from cexdesk.core import audit
from cexdesk.core.errors import Invalid, NotFound
from cexdesk.customers import flows as customer_flows
from cexdesk.customers import service as customer_service
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service


@dataclass(frozen=True)
class Logged:
    ticket_id: int
    message_id: int
    created_ticket: bool


def call_text(direction: str, phone: str | None, duration_seconds: int, summary: str) -> str:
    way = "Inbound call from" if direction == "inbound" else "Outbound call to"
    head = f"{way} {phone}" if phone else way.split(" ", 2)[0] + " call"
    return f"{head}, {duration_text(duration_seconds)}\n\n{summary}"


async def log_call(
    session: AsyncSession,
    customer_id: int,
    agent_id: int,
    *,
    direction: str,
    phone: str | None,
    summary: str,
    duration_seconds: int,
    ticket_id: int | None,
    actor: audit.Actor,
) -> Logged:
    """Write a call up on the customer's ticket (as a note) or open a phone ticket; audited."""
    customer = await customer_service.get_customer(session, customer_id)
    if customer is None:
        raise NotFound("customer", customer_id)
    number = customer_flows.normalise_address(CHANNEL, phone) if phone else None
    if (
        number is not None
        and await customer_service.identity_owner(session, CHANNEL, number) is None
    ):
        # The next call from this number finds the customer.
        await customer_flows.link_identity(
            session, customer, CHANNEL, number, verified=False, actor=actor
        )
    author = ticket_flows.Author("agent", agent_id)
    text = call_text(direction, number, duration_seconds, summary)
    if ticket_id is not None:
        ticket = await ticket_service.get_ticket(session, ticket_id, for_update=True)
        if ticket is None or ticket.requester_id != customer.id:
            raise Invalid("ticket_id", f"is not a ticket of customer {customer.id}")
        note = await ticket_flows.add_note(session, ticket, author, text)
        logged = Logged(ticket.id, note.id, created_ticket=False)
    else:
        subject = f"Phone call: {summary.splitlines()[0]}"[:300]
        # Written by the agent on the customer's behalf: the profile's language applies.
        created = await ticket_flows.create_ticket(
            session, customer, subject, text, CHANNEL, author=author,
            assignee_id=agent_id, status="open",
        )  # fmt: skip
        assert created.message is not None
        logged = Logged(created.ticket.id, created.message.id, created_ticket=True)
    await audit.append(
        session, actor, "phone.call_logged", subject_type="customer", subject_id=customer.id,
        data={"direction": direction, "phone": number, "duration_seconds": duration_seconds,
              "ticket_id": logged.ticket_id, "created_ticket": logged.created_ticket},
    )  # fmt: skip
    return logged
