"""Agent powers: cancelling a user's open spot orders, asked for from a ticket.

The agent picks some of the requester's open orders and says why. Per-role limits on
what the orders still stand for (their remaining value in USD at the exchange's
reference price) and on how many there are decide whether it runs at once or waits for
a second person whose limits cover it (``powers``). ``execute`` cancels each order from
the outbox with its own key, fixed when it was asked for: a redelivered or retried
execution gets the exchange's first answer back and cancels nothing twice. An order
the exchange refuses (filled or cancelled meanwhile) fails on its own; a back office
that does not answer fails the handler, which the outbox retries with the same keys.
The user is told in their language, on the ticket, which orders were cancelled.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.compensation import notices, powers, service
from cexdesk.compensation.events import OrderCancellationApproved
from cexdesk.compensation.models import OrderCancellationItem, OrderCancellationRequest
from cexdesk.compensation.schemas import OrderCancellationForm
from cexdesk.core.auth import Principal, Role
from cexdesk.core.errors import Conflict, DomainError, NotFound
from cexdesk.customers.models import Customer
from cexdesk.exchange.protocol import (
    ExchangeBackOffice,
    IdempotencyConflict,
    InvalidTransition,
    UnknownOrder,
)
from cexdesk.exchange.values import Order
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets.models import Ticket


@dataclass(frozen=True)
class CancelLimit:
    """What one role may cancel on its own in one request."""

    usd: Decimal  # the orders' remaining value together
    orders: int  # how many orders


# Where a desk keeps its own limits: context.services[LIMITS_KEY] = {Role: CancelLimit}.
LIMITS_KEY = "order_cancellation_limits"
Limits = Mapping[Role, CancelLimit]
# A role not listed needs approval always.
DEFAULT_LIMITS: Limits = {
    Role.AGENT: CancelLimit(Decimal(5_000), 3),
    Role.ENGINEER: CancelLimit(Decimal(20_000), 10),
    Role.VIP_AGENT: CancelLimit(Decimal(50_000), 10),
    Role.SECURITY: CancelLimit(Decimal(250_000), 100),
    Role.SUPERVISOR: CancelLimit(Decimal(250_000), 100),
    Role.ADMIN: CancelLimit(Decimal(1_000_000), 100),
}


def covered(usd_value: Decimal | None, orders: int, limit: CancelLimit) -> bool:
    """Within both limits; orders that cannot all be priced are never within on their own."""
    return usd_value is not None and usd_value <= limit.usd and orders <= limit.orders


def _covered(cancellation: OrderCancellationRequest, limit: CancelLimit) -> bool:
    value = None if cancellation.usd_value is None else Decimal(cancellation.usd_value)
    return covered(value, cancellation.orders, limit)


KIND = powers.PowerKind(
    OrderCancellationRequest, "order_cancellation", "order_cancellation", "Order cancellation",
    approved=lambda request: OrderCancellationApproved(request.id, request.ticket_id),
    covered=_covered, limits_key=LIMITS_KEY, default_limits=DEFAULT_LIMITS,
    no_limit=CancelLimit(Decimal(0), 0),
)  # fmt: skip


class UnknownOrderAsked(NotFound):
    code = "unknown_order"

    def __init__(self, order_id: str) -> None:
        super().__init__("order", order_id)


class NotRequestersOrder(DomainError):
    status = 422
    title = "Not the requester's order"
    code = "not_requesters_order"


class OrderNotOpen(Conflict):
    title = "The order is no longer open"
    code = "order_not_open"


async def usd_values(exchange: ExchangeBackOffice, orders: Sequence[Order]) -> list[Decimal | None]:
    """What is left of each order in USD: at its own price in the quote asset, else at
    the base asset's reference price; None when it cannot be priced. One price lookup
    per asset."""
    prices: dict[str, Decimal] = {}
    values: list[Decimal | None] = []
    for order in orders:
        asset = order.base if order.price is None else order.quote
        if asset not in prices:
            prices[asset] = await exchange.usd_price(asset)
        amount = order.remaining * (Decimal(1) if order.price is None else order.price)
        values.append(amount * prices[asset] if prices[asset] > 0 else None)
    return values


@dataclass(frozen=True)
class OpenOrder:
    """One of the requester's open orders as the ticket shows it."""

    order: Order
    usd_value: Decimal | None
    cancellation_id: int | None  # a cancellation asked for and not finished yet

    @property
    def label(self) -> str:
        """The market, side, what is left and the price: "BTC/USDT buy 0.06 @ 90000"."""
        order = self.order
        price = None if order.price is None else service.amount_text(order.price)
        return describe(order.market, order.side.value, service.amount_text(order.remaining), price)


async def open_orders(
    session: AsyncSession, exchange: ExchangeBackOffice, exchange_uid: str
) -> list[OpenOrder]:
    """The user's open orders, newest first, with their value and any cancellation under way."""
    orders = await exchange.list_open_orders(exchange_uid)
    busy = await service.orders_being_cancelled(session, [o.id for o in orders])
    orders.sort(key=lambda o: o.placed_at, reverse=True)
    values = await usd_values(exchange, orders)
    return [OpenOrder(o, value, busy.get(o.id)) for o, value in zip(orders, values, strict=True)]


def describe(order_market: str, side: str, remaining: str, price: str | None) -> str:
    """One order in a note or the user's notice: "BTC/USDT buy 0.06 @ 90000"."""
    return f"{order_market} {side} {remaining}" + (f" @ {price}" if price is not None else "")


