"""Screening's promises on generated histories and requests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cexdesk.exchange import codecs
from cexdesk.risk.engine import (
    DEFAULT_POLICY,
    Action,
    RiskPolicy,
    Signal,
    UserRiskSummary,
    WithdrawalRequest,
    address_key,
    screen,
)

NOW = datetime(2026, 11, 23, tzinfo=UTC)
ADDRESSES = [codecs.eip55(bytes([i]).hex() * 20) for i in range(1, 9)]
# Lookalikes of the first address: same first 4 and last 4 hex digits.
LOOKALIKES = [codecs.eip55("0101" + f"{i:032x}" + "0101") for i in range(2, 6)]


@st.composite
def summaries(draw: st.DrawFn) -> UserRiskSummary:
    summary = UserRiskSummary("u1")
    count = draw(st.integers(0, 40))
    at = NOW - timedelta(days=400)
    for _ in range(count):
        at += timedelta(minutes=draw(st.integers(1, 20_000)))
        if at >= NOW:
            break
        summary.record_withdrawal(
            "ETH", draw(st.sampled_from(ADDRESSES)), Decimal(draw(st.integers(1, 5_000))), at
        )
    for device in draw(st.lists(st.sampled_from(["phone", "laptop", "tablet"]), max_size=3)):
        summary.record_sign_in(
            device, "10.0.0.1", "VN", NOW - timedelta(hours=draw(st.integers(0, 2000)))
        )
    if draw(st.booleans()):
        summary.record_security_change("2fa", NOW - timedelta(hours=draw(st.integers(0, 100))))
    for address in draw(st.lists(st.sampled_from(ADDRESSES + LOOKALIKES), max_size=3)):
        summary.record_address_book(
            "ETH", address, NOW - timedelta(hours=draw(st.integers(0, 100)))
        )
    for address in draw(st.lists(st.sampled_from(LOOKALIKES), max_size=2)):
        summary.record_inbound("ETH", address, Decimal(0), Decimal(1))
    return summary


@st.composite
def requests(draw: st.DrawFn) -> WithdrawalRequest:
    usd = Decimal(draw(st.integers(1, 100_000)))
    return WithdrawalRequest(
        "u1", draw(st.sampled_from(["ETH", "BSC", "ARBITRUM"])), "USDT", usd, usd,
        draw(st.sampled_from(ADDRESSES + LOOKALIKES)), NOW,
        draw(st.sampled_from(["phone", "laptop", "burner"])), "10.0.0.1",
        draw(st.sampled_from(["VN", "NG"])),
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(summary=summaries(), request=requests(), blocklisted=st.booleans())
def test_the_decision_follows_from_its_reasons(
    summary: UserRiskSummary, request: WithdrawalRequest, blocklisted: bool
) -> None:
    blocklist = frozenset({address_key(request.chain, request.destination)[1]})
    policy = RiskPolicy(blocklist=blocklist) if blocklisted else DEFAULT_POLICY
    decision = screen(request, summary, policy)
    assert decision.score == sum(reason.weight for reason in decision.reasons)
    assert decision.action >= max((r.action for r in decision.reasons), default=Action.ALLOW)
    assert (decision.action is Action.BLOCK) == (
        decision.score >= policy.block_score
        or any(r.action is Action.BLOCK for r in decision.reasons)
    )
    if decision.action is Action.ALLOW:
        assert decision.score < policy.hold_score
    signals = {reason.signal for reason in decision.reasons}
    assert (Signal.BLOCKLISTED_DESTINATION in signals) == blocklisted
    if blocklisted:
        assert decision.action is Action.BLOCK
    known = address_key(request.chain, request.destination) in summary.destinations
    if known:
        # A destination the user has used before is never poisoning, nor new.
        assert not signals & {Signal.ADDRESS_POISONING, Signal.FIRST_LARGE_TO_NEW_ADDRESS}
    lookalike_of_a_past_one = address_key("ETH", ADDRESSES[0]) in summary.destinations
    if request.destination in LOOKALIKES and lookalike_of_a_past_one:
        assert Signal.ADDRESS_POISONING in signals


@settings(max_examples=200, deadline=None)
@given(summary=summaries(), request=requests())
def test_turning_a_rule_off_never_makes_a_decision_stricter(
    summary: UserRiskSummary, request: WithdrawalRequest
) -> None:
    strict = screen(request, summary)
    for signal in Signal:
        rules = dict(DEFAULT_POLICY.rules)
        rules[signal] = replace(rules[signal], enabled=False)
        relaxed = screen(request, summary, RiskPolicy(rules=rules))
        assert relaxed.action <= strict.action
        assert relaxed.score <= strict.score
        assert signal not in {reason.signal for reason in relaxed.reasons}
