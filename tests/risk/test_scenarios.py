"""Phishing patterns generated on the simulated exchange, screened from its records."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import Withdrawal
from cexdesk.risk.engine import (
    Action,
    ScreeningDecision,
    Signal,
    WithdrawalRequest,
    build_summary,
    screen,
)


@pytest.fixture
def traffic() -> TrafficGenerator:
    clock = FakeClock()
    return TrafficGenerator(SimulatedExchange(clock, seed=5), clock, seed=5)


async def screened(traffic: TrafficGenerator, pending: Withdrawal) -> ScreeningDecision:
    """Screen ``pending`` against everything the exchange knew before it was requested."""
    exchange = traffic.exchange
    user_id = pending.user_id
    past = [w for w in await exchange.list_withdrawals(user_id) if w.id != pending.id]
    inbound = [(d.transfer, d.transfer.amount) for d in await exchange.list_deposits(user_id)]
    summary = build_summary(
        await exchange.get_user(user_id),
        past,
        {w.id: w.amount for w in past},  # USDT: one dollar each
        await exchange.list_address_book(user_id),
        inbound,
    )
    return screen(
        WithdrawalRequest(
            user_id,
            pending.chain,
            pending.asset,
            pending.amount,
            pending.amount,
            pending.to_address,
            pending.requested_at,
            pending.device_id,
            pending.ip,
            pending.country,
        ),
        summary,
    )


async def test_address_poisoning_with_dust_is_held(traffic: TrafficGenerator) -> None:
    scenario = traffic.address_poisoning(traffic.user())
    decision = await screened(traffic, scenario.withdrawal)
    assert decision.action is Action.HOLD
    poisoning = [r for r in decision.reasons if r.signal is Signal.ADDRESS_POISONING]
    assert poisoning and "dust" in poisoning[0].detail


async def test_account_takeover_is_blocked(traffic: TrafficGenerator) -> None:
    scenario = traffic.account_takeover(traffic.user())
    decision = await screened(traffic, scenario.withdrawal)
    assert decision.action is Action.BLOCK
    assert {
        Signal.RECENT_SECURITY_CHANGE,
        Signal.NEW_DEVICE,
        Signal.NEW_COUNTRY,
        Signal.NEW_ADDRESS_BOOK_ENTRY,
        Signal.AMOUNT_ABOVE_HISTORY,
        Signal.FIRST_LARGE_TO_NEW_ADDRESS,
    } <= {r.signal for r in decision.reasons}


async def test_an_ordinary_withdrawal_to_a_known_address_is_allowed(
    traffic: TrafficGenerator,
) -> None:
    user = traffic.user()
    destinations = traffic.withdrawal_history(user, 40, chain_code="TRON")
    traffic.clock.advance(hours=1)
    pending = traffic.exchange.request_withdrawal(
        user,
        "TRON",
        "USDT",
        Decimal(300),
        destinations[1],
        device_id=f"{user}-phone",
        ip=traffic.home_ip[user],
        country="VN",
    )
    decision = await screened(traffic, pending)
    # Same phone, same home connection, an address used before: nothing to say.
    assert decision.action is Action.ALLOW
    assert decision.reasons == ()
