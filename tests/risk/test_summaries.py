"""Summaries kept between requests decide exactly as summaries read whole each time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import SecurityChangeKind, Withdrawal
from cexdesk.risk.engine import ScreeningDecision, WithdrawalRequest, screen
from cexdesk.risk.summaries import SummaryStore


@pytest.fixture
def traffic() -> TrafficGenerator:
    clock = FakeClock()
    return TrafficGenerator(SimulatedExchange(clock, seed=13), clock, seed=13)


def as_request(w: Withdrawal) -> WithdrawalRequest:
    return WithdrawalRequest(
        w.user_id, w.chain, w.asset, w.amount, w.amount, w.to_address, w.requested_at,
        w.device_id, w.ip, w.country,
    )  # fmt: skip


async def decided(
    store: SummaryStore, traffic: TrafficGenerator, w: Withdrawal
) -> ScreeningDecision:
    summary = await store.summary_for(
        traffic.exchange, w.user_id, before=w.requested_at, excluding=w.id
    )
    return screen(as_request(w), summary)


async def test_kept_summaries_match_fresh_ones_as_history_grows(traffic: TrafficGenerator) -> None:
    exchange = traffic.exchange
    user = traffic.user()
    known = traffic.withdrawal_history(user, 50, chain_code="TRON")
    kept = SummaryStore()
    seen_actions = set()
    for step in range(12):
        traffic.clock.advance(minutes=37)
        if step == 4:
            exchange.change_security(user, SecurityChangeKind.TWO_FACTOR, "x", "1.1.1.1", "VN")
        if step == 7:
            exchange.add_to_address_book(user, "TRON", exchange.new_external_address("TRON"))
        if step == 9:
            traffic.deposit(user, "TRON", Decimal(0), asset="USDT")  # dust from their wallet
        destination = known[step % 3] if step % 4 else exchange.new_external_address("TRON")
        withdrawal = exchange.request_withdrawal(
            user, "TRON", "USDT", Decimal(300 + 900 * (step % 5)), destination,
            device_id=f"{user}-phone" if step % 5 else "new-tablet",
            ip=traffic.home_ip[user], country="VN",
        )  # fmt: skip
        from_kept = await decided(kept, traffic, withdrawal)
        from_scratch = await decided(SummaryStore(), traffic, withdrawal)
        assert from_kept == from_scratch, step
        seen_actions.add(from_kept.action)
        if step % 2:
            exchange.broadcast(withdrawal.id)
    assert len(seen_actions) >= 2  # the sequence exercised more than one outcome


async def test_the_withdrawal_being_screened_is_not_part_of_its_own_history(
    traffic: TrafficGenerator,
) -> None:
    user = traffic.user()
    traffic.withdrawal_history(user, 5, chain_code="TRON")
    fresh = traffic.exchange.new_external_address("TRON")
    withdrawal = traffic.exchange.request_withdrawal(
        user, "TRON", "USDT", Decimal(20_000), fresh, device_id=f"{user}-phone",
        ip=traffic.home_ip[user], country="VN",
    )  # fmt: skip
    store = SummaryStore()
    first = await decided(store, traffic, withdrawal)
    again = await decided(store, traffic, withdrawal)
    assert first == again
    assert "first_large_to_new_address" in {r.signal.value for r in first.reasons}
