"""Every misdeposit case, generated on the simulated exchange, gathered and decided."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import MISDEPOSIT_CASES, MisdepositScenario, TrafficGenerator
from cexdesk.recovery.engine import Claim, MisdepositCase, Outcome, RecoveryDecision, decide
from cexdesk.recovery.evidence import gather_facts

EXPECTED = {
    "missing_memo": Outcome.AUTOMATIC_RECOVERY,
    "wrong_memo": Outcome.AUTOMATIC_RECOVERY,
    "wrong_network": Outcome.MANUAL_REVIEW,
    "unsupported_token": Outcome.MANUAL_REVIEW,
    "delisted_token": Outcome.MANUAL_REVIEW,
    "below_minimum": Outcome.WAITING,
    "retired_address": Outcome.MANUAL_REVIEW,
    "wrong_coin": Outcome.MANUAL_REVIEW,
    "contract_address": Outcome.NOT_RECOVERABLE,
    "own_withdrawal_wrong_address": Outcome.NOT_RECOVERABLE,
    "pending_confirmations": Outcome.WAITING,
    "not_an_exchange_address": Outcome.NOT_RECOVERABLE,
}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def traffic(clock: FakeClock) -> TrafficGenerator:
    return TrafficGenerator(SimulatedExchange(clock, seed=11), clock, seed=11)


def honest_claim(scenario: MisdepositScenario, claimant: str, clock: FakeClock) -> Claim:
    transfer = scenario.transfer
    return Claim(
        claimant,
        transfer.chain,
        transfer.tx_hash,
        transfer.asset,
        transfer.amount,
        transfer.from_address,
        clock.now(),
    )


async def claimed(
    traffic: TrafficGenerator, scenario: MisdepositScenario, claims: list[Claim]
) -> RecoveryDecision:
    facts = await gather_facts(traffic.exchange, scenario.transfer, Decimal(1000), claims)
    return decide(facts, claims[0] if claims else None, traffic.clock.now() + timedelta(hours=1))


@pytest.mark.parametrize("case", MISDEPOSIT_CASES)
async def test_each_case_is_classified_and_decided(
    traffic: TrafficGenerator, clock: FakeClock, case: str
) -> None:
    user = traffic.user()
    for memo_chain in ("XRP", "XLM", "TON"):
        traffic.deposit(user, memo_chain, Decimal(50))  # the wallet has sent to us before
    scenario = traffic.misdeposit(case, user)
    decision = await claimed(traffic, scenario, [honest_claim(scenario, user, clock)])
    assert decision.case is MisdepositCase(case)
    assert decision.outcome is EXPECTED[case], decision.reasons
    if decision.outcome is Outcome.AUTOMATIC_RECOVERY:
        assert decision.recipient == scenario.rightful_user_id == user
    if decision.outcome is Outcome.MANUAL_REVIEW:
        assert decision.recipient == scenario.rightful_user_id


async def test_a_memo_deposit_from_a_new_wallet_needs_a_person(
    traffic: TrafficGenerator, clock: FakeClock
) -> None:
    user = traffic.user()
    scenario = traffic.misdeposit("missing_memo", user)
    decision = await claimed(traffic, scenario, [honest_claim(scenario, user, clock)])
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "no candidate owner in the records" in decision.reasons


async def test_an_impostor_who_copies_the_transaction_is_not_paid(
    traffic: TrafficGenerator, clock: FakeClock
) -> None:
    owner, impostor = traffic.user(), traffic.user()
    for memo_chain in ("XRP", "XLM", "TON"):
        traffic.deposit(owner, memo_chain, Decimal(50))
    scenario = traffic.misdeposit("missing_memo", owner)
    decision = await claimed(traffic, scenario, [honest_claim(scenario, impostor, clock)])
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert decision.recipient == owner


async def test_a_custodial_source_needs_a_person(
    traffic: TrafficGenerator, clock: FakeClock
) -> None:
    user = traffic.user()
    for memo_chain in ("XRP", "XLM", "TON"):
        traffic.deposit(user, memo_chain, Decimal(50))
        traffic.exchange.mark_shared_source(memo_chain, traffic.wallet(user, memo_chain).address)
    scenario = traffic.misdeposit("missing_memo", user)
    decision = await claimed(traffic, scenario, [honest_claim(scenario, user, clock)])
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "sent from a custodial wallet many people use" in decision.reasons


async def test_small_deposits_that_reach_the_minimum_together(
    traffic: TrafficGenerator, clock: FakeClock
) -> None:
    user = traffic.user()
    first = traffic.misdeposit("below_minimum", user)  # 0.4 XRP against a minimum of 1
    second = traffic.misdeposit("below_minimum", user)
    decision = await claimed(traffic, second, [honest_claim(second, user, clock)])
    assert decision.outcome is Outcome.WAITING
    facts = await gather_facts(traffic.exchange, first.transfer, Decimal(1))
    assert facts.pending_small_total == Decimal("0.4")
