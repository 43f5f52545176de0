"""The simulated exchange: deposit matching, withdrawals, spot orders, and money that moves
exactly once."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.chains import is_valid_address
from cexdesk.exchange.protocol import (
    ExchangeBackOffice,
    IdempotencyConflict,
    InvalidTransition,
    UnknownOrder,
    UnknownUser,
)
from cexdesk.exchange.simulated import USD_PRICES, SimulatedExchange
from cexdesk.exchange.traffic import MISDEPOSIT_CASES, TrafficGenerator
from cexdesk.exchange.values import (
    AddressKind,
    BalanceChangeStatus,
    DepositStatus,
    OrderSide,
    OrderStatus,
    OrderType,
    WithdrawalStatus,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def exchange(clock: FakeClock) -> SimulatedExchange:
    return SimulatedExchange(clock, seed=7)


@pytest.fixture
def traffic(exchange: SimulatedExchange, clock: FakeClock) -> TrafficGenerator:
    return TrafficGenerator(exchange, clock, seed=7)


def test_it_implements_the_protocol(exchange: SimulatedExchange) -> None:
    back_office: ExchangeBackOffice = exchange
    assert back_office is exchange


def test_same_seed_same_world(clock: FakeClock) -> None:
    first = TrafficGenerator(SimulatedExchange(clock, seed=3), clock, seed=3)
    second = TrafficGenerator(SimulatedExchange(clock, seed=3), clock, seed=3)
    assert [s.transfer for s in first.every_misdeposit()] == [
        s.transfer for s in second.every_misdeposit()
    ]


async def test_generated_addresses_are_valid(exchange: SimulatedExchange) -> None:
    user = exchange.add_user().user_id
    for chain_code in ("BTC", "ETH", "TRON", "XRP", "XLM", "TON"):
        issued = await exchange.deposit_address(user, chain_code)
        assert is_valid_address(chain_code, issued.address)
        assert is_valid_address(chain_code, exchange.new_external_address(chain_code))


async def test_evm_chains_share_the_users_address(exchange: SimulatedExchange) -> None:
    user = exchange.add_user().user_id
    eth = await exchange.deposit_address(user, "ETH")
    bsc = await exchange.deposit_address(user, "BSC")
    assert eth.address == bsc.address
    other = exchange.add_user().user_id
    assert (await exchange.deposit_address(other, "ETH")).address != eth.address


async def test_a_correct_deposit_is_credited(traffic: TrafficGenerator) -> None:
    user = traffic.user()
    transfer = traffic.deposit(user, "XRP", Decimal(25))
    deposits = await traffic.exchange.find_deposits("XRP", transfer.tx_hash)
    assert [d.status for d in deposits] == [DepositStatus.CREDITED]
    assert await traffic.exchange.balance(user, "XRP") == Decimal(25)
    assert await traffic.exchange.deposits_from("XRP", transfer.from_address) == deposits


async def test_every_misdeposit_case_is_left_uncredited(traffic: TrafficGenerator) -> None:
    seen = set()
    for scenario in traffic.every_misdeposit():
        seen.add(scenario.case)
        found = await traffic.exchange.find_transfers(
            scenario.transfer.chain, scenario.transfer.tx_hash
        )
        assert found == [scenario.transfer]
        if scenario.case in ("own_withdrawal_wrong_address", "not_an_exchange_address"):
            assert scenario.deposit is None
        elif scenario.case == "pending_confirmations":
            assert scenario.deposit is not None
            assert scenario.deposit.status is DepositStatus.PENDING
        else:
            assert scenario.deposit is not None, scenario.case
            assert scenario.deposit.status is DepositStatus.UNMATCHED, scenario.case
    assert seen == set(MISDEPOSIT_CASES)


async def test_small_deposits_are_credited_once_they_reach_the_minimum(
    traffic: TrafficGenerator,
) -> None:
    user = traffic.user()
    first = traffic.deposit(user, "XRP", Decimal("0.6"))
    assert await traffic.exchange.balance(user, "XRP") == 0
    traffic.deposit(user, "XRP", Decimal("0.5"))
    assert await traffic.exchange.balance(user, "XRP") == Decimal("1.1")
    [earlier] = await traffic.exchange.find_deposits("XRP", first.tx_hash)
    assert earlier.status is DepositStatus.CREDITED


async def test_contract_and_hot_wallet_addresses_are_known(traffic: TrafficGenerator) -> None:
    scenario = traffic.misdeposit("contract_address")
    found = await traffic.exchange.lookup_address("ETH", scenario.transfer.to_address)
    assert found is not None and found.kind is AddressKind.CONTRACT
    hot = await traffic.exchange.lookup_address("TRON", traffic.exchange.hot_wallet("TRON"))
    assert hot is not None and hot.kind is AddressKind.HOT_WALLET


async def test_a_credit_replayed_1000_times_concurrently_moves_money_once(
    exchange: SimulatedExchange,
) -> None:
    user = exchange.add_user().user_id
    results = await asyncio.gather(
        *(
            exchange.credit("recovery:42", user, "USDT", Decimal("107122"), "misdeposit")
            for _ in range(1000)
        )
    )
    assert await exchange.balance(user, "USDT") == Decimal("107122")
    assert len({r.change_id for r in results}) == 1
    assert all(r.status is BalanceChangeStatus.APPLIED for r in results)


async def test_a_key_reused_for_another_amount_is_refused(exchange: SimulatedExchange) -> None:
    user = exchange.add_user().user_id
    await exchange.credit("k1", user, "USDT", Decimal(10), "x")
    with pytest.raises(IdempotencyConflict):
        await exchange.credit("k1", user, "USDT", Decimal(11), "x")


async def test_a_debit_beyond_the_balance_is_rejected_and_remembered(
    exchange: SimulatedExchange,
) -> None:
    user = exchange.add_user().user_id
    rejected = await exchange.debit("d1", user, "USDT", Decimal(5), "fee")
    assert rejected.status is BalanceChangeStatus.REJECTED
    await exchange.credit("c1", user, "USDT", Decimal(10), "x")
    # A replay gets the first answer, even though the balance would now allow it.
    assert await exchange.debit("d1", user, "USDT", Decimal(5), "fee") == rejected
    assert await exchange.balance(user, "USDT") == Decimal(10)


async def test_concurrent_debits_never_overdraw(exchange: SimulatedExchange) -> None:
    user = exchange.add_user().user_id
    exchange.set_balance(user, "USDT", Decimal(100))
    results = await asyncio.gather(
        *(exchange.debit(f"d{i}", user, "USDT", Decimal(30), "x") for i in range(10))
    )
    assert sum(r.status is BalanceChangeStatus.APPLIED for r in results) == 3
    assert await exchange.balance(user, "USDT") == Decimal(10)


async def test_hold_release_and_cancel(traffic: TrafficGenerator) -> None:
    exchange = traffic.exchange
    user = traffic.user()
    exchange.set_balance(user, "USDT", Decimal(1000))
    destination = exchange.new_external_address("TRON")
    first = exchange.request_withdrawal(
        user, "TRON", "USDT", Decimal(400), destination, device_id="d", ip="1.2.3.4", country="VN"
    )
    assert await exchange.balance(user, "USDT") == Decimal(600)
    held = await exchange.hold_withdrawal(first.id, "address poisoning")
    assert held.status is WithdrawalStatus.HELD
    released = await asyncio.gather(*(exchange.release_withdrawal(first.id) for _ in range(1000)))
    assert len({w.tx_hash for w in released}) == 1
    with pytest.raises(InvalidTransition):
        await exchange.cancel_withdrawal(first.id, "too late")
    second = exchange.request_withdrawal(
        user, "TRON", "USDT", Decimal(500), destination, device_id="d", ip="1.2.3.4", country="VN"
    )
    await asyncio.gather(*(exchange.cancel_withdrawal(second.id, "not mine") for _ in range(100)))
    assert await exchange.balance(user, "USDT") == Decimal(600)
    with pytest.raises(InvalidTransition):
        await exchange.release_withdrawal(second.id)


async def test_freeze_and_revoke_sessions(traffic: TrafficGenerator) -> None:
    user = traffic.user()
    assert (await traffic.exchange.freeze_account(user, "takeover")).frozen
    assert await traffic.exchange.revoke_sessions(user) == 1
    assert await traffic.exchange.revoke_sessions(user) == 0
    assert not (await traffic.exchange.unfreeze_account(user)).frozen


async def test_phishing_patterns(traffic: TrafficGenerator) -> None:
    poisoning = traffic.address_poisoning(traffic.user())
    assert poisoning.lookalike != poisoning.known_address
    assert poisoning.lookalike.lower()[:6] == poisoning.known_address.lower()[:6]
    assert poisoning.lookalike.lower()[-4:] == poisoning.known_address.lower()[-4:]
    assert poisoning.dust.from_address == poisoning.lookalike and poisoning.dust.amount == 0
    assert poisoning.withdrawal.to_address == poisoning.lookalike

    takeover = traffic.account_takeover(traffic.user())
    profile = await traffic.exchange.get_user(takeover.user_id)
    assert {c.kind.value for c in profile.security_changes} == {"email", "2fa"}
    assert takeover.withdrawal.device_id == takeover.attacker_device
    history = await traffic.exchange.list_withdrawals(takeover.user_id)
    assert len(history) == 31


async def test_a_hardened_account_withdraws_only_later_and_only_to_its_address_book(
    traffic: TrafficGenerator,
) -> None:
    exchange = traffic.exchange
    user = traffic.user()
    exchange.set_balance(user, "USDT", Decimal(1000))
    own = exchange.new_external_address("TRON")
    exchange.add_to_address_book(user, "TRON", own)
    until = traffic.clock.now() + timedelta(hours=24)
    await exchange.lock_withdrawals(user, until, "security case 1")
    # An earlier lock does not shorten the one in force.
    profile = await exchange.lock_withdrawals(user, until - timedelta(hours=5), "older")
    assert profile.withdrawals_locked_until == until
    assert (await exchange.enforce_whitelist(user, True)).whitelist_only

    def withdraw(to: str) -> None:
        exchange.request_withdrawal(
            user, "TRON", "USDT", Decimal(10), to, device_id="d", ip="1.2.3.4", country="VN"
        )

    with pytest.raises(InvalidTransition, match="locked"):
        withdraw(own)
    traffic.clock.advance(hours=25)
    with pytest.raises(InvalidTransition, match="address book"):
        withdraw(exchange.new_external_address("TRON"))
    withdraw(own)
    await exchange.enforce_whitelist(user, False)
    withdraw(exchange.new_external_address("TRON"))
    assert await exchange.balance(user, "USDT") == Decimal(980)


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
