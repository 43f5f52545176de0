"""Replies go back through the channel the conversation came in on.

A channel adapter registers a ``Sender``; an isolated outbox handler (slow network work
never holds a batch transaction) calls it for every public reply by staff, the bot or
the system on a ticket of that channel. A sender raises ``PermanentFailure`` for what
retrying cannot fix (unknown recipient, blocked bot): the ticket then carries an
internal note saying the reply did not reach the customer. Anything else it raises is
retried with back-off by the outbox, and shows in the dead-letter list at the end.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.customers.models import CustomerIdentity
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets.events import MessageAdded
from cexdesk.tickets.models import Message, Ticket


class PermanentFailure(Exception):
    """The reply can never be delivered as addressed."""


@dataclass(frozen=True)
class Outgoing:
    """Everything a sender needs to put one reply on the wire."""

    ticket: Ticket
    message: Message
    recipient: str  # the customer's address on the ticket's channel
    thread: list[str]  # the channel ids of earlier messages in the conversation, oldest first
    settings: Any
    services: dict[str, Any]


# Returns the id the channel gave the sent message (email Message-ID, Telegram message
# id), stored on the message so the customer's answer threads back to this ticket.
Sender = Callable[[Outgoing], Awaitable[str | None]]
SENDERS: dict[str, Sender] = {}


def register(channel: str, sender: Sender) -> None:
    existing = SENDERS.get(channel)
    if existing is not None and existing is not sender:
        raise ValueError(f"channel {channel!r} already has a sender")
    SENDERS[channel] = sender


async def _recipient(session: AsyncSession, ticket: Ticket) -> str | None:
    return (
        await session.execute(
            select(CustomerIdentity.address)
            .where(
                CustomerIdentity.customer_id == ticket.requester_id,
                CustomerIdentity.channel == ticket.channel,
            )
            .order_by(CustomerIdentity.verified.desc(), CustomerIdentity.id)
            .limit(1)
        )
    ).scalar_one_or_none()


async def deliver_reply(event: MessageAdded, context: HandlerContext) -> None:
    if event.internal or event.author_type == "customer":
        return
    session = context.session
    ticket = await session.get(Ticket, event.ticket_id)
    message = await session.get(Message, event.message_id)
    if ticket is None or message is None:
        return
    sender = SENDERS.get(ticket.channel)
    if sender is None:
        return  # web, API and chat replies are read in place
    recipient = await _recipient(session, ticket)
    if recipient is None:
        await _undeliverable(session, ticket, f"no {ticket.channel} address for the customer")
        return
    thread = list(
        (
            await session.execute(
                select(Message.external_id)
                .where(Message.ticket_id == ticket.id, Message.external_id.is_not(None),
                       Message.id < message.id)
                .order_by(Message.id)
            )
        ).scalars()
    )  # fmt: skip
    outgoing = Outgoing(ticket, message, recipient, [t for t in thread if t],
                        context.services.get("settings"), context.services)  # fmt: skip
    try:
        sent_id = await sender(outgoing)
    except PermanentFailure as why:
        await _undeliverable(session, ticket, str(why))
        return
    if sent_id:
        await session.execute(
            update(Message).where(Message.id == message.id).values(external_id=sent_id[:300])
        )


async def _undeliverable(session: AsyncSession, ticket: Ticket, reason: str) -> None:
    note = f"This reply did not reach the customer by {ticket.channel}: {reason}"
    await ticket_flows.add_note(session, ticket, ticket_flows.SYSTEM, note)


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(
        MessageAdded,
        "channels.deliver_reply",
        deliver_reply,
        isolated=True,
        # Only our public replies travel; the customer's own messages (most of a chat)
        # never need this slow, one-at-a-time handler.
        only_if=lambda event: not event.internal and event.author_type != "customer",
    )
