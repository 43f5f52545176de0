"""Automatic recovery never credits anyone but the one rightful claimant.

Deposit histories are generated as a world: users, their personal wallets (each
controlled by one person), custodial wallets the exchange has labelled as shared,
earlier deposits from those wallets, then one misdeposit by a user or an outsider,
and claims by any users, honest or impostors who copy every public detail of the
transaction (or get some wrong). The facts are derived from the history the way the
evidence gatherer derives them from the exchange's records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cexdesk.exchange.values import ChainTransfer
from cexdesk.recovery.engine import (
    DEFAULT_POLICY,
    Claim,
    DepositFacts,
    Destination,
    Handling,
    ListingState,
    Outcome,
    RecoveryPolicy,
    decide,
)

T0 = datetime(2026, 9, 1, tzinfo=UTC)
USERS = [f"u{i}" for i in range(5)]
CUSTODIAL = ["custodial-0", "custodial-1"]


@dataclass(frozen=True)
class World:
    facts: DepositFacts
    claim: Claim | None
    rightful: str | None


@st.composite
def worlds(draw: st.DrawFn) -> World:
    wallet_owner = {f"w{i}": draw(st.sampled_from(USERS)) for i in range(draw(st.integers(1, 6)))}
    sources = [*wallet_owner, *CUSTODIAL]
    # Earlier credited deposits: from one's own wallets, or from a custodial wallet.
    history: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(0, 12))):
        source = draw(st.sampled_from(sources))
        depositor = wallet_owner.get(source) or draw(st.sampled_from(USERS))
        history.append((source, depositor))

    sender = draw(st.sampled_from([*USERS, None]))
    own_wallets = [w for w, owner in wallet_owner.items() if owner == sender]
    source = draw(st.sampled_from([*own_wallets, *CUSTODIAL, "fresh-wallet"]))
    memo_case = draw(st.booleans())
    owner = None if memo_case else draw(st.sampled_from(USERS))
    transfer = ChainTransfer(
        chain="XRP" if memo_case else "BSC",
        tx_hash="ab" * 32,
        index=0,
        asset="XRP" if memo_case else "USDC",
        contract=None,
        amount=Decimal(draw(st.integers(1, 20_000))),
        from_address=source,
        to_address="exchange",
        memo=draw(st.sampled_from([None, "999"])) if memo_case else None,
        block_time=T0,
        confirmations=100,
    )
    # The money is the address owner's; on a memo address, the sender's if they are a user.
    rightful = sender if memo_case else owner

    claims = []
    # Mostly one claimant with every detail right: the case where a wrong rule would pay.
    claimants = draw(
        st.one_of(
            st.lists(st.sampled_from(USERS), min_size=1, max_size=1),
            st.lists(st.sampled_from(USERS), max_size=3, unique=True),
        )
    )
    for claimant in claimants:
        wrong = draw(st.sampled_from([None, None, None, "amount", "source", "tx"]))
        claims.append(
            Claim(
                claimant=claimant,
                chain=transfer.chain,
                tx_hash="cd" * 32 if wrong == "tx" else transfer.tx_hash,
                asset=transfer.asset,
                amount=transfer.amount + (1 if wrong == "amount" else 0),
                from_address="elsewhere" if wrong == "source" else transfer.from_address,
                filed_at=T0 + timedelta(days=1),
            )
        )
    facts = DepositFacts(
        transfer=transfer,
        usd_value=transfer.amount,
        destination=Destination.SHARED_MEMO_ADDRESS if memo_case else Destination.USER_ADDRESS,
        owner=owner,
        listing=ListingState.LISTED if memo_case else ListingState.NOT_LISTED,
        listed_on_sibling_chain=draw(st.booleans()),
        min_deposit=Decimal(1),
        credited_to=None,
        linked_users=frozenset(d for s, d in history if s == source),
        shared_source=source in CUSTODIAL,
        claims=tuple(claims),
    )
    claim = draw(st.sampled_from(claims)) if claims else None
    return World(facts, claim, rightful)


def _custodial_impostor() -> World:
    """Alice sends from an exchange's hot wallet that only Mallory deposited from before."""
    transfer = ChainTransfer(
        "XRP", "ab" * 32, 0, "XRP", None, Decimal(500), "custodial-0", "exchange", None, T0, 100
    )
    claim = Claim(
        "mallory", "XRP", transfer.tx_hash, "XRP", transfer.amount, "custodial-0",
        T0 + timedelta(days=1),
    )  # fmt: skip
    facts = DepositFacts(
        transfer=transfer,
        usd_value=Decimal(500),
        destination=Destination.SHARED_MEMO_ADDRESS,
        min_deposit=Decimal(1),
        linked_users=frozenset({"mallory"}),
        shared_source=True,
        claims=(claim,),
    )
    return World(facts, claim, "alice")


@settings(max_examples=250, deadline=None)
@given(world=worlds(), automatic_everywhere=st.booleans())
@example(world=_custodial_impostor(), automatic_everywhere=False)
def test_automatic_recovery_credits_only_the_rightful_claimant(
    world: World, automatic_everywhere: bool
) -> None:
    policy = DEFAULT_POLICY
    if automatic_everywhere:
        # Even an operator who makes every case automatic cannot pay the wrong person.
        policy = RecoveryPolicy(
            cases={
                case: replace(rule, handling=Handling.AUTOMATIC)
                if rule.handling is Handling.MANUAL
                else rule
                for case, rule in DEFAULT_POLICY.cases.items()
            }
        )
    decision = decide(world.facts, world.claim, T0 + timedelta(days=2), policy)
    if decision.outcome is Outcome.AUTOMATIC_RECOVERY:
        assert world.claim is not None
        assert decision.recipient == world.claim.claimant == world.rightful
        assert {c.claimant for c in world.facts.claims} == {world.claim.claimant}
        assert decision.candidates == {world.claim.claimant}
        assert decision.net_amount + decision.fee == world.facts.transfer.amount


@settings(max_examples=100, deadline=None)
@given(world=worlds())
def test_the_honest_sole_claimant_from_a_known_wallet_is_paid(world: World) -> None:
    """The other direction, so the rule is not vacuous: the easy case does pay out."""
    facts = world.facts
    claim = world.claim
    honest_alone = (
        claim is not None
        and claim.claimant == world.rightful
        and len(facts.claims) == 1
        and claim.tx_hash == facts.transfer.tx_hash
        and claim.amount == facts.transfer.amount
        and claim.from_address == facts.transfer.from_address
        and facts.destination is Destination.SHARED_MEMO_ADDRESS
        and facts.linked_users == {claim.claimant}
        and not facts.shared_source
        and Decimal(10) <= facts.usd_value <= Decimal(10_000)
    )
    if honest_alone:
        assert decide(facts, claim, T0 + timedelta(days=2)).outcome is Outcome.AUTOMATIC_RECOVERY
