"""Recovery use cases: filing a claim (paid at once when the rules allow), review, figures.

Money moves through the exchange's idempotent credit with one key per deposit
(``recovery:<chain>:<tx>:<index>``), so a deposit is paid back at most once however
many claims, approvals or retries there are; every payment has an audit entry.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit, outbox
from cexdesk.core.errors import Conflict, Invalid, NotFound
from cexdesk.customers.models import Customer
from cexdesk.exchange.chains import CHAINS, InvalidAddress, check_address
from cexdesk.exchange.protocol import ExchangeBackOffice, IdempotencyConflict
from cexdesk.exchange.values import ChainTransfer
from cexdesk.recovery import service
from cexdesk.recovery.engine import (
    DEFAULT_POLICY,
    Claim,
    DepositFacts,
    Outcome,
    RecoveryDecision,
    RecoveryPolicy,
    decide,
)
from cexdesk.recovery.events import ClaimFiled, ClaimRejected, Recovered
from cexdesk.recovery.evidence import gather_facts
from cexdesk.recovery.models import RecoveryClaim, RecoveryDetection
from cexdesk.recovery.schemas import ClaimForm

RECOVERY = audit.Actor("system", "recovery")

_STATUS = {
    Outcome.AUTOMATIC_RECOVERY: "in_review",  # until the credit below succeeds
    Outcome.MANUAL_REVIEW: "in_review",
    Outcome.NOT_RECOVERABLE: "not_recoverable",
    Outcome.WAITING: "waiting",
    Outcome.AWAITING_CLAIM: "waiting",
    Outcome.NOTHING_TO_DO: "nothing_to_do",
}


def _pick_transfer(transfers: list[ChainTransfer], form: ClaimForm) -> ChainTransfer:
    """The transfer of a transaction the claim is about (the one matching what was declared)."""
    for transfer in transfers:
        if transfer.asset == form.asset and transfer.amount == form.amount:
            return transfer
    return transfers[0]


def _evidence(
    facts: DepositFacts, decision: RecoveryDecision, note: str | None = None
) -> dict[str, object]:
    """What a reviewer needs to see, laid out once when the claim is decided."""
    transfer = facts.transfer
    extra: dict[str, object] = {}
    if decision.reason_code is not None:
        # Why not recoverable, as a code the customer's pages put in their language.
        extra["reason_code"] = decision.reason_code
        extra["reason_values"] = dict(decision.reason_values)
    if note:
        extra["note"] = note  # the claimant's own words
    return extra | {
        "transfer": {
            "asset": transfer.asset,
            "amount": str(transfer.amount),
            "from": transfer.from_address,
            "to": transfer.to_address,
            "memo": transfer.memo,
            "block_time": transfer.block_time.isoformat(),
            "confirmations": transfer.confirmations,
        },
        "destination": facts.destination.value,
        "address_owner": facts.owner,
        "credited_to": facts.credited_to,
        "listing": facts.listing.value,
        "linked_users": sorted(facts.linked_users),
        "shared_source": facts.shared_source,
        "claimants": sorted({c.claimant for c in facts.claims}),
        "candidates": sorted(decision.candidates),
    }


async def file_claim(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    customer: Customer,
    form: ClaimForm,
    policy: RecoveryPolicy = DEFAULT_POLICY,
) -> RecoveryClaim:
    """Record and decide a claim; pay it at once when the decision is automatic."""
    if customer.exchange_uid is None:
        raise Invalid("customer", "only signed-in exchange users can claim a deposit")
    if form.network not in CHAINS:
        raise Invalid("network", f"unknown network; one of {', '.join(CHAINS)}")
    try:
        check_address(form.network, form.source_address)
    except InvalidAddress as error:
        raise Invalid("source_address", str(error)) from None
    transfers = await exchange.find_transfers(form.network, form.tx_hash)
    if not transfers:
        raise Invalid("tx_hash", f"no such transaction on {form.network}; check the network")
    transfer = _pick_transfer(transfers, form)
    tx_key = transfer.tx_hash.lower()
    existing = await service.claim_of(
        session, customer.exchange_uid, transfer.chain, tx_key, transfer.index
    )
    if existing is not None:
        return existing

    now = outbox.session_clock(session).now()
    claim = Claim(
        customer.exchange_uid,
        form.network,
        form.tx_hash,
        form.asset,
        form.amount,
        form.source_address,
        now,
    )
    others = await service.claims_on_transfer(session, transfer.chain, tx_key, transfer.index)
    all_claims = [
        Claim(
            other.exchange_uid,
            other.chain,
            other.tx_hash,
            other.asset,
            Decimal(other.amount),
            other.from_address,
            other.filed_at,
        )
        for other in others
    ] + [claim]
    price = await exchange.usd_price(transfer.asset)
    usd_value = transfer.amount * price if price > 0 else None
    facts = await gather_facts(exchange, transfer, usd_value, all_claims)
    decision = decide(facts, claim, now, policy)
    row = RecoveryClaim(
        customer_id=customer.id,
        exchange_uid=customer.exchange_uid,
        chain=transfer.chain,
        tx_hash=form.tx_hash,
        tx_key=tx_key,
        transfer_index=transfer.index,
        asset=form.asset,
        amount=str(form.amount),
        from_address=form.source_address,
        filed_at=now,
        case=decision.case.value,
        outcome=decision.outcome.value,
        status=_STATUS[decision.outcome],
        reasons=list(decision.reasons),
        evidence=_evidence(facts, decision, form.note),
        usd_value=None if usd_value is None else str(usd_value),
        fee=str(decision.fee),
        net_amount=str(decision.net_amount),
        proposed_owner=decision.recipient,
        needs_second_approver=decision.needs_second_approver,
    )
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError:
        # The same user filed the same claim twice at once: the first one stands.
        first = await service.claim_of(
            session, customer.exchange_uid, transfer.chain, tx_key, transfer.index
        )
        if first is None:
            raise
        return first
    await outbox.record(session, ClaimFiled(row.id, customer.id, row.case, row.status))
    if decision.outcome is Outcome.AUTOMATIC_RECOVERY:
        assert decision.recipient == customer.exchange_uid
        await _pay(session, exchange, row, RECOVERY, now, automatic=True)
    return row


def credit_key(claim: RecoveryClaim) -> str:
    """One key per deposit, not per claim: a deposit can be paid back only once."""
    return f"recovery:{claim.chain}:{claim.tx_key}:{claim.transfer_index}"


async def _pay(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    claim: RecoveryClaim,
    actor: audit.Actor,
    now: datetime,
    *,
    automatic: bool,
) -> None:
    net = Decimal(claim.net_amount)
    if net <= 0:
        raise Conflict("nothing to pay on this claim")
    asset = str(claim.evidence["transfer"]["asset"])  # what the chain says, not the form
    key = credit_key(claim)
    try:
        result = await exchange.credit(
            key, claim.exchange_uid, asset, net, f"misdeposit recovery, claim {claim.id}"
        )
    except IdempotencyConflict:
        raise Conflict("this deposit has already been paid back to someone") from None
    claim.status = "recovered"
    claim.credit_key = key
    claim.credited_at = now
    await audit.append(
        session,
        actor,
        "recovery.credited",
        subject_type="recovery_claim",
        subject_id=claim.id,
        data={
            "exchange_uid": claim.exchange_uid,
            "asset": asset,
            "net_amount": claim.net_amount,
            "fee": claim.fee,
            "usd_value": claim.usd_value,
            "idempotency_key": key,
            "change_id": result.change_id,
            "automatic": automatic,
            "approvers": [claim.first_approver_id, claim.second_approver_id],
        },
    )
    await outbox.record(
        session, Recovered(claim.id, claim.customer_id, asset, claim.net_amount, automatic)
    )


async def approve(
    session: AsyncSession, exchange: ExchangeBackOffice, claim_id: int, agent_id: int
) -> RecoveryClaim:
    """Approve a claim under review; pays it, or waits for a second approver above the limit.

    Replays are harmless: a paid claim is returned as it is, and the first approver
    approving again does not count as the second.
    """
    claim = await service.claim_for_update(session, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    if claim.status == "recovered":
        return claim
    if claim.status != "in_review":
        raise Conflict(f"the claim is {claim.status}, not in review")
    if claim.proposed_owner not in (None, claim.exchange_uid):
        raise Conflict("the records point to another owner; this claim cannot be paid")
    actor = audit.Actor("agent", str(agent_id))
    if claim.first_approver_id is None:
        claim.first_approver_id = agent_id
    elif agent_id == claim.first_approver_id:
        return claim
    elif claim.needs_second_approver and claim.second_approver_id is None:
        claim.second_approver_id = agent_id
    await audit.append(
        session, actor, "recovery.approved", subject_type="recovery_claim", subject_id=claim.id
    )
    if claim.needs_second_approver and claim.second_approver_id is None:
        return claim
    await _pay(
        session, exchange, claim, actor, outbox.session_clock(session).now(), automatic=False
    )
    return claim


async def reject(session: AsyncSession, claim_id: int, agent_id: int, note: str) -> RecoveryClaim:
    claim = await service.claim_for_update(session, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    if claim.status == "rejected":
        return claim
    if claim.status != "in_review":
        raise Conflict(f"the claim is {claim.status}, not in review")
    claim.status = "rejected"
    claim.closed_note = note
    await audit.append(
        session,
        audit.Actor("agent", str(agent_id)),
        "recovery.rejected",
        subject_type="recovery_claim",
        subject_id=claim.id,
        data={"note": note},
    )
    await outbox.record(session, ClaimRejected(claim.id, claim.customer_id, agent_id))
    return claim


async def detect(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    chain: str,
    tx_hash: str,
    index: int,
    now: datetime,
    policy: RecoveryPolicy = DEFAULT_POLICY,
) -> RecoveryDetection | None:
    """Decide an uncredited deposit the exchange reported, before anyone claims it (once)."""
    tx_key = tx_hash.lower()
    existing = await service.detection_of(session, chain, tx_key, index)
    if existing is not None:
        return existing
    transfer = next(
        (t for t in await exchange.find_transfers(chain, tx_hash) if t.index == index), None
    )
    if transfer is None:
        return None  # the back office reported a transfer it cannot show: nothing to decide
    price = await exchange.usd_price(transfer.asset)
    usd_value = transfer.amount * price if price > 0 else None
    claims = [
        Claim(c.exchange_uid, c.chain, c.tx_hash, c.asset, Decimal(c.amount), c.from_address,
              c.filed_at)
        for c in await service.claims_on_transfer(session, chain, tx_key, index)
    ]  # fmt: skip
    facts = await gather_facts(exchange, transfer, usd_value, claims)
    decision = decide(facts, None, now, policy)
    detection = RecoveryDetection(
        chain=chain,
        tx_hash=transfer.tx_hash,
        tx_key=tx_key,
        transfer_index=index,
        asset=transfer.asset,
        amount=str(transfer.amount),
        usd_value=None if usd_value is None else str(usd_value),
        case=decision.case.value,
        outcome=decision.outcome.value,
        proposed_owner=decision.recipient,
        reasons=list(decision.reasons),
        detected_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(detection)
            await session.flush()
    except IntegrityError:
        return await service.detection_of(session, chain, tx_key, index)
    return detection
