"""Withdrawal screening: each risk signal on its own, the thresholds, and the summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from cexdesk.exchange import codecs
from cexdesk.risk.engine import (
    DEFAULT_POLICY,
    Action,
    RiskPolicy,
    Rule,
    Signal,
    UserRiskSummary,
    WithdrawalRequest,
    address_key,
    screen,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HOME = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
FRIEND = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
# Shares the first 4 and last 4 hex digits with HOME, and nothing else.
LOOKALIKE = codecs.eip55("5aae" + "0" * 32 + "beaed"[1:])
NEW = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"


def settled_user() -> UserRiskSummary:
    """A user of two years: one phone, one country, 100 withdrawals of 100–1,090 USD."""
    summary = UserRiskSummary("alice")
    start = NOW - timedelta(days=730)
    summary.record_sign_in("phone", "203.0.113.7", "VN", start)
    for day in range(100):
        destination = HOME if day % 3 else FRIEND
        at = start + timedelta(days=day * 7)
        summary.record_withdrawal("ETH", destination, Decimal(100 + 10 * (day % 100)), at)
    return summary


def request(**changes: object) -> WithdrawalRequest:
    usual = WithdrawalRequest(
        user_id="alice",
        chain="ETH",
        asset="USDT",
        amount=Decimal(500),
        usd_value=Decimal(500),
        destination=HOME,
        requested_at=NOW,
        device_id="phone",
        ip="203.0.113.7",
        country="VN",
    )
    return replace(usual, **changes)  # type: ignore[arg-type]


def signals(decision_reasons: tuple[object, ...]) -> set[Signal]:
    return {reason.signal for reason in decision_reasons}  # type: ignore[attr-defined]


def test_a_usual_withdrawal_is_allowed() -> None:
    decision = screen(request(), settled_user())
    assert (decision.action, decision.score, decision.reasons) == (Action.ALLOW, 0, ())


def test_the_same_address_on_a_sibling_evm_chain_is_known() -> None:
    decision = screen(request(chain="BSC", destination=HOME.lower()), settled_user())
    assert decision.action is Action.ALLOW


def test_blocklisted_destination_blocks() -> None:
    policy = RiskPolicy(blocklist=frozenset({address_key("ETH", NEW)[1]}))
    decision = screen(request(destination=NEW), settled_user(), policy)
    assert decision.action is Action.BLOCK
    assert Signal.BLOCKLISTED_DESTINATION in signals(decision.reasons)


def test_address_poisoning_holds() -> None:
    assert LOOKALIKE.lower()[:6] == HOME.lower()[:6]
    decision = screen(request(destination=LOOKALIKE), settled_user())
    assert decision.action is Action.HOLD
    [reason] = decision.reasons
    assert reason.signal is Signal.ADDRESS_POISONING and reason.weight == 70
    assert HOME.lower() in reason.detail


def test_address_poisoning_after_a_dust_transfer_weighs_more() -> None:
    summary = settled_user()
    summary.record_inbound("ETH", LOOKALIKE, Decimal(0), dust_usd=Decimal(1))
    [reason] = screen(request(destination=LOOKALIKE), summary).reasons
    assert reason.weight == 90 and "dust" in reason.detail


def test_an_unrelated_new_address_is_not_poisoning() -> None:
    decision = screen(request(destination=NEW), settled_user())
    assert decision.action is Action.ALLOW


def test_new_address_book_entry_holds_for_24_hours() -> None:
    summary = settled_user()
    summary.record_address_book("ETH", NEW, NOW - timedelta(hours=2))
    decision = screen(request(destination=NEW), summary)
    assert decision.action is Action.HOLD
    assert signals(decision.reasons) == {Signal.NEW_ADDRESS_BOOK_ENTRY}
    later = screen(request(destination=NEW, requested_at=NOW + timedelta(hours=23)), summary)
    assert later.action is Action.ALLOW


def test_security_change_in_the_last_24_hours_holds() -> None:
    summary = settled_user()
    summary.record_security_change("2fa", NOW - timedelta(hours=5))
    summary.record_security_change("email", NOW - timedelta(hours=5))
    decision = screen(request(), summary)
    assert decision.action is Action.HOLD
    [reason] = decision.reasons
    assert reason.signal is Signal.RECENT_SECURITY_CHANGE and "2fa, email" in reason.detail
    summary.record_security_change("password", NOW - timedelta(hours=30))  # older: ignored
    assert screen(request(requested_at=NOW + timedelta(hours=20)), summary).action is Action.ALLOW


@pytest.mark.parametrize(
    ("change", "signal", "weight"),
    [
        ({"device_id": "laptop"}, Signal.NEW_DEVICE, 20),
        ({"ip": "198.51.100.9"}, Signal.NEW_IP, 10),
        ({"country": "NG"}, Signal.NEW_COUNTRY, 25),
    ],
)
def test_new_device_ip_and_country_add_to_the_score(
    change: dict[str, object], signal: Signal, weight: int
) -> None:
    decision = screen(request(**change), settled_user())
    assert decision.action is Action.ALLOW  # alone, below the hold score
    assert signals(decision.reasons) == {signal} and decision.score == weight


def test_a_device_first_seen_an_hour_ago_is_still_new() -> None:
    summary = settled_user()
    summary.record_sign_in("laptop", "203.0.113.7", "VN", NOW - timedelta(hours=1))
    assert signals(screen(request(device_id="laptop"), summary).reasons) == {Signal.NEW_DEVICE}


def test_amount_far_above_history() -> None:
    decision = screen(request(usd_value=Decimal(9_000)), settled_user())
    assert signals(decision.reasons) == {Signal.AMOUNT_ABOVE_HISTORY}
    # The usual top (95th percentile) is 1,040 USD: five times that is the line.
    assert screen(request(usd_value=Decimal(5_000)), settled_user()).reasons == ()


def test_a_new_user_has_no_history_to_be_far_above() -> None:
    decision = screen(request(usd_value=Decimal(9_000)), UserRiskSummary("bob"))
    assert Signal.AMOUNT_ABOVE_HISTORY not in signals(decision.reasons)


def test_first_large_withdrawal_to_a_new_address() -> None:
    decision = screen(request(destination=NEW, usd_value=Decimal(12_000)), settled_user())
    assert signals(decision.reasons) == {
        Signal.FIRST_LARGE_TO_NEW_ADDRESS,
        Signal.AMOUNT_ABOVE_HISTORY,
    }
    assert decision.action is Action.HOLD  # 35 + 30 reaches the hold score


def test_velocity_by_count_and_by_value() -> None:
    summary = settled_user()
    for minute in range(10):
        summary.record_withdrawal("ETH", HOME, Decimal(100), NOW - timedelta(minutes=60 - minute))
    assert signals(screen(request(), summary).reasons) == {Signal.VELOCITY}
    summary = settled_user()
    summary.record_withdrawal("ETH", HOME, Decimal(49_800), NOW - timedelta(hours=2))
    assert signals(screen(request(), summary).reasons) == {Signal.VELOCITY}
    tomorrow = request(requested_at=NOW + timedelta(hours=23))
    assert signals(screen(tomorrow, summary).reasons) == set()


def test_signals_together_reach_the_block_score() -> None:
    summary = settled_user()
    summary.record_sign_in("burner", "198.51.100.9", "NG", NOW - timedelta(minutes=20))
    summary.record_security_change("email", NOW - timedelta(minutes=15))
    summary.record_address_book("ETH", NEW, NOW - timedelta(minutes=10))
    decision = screen(
        request(
            destination=NEW,
            usd_value=Decimal(47_500),
            device_id="burner",
            ip="198.51.100.9",
            country="NG",
        ),
        summary,
    )
    assert decision.action is Action.BLOCK
    assert decision.score >= DEFAULT_POLICY.block_score
    assert len(decision.reasons) == 7


def test_rules_are_configurable() -> None:
    rules = dict(DEFAULT_POLICY.rules)
    rules[Signal.ADDRESS_POISONING] = Rule(0, Action.ALLOW, enabled=False)
    rules[Signal.NEW_COUNTRY] = Rule(200, Action.BLOCK)
    policy = RiskPolicy(rules=rules)
    assert screen(request(destination=LOOKALIKE), settled_user(), policy).action is Action.ALLOW
    assert screen(request(country="NG"), settled_user(), policy).action is Action.BLOCK


def test_withdrawals_must_be_recorded_in_order() -> None:
    summary = settled_user()
    with pytest.raises(ValueError, match="time order"):
        summary.record_withdrawal("ETH", HOME, Decimal(1), NOW - timedelta(days=3000))
