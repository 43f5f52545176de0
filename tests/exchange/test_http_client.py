"""The HTTP back-office client against a back office served over real HTTP requests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.http import HttpBackOffice
from cexdesk.exchange.protocol import (
    ExchangeBackOffice,
    ExchangeError,
    IdempotencyConflict,
    InvalidTransition,
    UnknownOrder,
    UnknownUser,
    UnknownWithdrawal,
)
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import BalanceChangeStatus, OrderStatus, WithdrawalStatus
from cexdesk.recovery.evidence import gather_facts
from tests.channels.fake_api import on_loopback
from tests.exchange.backoffice_app import backoffice_app

KEY = "a-key-shared-with-the-back-office-0123456789"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def traffic(clock: FakeClock) -> TrafficGenerator:
    return TrafficGenerator(SimulatedExchange(clock, seed=21), clock, seed=21)


@pytest.fixture
async def backoffice(traffic: TrafficGenerator, clock: FakeClock) -> HttpBackOffice:
    app = backoffice_app(traffic.exchange, KEY, clock)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bo")
    return HttpBackOffice(client, KEY, clock)


def test_it_implements_the_protocol(backoffice: HttpBackOffice) -> None:
    typed: ExchangeBackOffice = backoffice
    assert typed is backoffice


async def test_reads_match_the_back_office(
    backoffice: HttpBackOffice, traffic: TrafficGenerator
) -> None:
    exchange = traffic.exchange
    scenarios = list(traffic.every_misdeposit())
    poisoning = traffic.address_poisoning(traffic.user())
    user = poisoning.user_id
    exchange.add_to_address_book(user, "ETH", poisoning.known_address, "cold wallet")
    assert await backoffice.get_user(user) == await exchange.get_user(user)
    assert await backoffice.list_address_book(user) == await exchange.list_address_book(user)
    assert await backoffice.deposit_address(user, "XRP") == await exchange.deposit_address(
        user, "XRP"
    )
    assert await backoffice.balance(user, "USDT") == await exchange.balance(user, "USDT")
    assert await backoffice.usd_price("BTC") == Decimal(98_000)
    assert await backoffice.list_deposits(user) == await exchange.list_deposits(user)
    since = traffic.clock.now()
    assert await backoffice.list_withdrawals(user, since=since) == (
        await exchange.list_withdrawals(user, since=since)
    )
    assert len(await backoffice.list_withdrawals(user)) == 21
    for scenario in scenarios:
        transfer = scenario.transfer
        assert await backoffice.find_transfers(transfer.chain, transfer.tx_hash) == [transfer]
        assert await backoffice.find_deposits(transfer.chain, transfer.tx_hash) == (
            await exchange.find_deposits(transfer.chain, transfer.tx_hash)
        )
        assert await backoffice.deposits_from(transfer.chain, transfer.from_address) == (
            await exchange.deposits_from(transfer.chain, transfer.from_address)
        )
        assert await backoffice.lookup_address(transfer.chain, transfer.to_address) == (
            await exchange.lookup_address(transfer.chain, transfer.to_address)
        )
        # Recovery decides on the same facts whichever way it reaches the back office.
        assert await gather_facts(backoffice, transfer, Decimal(100)) == await gather_facts(
            exchange, transfer, Decimal(100)
        )
    assert await backoffice.lookup_address("ETH", exchange.new_external_address("ETH")) is None
    source = scenarios[0].transfer
    exchange.mark_shared_source(source.chain, source.from_address)
    assert await backoffice.is_shared_source(source.chain, source.from_address)


async def test_actions_and_their_errors(
    backoffice: HttpBackOffice, traffic: TrafficGenerator
) -> None:
    user = traffic.user()
    traffic.exchange.set_balance(user, "USDT", Decimal(100))
    withdrawal = traffic.exchange.request_withdrawal(
        user, "TRON", "USDT", Decimal(60), traffic.exchange.new_external_address("TRON"),
        device_id="d", ip="1.2.3.4", country="VN",
    )  # fmt: skip
    held = await backoffice.hold_withdrawal(withdrawal.id, "poisoning")
    assert held.status is WithdrawalStatus.HELD and held.hold_reason == "poisoning"
    cancelled = await backoffice.cancel_withdrawal(withdrawal.id, "not the user")
    assert cancelled.status is WithdrawalStatus.CANCELLED
    with pytest.raises(InvalidTransition):
        await backoffice.release_withdrawal(withdrawal.id)
    with pytest.raises(UnknownWithdrawal):
        await backoffice.hold_withdrawal("w-nope", "x")
    with pytest.raises(UnknownUser):
        await backoffice.get_user("nobody")
    assert (await backoffice.freeze_account(user, "takeover")).frozen
    assert not (await backoffice.unfreeze_account(user)).frozen
    assert await backoffice.revoke_sessions(user) == 1
    until = traffic.clock.now() + timedelta(hours=24)
    locked = await backoffice.lock_withdrawals(user, until, "security case")
    assert locked.withdrawals_locked_until == until
    assert (await backoffice.enforce_whitelist(user, True)).whitelist_only
    debit = await backoffice.debit("fee-1", user, "USDT", Decimal(500), "too much")
    assert debit.status is BalanceChangeStatus.REJECTED
    credit = await backoffice.credit("c-1", user, "USDT", Decimal("0.5"), "goodwill")
    assert credit.balance_after == Decimal("100.5")
    with pytest.raises(IdempotencyConflict):
        await backoffice.credit("c-1", user, "USDT", Decimal(1), "goodwill")


async def test_a_credit_replayed_1000_times_concurrently_over_http_moves_money_once(
    backoffice: HttpBackOffice, traffic: TrafficGenerator
) -> None:
    user = traffic.user()
    results = await asyncio.gather(
        *(
            backoffice.credit("payout-7", user, "USDT", Decimal(250), "compensation")
            for _ in range(1000)
        )
    )
    assert len({r.change_id for r in results}) == 1
    assert await traffic.exchange.balance(user, "USDT") == Decimal(250)


async def test_a_release_replayed_1000_times_concurrently_over_http_broadcasts_once(
    backoffice: HttpBackOffice, traffic: TrafficGenerator
) -> None:
    user = traffic.user()
    traffic.exchange.set_balance(user, "USDT", Decimal(100))
    withdrawal = traffic.exchange.request_withdrawal(
        user, "TRON", "USDT", Decimal(100), traffic.exchange.new_external_address("TRON"),
        device_id="d", ip="1.2.3.4", country="VN",
    )  # fmt: skip
    await backoffice.hold_withdrawal(withdrawal.id, "risk hold")
    released = await asyncio.gather(
        *(backoffice.release_withdrawal(withdrawal.id) for _ in range(1000))
    )
    assert len({w.tx_hash for w in released}) == 1
    assert {w.status for w in released} == {WithdrawalStatus.BROADCAST}
    assert await traffic.exchange.balance(user, "USDT") == 0


async def test_retries_on_5xx_then_gives_up(traffic: TrafficGenerator, clock: FakeClock) -> None:
    app = backoffice_app(traffic.exchange, KEY, clock)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bo")
    backoffice = HttpBackOffice(client, KEY, clock, attempts=3)
    user = traffic.user()
    app.state.control["failures"] = 2
    assert (await backoffice.get_user(user)).user_id == user
    app.state.control["failures"] = 3
    with pytest.raises(ExchangeError, match="HTTP 503"):
        await backoffice.get_user(user)


async def test_requests_signed_with_another_key_are_refused(
    traffic: TrafficGenerator, clock: FakeClock
) -> None:
    app = backoffice_app(traffic.exchange, KEY, clock)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bo")
    stranger = HttpBackOffice(client, "some-other-key-" * 3, clock)
    with pytest.raises(ExchangeError, match="signature does not match"):
        await stranger.get_user(traffic.user())


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
