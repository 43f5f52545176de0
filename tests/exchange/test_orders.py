"""Spot orders at the exchange: what they lock, cancelling them once, over HTTP too."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal

import httpx
import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.http import HttpBackOffice
from cexdesk.exchange.protocol import (
    ExchangeBackOffice,
    IdempotencyConflict,
    InvalidTransition,
    UnknownOrder,
    UnknownUser,
)
from cexdesk.exchange.simulated import USD_PRICES, SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import OrderSide, OrderStatus, OrderType
from tests.channels.fake_api import on_loopback
from tests.exchange.backoffice_app import backoffice_app

KEY = "a-key-shared-with-the-back-office-0123456789"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def traffic(clock: FakeClock) -> TrafficGenerator:
    return TrafficGenerator(SimulatedExchange(clock, seed=8), clock, seed=8)


def test_a_traders_orders_end_open_partly_filled_filled_and_cancelled(
    traffic: TrafficGenerator,
) -> None:
    exchange = traffic.exchange
    user = traffic.user("uid-trader")
    orders = traffic.spot_orders(user, 10)
    assert {o.status for o in orders} == set(OrderStatus)
    assert any(o.type is OrderType.STOP_LIMIT for o in orders)
    assert all(o.placed_at < traffic.clock.now() for o in orders)
    # What the open ones may still spend is locked: quote for buys, base for sells.
    for asset in {o.quote for o in orders} | {o.base for o in orders}:
        expected = sum(
            (
                (o.remaining * o.price if o.side is OrderSide.BUY else o.remaining)
                for o in orders
                if o.is_open and o.price is not None
                and asset == (o.quote if o.side is OrderSide.BUY else o.base)
            ),
            Decimal(0),
        )  # fmt: skip
        assert exchange.locked(user, asset) == expected


async def test_cancelling_releases_the_rest_once_per_key(traffic: TrafficGenerator) -> None:
    exchange = traffic.exchange
    alice, bob = traffic.user("uid-alice"), traffic.user("uid-bob")
    exchange.set_balance(alice, "USDT", Decimal(10_000))
    order = exchange.place_order(alice, "BTC", "USDT", OrderSide.BUY, Decimal("0.1"),
                                 price=Decimal(90_000))  # fmt: skip
    assert await exchange.balance(alice, "USDT") == Decimal(1_000)
    partly = exchange.fill_order(order.id, Decimal("0.04"))
    assert partly.status is OrderStatus.PARTIALLY_FILLED
    assert await exchange.balance(alice, "BTC") == Decimal("0.04")
    assert [o.id for o in await exchange.list_open_orders(alice)] == [order.id]
    assert await exchange.list_open_orders(alice, market="ETH/USDT") == []

    answers = await asyncio.gather(
        *(exchange.cancel_order(alice, order.id, "cancel-1", reason="asked") for _ in range(1000))
    )
    assert len(set(answers)) == 1
    first = answers[0]
    assert first.order.status is OrderStatus.CANCELLED and first.order.filled == Decimal("0.04")
    assert (first.released_asset, first.released_amount) == ("USDT", Decimal(5_400))
    assert await exchange.balance(alice, "USDT") == Decimal(6_400)
    assert exchange.locked(alice, "USDT") == 0
    assert await exchange.list_open_orders(alice) == []
    assert (await exchange.get_order(order.id)).cancel_reason == "asked"

    with pytest.raises(InvalidTransition, match="already cancelled"):
        await exchange.cancel_order(alice, order.id, "cancel-2")
    with pytest.raises(IdempotencyConflict):
        await exchange.cancel_order(bob, order.id, "cancel-1")
    exchange.set_balance(bob, "ETH", Decimal(2))
    sell = exchange.place_order(bob, "ETH", "USDT", OrderSide.SELL, Decimal(2),
                                price=Decimal(4_000))  # fmt: skip
    with pytest.raises(UnknownOrder):  # not hers to cancel, nor to know about
        await exchange.cancel_order(alice, sell.id, "cancel-3")
    filled = exchange.fill_order(sell.id)
    assert await exchange.balance(bob, "USDT") == Decimal(8_000)
    with pytest.raises(InvalidTransition, match="already filled"):
        await exchange.cancel_order(bob, filled.id, "cancel-4")
    with pytest.raises(UnknownOrder):
        await exchange.get_order("o-nope")
    with pytest.raises(InvalidTransition, match="insufficient"):
        exchange.place_order(bob, "BTC", "USDT", OrderSide.BUY, Decimal(1), price=Decimal(90_000))
    exchange.top_up(bob, "ETH", Decimal(1))
    market = exchange.place_order(bob, "ETH", "USDT", OrderSide.SELL, Decimal(1),
                                  order_type=OrderType.MARKET)  # fmt: skip
    assert market.status is OrderStatus.FILLED
    assert await exchange.balance(bob, "USDT") == Decimal(8_000) + USD_PRICES["ETH"]
    with pytest.raises(UnknownUser):
        await exchange.list_open_orders("nobody")


@pytest.fixture
async def over_loopback(
    traffic: TrafficGenerator, clock: FakeClock
) -> AsyncIterator[HttpBackOffice]:
    """The client talking to the back-office app served by uvicorn on 127.0.0.1."""
    app = backoffice_app(traffic.exchange, KEY, clock)
    async with on_loopback(app) as url, httpx.AsyncClient(base_url=url) as client:
        yield HttpBackOffice(client, KEY, clock)


async def test_the_http_client_lists_shows_and_cancels_orders_on_a_real_peer(
    over_loopback: HttpBackOffice, traffic: TrafficGenerator
) -> None:
    backoffice: ExchangeBackOffice = over_loopback
    exchange = traffic.exchange
    user = traffic.user("uid/with slash")  # path segments are quoted both ways
    orders = traffic.spot_orders(user, 10)
    assert await backoffice.list_open_orders(user) == await exchange.list_open_orders(user)
    market = orders[0].market
    assert await backoffice.list_open_orders(user, market=market) == (
        await exchange.list_open_orders(user, market=market)
    )
    for order in orders:
        assert await backoffice.get_order(order.id) == await exchange.get_order(order.id)
    partly = next(o for o in orders if o.status is OrderStatus.PARTIALLY_FILLED)
    cancelled = await backoffice.cancel_order(user, partly.id, "k-1", reason="support")
    assert cancelled.order.status is OrderStatus.CANCELLED
    assert cancelled.order.cancel_reason == "support"
    assert cancelled.released_amount > 0
    replayed = await asyncio.gather(*(backoffice.cancel_order(user, partly.id, "k-1")
                                      for _ in range(50)))  # fmt: skip
    assert set(replayed) == {cancelled}
    filled = next(o for o in orders if o.status is OrderStatus.FILLED)
    with pytest.raises(InvalidTransition, match="already filled"):
        await backoffice.cancel_order(user, filled.id, "k-2")
    with pytest.raises(UnknownOrder):
        await backoffice.get_order("o-nope")
    with pytest.raises(UnknownOrder):
        await backoffice.cancel_order(traffic.user(), partly.id, "k-3")
    with pytest.raises(IdempotencyConflict):
        await backoffice.cancel_order(user, filled.id, "k-1")