async def request(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    ticket: Ticket,
    staff: Principal,
    form: OrderCancellationForm,
    limits: Mapping[Role, CancelLimit] = DEFAULT_LIMITS,
) -> OrderCancellationRequest:
    """Record the cancellation of some of the requester's open orders; approved at once
    within the requester's limits."""
    exchange_uid = await powers.requester_uid(session, ticket)
    order_ids = list(dict.fromkeys(form.order_ids))
    orders = []
    for order_id in order_ids:
        try:
            order = await exchange.get_order(order_id)
        except UnknownOrder:
            raise UnknownOrderAsked(order_id) from None
        if order.user_id != exchange_uid:
            raise NotRequestersOrder(f"order {order_id} is not the ticket requester's")
        if not order.is_open:
            raise OrderNotOpen(f"order {order_id} is already {order.status.value}")
        orders.append(order)
    busy = await service.orders_being_cancelled(session, order_ids)
    if busy:
        order_id, cancellation_id = next(iter(busy.items()))
        raise Conflict(f"order {order_id} is in order cancellation #{cancellation_id} already")
    values = await usd_values(exchange, orders)
    total = None if None in values else sum((v for v in values if v is not None), Decimal(0))
    limit = KIND.limit_of(limits, staff.role)
    cancellation = OrderCancellationRequest(
        ticket_id=ticket.id,
        exchange_uid=exchange_uid,
        reason=form.reason,
        orders=len(orders),
        usd_value=None if total is None else service.amount_text(total),
        limit_usd=service.amount_text(limit.usd),
        limit_orders=limit.orders,
    )
    items = [
        OrderCancellationItem(
            order_id=order.id,
            market=order.market,
            side=order.side.value,
            order_type=order.type.value,
            price=None if order.price is None else service.amount_text(order.price),
            remaining=service.amount_text(order.remaining),
            usd_value=None if value is None else service.amount_text(value),
            idempotency_key=f"order-cancel:{uuid.uuid4().hex}",
            status="pending",
        )
        for order, value in zip(orders, values, strict=True)
    ]
    listed = "; ".join(describe(i.market, i.side, i.remaining, i.price) for i in items)
    await powers.asked(
        session, KIND, cancellation, ticket, staff, limits,
        f"{len(items)} order(s) worth {cancellation.usd_value or 'an unknown amount of'} USD: "
        f"{listed}",
        f"{cancellation.limit_usd} USD and {limit.orders} order(s)",
        {"orders": order_ids, "usd_value": cancellation.usd_value,
         "limit_usd": cancellation.limit_usd, "limit_orders": limit.orders},
    )  # fmt: skip
    for item in items:
        item.cancellation_id = cancellation.id
    session.add_all(items)
    await session.flush()
    return cancellation


async def _cancel(
    exchange: ExchangeBackOffice, exchange_uid: str, item: OrderCancellationItem, reason: str
) -> None:
    """Cancel one order with its key; a refusal fails only this item."""
    try:
        answer = await exchange.cancel_order(
            exchange_uid, item.order_id, item.idempotency_key, reason=reason
        )
    except IdempotencyConflict:
        item.status, item.error = "failed", "the exchange holds another request under this key"
    except (InvalidTransition, UnknownOrder) as refusal:
        item.status, item.error = "failed", f"the exchange refused: {refusal}"[:500]
    else:
        item.status = "cancelled"
        item.released_asset = answer.released_asset
        item.released_amount = service.amount_text(answer.released_amount)
        item.cancelled_at = answer.cancelled_at


async def execute(
    session: AsyncSession, exchange: ExchangeBackOffice, cancellation_id: int
) -> OrderCancellationRequest | None:
    """Cancel the orders of an approved request, each once; tell the user which went."""
    cancellation = await powers.for_update(session, KIND, cancellation_id)
    if cancellation.status != "approved":
        return None
    items = (await service.cancellation_items(session, [cancellation.id]))[cancellation.id]
    reason = f"support ticket {cancellation.ticket_id}: {cancellation.reason}"[:500]
    for item in items:
        if item.status == "pending":
            # ExchangeError (no answer) propagates: the outbox retries with the same keys.
            await _cancel(exchange, cancellation.exchange_uid, item, reason)
    done = [i for i in items if i.status == "cancelled"]
    failed = [i for i in items if i.status == "failed"]
    cancellation.status = (
        "executed" if not failed else "partly_executed" if done else "failed"
    )  # fmt: skip
    if failed:
        cancellation.error = "; ".join(f"{i.order_id}: {i.error}" for i in failed)[:500]
    outcome = ", ".join(
        f"{i.order_id} " + ("cancelled" if i.status == "cancelled" else f"failed ({i.error})")
        for i in items
    )
    ticket = await powers.carried_out(
        session, KIND, cancellation, outcome + ".",
        {"orders": {i.order_id: {"status": i.status, "idempotency_key": i.idempotency_key,
                                 "released": f"{i.released_amount} {i.released_asset}"
                                 if i.status == "cancelled" else None} for i in items}},
    )  # fmt: skip
    if done:
        await _tell(session, cancellation, ticket, done)
    return cancellation


async def _tell(
    session: AsyncSession,
    cancellation: OrderCancellationRequest,
    ticket: Ticket,
    done: Sequence[OrderCancellationItem],
) -> None:
    """A public reply on the ticket in the user's language, signed by the agent who asked."""
    customer = await session.get(Customer, ticket.requester_id)
    language = customer.language if customer is not None else ticket.language
    body = notices.orders_cancelled(
        language or "en",
        [describe(i.market, i.side, i.remaining, i.price) + f" ({i.order_id})" for i in done],
        cancellation.id,
    )
    author = ticket_flows.Author("agent", cancellation.requested_by)
    await ticket_flows.add_reply(session, ticket, author, body)
