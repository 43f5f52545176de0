"""The answers to the dialogue's lookups, fetched from the exchange back office.

A deposit named by its tx hash is looked up on the chains the hash may belong to; one
that reached the exchange but was not credited is given to the recovery engine
(``recovery.evidence`` + ``recovery.engine.decide``), which names its misdeposit case
and whether it can be recovered, exactly as a claim filed later would be decided.
Another user's deposit is never described: the customer learns only that a person will
look at it.

Runs outside any write transaction (the back office is a network round trip away): the
one read of cexdesk's own tables, a claim already filed, takes a short read session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from cexdesk.bot.dialogue import (
    DepositFinding,
    Facts,
    Lookup,
    ProfileFinding,
    WithdrawalFinding,
)
from cexdesk.core.db import Database
from cexdesk.exchange.chains import CHAINS
from cexdesk.exchange.protocol import ExchangeBackOffice, UnknownUser
from cexdesk.exchange.values import ChainTransfer, DepositStatus, WithdrawalStatus
from cexdesk.recovery import service as recovery_service
from cexdesk.recovery.engine import DEFAULT_POLICY, Outcome, RecoveryPolicy, decide
from cexdesk.recovery.evidence import gather_facts

RECENT_WITHDRAWALS = 5


def when(moment: datetime) -> str:
    """A time as the bot writes it (UTC, to the minute)."""
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def amount_text(amount: Decimal) -> str:
    text = format(amount.normalize(), "f")
    return text


async def gather(
    db: Database,
    exchange: ExchangeBackOffice,
    exchange_uid: str,
    lookups: Sequence[Lookup],
    now: datetime,
    *,
    claim_url: str,
    sign_in_url: str,
    policy: RecoveryPolicy = DEFAULT_POLICY,
) -> Facts:
    deposit = withdrawals = profile = None
    for lookup in lookups:
        if lookup.kind == "deposit" and lookup.tx_hash:
            deposit = await _deposit(
                db, exchange, exchange_uid, lookup.tx_hash, lookup.chains, now, policy
            )
        elif lookup.kind == "withdrawals":
            withdrawals = await _withdrawals(exchange, exchange_uid)
        elif lookup.kind == "profile":
            profile = await _profile(exchange, exchange_uid, now)
    return Facts(deposit, withdrawals, profile, claim_url=claim_url, sign_in_url=sign_in_url)


async def _find(
    exchange: ExchangeBackOffice, tx_hash: str, chains: Sequence[str]
) -> list[ChainTransfer]:
    for code in chains or tuple(CHAINS):
        if code not in CHAINS:
            continue
        found = await exchange.find_transfers(code, tx_hash)
        if found:
            return found
    return []


async def _deposit(
    db: Database,
    exchange: ExchangeBackOffice,
    exchange_uid: str,
    tx_hash: str,
    chains: Sequence[str],
    now: datetime,
    policy: RecoveryPolicy,
) -> DepositFinding:
    transfers = await _find(exchange, tx_hash, chains)
    if not transfers:
        return DepositFinding(tx_hash, "not_found")
    transfer = transfers[0]
    records = [
        d
        for d in await exchange.find_deposits(transfer.chain, transfer.tx_hash)
        if d.transfer.index == transfer.index
    ]
    record = records[0] if records else None
    base = DepositFinding(
        tx_hash,
        "misdeposit",
        asset=transfer.asset,
        amount=amount_text(transfer.amount),
        network=transfer.chain,
        confirmations=transfer.confirmations,
        required=CHAINS[transfer.chain].confirmations,
    )
    if record is not None and record.user_id not in (None, exchange_uid):
        return DepositFinding(tx_hash, "other_account")
    if record is not None and record.status is DepositStatus.CREDITED:
        credited = record.credited_amount if record.credited_amount is not None else None
        return DepositFinding(
            tx_hash, "credited", asset=transfer.asset,
            amount=amount_text(credited if credited is not None else transfer.amount),
            network=transfer.chain,
            time=when(record.credited_at) if record.credited_at else "",
        )  # fmt: skip
    if record is not None and record.status is DepositStatus.PENDING:
        return DepositFinding(
            tx_hash, "confirming", asset=base.asset, amount=base.amount, network=base.network,
            confirmations=base.confirmations, required=base.required,
        )  # fmt: skip
    async with db.reading() as session:
        claim = await recovery_service.claim_of(
            session, exchange_uid, transfer.chain, transfer.tx_hash.lower(), transfer.index
        )
    if claim is not None:
        return DepositFinding(tx_hash, "claim_filed", asset=base.asset, amount=base.amount)
    price = await exchange.usd_price(transfer.asset)
    usd_value = transfer.amount * price if price > 0 else None
    facts = await gather_facts(exchange, transfer, usd_value)
    decision = decide(facts, None, now, policy)
    if decision.outcome is Outcome.WAITING and decision.case.value == "pending_confirmations":
        return DepositFinding(
            tx_hash, "confirming", asset=base.asset, amount=base.amount, network=base.network,
            confirmations=base.confirmations, required=base.required,
        )  # fmt: skip
    return DepositFinding(
        tx_hash, "misdeposit", asset=base.asset, amount=base.amount, network=base.network,
        confirmations=base.confirmations, required=base.required, case=decision.case.value,
        outcome=decision.outcome.value, reason="; ".join(decision.reasons),
        reason_code=decision.reason_code, reason_values=decision.reason_values,
    )  # fmt: skip


async def _withdrawals(
    exchange: ExchangeBackOffice, exchange_uid: str
) -> tuple[WithdrawalFinding, ...]:
    try:
        found = await exchange.list_withdrawals(exchange_uid)
    except UnknownUser:
        return ()
    newest = sorted(found, key=lambda w: w.requested_at, reverse=True)[:RECENT_WITHDRAWALS]
    return tuple(
        WithdrawalFinding(
            id=w.id,
            status=w.status.value,
            asset=w.asset,
            amount=amount_text(w.amount),
            time=when(w.requested_at),
            tx_hash=w.tx_hash if w.status is WithdrawalStatus.BROADCAST else None,
            hold_reason=w.hold_reason,
        )
        for w in newest
    )


async def _profile(
    exchange: ExchangeBackOffice, exchange_uid: str, now: datetime
) -> ProfileFinding | None:
    try:
        profile = await exchange.get_user(exchange_uid)
    except UnknownUser:
        return None
    locked = profile.withdrawals_locked_until
    return ProfileFinding(
        frozen=profile.frozen,
        kyc=profile.kyc.value,
        locked_until=when(locked) if locked is not None and locked > now else None,
    )
