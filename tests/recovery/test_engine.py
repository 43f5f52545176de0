"""The recovery engine's rules, case by case, on hand-built facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from cexdesk.bot.texts import LANGUAGES, bot_text, recovery_reason, texts_for
from cexdesk.exchange.values import ChainTransfer
from cexdesk.recovery.engine import (
    BELOW_MINIMUM,
    DEFAULT_POLICY,
    FEE_TAKES_ALL,
    NOT_RECOVERABLE_CASE,
    TOO_OLD,
    UNDER_RECOVERY_MINIMUM,
    Claim,
    DepositFacts,
    Destination,
    Handling,
    ListingState,
    MisdepositCase,
    Outcome,
    RecoveryPolicy,
    classify_case,
    decide,
    recovery_fee,
)

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=2)
XRP_TX = ChainTransfer(
    chain="XRP",
    tx_hash="A1B2" * 16,
    index=0,
    asset="XRP",
    contract=None,
    amount=Decimal(400),
    from_address="rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
    to_address="rEXCHANGExxxxxxxxxxxxxxxxxxxxxxxxx",
    memo=None,
    block_time=T0,
    confirmations=1,
)
MEMO_FACTS = DepositFacts(
    transfer=XRP_TX,
    usd_value=Decimal(800),
    destination=Destination.SHARED_MEMO_ADDRESS,
    min_deposit=Decimal(1),
    linked_users=frozenset({"alice"}),
)


def claim_for(user: str, transfer: ChainTransfer = XRP_TX, **changes: object) -> Claim:
    honest = Claim(
        claimant=user,
        chain=transfer.chain,
        tx_hash=transfer.tx_hash,
        asset=transfer.asset,
        amount=transfer.amount,
        from_address=transfer.from_address,
        filed_at=NOW,
    )
    return replace(honest, **changes)  # type: ignore[arg-type]


def test_missing_memo_with_one_linked_claimant_is_recovered_automatically() -> None:
    claim = claim_for("alice")
    decision = decide(replace(MEMO_FACTS, claims=(claim,)), claim, NOW)
    assert decision.case is MisdepositCase.MISSING_MEMO
    assert decision.outcome is Outcome.AUTOMATIC_RECOVERY
    assert decision.recipient == "alice"
    # A 5 USD floor on an 800 USD deposit of 400 XRP: 2.5 XRP.
    assert decision.fee == Decimal("2.5") and decision.net_amount == Decimal("397.5")


def test_a_wrong_memo_is_its_own_case() -> None:
    facts = replace(MEMO_FACTS, transfer=replace(XRP_TX, memo="12345"))
    assert classify_case(facts) is MisdepositCase.WRONG_MEMO
    claim = claim_for("alice", facts.transfer)
    assert decide(facts, claim, NOW).outcome is Outcome.AUTOMATIC_RECOVERY


def test_an_impostor_with_every_detail_right_goes_to_review() -> None:
    claim = claim_for("mallory")
    decision = decide(replace(MEMO_FACTS, claims=(claim,)), claim, NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "the claimant is not the candidate owner" in decision.reasons
    assert decision.recipient == "alice"  # proposed to the reviewer, not credited


@pytest.mark.parametrize(
    "change",
    [
        {"tx_hash": "FF" * 32},
        {"amount": Decimal(401)},
        {"asset": "XLM"},
        {"chain": "XLM"},
        {"from_address": "rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY"},
    ],
)
def test_a_claim_that_does_not_match_the_chain_goes_to_review(change: dict[str, object]) -> None:
    claim = claim_for("alice", **change)
    decision = decide(MEMO_FACTS, claim, NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "declared details do not match the chain record" in decision.reasons


def test_claims_by_two_users_go_to_review() -> None:
    alice, bob = claim_for("alice"), claim_for("bob")
    decision = decide(replace(MEMO_FACTS, claims=(alice, bob)), alice, NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "claimed by more than one user" in decision.reasons


def test_two_candidate_owners_go_to_review() -> None:
    facts = replace(MEMO_FACTS, linked_users=frozenset({"alice", "bob"}))
    decision = decide(facts, claim_for("alice"), NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "more than one candidate owner" in decision.reasons


def test_no_candidate_owner_goes_to_review() -> None:
    decision = decide(replace(MEMO_FACTS, linked_users=frozenset()), claim_for("alice"), NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert "no candidate owner in the records" in decision.reasons


def test_a_custodial_source_proves_nobody() -> None:
    facts = replace(MEMO_FACTS, shared_source=True)
    decision = decide(facts, claim_for("alice"), NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert decision.candidates == frozenset()


def test_an_old_memo_deposit_is_past_the_age_limit() -> None:
    decision = decide(MEMO_FACTS, claim_for("alice"), T0 + timedelta(days=91))
    assert decision.outcome is Outcome.NOT_RECOVERABLE
    assert decision.reasons == ("older than 90 days",)
    assert (decision.reason_code, decision.reason_values) == ("too_old", (("days", "90"),))


def test_above_the_threshold_two_people_approve() -> None:
    facts = replace(MEMO_FACTS, usd_value=Decimal(107_122))
    decision = decide(facts, claim_for("alice"), NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert decision.needs_second_approver
    assert decision.recipient == "alice"


def test_too_small_to_recover() -> None:
    facts = replace(MEMO_FACTS, usd_value=Decimal(8))
    decision = decide(facts, claim_for("alice"), NOW)
    assert decision.outcome is Outcome.NOT_RECOVERABLE
    assert decision.reason_code == "under_recovery_minimum"


def test_without_a_claim_it_waits_for_one() -> None:
    decision = decide(MEMO_FACTS, None, NOW)
    assert decision.outcome is Outcome.AWAITING_CLAIM
    assert decision.recipient == "alice"


EVM_TX = ChainTransfer(
    chain="BSC",
    tx_hash="0x" + "ab" * 32,
    index=0,
    asset="USDC",
    contract="0x8ac76a51cc950d9822d68b83fe1ad97b32cd580d",
    amount=Decimal(1200),
    from_address="0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    to_address="0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    memo=None,
    block_time=T0,
    confirmations=30,
)
OWNED_FACTS = DepositFacts(
    transfer=EVM_TX,
    usd_value=Decimal(1200),
    destination=Destination.USER_ADDRESS,
    owner="alice",
    listing=ListingState.NOT_LISTED,
    listed_on_sibling_chain=True,
    required_confirmations=15,
)


def test_wrong_network_is_recovered_by_hand_with_fee_and_gas() -> None:
    decision = decide(OWNED_FACTS, claim_for("alice", EVM_TX), NOW)
    assert decision.case is MisdepositCase.WRONG_NETWORK
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert decision.reasons == ("this case is recovered by hand",)
    # 5 % of 1,200 = 60 USD (above the 25 floor) + 5 gas = 65 USDC.
    assert decision.fee == Decimal(65) and decision.recipient == "alice"


def test_wrong_network_also_when_the_address_was_issued_on_a_sibling_chain() -> None:
    facts = replace(OWNED_FACTS, listing=ListingState.LISTED, issued_on_this_chain=False)
    assert classify_case(facts) is MisdepositCase.WRONG_NETWORK


def test_a_case_configured_automatic_still_needs_the_owner_to_claim() -> None:
    cases = dict(DEFAULT_POLICY.cases)
    cases[MisdepositCase.WRONG_NETWORK] = replace(
        cases[MisdepositCase.WRONG_NETWORK], handling=Handling.AUTOMATIC
    )
    policy = RecoveryPolicy(cases=cases)
    assert decide(OWNED_FACTS, claim_for("alice", EVM_TX), NOW, policy).outcome is (
        Outcome.AUTOMATIC_RECOVERY
    )
    assert decide(OWNED_FACTS, claim_for("bob", EVM_TX), NOW, policy).outcome is (
        Outcome.MANUAL_REVIEW
    )


def test_unsupported_and_delisted_tokens() -> None:
    unsupported = replace(OWNED_FACTS, listed_on_sibling_chain=False)
    assert classify_case(unsupported) is MisdepositCase.UNSUPPORTED_TOKEN
    assert decide(unsupported, claim_for("alice", EVM_TX), NOW).outcome is Outcome.MANUAL_REVIEW
    cheap = replace(unsupported, usd_value=Decimal(300))  # under the 500 USD minimum
    assert decide(cheap, claim_for("alice", EVM_TX), NOW).outcome is Outcome.NOT_RECOVERABLE
    delisted = replace(OWNED_FACTS, listing=ListingState.DELISTED)
    assert classify_case(delisted) is MisdepositCase.DELISTED_TOKEN


def test_the_fee_never_exceeds_the_amount() -> None:
    policy = DEFAULT_POLICY.cases[MisdepositCase.UNSUPPORTED_TOKEN]
    assert recovery_fee(policy, replace(OWNED_FACTS, usd_value=Decimal(1))) == EVM_TX.amount
    assert recovery_fee(policy, replace(OWNED_FACTS, usd_value=Decimal(0))) == EVM_TX.amount


def test_below_minimum_waits_then_is_credited_to_its_owner() -> None:
    small = replace(XRP_TX, amount=Decimal("0.4"), memo="777")
    facts = DepositFacts(
        transfer=small,
        usd_value=Decimal("0.8"),
        destination=Destination.SHARED_MEMO_ADDRESS,
        owner="alice",
        min_deposit=Decimal(1),
    )
    assert classify_case(facts) is MisdepositCase.BELOW_MINIMUM
    assert decide(facts, claim_for("alice", small), NOW).outcome is Outcome.WAITING
    topped_up = replace(facts, pending_small_total=Decimal("0.7"))
    decision = decide(topped_up, claim_for("alice", small), NOW)
    assert decision.outcome is Outcome.AUTOMATIC_RECOVERY and decision.fee == 0
    assert decide(topped_up, claim_for("bob", small), NOW).outcome is Outcome.MANUAL_REVIEW
    never = RecoveryPolicy(below_minimum_accumulates=False)
    assert decide(facts, claim_for("alice", small), NOW, never).outcome is (Outcome.NOT_RECOVERABLE)


def test_retired_and_hot_wallet_addresses_are_reviewed() -> None:
    for destination in (Destination.RETIRED_ADDRESS, Destination.HOT_WALLET):
        facts = replace(OWNED_FACTS, destination=destination, listing=ListingState.LISTED)
        assert classify_case(facts) is MisdepositCase.RETIRED_ADDRESS
        assert decide(facts, claim_for("alice", EVM_TX), NOW).outcome is Outcome.MANUAL_REVIEW


def test_wrong_coin_on_a_chain_the_exchange_does_not_credit() -> None:
    facts = replace(OWNED_FACTS, chain_enabled=False)
    assert classify_case(facts) is MisdepositCase.WRONG_COIN
    assert decide(facts, claim_for("alice", EVM_TX), NOW).outcome is Outcome.MANUAL_REVIEW


def test_contract_addresses_own_withdrawals_and_foreign_addresses_are_not_recoverable() -> None:
    contract = replace(OWNED_FACTS, destination=Destination.CONTRACT, owner=None)
    own = replace(OWNED_FACTS, destination=Destination.NOT_OURS, withdrawn_by="alice")
    foreign = replace(OWNED_FACTS, destination=Destination.NOT_OURS, owner=None)
    expected = {
        MisdepositCase.CONTRACT_ADDRESS: contract,
        MisdepositCase.OWN_WITHDRAWAL_WRONG_ADDRESS: own,
        MisdepositCase.NOT_AN_EXCHANGE_ADDRESS: foreign,
    }
    for case, facts in expected.items():
        decision = decide(facts, claim_for("alice", EVM_TX), NOW)
        assert (decision.case, decision.outcome) == (case, Outcome.NOT_RECOVERABLE)
        assert decision.reason_code == case.value  # a stable code for the customer's texts
    assert "contact the receiving platform" in decide(own, None, NOW).reasons[0]


def test_pending_confirmations_wait() -> None:
    facts = replace(OWNED_FACTS, transfer=replace(EVM_TX, confirmations=3))
    decision = decide(facts, claim_for("alice", EVM_TX), NOW)
    assert (decision.case, decision.outcome) == (
        MisdepositCase.PENDING_CONFIRMATIONS,
        Outcome.WAITING,
    )


def test_already_credited() -> None:
    facts = replace(MEMO_FACTS, credited_to="alice")
    assert decide(facts, claim_for("alice"), NOW).outcome is Outcome.NOTHING_TO_DO
    # A wrong memo that named a real user: credited to them, so only a person may act.
    assert decide(facts, claim_for("bob"), NOW).outcome is Outcome.MANUAL_REVIEW


def test_nothing_wrong_but_uncredited_is_reviewed() -> None:
    facts = replace(OWNED_FACTS, listing=ListingState.LISTED, min_deposit=Decimal(1))
    assert classify_case(facts) is MisdepositCase.UNEXPLAINED
    assert decide(facts, claim_for("alice", EVM_TX), NOW).outcome is Outcome.MANUAL_REVIEW


def test_a_token_without_a_price_is_valued_by_two_people() -> None:
    facts = replace(OWNED_FACTS, usd_value=None, listed_on_sibling_chain=False)
    decision = decide(facts, claim_for("alice", EVM_TX), NOW)
    assert decision.outcome is Outcome.MANUAL_REVIEW
    assert decision.needs_second_approver and decision.fee == 0
    assert "no reference price: valued by hand, two approvers" in decision.reasons


def test_every_not_recoverable_reason_code_has_its_text_in_the_15_languages() -> None:
    """The codes decide() can give, each with a ``recovery.reason.<code>`` bot text."""
    codes = {TOO_OLD, BELOW_MINIMUM, UNDER_RECOVERY_MINIMUM, FEE_TAKES_ALL, NOT_RECOVERABLE_CASE}
    codes |= {"contract_address", "own_withdrawal_wrong_address", "not_an_exchange_address"}
    for code in codes:
        texts = texts_for(f"recovery.reason.{code}")
        assert set(texts) == set(LANGUAGES), code
    assert recovery_reason(TOO_OLD, "vi", "older than 90 days", {"days": "90"}) == bot_text(
        "recovery.reason.too_old", "vi", days="90"
    )
    assert recovery_reason(None, "vi", "older than 90 days") == "older than 90 days"
