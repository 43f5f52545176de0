"""Misdeposit classification (pure): which TAXONOMY.md case a deposit is, and what happens.

The one rule that protects money: a recovery is automatic only when the case allows it,
the claim matches the chain record (tx hash, chain, asset, amount, source address),
exactly one candidate owner exists and it is the claimant, nobody else claims it and
nobody was credited; everything else goes to manual review or is not recoverable.
Candidate owners are the address owner where the address is a user's; on a shared
memo address, the users linked to the source address (deposits from it were credited
to them before), unless it is a custodial wallet many people send from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_UP, Decimal
from enum import StrEnum

from cexdesk.exchange.values import ChainTransfer


class MisdepositCase(StrEnum):
    MISSING_MEMO = "missing_memo"
    WRONG_MEMO = "wrong_memo"
    WRONG_NETWORK = "wrong_network"  # same address format (EVM): the exchange holds the key
    UNSUPPORTED_TOKEN = "unsupported_token"  # noqa: S105 (a case name, not a secret)
    DELISTED_TOKEN = "delisted_token"  # noqa: S105
    BELOW_MINIMUM = "below_minimum"
    RETIRED_ADDRESS = "retired_address"  # also single-use and internal (hot wallet) addresses
    WRONG_COIN = "wrong_coin"  # a coin of a chain the exchange does not credit
    CONTRACT_ADDRESS = "contract_address"
    OWN_WITHDRAWAL_WRONG_ADDRESS = "own_withdrawal_wrong_address"
    PENDING_CONFIRMATIONS = "pending_confirmations"
    NOT_AN_EXCHANGE_ADDRESS = "not_an_exchange_address"
    ALREADY_CREDITED = "already_credited"
    UNEXPLAINED = "unexplained"  # nothing wrong found, yet not credited


class Handling(StrEnum):
    """What a case allows at best, as configured."""

    AUTOMATIC = "automatic"
    MANUAL = "manual"
    NOT_RECOVERABLE = "not_recoverable"
    WAIT = "wait"


class Outcome(StrEnum):
    AUTOMATIC_RECOVERY = "automatic_recovery"
    MANUAL_REVIEW = "manual_review"
    NOT_RECOVERABLE = "not_recoverable"
    AWAITING_CLAIM = "awaiting_claim"  # recoverable, but nobody has claimed it yet
    WAITING = "waiting"  # confirmations, or more small deposits, still to come
    NOTHING_TO_DO = "nothing_to_do"


class Destination(StrEnum):
    USER_ADDRESS = "user_address"
    SHARED_MEMO_ADDRESS = "shared_memo_address"
    RETIRED_ADDRESS = "retired_address"
    CONTRACT = "contract"
    HOT_WALLET = "hot_wallet"
    NOT_OURS = "not_ours"


class ListingState(StrEnum):
    LISTED = "listed"
    DELISTED = "delisted"
    NOT_LISTED = "not_listed"


@dataclass(frozen=True)
class Claim:
    """What a user declares about a deposit they made (the self-service claim form)."""

    claimant: str
    chain: str
    tx_hash: str
    asset: str
    amount: Decimal
    from_address: str
    filed_at: datetime


@dataclass(frozen=True)
class DepositFacts:
    """Everything known about one transfer to (or near) the exchange, gathered beforehand."""

    transfer: ChainTransfer
    usd_value: Decimal | None  # None: the exchange has no price for it (valued by hand)
    destination: Destination
    owner: str | None = None  # the user whose address (or, on a memo address, whose memo) it is
    issued_on_this_chain: bool = True  # False: issued on a sibling chain of the same format
    chain_enabled: bool = True
    listing: ListingState = ListingState.LISTED
    listed_on_sibling_chain: bool = False
    min_deposit: Decimal = Decimal(0)
    required_confirmations: int = 1
    # Earlier uncredited below-minimum amounts of this asset at this address.
    pending_small_total: Decimal = Decimal(0)
    credited_to: str | None = None
    withdrawn_by: str | None = None  # the user whose own withdrawal this transfer was
    linked_users: frozenset[str] = frozenset()  # users linked to the source address
    shared_source: bool = False  # a custodial wallet: its links prove nothing
    claims: tuple[Claim, ...] = ()  # every claim filed on this transfer


@dataclass(frozen=True)
class CasePolicy:
    handling: Handling
    fee_rate: Decimal = Decimal(0)  # share of the value
    fee_floor_usd: Decimal = Decimal(0)
    gas_usd: Decimal = Decimal(0)  # the sweep's network fee, passed on
    min_value_usd: Decimal = Decimal(0)
    max_age: timedelta | None = None


def _days(count: int) -> timedelta:
    return timedelta(days=count)


DEFAULT_CASES: Mapping[MisdepositCase, CasePolicy] = {
    MisdepositCase.MISSING_MEMO: CasePolicy(
        Handling.AUTOMATIC, fee_floor_usd=Decimal(5), min_value_usd=Decimal(10), max_age=_days(90)
    ),
    MisdepositCase.WRONG_MEMO: CasePolicy(
        Handling.AUTOMATIC, fee_floor_usd=Decimal(5), min_value_usd=Decimal(10), max_age=_days(90)
    ),
    MisdepositCase.WRONG_NETWORK: CasePolicy(
        Handling.MANUAL,
        fee_rate=Decimal("0.05"),
        fee_floor_usd=Decimal(25),
        gas_usd=Decimal(5),
        min_value_usd=Decimal(50),
        max_age=_days(180),
    ),
    MisdepositCase.UNSUPPORTED_TOKEN: CasePolicy(
        Handling.MANUAL,
        fee_rate=Decimal("0.1"),
        fee_floor_usd=Decimal(100),
        gas_usd=Decimal(5),
        min_value_usd=Decimal(500),
        max_age=_days(180),
    ),
    MisdepositCase.DELISTED_TOKEN: CasePolicy(
        Handling.MANUAL,
        fee_rate=Decimal("0.1"),
        fee_floor_usd=Decimal(100),
        gas_usd=Decimal(5),
        min_value_usd=Decimal(500),
        max_age=_days(180),
    ),
    MisdepositCase.BELOW_MINIMUM: CasePolicy(Handling.WAIT),
    MisdepositCase.RETIRED_ADDRESS: CasePolicy(
        Handling.MANUAL, fee_floor_usd=Decimal(10), min_value_usd=Decimal(20), max_age=_days(180)
    ),
    MisdepositCase.WRONG_COIN: CasePolicy(
        Handling.MANUAL,
        fee_rate=Decimal("0.05"),
        fee_floor_usd=Decimal(50),
        gas_usd=Decimal(5),
        min_value_usd=Decimal(100),
        max_age=_days(180),
    ),
    MisdepositCase.CONTRACT_ADDRESS: CasePolicy(Handling.NOT_RECOVERABLE),
    MisdepositCase.OWN_WITHDRAWAL_WRONG_ADDRESS: CasePolicy(Handling.NOT_RECOVERABLE),
    MisdepositCase.PENDING_CONFIRMATIONS: CasePolicy(Handling.WAIT),
    MisdepositCase.NOT_AN_EXCHANGE_ADDRESS: CasePolicy(Handling.NOT_RECOVERABLE),
    MisdepositCase.ALREADY_CREDITED: CasePolicy(Handling.NOT_RECOVERABLE),
    MisdepositCase.UNEXPLAINED: CasePolicy(Handling.MANUAL),
}


@dataclass(frozen=True)
class RecoveryPolicy:
    cases: Mapping[MisdepositCase, CasePolicy] = field(default_factory=lambda: DEFAULT_CASES)
    # Above this value a person approves, and a second person too; nothing is automatic.
    second_approver_above_usd: Decimal = Decimal(10_000)
    # Below-minimum deposits: credited once the address's small deposits reach the minimum
    # (True), or never (False).
    below_minimum_accumulates: bool = True


DEFAULT_POLICY = RecoveryPolicy()

# The reason codes of a not-recoverable decision: these, and the cases of
# ``_NOT_RECOVERABLE_REASONS`` by their value.
TOO_OLD = "too_old"  # with the value "days": the case's age limit
BELOW_MINIMUM = "below_minimum"
UNDER_RECOVERY_MINIMUM = "under_recovery_minimum"
FEE_TAKES_ALL = "fee_takes_all"
NOT_RECOVERABLE_CASE = "case_not_recoverable"  # a case a desk configured as not recoverable


@dataclass(frozen=True)
class RecoveryDecision:
    case: MisdepositCase
    outcome: Outcome
    reasons: tuple[str, ...]
    candidates: frozenset[str]
    recipient: str | None = None  # automatic: who is credited; manual: the proposed owner
    fee: Decimal = Decimal(0)  # in the deposit's asset
    net_amount: Decimal = Decimal(0)
    needs_second_approver: bool = False
    # Why a deposit is not recoverable, as a stable code (``NOT_RECOVERABLE_CODES``) with
    # its values, for texts in the customer's language; the reasons stay the prose.
    reason_code: str | None = None
    reason_values: tuple[tuple[str, str], ...] = ()


_NO_CLAIM_CASES = frozenset(
    {
        MisdepositCase.CONTRACT_ADDRESS,
        MisdepositCase.OWN_WITHDRAWAL_WRONG_ADDRESS,
        MisdepositCase.NOT_AN_EXCHANGE_ADDRESS,
        MisdepositCase.PENDING_CONFIRMATIONS,
        MisdepositCase.ALREADY_CREDITED,
    }
)
_OWNED_ADDRESS_CASES = frozenset(
    {
        MisdepositCase.WRONG_NETWORK,
        MisdepositCase.UNSUPPORTED_TOKEN,
        MisdepositCase.DELISTED_TOKEN,
        MisdepositCase.BELOW_MINIMUM,
        MisdepositCase.RETIRED_ADDRESS,
        MisdepositCase.WRONG_COIN,
        MisdepositCase.UNEXPLAINED,
    }
)


def classify_case(facts: DepositFacts) -> MisdepositCase:
    """The TAXONOMY.md case of a transfer, from the chain and the exchange's records."""
    destination = facts.destination
    if destination is Destination.NOT_OURS:
        if facts.withdrawn_by is not None:
            return MisdepositCase.OWN_WITHDRAWAL_WRONG_ADDRESS
        return MisdepositCase.NOT_AN_EXCHANGE_ADDRESS
    if facts.credited_to is not None:
        return MisdepositCase.ALREADY_CREDITED
    if destination is Destination.CONTRACT:
        return MisdepositCase.CONTRACT_ADDRESS
    if not facts.chain_enabled:
        return MisdepositCase.WRONG_COIN
    if facts.transfer.confirmations < facts.required_confirmations:
        return MisdepositCase.PENDING_CONFIRMATIONS
    if destination is Destination.RETIRED_ADDRESS or destination is Destination.HOT_WALLET:
        return MisdepositCase.RETIRED_ADDRESS
    if not facts.issued_on_this_chain:
        return MisdepositCase.WRONG_NETWORK
    if facts.listing is ListingState.NOT_LISTED:
        if facts.listed_on_sibling_chain:
            return MisdepositCase.WRONG_NETWORK
        return MisdepositCase.UNSUPPORTED_TOKEN
    if facts.listing is ListingState.DELISTED:
        return MisdepositCase.DELISTED_TOKEN
    if destination is Destination.SHARED_MEMO_ADDRESS and facts.owner is None:
        return MisdepositCase.WRONG_MEMO if facts.transfer.memo else MisdepositCase.MISSING_MEMO
    if facts.transfer.amount < facts.min_deposit:
        return MisdepositCase.BELOW_MINIMUM
    return MisdepositCase.UNEXPLAINED


