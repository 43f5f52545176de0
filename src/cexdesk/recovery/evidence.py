"""Gathers what the recovery engine decides on from the exchange back office."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from cexdesk.exchange.chains import (
    CHAINS,
    LISTINGS,
    ListingStatus,
    address_key,
    chain,
    find_listing,
    find_listing_by_contract,
    same_address_family,
)
from cexdesk.exchange.protocol import ExchangeBackOffice
from cexdesk.exchange.values import AddressKind, ChainTransfer, DepositStatus
from cexdesk.recovery.engine import Claim, DepositFacts, Destination, ListingState

_DESTINATIONS = {
    AddressKind.USER: Destination.USER_ADDRESS,
    AddressKind.SHARED_MEMO: Destination.SHARED_MEMO_ADDRESS,
    AddressKind.RETIRED: Destination.RETIRED_ADDRESS,
    AddressKind.CONTRACT: Destination.CONTRACT,
    AddressKind.HOT_WALLET: Destination.HOT_WALLET,
}


def _listing_state(transfer: ChainTransfer) -> tuple[ListingState, bool, Decimal]:
    """(listing on this chain, listed on a same-format sibling chain, minimum deposit)."""
    if transfer.contract:
        listing = find_listing_by_contract(transfer.chain, transfer.contract)
    else:
        listing = find_listing(transfer.chain, chain(transfer.chain).native_asset)
    if listing is None:
        sibling = any(
            other.asset == transfer.asset
            and other.chain != transfer.chain
            and other.status is ListingStatus.LISTED
            and same_address_family(other.chain, transfer.chain)
            for other in LISTINGS
        )
        return ListingState.NOT_LISTED, sibling, Decimal(0)
    if listing.status is ListingStatus.DELISTED:
        return ListingState.DELISTED, False, listing.min_deposit
    return ListingState.LISTED, False, listing.min_deposit


async def gather_facts(
    exchange: ExchangeBackOffice,
    transfer: ChainTransfer,
    usd_value: Decimal | None,
    claims: Sequence[Claim] = (),
) -> DepositFacts:
    """The facts about one transfer; ``claims`` are every claim filed on it."""
    listing, sibling, minimum = _listing_state(transfer)
    chain_def = CHAINS[transfer.chain]
    # What the chain and the listings say, before asking whose address it reached.
    base = DepositFacts(
        transfer=transfer,
        usd_value=usd_value,
        destination=Destination.NOT_OURS,
        chain_enabled=chain_def.deposits_enabled,
        listing=listing,
        listed_on_sibling_chain=sibling,
        min_deposit=minimum,
        required_confirmations=chain_def.confirmations,
        claims=tuple(claims),
    )
    target = await exchange.lookup_address(transfer.chain, transfer.to_address)
    if target is None:
        withdrawn_by = None
        for claim in claims:
            withdrawals = await exchange.list_withdrawals(claim.claimant)
            if any((w.tx_hash or "").lower() == transfer.tx_hash.lower() for w in withdrawals):
                withdrawn_by = claim.claimant
        return replace(base, withdrawn_by=withdrawn_by)

    records = [
        d
        for d in await exchange.find_deposits(transfer.chain, transfer.tx_hash)
        if d.transfer.index == transfer.index
    ]
    record = records[0] if records else None
    owner = record.user_id if record else target.user_id
    credited_to = record.user_id if record and record.status is DepositStatus.CREDITED else None

    pending_small = Decimal(0)
    if owner is not None and minimum and transfer.amount < minimum:
        for earlier in await exchange.list_deposits(owner):
            same_place = (
                earlier.transfer.chain == transfer.chain
                and earlier.transfer.asset == transfer.asset
                and address_key(transfer.chain, earlier.transfer.to_address)
                == address_key(transfer.chain, transfer.to_address)
            )
            if (
                same_place
                and earlier.status is DepositStatus.UNMATCHED
                and earlier.transfer.amount < minimum
                and earlier.transfer.tx_hash != transfer.tx_hash
            ):
                pending_small += earlier.transfer.amount

    # Only deposits sent from the address count as links: a withdrawal to it proves
    # nothing (people withdraw to friends and merchants).
    linked = {
        d.user_id
        for d in await exchange.deposits_from(transfer.chain, transfer.from_address)
        if d.user_id is not None
        and d.status is DepositStatus.CREDITED
        and d.transfer.tx_hash != transfer.tx_hash
    }

    return replace(
        base,
        destination=_DESTINATIONS[target.kind],
        owner=owner,
        issued_on_this_chain=target.chain == transfer.chain,
        pending_small_total=pending_small,
        credited_to=credited_to,
        linked_users=frozenset(linked),
        shared_source=await exchange.is_shared_source(transfer.chain, transfer.from_address),
    )
