"""Customer queries; never commits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.customers.models import Customer, CustomerIdentity
from cexdesk.tickets.models import Message, Ticket

IDENTITY_CHANNELS = ("exchange", "email", "telegram", "x", "phone")


async def customer_by_exchange_uid(session: AsyncSession, uid: str) -> Customer | None:
    return (
        await session.execute(select(Customer).where(Customer.exchange_uid == uid))
    ).scalar_one_or_none()


async def customer_by_identity(
    session: AsyncSession, channel: str, address: str
) -> Customer | None:
    return (
        await session.execute(
            select(Customer)
            .join(CustomerIdentity, CustomerIdentity.customer_id == Customer.id)
            .where(CustomerIdentity.channel == channel, CustomerIdentity.address == address)
        )
    ).scalar_one_or_none()


async def get_customer(session: AsyncSession, customer_id: int) -> Customer | None:
    return await session.get(Customer, customer_id)


async def identities_of(session: AsyncSession, customer_id: int) -> list[CustomerIdentity]:
    query = (
        select(CustomerIdentity)
        .where(CustomerIdentity.customer_id == customer_id)
        .order_by(CustomerIdentity.id)
        .limit(200)
    )
    return list((await session.execute(query)).scalars())


async def list_customers(
    session: AsyncSession,
    *,
    q: str | None = None,
    email: str | None = None,
    exchange_uid: str | None = None,
    before_id: int | None = None,
    limit: int = 25,
) -> tuple[list[Customer], int | None]:
    """Customers newest first, keyset-paginated on id.

    ``email`` and ``exchange_uid`` are exact, indexed lookups. ``q`` matches an exact
    exchange uid or identity address, or a part of the display name; the name part scans
    newest first until the page is full, so it is fast for common names and slower for
    rare ones on a very large table.
    """
    query = select(Customer)
    if exchange_uid is not None:
        query = query.where(Customer.exchange_uid == exchange_uid)
    if email is not None:
        query = query.where(
            Customer.id.in_(
                select(CustomerIdentity.customer_id).where(
                    CustomerIdentity.channel == "email",
                    CustomerIdentity.address == email.strip().lower(),
                )
            )
        )
    if q is not None:
        term = q.strip()
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            (Customer.exchange_uid == term)
            | Customer.id.in_(
                select(CustomerIdentity.customer_id).where(
                    # Naming every channel lets the (channel, address) index serve this.
                    CustomerIdentity.channel.in_(IDENTITY_CHANNELS),
                    CustomerIdentity.address == term.lower(),
                )
            )
            | Customer.display_name.ilike(pattern, escape="\\")
        )
    if before_id is not None:
        query = query.where(Customer.id < before_id)
    rows = list(
        (await session.execute(query.order_by(Customer.id.desc()).limit(limit + 1))).scalars()
    )
    if len(rows) > limit:
        return rows[:limit], rows[limit - 1].id
    return rows, None


async def identity_owner(session: AsyncSession, channel: str, address: str) -> int | None:
    found = await session.execute(
        select(CustomerIdentity.customer_id).where(
            CustomerIdentity.channel == channel, CustomerIdentity.address == address
        )
    )
    return found.scalar_one_or_none()


TIMELINE_EXCERPT = 280


async def timeline(
    session: AsyncSession,
    customer_id: int,
    *,
    include_internal: bool,
    before_id: int | None = None,
    limit: int = 50,
) -> tuple[list[Row[Any]], int | None]:
    """Messages of all the customer's tickets on every channel, newest first, in one query.

    Keyset-paginated on the message id; the body is cut in SQL to an excerpt of
    ``TIMELINE_EXCERPT`` characters (one more is read to tell that it was cut).
    """
    query = (
        select(
            Message.id, Message.ticket_id, Ticket.subject, Ticket.channel, Message.author_type,
            Message.author_id, Message.internal, Message.created_at,
            func.substr(Message.body, 1, TIMELINE_EXCERPT + 1).label("excerpt"),
        )
        .join(Ticket, Ticket.id == Message.ticket_id)
        .where(Ticket.requester_id == customer_id)
        .order_by(Message.id.desc())
        .limit(limit + 1)
    )  # fmt: skip
    if not include_internal:
        query = query.where(Message.internal.is_(False))
    if before_id is not None:
        query = query.where(Message.id < before_id)
    rows = list((await session.execute(query)).all())
    if len(rows) > limit:
        return rows[:limit], rows[limit - 1].id
    return rows, None