def _same_address(first: str, second: str) -> bool:
    # EVM and bech32 addresses are case-insensitive; base58 ones are not, but two
    # different base58 addresses never differ in case alone with valid checksums.
    return first.lower() == second.lower()


def claim_matches(claim: Claim, transfer: ChainTransfer) -> bool:
    """Whether a claim's declared details are the chain record's, exactly."""
    return (
        claim.chain == transfer.chain
        and claim.tx_hash.lower() == transfer.tx_hash.lower()
        and claim.asset == transfer.asset
        and claim.amount == transfer.amount
        and _same_address(claim.from_address, transfer.from_address)
    )


def candidate_owners(case: MisdepositCase, facts: DepositFacts) -> frozenset[str]:
    """Who the money may belong to, from the records alone (claims do not make owners)."""
    if case in _OWNED_ADDRESS_CASES:
        return frozenset({facts.owner}) if facts.owner else frozenset()
    if case in (MisdepositCase.MISSING_MEMO, MisdepositCase.WRONG_MEMO):
        return frozenset() if facts.shared_source else facts.linked_users
    return frozenset()


def recovery_fee(policy: CasePolicy, facts: DepositFacts) -> Decimal:
    """The fee in the deposit's asset: a share of the value above a floor, plus gas."""
    value = facts.usd_value
    if value is None or value <= 0:
        return facts.transfer.amount
    fee_usd = max(policy.fee_floor_usd, policy.fee_rate * value) + policy.gas_usd
    fee = facts.transfer.amount * fee_usd / value
    return min(fee.quantize(Decimal("0.00000001"), rounding=ROUND_UP), facts.transfer.amount)


def decide(
    facts: DepositFacts,
    claim: Claim | None,
    now: datetime,
    policy: RecoveryPolicy = DEFAULT_POLICY,
) -> RecoveryDecision:
    """The case and what happens to the deposit, for ``claim`` (or none yet)."""
    case = classify_case(facts)
    case_policy = policy.cases[case]
    candidates = candidate_owners(case, facts)

    def decision(
        outcome: Outcome,
        *reasons: str,
        recipient: str | None = None,
        priced: bool = False,
        code: str | None = None,
        values: tuple[tuple[str, str], ...] = (),
    ) -> RecoveryDecision:
        if not priced:
            return RecoveryDecision(
                case, outcome, reasons, candidates, recipient, reason_code=code,
                reason_values=values,
            )  # fmt: skip
        return RecoveryDecision(
            case, outcome, reasons, candidates, recipient, fee, net, second_approver
        )

    if case is MisdepositCase.ALREADY_CREDITED:
        if claim is not None and claim.claimant != facts.credited_to:
            # A wrong memo that named a real user: only a person may take it back from them.
            return decision(Outcome.MANUAL_REVIEW, "credited to another account")
        return decision(Outcome.NOTHING_TO_DO, "already credited")
    if case is MisdepositCase.PENDING_CONFIRMATIONS:
        return decision(Outcome.WAITING, "waiting for network confirmations")
    if case_policy.handling is Handling.NOT_RECOVERABLE:
        return decision(
            Outcome.NOT_RECOVERABLE,
            _NOT_RECOVERABLE_REASONS.get(case, case.value),
            code=case.value if case in _NOT_RECOVERABLE_REASONS else NOT_RECOVERABLE_CASE,
        )
    if case_policy.max_age is not None and now - facts.transfer.block_time > case_policy.max_age:
        days = str(case_policy.max_age.days)
        return decision(
            Outcome.NOT_RECOVERABLE, f"older than {days} days", code=TOO_OLD,
            values=(("days", days),),
        )  # fmt: skip
    if case is MisdepositCase.BELOW_MINIMUM:
        if not policy.below_minimum_accumulates:
            return decision(
                Outcome.NOT_RECOVERABLE, "below the minimum deposit", code=BELOW_MINIMUM
            )
        if facts.pending_small_total + facts.transfer.amount < facts.min_deposit:
            return decision(
                Outcome.WAITING, "credited with later deposits once they reach the minimum"
            )
        handling = Handling.AUTOMATIC
        fee = Decimal(0)  # an ordinary deposit after all: no recovery fee
    else:
        handling = case_policy.handling
        if facts.usd_value is None:
            fee = Decimal(0)  # the reviewers value it and set the fee
        elif facts.usd_value < case_policy.min_value_usd:
            return decision(
                Outcome.NOT_RECOVERABLE, "worth less than the recovery minimum",
                code=UNDER_RECOVERY_MINIMUM,
            )  # fmt: skip
        else:
            fee = recovery_fee(case_policy, facts)
            if fee >= facts.transfer.amount:
                return decision(
                    Outcome.NOT_RECOVERABLE, "the fee would take all of it", code=FEE_TAKES_ALL
                )
    net = facts.transfer.amount - fee
    unpriced = facts.usd_value is None
    second_approver = facts.usd_value is None or facts.usd_value > policy.second_approver_above_usd
    proposed = next(iter(candidates)) if len(candidates) == 1 else None

    if claim is None:
        return decision(
            Outcome.AWAITING_CLAIM, "no claim filed yet", recipient=proposed, priced=True
        )
    reasons = _blockers(claim, facts, candidates)
    if unpriced:
        reasons.append("no reference price: valued by hand, two approvers")
    elif second_approver:
        reasons.append("above the automatic limit: two approvers")
    if handling is not Handling.AUTOMATIC:
        reasons.append("this case is recovered by hand")
    if reasons:
        return decision(Outcome.MANUAL_REVIEW, *reasons, recipient=proposed, priced=True)
    return decision(
        Outcome.AUTOMATIC_RECOVERY,
        "one candidate owner, who is the claimant, and the claim matches the chain",
        recipient=claim.claimant,
        priced=True,
    )


def _blockers(claim: Claim, facts: DepositFacts, candidates: frozenset[str]) -> list[str]:
    """Why a claim cannot be paid automatically; empty when nothing stands in the way."""
    reasons = []
    if not claim_matches(claim, facts.transfer):
        reasons.append("declared details do not match the chain record")
    if facts.shared_source:
        reasons.append("sent from a custodial wallet many people use")
    if not candidates:
        reasons.append("no candidate owner in the records")
    elif candidates != {claim.claimant}:
        if claim.claimant in candidates:
            reasons.append("more than one candidate owner")
        else:
            reasons.append("the claimant is not the candidate owner")
    if any(other.claimant != claim.claimant for other in facts.claims):
        reasons.append("claimed by more than one user")
    return reasons


_NOT_RECOVERABLE_REASONS: Mapping[MisdepositCase, str] = {
    MisdepositCase.CONTRACT_ADDRESS: "sent to a contract address; only special programmes apply",
    MisdepositCase.OWN_WITHDRAWAL_WRONG_ADDRESS: (
        "your withdrawal reached the address you gave; contact the receiving platform"
    ),
    MisdepositCase.NOT_AN_EXCHANGE_ADDRESS: "the address does not belong to the exchange",
}
